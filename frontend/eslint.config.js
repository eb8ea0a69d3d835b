import js from "@eslint/js";
import i18next from "eslint-plugin-i18next";
import importPlugin from "eslint-plugin-import";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const features = ["auth", "boxes", "organizer", "join", "card", "giftee", "settings", "messages", "gifts", "announcements", "reveal"];

export default tseslint.config(
  { ignores: ["dist", "node_modules", "src/api/schema.gen.ts", "public"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    plugins: { import: importPlugin, "react-hooks": reactHooks, i18next },
    settings: {
      "import/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".json"] } },
    },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // app → pages → features → shared (components, hooks, lib, stores, api, i18n); never back,
      // and features never import each other.
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            ...features.map((f) => ({
              target: `./src/features/${f}`,
              from: "./src/features",
              except: [`./${f}`],
              message: "Features do not import each other; compose them in pages/ or app/.",
            })),
            {
              target: "./src/features",
              from: ["./src/app", "./src/pages"],
              message: "Features do not import the app or pages.",
            },
            {
              target: "./src/pages",
              from: "./src/app",
              message: "Pages do not import the app shell.",
            },
            {
              target: [
                "./src/components",
                "./src/hooks",
                "./src/lib",
                "./src/stores",
                "./src/api",
                "./src/i18n",
              ],
              from: ["./src/features", "./src/pages", "./src/app"],
              message: "Shared code does not import features, pages or the app.",
            },
          ],
        },
      ],
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": { include: ["aria-label", "title", "placeholder", "alt"] },
          words: {
            exclude: [
              /^[\s0-9!-/:-@[-`{-~·–—…×•→←✓✕]*$/u,
              /^[\s\p{Emoji}]+$/u,
              /^(Santa|Google|VK|Telegram|CSV|QR|ID)$/u,
            ],
          },
        },
      ],
    },
  },
  {
    files: ["src/**/*.test.{ts,tsx}", "src/test/**"],
    rules: { "i18next/no-literal-string": "off" },
  },
);
