/**
 * A seeded fuzzer of the BUILT command (`dist/cli.js`): it runs `cx-metrics report` on
 * generated inputs and checks the promises of docs/guide/cli.md — bad input never crashes or
 * hangs, and every row read is accounted for.
 *
 * Run (not part of `npm test`):
 *
 *   npm run build
 *   npx tsx scripts/fuzz-cli.ts --cases 3000 --seed 1
 *
 * Options: `--cases N` (default 300), `--seed S` (default 1; the same seed gives the same
 * cases), `--workers W` (default 2), `--timeout MS` per case (default 20000), `--out DIR`
 * (default scratch/fuzz-failures), `--only KIND` (one generator: bytes, text, gzip, utf16).
 *
 * Inputs: random bytes; CSV, JSON and NDJSON from test/fixtures and examples/data, mutated
 * (bytes flipped, inserted, deleted, lines swapped, extreme values: timestamps at the ends of
 * the Date range, deep nesting, long fields, invalid UTF-8) and read with a fitting or a
 * random preset; gzip (valid, truncated, corrupted); UTF-16; given as a file or on standard
 * input; with option variants (--schedule, --timezone, --as-of, --bucket, --by, --format).
 *
 * Outcomes: `ok` (exit 0 or 1), `input-error` (exit 2 with a `cx-metrics:` message and no
 * stack trace), and the failures: `crash` (exit 3, another code, a signal, or a stack trace
 * on stderr), `hang` (over the timeout), `unaccounted` (exit 0/1 with --format json whose
 * `input.tickets` has read ≠ used + rejected, or output that is not JSON). `nan` counts runs
 * whose output holds `NaN` or `Invalid Date` (reported, not a failure of this script).
 * Each failure is written to `<out>/<case>-<outcome>/` (the input, `args.json`, `stderr.txt`,
 * `replay.sh`). Exits 1 if any crash, hang or unaccounted case was found.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { createRandom } from "../src/_lib/random.ts";

interface Options {
  cases: number;
  seed: number;
  workers: number;
  timeout: number;
  out: string;
  only: string | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { cases: 300, seed: 1, workers: 2, timeout: 20_000, out: "scratch/fuzz-failures", only: undefined };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`fuzz-cli: ${String(name)} needs a value`);
    if (name === "--cases") options.cases = Number(value);
    else if (name === "--seed") options.seed = Number(value);
    else if (name === "--workers") options.workers = Number(value);
    else if (name === "--timeout") options.timeout = Number(value);
    else if (name === "--out") options.out = value;
    else if (name === "--only") options.only = value;
    else throw new Error(`fuzz-cli: unknown option ${String(name)}`);
  }
  return options;
}

const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "dist", "cli.js");

interface Seed {
  readonly name: string;
  readonly text: string;
  readonly preset: string;
  readonly ext: string;
}

/** The first `lines` lines of a text (keeps the cases small and fast). */
function head(text: string, lines: number): string {
  return text.split("\n").slice(0, lines).join("\n");
}

function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  const add = (path: string, preset: string): void => {
    const full = join(ROOT, path);
    if (!existsSync(full)) return;
    const raw = readFileSync(full, "utf8");
    const ext = path.endsWith(".ndjson") ? "ndjson" : path.endsWith(".json") ? "json" : "csv";
    seeds.push({ name: path, text: ext === "csv" ? head(raw, 40) : raw, preset, ext });
  };
  add("test/fixtures/io/zendesk-tickets.csv", "zendesk-csv");
  add("test/fixtures/io/freshdesk-tickets.csv", "freshdesk-csv");
  add("test/fixtures/io/zendesk-tickets.json", "zendesk-json");
  add("test/fixtures/io/zendesk-tickets.ndjson", "zendesk-json");
  add("test/fixtures/io/intercom-conversations.json", "intercom-json");
  add("examples/data/tickets.csv", "generic");
  for (const file of readdirSync(join(ROOT, "test/fixtures/cli"))) {
    if (file.endsWith(".csv")) add(`test/fixtures/cli/${file}`, "generic");
  }
  return seeds;
}

const PRESETS = ["generic", "zendesk-csv", "zendesk-json", "freshdesk-csv", "intercom-json"];

