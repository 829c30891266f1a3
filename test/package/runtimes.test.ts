// Issue 16, item 1: `import { readTickets } from "cx-metrics/io"` works in Node (ESM and CJS),
// Deno and Bun, with the same row accounting on examples/data/tickets.csv, plain and gzip.
// Each runtime imports the PACKED package (npm pack, unpacked into a temporary project's
// node_modules), as a user would. Skipped (and counted) when dist/ is not built or a runtime
// binary does not run; .ci/run builds first and fails on any skipped test, so CI runs them all.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTickets } from "../../src/io/index.ts";
import { openFile } from "../../src/io/node/index.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const TICKETS = join(root, "examples/data/tickets.csv");
const built = existsSync(join(root, "dist/io.js")) && existsSync(join(root, "dist/io-node.cjs"));

/** `true` when the npm-installed binary `name` runs here. */
function runs(name: string): boolean {
  const bin = join(root, "node_modules/.bin", name);
  return existsSync(bin) && spawnSync(bin, ["--version"], { encoding: "utf8", timeout: 30_000 }).status === 0;
}
const deno = runs("deno");
const bun = runs("bun");

/** What each runtime prints: the accounting of one read, and the ids of the tickets used. */
interface Counts {
  readonly read: number;
  readonly used: number;
  readonly rejected: number;
  readonly excluded: number;
  readonly rejects: number;
  readonly ids: string;
  readonly gzip: boolean;
}

// One script body for every runtime: `open(path)` is the runtime's own way to a source.
const body = (open: string): string => `
const counts = async (path) => {
  const { records, stats, rejects, input } = await readTickets(${open});
  const ids = [];
  for await (const ticket of records) ids.push(ticket.id);
  return { read: stats.read, used: stats.used, rejected: stats.rejected, excluded: stats.excluded, rejects: rejects.length, ids: ids.join(","), gzip: input.gzip };
};
console.log(JSON.stringify([await counts(PLAIN), await counts(GZIP)]));
`;

let dir = "";
let plain = "";
let zipped = "";

beforeAll(() => {
  if (!built) return;
  dir = mkdtempSync(join(tmpdir(), "cx-runtimes-"));
  plain = join(dir, "tickets.csv");
  zipped = join(dir, "tickets.csv.gz");
  writeFileSync(plain, readFileSync(TICKETS));
  writeFileSync(zipped, gzipSync(readFileSync(TICKETS)));
  const pack = spawnSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: root, encoding: "utf8", timeout: 120_000 });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const tarball = join(dir, pack.stdout.trim().split("\n").pop() ?? "");
  const target = join(dir, "node_modules/cx-metrics");
  mkdirSync(target, { recursive: true });
  const untar = spawnSync("tar", ["xzf", tarball, "-C", target, "--strip-components=1"], { encoding: "utf8" });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
  // The package's dependencies and peers, from this repository's install (no network).
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
  for (const dep of [...Object.keys(manifest["dependencies"] ?? {}), ...Object.keys(manifest["peerDependencies"] ?? {})]) {
    mkdirSync(join(dir, "node_modules", dep, ".."), { recursive: true });
    symlinkSync(join(root, "node_modules", dep), join(dir, "node_modules", dep), "dir");
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "user", private: true, dependencies: { "cx-metrics": "*" } }));
  const paths = `const PLAIN = ${JSON.stringify(plain)};\nconst GZIP = ${JSON.stringify(zipped)};\n`;
  writeFileSync(
    join(dir, "esm.mjs"),
    `import { readTickets } from "cx-metrics/io";\nimport { openFile } from "cx-metrics/io/node";\n${paths}${body("openFile(path)")}`,
  );
  writeFileSync(
    join(dir, "cjs.cjs"),
    `const { readTickets } = require("cx-metrics/io");\nconst { openFile } = require("cx-metrics/io/node");\n${paths}(async () => {${body("openFile(path)")}})();`,
  );
  writeFileSync(
    join(dir, "errors.cjs"),
    `const { MetricRangeError } = require("cx-metrics");\nconst { readTickets } = require("cx-metrics/io");\nconst { openFile } = require("cx-metrics/io/node");\n${paths}` +
      `readTickets(openFile(PLAIN), { preset: "nope" }).catch((e) => console.log(JSON.stringify([e.code, e instanceof MetricRangeError])));`,
  );
  // Deno: a Web stream of the file; Bun: Bun.file(path), a File-like source.
  writeFileSync(
    join(dir, "deno.ts"),
    `import { readTickets } from "cx-metrics/io";\n${paths}${body("{ name: path, stream: () => Deno.openSync(path).readable }")}`,
  );
  writeFileSync(join(dir, "bun.ts"), `import { readTickets } from "cx-metrics/io";\n${paths}${body("Bun.file(path)")}`);
  // `npm pack` alone can take more than vitest's default 10 s hook limit on a busy CI machine.
}, 180_000);

afterAll(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

/** Runs `args` in the temporary project and parses what the script printed. */
function run(command: string, args: readonly string[]): unknown {
  const result = spawnSync(command, args, { cwd: dir, encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1" } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${String(result.status)}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop() ?? "") as Counts[];
}

describe("cx-metrics/io from the packed package, in every runtime", () => {
  let expected: Counts[] = [];

  beforeAll(async () => {
    // The reference: the sources, in this process.
    expected = [];
    for (const path of [TICKETS, TICKETS]) {
      const { records, stats, rejects } = await readTickets(openFile(path));
      const ids: string[] = [];
      for await (const t of records) ids.push(t.id);
      const { read, used, rejected, excluded } = stats;
      expected.push({ read, used, rejected, excluded, rejects: rejects.length, ids: ids.join(","), gzip: expected.length === 1 });
    }
  });

  it("the reference reads every record of the example export (the comparison is not vacuous)", () => {
    expect(expected[0]).toMatchObject({ read: 396, used: 394, rejected: 2, excluded: 0, gzip: false });
    expect(expected[0]?.ids.split(",")).toHaveLength(394);
  });

  it.skipIf(!built)("Node ESM: import from cx-metrics/io and cx-metrics/io/node", () => {
    expect(run(process.execPath, ["esm.mjs"])).toEqual(expected);
  });

  it.skipIf(!built)("Node CJS: require cx-metrics/io and cx-metrics/io/node", () => {
    expect(run(process.execPath, ["cjs.cjs"])).toEqual(expected);
  });

  it.skipIf(!built)("Node CJS: an error of cx-metrics/io is instanceof the MetricRangeError of cx-metrics (one shared copy)", () => {
    expect(run(process.execPath, ["errors.cjs"])).toEqual(["E_PRESET", true]);
  });

  it.skipIf(!built || !deno)("Deno: a Web stream of the file (deno from npm)", () => {
    expect(run(join(root, "node_modules/.bin/deno"), ["run", "--allow-read", "--allow-env", "deno.ts"])).toEqual(expected);
  });

  it.skipIf(!built || !bun)("Bun: Bun.file(path) as the source (bun from npm)", () => {
    expect(run(join(root, "node_modules/.bin/bun"), ["bun.ts"])).toEqual(expected);
  });
});
