import { MetricRangeError } from "../../_lib/errors.ts";
import { normalQuantile } from "../../_lib/normal.ts";

/** The default confidence level of every interval in this area. @internal */
export const DEFAULT_CONFIDENCE_LEVEL = 0.95;

/**
 * Checks `level` (strictly between 0 and 1) and returns it, `E_CONFIDENCE_LEVEL` otherwise.
 *
 * @internal
 */
export function confidenceLevelOf(fn: string, level: number | undefined): number {
  const value = level ?? DEFAULT_CONFIDENCE_LEVEL;
  if (typeof value !== "number" || !(value > 0 && value < 1)) {
    throw new MetricRangeError(
      "E_CONFIDENCE_LEVEL",
      `${fn}: confidenceLevel must be a number strictly between 0 and 1, got ${String(value)}`,
    );
  }
  return value;
}

/** The two-sided critical value z = Φ⁻¹((1 + level) / 2). @internal */
export function twoSidedZ(level: number): number {
  return normalQuantile((1 + level) / 2);
}
