import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { wilsonInterval } from "../../../src/metrics/stats/index.ts";

const pair = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });

test.prop([pair, level, fc.boolean()])("stays in [0, 1] and contains the estimate", ([x, n], confidenceLevel, continuityCorrection) => {
  const w = wilsonInterval(x, n, { confidenceLevel, continuityCorrection })!;
  expect(w.lower).toBeGreaterThanOrEqual(0);
  expect(w.upper).toBeLessThanOrEqual(1);
  expect(w.lower).toBeLessThanOrEqual(w.estimate);
  expect(w.upper).toBeGreaterThanOrEqual(w.estimate);
});

test.prop([pair, fc.integer({ min: 2, max: 10 })])("shrinks as n grows at the same proportion (x·k of n·k)", ([x, n], k) => {
  const a = wilsonInterval(x, n)!;
  const b = wilsonInterval(x * k, n * k)!;
  expect(b.upper - b.lower).toBeLessThan(a.upper - a.lower);
});

test.prop([pair])("the continuity correction widens the interval", ([x, n]) => {
  const a = wilsonInterval(x, n)!;
  const c = wilsonInterval(x, n, { continuityCorrection: true })!;
  expect(c.lower).toBeLessThanOrEqual(a.lower + 1e-15);
  expect(c.upper).toBeGreaterThanOrEqual(a.upper - 1e-15);
});

test.prop([pair])("is symmetric: the interval of n − x failures mirrors that of x successes", ([x, n]) => {
  const a = wilsonInterval(x, n)!;
  const b = wilsonInterval(n - x, n)!;
  expect(b.lower).toBeCloseTo(1 - a.upper, 12);
  expect(b.upper).toBeCloseTo(1 - a.lower, 12);
});

test.prop([pair])("its bounds solve |p − p₀| = z·√(p₀(1 − p₀)/n) (the score test inverted)", ([x, n]) => {
  const z = 1.959963984540054;
  const w = wilsonInterval(x, n)!;
  for (const p0 of [w.lower, w.upper]) {
    if (p0 === 0 || p0 === 1) continue;
    expect(Math.abs(x / n - p0)).toBeCloseTo(z * Math.sqrt((p0 * (1 - p0)) / n), 10);
  }
});
