from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.registration import Registration
from ...models.signup_accepted import SignupAccepted
from typing import cast


def _get_kwargs(
    *,
    body: Registration,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/register",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SignupAccepted | None:
    if response.status_code == 202:
        response_202 = SignupAccepted.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[Problem | SignupAccepted]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Registration,
) -> Response[Problem | SignupAccepted]:
    """Register

     Create an account with email and password; then sign in with them.

    The answer is the same whether or not the address already has an account
    (and takes as long): a new account is made and a verification link emailed;
    for a taken address nothing changes and its owner is emailed that someone
    tried to sign up. Next: ``/auth/login`` (``email_not_verified`` until the
    link is opened when ``verification_required``).

    Args:
        body (Registration):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SignupAccepted]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: Registration,
) -> Problem | SignupAccepted | None:
    """Register

     Create an account with email and password; then sign in with them.

    The answer is the same whether or not the address already has an account
    (and takes as long): a new account is made and a verification link emailed;
    for a taken address nothing changes and its owner is emailed that someone
    tried to sign up. Next: ``/auth/login`` (``email_not_verified`` until the
    link is opened when ``verification_required``).

    Args:
        body (Registration):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SignupAccepted
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Registration,
) -> Response[Problem | SignupAccepted]:
    """Register

     Create an account with email and password; then sign in with them.

    The answer is the same whether or not the address already has an account
    (and takes as long): a new account is made and a verification link emailed;
    for a taken address nothing changes and its owner is emailed that someone
    tried to sign up. Next: ``/auth/login`` (``email_not_verified`` until the
    link is opened when ``verification_required``).

    Args:
        body (Registration):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SignupAccepted]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Registration,
) -> Problem | SignupAccepted | None:
    """Register

     Create an account with email and password; then sign in with them.

    The answer is the same whether or not the address already has an account
    (and takes as long): a new account is made and a verification link emailed;
    for a taken address nothing changes and its owner is emailed that someone
    tried to sign up. Next: ``/auth/login`` (``email_not_verified`` until the
    link is opened when ``verification_required``).

    Args:
        body (Registration):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SignupAccepted
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
