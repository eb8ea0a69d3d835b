import createClient from "openapi-fetch";

import { readCookie } from "../lib/cookies";
import { takeEarly } from "./early";
import { ApiProblem, toApiProblem } from "./problem";
import type { paths } from "./schema.gen";

export const CSRF_COOKIE = "santa_csrf";
export const CSRF_HEADER = "X-CSRF-Token";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const REFRESH_PATH = "/api/v1/auth/refresh";
/** Calls whose 401 means "wrong credentials", not "session expired": never refreshed. */
const NO_REFRESH = ["/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/auth/register"];

export interface ClientOptions {
  baseUrl?: string;
  /** The language the UI shows; sent as Accept-Language so problems come back translated. */
  language?: () => string;
  /** Called when the session is gone for good (refresh failed). */
  onSignedOut?: () => void;
  fetch?: typeof fetch;
}

function withHeaders(request: Request, language: string | undefined): Request {
  const headers = new Headers(request.headers);
  if (language) headers.set("Accept-Language", language);
  if (UNSAFE.has(request.method.toUpperCase())) {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers.set(CSRF_HEADER, csrf);
  }
  return new Request(request, { headers });
}

/**
 * A fetch for the API: cookies, CSRF header on unsafe methods, Accept-Language, and one
 * transparent refresh of an expired session (POST /auth/refresh, then the request again).
 */
export function makeSantaFetch(options: ClientOptions = {}): (request: Request) => Promise<Response> {
  const baseFetch = options.fetch ?? ((input: Request) => globalThis.fetch(input));
  let refreshing: Promise<boolean> | null = null;

  async function refresh(origin: string): Promise<boolean> {
    refreshing ??= (async () => {
      try {
        const request = withHeaders(
          new Request(origin + REFRESH_PATH, {
            method: "POST",
            credentials: "include",
            headers: { "Content-Type": "application/json" },
            body: "{}",
          }),
          options.language?.(),
        );
        const response = await baseFetch(request);
        return response.ok;
      } catch {
        return false;
      } finally {
        queueMicrotask(() => {
          refreshing = null;
        });
      }
    })();
    return refreshing;
  }

  return async (input: Request) => {
    const early = await takeEarly(input);
    if (early) return early;
    const first = withHeaders(input, options.language?.());
    const retry = first.clone();
    const response = await baseFetch(first);
    const url = new URL(first.url);
    if (response.status !== 401 || NO_REFRESH.some((p) => url.pathname === p)) return response;
    if (!(await refresh(url.origin))) {
      options.onSignedOut?.();
      return response;
    }
    // The refresh set a new CSRF cookie: the retried request must carry it.
    return baseFetch(withHeaders(retry, options.language?.()));
  };
}

export function makeClient(options: ClientOptions = {}) {
  const santaFetch = makeSantaFetch(options);
  return createClient<paths>({
    baseUrl: options.baseUrl ?? "",
    credentials: "include",
    fetch: santaFetch,
  });
}

export type SantaClient = ReturnType<typeof makeClient>;

/** The answer's data, or a thrown ApiProblem (network failures become `network_error`). */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    throw new ApiProblem({ status: 0, code: "network_error" });
  }
  if (!result.response.ok) throw toApiProblem(result.error, result.response.status);
  return result.data as T;
}
