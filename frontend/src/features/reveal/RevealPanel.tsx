import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { ProblemAlert } from "../../components/ProblemAlert";

/** The draw's commitment; after the reveal, every pair and the document to verify offline. */
export function RevealPanel({ boxId, canManage }: { boxId: string; canManage: boolean }) {
  const { t } = useTranslation("exchange");
  const client = useQueryClient();
  const verification = useQuery({
    queryKey: ["box", boxId, "verification"],
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/draw/verification", { params: { path: { box_id: boxId } } })),
  });
  const settings = useQuery({
    queryKey: ["box", boxId, "reveal-settings"],
    enabled: canManage,
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/reveal-settings", { params: { path: { box_id: boxId } } })),
  });
  const toggle = useMutation({
    mutationFn: (allow: boolean) =>
      unwrap(api.PATCH("/api/v1/boxes/{box_id}/reveal-settings", { params: { path: { box_id: boxId } }, body: { allow_reveal: allow } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["box", boxId, "reveal-settings"] }),
  });
  const reveal = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/boxes/{box_id}/draw/reveal-all", { params: { path: { box_id: boxId } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["box", boxId, "verification"] }),
  });
  if (!verification.data) return null;
  const v = verification.data;
  const doc = v.document as { assignments?: Record<string, string | string[]>; names?: Record<string, string> } | null | undefined;
  const names = doc?.names ?? {};
  const download = doc ? `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(doc, null, 2))}` : null;
  return (
    <section aria-labelledby="reveal-title" className="card space-y-3">
      <h2 id="reveal-title" className="h2">
        {t("fair_draw")}
      </h2>
      <p className="muted text-sm">{t("commitment_hint")}</p>
      <code className="block break-all text-xs" data-testid="commitment">
        {v.commitment}
      </code>
      {doc?.assignments ? (
        <>
          <ul className="space-y-1" data-testid="revealed-pairs">
            {Object.entries(doc.assignments).map(([santa, giftees]) => (
              <li key={santa}>{t("pair_line", { santa: names[santa] ?? santa, giftee: [giftees].flat().map((g) => names[g] ?? g).join(", ") })}</li>
            ))}
          </ul>
          {download ? (
            <a className="btn-secondary" href={download} download="santa-draw-verification.json">
              {t("download_document")}
            </a>
          ) : null}
          <p className="muted text-sm">{t("verify_hint")}</p>
        </>
      ) : null}
      {canManage && settings.data && !v.revealed ? (
        <div className="space-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={settings.data.allow_reveal} onChange={(e) => toggle.mutate(e.target.checked)} />
            {t("allow_reveal")}
          </label>
          {settings.data.allow_reveal ? (
            <button type="button" className="btn-secondary" disabled={reveal.isPending} onClick={() => reveal.mutate()}>
              {t("reveal_all")}
            </button>
          ) : null}
        </div>
      ) : null}
      {toggle.isError ? <ProblemAlert error={toggle.error} /> : null}
      {reveal.isError ? <ProblemAlert error={reveal.error} /> : null}
    </section>
  );
}
