from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.invitation_signup import InvitationSignup
from ...models.join_result import JoinResult
from ...models.problem import Problem
from typing import cast


def _get_kwargs(
    code: str,
    *,
    body: InvitationSignup,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/invitations/{code}/signup".format(
            code=quote(str(code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> JoinResult | Problem | None:
    if response.status_code == 201:
        response_201 = JoinResult.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[JoinResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    body: InvitationSignup,
) -> Response[JoinResult | Problem]:
    """Join With New Account

     No account yet? Make one and join in one step (a verification link is emailed).

    A valid code is the proof the caller was invited: instead of the anonymous
    sign-up cap per address (``SANTA_SIGNUP_MAX_PER_ADDRESS``) the box's own, far
    larger one applies (``SANTA_SIGNUP_MAX_PER_ADDRESS_WITH_CODE``), so a whole
    office behind one address can join through one link.

    Args:
        code (str): An invite or join code.
        body (InvitationSignup): A new account made on the spot by someone who has an invitation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JoinResult | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    body: InvitationSignup,
) -> JoinResult | Problem | None:
    """Join With New Account

     No account yet? Make one and join in one step (a verification link is emailed).

    A valid code is the proof the caller was invited: instead of the anonymous
    sign-up cap per address (``SANTA_SIGNUP_MAX_PER_ADDRESS``) the box's own, far
    larger one applies (``SANTA_SIGNUP_MAX_PER_ADDRESS_WITH_CODE``), so a whole
    office behind one address can join through one link.

    Args:
        code (str): An invite or join code.
        body (InvitationSignup): A new account made on the spot by someone who has an invitation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JoinResult | Problem
    """

    return sync_detailed(
        code=code,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    body: InvitationSignup,
) -> Response[JoinResult | Problem]:
    """Join With New Account

     No account yet? Make one and join in one step (a verification link is emailed).

    A valid code is the proof the caller was invited: instead of the anonymous
    sign-up cap per address (``SANTA_SIGNUP_MAX_PER_ADDRESS``) the box's own, far
    larger one applies (``SANTA_SIGNUP_MAX_PER_ADDRESS_WITH_CODE``), so a whole
    office behind one address can join through one link.

    Args:
        code (str): An invite or join code.
        body (InvitationSignup): A new account made on the spot by someone who has an invitation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JoinResult | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    body: InvitationSignup,
) -> JoinResult | Problem | None:
    """Join With New Account

     No account yet? Make one and join in one step (a verification link is emailed).

    A valid code is the proof the caller was invited: instead of the anonymous
    sign-up cap per address (``SANTA_SIGNUP_MAX_PER_ADDRESS``) the box's own, far
    larger one applies (``SANTA_SIGNUP_MAX_PER_ADDRESS_WITH_CODE``), so a whole
    office behind one address can join through one link.

    Args:
        code (str): An invite or join code.
        body (InvitationSignup): A new account made on the spot by someone who has an invitation.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JoinResult | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            body=body,
        )
    ).parsed
