/**
 * The command's benchmark (`npm run bench`, after the report benchmark): a seeded
 * generic-preset CSV export of `BENCH_CLI_ROWS` rows (default 1 000 000) goes through
 *
 * - `parse`: papaparse alone, configured as the readers configure it (delimiter `,`, newline
 *   `\n`, quote `"`, fed chunks of at least 64 KiB of UTF-8 text), counting rows only;
 * - `floor`: the parse plus the least conversion a report needs, into typed columns (no
 *   objects, no `Date`s, no report): what any reader built on papaparse costs at least;
 * - `read`: `readTickets` alone (parse, map, validate), counting tickets;
 * - `command`: the whole `cx-metrics report … --format json --output /dev/null --quiet`, run
 *   by the built executable (dist/cli.js) as users run it, bundle loading included;
 * - `sketch`: the same with `--quantiles sketch` (percentiles from a 1 % relative-error sketch);
 * - `duckdbBasic`, `duckdbSameSet` (issue 14): DuckDB (`@duckdb/node-api`, in-memory) on the same
 *   file: `read_csv` plus the basic KPI query, and the same KPI set as the command's default
 *   report (bench/duckdbSql.ts). Before any timing the command's JSON and DuckDB's figures are
 *   checked equal and what DuckDB leaves out is printed (bench/duckdbCheck.ts).
 *
 * Each measurement runs in its own child process (`node --import tsx bench/cli.ts <kind>
 * <file>`), so the peak resident set (`process.resourceUsage().maxRSS`) is that
 * measurement's alone; the child checks its count against the file's rows and prints
 * `{ kind, rows, seconds, maxRssKb }` as JSON. Two wall times: `inside`, measured in the child
 * from just before the work to its end (module loading excluded, except the command's bundle
 * and DuckDB's module), and `whole`, the child process from spawn to exit measured by the
 * parent (Node start-up included; the papaparse steps also load the TypeScript loader). Each
 * step runs `BENCH_CLI_REPEAT` times (default 3) in interleaved rounds; the table shows each
 * step's medians and its highest peak RSS, and the runs. `BENCH_CLI_STEPS` (comma-separated
 * kinds) runs only some steps; `BENCH_DUCKDB_THREADS` sets DuckDB's threads (default one per
 * core). Targets: issue 5, the command costs at most 1.5× the bare parse and stays under
 * 300 MB for 1M rows; issue 14, see bench/duckdbVerdict.ts. `BENCH_CLI_ROWS_BIG`
 * (e.g. 10000000) adds the opt-in large step (bench/duckdbVerdict.ts).
 */
import { childJson } from "./child.ts";
import { duckChildArgs, duckThreads, writeDuckStatements, type DuckKind } from "./duckdb.ts";
import { checkDuckAgreement, type StoredValues } from "./duckdbCheck.ts";
import { bigVerdict, duckVerdict } from "./duckdbVerdict.ts";
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { writeTicketsCsv } from "./csv.ts";
import { openFile } from "../src/io/node/index.ts";

/** What a child measures. */
type Kind = "parse" | "floor" | "read" | "command" | "sketch" | DuckKind;

/** Every step, in the order of a round. */
const KINDS: readonly Kind[] = ["parse", "floor", "read", "command", "sketch", "duckdbBasic", "duckdbSameSet"];

/** A child's measurement. */
interface Measurement {
  readonly kind: Kind;
  /** Data rows of the file (parse and read check their counts against it). */
  readonly rows: number;
  /** Wall time of the work inside the child, in seconds. */
  readonly seconds: number;
  /** Wall time of the whole child process, spawn to exit, measured by the parent, in seconds. */
  readonly wholeSeconds: number;
  /** Peak resident set of the child, in KB. */
  readonly maxRssKb: number;
}

