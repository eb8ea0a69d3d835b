import { useQuery } from "@tanstack/react-query";

import { unwrap } from "../api/client";
import { api } from "../api/instance";

export function useProviders() {
  return useQuery({
    queryKey: ["auth-providers"],
    queryFn: () => unwrap(api.GET("/api/v1/auth/providers")),
    staleTime: 5 * 60_000,
  });
}
