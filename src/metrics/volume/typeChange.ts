import { fold } from "../../_lib/group.ts";
import type { Ticket } from "../../models/ticket.ts";
import { relativeChange, typeAccumulator, typeChangeList } from "./typeTallies.ts";
import { checkPeriod, windowOf, type TypePeriod } from "./_typeTally.ts";

/**
 * Options of {@link typeChange}.
 *
 * @category Volume
 */
export interface TypeChangeOptions {
  /** The period to compare against, e.g. last quarter. Required. */
  readonly baseline: TypePeriod;
  /** The period compared, e.g. this quarter. Required. */
  readonly period: TypePeriod;
}

/**
 * One ticket type's change between the baseline and the period.
 *
 * @category Volume
 */
export interface TypeChangeEntry {
  /** The ticket `type`, or `"(none)"` for tickets without one. */
  readonly type: string;
  /** Tickets of this type created in the baseline. */
  readonly baseline: number;
  /** Tickets of this type created in the period. */
  readonly period: number;
  /** `period − baseline`, in tickets. */
  readonly change: number;
  /** `(period − baseline) / baseline` as a fraction (0.2 = +20 %); `undefined` when the baseline has none. */
  readonly relativeChange: number | undefined;
  /** This type's share of the baseline's tickets, `undefined` when the baseline has no tickets. */
  readonly baselineShare: number | undefined;
  /** This type's share of the period's tickets, `undefined` when the period has no tickets. */
  readonly periodShare: number | undefined;
  /** `periodShare − baselineShare` (a difference of fractions), `undefined` when either is. */
  readonly shareChange: number | undefined;
}

/**
 * The result of {@link typeChange}.
 *
 * @category Volume
 */
export interface TypeChangeResult {
  /** Every type seen in either period, most period tickets first (then most baseline tickets, then by type). */
  readonly types: readonly TypeChangeEntry[];
  /** All types together. */
  readonly total: {
    /** Tickets created in the baseline. */
    readonly baseline: number;
    /** Tickets created in the period. */
    readonly period: number;
    /** `period − baseline`. */
    readonly change: number;
    /** `(period − baseline) / baseline`, `undefined` when the baseline has no tickets. */
    readonly relativeChange: number | undefined;
  };
  /** Tickets in neither period, by reason. */
  readonly skipped: {
    /** `createdAt` is not a valid Date. */
    readonly invalidCreatedAt: number;
    /** Created in neither period. */
    readonly outsideBoth: number;
  };
}

/**
 * Ticket type trend: per type, the tickets created in a period against a baseline period, as
 * a difference in tickets and a relative change `(period − baseline) / baseline`, with each
 * type's share of both periods.
 *
 * @param tickets - The tickets; reads `createdAt` and `type`.
 * @param options - {@link TypeChangeOptions}: `baseline` and `period` (both required).
 * @returns One entry per type seen in either period (empty when both periods have no
 * tickets); relative changes and shares are `undefined` where their denominator is 0.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if a period bound is not a valid Date;
 * `E_PERIOD_ORDER` if a period ends before it starts.
 * @remarks Counts are raw: periods of different lengths (a 31-day month against a 28-day
 * one) change counts for no other reason, so compare equal spans or use the shares, which do
 * not depend on length. Tickets without a type are one entry, `"(none)"`. A type absent from
 * the baseline has `relativeChange: undefined` (growth from nothing has no ratio; see
 * {@link newTypes}). If the periods overlap, a ticket in both counts in both.
 * @example
 * ```ts
 * const tickets = (type: string, n: number, at: Date) =>
 *   Array.from({ length: n }, (_, i) => ({ id: `${type}${at.getTime()}${i}`, createdAt: at, status: "open" as const, type }));
 * const q3 = new Date("2025-08-15T00:00:00Z");
 * const q4 = new Date("2025-11-15T00:00:00Z");
 * const result = typeChange(
 *   [...tickets("product question", 50, q3), ...tickets("product question", 60, q4)],
 *   {
 *     baseline: { from: new Date("2025-07-01T00:00:00Z"), to: new Date("2025-10-01T00:00:00Z") },
 *     period: { from: new Date("2025-10-01T00:00:00Z"), to: new Date("2026-01-01T00:00:00Z") },
 *   },
 * );
 * result.types[0]?.change;         // => 10
 * result.types[0]?.relativeChange; // => 0.2
 * ```
 * @see "4 مقاييس دعم العملاء التي تدفع النمو" (product questions up 20 % at the end of the year)
 * @category Volume
 */
export function typeChange(tickets: readonly Ticket[], options: TypeChangeOptions): TypeChangeResult {
  checkPeriod("typeChange", "baseline", options.baseline);
  checkPeriod("typeChange", "period", options.period);
  const accumulator = typeAccumulator(windowOf(options.period), windowOf(options.baseline), (state) => ({
    types: typeChangeList(state.groups, state.baseline, state.period),
    total: {
      baseline: state.baseline,
      period: state.period,
      change: state.period - state.baseline,
      relativeChange: relativeChange(state.baseline, state.period),
    },
    skipped: { invalidCreatedAt: state.invalidCreatedAt, outsideBoth: state.outside },
  }));
  return accumulator.result(fold(tickets, accumulator));
}
