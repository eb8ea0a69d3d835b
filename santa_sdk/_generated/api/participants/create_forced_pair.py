from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.forced_pair import ForcedPair
from ...models.forced_pair_create import ForcedPairCreate
from ...models.problem import Problem
from typing import cast
from uuid import UUID


def _get_kwargs(
    box_id: UUID,
    *,
    body: ForcedPairCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/boxes/{box_id}/forced-pairs".format(
            box_id=quote(str(box_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForcedPair | Problem | None:
    if response.status_code == 201:
        response_201 = ForcedPair.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[ForcedPair | Problem]:
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
    body: ForcedPairCreate,
) -> Response[ForcedPair | Problem]:
    """Create Forced Pair

     ``santa`` always gives to ``giftee`` (one forced pair per santa and per giftee).

    A pair that clashes with a household, an exclusion or the draw options is
    accepted: the draw preview explains the clash and suggests a fix.

    Args:
        box_id (UUID):
        body (ForcedPairCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForcedPair | Problem]
    """

    kwargs = _get_kwargs(
        box_id=box_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    box_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ForcedPairCreate,
) -> ForcedPair | Problem | None:
    """Create Forced Pair

     ``santa`` always gives to ``giftee`` (one forced pair per santa and per giftee).

    A pair that clashes with a household, an exclusion or the draw options is
    accepted: the draw preview explains the clash and suggests a fix.

    Args:
        box_id (UUID):
        body (ForcedPairCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForcedPair | Problem
    """

    return sync_detailed(
        box_id=box_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    box_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ForcedPairCreate,
) -> Response[ForcedPair | Problem]:
    """Create Forced Pair

     ``santa`` always gives to ``giftee`` (one forced pair per santa and per giftee).

    A pair that clashes with a household, an exclusion or the draw options is
    accepted: the draw preview explains the clash and suggests a fix.

    Args:
        box_id (UUID):
        body (ForcedPairCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForcedPair | Problem]
    """

    kwargs = _get_kwargs(
        box_id=box_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    box_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ForcedPairCreate,
) -> ForcedPair | Problem | None:
    """Create Forced Pair

     ``santa`` always gives to ``giftee`` (one forced pair per santa and per giftee).

    A pair that clashes with a household, an exclusion or the draw options is
    accepted: the draw preview explains the clash and suggests a fix.

    Args:
        box_id (UUID):
        body (ForcedPairCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForcedPair | Problem
    """

    return (
        await asyncio_detailed(
            box_id=box_id,
            client=client,
            body=body,
        )
    ).parsed
