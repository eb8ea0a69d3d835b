from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_event_page import AuditEventPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID


def _get_kwargs(
    box_id: UUID,
    *,
    action: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    params["page"] = page

    params["per_page"] = per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/boxes/{box_id}/audit-events".format(
            box_id=quote(str(box_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditEventPage | Problem | None:
    if response.status_code == 200:
        response_200 = AuditEventPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AuditEventPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    box_id: UUID,
    *,
    client: AuthenticatedClient,
    action: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> Response[AuditEventPage | Problem]:
    """List Box Audit Events

     What happened in the box, newest first (organizers; never pair contents).

    Args:
        box_id (UUID):
        action (None | str | Unset):
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Items per page (at most 200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventPage | Problem]
    """

    kwargs = _get_kwargs(
        box_id=box_id,
        action=action,
        page=page,
        per_page=per_page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    box_id: UUID,
    *,
    client: AuthenticatedClient,
    action: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> AuditEventPage | Problem | None:
    """List Box Audit Events

     What happened in the box, newest first (organizers; never pair contents).

    Args:
        box_id (UUID):
        action (None | str | Unset):
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Items per page (at most 200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventPage | Problem
    """

    return sync_detailed(
        box_id=box_id,
        client=client,
        action=action,
        page=page,
        per_page=per_page,
    ).parsed


async def asyncio_detailed(
    box_id: UUID,
    *,
    client: AuthenticatedClient,
    action: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> Response[AuditEventPage | Problem]:
    """List Box Audit Events

     What happened in the box, newest first (organizers; never pair contents).

    Args:
        box_id (UUID):
        action (None | str | Unset):
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Items per page (at most 200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventPage | Problem]
    """

    kwargs = _get_kwargs(
        box_id=box_id,
        action=action,
        page=page,
        per_page=per_page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    box_id: UUID,
    *,
    client: AuthenticatedClient,
    action: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> AuditEventPage | Problem | None:
    """List Box Audit Events

     What happened in the box, newest first (organizers; never pair contents).

    Args:
        box_id (UUID):
        action (None | str | Unset):
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Items per page (at most 200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventPage | Problem
    """

    return (
        await asyncio_detailed(
            box_id=box_id,
            client=client,
            action=action,
            page=page,
            per_page=per_page,
        )
    ).parsed
