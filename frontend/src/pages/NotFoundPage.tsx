import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import { EmptyState } from "../components/EmptyState";
import { PageTitle } from "../components/PageTitle";

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t("not_found.title")}>{t("not_found.title")}</PageTitle>
      <EmptyState title={t("not_found.body")} icon="compass">
        <Link className="btn-link" to="/">
          {t("not_found.home")}
        </Link>
      </EmptyState>
    </>
  );
}
