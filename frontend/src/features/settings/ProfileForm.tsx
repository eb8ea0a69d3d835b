import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { SelectField, TextField } from "../../components/Field";
import { fieldErrors, ProblemAlert } from "../../components/ProblemAlert";
import { ME_KEY, type User } from "../../hooks/useMe";
import type { TimeZone } from "../../lib/format";
import { LANGUAGES, useUiStore, type Language } from "../../stores/ui";

function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  } catch {
    zones = [];
  }
  if (!zones.includes("UTC")) zones = ["UTC", ...zones];
  return zones.includes(current) ? zones : [current, ...zones];
}

export function ProfileForm({ me }: { me: User }) {
  const { t } = useTranslation("settings");
  const [fullName, setFullName] = useState(me.full_name);
  const [timezone, setTimezone] = useState(me.timezone);
  const [language, setLang] = useState<Language>(me.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
  const zones = useMemo(() => timeZones(me.timezone), [me.timezone]);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH("/api/v1/users/me", { body: { full_name: fullName, timezone: timezone as TimeZone, language } })),
    onSuccess: (user) => {
      client.setQueryData(ME_KEY, user);
      setLanguage(user.language);
    },
  });
  const errors = fieldErrors(save.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <form onSubmit={submit} className="card space-y-4" aria-labelledby="profile" noValidate>
      <h2 id="profile" className="h2">
        {t("profile.title")}
      </h2>
      <ProblemAlert error={save.error} />
      <TextField label={t("profile.full_name")} autoComplete="name" value={fullName} onChange={(e) => setFullName(e.target.value)} error={errors.full_name} />
      <p className="text-sm">
        <span className="muted">{t("profile.email")}</span> {me.email ?? "—"} {me.email && !me.email_verified ? <span className="badge bg-gold-100 text-gold-800">{t("profile.unverified")}</span> : null}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("profile.language")} value={language} onChange={(e) => setLang(e.target.value as Language)} error={errors.language}>
          {LANGUAGES.map((lang) => (
            <option key={lang} value={lang}>
              {t(`common:languages.${lang}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("profile.timezone")} value={timezone} onChange={(e) => setTimezone(e.target.value)} error={errors.timezone}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={save.isPending}>
          {t("common:save")}
        </button>
        {save.isSuccess ? (
          <p role="status" className="text-sm text-pine-700 dark:text-pine-300">
            {t("common:saved")}
          </p>
        ) : null}
      </div>
    </form>
  );
}
