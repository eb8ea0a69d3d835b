import { queryOptions, useQuery } from "@tanstack/react-query";

import { unwrap } from "../api/client";
import { api } from "../api/instance";

/** What was fetched (or prefetched at start-up) this long ago is not fetched again on mount; changes invalidate. */
const FRESH_MS = 5_000;

export const boxKey = (boxId: string) => ["box", boxId] as const;

export const boxQuery = (boxId: string) =>
  queryOptions({
    queryKey: boxKey(boxId),
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}", { params: { path: { box_id: boxId } } })),
    staleTime: FRESH_MS,
  });

export function useBox(boxId: string) {
  return useQuery(boxQuery(boxId));
}

/** My boxes (the dashboard). */
export const boxesQuery = queryOptions({
  queryKey: ["boxes"],
  queryFn: () => unwrap(api.GET("/api/v1/boxes", { params: { query: { per_page: 100 } } })),
  staleTime: FRESH_MS,
});

export const participantsKey = (boxId: string) => ["box", boxId, "participants"] as const;

const PER_PAGE = 200;

const participantsPage = (boxId: string, page: number) =>
  unwrap(api.GET("/api/v1/boxes/{box_id}/participants", { params: { path: { box_id: boxId }, query: { page, per_page: PER_PAGE } } }));

/** Everyone in the box: the first page says how many there are, the other pages come at once, in parallel. */
export const participantsQuery = (boxId: string) =>
  queryOptions({
    queryKey: participantsKey(boxId),
    queryFn: async () => {
      const first = await participantsPage(boxId, 1);
      // total comes with the first page (later pages and cursor pages leave it null)
      const pages = Math.ceil((first.total ?? first.items.length) / PER_PAGE);
      const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => participantsPage(boxId, i + 2)));
      return [first, ...rest].flatMap((p) => p.items);
    },
    staleTime: FRESH_MS,
  });

export function useParticipants(boxId: string, enabled = true) {
  return useQuery({ ...participantsQuery(boxId), enabled });
}
