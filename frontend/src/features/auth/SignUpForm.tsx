import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { ApiProblem } from "../../api/problem";
import { TextField } from "../../components/Field";
import { fieldErrors, ProblemAlert } from "../../components/ProblemAlert";
import { ME_KEY } from "../../hooks/useMe";
import { browserTimeZone } from "../../lib/format";
import { useUiStore } from "../../stores/ui";
import { ProviderButtons } from "./ProviderButtons";

export function SignUpForm({ next }: { next: string }) {
  const { t } = useTranslation("auth");
  const language = useUiStore((s) => s.language);
  const [fullName, setFullName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [checkEmail, setCheckEmail] = useState(false);
  const client = useQueryClient();
  const navigate = useNavigate();
  const register = useMutation({
    mutationFn: async () => {
      await unwrap(
        api.POST("/api/v1/auth/register", {
          body: { email, password, full_name: fullName, language, timezone: browserTimeZone() },
        }),
      );
      // The answer is the same for a new and a taken address; signing in tells the person
      // who knows the password. Servers that do not require a verified address let a new
      // account in straight away; otherwise (or when the address was taken: its owner got an
      // email) the person checks their inbox.
      try {
        return await unwrap(api.POST("/api/v1/auth/login", { body: { email, password, transport: "cookie" } }));
      } catch (error) {
        if (error instanceof ApiProblem && (error.status === 403 || error.status === 401)) return null;
        throw error;
      }
    },
    onSuccess: (result) => {
      if (result) {
        client.setQueryData(ME_KEY, result.user);
        navigate(next, { replace: true });
      } else setCheckEmail(true);
    },
  });
  const errors = fieldErrors(register.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    register.mutate();
  }
  if (checkEmail) {
    return (
      <div className="card mx-auto max-w-md" role="status">
        <h2 className="h2">{t("check_email_title")}</h2>
        <p className="mt-2">{t("check_email_body", { email })}</p>
        <Link className="btn-primary mt-4" to={`/signin?next=${encodeURIComponent(next)}`}>
          {t("sign_in")}
        </Link>
      </div>
    );
  }
  return (
    <div className="card mx-auto max-w-md">
      <form onSubmit={submit} className="space-y-4" aria-label={t("sign_up")} noValidate>
        <ProblemAlert error={register.error} />
        <TextField label={t("full_name")} name="full_name" autoComplete="name" required value={fullName} onChange={(e) => setFullName(e.target.value)} error={errors.full_name} />
        <TextField label={t("email")} type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
        <TextField
          label={t("password")}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          hint={t("password_hint")}
        />
        <button type="submit" className="btn-primary w-full" disabled={register.isPending}>
          {register.isPending ? t("signing_up") : t("sign_up")}
        </button>
      </form>
      <p className="mt-4 text-sm">
        <Link className="btn-link" to={`/signin?next=${encodeURIComponent(next)}`}>
          {t("have_account")}
        </Link>
      </p>
      <ProviderButtons next={next} />
    </div>
  );
}
