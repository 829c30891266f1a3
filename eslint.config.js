// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "docs/api/", "node_modules/", "coverage/", "examples/deno/", "examples/bun/", "examples/browser/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "The core must run in browsers, Deno and Bun: node:* only in src/cli and src/io." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/cli/**/*.ts", "src/io/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["src/metrics/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "Metrics are pure and portable." },
            { group: ["**/report/**", "**/cli/**", "**/io/**"], message: "Data flows one way: metrics never import report/, cli/ or io/." },
          ],
        },
      ],
    },
  },
  {
    files: ["examples/**/*.{js,mjs,cjs}", "scripts/**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { console: "readonly", process: "readonly", require: "readonly", module: "writable" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
