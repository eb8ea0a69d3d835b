import { useTranslation } from "react-i18next";

import { PageTitle } from "../components/PageTitle";
import { ForgotPasswordForm } from "../features/auth/ForgotPasswordForm";

export default function ForgotPasswordPage() {
  const { t } = useTranslation("auth");
  return (
    <>
      <PageTitle title={t("forgot_title")}>{t("forgot_title")}</PageTitle>
      <ForgotPasswordForm />
    </>
  );
}
