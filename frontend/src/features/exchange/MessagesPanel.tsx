import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { ApiProblem } from "../../api/problem";
import { EmptyState } from "../../components/EmptyState";
import { ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { formatDate } from "../../lib/format";

function Thread({ boxId, pairId }: { boxId: string; pairId: string }) {
  const { t, i18n } = useTranslation("exchange");
  const client = useQueryClient();
  const [body, setBody] = useState("");
  const [warning, setWarning] = useState<string | null>(null);
  const messages = useQuery({
    queryKey: ["box", boxId, "messages", pairId],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/boxes/{box_id}/threads/{pair_id}/messages", {
          params: { path: { box_id: boxId, pair_id: pairId }, query: { limit: 100 } },
        }),
      ),
  });
  const unread = messages.data?.unread_count ?? 0;
  useEffect(() => {
    if (unread > 0) {
      void api
        .POST("/api/v1/boxes/{box_id}/threads/{pair_id}/read", { params: { path: { box_id: boxId, pair_id: pairId } } })
        .then(() => client.invalidateQueries({ queryKey: ["box", boxId, "threads"] }));
    }
  }, [unread, boxId, pairId, client]);
  const send = useMutation({
    mutationFn: (confirm: boolean) =>
      unwrap(
        api.POST("/api/v1/boxes/{box_id}/threads/{pair_id}/messages", {
          params: { path: { box_id: boxId, pair_id: pairId } },
          body: { body, confirm_reveal: confirm },
        }),
      ),
    onSuccess: () => {
      setBody("");
      setWarning(null);
      void client.invalidateQueries({ queryKey: ["box", boxId, "messages", pairId] });
      void client.invalidateQueries({ queryKey: ["box", boxId, "threads"] });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.code === "message_reveals_sender") setWarning(error.detail);
    },
  });
  const items = [...(messages.data?.items ?? [])].reverse();
  return (
    <div className="space-y-3">
      {messages.isPending ? <Skeleton lines={3} /> : null}
      {messages.isError ? <ProblemAlert error={messages.error} /> : null}
      <ol aria-live="polite" className="space-y-2" data-testid="messages">
        {items.map((m) => (
          <li key={m.id} className={m.author === "me" ? "ml-8 rounded-lg bg-pine-50 p-2 dark:bg-night-3" : "mr-8 rounded-lg border p-2"}>
            <span className="muted block text-xs">
              {m.author_label} · {formatDate(m.created_at, i18n.language)}
              {m.edited_at ? ` · ${t("edited")}` : ""}
            </span>
            {m.deleted ? <em className="muted">{t("deleted")}</em> : <span className="whitespace-pre-wrap">{m.body}</span>}
          </li>
        ))}
      </ol>
      {!items.length && !messages.isPending ? <p className="muted text-sm">{t("no_messages")}</p> : null}
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) send.mutate(false);
        }}
      >
        <label className="block text-sm font-medium" htmlFor={`msg-${pairId}`}>
          {t("write")}
        </label>
        <textarea id={`msg-${pairId}`} className="input w-full" rows={3} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} />
        {warning ? (
          <div role="alert" className="rounded-lg border border-berry-600 p-2 text-sm">
            <p>{warning}</p>
            <button type="button" className="btn-secondary mt-2" onClick={() => send.mutate(true)}>
              {t("send_anyway")}
            </button>
          </div>
        ) : null}
        {send.isError && !warning ? <ProblemAlert error={send.error} /> : null}
        <button type="submit" className="btn-primary" disabled={send.isPending || !body.trim()}>
          {t("send")}
        </button>
      </form>
    </div>
  );
}

/** My conversations in a box: with my giftee(s) by name, with my santa(s) as "Your Santa". */
export function MessagesPanel({ boxId }: { boxId: string }) {
  const { t } = useTranslation("exchange");
  const [open, setOpen] = useState<string | null>(null);
  const threads = useQuery({
    queryKey: ["box", boxId, "threads"],
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/threads", { params: { path: { box_id: boxId } } })),
  });
  if (threads.isPending) return <Skeleton lines={4} className="card" />;
  if (threads.isError) return <ProblemAlert error={threads.error} />;
  if (!threads.data.items.length) return <EmptyState title={t("no_threads")} />;
  const current = open ?? threads.data.items[0]?.pair_id ?? null;
  return (
    <section aria-labelledby="messages-title" className="card space-y-4">
      <h2 id="messages-title" className="h2">
        {t("messages")}
      </h2>
      <p className="muted text-sm">{t("anonymous_hint")}</p>
      <div role="tablist" aria-label={t("messages")} className="flex flex-wrap gap-2">
        {threads.data.items.map((thread) => (
          <button
            key={thread.pair_id}
            type="button"
            role="tab"
            aria-selected={thread.pair_id === current}
            className={thread.pair_id === current ? "btn-primary" : "btn-secondary"}
            onClick={() => setOpen(thread.pair_id)}
          >
            {thread.my_role === "santa" ? t("to_giftee", { name: thread.title }) : thread.title}
            {thread.unread_count ? ` (${thread.unread_count})` : ""}
          </button>
        ))}
      </div>
      {current ? <Thread key={current} boxId={boxId} pairId={current} /> : null}
    </section>
  );
}