/** Values that have broken readers or reports before, spliced into inputs. */
const TOKENS = [
  '"',
  ",",
  ";",
  "\t",
  "\n",
  "\r\n",
  "\r",
  '""',
  "\u0000",
  "\uFEFF",
  "\uFFFD",
  "{",
  "}",
  "[",
  "]",
  "null",
  "-1",
  "1e400",
  "NaN",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "1899-12-31T23:59:59Z",
  "2201-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "8640000000000000",
  "-8640000000000000",
  "275760-09-13T00:00:00Z",
  "2026-03-29T03:30:00",
  "1e308",
  "__proto__",
  "constructor",
  "solved",
  "closed",
  "open",
  "\u001b[2J",
];

type Random = () => number;

const int = (random: Random, n: number): number => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)] as T;

function randomBytes(random: Random, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = int(random, 256);
  return out;
}

/** One mutation of `bytes`. */
function mutate(random: Random, bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  const at = n === 0 ? 0 : int(random, n);
  const kind = int(random, 10);
  const splice = (start: number, end: number, insert: Uint8Array): Uint8Array => {
    const out = new Uint8Array(start + insert.length + (n - end));
    out.set(bytes.subarray(0, start));
    out.set(insert, start);
    out.set(bytes.subarray(end), start + insert.length);
    return out;
  };
  switch (kind) {
    case 0: {
      const out = bytes.slice();
      if (n > 0) out[at] = (out[at] as number) ^ (1 << int(random, 8));
      return out;
    }
    case 1:
      return splice(at, at, randomBytes(random, 1 + int(random, 8)));
    case 2:
      return splice(at, Math.min(n, at + 1 + int(random, 64)), new Uint8Array(0));
    case 3: {
      const end = Math.min(n, at + 1 + int(random, 200));
      return splice(at, at, bytes.slice(at, end));
    }
    case 4:
    case 5:
      return splice(at, at, Buffer.from(pick(random, TOKENS), "utf8"));
    case 6: {
      // Replace a timestamp-looking run with an extreme value.
      const text = Buffer.from(bytes).toString("latin1");
      const matches = [...text.matchAll(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?|\b1[67]\d{8}\b/g)];
      if (matches.length === 0) return splice(at, at, Buffer.from(pick(random, TOKENS)));
      const m = pick(random, matches);
      const start = m.index;
      return splice(start, start + m[0].length, Buffer.from(pick(random, TOKENS.slice(18, 28)), "utf8"));
    }
    case 7:
      // Invalid UTF-8: a lone continuation byte, a truncated sequence, an overlong form.
      return splice(
        at,
        at,
        pick(random, [Uint8Array.of(0x80), Uint8Array.of(0xc3), Uint8Array.of(0xe2, 0x82), Uint8Array.of(0xc0, 0xaf), Uint8Array.of(0xff)]),
      );
    case 8: {
      // Deep nesting or a long run.
      const depth = pick(random, [10, 1000, 100_000]);
      const deep = pick(random, [
        `${"[".repeat(depth)}${"]".repeat(depth)}`,
        `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`,
        "x".repeat(depth * 10),
      ]);
      return splice(at, at, Buffer.from(deep, "utf8"));
    }
    default: {
      // Swap two lines.
      const lines = Buffer.from(bytes).toString("latin1").split("\n");
      if (lines.length < 3) return bytes;
      const i = 1 + int(random, lines.length - 1);
      const j = 1 + int(random, lines.length - 1);
      [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
      return Buffer.from(lines.join("\n"), "latin1");
    }
  }
}

interface Case {
  readonly id: number;
  readonly kind: string;
  readonly input: Uint8Array;
  /** The file name to write the input as; `-` gives it on standard input. */
  readonly fileName: string;
  readonly stdin: boolean;
  readonly args: readonly string[];
  readonly json: boolean;
}

function makeCase(id: number, seed: number, seeds: readonly Seed[], only: string | undefined): Case {
  const random = createRandom(seed * 1_000_003 + id);
  const kinds = [
    "bytes",
    "bytes",
    "text",
    "text",
    "text",
    "text",
    "text",
    "text",
    "text",
    "gzip",
    "gzip",
    "gzip",
    "gzip",
    "gzip",
    "gzip",
    "text",
    "text",
    "bytes",
    "text",
    "utf16",
  ];
  const kind = only ?? pick(random, kinds);
  const base = pick(random, seeds);
  let ext = base.ext;
  let preset = random() < 0.8 ? base.preset : pick(random, PRESETS);
  let input: Uint8Array;
  const mutated = (): Uint8Array => {
    let bytes: Uint8Array = Buffer.from(base.text, "utf8");
    const rounds = int(random, 6);
    for (let i = 0; i < rounds; i++) bytes = mutate(random, bytes);
    return bytes;
  };
  if (kind === "bytes") {
    input = randomBytes(random, int(random, 3000));
    ext = pick(random, ["csv", "json", "ndjson", "bin"]);
    preset = pick(random, PRESETS);
  } else if (kind === "gzip") {
    const zipped = gzipSync(mutated());
    const damage = int(random, 4);
    if (damage === 0) input = zipped;
    else if (damage === 1) input = zipped.subarray(0, int(random, zipped.length));
    else if (damage === 2) input = mutate(random, zipped);
    else {
      input = zipped.slice();
      // Keep the magic number, break the header or the body.
      const at = 2 + int(random, Math.max(1, input.length - 2));
      input[at] = int(random, 256);
    }
    ext = `${ext}.gz`;
  } else if (kind === "utf16") {
    const text = Buffer.from(base.text, "utf16le");
    input = random() < 0.5 ? Buffer.concat([Uint8Array.of(0xff, 0xfe), text]) : text;
  } else input = mutated();
  const stdin = random() < 0.2;
  const json = random() < 0.75;
  const args: string[] = ["--preset", preset];
  if (json) args.push("--format", "json");
  else args.push("--format", pick(random, ["table", "markdown", "csv"]));
  if (random() < 0.3) args.push("--schedule", join(ROOT, "examples/data/schedule.json"));
  if (random() < (preset.endsWith("-csv") ? 0.9 : 0.5))
    args.push("--timezone", pick(random, ["UTC", "Europe/Bucharest", "America/Los_Angeles", "Australia/Lord_Howe"]));
  if (random() < 0.2) args.push("--as-of", pick(random, ["2026-12-01T00:00:00Z", "2030-01-01T00:00:00Z"]));
  if (random() < 0.3) args.push("--bucket", pick(random, ["hour", "day", "week", "month"]));
  if (random() < 0.3) args.push("--by", pick(random, ["channel", "priority", "agent"]));
  if (stdin && random() < 0.5) args.push("--input-format", ext.replace(/\.gz$/, "") === "bin" ? "csv" : ext.replace(/\.gz$/, ""));
  return { id, kind, input, fileName: `input.${ext}`, stdin, args, json };
}

type Outcome = "ok" | "input-error" | "crash" | "hang" | "unaccounted";

interface Result {
  readonly outcome: Outcome;
  readonly nan: boolean;
  /** The output lines that hold `NaN` or `Invalid Date` (at most 5), to tell echoed data from a computed NaN. */
  readonly nanLines: readonly string[];
  readonly code: number | null;
  readonly signal: string | null;
  readonly stderr: string;
  readonly why: string;
}

const STACK = /^\s+at .+(?:\(.+:\d+:\d+\)|:\d+:\d+)$/m;

function runCase(c: Case, timeout: number): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), "cx-fuzz-"));
  const path = join(dir, c.fileName);
  if (!c.stdin) writeFileSync(path, c.input);
  const argv = [CLI, "report", c.stdin ? "-" : path, ...c.args];
  return new Promise((done) => {
    const child = spawn(process.execPath, argv, { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outLength = 0;
    child.stdout.on("data", (b: Buffer) => {
      if (outLength < 64 * 1024 * 1024) out.push(b);
      outLength += b.length;
    });
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.stdin.on("error", () => undefined);
    if (c.stdin) child.stdin.end(c.input);
    else child.stdin.end();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeout);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      const stdout = Buffer.concat(out).toString("utf8");
      const stderr = Buffer.concat(err).toString("utf8");
      const nan = /\bNaN\b|Invalid Date/.test(stdout);
      const nanLines = nan
        ? stdout
            .split("\n")
            .filter((l) => /\bNaN\b|Invalid Date/.test(l))
            .slice(0, 5)
        : [];
      const result = (outcome: Outcome, why: string): Result => ({ outcome, nan, nanLines, code, signal, stderr, why });
      if (timedOut) return done(result("hang", `over ${String(timeout)} ms`));
      if (signal !== null) return done(result("crash", `signal ${signal}`));
      if (STACK.test(stderr)) return done(result("crash", "a stack trace on stderr"));
      if (code === 2) {
        const first = stderr.split("\n")[0] ?? "";
        return done(
          first.startsWith("cx-metrics: ")
            ? result("input-error", first)
            : result("crash", `exit 2 without a cx-metrics: message: ${first}`),
        );
      }
      if (code !== 0 && code !== 1) return done(result("crash", `exit ${String(code)}`));
      if (!c.json) return done(result("ok", ""));
      let report: { input?: { tickets?: { read?: number; used?: number; rejected?: number; excluded?: number } } };
      try {
        report = JSON.parse(stdout) as typeof report;
      } catch (error) {
        return done(result("unaccounted", `--format json output is not JSON (${(error as Error).message})`));
      }
      const t = report.input?.tickets;
      if (t === undefined || typeof t.read !== "number" || typeof t.used !== "number" || typeof t.rejected !== "number") {
        return done(result("unaccounted", "no input.tickets counts in the JSON output"));
      }
      // Deleted / spam tickets are excluded on purpose: read = used + rejected + excluded.
      const excluded = typeof t.excluded === "number" ? t.excluded : 0;
      if (t.read !== t.used + t.rejected + excluded) {
        return done(
          result(
            "unaccounted",
            `read ${String(t.read)} != used ${String(t.used)} + rejected ${String(t.rejected)} + excluded ${String(excluded)}`,
          ),
        );
      }
      return done(result("ok", ""));
    });
  });
}

