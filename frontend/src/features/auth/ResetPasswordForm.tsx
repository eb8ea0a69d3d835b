import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { TextField } from "../../components/Field";
import { fieldErrors, ProblemAlert } from "../../components/ProblemAlert";

/** The landing of the reset email's link: choose a new password. */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const { t } = useTranslation("auth");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/auth/password-reset/confirm", { body: { token: token ?? "", new_password: password } })),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    reset.mutate();
  }
  if (!token) {
    return (
      <div className="card mx-auto max-w-md" role="alert">
        <p>{t("reset_missing_token")}</p>
        <Link className="btn-link mt-2 inline-block" to="/forgot-password">
          {t("forgot_title")}
        </Link>
      </div>
    );
  }
  if (reset.isSuccess) {
    return (
      <div className="card mx-auto max-w-md" role="status">
        <h2 className="h2">{t("reset_done_title")}</h2>
        <p className="mt-2">{t("reset_done_body")}</p>
        <Link className="btn-primary mt-4" to="/signin">
          {t("sign_in")}
        </Link>
      </div>
    );
  }
  const errors = fieldErrors(reset.error);
  return (
    <form onSubmit={submit} className="card mx-auto max-w-md space-y-4" aria-label={t("reset_title")} noValidate>
      <ProblemAlert error={reset.error} />
      <TextField label={t("new_password")} type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errors.new_password} hint={t("password_hint")} />
      <TextField label={t("repeat_password")} type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} error={mismatch ? t("passwords_differ") : null} />
      <button type="submit" className="btn-primary w-full" disabled={reset.isPending}>
        {t("set_password")}
      </button>
    </form>
  );
}