/** The fixed clock of the command run (the generated tickets span 2026-01-01 + 90 days). */
export const BENCH_AS_OF = "2026-04-01T00:00:00Z";
const RATIO_TARGET = 1.5;
const RSS_TARGET_MB = 300;
const LABELS: Readonly<Record<Kind, string>> = {
  parse: "bare parse (papaparse)",
  floor: "floor: parse + typed columns",
  read: "readTickets (parse+map+validate)",
  command: "cx-metrics report (json)",
  sketch: "cx-metrics report --quantiles sketch",
  duckdbBasic: "DuckDB read_csv + basic KPIs",
  duckdbSameSet: "DuckDB same KPI set",
};

type Work = (file: string) => Promise<number>;

/** Data rows of the file through the readers' papaparse configuration; nothing kept. */
async function bareParse(): Promise<Work> {
  return Promise.resolve(parseOnly);
}

/**
 * Parses `file` as the readers configure papaparse, handing each parsed chunk's rows to
 * `onRows` (the header is the first row of the first chunk, the empty "row" after the final
 * line break the last row of the last). Returns the number of rows papaparse gave.
 */
async function parseRows(file: string, onRows: (rows: readonly string[][], first: boolean) => void): Promise<number> {
  const parser = new Papa.Parser({ delimiter: ",", newline: "\n", quoteChar: '"' });
  const chunks = createReadStream(file, { encoding: "utf8" })[Symbol.asyncIterator]() as AsyncIterator<string>;
  let rows = 0;
  let partial = "";
  let done = false;
  let first = true;
  while (!done) {
    let pending = "";
    while (!done && pending.length < Math.max(64 * 1024, partial.length)) {
      const next = await chunks.next();
      if (next.done === true) done = true;
      else pending += next.value;
    }
    const text = partial + pending;
    const result = parser.parse(text, 0, !done) as { data: string[][]; meta: { cursor: number } };
    onRows(result.data, first);
    first = false;
    rows += result.data.length;
    partial = done ? "" : text.slice(result.meta.cursor);
  }
  return rows;
}

async function parseOnly(file: string): Promise<number> {
  // Less the header and the empty "row" after the final line break.
  return (await parseRows(file, () => undefined)) - 2;
}

/**
 * The floor of any reader built on papaparse: the bare parse plus the least conversion a
 * report needs, into typed columns (the six timestamps through the fixed-layout fast path to
 * epoch ms, the five low-cardinality texts to dictionary codes, the two counts to numbers),
 * with no ticket objects, no `Date`s, no validation beyond the timestamp layout and no report.
 */
async function columnarFloor(): Promise<Work> {
  const { fixedLayoutMs } = await import("../src/_lib/timestamp.ts");
  const { CSV_COLUMNS } = await import("./csv.ts");
  const at = (name: (typeof CSV_COLUMNS)[number]): number => CSV_COLUMNS.indexOf(name);
  const times = (["created_at", "assigned_at", "first_response_at", "first_solved_at", "solved_at", "closed_at"] as const).map(at);
  const texts = (["status", "channel", "type", "priority", "assignee"] as const).map(at);
  const numbers = (["reopens", "replies"] as const).map(at);
  return async (file) => {
    const capacity = 1 << 16;
    let columns = {
      times: times.map(() => new Float64Array(capacity)),
      codes: texts.map(() => new Int32Array(capacity)),
      numbers: numbers.map(() => new Float64Array(capacity)),
    };
    const dictionaries = texts.map(() => new Map<string, number>());
    let n = 0;
    const grow = (): void => {
      const size = columns.times[0]?.length ?? capacity;
      const bigger = <A extends Float64Array | Int32Array>(a: A): A => {
        const b = new (a.constructor as new (size: number) => A)(size * 2);
        b.set(a);
        return b;
      };
      columns = { times: columns.times.map(bigger), codes: columns.codes.map(bigger), numbers: columns.numbers.map(bigger) };
    };
    await parseRows(file, (rows, first) => {
      for (let i = first ? 1 : 0; i < rows.length; i++) {
        const fields = rows[i] as string[];
        if (fields.length !== CSV_COLUMNS.length) continue;
        if (n === (columns.times[0]?.length ?? 0)) grow();
        for (let k = 0; k < times.length; k++) {
          const text = fields[times[k] as number] as string;
          (columns.times[k] as Float64Array)[n] = text === "" ? NaN : fixedLayoutMs(text);
        }
        for (let k = 0; k < texts.length; k++) {
          const text = fields[texts[k] as number] as string;
          const dictionary = dictionaries[k] as Map<string, number>;
          let code = dictionary.get(text);
          if (code === undefined) {
            code = dictionary.size;
            dictionary.set(text, code);
          }
          (columns.codes[k] as Int32Array)[n] = code;
        }
        for (let k = 0; k < numbers.length; k++) (columns.numbers[k] as Float64Array)[n] = Number(fields[numbers[k] as number]);
        n++;
      }
    });
    return n;
  };
}

