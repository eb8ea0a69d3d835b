import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { TextField } from "../../components/Field";
import { fieldErrors, ProblemAlert } from "../../components/ProblemAlert";
import { ME_KEY } from "../../hooks/useMe";
import { ProviderButtons } from "./ProviderButtons";

export function SignInForm({ next, initialEmail = "" }: { next: string; initialEmail?: string }) {
  const { t } = useTranslation("auth");
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const client = useQueryClient();
  const navigate = useNavigate();
  const login = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/auth/login", { body: { email, password, transport: "cookie" } })),
    onSuccess: (result) => {
      client.setQueryData(ME_KEY, result.user);
      navigate(next, { replace: true });
    },
  });
  const errors = fieldErrors(login.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    login.mutate();
  }
  return (
    <div className="card mx-auto max-w-md">
      <form onSubmit={submit} className="space-y-4" aria-label={t("sign_in")} noValidate>
        <ProblemAlert error={login.error} />
        <TextField label={t("email")} type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
        <TextField label={t("password")} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
        <button type="submit" className="btn-primary w-full" disabled={login.isPending}>
          {login.isPending ? t("signing_in") : t("sign_in")}
        </button>
      </form>
      <div className="mt-4 flex flex-wrap justify-between gap-2 text-sm">
        <Link className="btn-link" to="/forgot-password">
          {t("forgot_password")}
        </Link>
        <Link className="btn-link" to={`/signup?next=${encodeURIComponent(next)}`}>
          {t("no_account")}
        </Link>
      </div>
      <ProviderButtons next={next} />
    </div>
  );
}
