/**
 * {@link volumeByPeriod}, {@link statusesOverTime} and {@link peakHours} as accumulators with a
 * serialisable state: partial states folded in other processes can be written to JSON, read
 * back and merged, and the result equals the array function on the whole input (each array
 * function is a fold of its accumulator).
 *
 * @module
 */
import type { MetricAccumulator } from "../../_lib/accumulator.ts";
import { bucketGrid } from "../../_lib/bucket.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import type { Ticket } from "../../models/ticket.ts";
import { peakAccumulator, type PeakState } from "./peakHoursState.ts";
import { statusesAccumulator, type StatusesState } from "./statusesOverTimeState.ts";
import { volumeAccumulator, type VolumeState } from "./volumeByPeriodState.ts";
import type { PeakHoursOptions, PeakHoursResult } from "./peakHours.ts";
import type { StatusesOverTimeOptions, StatusesOverTimeResult } from "./statusesOverTime.ts";
import type { VolumeByPeriodOptions, VolumeByPeriodResult } from "./volumeByPeriod.ts";

/** {@link volumeByPeriodAccumulator} with errors naming `fn` (the array function uses its own name). @internal */
export function volumeByPeriodAccumulatorOf(
  fn: string,
  options: VolumeByPeriodOptions,
): MetricAccumulator<Ticket, VolumeState, VolumeByPeriodResult> {
  return volumeAccumulator(bucketGrid(fn, options.from, options.to, options.unit ?? "day", options.timeZone));
}

/**
 * Ticket and message volume per calendar bucket as an accumulator: per bucket of `[from, to)`
 * in `timeZone`, tickets created, resolved, active and in backlog at the bucket's end, and
 * customer messages in vs public agent messages out, exactly as {@link volumeByPeriod}.
 *
 * @param options - {@link VolumeByPeriodOptions}: `from`, `to`, `timeZone` (all required) and `unit` (default `"day"`).
 * @returns The accumulator (`name` `"volumeByPeriod"`); its `result` is the {@link VolumeByPeriodResult}
 * that `volumeByPeriod(tickets, options)` returns for the tickets added. Never `undefined`.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `from` or `to` is not a valid Date;
 * `E_PERIOD_ORDER` if `to` is before `from`; `E_TIME_ZONE` for an unknown time zone;
 * `E_BUCKET_UNIT` for another unit; `E_BUCKET_LIMIT` beyond 1,000,000 buckets; `E_STATE_FORMAT`
 * from `fromJSON` for anything but a state of this accumulator's options.
 * @remarks The counting rules are those of {@link volumeByPeriod}. The state holds four counts
 * per bucket of the range (32 bytes each), whatever the number of tickets. Its JSON form
 * (`kind` `"volumeByPeriod"`, `v` 1) holds the counts of each bucket, `null` for an unseen
 * earliest or latest `createdAt`, and the skip counts; it is only meaningful to an accumulator
 * made with the same options, and `fromJSON` refuses one whose bucket count differs. Merging is
 * exact (integer counts): the result does not depend on how the tickets were split.
 * @example
 * ```ts
 * const at = (d: number, h: number) => new Date(Date.UTC(2026, 2, d, h));
 * const acc = volumeByPeriodAccumulator({ from: at(1, 0), to: at(4, 0), timeZone: "UTC" });
 * const a = acc.create();
 * acc.add(a, { id: "a", createdAt: at(1, 9), status: "solved", solvedAt: at(2, 10) });
 * const b = acc.fromJSON(JSON.parse(JSON.stringify(acc.toJSON(acc.create()))));
 * acc.add(b, { id: "b", createdAt: at(1, 15), status: "open" });
 * const v = acc.result(acc.merge(a, b));
 * v.buckets.map((x) => x.created); // => [2, 0, 0]
 * v.buckets.map((x) => x.backlog); // => [2, 1, 1]
 * ```
 * @see "4 مقاييس دعم العملاء التي تدفع النمو" (incoming vs outgoing messages, active tickets, new tickets over time)
 * @category Volume
 */
export function volumeByPeriodAccumulator(options: VolumeByPeriodOptions): MetricAccumulator<Ticket, VolumeState, VolumeByPeriodResult> {
  return volumeByPeriodAccumulatorOf("volumeByPeriodAccumulator", options);
}

/** {@link statusesOverTimeAccumulator} with errors naming `fn`. @internal */
export function statusesOverTimeAccumulatorOf(
  fn: string,
  options: StatusesOverTimeOptions,
): MetricAccumulator<Ticket, StatusesState, StatusesOverTimeResult> {
  return statusesAccumulator(bucketGrid(fn, options.from, options.to, options.unit ?? "day", options.timeZone));
}

