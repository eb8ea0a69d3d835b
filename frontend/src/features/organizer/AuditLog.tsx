import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { formatDate } from "../../lib/format";

const PER_PAGE = 20;

/** What happened in the box, newest first (never pair contents). */
export function AuditLog({ boxId }: { boxId: string }) {
  const { t, i18n } = useTranslation("organizer");
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const events = useQuery({
    queryKey: ["box", boxId, "audit", page],
    enabled: open,
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/audit-events", { params: { path: { box_id: boxId }, query: { page, per_page: PER_PAGE } } })),
  });
  const pages = events.data ? Math.max(1, Math.ceil(events.data.total / PER_PAGE)) : 1;
  return (
    <section aria-labelledby="audit" className="card space-y-3">
      <h2 id="audit" className="h2">
        {t("audit.title")}
      </h2>
      {!open ? (
        <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
          {t("audit.show")}
        </button>
      ) : events.isPending ? (
        <Skeleton lines={4} />
      ) : events.isError ? (
        <ProblemAlert error={events.error} />
      ) : events.data.items.length ? (
        <>
          <ol className="space-y-2" aria-label={t("audit.title")}>
            {events.data.items.map((e) => (
              <li key={e.id} className="border-b border-stone-200 pb-2 text-sm last:border-0 dark:border-night-3" data-testid="audit-row">
                <span className="font-medium">{t(`audit.actions.${e.action.replace(/\./g, "_")}`, { defaultValue: e.action })}</span>
                <span className="muted">
                  {" · "}
                  {formatDate(e.created_at, i18n.language)}
                </span>
              </li>
            ))}
          </ol>
          <nav aria-label={t("audit.pages")} className="flex items-center gap-2">
            <button type="button" className="btn-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t("audit.newer")}
            </button>
            <span className="text-sm">{t("audit.page", { page, pages })}</span>
            <button type="button" className="btn-secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t("audit.older")}
            </button>
          </nav>
        </>
      ) : (
        <p className="muted">{t("audit.none")}</p>
      )}
    </section>
  );
}
