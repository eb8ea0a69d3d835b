import i18n from "i18next";
import { initReactI18next } from "react-i18next";

import { useUiStore } from "../stores/ui";
import { namespaces, resources } from "./resources";

export function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources,
  lng: useUiStore.getState().language,
  fallbackLng: "en",
  ns: namespaces,
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
});
document.documentElement.lang = i18n.language;
useUiStore.subscribe((state) => applyLanguage(state.language));

export default i18n;
