import { MetricRangeError } from "../../_lib/errors.ts";
import { normalQuantile } from "../../_lib/normal.ts";
import { studentTUpperQuantile } from "../../_lib/special.ts";

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

/**
 * The two-sided critical value z = Φ⁻¹((1 + level) / 2), computed as −Φ⁻¹((1 − level) / 2)
 * so that every level strictly between 0 and 1 gives a finite z (0.9999999999999999 would
 * round (1 + level) / 2 to 1 and z to ∞; its z is 8.29).
 *
 * @internal
 */
export function twoSidedZ(level: number): number {
  const z = -normalQuantile((1 - level) / 2);
  return z === 0 ? 0 : z;
}

/**
 * The two-sided Student t critical value t_{(1 + level)/2, df}, finite for every level
 * strictly between 0 and 1 (see {@link twoSidedZ}).
 *
 * @internal
 */
export function twoSidedT(level: number, df: number): number {
  return studentTUpperQuantile((1 - level) / 2, df);
}
