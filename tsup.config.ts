import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library, as ESM and CJS with types: the root barrel, the zod models entry, the readers
    // (cx-metrics/io, no Node built-in), their Node conveniences (cx-metrics/io/node, whose
    // node:* imports stay external) and the metrics as SQL text (cx-metrics/sql).
    entry: {
      index: "src/index.ts",
      models: "src/models/schemas/index.ts",
      io: "src/io/index.ts",
      "io-node": "src/io/node/index.ts",
      sql: "src/sql/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    // Shared chunks for CJS too, so that every entry throws the same MetricRangeError class
    // (without it, io.cjs and models.cjs each carried a copy and instanceof failed across them).
    splitting: true,
    treeshake: true,
    target: "es2022",
    platform: "neutral",
    external: ["zod", "date-fns", "@date-fns/tz", "papaparse", /^node:/],
  },
  {
    // The command: ESM only, with a shebang, for Node.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
