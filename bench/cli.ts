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
 *   by the built executable (dist/cli.js) as users run it, bundle loading included.
 *
 * Each measurement runs in its own child process (`node --import tsx bench/cli.ts <kind>
 * <file>`), so the peak resident set (`process.resourceUsage().maxRSS`) is that
 * measurement's alone; the child checks its count against the file's rows and prints
 * `{ kind, rows, seconds, maxRssKb }` as JSON. Wall
 * time is measured inside the child, from just before the work to its end (module loading
 * excluded, except the command's bundle). Each step runs `BENCH_CLI_REPEAT` times (default 3)
 * in turn; the table shows each step's median wall time and its highest peak RSS, and the
 * runs. Targets (issue 5): the command costs at most 1.5× the bare parse, and its peak
 * memory stays under 300 MB for 1M rows.
 */
import { childJson } from "./child.ts";
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { writeTicketsCsv } from "./csv.ts";
import { openFile } from "../src/io/node/index.ts";

/** What a child measures. */
type Kind = "parse" | "floor" | "read" | "command";

/** A child's measurement. */
interface Measurement {
  readonly kind: Kind;
  /** Data rows of the file (parse and read check their counts against it). */
  readonly rows: number;
  /** Wall time of the work, in seconds. */
  readonly seconds: number;
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
 * is part of the measured time, as it is of every run users make.
 */
function commandChild(file: string, rows: number): string[] {
  const argv = ["report", file, "--timezone", "UTC", "--as-of", BENCH_AS_OF, "--format", "json", "--output", "/dev/null", "--quiet"];
  const code = [
    "const t0 = performance.now();",
    `process.argv = [process.execPath, ${JSON.stringify(fileURLToPath(CLI))}, ...${JSON.stringify(argv)}];`,
    `await import(${JSON.stringify(CLI.href)});`,
    "const seconds = (performance.now() - t0) / 1000;",
    "if ((process.exitCode ?? 0) !== 0) throw new Error(`cx-metrics exited ${process.exitCode}`);",
    `process.stdout.write(JSON.stringify({ kind: "command", rows: ${String(rows)}, seconds, maxRssKb: process.resourceUsage().maxRSS }) + "\\n");`,
  ].join("\n");
  return ["--input-type=module", "-e", code];
}

/** The child: one measurement, printed as a JSON line. */
async function child(kind: Exclude<Kind, "command">, file: string, expected: number): Promise<void> {
  const prepare = { parse: bareParse, floor: columnarFloor, read: readOnly }[kind];
  // Modules load before the clock starts.
  const work = await prepare();
  const t0 = performance.now();
  const counted = await work(file);
  const seconds = (performance.now() - t0) / 1000;
  if (counted >= 0 && counted !== expected) throw new Error(`${kind}: counted ${String(counted)} rows, the file has ${String(expected)}`);
  const rows = expected;
  const measurement: Measurement = { kind, rows, seconds, maxRssKb: process.resourceUsage().maxRSS };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

const SELF = fileURLToPath(import.meta.url);

async function measure(kind: Kind, file: string, rows: number): Promise<Measurement> {
  const args = kind === "command" ? commandChild(file, rows) : ["--import", "tsx", SELF, kind, file, String(rows)];
  return (await childJson(args, `bench child ${kind}`)) as Measurement;
}

const pad = (text: string, width: number): string => text.padStart(width);

/** The median wall time of a step's runs, with the highest peak RSS among them. */
function summarize(runs: readonly Measurement[]): Measurement {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const middle = sorted.length / 2;
  const seconds =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(middle)] as Measurement).seconds
      : ((sorted[middle - 1] as Measurement).seconds + (sorted[middle] as Measurement).seconds) / 2;
  const first = sorted[0] as Measurement;
  return { kind: first.kind, rows: first.rows, seconds, maxRssKb: Math.max(...runs.map((r) => r.maxRssKb)) };
}

/**
 * Generates the CSV, measures parse, read and command in child processes one after the
 * other, and prints the table and the verdict on the targets.
 *
 * @param rows - Data rows of the generated export.
 * @param repeat - Runs of each step (the median wall time is compared).
 */
export async function runCliBench(rows: number, repeat = 3): Promise<void> {
  const stale = staleBuild();
  if (stale !== undefined) throw new Error(`${stale}: run \`npm run build\` first (\`npm run bench\` does)`);
  const dir = await mkdtemp(join(tmpdir(), "cx-bench-"));
  const file = join(dir, "tickets.csv");
  try {
    const g0 = performance.now();
    const bytes = await writeTicketsCsv(file, { rows, seed: 42 });
    const generated = (performance.now() - g0) / 1000;
    console.log(
      `\ncommand benchmark: ${rows.toLocaleString("en-US")} rows, generic CSV ${(bytes / 1_048_576).toFixed(0)} MB (seed 42, written in ${generated.toFixed(1)} s); ` +
        `report --timezone UTC --as-of ${BENCH_AS_OF} --format json --output /dev/null --quiet; one child process per line`,
    );
    const kinds = ["parse", "floor", "read", "command"] as const;
    const runs = new Map<Kind, Measurement[]>(kinds.map((k) => [k, []]));
    // Rounds of parse, floor, read, command, so that a slow spell of the machine hits every step.
    for (let round = 0; round < repeat; round++) for (const kind of kinds) runs.get(kind)?.push(await measure(kind, file, rows));
    const results: Measurement[] = kinds.map((kind) => summarize(runs.get(kind) ?? []));
    const base = results[0] as Measurement;
    console.log(
      `${"step".padEnd(34)}${pad("rows", 11)}${pad("wall s", 9)}${pad("rows/s", 12)}${pad("peak RSS MB", 13)}${pad("× parse", 9)}  runs (s)`,
    );
    for (const m of results) {
      const all = (runs.get(m.kind) ?? []).map((r) => r.seconds.toFixed(2)).join(", ");
      console.log(
        `${LABELS[m.kind].padEnd(34)}${pad(m.rows.toLocaleString("en-US"), 11)}${pad(m.seconds.toFixed(2), 9)}` +
          `${pad(Math.round(m.rows / m.seconds).toLocaleString("en-US"), 12)}${pad((m.maxRssKb / 1024).toFixed(0), 13)}${pad((m.seconds / base.seconds).toFixed(2), 9)}  ${all}`,
      );
    }
    const step = (kind: Kind): Measurement => results.find((r) => r.kind === kind) as Measurement;
    const cmd = step("command");
    const floor = step("floor");
    const ratio = cmd.seconds / base.seconds;
    const rssMb = cmd.maxRssKb / 1024;
    const scale = rows === 1_000_000 ? "" : ` (the target is stated for 1,000,000 rows; this run has ${rows.toLocaleString("en-US")})`;
    console.log(
      `target time ≤ ${RATIO_TARGET.toFixed(1)}× bare parse (medians of ${String(repeat)}): ${ratio <= RATIO_TARGET ? "MET" : "NOT MET"} (${ratio.toFixed(2)}×)\n` +
        `target peak memory < ${String(RSS_TARGET_MB)} MB: ${rssMb < RSS_TARGET_MB ? "MET" : "NOT MET"} (${rssMb.toFixed(0)} MB)${scale}\n` +
        `the floor of a papaparse reader (typed columns, no objects, no report) is ${(floor.seconds / base.seconds).toFixed(2)}× the bare parse`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [kind, file, rows] = process.argv.slice(2);
  if (kind === "parse" || kind === "floor" || kind === "read") {
    await child(kind, file as string, Number(rows));
  } else {
    await runCliBench(Number(process.env.BENCH_CLI_ROWS ?? 1_000_000), Number(process.env.BENCH_CLI_REPEAT ?? 3));
  }
}
