import { normalCdf } from "../../_lib/normal.ts";

/**
 * The two-sided p-value of a standard normal statistic: 2·Φ(−|z|), computed on the lower
 * tail so that small p-values keep their relative accuracy. 1 for z = 0, 0 for |z| = ∞.
 *
 * @internal
 */
export function twoSidedPValue(z: number): number {
  if (z === 0) return 1;
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}
