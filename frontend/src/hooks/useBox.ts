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

const pagesFor = (count: number) => Math.max(1, Math.ceil(count / PER_PAGE));

/**
 * Everyone in the box, all pages at once, in parallel: the box (small, fetched beside this) says
 * how many people there are before the first page (200 people) has arrived; the first page's total
 * is the word that counts, and a page the box did not foresee is fetched then.
 */
export const participantsQuery = (boxId: string) =>
  queryOptions({
    queryKey: participantsKey(boxId),
    queryFn: async ({ client }) => {
      const firstPage = participantsPage(boxId, 1);
      // total comes with the first page (later pages and cursor pages leave it null)
      const totalOf = (p: Awaited<typeof firstPage>) => p.total ?? p.items.length;
      const foreseen = pagesFor(
        await Promise.race([firstPage.then(totalOf), client.fetchQuery(boxQuery(boxId)).then((b) => b.participant_count, () => 0)]),
      );
      const early = Array.from({ length: foreseen - 1 }, (_, i) => participantsPage(boxId, i + 2));
      const first = await firstPage;
      const late = Array.from({ length: Math.max(0, pagesFor(totalOf(first)) - foreseen) }, (_, i) => participantsPage(boxId, foreseen + i + 1));
      const rest = await Promise.all([...early, ...late]);
      return [first, ...rest].flatMap((p) => p.items);
    },
    staleTime: FRESH_MS,
  });

export function useParticipants(boxId: string, enabled = true) {
  return useQuery({ ...participantsQuery(boxId), enabled });
}
