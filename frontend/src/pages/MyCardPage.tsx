import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";

import { PageTitle } from "../components/PageTitle";
import { ProblemAlert } from "../components/ProblemAlert";
import { PageSkeleton } from "../components/Skeleton";
import { MyCardForm } from "../features/card/MyCardForm";
import { useBox } from "../hooks/useBox";

export default function MyCardPage() {
  const { boxId = "" } = useParams();
  const { t } = useTranslation("card");
  const box = useBox(boxId);
  if (box.isPending) return <PageSkeleton />;
  if (box.isError) return <ProblemAlert error={box.error} />;
  return (
    <>
      <Link to={`/boxes/${boxId}`} className="btn-link text-sm">
        ← {t("common:back_to_box")}
      </Link>
      <PageTitle title={t("my_card")} sub={box.data.name}>
        {t("my_card")}
      </PageTitle>
      <MyCardForm box={box.data} />
    </>
  );
}
