from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.message_page import MessagePage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID


def _get_kwargs(
    box_id: UUID,
    pair_id: str,
    *,
    before: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_before: None | str | Unset
    if isinstance(before, Unset):
        json_before = UNSET
    else:
        json_before = before
    params["before"] = json_before

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/boxes/{box_id}/threads/{pair_id}/messages".format(
            box_id=quote(str(box_id), safe=""),
            pair_id=quote(str(pair_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MessagePage | Problem | None:
    if response.status_code == 200:
        response_200 = MessagePage.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[MessagePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    box_id: UUID,
    pair_id: str,
    *,
    client: AuthenticatedClient,
    before: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[MessagePage | Problem]:
    """List Messages

     Messages of one thread, newest first (cursor pagination).

    Args:
        box_id (UUID):
        pair_id (str):
        before (None | str | Unset): Cursor: older than this (from next_cursor).
        limit (int | Unset): Messages per page (at most 200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MessagePage | Problem]
    """

    kwargs = _get_kwargs(
        box_id=box_id,
        pair_id=pair_id,
        before=before,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    box_id: UUID,
    pair_id: str,
    *,
    client: AuthenticatedClient,
    before: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> MessagePage | Problem | None:
    """List Messages

     Messages of one thread, newest first (cursor pagination).

    Args:
        box_id (UUID):
        pair_id (str):
        before (None | str | Unset): Cursor: older than this (from next_cursor).
        limit (int | Unset): Messages per page (at most 200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MessagePage | Problem
    """

    return sync_detailed(
        box_id=box_id,
        pair_id=pair_id,
        client=client,
        before=before,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    box_id: UUID,
    pair_id: str,
    *,
    client: AuthenticatedClient,
    before: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[MessagePage | Problem]:
    """List Messages

     Messages of one thread, newest first (cursor pagination).

    Args:
        box_id (UUID):
        pair_id (str):
        before (None | str | Unset): Cursor: older than this (from next_cursor).
        limit (int | Unset): Messages per page (at most 200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MessagePage | Problem]
    """

    kwargs = _get_kwargs(
        box_id=box_id,
        pair_id=pair_id,
        before=before,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    box_id: UUID,
    pair_id: str,
    *,
    client: AuthenticatedClient,
    before: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> MessagePage | Problem | None:
    """List Messages

     Messages of one thread, newest first (cursor pagination).

    Args:
        box_id (UUID):
        pair_id (str):
        before (None | str | Unset): Cursor: older than this (from next_cursor).
        limit (int | Unset): Messages per page (at most 200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MessagePage | Problem
    """

    return (
        await asyncio_detailed(
            box_id=box_id,
            pair_id=pair_id,
            client=client,
            before=before,
            limit=limit,
        )
    ).parsed
