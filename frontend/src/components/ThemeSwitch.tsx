import { useTranslation } from "react-i18next";

import { useUiStore, type Theme } from "../stores/ui";

const THEMES: Theme[] = ["system", "light", "dark"];

export function ThemeSwitch() {
  const { t } = useTranslation();
  const theme = useUiStore((s) => s.theme);
  const setTheme = useUiStore((s) => s.setTheme);
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">{t("theme.label")}</span>
      <select
        className="min-h-11 rounded-lg border border-stone-300 bg-transparent px-2 dark:border-night-3"
        value={theme}
        onChange={(e) => setTheme(e.target.value as Theme)}
      >
        {THEMES.map((value) => (
          <option key={value} value={value} className="text-stone-900">
            {t(`theme.${value}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
