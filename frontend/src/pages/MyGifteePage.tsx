import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";

import { PageTitle } from "../components/PageTitle";
import { ProblemAlert } from "../components/ProblemAlert";
import { PageSkeleton } from "../components/Skeleton";
import { GiftsPanel } from "../features/gifts/GiftsPanel";
import { GifteeView } from "../features/giftee/GifteeView";
import { MessagesPanel } from "../features/messages/MessagesPanel";
import { useBox } from "../hooks/useBox";
import { useMe } from "../hooks/useMe";
import { useLiveEvents } from "../lib/useLiveEvents";

export default function MyGifteePage() {
  const { boxId = "" } = useParams();
  const { t } = useTranslation("card");
  const box = useBox(boxId);
  const me = useMe().data;
  useLiveEvents(boxId);
  if (box.isPending) return <PageSkeleton />;
  if (box.isError) return <ProblemAlert error={box.error} />;
  const drawn = box.data.status === "matched" || box.data.status === "archived";
  return (
    <>
      <Link to={`/boxes/${boxId}`} className="btn-link text-sm">
        ← {t("common:back_to_box")}
      </Link>
      <PageTitle title={t("my_giftee")} sub={box.data.name}>
        {t("my_giftee")}
      </PageTitle>
      <div className="space-y-6">
        <GifteeView box={box.data} timeZone={me?.timezone} />
        {drawn ? <MessagesPanel boxId={boxId} side="santa" title={t("exchange:giftee_thread")} /> : null}
        {drawn ? <GiftsPanel boxId={boxId} side="santa" /> : null}
      </div>
    </>
  );
}
