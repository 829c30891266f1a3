/**
 * `report()` against the hand pass (bench/hand.ts) over the same in-memory tickets (issue 13:
 * at most 2× cold and warm). `BENCH_TICKETS` tickets (default 1 000 000) from
 * bench/generate.ts (seed 42, 90 days), materialised into one array by bench/run.ts, then:
 *
 * 1. **Agreement**: the hand pass and `report(tickets, HAND_OPTIONS)` run once and their
 *    figures are compared (counts exactly, durations, means, quantiles and rates within 1e-9
 *    relative); on any difference the differences are printed and the bench throws (non-zero
 *    exit), since a ratio of two different computations means nothing.
 * 2. **Cold**: the first call after process start. Each cold measurement runs in its own child
 *    process (`node --expose-gc --import tsx bench/handBench.ts cold <report|hand> <count>`): the
 *    child loads its modules, materialises the same tickets, runs a full GC when exposed, then
 *    times the one call, with every function of it never run before (JIT- and IC-cold). The
 *    children alternate report, hand, report, hand…, `BENCH_COLD_RUNS` pairs (default 1); the
 *    median of each side is shown.
 * 3. **Warm**: in this process (after the agreement run warmed both), `BENCH_ROUNDS` rounds
 *    (default 5) of report, hand, each call after a full GC when exposed; the medians are
 *    compared, so a slow spell of the machine hits both sides.
 *
 * Every timed `report()` call includes its own GC pauses; the tickets' generation is never timed.
 */
import { childJson } from "./child.ts";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { report } from "../src/report/index.ts";
import type { Ticket } from "../src/models/index.ts";
import { compareFigures, figuresOfReport } from "./agree.ts";
import { generateTickets } from "./generate.ts";
import { HAND_AS_OF, HAND_OPTIONS, handPass } from "./hand.ts";

/** Issue 13's target: report() at most this many times the hand pass, cold and warm. */
export const HAND_TARGET = 2;

type Side = "report" | "hand";

/** The tickets of every run: seed 42 over 90 days, as the rest of the bench. */
export function benchTickets(count: number): Ticket[] {
  return [...generateTickets({ count, seed: 42, days: 90 })];
}

/** One timed call of a side, in seconds, after a full GC when `--expose-gc` is on. */
function timeOnce(side: Side, tickets: readonly Ticket[]): number {
  globalThis.gc?.();
  const t0 = performance.now();
  if (side === "report") report({ tickets }, HAND_OPTIONS);
  else handPass(tickets, HAND_AS_OF);
  return (performance.now() - t0) / 1000;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const SELF = fileURLToPath(import.meta.url);

/** Runs one cold measurement in a child process and resolves with its seconds. */
async function coldChild(side: Side, count: number): Promise<number> {
  const r = (await childJson(["--expose-gc", "--import", "tsx", SELF, "cold", side, String(count)], `cold child ${side}`)) as {
    seconds: number;
  };
  return r.seconds;
}

const s = (seconds: number): string => seconds.toFixed(2);
const x = (ratio: number): string => `${ratio.toFixed(2)}×`;

/**
 * The agreement check, the cold children and the warm rounds, printed as one line of figures
 * and one verdict line. Throws when the hand pass and `report()` disagree.
 *
 * @param tickets - The tickets of {@link benchTickets}`(count)` (1 000 000 for the target);
 * the cold children make the same ones again.
 * @param rounds - Warm rounds (the median is compared).
 * @param coldRuns - Pairs of cold children.
 */
export async function runHandBench(tickets: readonly Ticket[], rounds = 5, coldRuns = 1): Promise<void> {
  const count = tickets.length;
  const n = count.toLocaleString("en-US");
  console.log(
    `\nreport() vs the hand pass (bench/hand.ts): ${n} in-memory tickets (seed 42), HAND_OPTIONS (asOf ${HAND_AS_OF.toISOString()}, UTC, ` +
      `segments channel, p90); GC ${globalThis.gc === undefined ? "NOT exposed (run with node --expose-gc)" : "forced before each call"}`,
  );

  const differences = compareFigures(handPass(tickets, HAND_AS_OF), figuresOfReport(report({ tickets }, HAND_OPTIONS)));
  if (differences.length > 0) {
    console.log(`hand pass agrees with report(): NO (${String(differences.length)} differences, hand vs report)`);
    for (const line of differences.slice(0, 40)) console.log(`  ${line}`);
    throw new Error("the hand pass and report() disagree: the ratio would compare different work");
  }
  console.log("hand pass agrees with report(): yes (counts exact; durations, means, p50, p90, thresholds, rates within 1e-9 relative)");

  const warm: Record<Side, number[]> = { report: [], hand: [] };
  for (let round = 0; round < rounds; round++) {
    warm.report.push(timeOnce("report", tickets));
    warm.hand.push(timeOnce("hand", tickets));
  }

  const cold: Record<Side, number[]> = { report: [], hand: [] };
  for (let run = 0; run < coldRuns; run++) {
    cold.report.push(await coldChild("report", count));
    cold.hand.push(await coldChild("hand", count));
  }

  const rc = median(cold.report);
  const hc = median(cold.hand);
  const rw = median(warm.report);
  const hw = median(warm.hand);
  console.log(
    `report() ${n} tickets: cold ${s(rc)} s, warm ${s(rw)} s | hand pass: cold ${s(hc)} s, warm ${s(hw)} s | ` +
      `ratio cold ${x(rc / hc)}, warm ${x(rw / hw)} (target ≤ ${String(HAND_TARGET)}×)`,
  );
  const list = (values: readonly number[]): string => values.map(s).join(", ");
  console.log(
    `  runs (s): warm report ${list(warm.report)}; warm hand ${list(warm.hand)}; cold report ${list(cold.report)}; cold hand ${list(cold.hand)}`,
  );
  const met = (ratio: number): string => (ratio <= HAND_TARGET ? "MET" : "NOT MET");
  const scale = count === 1_000_000 ? "" : ` (the target is stated for 1,000,000 tickets; this run has ${n})`;
  console.log(`target report() ≤ ${String(HAND_TARGET)}× hand pass: cold ${met(rc / hc)}, warm ${met(rw / hw)}${scale}`);
}

/** The child of one cold measurement: prints `{ side, seconds }` as JSON. */
function coldMain(side: Side, count: number): void {
  const tickets = benchTickets(count);
  const seconds = timeOnce(side, tickets);
  process.stdout.write(`${JSON.stringify({ side, seconds })}\n`);
}

if (process.argv[1] !== undefined && SELF === process.argv[1]) {
  const [mode, side, count] = process.argv.slice(2);
  if (mode === "cold" && (side === "report" || side === "hand")) coldMain(side, Number(count));
  else
    await runHandBench(
      benchTickets(Number(process.env.BENCH_TICKETS ?? 1_000_000)),
      Number(process.env.BENCH_ROUNDS ?? 5),
      Number(process.env.BENCH_COLD_RUNS ?? 1),
    );
}
