import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router-dom";

import { PageTitle } from "../components/PageTitle";
import { SignUpForm } from "../features/auth/SignUpForm";
import { useMe } from "../hooks/useMe";
import { safeNext } from "../lib/next";

export default function SignUpPage() {
  const { t } = useTranslation("auth");
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const me = useMe();
  if (me.data) return <Navigate to={next} replace />;
  return (
    <>
      <PageTitle title={t("sign_up")}>{t("sign_up_title")}</PageTitle>
      <SignUpForm next={next} />
    </>
  );
}
