from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.participant_page import ParticipantPage
from ...models.participant_role import check_participant_role
from ...models.participant_role import ParticipantRole
from ...models.participant_status import check_participant_status
from ...models.participant_status import ParticipantStatus
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID


def _get_kwargs(
    box_id: UUID,
    *,
    status: list[ParticipantStatus] | None | Unset = UNSET,
    role: list[ParticipantRole] | None | Unset = UNSET,
    household_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    with_total: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: list[str] | None | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = []
        for status_type_0_item_data in status:
            status_type_0_item: str = status_type_0_item_data
            json_status.append(status_type_0_item)

    else:
        json_status = status
    params["status"] = json_status

    json_role: list[str] | None | Unset
    if isinstance(role, Unset):
        json_role = UNSET
    elif isinstance(role, list):
        json_role = []
        for role_type_0_item_data in role:
            role_type_0_item: str = role_type_0_item_data
            json_role.append(role_type_0_item)

    else:
        json_role = role
    params["role"] = json_role

    json_household_id: None | str | Unset
    if isinstance(household_id, Unset):
        json_household_id = UNSET
    elif isinstance(household_id, UUID):
        json_household_id = str(household_id)
    else:
        json_household_id = household_id
    params["household_id"] = json_household_id

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params["page"] = page

    params["per_page"] = per_page

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["with_total"] = with_total

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/boxes/{box_id}/participants".format(
            box_id=quote(str(box_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ParticipantPage | Problem | None:
    if response.status_code == 200:
        response_200 = ParticipantPage.from_dict(response.json())

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
) -> Response[ParticipantPage | Problem]:
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
    status: list[ParticipantStatus] | None | Unset = UNSET,
    role: list[ParticipantRole] | None | Unset = UNSET,
    household_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    with_total: bool | Unset = False,
) -> Response[ParticipantPage | Problem]:
    """List Participants

     The box's members (nicknames only for plain members of boxes with private names).

    Page by ``cursor`` (each page's ``next_cursor``) in big boxes; ``page`` still
    works. ``total`` comes with the first page, or with ``with_total=true``.

    Args:
        box_id (UUID):
        status (list[ParticipantStatus] | None | Unset):
        role (list[ParticipantRole] | None | Unset):
        household_id (None | Unset | UUID):
        q (None | str | Unset): Search text.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Items per page (at most 200). Default: 50.
        cursor (None | str | Unset): The previous page's next_cursor.
        with_total (bool | Unset): Count the matching items (always done on the first page).
            Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ParticipantPage | Problem]
    """

    kwargs = _get_kwargs(
        box_id=box_id,
        status=status,
        role=role,
        household_id=household_id,
        q=q,
        page=page,
        per_page=per_page,
        cursor=cursor,
        with_total=with_total,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    box_id: UUID,
    *,
    client: AuthenticatedClient,
    status: list[ParticipantStatus] | None | Unset = UNSET,
    role: list[ParticipantRole] | None | Unset = UNSET,
    household_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    with_total: bool | Unset = False,
) -> ParticipantPage | Problem | None:
    """List Participants

     The box's members (nicknames only for plain members of boxes with private names).

    Page by ``cursor`` (each page's ``next_cursor``) in big boxes; ``page`` still
    works. ``total`` comes with the first page, or with ``with_total=true``.

    Args:
        box_id (UUID):
        status (list[ParticipantStatus] | None | Unset):
        role (list[ParticipantRole] | None | Unset):
        household_id (None | Unset | UUID):
        q (None | str | Unset): Search text.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Items per page (at most 200). Default: 50.
        cursor (None | str | Unset): The previous page's next_cursor.
        with_total (bool | Unset): Count the matching items (always done on the first page).
            Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ParticipantPage | Problem
    """

    return sync_detailed(
        box_id=box_id,
        client=client,
        status=status,
        role=role,
        household_id=household_id,
        q=q,
        page=page,
        per_page=per_page,
        cursor=cursor,
        with_total=with_total,
    ).parsed


async def asyncio_detailed(
    box_id: UUID,
    *,
    client: AuthenticatedClient,
    status: list[ParticipantStatus] | None | Unset = UNSET,
    role: list[ParticipantRole] | None | Unset = UNSET,
    household_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    with_total: bool | Unset = False,
) -> Response[ParticipantPage | Problem]:
    """List Participants

     The box's members (nicknames only for plain members of boxes with private names).

    Page by ``cursor`` (each page's ``next_cursor``) in big boxes; ``page`` still
    works. ``total`` comes with the first page, or with ``with_total=true``.

    Args:
        box_id (UUID):
        status (list[ParticipantStatus] | None | Unset):
        role (list[ParticipantRole] | None | Unset):
        household_id (None | Unset | UUID):
        q (None | str | Unset): Search text.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Items per page (at most 200). Default: 50.
        cursor (None | str | Unset): The previous page's next_cursor.
        with_total (bool | Unset): Count the matching items (always done on the first page).
            Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ParticipantPage | Problem]
    """

    kwargs = _get_kwargs(
        box_id=box_id,
        status=status,
        role=role,
        household_id=household_id,
        q=q,
        page=page,
        per_page=per_page,
        cursor=cursor,
        with_total=with_total,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    box_id: UUID,
    *,
    client: AuthenticatedClient,
    status: list[ParticipantStatus] | None | Unset = UNSET,
    role: list[ParticipantRole] | None | Unset = UNSET,
    household_id: None | Unset | UUID = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    with_total: bool | Unset = False,
) -> ParticipantPage | Problem | None:
    """List Participants

     The box's members (nicknames only for plain members of boxes with private names).

    Page by ``cursor`` (each page's ``next_cursor``) in big boxes; ``page`` still
    works. ``total`` comes with the first page, or with ``with_total=true``.

    Args:
        box_id (UUID):
        status (list[ParticipantStatus] | None | Unset):
        role (list[ParticipantRole] | None | Unset):
        household_id (None | Unset | UUID):
        q (None | str | Unset): Search text.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Items per page (at most 200). Default: 50.
        cursor (None | str | Unset): The previous page's next_cursor.
        with_total (bool | Unset): Count the matching items (always done on the first page).
            Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ParticipantPage | Problem
    """

    return (
        await asyncio_detailed(
            box_id=box_id,
            client=client,
            status=status,
            role=role,
            household_id=household_id,
            q=q,
            page=page,
            per_page=per_page,
            cursor=cursor,
            with_total=with_total,
        )
    ).parsed
