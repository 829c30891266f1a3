/**
 * The tolerant ceiling used wherever a count is rounded up from a computed ratio (agents to
 * schedule, answers to collect).
 *
 * @internal
 * @module
 */

/**
 * The relative distance from an integer within which {@link ceilTolerant} takes the integer.
 * Callers round up the result of a short chain of floating-point operations (`a / maxOccupancy`,
 * `n / (1 − shrinkage)`, `z² p (1 − p) / margin²`), each of which errs by at most half an ulp,
 * 2⁻⁵³ relative: a chain of ten errs by about 1e−15. 1e−12 (≈ 4,500 ulps) absorbs that with a
 * wide margin, and is small enough that no real fractional part is taken for rounding noise:
 * 1e−12 of 100,000 agents is 1e−7 of an agent (the former staffing tolerance, 1e−9, would have
 * taken 100,000.00005 agents as 100,000). Beyond 1e12 the tolerance reaches a whole unit, so
 * there the value is rounded to nearest rather than up; only sample sizes for absurd margins
 * get there.
 *
 * @internal
 */
export const CEIL_TOLERANCE = 1e-12;

/**
 * ⌈x⌉, but a value within a relative {@link CEIL_TOLERANCE} (1e−12) of an integer counts as that
 * integer: 21 / 0.7 comes out as 30.000000000000004 in binary floating point, and needs 30
 * agents, not 31.
 *
 * @internal
 */
export function ceilTolerant(x: number): number {
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) <= CEIL_TOLERANCE * Math.max(1, Math.abs(x))) return nearest;
  return Math.ceil(x);
}
