import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";

import { PageTitle } from "../components/PageTitle";
import { ProblemAlert } from "../components/ProblemAlert";
import { PageSkeleton } from "../components/Skeleton";
import { AnnouncementsPanel } from "../features/announcements/AnnouncementsPanel";
import { GiftSummaryPanel, GiftsPanel } from "../features/gifts/GiftsPanel";
import { MessagesPanel } from "../features/messages/MessagesPanel";
import { RevealPanel } from "../features/reveal/RevealPanel";
import { useLiveEvents } from "../lib/useLiveEvents";
import { useBox } from "../hooks/useBox";

/** After the draw: messages with my santa and giftee (live), gifts, announcements, the reveal. */
export default function ExchangePage() {
  const { boxId = "" } = useParams();
  const { t } = useTranslation("exchange");
  const box = useBox(boxId);
  const live = useLiveEvents(boxId);
  if (box.isPending) return <PageSkeleton />;
  if (box.isError) return <ProblemAlert error={box.error} />;
  const b = box.data;
  const takesPart = !!b.my_role && (b.my_role !== "organizer" || b.organizer_participates);
  const drawn = b.status === "matched" || b.status === "archived";
  return (
    <>
      <Link to={`/boxes/${boxId}`} className="btn-link text-sm">
        ← {t("common:back_to_box")}
      </Link>
      <PageTitle title={t("title")} sub={b.name}>
        {t("title")}
      </PageTitle>
      <p className="muted mb-4 text-sm" role="status" data-testid="live-status">
        {live ? t("live_on") : t("live_off")}
      </p>
      <div className="space-y-6">
        <AnnouncementsPanel boxId={boxId} canPost={!!b.can_manage && b.status !== "archived"} />
        {drawn && takesPart ? <MessagesPanel boxId={boxId} /> : null}
        {drawn && takesPart ? <GiftsPanel boxId={boxId} /> : null}
        {drawn && b.can_manage ? <GiftSummaryPanel boxId={boxId} /> : null}
        {drawn ? <RevealPanel boxId={boxId} canManage={!!b.can_manage} /> : null}
      </div>
    </>
  );
}
