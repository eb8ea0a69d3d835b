import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { SIGNED_OUT_EVENT } from "../api/instance";
import { ME_KEY, useMe } from "../hooks/useMe";
import { applyLanguage } from "../i18n";
import { useUiStore } from "../stores/ui";

/** Keeps <html lang>, the theme class and the account's language in step with the UI state. */
export function Sync() {
  const theme = useUiStore((s) => s.theme);
  const language = useUiStore((s) => s.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
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

  // Once signed in, the account's saved language wins over the browser's default.
  useEffect(() => {
    if (!me || syncedFor.current === me.id) return;
    syncedFor.current = me.id;
    if (me.language !== language) setLanguage(me.language, false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the signed-in account changes
  }, [me, setLanguage]);

  useEffect(() => {
    const onSignedOut = () => client.setQueryData(ME_KEY, null);
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [client]);
  return null;
}
