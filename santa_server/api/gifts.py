"""Gift tracking per pair, the organizers' counts, and backup santas."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request

from santa_core.draw import changes as change_service
from santa_core.gift import service as gift_service
from santa_core.gift.schemas import (
    BackupRequest,
    BackupResult,
    Gift,
    GiftList,
    GiftMove,
    GiftSummary,
)
from santa_core.models import Language
from santa_server.api._common import language
from santa_server.deps import CurrentUser, SessionDep, SettingsDep
from santa_server.errors import problems

router = APIRouter(tags=["gifts"])


@router.get(
    "/boxes/{box_id}/gifts",
    operation_id="list_my_gifts",
    response_model=GiftList,
    responses=problems("box_not_editable", "box_not_found"),
)
def list_my_gifts(
    box_id: uuid.UUID,
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> GiftList:
    """The gifts I give and the gifts I get, with the moves I may make now."""
    return gift_service.list_my_gifts(
        session, settings, user, box_id, language=Language(language(request))
    )


@router.post(
    "/boxes/{box_id}/gifts/{pair_id}",
    operation_id="move_gift",
    response_model=Gift,
    responses=problems(
        "box_not_editable",
        "box_not_found",
        "gift_missing_too_early",
        "gift_out_of_order",
        "gift_wrong_side",
        "invalid_input",
        "pair_not_found",
    ),
)
def move_gift(
    box_id: uuid.UUID,
    pair_id: str,
    body: GiftMove,
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Gift:
    """Santa: ``bought``, ``sent`` (carrier, tracking). Giftee: ``received`` (thank-you
    note), ``missing``. Wrong side: 403 ``gift_wrong_side``; wrong order: 409
    ``gift_out_of_order``."""
    return gift_service.move_gift(
        session, settings, user, box_id, pair_id, data=body, language=Language(language(request))
    )


@router.get(
    "/boxes/{box_id}/gifts-summary",
    operation_id="get_gift_summary",
    response_model=GiftSummary,
    responses=problems("box_not_editable", "box_not_found", "not_organizer"),
)
def get_gift_summary(
    box_id: uuid.UUID, user: CurrentUser, session: SessionDep, settings: SettingsDep
) -> GiftSummary:
    """Organizers: counts (sent 12 / received 9) and the giftees waiting; no pairs."""
    return gift_service.gift_summary(session, settings, user, box_id)


@router.post(
    "/boxes/{box_id}/gifts/{pair_id}/backup-santa",
    operation_id="assign_backup_santa",
    response_model=BackupResult,
    responses=problems(
        "backup_not_needed",
        "box_not_editable",
        "box_not_found",
        "draw_already_running",
        "draw_infeasible",
        "invalid_input",
        "no_backup_santa",
        "not_enough_participants",
        "not_organizer",
        "pair_not_found",
        "participant_not_found",
    ),
)
def assign_backup_santa(
    box_id: uuid.UUID,
    pair_id: str,
    body: BackupRequest,
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> BackupResult:
    """Organizers: give a giftee whose gift did not come a backup santa.

    Through the draw engine's minimal repair: every rule is re-checked, pairs whose
    gift is on its way are kept, and an impossible repair is explained like an
    impossible draw (``draw_infeasible``).
    """
    name, new_pair, chosen = change_service.assign_backup_santa(
        session,
        settings,
        user,
        box_id,
        pair_id,
        santa_participant_id=body.santa_participant_id,
        language=language(request),
    )
    return BackupResult(
        pair_id=pair_id, giftee_name=name, new_pair_id=new_pair, chosen_by_organizer=chosen
    )
