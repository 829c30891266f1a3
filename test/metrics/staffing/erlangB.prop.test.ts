import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { erlangB, erlangC } from "../../../src/metrics/staffing/index.ts";

// Seeded by test/setup/fast-check.ts (CX_FC_SEED, default 42).
const load = fc.double({ min: 0, max: 500, noNaN: true });

test.prop([fc.integer({ min: 0, max: 300 }), load])("is in [0, 1] and never rises as agents are added", (agents, a) => {
  const b = erlangB(agents, a);
  expect(b).toBeGreaterThanOrEqual(0);
  expect(b).toBeLessThanOrEqual(1);
  expect(erlangB(agents + 1, a)).toBeLessThanOrEqual(b);
});

test.prop([fc.integer({ min: 1, max: 300 }), load, load])("never falls as the offered load grows", (agents, x, y) => {
  const [lo, hi] = x <= y ? [x, y] : [y, x];
  expect(erlangB(agents, hi)).toBeGreaterThanOrEqual(erlangB(agents, lo) - 1e-15);
});

test.prop([fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.01, max: 60, noNaN: true })])(
  "agrees with the defining sum (A^N/N!) / Σ A^k/k! for small N",
  (agents, a) => {
    let term = 1;
    let sum = 1;
    for (let k = 1; k <= agents; k++) {
      term *= a / k;
      sum += term;
    }
    expect(erlangB(agents, a)).toBeCloseTo(term / sum, 12);
  },
);

test.prop([fc.double({ min: 0.5, max: 400, noNaN: true }), fc.double({ min: 10, max: 900, noNaN: true }), fc.integer({ min: 1, max: 40 })])(
  "relates to Erlang C: C = N·B / (N − A(1 − B)) for N > A",
  (arrivals, averageHandleTime, extra) => {
    const a = (arrivals / 1800) * averageHandleTime;
    const n = Math.floor(a) + extra;
    const b = erlangB(n, a);
    const c = erlangC(n, { arrivals, averageHandleTime }).probabilityOfWaiting;
    expect(c).toBeCloseTo((n * b) / (n - a * (1 - b)), 12);
    expect(c).toBeGreaterThanOrEqual(b - 1e-15); // waiting is at least as likely as blocking
  },
);
