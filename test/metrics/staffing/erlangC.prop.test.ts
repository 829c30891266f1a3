import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { erlangC } from "../../../src/metrics/staffing/index.ts";
import { naiveQueue } from "./_naive.ts";

const load = fc.record({
  arrivals: fc.double({ min: 0.5, max: 400, noNaN: true }),
  averageHandleTime: fc.double({ min: 10, max: 900, noNaN: true }),
  targetAnswerTime: fc.double({ min: 0, max: 120, noNaN: true }),
});

test.prop([load])("service level never falls and ASA never rises as agents are added; Pw within [0, 1]", (traffic) => {
  const a = (traffic.arrivals / 1800) * traffic.averageHandleTime;
  let previous = erlangC(Math.floor(a) + 1, traffic);
  for (let n = Math.floor(a) + 2; n < Math.floor(a) + 40; n++) {
    const r = erlangC(n, traffic);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(previous.serviceLevel - 1e-12);
    expect(r.averageSpeedOfAnswer).toBeLessThanOrEqual(previous.averageSpeedOfAnswer + 1e-9);
    expect(r.probabilityOfWaiting).toBeGreaterThanOrEqual(0);
    expect(r.probabilityOfWaiting).toBeLessThanOrEqual(1);
    previous = r;
  }
});

test.prop([load, fc.integer({ min: 1, max: 8 })])(
  "Little's law: the queue length of the stationary distribution equals λ × ASA, and Pw matches it",
  (traffic, extra) => {
    const aht = traffic.averageHandleTime;
    const lambda = traffic.arrivals / 1800;
    const a = lambda * aht;
    const n = Math.floor(a) + extra;
    fc.pre(a / n <= 0.97); // the naive truncated sum needs a queue that dies out within 4000 states
    const r = erlangC(n, traffic);
    const q = naiveQueue(n, lambda, 1 / aht, 0);
    expect(r.probabilityOfWaiting).toBeCloseTo(q.probabilityOfWaiting, 9);
    expect(q.averageQueueLength).toBeCloseTo(lambda * r.averageSpeedOfAnswer, 6);
    expect(r.occupancy).toBeCloseTo(q.averageBusy / n, 9);
  },
);

test.prop([load, fc.integer({ min: 2, max: 10 })])(
  "depends on arrivals only through the rate: k× arrivals in k× the interval",
  (traffic, k) => {
    const a = (traffic.arrivals / 1800) * traffic.averageHandleTime;
    const n = Math.floor(a) + 3;
    const r = erlangC(n, traffic);
    const s = erlangC(n, { ...traffic, arrivals: traffic.arrivals * k, intervalLength: 1800 * k });
    expect(s.probabilityOfWaiting).toBeCloseTo(r.probabilityOfWaiting, 10);
    expect(s.serviceLevel).toBeCloseTo(r.serviceLevel, 10);
  },
);
