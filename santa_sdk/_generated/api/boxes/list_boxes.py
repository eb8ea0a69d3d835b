from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.box_page import BoxPage
from ...models.box_role_filter import BoxRoleFilter
from ...models.box_role_filter import check_box_role_filter
from ...models.box_status import BoxStatus
from ...models.box_status import check_box_status
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    role: BoxRoleFilter | Unset = UNSET,
    status: list[BoxStatus] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_role: str | Unset = UNSET
    if not isinstance(role, Unset):
        json_role = role

    params["role"] = json_role

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

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params["page"] = page

    params["per_page"] = per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/boxes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BoxPage | Problem | None:
    if response.status_code == 200:
        response_200 = BoxPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BoxPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    role: BoxRoleFilter | Unset = UNSET,
    status: list[BoxStatus] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> Response[BoxPage | Problem]:
    """List Boxes

     My boxes, as organizer and/or participant, newest first.

    Args:
        role (BoxRoleFilter | Unset):
        status (list[BoxStatus] | None | Unset):
        q (None | str | Unset): Search text.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Items per page (at most 200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BoxPage | Problem]
    """

    kwargs = _get_kwargs(
        role=role,
        status=status,
        q=q,
        page=page,
        per_page=per_page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    role: BoxRoleFilter | Unset = UNSET,
    status: list[BoxStatus] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> BoxPage | Problem | None:
    """List Boxes

     My boxes, as organizer and/or participant, newest first.

    Args:
        role (BoxRoleFilter | Unset):
        status (list[BoxStatus] | None | Unset):
        q (None | str | Unset): Search text.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Items per page (at most 200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BoxPage | Problem
    """

    return sync_detailed(
        client=client,
        role=role,
        status=status,
        q=q,
        page=page,
        per_page=per_page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    role: BoxRoleFilter | Unset = UNSET,
    status: list[BoxStatus] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> Response[BoxPage | Problem]:
    """List Boxes

     My boxes, as organizer and/or participant, newest first.

    Args:
        role (BoxRoleFilter | Unset):
        status (list[BoxStatus] | None | Unset):
        q (None | str | Unset): Search text.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Items per page (at most 200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BoxPage | Problem]
    """

    kwargs = _get_kwargs(
        role=role,
        status=status,
        q=q,
        page=page,
        per_page=per_page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    role: BoxRoleFilter | Unset = UNSET,
    status: list[BoxStatus] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 50,
) -> BoxPage | Problem | None:
    """List Boxes

     My boxes, as organizer and/or participant, newest first.

    Args:
        role (BoxRoleFilter | Unset):
        status (list[BoxStatus] | None | Unset):
        q (None | str | Unset): Search text.
        page (int | Unset): Page number, from 1. Default: 1.
        per_page (int | Unset): Items per page (at most 200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BoxPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            role=role,
            status=status,
            q=q,
            page=page,
            per_page=per_page,
        )
    ).parsed
