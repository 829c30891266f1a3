/**
 * `quantiles: { relativeError }` in the report: every duration median and percentile within the
 * stated relative error of the exact report's; counts, totals, means, minima and maxima equal;
 * the sketched state ships as JSON and merges like the exact one.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { report, reportAccumulator, type DurationMetricJson, type ReportOptions } from "../../src/report/index.ts";
import { BASE, ticket } from "./arbitraries.ts";

const options: ReportOptions = { asOf: new Date(BASE + 45 * 86_400_000), timeZone: "UTC", segments: ["channel"], percentiles: [0.5, 0.9] };

function expectWithin(exact: DurationMetricJson, sketched: DurationMetricJson, alpha: number): void {
  const e = exact.calendar;
  const s = sketched.calendar;
  expect(s === null).toBe(e === null);
  if (e === null || s === null) return;
  expect([s.count, s.total, s.mean, s.min, s.max]).toEqual([e.count, e.total, e.mean, e.min, e.max]);
  const close = (a: number, b: number): void => expect(Math.abs(a - b)).toBeLessThanOrEqual(alpha * b + 1e-9 * b + 1e-300);
  close(s.median, e.median);
  s.p.forEach((q, i) => close(q.value, (e.p[i] as { value: number }).value));
}

describe("report with sketched quantiles", () => {
  test.prop([fc.array(ticket, { maxLength: 80 }), fc.constantFrom(0.01, 0.05)], { numRuns: 40 })(
    "within the stated relative error of the exact report",
    (ts, alpha) => {
      const exact = report({ tickets: ts }, options);
      const sketched = report({ tickets: ts }, { ...options, quantiles: { relativeError: alpha } });
      for (const name of ["firstResponse", "responses", "resolutionFirst", "resolutionFinal", "assignment", "requesterWait"] as const) {
        expectWithin(exact.time[name], sketched.time[name], alpha);
      }
      expect(sketched.counts).toEqual(exact.counts);
    },
  );

  test.prop([fc.array(ticket, { maxLength: 60 }), fc.nat({ max: 60 })], { numRuns: 30 })(
    "a sketched state ships as JSON and merges to the whole",
    (ts, cut) => {
      const o = { ...options, quantiles: { relativeError: 0.01 } };
      const acc = reportAccumulator(o);
      const whole = acc.create();
      for (const t of ts) acc.add(whole, t);
      const a = acc.create();
      const b = acc.create();
      ts.forEach((t, i) => acc.add(i < cut ? a : b, t));
      const back = (s: ReturnType<typeof acc.create>) => acc.fromJSON(JSON.parse(JSON.stringify(acc.toJSON(s))));
      expect(acc.result(acc.merge(back(a), back(b)))).toEqual(acc.result(whole));
    },
  );
});
