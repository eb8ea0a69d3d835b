import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { EmptyState } from "../../components/EmptyState";
import { ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { Thread } from "./Thread";

type Side = "santa" | "giftee";

/**
 * My conversations in a box: with my giftee(s) by name, with my santa(s) as "Your Santa" (numbered
 * by the server when there are several). `side` keeps only the threads where I am that side.
 */
export function MessagesPanel({ boxId, side, title }: { boxId: string; side?: Side; title?: string }) {
  const { t } = useTranslation("exchange");
  const [open, setOpen] = useState<string | null>(null);
  const threads = useQuery({
    queryKey: ["box", boxId, "threads"],
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/threads", { params: { path: { box_id: boxId } } })),
  });
  if (threads.isPending) return <Skeleton lines={4} className="card" />;
  if (threads.isError) return <ProblemAlert error={threads.error} />;
  const list = threads.data.items.filter((th) => !side || th.my_role === side);
  if (!list.length) return side ? null : <EmptyState title={t("no_threads")} />;
  const current = open && list.some((th) => th.pair_id === open) ? open : (list[0]?.pair_id ?? null);
  const headingId = `messages-title-${side ?? "all"}`;
  return (
    <section aria-labelledby={headingId} className="card space-y-4" data-testid={`threads-${side ?? "all"}`}>
      <h2 id={headingId} className="h2">
        {title ?? t("messages")}
      </h2>
      <p className="muted text-sm">{t("anonymous_hint")}</p>
      {list.length > 1 ? (
      <div role="tablist" aria-label={t("messages")} className="flex flex-wrap gap-2">
        {list.map((thread) => (
          <button
            key={thread.pair_id}
            type="button"
            role="tab"
            aria-selected={thread.pair_id === current}
            className={thread.pair_id === current ? "btn-primary" : "btn-secondary"}
            onClick={() => setOpen(thread.pair_id)}
          >
            {thread.my_role === "santa" ? t("to_giftee", { name: thread.title }) : thread.title}
            {thread.unread_count ? <UnreadBadge count={thread.unread_count} /> : null}
          </button>
        ))}
      </div>
      ) : list[0] ? (
        <p className="font-medium" data-testid="thread-title">
          {list[0].my_role === "santa" ? t("to_giftee", { name: list[0].title }) : list[0].title}
          {list[0].unread_count ? <UnreadBadge count={list[0].unread_count} /> : null}
        </p>
      ) : null}
      {current ? <Thread key={current} boxId={boxId} pairId={current} /> : null}
    </section>
  );
}

function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation("exchange");
  return (
    <span className="ml-2 rounded-full bg-berry-600 px-2 text-xs text-white" aria-label={t("unread", { count })} data-testid="unread-count">
      {count}
    </span>
  );
}
