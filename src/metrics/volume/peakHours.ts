import { bucketGrid, wallClock } from "../../_lib/bucket.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import type { Ticket } from "../../models/ticket.ts";
import type { Weekday } from "../../models/schedule.ts";
import { isValidDate } from "./_timeline.ts";

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
  readonly busiestHour: (PeakSlot & { readonly hour: number }) | undefined;
  /** The weekday with the highest average per occurrence, `undefined` when no ticket was counted. */
  readonly busiestDay: (PeakSlot & { readonly weekday: Weekday }) | undefined;
  /** The weekday-hour cell with the highest average, `undefined` when no ticket was counted. */
  readonly busiestSlot: (PeakSlot & { readonly weekday: Weekday; readonly hour: number }) | undefined;
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

const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

function slot(sum: number, occurrences: number): PeakSlot {
  return { sum, occurrences, average: occurrences === 0 ? undefined : sum / occurrences };
}

/** Index of the highest average (first on ties), or −1 when every average is absent. */
function argmax(slots: readonly PeakSlot[]): number {
  let best = -1;
  for (let i = 0; i < slots.length; i++) {
    const average = slots[i]?.average;
    if (average !== undefined && (best < 0 || average > (slots[best]?.average as number))) best = i;
  }
  return best;
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
 * @category Volume
 */
export function peakHours(tickets: readonly Ticket[], options: PeakHoursOptions): PeakHoursResult {
  const topN = options.topN ?? 3;
  if (!Number.isInteger(topN) || topN < 1 || topN > 24) {
    throw new MetricRangeError("E_TOP_N", `peakHours: topN must be an integer from 1 to 24, got ${String(topN)}`);
  }
  const grid = bucketGrid("peakHours", options.from, options.to, "hour", options.timeZone);
  const n = grid.length;
  const cellOf = new Int32Array(n);
  const occurrences = new Float64Array(7 * 24);
  const days = new Float64Array(7);
  const seenHours = new Set<string>();
  let lastDate = "";
  for (let k = 0; k < n; k++) {
    const local = wallClock(grid.starts[k]?.getTime() as number, options.timeZone);
    const weekday = (local.getUTCDay() + 6) % 7;
    const hour = local.getUTCHours();
    const cell = weekday * 24 + hour;
    cellOf[k] = cell;
    const date = String(Math.floor(local.getTime() / 86_400_000));
    if (date !== lastDate) {
      days[weekday] = (days[weekday] as number) + 1;
      lastDate = date;
    }
    const key = `${date} ${String(hour)}`;
    if (!seenHours.has(key)) {
      seenHours.add(key);
      occurrences[cell] = (occurrences[cell] as number) + 1;
    }
  }
  const sums = new Float64Array(7 * 24);
  let total = 0;
  let invalidCreatedAt = 0;
  let outsideRange = 0;
  for (const ticket of tickets) {
    if (!isValidDate(ticket.createdAt)) {
      invalidCreatedAt++;
      continue;
    }
    const k = grid.indexOf(ticket.createdAt.getTime());
    if (k < 0) {
      outsideRange++;
      continue;
    }
    const cell = cellOf[k] as number;
    sums[cell] = (sums[cell] as number) + 1;
    total++;
  }
  const cells = WEEKDAYS.map((_, w) => Array.from({ length: 24 }, (_, h) => slot(sums[w * 24 + h] as number, occurrences[w * 24 + h] as number)));
  const byHour = Array.from({ length: 24 }, (_, h) => {
    let sum = 0;
    let occ = 0;
    for (let w = 0; w < 7; w++) {
      sum += sums[w * 24 + h] as number;
      occ += occurrences[w * 24 + h] as number;
    }
    return slot(sum, occ);
  });
  const byWeekday = WEEKDAYS.map((_, w) => {
    let sum = 0;
    for (let h = 0; h < 24; h++) sum += sums[w * 24 + h] as number;
    return slot(sum, days[w] as number);
  });
  const ranked = byHour.map((s, hour) => ({ hour, sum: s.sum })).sort((a, b) => b.sum - a.sum || a.hour - b.hour).slice(0, topN);
  const topCount = ranked.reduce((acc, r) => acc + r.sum, 0);
  const hour = argmax(byHour);
  const day = argmax(byWeekday);
  const flat = cells.flat();
  const best = argmax(flat);
  const any = total > 0;
  return {
    weekdays: WEEKDAYS,
    cells,
    byHour,
    byWeekday,
    busiestHour: any && hour >= 0 ? { hour, ...(byHour[hour] as PeakSlot) } : undefined,
    busiestDay: any && day >= 0 ? { weekday: WEEKDAYS[day] as Weekday, ...(byWeekday[day] as PeakSlot) } : undefined,
    busiestSlot:
      any && best >= 0 ? { weekday: WEEKDAYS[Math.floor(best / 24)] as Weekday, hour: best % 24, ...(flat[best] as PeakSlot) } : undefined,
    top: { hours: ranked.map((r) => r.hour), count: topCount, share: any ? topCount / total : undefined },
    total,
    skipped: { invalidCreatedAt, outsideRange },
  };
}
