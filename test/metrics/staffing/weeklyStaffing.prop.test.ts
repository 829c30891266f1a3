import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { weeklyStaffing, weeklyStaffingAccumulator, type StaffingContact } from "../../../src/metrics/staffing/index.ts";
import { cutsArb, wholeAndParts } from "../../_support/accumulators.ts";
import { errorCodeOf as codeOf } from "../../_support/errors.ts";

// Seeded by test/setup/fast-check.ts (CX_FC_SEED, default 42).
const START = Date.parse("2026-03-02T00:00:00Z");
const contactArb: fc.Arbitrary<StaffingContact> = fc
  .record({
    at: fc.integer({ min: 0, max: 20 * 86_400_000 }),
    served: fc.boolean(),
    queued: fc.boolean(),
    wait: fc.integer({ min: 0, max: 300_000 }),
    handleTime: fc.integer({ min: 1_000, max: 900_000 }),
    agent: fc.constantFrom("ann", "bob", "cat", "dan"),
  })
  .map(({ at, served, queued, wait, handleTime, agent }) => ({
    arrivedAt: new Date(START + at),
    outcome: served ? ("served" as const) : ("abandoned" as const),
    ...(queued ? { wait } : {}),
    ...(served ? { handleTime, agent } : {}),
  }));

/** JSON with numbers to 9 significant digits: sums taken in another order may differ in the last bits. */
const rounded = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === "number" ? Number(v.toPrecision(9)) : v));

test.prop([fc.array(contactArb, { maxLength: 150 }), cutsArb(150), fc.constantFrom("erlang-c" as const, "erlang-a" as const)], {
  numRuns: 40,
})("merging the states of parts gives the plan of the whole, and result leaves the state as it was", (contacts, cuts, model) => {
  const options = { timeZone: "Europe/Paris", averageHandleTime: 180, patience: 300, model };
  const acc = weeklyStaffingAccumulator(options);
  const bounds = [...new Set([0, ...cuts.map((c) => Math.min(contacts.length, c)), contacts.length])].sort((a, b) => a - b);
  let merged = acc.create();
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = acc.create();
    for (const c of contacts.slice(bounds[i], bounds[i + 1])) acc.add(part, c);
    merged = acc.merge(merged, part);
  }
  const whole = weeklyStaffing(contacts, options);
  const once = acc.result(merged);
  expect(rounded(once)).toBe(rounded(whole));
  expect(rounded(acc.result(merged))).toBe(rounded(once));
  if (whole !== undefined) {
    expect(whole.intervals.every((i) => i.agents >= 1 && i.scheduledAgents >= i.agents && i.serviceLevel >= 0.8)).toBe(true);
    expect(whole.intervals.reduce((sum, i) => sum + i.arrivals * i.occurrences, 0)).toBeCloseTo(whole.arrivals, 6);
  }
});

test.prop([fc.array(contactArb, { maxLength: 150 }), cutsArb(150), fc.constantFrom("erlang-c" as const, "erlang-a" as const)], {
  numRuns: 40,
})("split / serialise / merge: parts through JSON text, merged, give the plan of the whole", (contacts, cuts, model) => {
  const options = { timeZone: "Europe/Paris", averageHandleTime: 180, patience: 300, model };
  const { whole, parts } = wholeAndParts(weeklyStaffingAccumulator(options), contacts, cuts);
  expect(rounded(parts)).toBe(rounded(whole));
});

describe("weeklyStaffingAccumulator.fromJSON", () => {
  const acc = weeklyStaffingAccumulator({ timeZone: "Europe/Paris", averageHandleTime: 180 });
  const state = acc.create();
  acc.add(state, { arrivedAt: new Date("2026-03-02T09:05:00Z"), outcome: "served", wait: 1_000, handleTime: 60_000, agent: "ann" });
  const json = JSON.parse(JSON.stringify(acc.toJSON(state))) as Record<string, unknown>;

  it("reads back what toJSON wrote (an empty state too: no day yet is null)", () => {
    expect(acc.result(acc.fromJSON(json))).toEqual(acc.result(state));
    const empty = JSON.parse(JSON.stringify(acc.toJSON(acc.create()))) as { counts: { firstDay: unknown } };
    expect(empty.counts.firstDay).toBeNull();
    expect(acc.result(acc.fromJSON(empty))).toBeUndefined();
  });

  it("refuses a state of another time zone or interval length, naming the setting (E_STATE_FORMAT)", () => {
    const other = weeklyStaffingAccumulator({ timeZone: "UTC", averageHandleTime: 180 });
    expect(codeOf(() => other.fromJSON(json))).toBe("E_STATE_FORMAT");
    expect(() => other.fromJSON(json)).toThrow(/timeZone must be "UTC"/);
    const hourly = weeklyStaffingAccumulator({ timeZone: "Europe/Paris", averageHandleTime: 180, intervalLength: 3600 });
    expect(() => hourly.fromJSON(json)).toThrow(/intervalLength must be 3600/);
  });

  it("refuses malformed slots and counts (E_STATE_FORMAT)", () => {
    for (const bad of [
      { ...json, slots: [[1, 2]] },
      { ...json, slots: [[1.5, 2, null]] },
      { ...json, slots: [[1, -1, null]] },
      { ...json, counts: { ...(json.counts as object), firstDay: "monday" } },
      { ...json, v: 2 },
    ]) {
      expect(codeOf(() => acc.fromJSON(bad))).toBe("E_STATE_FORMAT");
    }
  });
});
