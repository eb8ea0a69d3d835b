import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";

import { PageTitle } from "../components/PageTitle";
import { VerifyEmail } from "../features/auth/VerifyEmail";

export default function VerifyEmailPage() {
  const { t } = useTranslation("auth");
  const [params] = useSearchParams();
  return (
    <>
      <PageTitle title={t("verify_title")}>{t("verify_title")}</PageTitle>
      <VerifyEmail token={params.get("token")} />
    </>
  );
}
