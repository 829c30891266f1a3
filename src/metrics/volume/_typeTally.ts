import { MetricRangeError } from "../../_lib/errors.ts";
import { assertDate } from "../../_lib/guards.ts";
import type { CreationWindow } from "./typeTallies.ts";

/**
 * A half-open time span `[from, to)` of ticket creation times, for comparing ticket types
 * between two periods.
 *
 * @category Volume
 */
export interface TypePeriod {
  /** The start (inclusive). */
  readonly from: Date;
  /** The end (exclusive); not before `from`. */
  readonly to: Date;
}

/** Throws `E_INVALID_DATE` / `E_PERIOD_ORDER` for a bad `name` period. @internal */
export function checkPeriod(fn: string, name: string, period: TypePeriod): void {
  assertDate(fn, `${name}.from`, period.from);
  assertDate(fn, `${name}.to`, period.to);
  if (period.to.getTime() < period.from.getTime()) {
    throw new MetricRangeError(
      "E_PERIOD_ORDER",
      `${fn}: ${name}.to must not be before ${name}.from (${period.from.toISOString()}), got ${period.to.toISOString()}`,
    );
  }
}

/** A checked period as a creation window in epoch ms. @internal */
export function windowOf(period: TypePeriod): CreationWindow {
  return { from: period.from.getTime(), to: period.to.getTime() };
}
