/**
 * The command's benchmark (`npm run bench`, after the report benchmark): a seeded
 * generic-preset CSV export of `BENCH_CLI_ROWS` rows (default 1 000 000) goes through
 *
 * - `parse`: papaparse alone, configured as the readers configure it (delimiter `,`, newline
 *   `\n`, quote `"`, fed chunks of at least 64 KiB of UTF-8 text), counting rows only;
 * - `read`: `readTickets` alone (parse, map, validate), counting tickets;
 * - `command`: the whole `cx-metrics report … --format json --output /dev/null --quiet`.
 *
 * Each measurement runs in its own child process (`node --import tsx bench/cli.ts <kind>
 * <file>`), so the peak resident set (`process.resourceUsage().maxRSS`) is that
 * measurement's alone; the child checks its count against the file's rows and prints
 * `{ kind, rows, seconds, maxRssKb }` as JSON. Wall
 * time is measured inside the child, from just before the work to its end (module loading
 * excluded). Targets (issue 5): the command costs at most 1.5× the bare parse, and its peak
 * memory stays under 300 MB for 1M rows.
 */
import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { writeTicketsCsv } from "./csv.ts";

/** What a child measures. */
type Kind = "parse" | "read" | "command";

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
  read: "readTickets (parse+map+validate)",
  command: "cx-metrics report (json)",
};

type Work = (file: string) => Promise<number>;

/** Data rows of the file through the readers' papaparse configuration; nothing kept. */
async function bareParse(): Promise<Work> {
  return Promise.resolve(parseOnly);
}

async function parseOnly(file: string): Promise<number> {
  const parser = new Papa.Parser({ delimiter: ",", newline: "\n", quoteChar: '"' });
  const chunks = createReadStream(file, { encoding: "utf8" })[Symbol.asyncIterator]() as AsyncIterator<string>;
  let rows = 0;
  let partial = "";
  let done = false;
  while (!done) {
    let pending = "";
    while (!done && pending.length < Math.max(64 * 1024, partial.length)) {
      const next = await chunks.next();
      if (next.done === true) done = true;
      else pending += next.value;
    }
    const text = partial + pending;
    const result = parser.parse(text, 0, !done) as { data: string[][]; meta: { cursor: number } };
    rows += result.data.length;
    partial = done ? "" : text.slice(result.meta.cursor);
  }
  // Less the header and the empty "row" after the final line break.
  return rows - 2;
}

async function readOnly(): Promise<Work> {
  const { readTickets } = await import("../src/io/index.ts");
  return async (file) => {
    const { records, stats } = await readTickets(file, { timeZone: "UTC" });
    let n = 0;
    for await (const ticket of records) if (ticket.id !== "") n++;
    if (stats.rejected > 0) throw new Error(`readTickets rejected ${String(stats.rejected)} rows`);
    return n;
  };
}

async function command(): Promise<Work> {
  const { run } = await import("../src/cli/run.ts");
  return async (file) => {
    let stderr = "";
    const argv = ["report", file, "--timezone", "UTC", "--as-of", BENCH_AS_OF, "--format", "json", "--output", "/dev/null", "--quiet"];
    const code = await run(argv, { stdout: { write: () => true, isTTY: false }, stderr: { write: (text: string) => (stderr += text), isTTY: false } });
    if (code !== 0) throw new Error(`cx-metrics exited ${String(code)}: ${stderr}`);
    // --quiet prints no summary and the report goes to /dev/null: the rows are the file's.
    return -1;
  };
}

/** The child: one measurement, printed as a JSON line. */
async function child(kind: Kind, file: string, expected: number): Promise<void> {
  // Modules load before the clock starts.
  const work = await (kind === "parse" ? bareParse : kind === "read" ? readOnly : command)();
  const t0 = performance.now();
  const counted = await work(file);
  const seconds = (performance.now() - t0) / 1000;
  if (counted >= 0 && counted !== expected) throw new Error(`${kind}: counted ${String(counted)} rows, the file has ${String(expected)}`);
  const rows = expected;
  const measurement: Measurement = { kind, rows, seconds, maxRssKb: process.resourceUsage().maxRSS };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

const SELF = fileURLToPath(import.meta.url);

function measure(kind: Kind, file: string, rows: number): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", SELF, kind, file, String(rows)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    proc.stdout.setEncoding("utf8");
    proc.stdout.on("data", (text: string) => (out += text));
    proc.on("error", reject);
    proc.on("close", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !last.startsWith("{")) reject(new Error(`bench child ${kind} exited ${String(code)}: ${out}`));
      else resolve(JSON.parse(last) as Measurement);
    });
  });
}

const pad = (text: string, width: number): string => text.padStart(width);

/**
 * Generates the CSV, measures parse, read and command in child processes one after the
 * other, and prints the table and the verdict on the targets.
 *
 * @param rows - Data rows of the generated export.
 */
export async function runCliBench(rows: number): Promise<void> {
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
    const results: Measurement[] = [];
    for (const kind of ["parse", "read", "command"] as const) results.push(await measure(kind, file, rows));
    const base = results[0] as Measurement;
    console.log(`${"step".padEnd(34)}${pad("rows", 11)}${pad("wall s", 9)}${pad("rows/s", 12)}${pad("peak RSS MB", 13)}${pad("× parse", 9)}`);
    for (const m of results) {
      console.log(
        `${LABELS[m.kind].padEnd(34)}${pad(m.rows.toLocaleString("en-US"), 11)}${pad(m.seconds.toFixed(2), 9)}` +
          `${pad(Math.round(m.rows / m.seconds).toLocaleString("en-US"), 12)}${pad((m.maxRssKb / 1024).toFixed(0), 13)}${pad((m.seconds / base.seconds).toFixed(2), 9)}`,
      );
    }
    const cmd = results[2] as Measurement;
    const ratio = cmd.seconds / base.seconds;
    const rssMb = cmd.maxRssKb / 1024;
    const scale = rows === 1_000_000 ? "" : ` (the target is stated for 1,000,000 rows; this run has ${rows.toLocaleString("en-US")})`;
    console.log(
      `target time ≤ ${RATIO_TARGET.toFixed(1)}× bare parse: ${ratio <= RATIO_TARGET ? "MET" : "NOT MET"} (${ratio.toFixed(2)}×)\n` +
        `target peak memory < ${String(RSS_TARGET_MB)} MB: ${rssMb < RSS_TARGET_MB ? "MET" : "NOT MET"} (${rssMb.toFixed(0)} MB)${scale}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [kind, file, rows] = process.argv.slice(2);
  if (kind === "parse" || kind === "read" || kind === "command") {
    await child(kind, file as string, Number(rows));
  } else {
    await runCliBench(Number(process.env.BENCH_CLI_ROWS ?? 1_000_000));
  }
}
