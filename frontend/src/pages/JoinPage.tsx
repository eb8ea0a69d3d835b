import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";

import { PageTitle } from "../components/PageTitle";
import { JoinView } from "../features/join/JoinView";

export default function JoinPage() {
  const { code = "" } = useParams();
  const { t } = useTranslation("join");
  return (
    <>
      <PageTitle title={t("title")}>{t("title")}</PageTitle>
      <JoinView code={code} />
    </>
  );
}
