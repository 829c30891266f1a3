import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { kaplanMeier, summarizeDurations, type SurvivalObservation } from "../../../src/metrics/time/index.ts";

/** Integer times with many ties (events and censorings at the same time are common). */
const obsArb = fc.record({ ms: fc.integer({ min: 0, max: 40 }), event: fc.boolean() });
const sampleArb = fc.array(obsArb, { minLength: 1, maxLength: 60 });
const timesArb = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 80 });

/** S(t) at each distinct event time by brute force: n = #(ms ≥ t), d = #(events at t). */
function naive(sample: readonly SurvivalObservation[]): Map<number, number> {
  const times = [...new Set(sample.filter((o) => o.event).map((o) => o.ms))].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let s = 1;
  for (const t of times) {
    const n = sample.filter((o) => o.ms >= t).length;
    const d = sample.filter((o) => o.event && o.ms === t).length;
    s *= 1 - d / n;
    out.set(t, s);
  }
  return out;
}

const eventSurvival = (sample: readonly SurvivalObservation[]): [number, number][] =>
  (kaplanMeier(sample)?.steps ?? []).filter((s) => s.events > 0).map((s) => [s.time, s.survival]);

test.prop([sampleArb])("agrees with the brute-force product-limit formula (events before censorings)", (sample) => {
  const expected = naive(sample);
  const got = eventSurvival(sample);
  expect(got.length).toBe(expected.size);
  for (const [t, s] of got) expect(s).toBeCloseTo(expected.get(t) as number, 12);
});

test.prop([sampleArb])("the curve is non-increasing in [0, 1], inside its interval, and counts add up", (sample) => {
  const km = kaplanMeier(sample);
  if (km === undefined) throw new Error("no estimate");
  let previous = 1;
  let removed = 0;
  for (const step of km.steps) {
    expect(step.survival).toBeGreaterThanOrEqual(0);
    expect(step.survival).toBeLessThanOrEqual(previous);
    previous = step.survival;
    expect(step.atRisk).toBe(sample.length - removed);
    removed += step.events + step.censored;
    if (step.lower !== undefined && step.upper !== undefined) {
      expect(step.lower).toBeLessThanOrEqual(step.survival + 1e-15);
      expect(step.upper).toBeGreaterThanOrEqual(step.survival - 1e-15);
      expect(step.upper).toBeLessThanOrEqual(1);
    } else expect(step.survival).toBe(0);
  }
  expect(removed).toBe(sample.length);
  expect(km.events + km.censored).toBe(km.count);
  for (const q of [km.median, ...km.percentiles]) {
    for (const v of [q.value, q.lower, q.upper]) if (v !== undefined) expect(Number.isFinite(v)).toBe(true);
  }
});

test.prop([timesArb])(
  "without censoring the median is the plain (R-7) median, the restricted mean the plain mean, its SE the plug-in SE",
  (times) => {
    const km = kaplanMeier(times.map((ms) => ({ ms, event: true })));
    const plain = summarizeDurations(times);
    expect(km?.median.value).toBe(plain?.median);
    expect(km?.restrictedMean.value).toBeCloseTo(plain?.mean as number, 6);
    // …and its standard error the plug-in one, √(Σ (x − x̄)²) / n.
    const n = times.length;
    const mean = times.reduce((a, b) => a + b, 0) / n;
    const plugIn = Math.sqrt(times.reduce((a, x) => a + (x - mean) ** 2, 0)) / n;
    expect(km?.restrictedMean.standardError).toBeCloseTo(plugIn, 6);
  },
);

test.prop([timesArb, fc.double({ min: 0, max: 1, noNaN: true })])(
  "without censoring a percentile is R's type-2 quantile (mean of the two order statistics at an exact jump)",
  (times, p) => {
    const sorted = [...times].sort((a, b) => a - b);
    const n = sorted.length;
    const km = kaplanMeier(
      times.map((ms) => ({ ms, event: true })),
      { percentiles: [p] },
    );
    const np = n * p;
    // Type 2: x_(⌈np⌉), or the mean of x_(np) and x_(np+1) when np is a whole number; "whole"
    // with the estimator's tolerance on S = 1 − k/n (√ε), i.e. |np − k| < n·√ε.
    const exact = Math.abs(np - Math.round(np)) < n * Math.sqrt(Number.EPSILON);
    const j = Math.ceil(np) - 1;
    let expected: number;
    if (p === 0) expected = 0;
    else if (exact && Math.round(np) >= 1 && Math.round(np) < n) {
      const k = Math.round(np);
      expected = ((sorted[k - 1] as number) + (sorted[k] as number)) / 2;
    } else if (exact && Math.round(np) >= n) expected = sorted[n - 1] as number;
    else if (exact) expected = (0 + (sorted[0] as number)) / 2;
    else expected = sorted[Math.min(n - 1, Math.max(0, j))] as number;
    expect(km?.percentiles[0]?.value).toBe(expected);
  },
);

test.prop([sampleArb, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 })])(
  "a censoring later than the last event can move anywhere later without changing S at the events",
  (sample, a, b) => {
    const lastEvent = Math.max(-1, ...sample.filter((o) => o.event).map((o) => o.ms));
    const base = [...sample, { ms: lastEvent + a, event: false }];
    const moved = [...sample, { ms: lastEvent + b, event: false }];
    expect(eventSurvival(moved)).toEqual(eventSurvival(base));
  },
);

test.prop([sampleArb])("a censoring earlier than the first event changes nothing at the events", (sample) => {
  const firstEvent = Math.min(...sample.filter((o) => o.event).map((o) => o.ms));
  fc.pre(Number.isFinite(firstEvent) && firstEvent > 0);
  expect(eventSurvival([{ ms: firstEvent - 1, event: false }, ...sample])).toEqual(eventSurvival(sample));
});

test.prop([sampleArb.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length })))])(
  "order invariance: the input order does not matter",
  ([sample, shuffled]) => {
    expect(kaplanMeier(shuffled)).toEqual(kaplanMeier(sample));
  },
);

test.prop([sampleArb, fc.integer({ min: 0, max: 60 })])("the restricted mean lies in [0, τ] and grows with τ", (sample, tau) => {
  const km = kaplanMeier(sample, { horizon: tau });
  const further = kaplanMeier(sample, { horizon: tau + 5 });
  const value = km?.restrictedMean.value as number;
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(tau);
  expect(further?.restrictedMean.value as number).toBeGreaterThanOrEqual(value);
});
