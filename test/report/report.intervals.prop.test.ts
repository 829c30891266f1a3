/**
 * Properties of the intervals and significance tests in the Report: every interval contains
 * its point estimate and stays on its scale; a higher confidence level never narrows it; a
 * change is significant exactly when its p-value is below 1 − level. (Split / merge equality
 * with intervals included is checked by report.prop.test.ts.)
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { report, type MetricSetJson, type Report, type ReportOptions } from "../../src/report/index.ts";
import { meanInterval } from "../../src/metrics/stats/index.ts";
import { meanIntervalJson } from "../_support/meanInterval.ts";
import type { IntervalJson } from "../../src/report/types.ts";
import { response, ticket } from "./arbitraries.ts";
import { FULL, HOURLY, PLAIN } from "./configs.ts";

const config = fc.constantFrom<[string, ReportOptions]>(["full", FULL], ["plain", PLAIN], ["hourly", HOURLY]);
const tickets = fc.array(ticket, { maxLength: 40 });
const responses = fc.array(response, { maxLength: 30 });
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });
const params = { numRuns: 40 };

/** Every (value, interval, scale) of a metric set. */
function intervals(set: MetricSetJson): [string, number | null, IntervalJson | null, [number, number]][] {
  const out: [string, number | null, IntervalJson | null, [number, number]][] = [
    ["resolutionRate", set.counts.resolutionRate.value, set.counts.resolutionRate.interval, [0, 1]],
    ["oneTouch", set.time.oneTouch.share, set.time.oneTouch.interval, [0, 1]],
  ];
  if (set.survey?.nps != null) out.push(["nps", set.survey.nps.score, set.survey.nps.interval, [-100, 100]]);
  if (set.survey?.csat != null) out.push(["csat", set.survey.csat.score, set.survey.csat.interval, [0, 1]]);
  if (set.sla !== null) {
    out.push(["sla", set.sla.compliance, set.sla.interval, [0, 1]]);
    for (const m of ["firstResponse", "nextResponse", "resolution"] as const)
      out.push([`sla.${m}`, set.sla.byMetric[m].compliance, set.sla.byMetric[m].interval, [0, 1]]);
  }
  for (const name of ["firstResponse", "responses", "resolutionFinal", "assignment"] as const) {
    for (const clock of ["calendar", "business"] as const) {
      const s = set.time[name][clock];
      if (s !== null) out.push([`${name}.${clock}`, s.mean, s.meanInterval, [-Infinity, Infinity]]);
    }
  }
  return out;
}

function everySet(r: Report): MetricSetJson[] {
  return [r, ...r.segments.flatMap((s) => s.segments), ...(r.comparison === null ? [] : [r.comparison.previous])];
}

describe("report intervals: properties", () => {
  test.prop([config, tickets, responses, level], params)(
    "each interval contains its point estimate, on its scale; null exactly when the value is",
    ([, options], ts, rs, confidenceLevel) => {
      const r = report({ tickets: ts, responses: rs }, { ...options, confidenceLevel });
      for (const set of everySet(r)) {
        for (const [name, value, interval, [min, max]] of intervals(set)) {
          if (value === null) {
            expect(interval, name).toBeNull();
            continue;
          }
          if (interval === null) {
            // Only a mean of a single duration has no interval.
            expect(name, name).toMatch(/\.(calendar|business)$/);
            continue;
          }
          expect(interval.confidenceLevel).toBe(confidenceLevel);
          // A tiny tolerance for the mean: the summary's mean and the interval's centre are two
          // roundings of the same exact sum.
          const eps = Math.abs(value) * 1e-12;
          expect(interval.lower, name).toBeLessThanOrEqual(value + eps);
          expect(interval.upper, name).toBeGreaterThanOrEqual(value - eps);
          expect(interval.lower, name).toBeGreaterThanOrEqual(min);
          expect(interval.upper, name).toBeLessThanOrEqual(max);
        }
      }
    },
  );

  test.prop([config, tickets, responses, level, level], params)(
    "a higher confidence level never gives a narrower interval",
    ([, options], ts, rs, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const narrow = intervals(report({ tickets: ts, responses: rs }, { ...options, confidenceLevel: lo }));
      const wide = intervals(report({ tickets: ts, responses: rs }, { ...options, confidenceLevel: hi }));
      narrow.forEach(([name, , n], i) => {
        const w = wide[i]?.[2];
        if (n === null || w === null || w === undefined) return;
        const slack = 1e-9 * Math.max(1, Math.abs(n.lower), Math.abs(n.upper));
        expect(w.lower, name).toBeLessThanOrEqual(n.lower + slack);
        expect(w.upper, name).toBeGreaterThanOrEqual(n.upper - slack);
      });
    },
  );

  test.prop([tickets, responses, level], params)(
    "a change is significant exactly when p < 1 − level; tests only on proportions and NPS",
    (ts, rs, confidenceLevel) => {
      const r = report({ tickets: ts, responses: rs }, { ...FULL, confidenceLevel });
      const tested = new Set([
        "counts.resolutionRate.value",
        "time.oneTouch.share",
        "sla.compliance",
        "survey.csat.score",
        "survey.nps.score",
      ]);
      for (const c of r.comparison?.changes ?? []) {
        if (!tested.has(c.metric) || c.current === null || c.previous === null) {
          expect(c.test, c.metric).toBeNull();
          continue;
        }
        expect(c.test, c.metric).not.toBeNull();
        const t = c.test as NonNullable<typeof c.test>;
        expect(t.pValue).toBeGreaterThanOrEqual(0);
        expect(t.pValue).toBeLessThanOrEqual(1);
        expect(t.significant).toBe(t.pValue < 1 - confidenceLevel);
        // No change at all is never significant.
        if (c.change === 0) expect(t.significant).toBe(false);
      }
    },
  );

  test.prop([fc.array(fc.double({ min: 0, max: 1e10, noNaN: true }), { minLength: 2, maxLength: 60 }), fc.array(fc.nat()), level])(
    "the mean interval sums its squares exactly: any order gives the same bits, and it is meanInterval's, on the log scale",
    (xs, keys, confidenceLevel) => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const shuffled = xs
        .map((x, i) => [x, keys[i] ?? i] as const)
        .sort((a, b) => a[1] - b[1])
        .map(([x]) => x);
      const a = meanIntervalJson(Float64Array.from(xs), xs.length, mean, confidenceLevel);
      const b = meanIntervalJson(Float64Array.from(shuffled), xs.length, mean, confidenceLevel);
      const c = meanIntervalJson(Float64Array.from([...xs].reverse()), xs.length, mean, confidenceLevel);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      const reference = meanInterval(xs, { confidenceLevel });
      // Same t·se as meanInterval: log(upper) − log(lower) = 2·t·se / mean (upper / lower itself may overflow).
      // Squares of deviations below 1e-154 underflow, and a subnormal lower bound has lost digits.
      fc.pre(mean > 1e-100 && a !== null && a.lower > 1e-300 && a.upper < Number.MAX_VALUE && reference !== undefined);
      const expected = (2 * (reference?.criticalValue ?? 0) * (reference?.standardError ?? 0)) / mean;
      expect(Math.abs(Math.log(a?.upper ?? 0) - Math.log(a?.lower ?? 1) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
    },
  );
});
