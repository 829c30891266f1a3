import { byCodeUnit } from "../../_lib/counts.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { exactAdd, exactSum, exactValue, type ExactSum } from "../../_lib/exactSum.ts";
import { assertCount, assertFinite } from "../../_lib/guards.ts";
import { assertFiniteResult } from "../../_lib/moments.ts";

/**
 * One cell of {@link indirectStandardization}: what one group (an agent) observed in one
 * stratum (e.g. channel × type × priority).
 *
 * @category Stats
 */
export interface StratumCell {
  /** The group, e.g. the agent. */
  readonly group: string;
  /** The stratum, e.g. `"email|incident|high"`. */
  readonly stratum: string;
  /** Observations: tickets measured, or answers. A non-negative integer. */
  readonly count: number;
  /** Their sum: a total duration in milliseconds, or the successes of a rate. Finite, at least 0. */
  readonly total: number;
}

/**
 * One group's figures in an {@link IndirectStandardization}.
 *
 * @category Stats
 */
export interface StandardizedGroup {
  /** The group. */
  readonly group: string;
  /** Its observations, over every stratum. */
  readonly count: number;
  /** Observed: the sum of its totals (O). */
  readonly observed: number;
  /** Expected: Σ over its strata of its count × the reference's rate in that stratum (E). */
  readonly expected: number;
  /** The crude figure `observed / count`; `undefined` when `count` is 0. */
  readonly crude: number | undefined;
  /** The standardised ratio O / E; `undefined` when E is 0. */
  readonly ratio: number | undefined;
  /** The indirectly adjusted figure: the reference's overall rate × O / E; `undefined` when E is 0. */
  readonly adjusted: number | undefined;
}

/**
 * The result of {@link indirectStandardization}.
 *
 * @category Stats
 */
export interface IndirectStandardization {
  /** The reference (every cell together): Σ total / Σ count; `undefined` when there is no observation. */
  readonly reference: number | undefined;
  /** The reference's rate per stratum (Σ total / Σ count of its cells), strata in code-unit order; strata without observations are left out. */
  readonly strata: readonly {
    /** The stratum. */
    readonly stratum: string;
    /** Its observations, every group together. */
    readonly count: number;
    /** The reference's rate there: Σ total / Σ count. */
    readonly rate: number;
  }[];
  /** Every group, in code-unit order of its name. */
  readonly groups: readonly StandardizedGroup[];
}

/**
 * Indirect standardisation of a mean or a rate: each group's observed total O is compared with
 * the total E = Σ_s n_gs · r_s it would have had if each of its n_gs observations in stratum s
 * had the reference's rate r_s there (the reference is every cell together); the ratio O / E
 * is the standardised ratio (as the standardised mortality ratio), and the adjusted figure is
 * the reference's overall rate × O / E.
 *
 * @param cells - One {@link StratumCell} per (group, stratum); repeated pairs are added together.
 * @returns The reference rate, the stratum rates and every group's O, E, crude, ratio and adjusted figure.
 * @throws {@link MetricRangeError} `E_COUNT_RANGE` if a count is not a non-negative integer;
 * `E_NOT_FINITE` if a total is not a finite number; `E_VALUE_RANGE` if a total is negative or
 * positive with a count of 0; `E_OVERFLOW` if a sum or the ratio exceeds the largest double.
 * @remarks Works for a mean (total = the sum of durations: the adjusted figure is in the unit of
 * the values) and for a rate (total = successes: a share from 0 to 1 before adjustment, which
 * the adjusted figure may exceed when a group beats every stratum's rate). With one stratum,
 * E = n · r and the adjusted figure equals the crude one. A group whose expected total is 0
 * (every reference value 0 in its strata) has no ratio. Sums are exact (compensated), so the
 * result does not depend on the order of the cells.
 * @example
 * ```ts
 * const r = indirectStandardization([
 *   { group: "A", stratum: "phone", count: 2, total: 16 },
 *   { group: "C", stratum: "phone", count: 2, total: 24 },
 *   { group: "B", stratum: "chat", count: 2, total: 6 },
 *   { group: "C", stratum: "chat", count: 2, total: 2 },
 * ]);
 * r.reference;                              // => 6
 * r.groups.map((g) => g.crude);            // => [8, 3, 6.5]
 * r.groups.map((g) => g.expected);         // => [20, 4, 24]
 * r.groups.map((g) => g.adjusted);         // => [4.8, 9, 6.5]
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Standardized_mortality_ratio} (indirect standardisation, O / E)
 * @see Breslow, N. E. & Day, N. E. (1987). Statistical Methods in Cancer Research, vol. II, ch. 2 (standardised rates and ratios).
 * @category Stats
 */
