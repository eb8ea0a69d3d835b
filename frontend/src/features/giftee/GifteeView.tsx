import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import type { Box } from "../../api/types";
import { CopyField } from "../../components/CopyField";
import { EmptyState } from "../../components/EmptyState";
import { GifteeCardView } from "../../components/GifteeCardView";
import { ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { formatDate } from "../../lib/format";

function CalendarLink() {
  const { t } = useTranslation("card");
  const feed = useQuery({ queryKey: ["calendar-feed"], queryFn: () => unwrap(api.GET("/api/v1/calendar")) });
  if (!feed.data) return null;
  const webcal = feed.data.url.replace(/^https?:/, "webcal:");
  return (
    <section aria-labelledby="calendar" className="card space-y-3">
      <h2 id="calendar" className="h2">
        {t("calendar_title")}
      </h2>
      <p className="muted text-sm">{t("calendar_hint")}</p>
      <CopyField label={t("calendar_url")} value={feed.data.url} testId="calendar-url" />
      <a className="btn-secondary" href={webcal}>
        {t("calendar_subscribe")}
      </a>
    </section>
  );
}

/** My giftee after the draw: who, their wishes, address and phone, and the deadlines. */
export function GifteeView({ box, timeZone }: { box: Box; timeZone?: string }) {
  const { t, i18n } = useTranslation("card");
  const drawn = box.status === "matched" || box.status === "archived";
  const assignment = useQuery({
    queryKey: ["box", box.id, "assignment"],
    enabled: drawn,
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/assignment", { params: { path: { box_id: box.id } } })),
  });
  if (!drawn) {
    return (
      <EmptyState title={t("not_drawn_yet")} icon="clock">
        {box.signup_deadline ? t("draw_on", { date: formatDate(box.signup_deadline, i18n.language, timeZone) }) : t("draw_later")}
      </EmptyState>
    );
  }
  if (assignment.isPending) return <Skeleton lines={6} className="card" />;
  if (assignment.isError) return <ProblemAlert error={assignment.error} />;
  const deadlines: [string, string][] = [];
  if (box.shipping_deadline) deadlines.push([t("box:shipping_deadline"), formatDate(box.shipping_deadline, i18n.language, timeZone)]);
  if (box.event_date) deadlines.push([t("box:event_date"), formatDate(box.event_date, i18n.language)]);
  return (
    <div className="space-y-6">
      {assignment.data.giftees.length ? (
        assignment.data.giftees.map((giftee) => <GifteeCardView key={giftee.participant_id} giftee={giftee} />)
      ) : (
        <EmptyState title={t("no_giftee")} />
      )}
      {deadlines.length ? (
        <section aria-labelledby="deadlines" className="card">
          <h2 id="deadlines" className="h2">
            {t("deadlines")}
          </h2>
          <dl className="mt-2 grid gap-2 sm:grid-cols-2">
            {deadlines.map(([term, value]) => (
              <div key={term}>
                <dt className="muted text-sm">{term}</dt>
                <dd className="font-medium">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <CalendarLink />
    </div>
  );
}