function saveFailure(outDir: string, c: Case, r: Result): void {
  const dir = join(outDir, `${String(c.id).padStart(5, "0")}-${r.outcome}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, c.fileName), c.input);
  const args = ["report", c.stdin ? "-" : c.fileName, ...c.args];
  writeFileSync(
    join(dir, "args.json"),
    `${JSON.stringify({ case: c.id, kind: c.kind, stdin: c.stdin, args, why: r.why, code: r.code, signal: r.signal }, null, 2)}\n`,
  );
  writeFileSync(join(dir, "stderr.txt"), r.stderr.slice(0, 100_000));
  if (r.nanLines.length > 0) writeFileSync(join(dir, "nan.txt"), `${r.nanLines.map((l) => l.slice(0, 2000)).join("\n")}\n`);
  const quoted = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  writeFileSync(
    join(dir, "replay.sh"),
    `#!/bin/sh\n# from the repository root\ncd "$(dirname "$0")" && node ${JSON.stringify(CLI)} ${quoted}${c.stdin ? ` < ${c.fileName}` : ""}\necho "exit $?"\n`,
  );
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(CLI)) {
    process.stderr.write(`fuzz-cli: ${CLI} is missing; run "npm run build" first\n`);
    return 2;
  }
  const seeds = loadSeeds();
  const outDir = resolve(ROOT, options.out);
  const counts = new Map<string, number>();
  const reasons = new Map<string, number>();
  let nan = 0;
  let next = 0;
  let finished = 0;
  const started = Date.now();
  const worker = async (): Promise<void> => {
    while (next < options.cases) {
      const id = next++;
      const c = makeCase(id, options.seed, seeds, options.only);
      const r = await runCase(c, options.timeout);
      counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
      if (r.nan) {
        nan++;
        saveFailure(join(outDir, "nan"), c, r);
      }
      if (r.outcome !== "ok" && r.outcome !== "input-error") {
        saveFailure(outDir, c, r);
        const firstLine = r.why.length > 0 ? r.why : "";
        const key = `${r.outcome}: ${firstLine.slice(0, 100)}`;
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
      } else if (r.outcome === "input-error") {
        const key = `input-error: ${r.why
          .replace(/^cx-metrics: /, "")
          .replace(/\/tmp\/cx-fuzz-\w+\//g, "")
          .replace(/\d+/g, "N")
          .slice(0, 90)}`;
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
      }
      finished++;
      if (finished % 100 === 0)
        process.stderr.write(
          `fuzz-cli: ${String(finished)}/${String(options.cases)} cases, ${String(Math.round((Date.now() - started) / 1000))} s\n`,
        );
    }
  };
  await Promise.all(Array.from({ length: options.workers }, worker));
  const line = (name: string): string => `${name.padEnd(12)} ${String(counts.get(name) ?? 0)}`;
  process.stdout.write(
    `fuzz-cli: ${String(options.cases)} cases, seed ${String(options.seed)}, ${String(Math.round((Date.now() - started) / 1000))} s\n`,
  );
  for (const name of ["ok", "input-error", "crash", "hang", "unaccounted"]) process.stdout.write(`  ${line(name)}\n`);
  process.stdout.write(`  (runs whose output holds NaN or Invalid Date: ${String(nan)})\n`);
  process.stdout.write("by reason:\n");
  for (const [key, n] of [...reasons].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${String(n).padStart(5)}  ${key}\n`);
  const failures = (counts.get("crash") ?? 0) + (counts.get("hang") ?? 0) + (counts.get("unaccounted") ?? 0);
  if (failures > 0) process.stdout.write(`failing cases written to ${outDir}\n`);
  return failures > 0 ? 1 : 0;
}

process.exitCode = await main();
