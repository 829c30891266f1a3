import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { erlangC, erlangCAgents } from "../../../src/metrics/staffing/index.ts";

const load = fc.record({
  arrivals: fc.double({ min: 0.1, max: 2000, noNaN: true }),
  averageHandleTime: fc.double({ min: 10, max: 900, noNaN: true }),
  targetAnswerTime: fc.double({ min: 0, max: 120, noNaN: true }),
});
const target = fc.double({ min: 0, max: 0.99, noNaN: true });

test.prop([load, target, fc.double({ min: 0, max: 0.6, noNaN: true })])(
  "is the minimum: N meets the target and N − 1 does not or has an unstable queue",
  (traffic, serviceLevel, shrinkage) => {
    const s = erlangCAgents(traffic, { serviceLevel, shrinkage });
    expect(s.achieved.serviceLevel).toBeGreaterThanOrEqual(serviceLevel);
    expect(s.agents).toBeGreaterThan(s.achieved.trafficIntensity);
    const fewer = s.agents - 1;
    if (fewer > s.achieved.trafficIntensity) expect(erlangC(fewer, traffic).serviceLevel).toBeLessThan(serviceLevel);
    expect(s.scheduledAgents).toBeGreaterThanOrEqual(s.agents);
    expect(s.scheduledAgents * (1 - shrinkage)).toBeGreaterThanOrEqual(s.agents * (1 - 1e-9));
    expect((s.scheduledAgents - 1) * (1 - shrinkage)).toBeLessThan(s.agents);
  },
);

test.prop([load, target, target])("a higher target never needs fewer agents", (traffic, t1, t2) => {
  const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
  expect(erlangCAgents(traffic, { serviceLevel: hi }).agents).toBeGreaterThanOrEqual(erlangCAgents(traffic, { serviceLevel: lo }).agents);
});
