from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.start_oauth_sign_in_provider import check_start_oauth_sign_in_provider
from ...models.start_oauth_sign_in_provider import StartOauthSignInProvider
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    provider: StartOauthSignInProvider,
    *,
    return_to: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_return_to: None | str | Unset
    if isinstance(return_to, Unset):
        json_return_to = UNSET
    else:
        json_return_to = return_to
    params["return_to"] = json_return_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/auth/oauth/{provider}/authorize".format(
            provider=quote(str(provider), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 302:
        response_302 = cast(Any, None)
        return response_302

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    provider: StartOauthSignInProvider,
    *,
    client: AuthenticatedClient | Client,
    return_to: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Start Oauth Sign In

     Send the browser to the provider's sign-in page.

    Args:
        provider (StartOauthSignInProvider):
        return_to (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        provider=provider,
        return_to=return_to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    provider: StartOauthSignInProvider,
    *,
    client: AuthenticatedClient | Client,
    return_to: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Start Oauth Sign In

     Send the browser to the provider's sign-in page.

    Args:
        provider (StartOauthSignInProvider):
        return_to (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        provider=provider,
        client=client,
        return_to=return_to,
    ).parsed


async def asyncio_detailed(
    provider: StartOauthSignInProvider,
    *,
    client: AuthenticatedClient | Client,
    return_to: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Start Oauth Sign In

     Send the browser to the provider's sign-in page.

    Args:
        provider (StartOauthSignInProvider):
        return_to (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        provider=provider,
        return_to=return_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    provider: StartOauthSignInProvider,
    *,
    client: AuthenticatedClient | Client,
    return_to: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Start Oauth Sign In

     Send the browser to the provider's sign-in page.

    Args:
        provider (StartOauthSignInProvider):
        return_to (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            provider=provider,
            client=client,
            return_to=return_to,
        )
    ).parsed
