import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { TextField } from "../../components/Field";
import { fieldErrors, ProblemAlert } from "../../components/ProblemAlert";
import type { User } from "../../hooks/useMe";

export function PasswordForm({ me }: { me: User }) {
  const { t } = useTranslation("settings");
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const change = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/users/me/password", { body: { current_password: me.has_password ? current : null, new_password: next } })),
    onSuccess: () => {
      setCurrent("");
      setNext("");
    },
  });
  const errors = fieldErrors(change.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    change.mutate();
  }
  return (
    <form onSubmit={submit} className="card space-y-4" aria-labelledby="password" noValidate>
      <h2 id="password" className="h2">
        {me.has_password ? t("password.title") : t("password.set_title")}
      </h2>
      <ProblemAlert error={change.error} />
      {me.has_password ? (
        <TextField label={t("password.current")} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} error={errors.current_password} />
      ) : null}
      <TextField label={t("password.new")} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} error={errors.new_password} hint={t("auth:password_hint")} />
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={change.isPending || next.length < 8}>
          {t("password.change")}
        </button>
        {change.isSuccess ? (
          <p role="status" className="text-sm text-pine-700 dark:text-pine-300">
            {t("password.changed")}
          </p>
        ) : null}
      </div>
    </form>
  );
}
