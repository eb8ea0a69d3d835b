import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";

import { PageTitle } from "../components/PageTitle";
import { ProblemAlert } from "../components/ProblemAlert";
import { PageSkeleton } from "../components/Skeleton";
import { GifteeView } from "../features/giftee/GifteeView";
import { useBox } from "../hooks/useBox";
import { useMe } from "../hooks/useMe";

export default function MyGifteePage() {
  const { boxId = "" } = useParams();
  const { t } = useTranslation("card");
  const box = useBox(boxId);
  const me = useMe().data;
  if (box.isPending) return <PageSkeleton />;
  if (box.isError) return <ProblemAlert error={box.error} />;
  return (
    <>
      <Link to={`/boxes/${boxId}`} className="btn-link text-sm">
        ← {t("common:back_to_box")}
      </Link>
      <PageTitle title={t("my_giftee")} sub={box.data.name}>
        {t("my_giftee")}
      </PageTitle>
      <GifteeView box={box.data} timeZone={me?.timezone} />
    </>
  );
}
