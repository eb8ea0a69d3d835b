import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";

import { PageTitle } from "../components/PageTitle";
import { ProblemAlert } from "../components/ProblemAlert";
import { PageSkeleton } from "../components/Skeleton";
import { ActForPerson } from "../features/organizer/ActForPerson";
import { useBox } from "../hooks/useBox";

export default function ActForPage() {
  const { boxId = "", participantId = "" } = useParams();
  const { t } = useTranslation("organizer");
  const box = useBox(boxId);
  if (box.isPending) return <PageSkeleton />;
  if (box.isError) return <ProblemAlert error={box.error} />;
  return (
    <>
      <Link to={`/boxes/${boxId}`} className="btn-link text-sm">
        ← {t("common:back_to_box")}
      </Link>
      <PageTitle title={t("act_for.title")} sub={box.data.name}>
        {t("act_for.title")}
      </PageTitle>
      <ActForPerson box={box.data} participantId={participantId} />
    </>
  );
}
