import i18n from "i18next";
import { initReactI18next } from "react-i18next";

import { type Language, useUiStore } from "../stores/ui";
// English is the fallback and comes with the app; Russian is its own chunk, fetched when needed.
import en from "./en";

const loaders: Record<Exclude<Language, "en">, () => Promise<{ default: Record<string, unknown> }>> = {
  ru: () => import("./ru"),
};

/** Load a language's texts (once) into i18next. */
export async function ensureLanguage(language: Language): Promise<void> {
  if (language === "en" || i18n.hasResourceBundle(language, "common")) return;
  const { default: bundle } = await loaders[language]();
  for (const [ns, tree] of Object.entries(bundle)) i18n.addResourceBundle(language, ns, tree, true, true);
}

export function applyLanguage(language: Language): void {
  void ensureLanguage(language).then(() => {
    document.documentElement.lang = language;
    if (i18n.language !== language) void i18n.changeLanguage(language);
  });
}

const initial = useUiStore.getState().language;

void i18n.use(initReactI18next).init({
  resources: { en },
  lng: "en",
  fallbackLng: "en",
  ns: Object.keys(en),
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
});
document.documentElement.lang = i18n.language;

/** Resolves when the start-up language's texts are in (at once for English). */
export const i18nReady: Promise<void> = ensureLanguage(initial).then(async () => {
  if (initial !== "en") await i18n.changeLanguage(initial);
  document.documentElement.lang = i18n.language;
});

useUiStore.subscribe((state) => applyLanguage(state.language));

export default i18n;
