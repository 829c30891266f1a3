/**
 * DuckDB on the command benchmark's CSV export, each run in its own child process of plain
 * Node (no TypeScript loader), as a data team would run it: the child creates an in-memory
 * instance (`@duckdb/node-api`), runs the statements of bench/duckdbSql.ts, and prints its
 * figures (named as in bench/duckdbFigures.ts), its wall time from its first line to the end
 * (loading DuckDB's module included) and its peak resident set, as one JSON line.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { childJson } from "./child.ts";
import { basicKpiSql, sameSetSql } from "./duckdbSql.ts";
import type { Figures } from "./duckdbFigures.ts";

/** The two DuckDB steps: the basic KPI query, and the same KPI set as the command's default report. */
export type DuckKind = "duckdbBasic" | "duckdbSameSet";

/** A DuckDB child's output. */
export interface DuckRun {
  readonly kind: DuckKind;
  /** Wall time inside the child, from its first statement (before loading DuckDB) to the end, in seconds. */
  readonly seconds: number;
  /** Peak resident set of the child, in KB. */
  readonly maxRssKb: number;
  /** The figures the statements yield. */
  readonly figures: Figures;
}

/**
 * Writes the statements of both DuckDB steps for `file` as JSON files in `dir` (the child reads
 * them, so no SQL travels on a command line).
 *
 * @param dir - A scratch directory.
 * @param file - The CSV export.
 * @param asOf - The report's `--as-of`.
 * @param threads - DuckDB's worker threads (`SET threads`), or `undefined` for its default; default {@link duckThreads}.
 * @returns The path of each step's statements.
 */
export async function writeDuckStatements(
  dir: string,
  file: string,
  asOf: Date,
  threads: number | undefined = duckThreads(),
): Promise<Readonly<Record<DuckKind, string>>> {
  const paths = { duckdbBasic: join(dir, "duckdb-basic.json"), duckdbSameSet: join(dir, "duckdb-same-set.json") };
  const setup = threads === undefined ? [] : [`SET threads = ${String(threads)}`];
  await writeFile(paths.duckdbBasic, JSON.stringify([...setup, basicKpiSql(file)]));
  await writeFile(paths.duckdbSameSet, JSON.stringify([...setup, ...sameSetSql(file, asOf)]));
  return paths;
}

/**
 * DuckDB's worker threads from `BENCH_DUCKDB_THREADS` (a positive integer), or `undefined` for
 * DuckDB's default (one per core). `BENCH_DUCKDB_THREADS=1` compares with one core, as the
 * command uses.
 *
 * @returns The thread count, or `undefined`.
 * @throws Error when the variable is set to anything but a positive integer.
 */
export function duckThreads(): number | undefined {
  const text = process.env.BENCH_DUCKDB_THREADS;
  if (text === undefined || text === "") return undefined;
  const threads = Number(text);
  if (!Number.isInteger(threads) || threads < 1)
    throw new Error(`BENCH_DUCKDB_THREADS must be a positive integer, got ${JSON.stringify(text)}`);
  return threads;
}

/**
 * The arguments of `node` running one DuckDB step: plain ESM from `-e`, DuckDB's module
 * imported by its resolved URL. A statement starting with `CREATE` or `SET` is run for its effect;
 * every other one yields figures, either `key, value` rows or one wide row whose columns are
 * the figures' names. Numbers (BIGINT included) become JS numbers, `NULL` null.
 *
 * @param kind - Which step (printed back).
 * @param statements - The JSON file of the statements ({@link writeDuckStatements}).
 * @returns The arguments after `node`.
 */
export function duckChildArgs(kind: DuckKind, statements: string): string[] {
  const code = [
    "const t0 = performance.now();",
    'const { readFileSync } = await import("node:fs");',
    `const { DuckDBInstance } = await import(${JSON.stringify(import.meta.resolve("@duckdb/node-api"))});`,
    `const statements = JSON.parse(readFileSync(${JSON.stringify(statements)}, "utf8"));`,
    'const connection = await (await DuckDBInstance.create(":memory:")).connect();',
    "const figures = {};",
    "const number = (v) => (v === null ? null : Number(v));",
    "for (const sql of statements) {",
    "  if (/^\\s*(CREATE|SET)/i.test(sql)) { await connection.run(sql); continue; }",
    "  const reader = await connection.runAndReadAll(sql);",
    "  const names = reader.columnNames();",
    '  const long = names.length === 2 && names[0] === "key" && names[1] === "value";',
    "  for (const row of reader.getRows()) {",
    "    if (long) figures[row[0]] = number(row[1]);",
    "    else names.forEach((name, i) => (figures[name] = number(row[i])));",
    "  }",
    "}",
    "const seconds = (performance.now() - t0) / 1000;",
    `process.stdout.write(JSON.stringify({ kind: ${JSON.stringify(kind)}, seconds, maxRssKb: process.resourceUsage().maxRSS, figures }) + "\\n");`,
  ].join("\n");
  return ["--input-type=module", "-e", code];
}

/**
 * Runs one DuckDB step in a child process and returns its output.
 *
 * @param kind - Which step.
 * @param statements - The JSON file of its statements ({@link writeDuckStatements}).
 * @returns The child's figures, time and peak RSS.
 */
export async function runDuck(kind: DuckKind, statements: string): Promise<DuckRun> {
  return (await childJson(duckChildArgs(kind, statements), `bench child ${kind}`)) as DuckRun;
}
