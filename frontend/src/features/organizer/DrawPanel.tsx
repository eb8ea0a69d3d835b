import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import type { Box, BoxStatus } from "../../api/types";
import { ConfirmPanel } from "../../components/ConfirmPanel";
import { CheckboxField, TextArea, TextField } from "../../components/Field";
import { ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";

function useBoxInvalidate(boxId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ["box", boxId] });
    void client.invalidateQueries({ queryKey: ["boxes"] });
  };
}

/** Is a draw possible, and could people deduce each other's pairs? */
function DrawPreviewPanel({ box }: { box: Box }) {
  const { t } = useTranslation("organizer");
  const [acknowledged, setAcknowledged] = useState(false);
  const invalidate = useBoxInvalidate(box.id);
  const preview = useQuery({
    queryKey: ["box", box.id, "preview"],
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/draw/preview", { params: { path: { box_id: box.id } } })),
  });
  const run = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/boxes/{box_id}/draw", { params: { path: { box_id: box.id } }, body: { acknowledge_secrecy_warning: acknowledged } })),
    onSuccess: invalidate,
  });
  if (preview.isPending) return <Skeleton lines={3} />;
  if (preview.isError) return <ProblemAlert error={preview.error} />;
  const p = preview.data;
  const canRun = box.status === "ready" && p.feasible && (!p.requires_acknowledgement || acknowledged);
  return (
    <div className="space-y-3" data-testid="draw-preview">
      {p.feasible ? (
        <p role="status" className="rounded-lg bg-pine-50 p-3 font-medium text-pine-700 dark:bg-night-3 dark:text-pine-300">
          {t("draw.feasible", { count: p.participant_count })}
        </p>
      ) : (
        <div role="alert" className="rounded-lg border border-berry-600 bg-berry-50 p-3 text-berry-700 dark:border-berry-300 dark:bg-night-3 dark:text-berry-300">
          <p className="font-semibold">{t("draw.infeasible")}</p>
          {p.explanation || p.reason ? <p className="mt-1" data-testid="draw-explanation">{p.explanation || p.reason}</p> : null}
          {p.suggestion ? (
            <p className="mt-1" data-testid="draw-suggestion">
              <span className="font-semibold">{t("draw.suggestion")}</span> {p.suggestion}
            </p>
          ) : null}
        </div>
      )}
      {p.not_joined_count ? <p className="text-sm">{t("draw.not_joined", { count: p.not_joined_count })}</p> : null}
      {p.warnings?.length ? (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {p.warnings.map((w) => (
            <li key={w.code}>{w.message}</li>
          ))}
        </ul>
      ) : null}
      {p.requires_acknowledgement ? (
        <div className="rounded-lg border-2 border-gold-500 bg-gold-100 p-3 text-stone-900 dark:bg-night-3 dark:text-stone-100">
          <CheckboxField label={t("draw.acknowledge")} hint={t("draw.acknowledge_hint")} checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" onClick={() => void preview.refetch()} disabled={preview.isFetching}>
          {t("draw.check_again")}
        </button>
        {box.status === "ready" ? (
          <button type="button" className="btn-primary" onClick={() => run.mutate()} disabled={!canRun || run.isPending}>
            {run.isPending ? t("draw.running") : t("draw.run")}
          </button>
        ) : null}
      </div>
      <ProblemAlert error={run.error} />
    </div>
  );
}

function RevealPanel({ box }: { box: Box }) {
  const { t } = useTranslation("organizer");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const reveal = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/boxes/{box_id}/draw/reveal", { params: { path: { box_id: box.id } }, body: { confirm: true, reason } })),
  });
  if (reveal.data) {
    return (
      <div className="space-y-2">
        <h3 className="font-semibold">{t("reveal.pairs")}</h3>
        <ul className="list-disc pl-5" data-testid="revealed-pairs">
          {reveal.data.pairs.map((pair) => (
            <li key={pair.santa.participant_id}>{t("reveal.pair", { santa: pair.santa.display_name, giftee: pair.giftee.display_name })}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div>
      <button type="button" className="btn-danger" onClick={() => setOpen(true)}>
        {t("reveal.button")}
      </button>
      {open ? (
        <ConfirmPanel
          title={t("reveal.confirm_title")}
          confirmLabel={t("reveal.confirm")}
          onConfirm={() => reveal.mutate()}
          onCancel={() => setOpen(false)}
          busy={reveal.isPending}
          confirmDisabled={reason.trim().length < 10}
        >
          <p>{t("reveal.everyone_told")}</p>
          <TextArea className="mt-2" label={t("reveal.reason")} hint={t("reveal.reason_hint")} value={reason} onChange={(e) => setReason(e.target.value)} minLength={10} maxLength={500} />
          <ProblemAlert error={reveal.error} className="mt-2" />
        </ConfirmPanel>
      ) : null}
    </div>
  );
}

function RenewForm({ box }: { box: Box }) {
  const { t } = useTranslation("organizer");
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [eventDate, setEventDate] = useState("");
  const renew = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/boxes/{box_id}/renew", { params: { path: { box_id: box.id } }, body: { name: name.trim() || null, event_date: eventDate || null } })),
    onSuccess: (next) => navigate(`/boxes/${next.id}`),
  });
  return (
    <form
      className="space-y-3 rounded-lg border border-stone-200 p-4 dark:border-night-3"
      aria-label={t("renew.title")}
      onSubmit={(e) => {
        e.preventDefault();
        renew.mutate();
      }}
    >
      <h3 className="font-semibold">{t("renew.title")}</h3>
      <p className="muted text-sm">{t("renew.hint")}</p>
      <ProblemAlert error={renew.error} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("renew.name")} value={name} onChange={(e) => setName(e.target.value)} placeholder={box.name} />
        <TextField label={t("renew.event_date")} type="date" value={eventDate} onChange={(e) => setEventDate(e.target.value)} />
      </div>
      <button type="submit" className="btn-secondary" disabled={renew.isPending}>
        {t("renew.button")}
      </button>
    </form>
  );
}

