import type { QueryClient } from "@tanstack/react-query";

import { CSRF_COOKIE } from "../api/client";
import { boxesQuery, boxQuery, participantsQuery } from "../hooks/useBox";
import { meQuery } from "../hooks/useMe";
import { readCookie } from "../lib/cookies";
import { BoxPage, Dashboard } from "./App";

const BOX_PAGE = /^\/boxes\/([0-9a-f-]{36})\/?$/i;

/**
 * Start what the first page needs at once, in parallel, before React renders: the page's code
 * and its data (otherwise each waits for the one before: the account, the page's chunk, the
 * box, its members).
 */
export function warmUp(client: QueryClient, pathname: string): void {
  if (!readCookie(CSRF_COOKIE)) return;
  void client.prefetchQuery(meQuery);
  const boxId = BOX_PAGE.exec(pathname)?.[1];
  if (boxId) {
    void BoxPage.preload();
    void client.prefetchQuery(boxQuery(boxId));
    void client.prefetchQuery(participantsQuery(boxId));
  } else if (pathname === "/dashboard" || pathname === "/dashboard/") {
    void Dashboard.preload();
    void client.prefetchQuery(boxesQuery);
  }
}
