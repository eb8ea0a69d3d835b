from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.assignment import Assignment
from ...models.problem import Problem
from typing import cast
from uuid import UUID


def _get_kwargs(
    box_id: UUID,
    participant_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/boxes/{box_id}/participants/{participant_id}/assignment".format(
            box_id=quote(str(box_id), safe=""),
            participant_id=quote(str(participant_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Assignment | Problem | None:
    if response.status_code == 200:
        response_200 = Assignment.from_dict(response.json())

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
) -> Response[Assignment | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    box_id: UUID,
    participant_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Assignment | Problem]:
    """Get Participant Assignment

     Organizers open an offline person's assignment to act for them (audited).

    Args:
        box_id (UUID):
        participant_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Assignment | Problem]
    """

    kwargs = _get_kwargs(
        box_id=box_id,
        participant_id=participant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    box_id: UUID,
    participant_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Assignment | Problem | None:
    """Get Participant Assignment

     Organizers open an offline person's assignment to act for them (audited).

    Args:
        box_id (UUID):
        participant_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Assignment | Problem
    """

    return sync_detailed(
        box_id=box_id,
        participant_id=participant_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    box_id: UUID,
    participant_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Assignment | Problem]:
    """Get Participant Assignment

     Organizers open an offline person's assignment to act for them (audited).

    Args:
        box_id (UUID):
        participant_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Assignment | Problem]
    """

    kwargs = _get_kwargs(
        box_id=box_id,
        participant_id=participant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    box_id: UUID,
    participant_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Assignment | Problem | None:
    """Get Participant Assignment

     Organizers open an offline person's assignment to act for them (audited).

    Args:
        box_id (UUID):
        participant_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Assignment | Problem
    """

    return (
        await asyncio_detailed(
            box_id=box_id,
            participant_id=participant_id,
            client=client,
        )
    ).parsed
