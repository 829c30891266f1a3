/**
 * Significance of the period comparison: a two-sided test of "no change" for every compared
 * proportion (resolution rate, one-touch share, SLA compliance, CSAT) and for the NPS, read
 * from the counts of the two metric sets. Computed when the report is read, never stored in
 * a state, so merging is unaffected.
 *
 * @internal
 * @module
 */
import { npsDifferenceTest } from "../metrics/stats/npsDifferenceTest.ts";
import { twoProportionZTest, type ProportionCounts } from "../metrics/stats/twoProportionZTest.ts";
import type { ChangeJson, ChangeTestJson, ComparedChangeJson } from "./types.ts";
import type { SelectedMetricSetJson as MetricSetJson } from "./selectedTypes.ts";

/** The successes and trials behind each compared proportion, by its path. */
const PROPORTIONS: Readonly<Record<string, (set: MetricSetJson) => ProportionCounts | undefined>> = {
  "counts.resolutionRate.value": (s) => {
    const r = s.counts.resolutionRate;
    return r === null ? undefined : { successes: r.resolved, trials: r.received };
  },
  "time.oneTouch.share": (s) => {
    const o = s.time.oneTouch;
    return o === null ? undefined : { successes: o.oneTouch, trials: o.resolved };
  },
  "sla.compliance": (s) => (s.sla === null ? undefined : { successes: s.sla.achieved, trials: s.sla.achieved + s.sla.breached }),
  "survey.csat.score": (s) => (s.survey?.csat == null ? undefined : { successes: s.survey.csat.satisfied, trials: s.survey.csat.total }),
};

function npsCounts(set: MetricSetJson): { promoters: number; passives: number; detractors: number } | undefined {
  const n = set.survey?.nps;
  return n == null ? undefined : { promoters: n.promoters, passives: n.passives, detractors: n.detractors };
}

/**
 * The test of one change: `twoProportionZTest` for a proportion, `npsDifferenceTest` for the
 * NPS; `null` for another metric or when either period has no data. Significant when the
 * p-value is below 1 − `confidenceLevel`.
 *
 * @internal
 */
export function changeTest(
  metric: string,
  current: MetricSetJson,
  previous: MetricSetJson,
  confidenceLevel: number,
): ChangeTestJson | null {
  const alpha = 1 - confidenceLevel;
  if (metric === "survey.nps.score") {
    const a = npsCounts(current);
    const b = npsCounts(previous);
    if (a === undefined || b === undefined) return null;
    const t = npsDifferenceTest(a, b, { confidenceLevel });
    return t === undefined ? null : { method: t.method, pValue: t.pValue, significant: t.pValue < alpha };
  }
  const counts = Object.hasOwn(PROPORTIONS, metric) ? PROPORTIONS[metric] : undefined;
  if (counts === undefined) return null;
  const a = counts(current);
  const b = counts(previous);
  if (a === undefined || b === undefined) return null;
  const t = twoProportionZTest(a, b);
  return t === undefined ? null : { method: t.method, pValue: t.pValue, significant: t.pValue < alpha };
}

/** The changes with their tests (see {@link changeTest}). @internal */
export function withTests(
  changes: readonly ChangeJson[],
  current: MetricSetJson,
  previous: MetricSetJson,
  confidenceLevel: number,
): ComparedChangeJson[] {
  return changes.map((c) => ({ ...c, test: changeTest(c.metric, current, previous, confidenceLevel) }));
}
