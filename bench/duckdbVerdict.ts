/**
 * The verdict on issue 14's targets, from the command benchmark's medians (bench/cli.ts):
 *
 * - time (whole processes, start-up included): the command's default report ≤ 1.0× DuckDB
 *   computing the same KPI set, and ≤ 1.5× DuckDB's basic KPI query;
 * - peak RSS: ≤ 150 MB with `--quantiles sketch`; ≤ 150 MB + 8 bytes per value kept with exact
 *   quantiles (the values counted by bench/duckdbCheck.ts `storedValues`);
 * - at 10M rows (the opt-in large step): peak RSS with sketch quantiles within 10 % of the 1M figure.
 *
 * The targets are stated for 1,000,000 rows; at any other size the lines say so.
 */
import type { StoredValues } from "./duckdbCheck.ts";

/** The part of a measurement the verdict reads. */
export interface StepFigures {
  readonly kind: string;
  /** Whole-process wall time, seconds. */
  readonly wholeSeconds: number;
  /** Peak RSS, KB. */
  readonly maxRssKb: number;
}

/** The targets of issue 14. */
export const TARGETS = {
  /** The command ÷ DuckDB same KPI set, whole-process wall time. */
  sameSet: 1.0,
  /** The command ÷ DuckDB basic KPIs, whole-process wall time. */
  basic: 1.5,
  /** Peak RSS with sketch quantiles, MB (and the base of the exact budget). */
  rssMb: 150,
  /** Bytes per value kept by exact quantiles. */
  bytesPerValue: 8,
  /** The large run's sketch peak RSS ÷ the 1M run's, at most 1 + this. */
  bigGrowth: 0.1,
} as const;

const MB = 1_048_576;
const met = (ok: boolean): string => (ok ? "MET" : "NOT MET");

/**
 * Prints one line per target of issue 14 whose steps ran: met or not, with the figures.
 *
 * @param results - The steps' medians (kinds `command`, `sketch`, `duckdbBasic`, `duckdbSameSet`).
 * @param stored - The values the exact run keeps; `undefined` when the check did not run.
 * @param rows - Data rows of the file.
 */
export function duckVerdict(results: readonly StepFigures[], stored: StoredValues | undefined, rows: number): void {
  const step = (kind: string): StepFigures | undefined => results.find((r) => r.kind === kind);
  const cmd = step("command");
  const sketch = step("sketch");
  const basic = step("duckdbBasic");
  const same = step("duckdbSameSet");
  const note = rows === 1_000_000 ? "" : ` (stated for 1,000,000 rows; this run has ${rows.toLocaleString("en-US")})`;
  const lines: string[] = [];
  if (cmd !== undefined && same !== undefined) {
    const r = cmd.wholeSeconds / same.wholeSeconds;
    lines.push(
      `issue 14: command ≤ ${TARGETS.sameSet.toFixed(1)}× DuckDB same KPI set (whole processes): ${met(r <= TARGETS.sameSet)} (${r.toFixed(2)}×)${note}`,
    );
  }
  if (cmd !== undefined && basic !== undefined) {
    const r = cmd.wholeSeconds / basic.wholeSeconds;
    lines.push(
      `issue 14: command ≤ ${TARGETS.basic.toFixed(1)}× DuckDB basic KPIs (whole processes): ${met(r <= TARGETS.basic)} (${r.toFixed(2)}×)${note}`,
    );
  }
  if (sketch !== undefined) {
    const mb = sketch.maxRssKb / 1024;
    lines.push(
      `issue 14: peak RSS ≤ ${String(TARGETS.rssMb)} MB with --quantiles sketch: ${met(mb <= TARGETS.rssMb)} (${mb.toFixed(0)} MB)${note}`,
    );
  }
  if (cmd !== undefined && stored !== undefined) {
    const mb = cmd.maxRssKb / 1024;
    const budget = TARGETS.rssMb + (TARGETS.bytesPerValue * stored.total) / MB;
    lines.push(
      `issue 14: peak RSS ≤ ${String(TARGETS.rssMb)} MB + 8 B × values kept with exact quantiles: ${met(mb <= budget)} (${mb.toFixed(0)} MB, budget ${budget.toFixed(0)} MB for ` +
        `${stored.total.toLocaleString("en-US")} values: ${stored.summaries.toLocaleString("en-US")} in the report's duration and reply-count summaries, ` +
        `${stored.survival.toLocaleString("en-US")} survival observations, ${stored.agents.toLocaleString("en-US")} again in the leaderboard's per-agent summaries)${note}`,
    );
  }
  for (const line of lines) console.log(line);
}

/**
 * Prints the large step's verdict: its sketch peak RSS against the 1M run's.
 *
 * @param big - The large run's sketch measurement.
 * @param bigRows - Its rows.
 * @param base - The main run's sketch measurement, if it ran.
 * @param baseRows - The main run's rows.
 */
export function bigVerdict(big: StepFigures, bigRows: number, base: StepFigures | undefined, baseRows: number): void {
  const mb = big.maxRssKb / 1024;
  if (base === undefined) {
    console.log(
      `issue 14: ${bigRows.toLocaleString("en-US")} rows, sketch peak RSS ${mb.toFixed(0)} MB (no main-run sketch step to compare with)`,
    );
    return;
  }
  const growth = big.maxRssKb / base.maxRssKb - 1;
  const note = bigRows === 10_000_000 && baseRows === 1_000_000 ? "" : " (stated for 10,000,000 against 1,000,000 rows)";
  console.log(
    `issue 14: sketch peak RSS at ${bigRows.toLocaleString("en-US")} rows within ${String(TARGETS.bigGrowth * 100)} % of ${baseRows.toLocaleString("en-US")} rows: ` +
      `${met(growth <= TARGETS.bigGrowth)} (${mb.toFixed(0)} MB vs ${(base.maxRssKb / 1024).toFixed(0)} MB, ${growth >= 0 ? "+" : ""}${(growth * 100).toFixed(1)} %)${note}`,
  );
}
