import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: root barrel and the zod models entry, as ESM and CJS with types.
    entry: { index: "src/index.ts", models: "src/models/schemas/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    target: "es2022",
    platform: "neutral",
    external: ["zod", "date-fns", "@date-fns/tz"],
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
