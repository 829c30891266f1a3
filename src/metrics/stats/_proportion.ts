import { assertCount } from "../../_lib/guards.ts";
import { MetricRangeError } from "../../_lib/errors.ts";

/**
 * Checks a successes / trials pair: both non-negative integers (`E_COUNT_RANGE`) and
 * successes ≤ trials (`E_SUCCESSES_EXCEED_TRIALS`).
 *
 * @internal
 */
export function assertProportion(fn: string, successes: number, trials: number, prefix = ""): void {
  assertCount(fn, `${prefix}successes`, successes);
  assertCount(fn, `${prefix}trials`, trials);
  if (successes > trials) {
    throw new MetricRangeError(
      "E_SUCCESSES_EXCEED_TRIALS",
      `${fn}: ${prefix}successes must not exceed ${prefix}trials, got ${String(successes)} of ${String(trials)}`,
    );
  }
}
