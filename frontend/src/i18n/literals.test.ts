// @vitest-environment node
import { fileURLToPath } from "node:url";

import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("visible strings", () => {
  it("are all translation keys (no JSX text or label literal outside i18n)", async () => {
    const eslint = new ESLint({ cwd: root, overrideConfig: { rules: { "import/no-restricted-paths": "off", "react-hooks/exhaustive-deps": "off" } } });
    const results = await eslint.lintFiles(["src/**/*.tsx"]);
    const literals = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === "i18next/no-literal-string")
        .map((m) => `${r.filePath.replace(root, "")}:${m.line}: ${m.message}`),
    );
    expect(literals).toEqual([]);
  }, 60_000);
});
