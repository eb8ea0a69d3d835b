"""Members of a box and their cards; households, exclusions and forced pairs."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from santa_core.box import members as member_service
from santa_core.box import rules as rule_service
from santa_core.box.member_schemas import (
    CardUpdate,
    Exclusion,
    ExclusionCreate,
    ForcedPair,
    ForcedPairCreate,
    Household,
    HouseholdCreate,
    HouseholdUpdate,
    ParticipantCard,
    ParticipantCreate,
    ParticipantPage,
    ParticipantUpdate,
)
from santa_core.draw import leaving as leaving_service
from santa_core.invite import adding as adding_service
from santa_core.models import ParticipantRole, ParticipantStatus
from santa_server.api._common import Cursor, Page, PerPage, Search, WithTotal, language
from santa_server.deps import CurrentUser, SessionDep, SettingsDep
from santa_server.errors import problems

router = APIRouter(tags=["participants"])


@router.get(
    "/boxes/{box_id}/participants",
    operation_id="list_participants",
    response_model=ParticipantPage,
    responses=problems("box_not_found", "invalid_input"),
)
def list_participants(
    box_id: uuid.UUID,
    user: CurrentUser,
    session: SessionDep,
    status_: Annotated[list[ParticipantStatus] | None, Query(alias="status")] = None,
    role: Annotated[list[ParticipantRole] | None, Query()] = None,
    household_id: uuid.UUID | None = None,
    q: Search = None,
    page: Page = 1,
    per_page: PerPage = 50,
    cursor: Cursor = None,
    with_total: WithTotal = False,
) -> ParticipantPage:
    """The box's members (nicknames only for plain members of boxes with private names).

    Page by ``cursor`` (each page's ``next_cursor``) in big boxes; ``page`` still
    works. ``total`` comes with the first page, or with ``with_total=true``.
    """
    return member_service.list_participants(
        session,
        user,
        box_id,
        status=status_ or (),
        role=role or (),
        household_id=household_id,
        q=q,
        page=page,
        per_page=per_page,
        cursor=cursor,
        with_total=with_total,
    )


@router.post(
    "/boxes/{box_id}/participants",
    operation_id="add_participant",
    response_model=ParticipantCard,
    status_code=status.HTTP_201_CREATED,
    responses=problems(
        "already_member",
        "box_not_editable",
        "box_not_found",
        "invite_exists",
        "not_organizer",
        "participant_not_found",
    ),
)
def add_participant(
    box_id: uuid.UUID,
    body: ParticipantCreate,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> ParticipantCard:
    """Invite someone by email, or add an offline person (no account) the organizers act for."""
    return adding_service.add_participant(session, settings, user, box_id, data=body)


@router.get(
    "/boxes/{box_id}/participants/me",
    operation_id="get_my_card",
    response_model=ParticipantCard,
    responses=problems("box_not_found", "participant_not_found"),
)
def get_my_card(box_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> ParticipantCard:
    """My own card in the box: name, wishes, address and phone."""
    return member_service.get_my_card(session, user, box_id)


@router.patch(
    "/boxes/{box_id}/participants/me",
    operation_id="update_my_card",
    response_model=ParticipantCard,
    responses=problems(
        "box_not_editable", "box_not_found", "invalid_input", "participant_not_found"
    ),
)
def update_my_card(
    box_id: uuid.UUID,
    body: CardUpdate,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> ParticipantCard:
    """Fill in my card. After the draw my santa is told when my wishes change."""
    return member_service.update_my_card(session, settings, user, box_id, data=body)


@router.delete(
    "/boxes/{box_id}/participants/me",
    operation_id="leave_box",
    responses=problems(
        "box_not_editable", "box_not_found", "owner_cannot_leave", "participant_not_found"
    ),
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
)
def leave_box(box_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> Response:
    """Leave the box (before the draw)."""
    member_service.leave_box(session, user, box_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/boxes/{box_id}/participants/{participant_id}",
    operation_id="get_participant",
    response_model=ParticipantCard,
    responses=problems("box_not_found", "participant_not_found"),
)
def get_participant(
    box_id: uuid.UUID, participant_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> ParticipantCard:
    return member_service.get_participant(session, user, box_id, participant_id)


@router.patch(
    "/boxes/{box_id}/participants/{participant_id}",
    operation_id="update_participant",
    response_model=ParticipantCard,
    responses=problems(
        "box_not_editable",
        "box_not_found",
        "invalid_input",
        "not_organizer",
        "not_your_card",
        "participant_not_found",
    ),
)
def update_participant(
    box_id: uuid.UUID,
    participant_id: uuid.UUID,
    body: ParticipantUpdate,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> ParticipantCard:
    """Organizers: roles (co-organizers), nicknames, who takes part, offline people's cards."""
    return member_service.update_participant(
        session, settings, user, box_id, participant_id, data=body
    )


@router.delete(
    "/boxes/{box_id}/participants/{participant_id}",
    operation_id="remove_participant",
    responses=problems(
        "box_not_editable",
        "box_not_found",
        "draw_already_running",
        "draw_infeasible",
        "invalid_input",
        "not_enough_participants",
        "not_organizer",
        "owner_cannot_leave",
        "participant_not_found",
    ),
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
)
def remove_participant(
    box_id: uuid.UUID,
    participant_id: uuid.UUID,
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    """Remove someone; after the draw the pairs are repaired around them."""
    leaving_service.remove_participant(
        session, settings, user, box_id, participant_id, language=language(request)
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --- households and exclusions -------------------------------------------------


@router.get(
    "/boxes/{box_id}/households",
    operation_id="list_households",
    response_model=list[Household],
    responses=problems("box_not_found", "not_organizer"),
)
def list_households(box_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> list[Household]:
    return rule_service.list_households(session, user, box_id)


@router.post(
    "/boxes/{box_id}/households",
    operation_id="create_household",
    response_model=Household,
    status_code=status.HTTP_201_CREATED,
    responses=problems("box_not_editable", "box_not_found", "invalid_rule", "not_organizer"),
)
def create_household(
    box_id: uuid.UUID, body: HouseholdCreate, user: CurrentUser, session: SessionDep
) -> Household:
    """People who give no gifts to each other, both ways (a person is in one household)."""
    return rule_service.create_household(session, user, box_id, data=body)


@router.patch(
    "/boxes/{box_id}/households/{household_id}",
    operation_id="update_household",
    response_model=Household,
    responses=problems(
        "box_not_editable", "box_not_found", "household_not_found", "invalid_rule", "not_organizer"
    ),
)
def update_household(
    box_id: uuid.UUID,
    household_id: uuid.UUID,
    body: HouseholdUpdate,
    user: CurrentUser,
    session: SessionDep,
) -> Household:
    return rule_service.update_household(session, user, box_id, household_id, data=body)


@router.delete(
    "/boxes/{box_id}/households/{household_id}",
    operation_id="delete_household",
    responses=problems("box_not_editable", "box_not_found", "household_not_found", "not_organizer"),
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
)
def delete_household(
    box_id: uuid.UUID, household_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> Response:
    rule_service.delete_household(session, user, box_id, household_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/boxes/{box_id}/exclusions",
    operation_id="list_exclusions",
    response_model=list[Exclusion],
    responses=problems("box_not_found", "not_organizer"),
)
def list_exclusions(box_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> list[Exclusion]:
    return rule_service.list_exclusions(session, user, box_id)


@router.post(
    "/boxes/{box_id}/exclusions",
    operation_id="create_exclusion",
    response_model=list[Exclusion],
    status_code=status.HTTP_201_CREATED,
    responses=problems(
        "box_not_editable", "box_not_found", "exclusion_exists", "invalid_rule", "not_organizer"
    ),
)
def create_exclusion(
    box_id: uuid.UUID, body: ExclusionCreate, user: CurrentUser, session: SessionDep
) -> list[Exclusion]:
    """``santa`` never gives to ``giftee`` (and the reverse with ``both_ways``)."""
    return rule_service.create_exclusion(session, user, box_id, data=body)


@router.delete(
    "/boxes/{box_id}/exclusions/{exclusion_id}",
    operation_id="delete_exclusion",
    responses=problems("box_not_editable", "box_not_found", "exclusion_not_found", "not_organizer"),
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
)
def delete_exclusion(
    box_id: uuid.UUID, exclusion_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> Response:
    rule_service.delete_exclusion(session, user, box_id, exclusion_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/boxes/{box_id}/forced-pairs",
    operation_id="list_forced_pairs",
    response_model=list[ForcedPair],
    responses=problems("box_not_found", "not_organizer"),
)
def list_forced_pairs(
    box_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> list[ForcedPair]:
    """Forced pairs name assignments: organizers only."""
    return rule_service.list_forced_pairs(session, user, box_id)


@router.post(
    "/boxes/{box_id}/forced-pairs",
    operation_id="create_forced_pair",
    response_model=ForcedPair,
    status_code=status.HTTP_201_CREATED,
    responses=problems(
        "box_not_editable", "box_not_found", "forced_pair_exists", "invalid_rule", "not_organizer"
    ),
)
def create_forced_pair(
    box_id: uuid.UUID, body: ForcedPairCreate, user: CurrentUser, session: SessionDep
) -> ForcedPair:
    """``santa`` always gives to ``giftee`` (one forced pair per santa and per giftee).

    A pair that clashes with a household, an exclusion or the draw options is
    accepted: the draw preview explains the clash and suggests a fix.
    """
    return rule_service.create_forced_pair(session, user, box_id, data=body)


@router.delete(
    "/boxes/{box_id}/forced-pairs/{forced_pair_id}",
    operation_id="delete_forced_pair",
    responses=problems(
        "box_not_editable", "box_not_found", "forced_pair_not_found", "not_organizer"
    ),
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
)
def delete_forced_pair(
    box_id: uuid.UUID, forced_pair_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> Response:
    rule_service.delete_forced_pair(session, user, box_id, forced_pair_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
