import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router-dom";

import { PageTitle } from "../components/PageTitle";
import { SignInForm } from "../features/auth/SignInForm";
import { useMe } from "../hooks/useMe";
import { safeNext } from "../lib/next";

export default function SignInPage() {
  const { t } = useTranslation("auth");
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const me = useMe();
  if (me.data) return <Navigate to={next} replace />;
  return (
    <>
      <PageTitle title={t("sign_in")}>{t("sign_in_title")}</PageTitle>
      <SignInForm next={next} initialEmail={params.get("email") ?? ""} />
    </>
  );
}
