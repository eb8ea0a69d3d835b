import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

type LiveMessage = { type: string; box_id?: string; kind?: string; cursor?: number };

/** Which cached queries an event makes stale. */
const STALE: Record<string, string[]> = {
  message_new: ["threads", "messages"],
  message_changed: ["messages"],
  messages_read: ["messages", "threads"],
  gift_status: ["gifts", "threads"],
  gift_counts: ["gift-summary"],
  gift_issue: ["gift-summary"],
  announcement: ["announcements"],
  draw_revealed: ["verification"],
  assignment_changed: ["assignment", "threads", "gifts"],
};

export function liveUrl(boxId: string, location: Location = window.location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/api/v1/ws?box_id=${encodeURIComponent(boxId)}`;
}

/**
 * Follow a box live over the WebSocket (the session cookie authenticates it): each event
 * refreshes the queries it concerns. Reconnects with a growing delay; whatever happened in
 * between is fetched again by those queries, so nothing is missed.
 */
export function useLiveEvents(boxId: string): boolean {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (typeof WebSocket === "undefined" || !boxId) return;
    let socket: WebSocket | null = null;
    let stopped = false;
    let delay = 1000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      socket = new WebSocket(liveUrl(boxId));
      socket.onopen = () => {
        delay = 1000;
        setLive(true);
      };
      socket.onmessage = (message) => {
        let data: LiveMessage;
        try {
          data = JSON.parse(String(message.data)) as LiveMessage;
        } catch {
          return;
        }
        if (data.type === "hello") {
          void client.invalidateQueries({ queryKey: ["box", boxId] });
          return;
        }
        if (data.type !== "event" || !data.kind) return;
        for (const part of STALE[data.kind] ?? []) void client.invalidateQueries({ queryKey: ["box", boxId, part] });
        if (!STALE[data.kind]) void client.invalidateQueries({ queryKey: ["box", boxId] });
      };
      socket.onclose = () => {
        setLive(false);
        if (stopped) return;
        timer = setTimeout(open, delay);
        delay = Math.min(delay * 2, 30000);
      };
    };
    open();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      socket?.close();
    };
  }, [boxId, client]);
  return live;
}
