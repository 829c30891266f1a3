import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { assignmentTime, assignmentTimes } from "../../../src/metrics/time/index.ts";
import { at, HOUR, MINUTE, OFFICE, SPANISH, thrown, ticket, utc } from "./_fixtures.ts";

describe("assignmentTime", () => {
  it(`measures assignedAt − createdAt (${SPANISH}: how fast an issue is assigned; TSDoc example)`, () => {
    expect(assignmentTime(ticket("1", { assignedAt: at(15) }))).toEqual({
      kind: "measured",
      ms: 15 * MINUTE,
      start: at(0),
      end: at(15),
      source: "fields",
    });
  });

  it("skips unassigned tickets and reports assignment before creation", () => {
    expect(assignmentTime(ticket("1"))).toEqual({ kind: "skipped", reason: "unassigned" });
    expect(assignmentTime(ticket("2", { createdAt: at(5), assignedAt: at(1) }))).toEqual({
      kind: "anomaly",
      reason: "assignedBeforeCreated",
    });
  });

  it("counts business hours overnight (Tue 16:30 → Wed 09:30 is 1 business hour)", () => {
    const r = assignmentTime(ticket("1", { createdAt: utc(2024, 1, 2, 16, 30), assignedAt: utc(2024, 1, 3, 9, 30) }), { schedule: OFFICE });
    expect(r.kind === "measured" && r.ms).toBe(HOUR);
  });

  it("throws E_INVALID_DATE for an invalid assignedAt", () => {
    const error = thrown(() => assignmentTime(ticket("1", { assignedAt: new Date(Number.NaN) })));
    expect(error).toBeInstanceOf(MetricRangeError);
    expect((error as MetricRangeError).message).toBe("assignmentTime: assignedAt of ticket 1 must be a valid Date, got Invalid Date");
  });
});

describe("assignmentTimes", () => {
  it("collects values, skips and anomalies (TSDoc example, extended)", () => {
    const r = assignmentTimes([
      ticket("a", { assignedAt: at(10) }),
      ticket("b", { status: "new" }),
      ticket("c", { createdAt: at(5), assignedAt: at(1) }),
    ]);
    expect([...r.values]).toEqual([10 * MINUTE]);
    expect(r.skipped).toEqual({ unassigned: 1 });
    expect(r.anomalies).toEqual([{ id: "c", reason: "assignedBeforeCreated" }]);
  });
});
