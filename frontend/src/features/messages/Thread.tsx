import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { ApiProblem } from "../../api/problem";
import type { components } from "../../api/schema.gen";
import { ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { formatDate } from "../../lib/format";

type Message = components["schemas"]["Message"];

const PAGE = 30;
const REVEAL_CODE = "message_reveals_sender";

/** Whether I may still edit or delete this message (mine, not deleted, inside the server's window). */
export function isEditable(m: Message, now: number = Date.now()): boolean {
  return m.author === "me" && !m.deleted && !!m.editable_until && Date.parse(m.editable_until) > now;
}

function MessageItem({ boxId, pairId, m }: { boxId: string; pairId: string; m: Message }) {
  const { t, i18n } = useTranslation("exchange");
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(m.body ?? "");
  const [warning, setWarning] = useState<string | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: ["box", boxId, "messages", pairId] });
  const path = { box_id: boxId, pair_id: pairId, message_id: m.id };
  const edit = useMutation({
    mutationFn: (confirm: boolean) =>
      unwrap(api.PATCH("/api/v1/boxes/{box_id}/threads/{pair_id}/messages/{message_id}", { params: { path }, body: { body: text, confirm_reveal: confirm } })),
    onSuccess: () => {
      setEditing(false);
      setWarning(null);
      refresh();
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.code === REVEAL_CODE) setWarning(error.detail);
    },
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/boxes/{box_id}/threads/{pair_id}/messages/{message_id}", { params: { path } })),
    onSuccess: refresh,
  });
  const mine = m.author === "me";
  const editable = isEditable(m);
  return (
    <li className={mine ? "ml-4 rounded-lg bg-pine-50 p-2 sm:ml-8 dark:bg-night-3" : "mr-4 rounded-lg border p-2 sm:mr-8"} data-testid="message">
      <span className="muted block text-xs">
        {m.author_label} · {formatDate(m.created_at, i18n.language)}
        {m.edited_at ? ` · ${t("edited")}` : ""}
      </span>
      {m.deleted ? (
        <em className="muted">{t("deleted")}</em>
      ) : editing ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) edit.mutate(false);
          }}
        >
          <label className="block text-sm" htmlFor={`edit-${m.id}`}>
            {t("edit_label")}
          </label>
          <textarea id={`edit-${m.id}`} className="input w-full" rows={2} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
          {warning ? (
            <div role="alert" className="rounded-lg border border-berry-600 p-2 text-sm">
              <p>{warning}</p>
              <button type="button" className="btn-secondary mt-2" onClick={() => edit.mutate(true)}>
                {t("send_anyway")}
              </button>
            </div>
          ) : null}
          {edit.isError && !warning ? <ProblemAlert error={edit.error} /> : null}
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn-primary" disabled={edit.isPending || !text.trim()}>
              {t("save_edit")}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setEditing(false)}>
              {t("cancel_edit")}
            </button>
          </div>
        </form>
      ) : (
        <span className="whitespace-pre-wrap break-words">{m.body}</span>
      )}
      {editable && !editing ? (
        <div className="mt-1 flex flex-wrap gap-3 text-sm">
          <button type="button" className="btn-link" aria-label={t("edit_message_aria")} onClick={() => setEditing(true)}>
            {t("edit")}
          </button>
          <button
            type="button"
            className="btn-link"
            aria-label={t("delete_message_aria")}
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(t("delete_confirm"))) remove.mutate();
            }}
          >
            {t("delete")}
          </button>
        </div>
      ) : null}
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}
    </li>
  );
}

/** One conversation: older pages on demand, send with the self-reveal guard, edit/delete my recent ones. */
export function Thread({ boxId, pairId }: { boxId: string; pairId: string }) {
  const { t } = useTranslation("exchange");
  const client = useQueryClient();
  const [body, setBody] = useState("");
  const [warning, setWarning] = useState<string | null>(null);
  const messages = useInfiniteQuery({
    queryKey: ["box", boxId, "messages", pairId],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/boxes/{box_id}/threads/{pair_id}/messages", {
          params: { path: { box_id: boxId, pair_id: pairId }, query: { limit: PAGE, ...(pageParam ? { before: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
  const unread = messages.data?.pages[0]?.unread_count ?? 0;
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
      if (error instanceof ApiProblem && error.code === REVEAL_CODE) setWarning(error.detail);
    },
  });
  // Pages come newest first; show oldest at the top.
  const items = (messages.data?.pages ?? []).flatMap((p) => p.items).reverse();
  return (
    <div className="space-y-3">
      {messages.hasNextPage ? (
        <button type="button" className="btn-secondary" disabled={messages.isFetchingNextPage} onClick={() => void messages.fetchNextPage()}>
          {t("load_older")}
        </button>
      ) : null}
      {messages.isPending ? <Skeleton lines={3} /> : null}
      {messages.isError ? <ProblemAlert error={messages.error} /> : null}
      <ol aria-live="polite" aria-label={t("messages")} className="space-y-2" data-testid="messages">
        {items.map((m) => (
          <MessageItem key={m.id} boxId={boxId} pairId={pairId} m={m} />
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
        <textarea
          id={`msg-${pairId}`}
          className="input w-full"
          rows={3}
          maxLength={4000}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            setWarning(null);
          }}
        />
        {warning ? (
          <div role="alert" className="rounded-lg border border-berry-600 p-2 text-sm" data-testid="reveal-warning">
            <p>{warning}</p>
            <button type="button" className="btn-secondary mt-2" disabled={send.isPending} onClick={() => send.mutate(true)}>
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