/**
 * Ticket counts by status at the end of each calendar bucket as an accumulator: per bucket of
 * `[from, to)` in `timeZone`, the tickets unresolved, resolved, unassigned and (from status
 * histories) in each status just before the bucket's end, exactly as {@link statusesOverTime}.
 *
 * @param options - {@link StatusesOverTimeOptions}: `from`, `to`, `timeZone` (required) and `unit` (default `"day"`).
 * @returns The accumulator (`name` `"statusesOverTime"`); its `result` is the {@link StatusesOverTimeResult}
 * that `statusesOverTime(tickets, options)` returns for the tickets added.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `from` or `to` is not a valid Date;
 * `E_PERIOD_ORDER` if `to` is before `from`; `E_TIME_ZONE` for an unknown time zone;
 * `E_BUCKET_UNIT` for another unit; `E_BUCKET_LIMIT` beyond 1,000,000 buckets; `E_STATE_FORMAT`
 * from `fromJSON` for anything but a state of this accumulator's options.
 * @remarks The counting rules are those of {@link statusesOverTime}. A ticket adds +1 and −1
 * change events to ten series (one per status, unresolved and resolved without history,
 * unassigned, assignment unknown) in the buckets where it enters and leaves them; the counts
 * at each bucket end are the running sums, taken in `result`. So the state holds ten net
 * changes per bucket (80 bytes each), which may be negative, whatever the number of tickets.
 * Its JSON form has `kind` `"statusesOverTime"`, `v` 1; `fromJSON` refuses one whose bucket
 * count differs. Merging is exact.
 * @example
 * ```ts
 * const at = (d: number) => new Date(Date.UTC(2026, 2, d, 12));
 * const acc = statusesOverTimeAccumulator({ from: new Date(Date.UTC(2026, 2, 1)), to: new Date(Date.UTC(2026, 2, 3)), timeZone: "UTC" });
 * const s = acc.create();
 * acc.add(s, { id: "a", createdAt: at(1), status: "solved", solvedAt: at(2),
 *   statusHistory: [{ at: at(1), status: "open" }, { at: at(2), status: "solved" }] });
 * acc.add(s, { id: "b", createdAt: at(1), status: "open" });
 * const r = acc.result(acc.fromJSON(JSON.parse(JSON.stringify(acc.toJSON(s)))));
 * r.buckets.map((b) => b.unresolved); // => [2, 1]
 * r.buckets.map((b) => b.unassigned); // => [2, 1]
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (tickets unassigned, open, pending, resolved)
 * @category Volume
 */
export function statusesOverTimeAccumulator(
  options: StatusesOverTimeOptions,
): MetricAccumulator<Ticket, StatusesState, StatusesOverTimeResult> {
  return statusesOverTimeAccumulatorOf("statusesOverTimeAccumulator", options);
}

/** {@link peakHoursAccumulator} with errors naming `fn`. @internal */
export function peakHoursAccumulatorOf(fn: string, options: PeakHoursOptions): MetricAccumulator<Ticket, PeakState, PeakHoursResult> {
  const topN = options.topN ?? 3;
  if (!Number.isInteger(topN) || topN < 1 || topN > 24) {
    throw new MetricRangeError("E_TOP_N", `${fn}: topN must be an integer from 1 to 24, got ${String(topN)}`);
  }
  return peakAccumulator(bucketGrid(fn, options.from, options.to, "hour", options.timeZone), topN);
}

/**
 * Peak hours as an accumulator: new tickets per local weekday × hour of day in `timeZone`,
 * each cell's average being its sum divided by the number of times that weekday-hour occurred
 * in `[from, to)`, with the busiest hour, day and cell and the share of the top hours, exactly
 * as {@link peakHours}.
 *
 * @param options - {@link PeakHoursOptions}: `from`, `to`, `timeZone` (required) and `topN` (default 3).
 * @returns The accumulator (`name` `"peakHours"`); its `result` is the {@link PeakHoursResult}
 * that `peakHours(tickets, options)` returns for the tickets added (busiest entries and
 * `top.share` `undefined` when no ticket was counted).
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `from` or `to` is not a valid Date;
 * `E_PERIOD_ORDER` if `to` is before `from`; `E_TIME_ZONE` for an unknown time zone;
 * `E_TOP_N` if `topN` is not an integer from 1 to 24; `E_BUCKET_LIMIT` beyond 1,000,000 hours;
 * `E_STATE_FORMAT` from `fromJSON` for anything but a state of this accumulator.
 * @remarks The counting rules are those of {@link peakHours}. The state is 168 counts (one per
 * weekday-hour cell) and two skip counts; occurrences and averages are computed in `result`
 * from the range. Its JSON form has `kind` `"peakHours"`, `v` 1. Merging is exact.
 * @example
 * ```ts
 * const at = (d: number, h: number) => new Date(Date.UTC(2026, 2, d, h));
 * // 2026-03-02 is a Monday; the range is two whole weeks.
 * const acc = peakHoursAccumulator({ from: at(2, 0), to: at(16, 0), timeZone: "UTC", topN: 1 });
 * const a = acc.create();
 * const b = acc.create();
 * acc.add(a, { id: "1", createdAt: at(2, 9), status: "new" });
 * acc.add(a, { id: "2", createdAt: at(2, 9), status: "new" });
 * acc.add(b, { id: "3", createdAt: at(9, 9), status: "new" });
 * acc.add(b, { id: "4", createdAt: at(4, 14), status: "new" });
 * const p = acc.result(acc.merge(a, acc.fromJSON(JSON.parse(JSON.stringify(acc.toJSON(b))))));
 * p.cells[0]?.[9]?.average; // => 1.5
 * p.top.share;              // => 0.75
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (new conversations and the peak hours of the day)
 * @category Volume
 */
export function peakHoursAccumulator(options: PeakHoursOptions): MetricAccumulator<Ticket, PeakState, PeakHoursResult> {
  return peakHoursAccumulatorOf("peakHoursAccumulator", options);
}
