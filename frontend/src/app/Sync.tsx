import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { unwrap } from "../api/client";
import { api, SIGNED_OUT_EVENT } from "../api/instance";
import { ME_KEY, useMe } from "../hooks/useMe";
import { applyLanguage } from "../i18n";
import { useUiStore } from "../stores/ui";

/** Keeps <html lang>, the theme class and the account's language in step with the UI state. */
export function Sync() {
  const theme = useUiStore((s) => s.theme);
  const language = useUiStore((s) => s.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
  const languageUnsaved = useUiStore((s) => s.languageUnsaved);
  const me = useMe().data;
  const client = useQueryClient();
  const syncedFor = useRef<string | null>(null);

  useEffect(() => applyLanguage(language), [language]);

  useEffect(() => {
    const media = window.matchMedia?.("(prefers-color-scheme: dark)");
    const apply = () => {
      const dark = theme === "dark" || (theme === "system" && !!media?.matches);
      document.documentElement.classList.toggle("dark", dark);
    };
    apply();
    media?.addEventListener?.("change", apply);
    return () => media?.removeEventListener?.("change", apply);
  }, [theme]);

  // Once signed in, the account's saved language wins over the browser's default, unless the
  // person picked one here before the account was known: then the account learns theirs.
  useEffect(() => {
    if (!me || syncedFor.current === me.id) return;
    syncedFor.current = me.id;
    if (me.language === language) {
      if (languageUnsaved) setLanguage(language);
    } else if (languageUnsaved) {
      setLanguage(language);
      void unwrap(api.PATCH("/api/v1/users/me", { body: { language } })).then(
        (user) => client.setQueryData(ME_KEY, user),
        () => undefined, // not saved: the page stays in the language picked, the account keeps its own
      );
    } else {
      setLanguage(me.language);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the signed-in account changes
  }, [me, setLanguage]);

  useEffect(() => {
    const onSignedOut = () => client.setQueryData(ME_KEY, null);
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [client]);
  return null;
}
