import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Bundles `code` (resolved from the repo root) and returns the input files that ended up in it. */
async function bundledInputs(code: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: "ts" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    treeShaking: true,
    metafile: true,
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs)[0];
  return Object.keys(output?.inputs ?? {});
}

describe("tree shaking", () => {
  it("import { nps } from the root entry bundles no zod and no date-fns", async () => {
    const inputs = await bundledInputs(`import { nps } from "./src/index.ts"; console.log(nps([9, 10]));`);
    expect(inputs.some((f) => f.includes("src/metrics/survey/nps.ts"))).toBe(true);
    expect(inputs.filter((f) => f.includes("node_modules/zod/"))).toEqual([]);
    expect(inputs.filter((f) => f.includes("node_modules/date-fns/"))).toEqual([]);
    expect(inputs.filter((f) => f.includes("node_modules/@date-fns/tz/"))).toEqual([]);
    expect(inputs.filter((f) => /node_modules\/vega/.test(f))).toEqual([]);
    expect(inputs.filter((f) => f.includes("src/charts/") && !f.endsWith("src/charts/index.ts"))).toEqual([]);
  });

  it("import { volumeChart } from the root entry bundles its chart module only: no vega, zod or date-fns", async () => {
    const inputs = await bundledInputs(
      `import { volumeChart } from "./src/index.ts"; console.log(volumeChart({ unit: "day", buckets: [] }));`,
    );
    expect(inputs.some((f) => f.includes("src/charts/volumeChart.ts"))).toBe(true);
    expect(inputs.filter((f) => f.includes("node_modules/"))).toEqual([]);
    expect(inputs.filter((f) => f.includes("src/charts/") && !/(index|volumeChart|_common|spec)\.ts$/.test(f))).toEqual([]);
  });

  it("the check can fail: the models entry does bundle zod", async () => {
    const inputs = await bundledInputs(`import * as m from "./src/models/schemas/index.ts"; console.log(m);`);
    expect(inputs.some((f) => f.includes("node_modules/zod/"))).toBe(true);
  });
});

/** The input files of a browser bundle of `entry` (a path from the repo root). */
async function browserInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    metafile: true,
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs);
}

describe("portability", () => {
  it("the whole root entry bundles for the browser with no Node built-in", async () => {
    const inputs = await browserInputs("src/index.ts");
    expect(inputs.filter((f) => f.startsWith("node:") || f.includes("src/cli/") || f.includes("src/io/"))).toEqual([]);
    expect(inputs.some((f) => f.includes("src/report/"))).toBe(true);
    // The charts are in it, and they are specs only: no Vega or Vega-Lite.
    expect(inputs.some((f) => f.includes("src/charts/"))).toBe(true);
    expect(inputs.filter((f) => /node_modules\/vega/.test(f))).toEqual([]);
  });

  it("the readers' entry (cx-metrics/io) bundles for the browser with no Node built-in and no zod", async () => {
    const inputs = await browserInputs("src/io/index.ts");
    expect(inputs.some((f) => f.includes("src/io/readTickets.ts"))).toBe(true);
    expect(inputs.filter((f) => f.startsWith("node:") || f.includes("src/io/node/") || f.includes("src/cli/"))).toEqual([]);
    expect(inputs.filter((f) => f.includes("node_modules/zod/") || f.includes("src/report/"))).toEqual([]);
  });

  it("the SQL entry (cx-metrics/sql) bundles for the browser with no Node built-in, no zod, no report", async () => {
    const inputs = await browserInputs("src/sql/index.ts");
    expect(inputs.some((f) => f.includes("src/sql/metricSql.ts"))).toBe(true);
    expect(
      inputs.filter((f) => f.startsWith("node:") || f.includes("src/cli/") || f.includes("src/io/") || f.includes("src/report/")),
    ).toEqual([]);
    expect(inputs.filter((f) => f.includes("node_modules/zod/"))).toEqual([]);
  });

  it("the built cx-metrics/io has no node: import (dist, when built)", ({ skip }) => {
    const files = ["io.js", "io.cjs"].map((name) => join(root, "dist", name));
    if (!files.every((file) => existsSync(file))) skip("dist/ is not built (npm run build)");
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      // io.js imports shared chunks: follow them too.
      const chunks = [...text.matchAll(/(?:from |require\()['"]\.\/(chunk-[\w-]+\.c?js)['"]/g)].map((m) =>
        readFileSync(join(root, "dist", m[1] ?? ""), "utf8"),
      );
      for (const code of [text, ...chunks])
        expect(code).not.toMatch(/(?:from |require\()['"](?:node:)?(?:fs|stream|zlib|events|path|os)['"]/);
    }
  });

  it("the check can fail: the Node convenience (cx-metrics/io/node) needs Node built-ins", async () => {
    await expect(
      build({ entryPoints: [`${root}src/io/node/index.ts`], bundle: true, write: false, platform: "browser", logLevel: "silent" }),
    ).rejects.toThrow();
    const built = join(root, "dist/io-node.js");
    if (existsSync(built)) expect(readFileSync(built, "utf8")).toMatch(/from ['"](?:node:)?fs['"]/);
  });

  it("the check can fail: the command's entry needs Node built-ins", async () => {
    await expect(
      build({ entryPoints: [`${root}src/cli/main.ts`], bundle: true, write: false, platform: "browser", logLevel: "silent" }),
    ).rejects.toThrow();
  });
});
