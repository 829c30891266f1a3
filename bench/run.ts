/**
 * `npm run bench`: tickets per second of the report on generated tickets, streamed into
 * `reportAccumulator` (never held in memory). Sizes: 100 000 and 1 000 000, or the
 * comma-separated `BENCH_SIZES` (e.g. `BENCH_SIZES=100000`).
 *
 * Then, over `BENCH_TICKETS` generated tickets (default 1 000 000, seed 42) materialised once
 * into an array (its generation is not timed):
 * - `report()` against the hand pass (bench/handBench.ts, bench/hand.ts): the two are checked
 *   equal first (a difference exits non-zero), then timed cold (first call in a fresh child
 *   process, `BENCH_COLD_RUNS` pairs, default 1) and warm (medians of `BENCH_ROUNDS` interleaved
 *   rounds, default 5); target ≤ 2×. `BENCH_HAND=0` skips it.
 * - each scalar metric function against its hand loop (bench/scalar.ts), checked equal, then
 *   medians of `BENCH_ROUNDS` interleaved rounds; target ≤ 1.5×. `BENCH_SCALAR=0` skips it;
 *   `BENCH_SCALAR_ONLY=ces,churnRate` runs only the named pairs.
 *
 * Then the command's benchmark (bench/cli.ts): a generated CSV export of `BENCH_CLI_ROWS`
 * rows (default 1 000 000; `0` skips it) through the bare parse, the typed-column floor,
 * `readTickets`, the built `cx-metrics report` (exact and `--quantiles sketch`) and DuckDB (the
 * basic KPI query and the same KPI set as the report, checked equal to the command's JSON
 * first), each in its own child process, `BENCH_CLI_REPEAT` times (default 3) in interleaved
 * rounds; `BENCH_CLI_STEPS` picks steps, `BENCH_CLI_ROWS_BIG` (e.g. 10000000) adds the large
 * step (sketch peak RSS against the main run's).
 *
 * `BENCH_SIZES=0` skips the streaming figures. `npm run bench` runs this file with
 * `node --expose-gc --import tsx`, so every timed call starts after a full GC; without
 * `--expose-gc` the bench still runs and says so.
 */
import { performance } from "node:perf_hooks";
import { reportAccumulator } from "../src/report/index.ts";
import type { ReportOptions } from "../src/report/index.ts";
import { cliBenchEnv, runCliBench } from "./cli.ts";
import { generateResponses, generateTickets } from "./generate.ts";
import { benchTickets, runHandBench } from "./handBench.ts";
import { runScalarBench } from "./scalar.ts";

const sizes = (process.env.BENCH_SIZES ?? "100000,1000000")
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);

const options: ReportOptions = {
  asOf: new Date("2026-04-01T00:00:00Z"),
  timeZone: "Europe/Bucharest",
  period: { from: new Date("2026-02-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") },
  compareTo: { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-02-01T00:00:00Z") },
  bucket: "day",
  segments: ["channel", "assignee", ["channel", "type"]],
  schedule: {
    timeZone: "Europe/Bucharest",
    weekly: {
      mon: [["09:00", "18:00"]],
      tue: [["09:00", "18:00"]],
      wed: [["09:00", "18:00"]],
      thu: [["09:00", "18:00"]],
      fri: [["09:00", "18:00"]],
    },
  },
  slaPolicy: {
    name: "Standard",
    targets: [
      { metric: "firstResponse", within: { hours: 24 } },
      { metric: "firstResponse", within: { hours: 1 }, channel: "chat" },
      { metric: "nextResponse", within: { hours: 8 } },
      { metric: "resolution", within: { hours: 48 } },
    ],
  },
  leaderboard: { by: "firstResponseMedian", minSample: 50 },
  percentiles: [0.9, 0.95],
};

/** Heap plus typed-array backing stores (where the durations live). */
const used = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(0)} MB`;

console.log(`report benchmark: Node ${process.version}, segments channel / assignee / channel×type, schedule, SLA, period + compareTo`);
for (const count of sizes) {
  globalThis.gc?.();
  const acc = reportAccumulator(options);
  const state = acc.create();
  let peakHeap = 0;
  const t0 = performance.now();
  let i = 0;
  for (const ticket of generateTickets({ count, seed: 42, days: 90 })) {
    acc.add(state, ticket);
    if (++i % 100_000 === 0) peakHeap = Math.max(peakHeap, used());
  }
  for (const response of generateResponses({ count, seed: 42, days: 90 })) acc.addResponse(state, response);
  const t1 = performance.now();
  const result = acc.result(state);
  const t2 = performance.now();
  peakHeap = Math.max(peakHeap, used());
  const json = JSON.stringify(result);
  const seconds = (t2 - t0) / 1000;
  console.log(
    [
      `${count.toLocaleString("en-US")} tickets`,
      `${Math.round(count / seconds).toLocaleString("en-US")} tickets/s (generate + fold ${((t1 - t0) / 1000).toFixed(2)} s, result ${((t2 - t1) / 1000).toFixed(2)} s)`,
      `heap used ${mb(process.memoryUsage().heapUsed)} + array buffers ${mb(process.memoryUsage().arrayBuffers)} (peak sampled ${mb(peakHeap)}), rss ${mb(process.memoryUsage().rss)}`,
      `report ${(json.length / 1024).toFixed(0)} KB, ${String(result.input.ticketsInScope)} in scope`,
    ].join(" | "),
  );
}

const on = (name: string): boolean => process.env[name] !== "0";
const positive = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
if (on("BENCH_HAND") || on("BENCH_SCALAR")) {
  const count = positive("BENCH_TICKETS", 1_000_000);
  const rounds = positive("BENCH_ROUNDS", 5);
  globalThis.gc?.();
  const g0 = performance.now();
  const tickets = benchTickets(count);
  console.log(
    `\nmaterialised ${count.toLocaleString("en-US")} tickets (seed 42) into an array in ${((performance.now() - g0) / 1000).toFixed(1)} s (not timed)`,
  );
  if (on("BENCH_HAND")) await runHandBench(tickets, rounds, positive("BENCH_COLD_RUNS", 1));
  if (on("BENCH_SCALAR")) runScalarBench(tickets, rounds);
}

const cliRows = Number(process.env.BENCH_CLI_ROWS ?? 1_000_000);
const cliRepeat = Number(process.env.BENCH_CLI_REPEAT ?? 3);
if (Number.isInteger(cliRows) && cliRows > 0)
  await runCliBench(cliRows, Number.isInteger(cliRepeat) && cliRepeat > 0 ? cliRepeat : 3, cliBenchEnv());