/** The box's lifecycle for organizers: close sign-up, preview, draw, reveal, renew, archive, delete. */
export function DrawPanel({ box }: { box: Box }) {
  const { t, i18n } = useTranslation("organizer");
  const invalidate = useBoxInvalidate(box.id);
  const navigate = useNavigate();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const setStatus = useMutation({
    mutationFn: (status: BoxStatus) => unwrap(api.POST("/api/v1/boxes/{box_id}/status", { params: { path: { box_id: box.id } }, body: { status } })),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/boxes/{box_id}", { params: { path: { box_id: box.id } } })),
    onSuccess: () => {
      invalidate();
      navigate("/dashboard");
    },
  });
  const drawn = box.status === "matched" || box.status === "archived";
  const summary = useQuery({
    queryKey: ["box", box.id, "draw"],
    enabled: drawn,
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/draw", { params: { path: { box_id: box.id } } })),
  });
  return (
    <section aria-labelledby="draw" className="card space-y-4">
      <h2 id="draw" className="h2">
        {t("draw.title")}
      </h2>
      <ProblemAlert error={setStatus.error} />
      {box.status === "draft" ? (
        <div className="space-y-2">
          <p>{t("draw.draft_hint")}</p>
          <button type="button" className="btn-primary" onClick={() => setStatus.mutate("ready")} disabled={setStatus.isPending}>
            {t("draw.close_signup")}
          </button>
        </div>
      ) : null}
      {box.status === "ready" ? (
        <div className="space-y-2">
          <p>{t("draw.ready_hint")}</p>
          <button type="button" className="btn-secondary" onClick={() => setStatus.mutate("draft")} disabled={setStatus.isPending}>
            {t("draw.reopen")}
          </button>
        </div>
      ) : null}
      {box.status === "draft" || box.status === "ready" ? <DrawPreviewPanel box={box} /> : null}
      {box.status === "drawing" ? <p role="status">{t("draw.in_progress")}</p> : null}
      {drawn ? (
        <div className="space-y-4">
          <p role="status" className="rounded-lg bg-pine-50 p-3 font-medium text-pine-700 dark:bg-night-3 dark:text-pine-300">
            {t("draw.done", { date: box.drawn_at ? new Intl.DateTimeFormat(i18n.language, { dateStyle: "long" }).format(new Date(box.drawn_at)) : "" })}
          </p>
          {summary.data ? (
            <p className="muted break-all text-sm">
              {t("draw.summary", { round: summary.data.round, method: summary.data.method })}
              {summary.data.commitment ? ` · ${t("draw.commitment")} ${summary.data.commitment}` : ""}
            </p>
          ) : null}
          {box.status === "matched" ? <RevealPanel box={box} /> : null}
          <RenewForm box={box} />
          {box.status === "matched" ? (
            <div>
              <button type="button" className="btn-secondary" onClick={() => setConfirmArchive(true)}>
                {t("archive.button")}
              </button>
              {confirmArchive ? (
                <ConfirmPanel
                  title={t("archive.confirm")}
                  confirmLabel={t("archive.button")}
                  danger={false}
                  onConfirm={() => setStatus.mutate("archived", { onSettled: () => setConfirmArchive(false) })}
                  onCancel={() => setConfirmArchive(false)}
                  busy={setStatus.isPending}
                />
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
      {box.my_role === "organizer" ? (
        <div className="border-t border-stone-200 pt-4 dark:border-night-3">
          <button type="button" className="btn-danger" onClick={() => setConfirmDelete(true)}>
            {t("delete.button")}
          </button>
          {confirmDelete ? (
            <ConfirmPanel title={t("delete.confirm", { name: box.name })} confirmLabel={t("delete.button")} onConfirm={() => remove.mutate()} onCancel={() => setConfirmDelete(false)} busy={remove.isPending}>
              <ProblemAlert error={remove.error} />
            </ConfirmPanel>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
