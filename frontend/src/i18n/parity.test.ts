import { beforeAll, describe, expect, it } from "vitest";

import i18n, { ensureLanguage } from "./index";
import { resources, type Tree } from "./resources";

const PLURAL = /_(zero|one|two|few|many|other)$/;
const PLURALS = { en: ["one", "other"], ru: ["one", "few", "many", "other"] } as const;

function flatten(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [prefix + key] : flatten(value, `${prefix}${key}.`),
  );
}

/** Keys with plural suffixes folded to their base, per namespace. */
function keysOf(lang: "en" | "ru"): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [ns, tree] of Object.entries(resources[lang])) {
    for (const key of flatten(tree)) {
      const base = `${ns}:${key.replace(PLURAL, "")}`;
      const form = PLURAL.exec(key)?.[1] ?? "";
      if (!out.has(base)) out.set(base, new Set());
      out.get(base)!.add(form);
    }
  }
  return out;
}

describe("translations", () => {
  const en = keysOf("en");
  const ru = keysOf("ru");

  it("have the same namespaces in English and Russian", () => {
    expect(Object.keys(resources.ru).sort()).toEqual(Object.keys(resources.en).sort());
  });

  it("have every English key in Russian and every Russian key in English", () => {
    const missingInRu = [...en.keys()].filter((k) => !ru.has(k));
    const missingInEn = [...ru.keys()].filter((k) => !en.has(k));
    expect({ missingInRu, missingInEn }).toEqual({ missingInRu: [], missingInEn: [] });
  });

  it("give plural keys every plural form of the language", () => {
    const problems: string[] = [];
    for (const [lang, keys] of [["en", en], ["ru", ru]] as const) {
      for (const [key, forms] of keys) {
        if (forms.has("")) continue;
        for (const form of PLURALS[lang]) if (!forms.has(form)) problems.push(`${lang} ${key}_${form}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("have no empty text", () => {
    const empty: string[] = [];
    for (const lang of ["en", "ru"] as const)
      for (const [ns, tree] of Object.entries(resources[lang]))
        for (const key of flatten(tree)) {
          const value = key.split(".").reduce<Tree | string | undefined>((node, part) => (typeof node === "object" ? node[part] : undefined), tree);
          if (typeof value !== "string" || !value.trim()) empty.push(`${lang} ${ns}:${key}`);
        }
    expect(empty).toEqual([]);
  });
});

describe("Russian plurals", () => {
  beforeAll(() => ensureLanguage("ru"));
  const gifts = (count: number) => i18n.t("common:gifts", { count, lng: "ru" });
  it.each([
    [1, "1 подарок"],
    [2, "2 подарка"],
    [4, "4 подарка"],
    [5, "5 подарков"],
    [11, "11 подарков"],
    [21, "21 подарок"],
    [22, "22 подарка"],
    [25, "25 подарков"],
  ])("%i → %s", (count, text) => {
    expect(gifts(count)).toBe(text);
  });

  it("English has one and other", () => {
    expect(i18n.t("common:gifts", { count: 1, lng: "en" })).toBe("1 gift");
    expect(i18n.t("common:gifts", { count: 5, lng: "en" })).toBe("5 gifts");
  });
});
