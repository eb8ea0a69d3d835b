import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import type { Box } from "../../api/types";
import { EmptyState } from "../../components/EmptyState";
import { ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { BoxStatusBadge } from "../../components/StatusBadge";
import { boxesQuery } from "../../hooks/useBox";
import { formatDate } from "../../lib/format";
import { nextStep } from "./nextStep";

function BoxRow({ box }: { box: Box }) {
  const { t, i18n } = useTranslation("boxes");
  const step = nextStep(box, (v) => formatDate(v, i18n.language));
  return (
    <li className="card flex flex-col gap-2 sm:flex-row sm:items-center" data-testid="box-row">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link to={`/boxes/${box.id}`} className="truncate text-lg font-semibold hover:underline">
            {box.name}
          </Link>
          <BoxStatusBadge status={box.status} />
        </div>
        <p className="muted text-sm">
          {t("people", { count: box.participant_count })}
          {box.event_date ? ` · ${formatDate(box.event_date, i18n.language)}` : ""}
        </p>
      </div>
      <Link to={step.to} className="btn-secondary">
        {t(`next.${step.key}`, step.values)}
      </Link>
    </li>
  );
}

/** The dashboard: boxes I organize and boxes I take part in. */
export function BoxList() {
  const { t } = useTranslation("boxes");
  const boxes = useQuery(boxesQuery);
  if (boxes.isPending) return <Skeleton lines={4} />;
  if (boxes.isError) return <ProblemAlert error={boxes.error} />;
  const items = boxes.data.items;
  const organizing = items.filter((b) => b.can_manage);
  const participating = items.filter((b) => !b.can_manage);
  return (
    <div className="space-y-8">
      <section aria-labelledby="organizing">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="organizing" className="h2">
            {t("organizing")}
          </h2>
          <Link to="/boxes/new" className="btn-primary">
            {t("create_box")}
          </Link>
        </div>
        {organizing.length ? (
          <ul className="space-y-3">
            {organizing.map((box) => (
              <BoxRow key={box.id} box={box} />
            ))}
          </ul>
        ) : (
          <EmptyState title={t("no_organizing")}>{t("no_organizing_hint")}</EmptyState>
        )}
      </section>
      <section aria-labelledby="participating">
        <h2 id="participating" className="h2 mb-3">
          {t("participating")}
        </h2>
        {participating.length ? (
          <ul className="space-y-3">
            {participating.map((box) => (
              <BoxRow key={box.id} box={box} />
            ))}
          </ul>
        ) : (
          <EmptyState title={t("no_participating")} icon="mail">
            {t("no_participating_hint")}
          </EmptyState>
        )}
      </section>
    </div>
  );
}
