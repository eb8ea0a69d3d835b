"""One-click unsubscribe from notification emails (RFC 8058), by the link's signed token.

``POST`` is what mail clients send for ``List-Unsubscribe-Post`` (no sign-in,
no CSRF: the token is the proof). ``GET`` only shows a confirmation page:
link scanners fetch GET links, so GET must change nothing.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import escape
from pydantic import BaseModel

from santa_core.i18n import pick_language
from santa_core.models import Language
from santa_core.notify import unsubscribe as service
from santa_server import security
from santa_server.deps import SessionDep, SettingsDep
from santa_server.errors import problems

router = APIRouter(tags=["notifications"])

Token = Annotated[str, Query(min_length=10, max_length=200, description="The link's token.")]

_PAGE = {
    Language.EN: (
        "Unsubscribe",
        "Stop notification emails for {email}? Account emails (password reset, "
        "address confirmation) still arrive.",
        "Unsubscribe",
        "Notification emails for {email} are off. Turn them back on in your settings.",
    ),
    Language.RU: (
        "Отписка",
        "Больше не присылать уведомления на {email}? Письма об аккаунте (сброс пароля, "
        "подтверждение адреса) приходить будут.",
        "Отписаться",
        "Уведомления на {email} отключены. Включить их снова можно в настройках.",
    ),
}


class Unsubscription(BaseModel):
    email_notifications: bool


@router.post(
    "/unsubscribe",
    operation_id="unsubscribe",
    response_model=Unsubscription,
    responses=problems("rate_limited", "invalid_link_token"),
)
def unsubscribe(
    token: Token,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    guard: security.SecretGuardDep,
) -> Unsubscription | HTMLResponse:
    """Turn notification emails off for the link's owner (one click, no sign-in)."""
    with guard:
        result = service.unsubscribe(session, settings, token)
    if "text/html" in request.headers.get("accept", ""):  # the confirmation page's button
        return _page(request, result, token)
    return Unsubscription(email_notifications=result.email_notifications)


@router.get(
    "/unsubscribe",
    operation_id="get_unsubscribe_page",
    response_class=HTMLResponse,
    responses=problems("rate_limited", "invalid_link_token"),
)
def get_unsubscribe_page(
    token: Token,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    guard: security.SecretGuardDep,
) -> HTMLResponse:
    """A confirmation page with the unsubscribe button; changes nothing by itself."""
    with guard:
        state = service.subscription(session, settings, token)
    return _page(request, state, token)


def _page(request: Request, state: service.Subscription, token: str) -> HTMLResponse:
    language = pick_language(request.headers.get("accept-language"), default=state.user.language)
    title, question, button, done = _PAGE[language]
    email = escape(state.user.email)
    if state.email_notifications:
        body = (
            f"<p>{question.format(email=email)}</p>"
            f'<form method="post" action="?token={escape(token)}">'
            f'<button type="submit">{button}</button></form>'
        )
    else:
        body = f"<p>{done.format(email=email)}</p>"
    html = (
        f'<!DOCTYPE html><html lang="{language.value}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"
    )
    return HTMLResponse(html)
