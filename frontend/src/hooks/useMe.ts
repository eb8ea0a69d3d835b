import { queryOptions, useQuery } from "@tanstack/react-query";

import { CSRF_COOKIE } from "../api/client";
import { api } from "../api/instance";
import { toApiProblem } from "../api/problem";
import type { components } from "../api/schema.gen";
import { readCookie } from "../lib/cookies";

export type User = components["schemas"]["User"];
export const ME_KEY = ["me"] as const;

/** The signed-in user, `null` when nobody is signed in (also prefetched at start-up). */
export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: async (): Promise<User | null> => {
    // Every session sets the script-readable CSRF cookie (as long-lived as the refresh token):
    // without it nobody is signed in, and asking would only log a 401 in the console.
    if (!readCookie(CSRF_COOKIE)) return null;
    const { data, response, error } = await api.GET("/api/v1/users/me");
    if (response.status === 401) return null;
    if (!response.ok || !data) throw toApiProblem(error, response.status);
    return data;
  },
  staleTime: 60_000,
  retry: false,
});

export function useMe() {
  return useQuery({
    ...meQuery,
    // No session cookie: known at once, so pages do not wait (or shift) for an answer.
    initialData: () => (readCookie(CSRF_COOKIE) ? undefined : null),
  });
}
