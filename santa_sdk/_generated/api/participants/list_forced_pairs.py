from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.forced_pair import ForcedPair
from ...models.problem import Problem
from typing import cast
from uuid import UUID


def _get_kwargs(
    box_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/boxes/{box_id}/forced-pairs".format(
            box_id=quote(str(box_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[ForcedPair] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ForcedPair.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[ForcedPair]]:
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
) -> Response[Problem | list[ForcedPair]]:
    """List Forced Pairs

     Forced pairs name assignments: organizers only.

    Args:
        box_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ForcedPair]]
    """

    kwargs = _get_kwargs(
        box_id=box_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    box_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | list[ForcedPair] | None:
    """List Forced Pairs

     Forced pairs name assignments: organizers only.

    Args:
        box_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ForcedPair]
    """

    return sync_detailed(
        box_id=box_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    box_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[ForcedPair]]:
    """List Forced Pairs

     Forced pairs name assignments: organizers only.

    Args:
        box_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[ForcedPair]]
    """

    kwargs = _get_kwargs(
        box_id=box_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    box_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | list[ForcedPair] | None:
    """List Forced Pairs

     Forced pairs name assignments: organizers only.

    Args:
        box_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[ForcedPair]
    """

    return (
        await asyncio_detailed(
            box_id=box_id,
            client=client,
        )
    ).parsed
