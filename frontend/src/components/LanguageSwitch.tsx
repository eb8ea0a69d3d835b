import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { unwrap } from "../api/client";
import { api } from "../api/instance";
import { ME_KEY, useMe } from "../hooks/useMe";
import { LANGUAGES, useUiStore, type Language } from "../stores/ui";

/** Switch the UI language; when signed in, the account remembers it too. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
  const me = useMe().data;
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (lang: Language) => unwrap(api.PATCH("/api/v1/users/me", { body: { language: lang } })),
    onSuccess: (user) => client.setQueryData(ME_KEY, user),
  });
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">{t("language")}</span>
      <select
        className="min-h-11 rounded-lg border border-stone-300 bg-transparent px-2 dark:border-night-3"
        value={language}
        onChange={(e) => {
          const lang = e.target.value as Language;
          // Not signed in, or the account not loaded yet: saved to the account at sign-in (Sync).
          setLanguage(lang, !me);
          if (me && me.language !== lang) save.mutate(lang);
        }}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} className="text-stone-900">
            {t(`languages.${lang}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