async function readOnly(): Promise<Work> {
  const { readTickets } = await import("../src/io/index.ts");
  return async (file) => {
    const { records, stats } = await readTickets(openFile(file), { timeZone: "UTC" });
    let n = 0;
    for await (const ticket of records) if (ticket.id !== "") n++;
    if (stats.rejected > 0) throw new Error(`readTickets rejected ${String(stats.rejected)} rows`);
    return n;
  };
}

/** The built executable, as users run it (`npm run bench` builds first). */
const CLI = new URL("../dist/cli.js", import.meta.url);

/** Why dist/cli.js cannot stand for the sources (missing, or older than a file in src/), or `undefined`. */
function staleBuild(): string | undefined {
  const cli = fileURLToPath(CLI);
  if (!existsSync(cli)) return `${cli} is missing`;
  const built = statSync(cli).mtimeMs;
  const src = fileURLToPath(new URL("../src/", import.meta.url));
  const newer = readdirSync(src, { recursive: true, encoding: "utf8" }).find(
    (name) => name.endsWith(".ts") && statSync(join(src, name)).mtimeMs > built,
  );
  return newer === undefined ? undefined : `${cli} is older than src/${newer}`;
}

/**
 * The command's child runs plain Node, without the TypeScript loader the other children
 * use: it imports the built bundle with the command's arguments, which runs the command to
 * its end (the bundle's top-level await), then prints its measurement. Loading the bundle
 * is part of the measured time, as it is of every run users make. `kind` `sketch` adds
 * `--quantiles sketch`; `output` is where the JSON report goes (`/dev/null` when timed).
 */
function commandChild(file: string, rows: number, kind: "command" | "sketch" = "command", output = "/dev/null"): string[] {
  const quantiles = kind === "sketch" ? ["--quantiles", "sketch"] : [];
  const argv = [
    "report",
    file,
    "--timezone",
    "UTC",
    "--as-of",
    BENCH_AS_OF,
    "--format",
    "json",
    "--output",
    output,
    "--quiet",
    ...quantiles,
  ];
  const code = [
    "const t0 = performance.now();",
    `process.argv = [process.execPath, ${JSON.stringify(fileURLToPath(CLI))}, ...${JSON.stringify(argv)}];`,
    `await import(${JSON.stringify(CLI.href)});`,
    "const seconds = (performance.now() - t0) / 1000;",
    "if ((process.exitCode ?? 0) !== 0) throw new Error(`cx-metrics exited ${process.exitCode}`);",
    `process.stdout.write(JSON.stringify({ kind: ${JSON.stringify(kind)}, rows: ${String(rows)}, seconds, maxRssKb: process.resourceUsage().maxRSS }) + "\\n");`,
  ].join("\n");
  return ["--input-type=module", "-e", code];
}

