import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { TextField } from "../../components/Field";
import { fieldErrors, ProblemAlert } from "../../components/ProblemAlert";

export function ForgotPasswordForm() {
  const { t } = useTranslation("auth");
  const [email, setEmail] = useState("");
  const request = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/auth/password-reset", { body: { email } })),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    request.mutate();
  }
  if (request.isSuccess) {
    return (
      <div className="card mx-auto max-w-md" role="status">
        <h2 className="h2">{t("check_email_title")}</h2>
        <p className="mt-2">{t("reset_sent", { email })}</p>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="card mx-auto max-w-md space-y-4" aria-label={t("forgot_title")} noValidate>
      <p>{t("forgot_intro")}</p>
      <ProblemAlert error={request.error} />
      <TextField label={t("email")} type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fieldErrors(request.error).email} />
      <button type="submit" className="btn-primary w-full" disabled={request.isPending}>
        {t("send_reset_link")}
      </button>
    </form>
  );
}
