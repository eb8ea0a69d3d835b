import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import type { Invite } from "../../api/types";
import { TextArea, TextField } from "../../components/Field";
import { ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { parseInvitees, type BadLine } from "../../lib/csv";
import { formatDate } from "../../lib/format";
import { participantsKey } from "../../hooks/useBox";

const invitesKey = (boxId: string) => ["box", boxId, "invites"] as const;

function InviteRow({ boxId, invite }: { boxId: string; invite: Invite }) {
  const { t, i18n } = useTranslation("organizer");
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: invitesKey(boxId) });
  const resend = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/boxes/{box_id}/invites/{invite_id}/resend", { params: { path: { box_id: boxId, invite_id: invite.id } } })),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/boxes/{box_id}/invites/{invite_id}", { params: { path: { box_id: boxId, invite_id: invite.id } } })),
    onSuccess: () => {
      void refresh();
      void client.invalidateQueries({ queryKey: participantsKey(boxId) });
    },
  });
  const pending = invite.status === "pending" || invite.status === "expired";
  return (
    <li className="flex flex-col gap-2 border-b border-stone-200 py-3 last:border-0 sm:flex-row sm:items-center dark:border-night-3" data-testid="invite-row">
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium">{invite.email}</p>
        <p className="muted text-sm">
          {t(`invite_status.${invite.status}`)}
          {invite.last_sent_at ? ` · ${t("invites.sent_at", { date: formatDate(invite.last_sent_at, i18n.language) })}` : ""}
        </p>
        {resend.isSuccess ? (
          <p role="status" className="text-sm text-pine-700 dark:text-pine-300">
            {t("invites.resent")}
          </p>
        ) : null}
        <ProblemAlert error={resend.error || revoke.error} className="mt-1" />
      </div>
      {pending ? (
        <div className="flex gap-2">
          <button type="button" className="btn-secondary" onClick={() => resend.mutate()} disabled={resend.isPending} aria-label={t("invites.resend_to", { email: invite.email })}>
            {t("invites.resend")}
          </button>
          <button type="button" className="btn-danger" onClick={() => revoke.mutate()} disabled={revoke.isPending} aria-label={t("invites.revoke_to", { email: invite.email })}>
            {t("invites.revoke")}
          </button>
        </div>
      ) : null}
    </li>
  );
}

function BadLines({ bad }: { bad: BadLine[] }) {
  const { t } = useTranslation("organizer");
  if (!bad.length) return null;
  return (
    <div role="alert" className="rounded-lg border border-berry-600 bg-berry-50 p-3 text-sm text-berry-700 dark:border-berry-300 dark:bg-night-3 dark:text-berry-300" data-testid="bad-lines">
      <p className="font-semibold">{t("invites.bad_lines", { count: bad.length })}</p>
      <ul className="mt-1 list-disc pl-5">
        {bad.map((b) => (
          <li key={b.line}>
            {t(`invites.bad_${b.reason}`, { line: b.line, text: b.text })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Invite by email (one or many addresses, or a CSV file), and the list of invitations. */
export function InvitePanel({ boxId, open }: { boxId: string; open: boolean }) {
  const { t } = useTranslation("organizer");
  const [text, setText] = useState("");
  const [message, setMessage] = useState("");
  const [bad, setBad] = useState<BadLine[]>([]);
  const [result, setResult] = useState<{ created: number; skipped: { email: string; reason: string }[] } | null>(null);
  const client = useQueryClient();
  const invites = useQuery({
    queryKey: invitesKey(boxId),
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/invites", { params: { path: { box_id: boxId }, query: { per_page: 200 } } })),
  });
  const send = useMutation({
    mutationFn: async (entries: { email: string; display_name: string | null }[]) => {
      if (entries.length === 1) {
        const [only] = entries;
        await unwrap(
          api.POST("/api/v1/boxes/{box_id}/invites", {
            params: { path: { box_id: boxId } },
            body: { email: only!.email, display_name: only!.display_name, message: message || null },
          }),
        );
        return { created: 1, skipped: [] };
      }
      return unwrap(
        api.POST("/api/v1/boxes/{box_id}/invites/import", {
          params: { path: { box_id: boxId } },
          body: { invites: entries, message: message || null },
        }),
      );
    },
    onSuccess: (res) => {
      setResult(res);
      setText("");
      void client.invalidateQueries({ queryKey: invitesKey(boxId) });
      void client.invalidateQueries({ queryKey: participantsKey(boxId) });
      void client.invalidateQueries({ queryKey: ["box", boxId] });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    const parsed = parseInvitees(text);
    setBad(parsed.bad);
    // Nothing is sent while a line is wrong: the organizer fixes the list first.
    if (parsed.bad.length || !parsed.valid.length) return;
    send.mutate(parsed.valid.map(({ email, display_name }) => ({ email, display_name })));
  }

  async function loadFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    const content = await file.text();
    setText(content);
    setBad(parseInvitees(content).bad);
  }

  return (
    <section aria-labelledby="invites" className="card space-y-4">
      <h2 id="invites" className="h2">
        {t("invites.title")}
      </h2>
      {open ? (
        <form onSubmit={submit} className="space-y-4" aria-label={t("invites.form")} noValidate>
          <TextArea label={t("invites.addresses")} hint={t("invites.addresses_hint")} value={text} onChange={(e) => setText(e.target.value)} rows={4} name="addresses" />
          <BadLines bad={bad} />
          <div>
            <label className="label" htmlFor="invite-csv">
              {t("invites.csv")}
            </label>
            <input id="invite-csv" type="file" accept=".csv,text/csv,text/plain" onChange={loadFile} className="block text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-stone-200 file:px-3 file:py-2 dark:file:bg-night-3 dark:file:text-stone-100" />
          </div>
          <TextField label={t("invites.message")} value={message} onChange={(e) => setMessage(e.target.value)} name="message" />
          <ProblemAlert error={send.error} />
          <button type="submit" className="btn-primary" disabled={send.isPending || !text.trim()}>
            {t("invites.send")}
          </button>
          {result ? (
            <div role="status" className="text-sm">
              <p className="font-medium text-pine-700 dark:text-pine-300">{t("invites.sent", { count: result.created })}</p>
              {result.skipped.length ? (
                <ul className="muted mt-1 list-disc pl-5">
                  {result.skipped.map((s) => (
                    <li key={s.email}>{t(`invites.skipped_${s.reason}`, { email: s.email })}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </form>
      ) : (
        <p className="muted">{t("invites.closed")}</p>
      )}
      {invites.isPending ? (
        <Skeleton lines={3} />
      ) : invites.isError ? (
        <ProblemAlert error={invites.error} />
      ) : invites.data.items.length ? (
        <ul aria-label={t("invites.list")}>
          {invites.data.items.map((invite) => (
            <InviteRow key={invite.id} boxId={boxId} invite={invite} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t("invites.none")}</p>
      )}
    </section>
  );
}
