import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { ME_KEY, useMe } from "../../hooks/useMe";

/** The landing of the verification email's link: confirms the address once. */
export function VerifyEmail({ token }: { token: string | null }) {
  const { t } = useTranslation("auth");
  const client = useQueryClient();
  const me = useMe().data;
  const verify = useMutation({
    mutationFn: (value: string) => unwrap(api.POST("/api/v1/auth/verify-email", { body: { token: value } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
  const resend = useMutation({ mutationFn: () => unwrap(api.POST("/api/v1/auth/verify-email/resend")) });
  const started = useRef(false);
  useEffect(() => {
    if (token && !started.current) {
      started.current = true;
      verify.mutate(token);
    }
  }, [token, verify]);

  return (
    <div className="card mx-auto max-w-md">
      {!token ? <p role="alert">{t("verify_missing_token")}</p> : null}
      {verify.isPending ? <Skeleton lines={2} /> : null}
      {verify.isSuccess ? (
        <div role="status">
          <h2 className="h2">{t("verified_title")}</h2>
          <p className="mt-2">{t("verified_body")}</p>
          <Link className="btn-primary mt-4" to={me ? "/dashboard" : "/signin"}>
            {me ? t("go_dashboard") : t("sign_in")}
          </Link>
        </div>
      ) : null}
      {verify.isError ? (
        <div>
          <ProblemAlert error={verify.error} />
          {me && !me.email_verified ? (
            <div className="mt-4">
              <button type="button" className="btn-secondary" onClick={() => resend.mutate()} disabled={resend.isPending || resend.isSuccess}>
                {t("resend_verification")}
              </button>
              {resend.isSuccess ? (
                <p role="status" className="mt-2">
                  {t("verification_sent")}
                </p>
              ) : null}
              <ProblemAlert error={resend.error} className="mt-2" />
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