/** The child: one measurement, printed as a JSON line. */
async function child(kind: "parse" | "floor" | "read", file: string, expected: number): Promise<void> {
  const prepare = { parse: bareParse, floor: columnarFloor, read: readOnly }[kind];
  // Modules load before the clock starts.
  const work = await prepare();
  const t0 = performance.now();
  const counted = await work(file);
  const seconds = (performance.now() - t0) / 1000;
  if (counted >= 0 && counted !== expected) throw new Error(`${kind}: counted ${String(counted)} rows, the file has ${String(expected)}`);
  const rows = expected;
  const measurement = { kind, rows, seconds, maxRssKb: process.resourceUsage().maxRSS };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

const SELF = fileURLToPath(import.meta.url);

/**
 * One measurement of `kind` on `file` in its own child process, timed from outside too.
 *
 * @param kind - The step.
 * @param file - The CSV export.
 * @param rows - Its data rows.
 * @param statements - The DuckDB steps' statements (bench/duckdb.ts `writeDuckStatements`).
 * @returns The child's measurement with the whole-process wall time.
 */
async function measure(kind: Kind, file: string, rows: number, statements: Readonly<Record<DuckKind, string>>): Promise<Measurement> {
  const args =
    kind === "command" || kind === "sketch"
      ? commandChild(file, rows, kind)
      : kind === "duckdbBasic" || kind === "duckdbSameSet"
        ? duckChildArgs(kind, statements[kind])
        : ["--import", "tsx", SELF, kind, file, String(rows)];
  const t0 = performance.now();
  const out = (await childJson(args, `bench child ${kind}`)) as Omit<Measurement, "wholeSeconds" | "rows">;
  const wholeSeconds = (performance.now() - t0) / 1000;
  return { kind, rows, seconds: out.seconds, wholeSeconds, maxRssKb: out.maxRssKb };
}

/** The options of {@link runCliBench} from the environment: `BENCH_CLI_STEPS` and `BENCH_CLI_ROWS_BIG`. */
export function cliBenchEnv(): { steps?: string; bigRows?: number } {
  const steps = process.env.BENCH_CLI_STEPS;
  const big = Number(process.env.BENCH_CLI_ROWS_BIG ?? 0);
  return { ...(steps === undefined ? {} : { steps }), ...(Number.isInteger(big) && big > 0 ? { bigRows: big } : {}) };
}

const pad = (text: string, width: number): string => text.padStart(width);

/** The median of `values` (at least one). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(middle)] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The median wall times of a step's runs, with the highest peak RSS among them. */
function summarize(runs: readonly Measurement[]): Measurement {
  const first = runs[0] as Measurement;
  return {
    kind: first.kind,
    rows: first.rows,
    seconds: median(runs.map((r) => r.seconds)),
    wholeSeconds: median(runs.map((r) => r.wholeSeconds)),
    maxRssKb: Math.max(...runs.map((r) => r.maxRssKb)),
  };
}

/** The steps `BENCH_CLI_STEPS` names (comma-separated kinds), or every step; an unknown name throws. */
function chosenKinds(names: string | undefined): readonly Kind[] {
  if (names === undefined || names.trim() === "") return KINDS;
  const chosen = names.split(",").map((n) => n.trim());
  const unknown = chosen.filter((n) => !(KINDS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new Error(`BENCH_CLI_STEPS: unknown step ${unknown.join(", ")} (steps: ${KINDS.join(", ")})`);
  return KINDS.filter((k) => chosen.includes(k));
}

/** Prints the table: one line per step with its medians, peak RSS, ratios and runs. */
function printTable(results: readonly Measurement[], runs: ReadonlyMap<Kind, Measurement[]>): void {
  const find = (kind: Kind): Measurement | undefined => results.find((r) => r.kind === kind);
  const parse = find("parse");
  const basic = find("duckdbBasic");
  const same = find("duckdbSameSet");
  const ratio = (m: Measurement, base: Measurement | undefined, whole: boolean): string =>
    base === undefined ? "–" : (whole ? m.wholeSeconds / base.wholeSeconds : m.seconds / base.seconds).toFixed(2);
  console.log(
    `${"step".padEnd(38)}${pad("rows", 11)}${pad("inside s", 10)}${pad("whole s", 9)}${pad("peak RSS MB", 13)}` +
      `${pad("× parse", 9)}${pad("× DuckDB basic", 16)}${pad("× DuckDB same", 15)}  runs whole (s)`,
  );
  for (const m of results) {
    const all = (runs.get(m.kind) ?? []).map((r) => r.wholeSeconds.toFixed(2)).join(", ");
    console.log(
      `${LABELS[m.kind].padEnd(38)}${pad(m.rows.toLocaleString("en-US"), 11)}${pad(m.seconds.toFixed(2), 10)}${pad(m.wholeSeconds.toFixed(2), 9)}` +
        `${pad((m.maxRssKb / 1024).toFixed(0), 13)}${pad(ratio(m, parse, false), 9)}${pad(ratio(m, basic, true), 16)}${pad(ratio(m, same, true), 15)}  ${all}`,
    );
  }
  console.log(
    "inside: wall time measured in the child (work only; the command's includes loading its bundle, DuckDB's loading its module); " +
      "whole: the child process from spawn to exit, measured by the parent (Node start-up included). × parse uses inside times, × DuckDB whole times.",
  );
}

/** The verdict on issue 5's targets (time ≤ 1.5× the bare parse, memory < 300 MB), when both steps ran. */
function parseVerdict(results: readonly Measurement[], rows: number, repeat: number): void {
  const step = (kind: Kind): Measurement | undefined => results.find((r) => r.kind === kind);
  const cmd = step("command");
  const base = step("parse");
  const floor = step("floor");
  if (cmd === undefined || base === undefined) return;
  const ratio = cmd.seconds / base.seconds;
  const rssMb = cmd.maxRssKb / 1024;
  const scale = rows === 1_000_000 ? "" : ` (the target is stated for 1,000,000 rows; this run has ${rows.toLocaleString("en-US")})`;
  console.log(
    `issue 5: time ≤ ${RATIO_TARGET.toFixed(1)}× bare parse (inside, medians of ${String(repeat)}): ${ratio <= RATIO_TARGET ? "MET" : "NOT MET"} (${ratio.toFixed(2)}×)\n` +
      `issue 5: peak memory < ${String(RSS_TARGET_MB)} MB: ${rssMb < RSS_TARGET_MB ? "MET" : "NOT MET"} (${rssMb.toFixed(0)} MB)${scale}`,
  );
  if (floor !== undefined)
    console.log(
      `the floor of a papaparse reader (typed columns, no objects, no report) is ${(floor.seconds / base.seconds).toFixed(2)}× the bare parse`,
    );
}

/**
 * Generates the CSV, checks the command's report against DuckDB's figures, measures the
 * steps in child processes in interleaved rounds, and prints the table and the verdicts on
 * the targets; then the opt-in large step.
 *
 * @param rows - Data rows of the generated export.
 * @param repeat - Runs of each step (the median wall time is compared).
 * @param options - `steps`: `BENCH_CLI_STEPS` (default every step); `bigRows`: rows of the opt-in large step (`BENCH_CLI_ROWS_BIG`, 0 or absent: none).
 */
export async function runCliBench(
  rows: number,
  repeat = 3,
  options: { readonly steps?: string; readonly bigRows?: number } = {},
): Promise<void> {
  const stale = staleBuild();
  if (stale !== undefined) throw new Error(`${stale}: run \`npm run build\` first (\`npm run bench\` does)`);
  const kinds = chosenKinds(options.steps);
  const dir = await mkdtemp(join(tmpdir(), "cx-bench-"));
  const file = join(dir, "tickets.csv");
  let sketch: Measurement | undefined;
  try {
    const g0 = performance.now();
    const bytes = await writeTicketsCsv(file, { rows, seed: 42 });
    const generated = (performance.now() - g0) / 1000;
    console.log(
      `\ncommand benchmark: ${rows.toLocaleString("en-US")} rows, generic CSV ${(bytes / 1_048_576).toFixed(0)} MB (seed 42, written in ${generated.toFixed(1)} s); ` +
        `report --timezone UTC --as-of ${BENCH_AS_OF} --format json --output /dev/null --quiet; one child process per run; ` +
        `${String(repeat)} interleaved rounds; DuckDB threads ${String(duckThreads() ?? `default (${String(availableParallelism())})`)}; Node ${process.version}; load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")}`,
    );
    const statements = await writeDuckStatements(dir, file, new Date(BENCH_AS_OF));
    const duck = kinds.some((k) => k.startsWith("duckdb"));
    let stored: StoredValues | undefined;
    if (duck) {
      // The honesty check: the command's exact report and DuckDB's figures of the same file must agree.
      const reportFile = join(dir, "report.json");
      await childJson(commandChild(file, rows, "command", reportFile), "bench check: cx-metrics report");
      stored = await checkDuckAgreement(reportFile, statements);
      await rm(reportFile);
    }
    const runs = new Map<Kind, Measurement[]>(kinds.map((k) => [k, []]));
    // Rounds of every step in turn, so that a slow spell of the machine hits every step.
    for (let round = 0; round < repeat; round++)
      for (const kind of kinds) runs.get(kind)?.push(await measure(kind, file, rows, statements));
    const results: Measurement[] = kinds.map((kind) => summarize(runs.get(kind) ?? []));
    printTable(results, runs);
    parseVerdict(results, rows, repeat);
    sketch = results.find((r) => r.kind === "sketch");
    duckVerdict(results, stored, rows);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (options.bigRows !== undefined && options.bigRows > 0) await bigStep(options.bigRows, sketch, rows);
}

/**
 * The opt-in large step (`BENCH_CLI_ROWS_BIG`): generates an export of `rows` rows to a
 * temporary file (deleted at the end), runs the command with `--quantiles sketch` and DuckDB's
 * basic query once each, and prints their figures and the sketch peak RSS against the main run's.
 *
 * @param rows - Rows of the large export.
 * @param base - The main run's sketch step, if it ran.
 * @param baseRows - The main run's rows.
 */
async function bigStep(rows: number, base: Measurement | undefined, baseRows: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "cx-bench-big-"));
  const file = join(dir, "tickets.csv");
  try {
    const g0 = performance.now();
    const bytes = await writeTicketsCsv(file, { rows, seed: 42 });
    console.log(
      `\nlarge step: ${rows.toLocaleString("en-US")} rows, ${(bytes / 1_048_576).toFixed(0)} MB (written in ${((performance.now() - g0) / 1000).toFixed(1)} s, deleted after); one run each`,
    );
    const statements = await writeDuckStatements(dir, file, new Date(BENCH_AS_OF));
    const sketch = await measure("sketch", file, rows, statements);
    const basic = await measure("duckdbBasic", file, rows, statements);
    for (const m of [sketch, basic])
      console.log(
        `${LABELS[m.kind].padEnd(38)} inside ${m.seconds.toFixed(2)} s, whole ${m.wholeSeconds.toFixed(2)} s, peak RSS ${(m.maxRssKb / 1024).toFixed(0)} MB`,
      );
    console.log(`command (sketch) ÷ DuckDB basic, whole processes: ${(sketch.wholeSeconds / basic.wholeSeconds).toFixed(2)}×`);
    bigVerdict(sketch, rows, base, baseRows);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [kind, file, rows] = process.argv.slice(2);
  if (kind === "parse" || kind === "floor" || kind === "read") {
    await child(kind, file as string, Number(rows));
  } else {
    await runCliBench(Number(process.env.BENCH_CLI_ROWS ?? 1_000_000), Number(process.env.BENCH_CLI_REPEAT ?? 3), cliBenchEnv());
  }
}
