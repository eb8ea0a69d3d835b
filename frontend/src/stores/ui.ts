import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

export type Language = "en" | "ru";
export type Theme = "system" | "light" | "dark";

export const LANGUAGES: Language[] = ["en", "ru"];

export function browserLanguage(languages: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "ru" || base === "en") return base;
  }
  return "en";
}

interface UiState {
  language: Language;
  /** True once the person picked a language here; otherwise the account's language wins. */
  languageChosen: boolean;
  theme: Theme;
  setLanguage: (language: Language, chosen?: boolean) => void;
  setTheme: (theme: Theme) => void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      language: browserLanguage(),
      languageChosen: false,
      theme: "system",
      setLanguage: (language, chosen = true) => set({ language, languageChosen: chosen }),
      setTheme: (theme) => set({ theme }),
    }),
    { name: "santa-ui", storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);
