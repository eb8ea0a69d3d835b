// @vitest-environment node
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { resources, type Tree } from "./resources";

const src = fileURLToPath(new URL("..", import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".gen.ts") ? [path] : [];
  });
}

function has(ns: string, key: string): boolean {
  const tree = resources.en[ns];
  if (!tree) return false;
  const lookup = (k: string) =>
    k.split(".").reduce<Tree | string | undefined>((node, part) => (typeof node === "object" ? node[part] : undefined), tree);
  return typeof lookup(key) === "string" || typeof lookup(`${key}_one`) === "string" || typeof lookup(`${key}_other`) === "string";
}

describe("translation keys used in the code", () => {
  it("exist in the English resources", () => {
    const missing: string[] = [];
    for (const file of files(src)) {
      const text = readFileSync(file, "utf8");
      const nsMatch = /useTranslation\(\s*"(\w+)"/.exec(text);
      const defaultNs = nsMatch?.[1] ?? "common";
      for (const m of text.matchAll(/\bt\(\s*"([^"$]+)"/g)) {
        const raw = m[1] ?? "";
        const [ns, key] = raw.includes(":") ? (raw.split(":", 2) as [string, string]) : [defaultNs, raw];
        if (!has(ns, key)) missing.push(`${file.replace(src, "")}: ${ns}:${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
