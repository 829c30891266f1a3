import { foldInto } from "../../_lib/accumulator.ts";
import type { Ticket } from "../../models/ticket.ts";
import type { Weekday } from "../../models/schedule.ts";
import { peakHoursAccumulatorOf } from "./volumeAccumulators.ts";

/**
 * Options of {@link peakHours}.
 *
 * @category Volume
 */
export interface PeakHoursOptions {
  /** The start of the range (inclusive). Required. */
  readonly from: Date;
  /** The end of the range (exclusive). Required. */
  readonly to: Date;
  /** The IANA time zone whose local clock defines weekday and hour. Required. */
  readonly timeZone: string;
  /** How many hours of the day `top` reports: an integer from 1 to 24. Default: 3. */
  readonly topN?: number;
}

/**
 * The heatmap cell, hour of day or weekday with the highest average.
 *
 * @category Volume
 */
export interface PeakSlot {
  /** Tickets created in this slot over the whole range. */
  readonly sum: number;
  /** How many times the slot occurred in the range (local dates on which it existed). */
  readonly occurrences: number;
  /** `sum / occurrences`: the average per occurrence, `undefined` when it never occurred. */
  readonly average: number | undefined;
}

/**
 * The result of {@link peakHours}. Rows are weekdays Monday first (`weekdays[i]`), columns
 * local hours 0–23.
 *
 * @category Volume
 */
export interface PeakHoursResult {
  /** The row order: `["mon", "tue", "wed", "thu", "fri", "sat", "sun"]`. */
  readonly weekdays: readonly Weekday[];
  /** `cells[weekday][hour]`: sum, occurrences and average of that weekday-hour. */
  readonly cells: readonly (readonly PeakSlot[])[];
  /** Per local hour of day (24 entries): sums over all weekdays; occurrences are the dates on which that hour existed. */
  readonly byHour: readonly PeakSlot[];
  /** Per weekday (7 entries, Monday first): sums and the number of those weekdays in the range. */
  readonly byWeekday: readonly PeakSlot[];
  /** The hour of day with the highest average per day, `undefined` when no ticket was counted. */
  readonly busiestHour:
    | (PeakSlot & {
        /** The hour of day, 0–23, in `timeZone`. */
        readonly hour: number;
      })
    | undefined;
  /** The weekday with the highest average per occurrence, `undefined` when no ticket was counted. */
  readonly busiestDay:
    | (PeakSlot & {
        /** The weekday, `"mon"` to `"sun"`. */
        readonly weekday: Weekday;
      })
    | undefined;
  /** The weekday-hour cell with the highest average, `undefined` when no ticket was counted. */
  readonly busiestSlot:
    | (PeakSlot & {
        /** The weekday, `"mon"` to `"sun"`. */
        readonly weekday: Weekday;
        /** The hour of day, 0–23, in `timeZone`. */
        readonly hour: number;
      })
    | undefined;
  /** The `topN` hours of day with the most tickets and their share of all counted tickets. */
  readonly top: {
    /** The hours, busiest first (ties: the earlier hour first). */
    readonly hours: readonly number[];
    /** Tickets created in those hours. */
    readonly count: number;
    /** `count / total`, from 0 to 1; `undefined` when no ticket was counted. */
    readonly share: number | undefined;
  };
  /** Tickets counted: created in `[from, to)`. */
  readonly total: number;
  /** Tickets not counted, by reason. */
  readonly skipped: {
    /** `createdAt` is not a valid Date. */
    readonly invalidCreatedAt: number;
    /** Created outside `[from, to)`. */
    readonly outsideRange: number;
  };
}

/**
 * Peak hours: new tickets per local weekday × hour of day in a time zone, each cell's
 * average being its sum divided by the number of times that weekday-hour occurred in the
 * range, with the busiest hour, day and cell and the share of volume in the top hours.
 *
 * @param tickets - The tickets; reads `createdAt`.
 * @param options - {@link PeakHoursOptions}: `from`, `to`, `timeZone` (required) and `topN` (default 3).
 * @returns The heatmap and its summaries; the busiest entries and `top.share` are `undefined`
 * when no ticket was created in the range.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `from` or `to` is not a valid Date;
 * `E_PERIOD_ORDER` if `to` is before `from`; `E_TIME_ZONE` for an unknown time zone;
 * `E_TOP_N` if `topN` is not an integer from 1 to 24; `E_BUCKET_LIMIT` beyond 1,000,000 hours.
 * @remarks A ticket counts in the cell of its `createdAt` read on the local clock of
 * `timeZone`. Occurrences count local dates: the cell (Sunday, 02:00) occurs once on each
 * Sunday of the range on which 02:00 exists, so a spring-forward Sunday adds no occurrence to
 * it, and the fall-back Sunday adds ONE occurrence to (Sunday, 01:00) while both of its
 * 01:00 hours add to the sum: the averages are per day. An hour that `[from, to)` covers only
 * in part counts as a full occurrence, so use whole days (or weeks) for fair averages.
 * Busiest entries compare averages, not sums, so a weekday that occurs five times in a
 * month is not favoured over one that occurs four times; ties go to the earlier weekday
 * (Monday first) or hour. `top` ranks hours of day by their sums. Queueing models such as
 * Erlang C take these averages (per half hour or hour) as arrival rates.
 * @example
 * ```ts
 * const at = (d: number, h: number) => new Date(Date.UTC(2026, 2, d, h));
 * // 2026-03-02 is a Monday; the range is two whole weeks.
 * const p = peakHours(
 *   [
 *     { id: "1", createdAt: at(2, 9), status: "new" },
 *     { id: "2", createdAt: at(2, 9), status: "new" },
 *     { id: "3", createdAt: at(9, 9), status: "new" },
 *     { id: "4", createdAt: at(4, 14), status: "new" },
 *   ],
 *   { from: at(2, 0), to: at(16, 0), timeZone: "UTC", topN: 1 },
 * );
 * p.cells[0]?.[9]?.average; // => 1.5
 * p.busiestDay?.weekday;    // => "mon"
 * p.busiestHour?.hour;      // => 9
 * p.top.share;              // => 0.75
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (new conversations and the peak hours of the day)
 * @see {@link peakHoursAccumulator} for the same counts folded ticket by ticket, with a serialisable state.
 * @category Volume
 */
export function peakHours(tickets: readonly Ticket[], options: PeakHoursOptions): PeakHoursResult {
  const accumulator = peakHoursAccumulatorOf("peakHours", options);
  return accumulator.result(foldInto(accumulator, tickets));
}
