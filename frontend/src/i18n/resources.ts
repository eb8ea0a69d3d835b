import type { Language } from "../stores/ui";

type Tree = { [key: string]: string | Tree };

const files = import.meta.glob<Tree>("./*/*.json", { eager: true, import: "default" });

/** `{ en: { common: {...}, box: {...} }, ru: {...} }` from `i18n/<lang>/<namespace>.json`. */
export const resources: Record<Language, Record<string, Tree>> = { en: {}, ru: {} };
for (const [path, tree] of Object.entries(files)) {
  const match = /^\.\/(\w+)\/(\w+)\.json$/.exec(path);
  if (!match) continue;
  const [, lang, ns] = match as unknown as [string, Language, string];
  resources[lang][ns] = tree;
}

export const namespaces = Object.keys(resources.en);
export type { Tree };
