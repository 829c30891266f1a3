import { fold } from "../../_lib/group.ts";
import type { Ticket } from "../../models/ticket.ts";
import { newTypeList, typeAccumulator } from "./typeTallies.ts";
import { checkPeriod, windowOf, type TypePeriod } from "./_typeTally.ts";

/**
 * Options of {@link newTypes}.
 *
 * @category Volume
 */
export interface NewTypesOptions {
  /** The period whose types are already known, e.g. the previous 12 months. Required. */
  readonly baseline: TypePeriod;
  /** The period to look for new types in, e.g. this month. Required. */
  readonly period: TypePeriod;
}

/**
 * A ticket type seen in the period but never in the baseline.
 *
 * @category Volume
 */
export interface NewType {
  /** The ticket `type`. */
  readonly type: string;
  /** Tickets of this type created in the period. */
  readonly count: number;
  /** The earliest `createdAt` of this type in the period. */
  readonly firstSeen: Date;
}

/**
 * The result of {@link newTypes}.
 *
 * @category Volume
 */
export interface NewTypesResult {
  /** The new types, earliest `firstSeen` first (ties by type). Empty when there are none. */
  readonly types: readonly NewType[];
  /** Tickets created in the period. */
  readonly periodTickets: number;
  /** Tickets created in the baseline. */
  readonly baselineTickets: number;
  /** Of `periodTickets`, those with no `type`: they can never be a new type. */
  readonly untypedInPeriod: number;
  /** Tickets in neither count, by reason. */
  readonly skipped: {
    /** `createdAt` is not a valid Date. */
    readonly invalidCreatedAt: number;
    /** Created in neither period. */
    readonly outsideBoth: number;
  };
}

/**
 * New ticket types: the types of tickets created in a period that no ticket created in a
 * baseline period had ("a brand-new issue you have never seen before").
 *
 * @param tickets - The tickets; reads `createdAt` and `type`.
 * @param options - {@link NewTypesOptions}: `baseline` and `period` (both required).
 * @returns The new types with their counts and first appearance; `types` is empty when
 * there are none (including when the period has no tickets).
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if a period bound is not a valid Date;
 * `E_PERIOD_ORDER` if a period ends before it starts.
 * @remarks Periods are half-open `[from, to)` on `createdAt`. They usually do not overlap (the
 * baseline before the period); if they do, a ticket in both counts in both, so its type is
 * not new. Tickets without a type (absent or `""`, grouped as `"(none)"`) are never a new
 * type; they are counted in `untypedInPeriod`. Types are compared exactly as written.
 * Tickets with an invalid `createdAt` or outside both periods are counted in `skipped`.
 * @example
 * ```ts
 * const at = (m: number, d: number) => new Date(Date.UTC(2026, m - 1, d));
 * const result = newTypes(
 *   [
 *     { id: "1", createdAt: at(1, 10), status: "solved", type: "billing" },
 *     { id: "2", createdAt: at(2, 3), status: "open", type: "billing" },
 *     { id: "3", createdAt: at(2, 9), status: "open", type: "missing confirmation email" },
 *     { id: "4", createdAt: at(2, 4), status: "open", type: "missing confirmation email" },
 *   ],
 *   { baseline: { from: at(1, 1), to: at(2, 1) }, period: { from: at(2, 1), to: at(3, 1) } },
 * );
 * result.types.map((t) => [t.type, t.count]); // => [["missing confirmation email", 2]]
 * result.types[0]?.firstSeen.toISOString();   // => "2026-02-04T00:00:00.000Z"
 * ```
 * @see "4 مقاييس دعم العملاء التي تدفع النمو" (is there a brand-new issue you have never seen before?)
 * @category Volume
 */
export function newTypes(tickets: readonly Ticket[], options: NewTypesOptions): NewTypesResult {
  checkPeriod("newTypes", "baseline", options.baseline);
  checkPeriod("newTypes", "period", options.period);
  const accumulator = typeAccumulator(windowOf(options.period), windowOf(options.baseline), (state) => {
    const found = newTypeList(state.groups);
    return {
      types: found.types,
      periodTickets: state.period,
      baselineTickets: state.baseline,
      untypedInPeriod: found.untyped,
      skipped: { invalidCreatedAt: state.invalidCreatedAt, outsideBoth: state.outside },
    };
  });
  return accumulator.result(fold(tickets, accumulator));
}
