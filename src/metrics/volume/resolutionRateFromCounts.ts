import { MetricRangeError } from "../../_lib/errors.ts";
import { assertCount } from "../../_lib/guards.ts";

/**
 * Resolution rate from counts: issues resolved divided by issues received, as a fraction.
 *
 * @param resolved - How many of the received issues were resolved.
 * @param received - How many issues were received.
 * @returns The rate from 0 to 1, or `undefined` when nothing was received.
 * @throws {@link MetricRangeError} `E_COUNT_RANGE` if a count is not a non-negative integer;
 * `E_RESOLVED_EXCEEDS_RECEIVED` if `resolved > received`.
 * @remarks `resolved` must count only issues that are among `received` (a cohort), as
 * {@link resolutionRate} does with tickets; issues solved in a period but received before it
 * do not belong here, and are the usual reason a "rate" passes 100 %.
 * @example
 * ```ts
 * resolutionRateFromCounts(45, 60); // => 0.75
 * resolutionRateFromCounts(0, 0);   // => undefined
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (resolution rate = issues resolved / issues received)
 * @category Volume
 */
export function resolutionRateFromCounts(resolved: number, received: number): number | undefined {
  assertCount("resolutionRateFromCounts", "resolved", resolved);
  assertCount("resolutionRateFromCounts", "received", received);
  if (resolved > received) {
    throw new MetricRangeError(
      "E_RESOLVED_EXCEEDS_RECEIVED",
      `resolutionRateFromCounts: resolved must be at most received (${String(received)}), got ${String(resolved)}`,
    );
  }
  return received === 0 ? undefined : resolved / received;
}
