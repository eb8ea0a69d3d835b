import { useTranslation } from "react-i18next";

import type { Box } from "../api/types";
import { formatBudget, formatDate } from "../lib/format";
import { BoxStatusBadge } from "./StatusBadge";

/** The facts of a box everyone in it may see: budget, dates, description and rules. */
export function BoxSummary({ box, timeZone }: { box: Box; timeZone?: string }) {
  const { t, i18n } = useTranslation("box");
  const lang = i18n.language;
  const budget = formatBudget(box.min_budget, box.max_budget, box.currency, lang);
  const facts: [string, string][] = [];
  if (budget) facts.push([t("budget"), budget]);
  if (box.signup_deadline) facts.push([t("signup_deadline"), formatDate(box.signup_deadline, lang, timeZone)]);
  if (box.shipping_deadline) facts.push([t("shipping_deadline"), formatDate(box.shipping_deadline, lang, timeZone)]);
  if (box.event_date) facts.push([t("event_date"), formatDate(box.event_date, lang)]);
  return (
    <section aria-labelledby="box-facts" className="card">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="box-facts" className="h2">
          {t("about")}
        </h2>
        <BoxStatusBadge status={box.status} />
        <span className="muted text-sm">{t("boxes:people", { count: box.participant_count })}</span>
      </div>
      {facts.length ? (
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2">
          {facts.map(([term, value]) => (
            <div key={term}>
              <dt className="muted text-sm">{term}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {box.description ? <p className="mt-3 whitespace-pre-line">{box.description}</p> : null}
      {box.rules ? (
        <div className="mt-3">
          <h3 className="font-semibold">{t("rules")}</h3>
          <p className="whitespace-pre-line">{box.rules}</p>
        </div>
      ) : null}
    </section>
  );
}
