// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The import rules of ARCHITECTURE.md ("Layers and who may import what"). ESLint applies one
// `no-restricted-imports` setting per file (a later block replaces an earlier one), so each
// layer below lists all of its restrictions and the `files` globs do not overlap.
const noNode = {
  group: ["node:*"],
  message: "The core must run in browsers, Deno and Bun: node:* only in src/cli and src/io/node (the readers of src/io are portable too).",
};
const noZod = {
  group: ["zod", "zod/*", "**/models/schemas/**"],
  message: "zod is the API boundary only (src/models/schemas, the cx-metrics/models entry): importing nps must not pull it in.",
};
const notAbove = (/** @type {string} */ layer, /** @type {string[]} */ above) => ({
  group: above.map((name) => `**/${name}/**`),
  message: `Data flows one way: ${layer} never imports ${above.join(", ")}.`,
});
const noPrivateOf = (/** @type {string} */ layer, /** @type {string[]} */ owners) => ({
  group: owners.map((owner) => `**/${owner}/**/_*.ts`),
  message: `A _ file is private to its layer: ${layer} may not import the _ files of ${owners.join(", ")} (use its index.ts).`,
});
// A `_` file is private to its own folder: no file imports another folder's `_` file (src/_lib is
// the shared core and its files carry no `_`). Internals shared across folders are named for what
// they are (time/conversation.ts, stats/confidence.ts, volume/timeline.ts, …).
const noForeignPrivate = {
  group: ["../**/_*.ts", "../_*.ts"],
  message: "A _ file is private to its folder: import a shared internal under its own name, or the folder's index.ts.",
};
const restrict = (/** @type {object[]} */ patterns) => ({
  "no-restricted-imports": ["error", { patterns: [...patterns, noForeignPrivate] }],
});

export default tseslint.config(
  { ignores: ["dist/", "docs/api/", "node_modules/", "coverage/", "examples/deno/", "examples/bun/", "examples/browser/dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Issue 13: no file in src/ over 400 lines (split by what the parts are, not by length).
  { files: ["src/**/*.ts"], rules: { "max-lines": ["error", { max: 400 }] } },
  // src/_lib: the bottom; it imports nothing else from src.
  { files: ["src/_lib/**/*.ts"], rules: restrict([noNode, noZod, notAbove("src/_lib", ["models", "metrics", "report", "io", "cli"])]) },
  // src/models (interfaces): only src/_lib below it. src/models/schemas is where zod lives.
  {
    files: ["src/models/**/*.ts"],
    ignores: ["src/models/schemas/**"],
    rules: restrict([noNode, noZod, notAbove("src/models", ["metrics", "report", "io", "cli"])]),
  },
  { files: ["src/models/schemas/**/*.ts"], rules: restrict([noNode, notAbove("src/models", ["metrics", "report", "io", "cli"])]) },
  // src/metrics/<area>: pure; may use other areas' _ files (sla builds on time's events).
  {
    files: ["src/metrics/**/*.ts"],
    rules: restrict([
      { group: ["node:*"], message: "Metrics are pure and portable." },
      noZod,
      { group: ["**/report/**", "**/cli/**", "**/io/**"], message: "Data flows one way: metrics never import report/, cli/ or io/." },
    ]),
  },
  // src/report: composes the metrics' accumulators (their _ files), never the command.
  { files: ["src/report/**/*.ts"], rules: restrict([noNode, noZod, notAbove("src/report", ["io", "cli"])]) },
  // src/sql ("cx-metrics/sql"): the metrics as SQL text, pure string building like the core.
  { files: ["src/sql/**/*.ts"], rules: restrict([noNode, noZod, notAbove("src/sql", ["report", "io", "cli"])]) },
  // src/charts: reads the report's and the metrics' result types; plain JSON out, no Vega import.
  {
    files: ["src/charts/**/*.ts"],
    rules: restrict([
      noNode,
      noZod,
      notAbove("src/charts", ["io", "cli"]),
      {
        group: ["vega", "vega-*", "vega-lite", "vega-lite/*"],
        message: "Charts are specs only: the library adds no Vega dependency, runtime or type.",
      },
    ]),
  },
  { files: ["src/index.ts"], rules: restrict([noNode, noZod, notAbove("the root barrel", ["io", "cli"])]) },
  // src/io: the readers ("cx-metrics/io"), portable like the core; they use the public surface
  // of metrics. src/io/node ("cx-metrics/io/node"): the Node conveniences (open a path).
  {
    files: ["src/io/**/*.ts"],
    ignores: ["src/io/node/**"],
    rules: restrict([noNode, noZod, notAbove("src/io", ["report", "cli"]), noPrivateOf("src/io", ["metrics"])]),
  },
  {
    files: ["src/io/node/**/*.ts"],
    rules: restrict([noZod, notAbove("src/io/node", ["report", "cli"]), noPrivateOf("src/io", ["metrics"])]),
  },
  // src/cli: Node only. vega and vega-lite are loaded by the HTML format's charts alone (on demand).
  {
    files: ["src/cli/**/*.ts"],
    ignores: ["src/cli/render/htmlCharts.ts"],
    rules: restrict([
      noZod,
      noPrivateOf("src/cli", ["metrics", "report"]),
      {
        group: ["vega", "vega-*", "vega-lite", "vega-lite/*"],
        message: "vega and vega-lite are loaded by src/cli/render/htmlCharts.ts only, on demand, so the other formats never load them.",
      },
    ]),
  },
  { files: ["src/cli/render/htmlCharts.ts"], rules: restrict([noZod, noPrivateOf("src/cli", ["metrics", "report"])]) },
  // A barrel (index.ts) may re-export types declared in a _ file, never its values.
  {
    files: ["src/**/index.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["./_*.ts", "../**/_*.ts"],
              allowTypeImports: true,
              message: "A _ file is internal: a barrel re-exports only its types (export type { … }).",
            },
          ],
        },
      ],
    },
  },
  // Examples are what users copy: public entry points only.
  {
    files: ["examples/**/*.{ts,js,mjs,cjs}"],
    rules: restrict([
      {
        group: ["**/src/**/_*.ts", "**/src/_lib/**"],
        message: "Examples use the public entry points (cx-metrics, cx-metrics/models, src/index.ts), never internal _ files.",
      },
    ]),
  },
  {
    files: ["examples/**/*.{js,mjs,cjs}", "scripts/**/*.{js,mjs,cjs}", ".ci/**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { console: "readonly", process: "readonly", require: "readonly", module: "writable" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
