/**
 * ⌈x⌉, but a value within a relative 1e−12 above an integer counts as that integer
 * (14 / 0.7 = 20.000000000000004 in binary floating point gives 20, not 21).
 *
 * @internal
 */
export function ceilTolerant(x: number): number {
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) <= 1e-12 * Math.max(1, Math.abs(x))) return nearest;
  return Math.ceil(x);
}