export function indirectStandardization(cells: readonly StratumCell[]): IndirectStandardization {
  const fn = "indirectStandardization";
  const strata = new Map<string, { count: number; total: ExactSum }>();
  const groups = new Map<string, Map<string, { count: number; total: ExactSum }>>();
  const all = { count: 0, total: exactSum() };
  cells.forEach((c, i) => {
    assertCount(fn, `cells[${String(i)}].count`, c.count);
    assertFinite(fn, `cells[${String(i)}].total`, c.total);
    if (c.total < 0 || (c.count === 0 && c.total !== 0)) {
      const why = c.total < 0 ? "at least 0" : "0 when count is 0";
      throw new MetricRangeError("E_VALUE_RANGE", `${fn}: cells[${String(i)}].total must be ${why}, got ${String(c.total)}`);
    }
    const s = strata.get(c.stratum) ?? { count: 0, total: exactSum() };
    strata.set(c.stratum, s);
    s.count += c.count;
    exactAdd(s.total, c.total);
    all.count += c.count;
    exactAdd(all.total, c.total);
    const g = groups.get(c.group) ?? new Map<string, { count: number; total: ExactSum }>();
    groups.set(c.group, g);
    const cell = g.get(c.stratum) ?? { count: 0, total: exactSum() };
    g.set(c.stratum, cell);
    cell.count += c.count;
    exactAdd(cell.total, c.total);
  });
  const rate = new Map<string, number>();
  for (const [stratum, s] of strata) if (s.count > 0) rate.set(stratum, exactValue(s.total) / s.count);
  const reference = all.count === 0 ? undefined : assertFiniteResult(fn, "the reference total", exactValue(all.total)) / all.count;
  const result: StandardizedGroup[] = [...groups.keys()].sort(byCodeUnit).map((group) => {
    let count = 0;
    const observed = exactSum();
    const expected = exactSum();
    for (const [stratum, cell] of groups.get(group) ?? []) {
      count += cell.count;
      exactAdd(observed, exactValue(cell.total));
      if (cell.count > 0) exactAdd(expected, cell.count * (rate.get(stratum) as number));
    }
    const o = assertFiniteResult(fn, `the observed total of ${group}`, exactValue(observed));
    const e = assertFiniteResult(fn, `the expected total of ${group}`, exactValue(expected));
    const ratio = e > 0 ? assertFiniteResult(fn, `the ratio of ${group}`, o / e) : undefined;
    const product = reference === undefined ? 0 : reference * o;
    return {
      group,
      count,
      observed: o,
      expected: e,
      crude: count === 0 ? undefined : o / count,
      ratio,
      adjusted:
        ratio === undefined || reference === undefined
          ? undefined
          : assertFiniteResult(fn, `the adjusted figure of ${group}`, Number.isFinite(product) ? product / e : reference * ratio),
    };
  });
  return {
    reference,
    strata: [...rate.entries()]
      .sort((a, b) => byCodeUnit(a[0], b[0]))
      .map(([stratum, r]) => ({ stratum, count: (strata.get(stratum) as { count: number }).count, rate: r })),
    groups: result,
  };
}
