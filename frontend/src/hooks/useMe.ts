import { useQuery } from "@tanstack/react-query";

import { api } from "../api/instance";
import { toApiProblem } from "../api/problem";
import type { components } from "../api/schema.gen";

export type User = components["schemas"]["User"];
export const ME_KEY = ["me"] as const;

/** The signed-in user, `null` when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<User | null> => {
      const { data, response, error } = await api.GET("/api/v1/users/me");
      if (response.status === 401) return null;
      if (!response.ok || !data) throw toApiProblem(error, response.status);
      return data;
    },
    staleTime: 60_000,
    retry: false,
  });
}
