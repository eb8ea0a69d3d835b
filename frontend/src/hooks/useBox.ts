import { useQuery } from "@tanstack/react-query";

import { unwrap } from "../api/client";
import { api } from "../api/instance";

export const boxKey = (boxId: string) => ["box", boxId] as const;

export function useBox(boxId: string) {
  return useQuery({
    queryKey: boxKey(boxId),
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}", { params: { path: { box_id: boxId } } })),
  });
}

export const participantsKey = (boxId: string) => ["box", boxId, "participants"] as const;

/** Everyone in the box (all pages: a 300-person box is 2 requests). */
export function useParticipants(boxId: string, enabled = true) {
  return useQuery({
    queryKey: participantsKey(boxId),
    enabled,
    queryFn: async () => {
      const perPage = 200;
      const first = await unwrap(
        api.GET("/api/v1/boxes/{box_id}/participants", { params: { path: { box_id: boxId }, query: { page: 1, per_page: perPage } } }),
      );
      const items = [...first.items];
      // total comes with the first page (later pages and cursor pages leave it null)
      const pages = Math.ceil((first.total ?? first.items.length) / perPage);
      for (let page = 2; page <= pages; page++) {
        const next = await unwrap(
          api.GET("/api/v1/boxes/{box_id}/participants", { params: { path: { box_id: boxId }, query: { page, per_page: perPage } } }),
        );
        items.push(...next.items);
      }
      return items;
    },
  });
}
