import { MetricRangeError } from "../../_lib/errors.ts";
import { assertDate } from "../../_lib/guards.ts";
import { fold } from "../../_lib/group.ts";
import type { Ticket } from "../../models/ticket.ts";
import { typeAccumulator, typeShareList } from "./typeTallies.ts";

/**
 * Options of {@link typeShares}.
 *
 * @category Volume
 */
export interface TypeSharesOptions {
  /** Count only tickets created at or after this instant. Default: no lower bound. */
  readonly from?: Date;
  /** Count only tickets created before this instant. Default: no upper bound. */
  readonly to?: Date;
}

/**
 * One ticket type's count and share.
 *
 * @category Volume
 */
export interface TypeShare {
  /** The ticket `type`, or `"(none)"` for tickets without one (absent or empty). */
  readonly type: string;
  /** Tickets of this type. */
  readonly count: number;
  /** `count / total`, from 0 to 1. */
  readonly share: number;
}

/**
 * The result of {@link typeShares}.
 *
 * @category Volume
 */
export interface TypeSharesResult {
  /** Every type seen, most tickets first (ties in code-unit order of the type); `"(none)"` included. */
  readonly types: readonly TypeShare[];
  /** The known type(s) with the most tickets: several on a tie, empty when no ticket has a type. `"(none)"` is never the most common type. */
  readonly mostCommon: readonly string[];
  /** Tickets counted. */
  readonly total: number;
  /** Tickets not counted, by reason (both 0 without `from` and `to`). */
  readonly skipped: {
    /** `createdAt` is not a valid Date while `from` or `to` is given. */
    readonly invalidCreatedAt: number;
    /** Created outside `[from, to)`. */
    readonly outsideRange: number;
  };
}

/**
 * Ticket types: the count and share of each type among the tickets (optionally those created
 * in `[from, to)`), and the most common type.
 *
 * @param tickets - The tickets; reads `type` and, when `from` or `to` is given, `createdAt`.
 * @param options - {@link TypeSharesOptions}: optional `from` and `to`.
 * @returns The per-type counts and shares, busiest first; `types` is empty and `total` 0 when
 * no ticket is counted (no share is computed then, so none is `NaN`).
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `from` or `to` is given and not a valid
 * Date; `E_PERIOD_ORDER` if `to` is before `from`.
 * @remarks Tickets with no `type` (absent or `""`) are counted under `"(none)"`, so the shares
 * add up to 1 over all tickets; `mostCommon` considers known types only. Types are compared
 * as written (`"Billing"` and `"billing"` are two types): normalise them before.
 * Grouping uses the library's single grouping mechanism, so the same counts come out of a
 * report segmented by type.
 * @example
 * ```ts
 * const at = new Date("2026-01-05T10:00:00Z");
 * const t = typeShares([
 *   { id: "1", createdAt: at, status: "open", type: "billing" },
 *   { id: "2", createdAt: at, status: "open", type: "billing" },
 *   { id: "3", createdAt: at, status: "open", type: "delivery" },
 *   { id: "4", createdAt: at, status: "open" },
 * ]);
 * t.types.map((x) => [x.type, x.share]); // => [["billing", 0.5], ["(none)", 0.25], ["delivery", 0.25]]
 * t.mostCommon;                          // => ["billing"]
 * ```
 * @see "4 مقاييس دعم العملاء التي تدفع النمو" (volume per ticket type; the most common ticket)
 * @category Volume
 */
export function typeShares(tickets: readonly Ticket[], options: TypeSharesOptions = {}): TypeSharesResult {
  const { from, to } = options;
  if (from !== undefined) assertDate("typeShares", "from", from);
  if (to !== undefined) assertDate("typeShares", "to", to);
  if (from !== undefined && to !== undefined && to.getTime() < from.getTime()) {
    throw new MetricRangeError("E_PERIOD_ORDER", `typeShares: to must not be before from (${from.toISOString()}), got ${to.toISOString()}`);
  }
  const window = from === undefined && to === undefined ? undefined : { from: from?.getTime() ?? -Infinity, to: to?.getTime() ?? Infinity };
  const accumulator = typeAccumulator(window, undefined, (state) => ({
    ...typeShareList([...state.groups].map(([type, t]) => [type, t.period] as const)),
    skipped: { invalidCreatedAt: state.invalidCreatedAt, outsideRange: state.outside },
  }));
  return accumulator.result(fold(tickets, accumulator));
}
