import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { callStats, callStatsAccumulator, type CallFacts } from "../../../src/metrics/staffing/index.ts";
import { cutsArb, wholeAndParts } from "../../_support/accumulators.ts";

// Seeded by test/setup/fast-check.ts (CX_FC_SEED, default 42).
const callArb: fc.Arbitrary<CallFacts> = fc
  .record({
    served: fc.boolean(),
    queued: fc.boolean(),
    wait: fc.integer({ min: 0, max: 600_000 }),
    handleTime: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: undefined }),
    agent: fc.option(fc.constantFrom("ann", "bob", "cat"), { nil: undefined }),
  })
  .map(({ served, queued, wait, handleTime, agent }) => ({
    outcome: served ? ("served" as const) : ("abandoned" as const),
    ...(queued ? { wait } : {}),
    ...(served && handleTime !== undefined ? { handleTime } : {}),
    ...(served && agent !== undefined ? { agent } : {}),
  }));

test.prop([fc.array(callArb, { maxLength: 120 }), cutsArb(120)])("merge of serialised parts equals the whole", (calls, cuts) => {
  const { whole, parts } = wholeAndParts(callStatsAccumulator({ targetAnswerTime: 20 }), calls, cuts);
  expect(parts).toEqual(whole);
});

test.prop([fc.array(callArb, { maxLength: 120 })])("rates are in [0, 1] or undefined; offered = served + abandoned; never NaN", (calls) => {
  const s = callStats(calls);
  expect(s.offered).toBe(s.served + s.abandoned);
  expect(s.calls).toBe(s.offered + s.abandonedBeforeQueue);
  for (const rate of [s.abandonmentRate, s.serviceLevel, s.queuedServiceLevel]) {
    if (rate !== undefined) {
      expect(rate).toBeGreaterThanOrEqual(0);
      expect(rate).toBeLessThanOrEqual(1);
    }
  }
  for (const value of Object.values(s)) expect(Number.isNaN(value)).toBe(false);
  // A longer target never lowers the service levels.
  const longer = callStats(calls, { targetAnswerTime: 60 });
  expect(longer.serviceLevel ?? 0).toBeGreaterThanOrEqual(s.serviceLevel ?? 0);
  expect(longer.queuedServiceLevel ?? 0).toBeGreaterThanOrEqual(s.queuedServiceLevel ?? 0);
});
