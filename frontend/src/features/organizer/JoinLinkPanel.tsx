import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { CopyField } from "../../components/CopyField";
import { ProblemAlert } from "../../components/ProblemAlert";
import { QrCode } from "../../components/QrCode";
import { useDraftStore } from "../../stores/drafts";

/** The shareable join link (shown once by the API, so this tab remembers the last one) and its QR code. */
export function JoinLinkPanel({ boxId, open }: { boxId: string; open: boolean }) {
  const { t } = useTranslation("organizer");
  const key = `join-link:${boxId}`;
  const url = useDraftStore((s) => s.drafts[key]) as string | undefined;
  const setDraft = useDraftStore((s) => s.setDraft);
  const clearDraft = useDraftStore((s) => s.clearDraft);
  const [off, setOff] = useState(false);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/boxes/{box_id}/join-link", { params: { path: { box_id: boxId } } })),
    onSuccess: (link) => {
      setDraft(key, link.url);
      setOff(false);
    },
  });
  const disable = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/boxes/{box_id}/join-link", { params: { path: { box_id: boxId } } })),
    onSuccess: () => {
      clearDraft(key);
      setOff(true);
    },
  });
  return (
    <section aria-labelledby="join-link" className="card space-y-4">
      <h2 id="join-link" className="h2">
        {t("join_link.title")}
      </h2>
      <p className="muted text-sm">{t("join_link.hint")}</p>
      <ProblemAlert error={create.error || disable.error} />
      {url ? (
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <div className="min-w-0 flex-1">
            <CopyField label={t("join_link.label")} value={url} testId="join-link-url" />
          </div>
          <QrCode value={url} label={t("join_link.qr")} size={160} />
        </div>
      ) : (
        <p role="status">{off ? t("join_link.off") : t("join_link.hidden")}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" onClick={() => create.mutate()} disabled={create.isPending || !open}>
          {url ? t("join_link.renew") : t("join_link.create")}
        </button>
        <button type="button" className="btn-secondary" onClick={() => disable.mutate()} disabled={disable.isPending}>
          {t("join_link.disable")}
        </button>
      </div>
      {url ? <p className="muted text-xs">{t("join_link.renew_hint")}</p> : null}
    </section>
  );
}
