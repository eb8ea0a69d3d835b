import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";

import { PageTitle } from "../components/PageTitle";
import { ResetPasswordForm } from "../features/auth/ResetPasswordForm";

export default function ResetPasswordPage() {
  const { t } = useTranslation("auth");
  const [params] = useSearchParams();
  return (
    <>
      <PageTitle title={t("reset_title")}>{t("reset_title")}</PageTitle>
      <ResetPasswordForm token={params.get("token")} />
    </>
  );
}
