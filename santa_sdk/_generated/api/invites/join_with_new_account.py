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
    code: str,
    *,
    body: Registration,
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
) -> Problem | SignupAccepted | None:
    if response.status_code == 202:
        response_202 = SignupAccepted.from_dict(response.json())

        return response_202

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
) -> Response[Problem | SignupAccepted]:
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
    body: Registration,
) -> Response[Problem | SignupAccepted]:
    """Join With New Account

     No account yet? Make one and join in one step (a verification link is emailed).

    Answers like ``/auth/register``: the same whether or not the address already
    has an account. A new account is made and joins the box; for a taken address
    nothing changes and its owner is emailed that someone tried (they sign in and
    open the link again). Next: ``/auth/login``, then the box (accepting again
    is harmless).

    A valid code is the proof the caller was invited: instead of the anonymous
    sign-up cap per address (``SANTA_SIGNUP_MAX_PER_ADDRESS``) the box's own, far
    larger one applies (``SANTA_SIGNUP_MAX_PER_ADDRESS_WITH_CODE``), so a whole
    office behind one address can join through one link.

    Args:
        code (str): An invite or join code.
        body (Registration):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SignupAccepted]
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
    body: Registration,
) -> Problem | SignupAccepted | None:
    """Join With New Account

     No account yet? Make one and join in one step (a verification link is emailed).

    Answers like ``/auth/register``: the same whether or not the address already
    has an account. A new account is made and joins the box; for a taken address
    nothing changes and its owner is emailed that someone tried (they sign in and
    open the link again). Next: ``/auth/login``, then the box (accepting again
    is harmless).

    A valid code is the proof the caller was invited: instead of the anonymous
    sign-up cap per address (``SANTA_SIGNUP_MAX_PER_ADDRESS``) the box's own, far
    larger one applies (``SANTA_SIGNUP_MAX_PER_ADDRESS_WITH_CODE``), so a whole
    office behind one address can join through one link.

    Args:
        code (str): An invite or join code.
        body (Registration):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SignupAccepted
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
    body: Registration,
) -> Response[Problem | SignupAccepted]:
    """Join With New Account

     No account yet? Make one and join in one step (a verification link is emailed).

    Answers like ``/auth/register``: the same whether or not the address already
    has an account. A new account is made and joins the box; for a taken address
    nothing changes and its owner is emailed that someone tried (they sign in and
    open the link again). Next: ``/auth/login``, then the box (accepting again
    is harmless).

    A valid code is the proof the caller was invited: instead of the anonymous
    sign-up cap per address (``SANTA_SIGNUP_MAX_PER_ADDRESS``) the box's own, far
    larger one applies (``SANTA_SIGNUP_MAX_PER_ADDRESS_WITH_CODE``), so a whole
    office behind one address can join through one link.

    Args:
        code (str): An invite or join code.
        body (Registration):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SignupAccepted]
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
    body: Registration,
) -> Problem | SignupAccepted | None:
    """Join With New Account

     No account yet? Make one and join in one step (a verification link is emailed).

    Answers like ``/auth/register``: the same whether or not the address already
    has an account. A new account is made and joins the box; for a taken address
    nothing changes and its owner is emailed that someone tried (they sign in and
    open the link again). Next: ``/auth/login``, then the box (accepting again
    is harmless).

    A valid code is the proof the caller was invited: instead of the anonymous
    sign-up cap per address (``SANTA_SIGNUP_MAX_PER_ADDRESS``) the box's own, far
    larger one applies (``SANTA_SIGNUP_MAX_PER_ADDRESS_WITH_CODE``), so a whole
    office behind one address can join through one link.

    Args:
        code (str): An invite or join code.
        body (Registration):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SignupAccepted
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            body=body,
        )
    ).parsed
