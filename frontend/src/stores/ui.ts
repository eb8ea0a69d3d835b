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
  /**
   * True while a language the person picked here is not yet saved to their account (picked
   * signed out, or before the account had loaded): at sign-in it is saved instead of being
   * replaced by the account's language. Not persisted: a later visit follows the account.
   */
  languageUnsaved: boolean;
  theme: Theme;
  setLanguage: (language: Language, unsaved?: boolean) => void;
  setTheme: (theme: Theme) => void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      language: browserLanguage(),
      languageUnsaved: false,
      theme: "system",
      setLanguage: (language, unsaved = false) => set({ language, languageUnsaved: unsaved }),
      setTheme: (theme) => set({ theme }),
    }),
    {
      name: "santa-ui",
      storage: createJSONStorage(() => localStorage),
      version: 1,
      partialize: ({ language, theme }) => ({ language, theme }),
    },
  ),
);
