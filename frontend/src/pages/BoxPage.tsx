import { usePrefetchQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router-dom";

import { BoxSummary } from "../components/BoxSummary";
import { MemberNames } from "../components/MemberNames";
import { PageTitle } from "../components/PageTitle";
import { ProblemAlert } from "../components/ProblemAlert";
import { PageSkeleton } from "../components/Skeleton";
import { OrganizerView } from "../features/organizer/OrganizerView";
import { participantsQuery, useBox } from "../hooks/useBox";
import { useMe } from "../hooks/useMe";

export default function BoxPage() {
  const { boxId = "" } = useParams();
  const { t } = useTranslation("box");
  const box = useBox(boxId);
  const me = useMe().data;
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created;
  // The members list is below, but its request goes out now, beside the box's.
  usePrefetchQuery(participantsQuery(boxId));
  if (box.isPending) return <PageSkeleton />;
  if (box.isError) return <ProblemAlert error={box.error} />;
  const b = box.data;
  const takesPart = !!b.my_role && (b.my_role !== "organizer" || b.organizer_participates);
  const drawn = b.status === "matched" || b.status === "archived";
  return (
    <>
      <PageTitle title={b.name}>{b.name}</PageTitle>
      {created ? (
        <p role="status" className="mb-6 rounded-lg bg-pine-50 p-3 font-medium text-pine-700 dark:bg-night-3 dark:text-pine-300">
          {t("created")}
        </p>
      ) : null}
      <div className="space-y-6">
        {takesPart ? (
          <nav aria-label={t("my_part")} className="grid gap-3 sm:grid-cols-2">
            <Link to={`/boxes/${b.id}/card`} className="card block hover:border-berry-600">
              <span className="font-semibold">{t("my_card")}</span>
              <span className="muted block text-sm">{t("my_card_hint")}</span>
            </Link>
            <Link to={`/boxes/${b.id}/assignment`} className="card block hover:border-berry-600">
              <span className="font-semibold">{t("my_giftee")}</span>
              <span className="muted block text-sm">{drawn ? t("my_giftee_ready") : t("my_giftee_later")}</span>
            </Link>
          </nav>
        ) : null}
        <Link to={`/boxes/${b.id}/messages`} className="card block hover:border-berry-600" data-testid="exchange-link">
          <span className="font-semibold">{t("exchange:title")}</span>
          <span className="muted block text-sm">{t("exchange:link_hint")}</span>
        </Link>
        <BoxSummary box={b} timeZone={me?.timezone} />
        {b.can_manage ? <OrganizerView box={b} /> : <MemberNames boxId={b.id} />}
      </div>
    </>
  );
}
