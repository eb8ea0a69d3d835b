from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.o_auth_start import OAuthStart
from ...models.problem import Problem
from ...models.start_oauth_link_provider import check_start_oauth_link_provider
from ...models.start_oauth_link_provider import StartOauthLinkProvider
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    provider: StartOauthLinkProvider,
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
        "method": "post",
        "url": "/api/v1/auth/oauth/{provider}/link".format(
            provider=quote(str(provider), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthStart | Problem | None:
    if response.status_code == 200:
        response_200 = OAuthStart.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OAuthStart | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    provider: StartOauthLinkProvider,
    *,
    client: AuthenticatedClient,
    return_to: None | str | Unset = UNSET,
) -> Response[OAuthStart | Problem]:
    """Start Oauth Link

     Begin linking a provider account to the signed-in user (open the returned URL).

    Args:
        provider (StartOauthLinkProvider):
        return_to (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthStart | Problem]
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
    provider: StartOauthLinkProvider,
    *,
    client: AuthenticatedClient,
    return_to: None | str | Unset = UNSET,
) -> OAuthStart | Problem | None:
    """Start Oauth Link

     Begin linking a provider account to the signed-in user (open the returned URL).

    Args:
        provider (StartOauthLinkProvider):
        return_to (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthStart | Problem
    """

    return sync_detailed(
        provider=provider,
        client=client,
        return_to=return_to,
    ).parsed


async def asyncio_detailed(
    provider: StartOauthLinkProvider,
    *,
    client: AuthenticatedClient,
    return_to: None | str | Unset = UNSET,
) -> Response[OAuthStart | Problem]:
    """Start Oauth Link

     Begin linking a provider account to the signed-in user (open the returned URL).

    Args:
        provider (StartOauthLinkProvider):
        return_to (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthStart | Problem]
    """

    kwargs = _get_kwargs(
        provider=provider,
        return_to=return_to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    provider: StartOauthLinkProvider,
    *,
    client: AuthenticatedClient,
    return_to: None | str | Unset = UNSET,
) -> OAuthStart | Problem | None:
    """Start Oauth Link

     Begin linking a provider account to the signed-in user (open the returned URL).

    Args:
        provider (StartOauthLinkProvider):
        return_to (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthStart | Problem
    """

    return (
        await asyncio_detailed(
            provider=provider,
            client=client,
            return_to=return_to,
        )
    ).parsed
