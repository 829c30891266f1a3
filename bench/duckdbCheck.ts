/**
 * The DuckDB comparison's honesty check, run by bench/cli.ts before any timing: the command's
 * JSON report of the file and DuckDB's figures of the same file must agree
 * ({@link compareFigures}: counts exactly, the rest within 1e-9 relative), and the bench prints
 * what of the report DuckDB does not compute ({@link uncovered}), each part with its reason.
 */
import { readFile } from "node:fs/promises";
import { runDuck, type DuckKind } from "./duckdb.ts";
import { BENCH_ONLY, compareFigures, flattenReport, RELATIVE_TOLERANCE, uncovered, type Figures } from "./duckdbFigures.ts";

/** The values an exact-quantile run of the command keeps (8 bytes each), by where they come from. */
export interface StoredValues {
  /** The report's duration and reply-count summaries (their `count`s): first response, first and final resolution, assignment, replies to resolve… */
  readonly summaries: number;
  /** The survival estimates' observations (`counted`: one time per ticket, an event or censored). */
  readonly survival: number;
  /** The same summaries again for the leaderboard's per-agent segments (from DuckDB: the assigned tickets' values). */
  readonly agents: number;
  /** Their sum. */
  readonly total: number;
}

/** Summaries kept exactly: every `time.<metric>.calendar|business.count` and `time.repliesToResolve.count`. */
const SUMMARY_COUNT = /^time\.([A-Za-z]+\.(calendar|business)|repliesToResolve)\.count$/;
const SURVIVAL_COUNT = /^time\.[A-Za-z]+Survival\.counted$/;

/**
 * How many values the exact run keeps, read from its report (and DuckDB's count of the
 * assigned tickets' values, which the report does not show).
 *
 * @param report - {@link flattenReport} of the command's report.
 * @param duck - DuckDB's same-set figures (for `bench.valuesOfAgents`).
 * @returns The counts.
 */
export function storedValues(report: Figures, duck: Figures): StoredValues {
  const sum = (pattern: RegExp): number =>
    Object.entries(report).reduce((total, [key, value]) => total + (pattern.test(key) && typeof value === "number" ? value : 0), 0);
  const summaries = sum(SUMMARY_COUNT);
  const survival = sum(SURVIVAL_COUNT);
  const agents = duck[`${BENCH_ONLY}valuesOfAgents`] ?? 0;
  return { summaries, survival, agents, total: summaries + survival + agents };
}

/**
 * Reads the command's JSON report at `reportFile`, runs both DuckDB steps once, and checks
 * that every figure DuckDB computes equals the report's; prints the coverage.
 *
 * @param reportFile - The command's `--format json` output for the bench's file.
 * @param statements - The statements of each DuckDB step (bench/duckdb.ts `writeDuckStatements`).
 * @returns The values the exact run keeps ({@link storedValues}).
 * @throws Error listing the differences when a figure disagrees.
 */
export async function checkDuckAgreement(reportFile: string, statements: Readonly<Record<DuckKind, string>>): Promise<StoredValues> {
  const json = JSON.parse(await readFile(reportFile, "utf8")) as { report: unknown };
  const report = flattenReport(json.report);
  const basic = (await runDuck("duckdbBasic", statements.duckdbBasic)).figures;
  const same = (await runDuck("duckdbSameSet", statements.duckdbSameSet)).figures;
  const differences = [
    ...compareFigures(basic, report).map((d) => `basic ${d}`),
    ...compareFigures(same, report).map((d) => `same-set ${d}`),
  ];
  if (differences.length > 0) {
    throw new Error(`DuckDB's figures differ from the command's report:\n  ${differences.slice(0, 40).join("\n  ")}`);
  }
  const coverage = uncovered(same, report);
  const own = (f: Figures): number => Object.keys(f).filter((k) => !k.startsWith(BENCH_ONLY)).length;
  console.log(
    `DuckDB agrees with the command's JSON (counts exactly, other figures within ${String(RELATIVE_TOLERANCE)} relative): ` +
      `basic query ${String(own(basic))} figures; same KPI set ${String(coverage.compared)} of the report's ${String(coverage.total)} numbers and nulls ` +
      `(${String(coverage.nulls)} are null: sections the default report leaves out, e.g. SLA, business hours, NPS, customers). Not computed by DuckDB:`,
  );
  for (const { reason, figures } of coverage.byReason) console.log(`  - ${String(figures).padStart(5)} figures: ${reason}`);
  for (const key of coverage.unexplained.slice(0, 20)) console.log(`  - not computed, no reason given: ${key}`);
  if (coverage.unexplained.length > 20) console.log(`  - … and ${String(coverage.unexplained.length - 20)} more without a reason`);
  return storedValues(report, same);
}
