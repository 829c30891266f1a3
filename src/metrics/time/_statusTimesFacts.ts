/**
 * The per-ticket facts of the time in status accumulators: {@link measureStatusTimes} of each
 * row, computed ONCE per ticket whatever the number of figures and segments that read it.
 *
 * @internal
 * @module
 */
import type { Schedule } from "../../models/schedule.ts";
import { rowTicket, type FactsProvider, type TicketBatch } from "../../models/ticketBatch.ts";
import type { AnomalyReason } from "./durationTypes.ts";
import { providerCache } from "./_providerCache.ts";
import { measureStatusTimes, type StatusTimeSkip, type StatusTimeValues } from "./statusTimes.ts";

/** The figures the accumulators summarise, in report order. @internal */
export const STATUS_FIGURES = [
  "new",
  "open",
  "pending",
  "on_hold",
  "agentWork",
  "agentWait",
  "onHold",
  "solve",
  "unassigned",
  "firstAssignmentToResolution",
  "lastAssignmentToResolution",
] as const satisfies readonly (keyof StatusTimeValues)[];

/** A figure of {@link STATUS_FIGURES}. @internal */
export type StatusFigure = (typeof STATUS_FIGURES)[number];

const N = STATUS_FIGURES.length;

/** Row codes: measured, or a reason. @internal */
export const MEASURED = 0;
/** The reasons of row codes 1, 2, … (skips, then anomalies). @internal */
export const STATUS_REASONS: readonly (StatusTimeSkip | AnomalyReason)[] = [
  "unresolved",
  "noSolveTime",
  "noStatusHistory",
  "statusBeforeCreated",
  "solvedBeforeCreated",
];
/** The first anomaly among {@link STATUS_REASONS} (codes from `ANOMALY_CODE + 1`). @internal */
export const ANOMALY_CODE = 3;

/** The facts of a batch's rows: a code per row, and per row and figure (index `row · N + figure`) its ms, `NaN` when it has none. @internal */
export interface StatusTimesFacts {
  /** {@link MEASURED} or 1 + an index in {@link STATUS_REASONS}. */
  readonly code: Uint8Array;
  /** Calendar ms. */
  readonly cal: Float64Array;
  /** Business ms (`NaN` without a schedule). */
  readonly bus: Float64Array;
}

/** Where figure `name` of `row` is in the facts' arrays. @internal */
export function figureAt(row: number, name: StatusFigure): number {
  return row * N + STATUS_FIGURES.indexOf(name);
}

/**
 * The status times provider for `schedule` (`undefined`: calendar only), whose errors name `fn`;
 * the same arguments give the same provider, so a composition measures each ticket once.
 *
 * @internal
 */
export const statusTimesFacts: (schedule: Schedule | undefined, fn: string) => FactsProvider<StatusTimesFacts> = providerCache(
  (schedule, fn) => makeProvider(schedule, fn),
);

function write(target: Float64Array, at: number, values: StatusTimeValues | undefined): void {
  for (let d = 0; d < N; d++)
    target[at + d] = values === undefined ? Number.NaN : (values[STATUS_FIGURES[d] as StatusFigure] ?? Number.NaN);
}

function makeProvider(schedule: Schedule | undefined, fn: string): FactsProvider<StatusTimesFacts> {
  return {
    name: schedule === undefined ? "statusTimes" : "statusTimes (business hours)",
    create: (capacity) => ({ code: new Uint8Array(capacity), cal: new Float64Array(capacity * N), bus: new Float64Array(capacity * N) }),
    observe(f, batch: TicketBatch, row) {
      const r = measureStatusTimes(fn, rowTicket(batch, row), schedule);
      const at = row * N;
      if (r.kind !== "measured") {
        f.code[row] = 1 + STATUS_REASONS.indexOf(r.reason);
        return;
      }
      f.code[row] = MEASURED;
      write(f.cal, at, r.calendar);
      write(f.bus, at, r.business);
    },
  };
}
