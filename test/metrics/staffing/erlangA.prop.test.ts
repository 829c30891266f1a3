import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { erlangA, erlangC } from "../../../src/metrics/staffing/index.ts";
import { naiveQueue } from "./_naive.ts";

const load = fc.record({
  arrivals: fc.double({ min: 1, max: 300, noNaN: true }),
  averageHandleTime: fc.double({ min: 30, max: 600, noNaN: true }),
  patience: fc.double({ min: 5, max: 1000, noNaN: true }),
  targetAnswerTime: fc.double({ min: 0, max: 60, noNaN: true }),
});

test.prop([load])("more agents: abandonment and waiting never rise, service level never falls", (traffic) => {
  const a = (traffic.arrivals / 1800) * traffic.averageHandleTime;
  let previous = erlangA(1, traffic);
  for (let n = 2; n < Math.ceil(a) + 15; n++) {
    const r = erlangA(n, traffic);
    expect(r.probabilityOfAbandonment).toBeLessThanOrEqual(previous.probabilityOfAbandonment + 1e-12);
    expect(r.probabilityOfWaiting).toBeLessThanOrEqual(previous.probabilityOfWaiting + 1e-12);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(previous.serviceLevel - 1e-9);
    for (const v of [r.probabilityOfAbandonment, r.probabilityOfWaiting, r.serviceLevel, r.occupancy]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    previous = r;
  }
});

test.prop([load, fc.integer({ min: 1, max: 40 })])("agrees with the naive stationary distribution, flow balance and Little's law", (traffic, n) => {
  const lambda = traffic.arrivals / 1800;
  const theta = 1 / traffic.patience;
  const r = erlangA(n, traffic);
  const q = naiveQueue(n, lambda, 1 / traffic.averageHandleTime, theta, 3000);
  expect(r.probabilityOfWaiting).toBeCloseTo(q.probabilityOfWaiting, 9);
  expect(r.averageQueueLength).toBeCloseTo(q.averageQueueLength, 6);
  expect(r.probabilityOfAbandonment).toBeCloseTo((theta * q.averageQueueLength) / lambda, 8);
  expect(r.averageQueueLength).toBeCloseTo(lambda * r.averageWait, 8);
  expect(r.occupancy).toBeCloseTo(q.averageBusy / n, 8);
});

test.prop([load, fc.integer({ min: 1, max: 5 })])("tends to Erlang C as patience → ∞ (N > A)", (traffic, extra) => {
  const a = (traffic.arrivals / 1800) * traffic.averageHandleTime;
  const n = Math.floor(a) + extra;
  if (a / n > 0.95) return; // near saturation the limit is approached too slowly for a fixed patience
  const c = erlangC(n, traffic);
  const patient = erlangA(n, { ...traffic, patience: traffic.averageHandleTime * 1e5 });
  expect(Math.abs(patient.probabilityOfWaiting - c.probabilityOfWaiting)).toBeLessThan(1e-3);
  expect(Math.abs(patient.serviceLevel - c.serviceLevel)).toBeLessThan(1e-3);
  // and the gap shrinks as patience grows
  const lessPatient = erlangA(n, { ...traffic, patience: traffic.averageHandleTime * 10 });
  expect(Math.abs(patient.serviceLevel - c.serviceLevel)).toBeLessThanOrEqual(Math.abs(lessPatient.serviceLevel - c.serviceLevel) + 1e-12);
});
