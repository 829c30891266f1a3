import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import type { RequesterWaitTimeOptions } from "../../../src/metrics/time/index.ts";
import { requesterWaitTime, requesterWaitTimes } from "../../../src/metrics/time/index.ts";
import type { StatusChange, TicketStatus } from "../../../src/models/index.ts";
import { at, HOUR, OFFICE, SPANISH, thrown, ticket, utc } from "./_fixtures.ts";

const h = (n: number): Date => at(n * 60);
const change = (hour: number, status: TicketStatus): StatusChange => ({ at: h(hour), status });
const msOf = (r: ReturnType<typeof requesterWaitTime>): number | undefined => (r.kind === "measured" ? r.ms : undefined);

describe("requesterWaitTime", () => {
  it(`leaves out pending time (${SPANISH}: how long the customer waits; TSDoc example)`, () => {
    const t = ticket("1", {
      status: "solved",
      solvedAt: h(10),
      statusHistory: [change(1, "open"), change(3, "pending"), change(6, "open"), change(10, "solved")],
    });
    expect(msOf(requesterWaitTime(t))).toBe(7 * HOUR);
  });

  it("leaves out on-hold time by default and counts it with exclude: ['pending'] (Zendesk's definition)", () => {
    const t = ticket("1", { status: "closed", solvedAt: h(6), statusHistory: [change(2, "on_hold"), change(5, "open")] });
    expect(msOf(requesterWaitTime(t))).toBe(3 * HOUR);
    expect(msOf(requesterWaitTime(t, { exclude: ["pending"] }))).toBe(6 * HOUR);
  });

  it("does not count solved time between a solve and a reopen, and ignores entries after solvedAt (unsorted input)", () => {
    const t = ticket("1", {
      status: "solved",
      solvedAt: h(9),
      statusHistory: [change(12, "closed"), change(7, "open"), change(2, "solved"), change(9, "solved")],
    });
    expect(msOf(requesterWaitTime(t))).toBe(4 * HOUR);
  });

  it("skips what it cannot measure, counting the reason", () => {
    expect(requesterWaitTime(ticket("1", { statusHistory: [change(1, "open")] }))).toEqual({ kind: "skipped", reason: "unresolved" });
    expect(requesterWaitTime(ticket("2", { status: "solved", statusHistory: [change(1, "open")] }))).toEqual({
      kind: "skipped",
      reason: "noSolveTime",
    });
    expect(requesterWaitTime(ticket("3", { status: "solved", solvedAt: h(1) }))).toEqual({ kind: "skipped", reason: "noStatusHistory" });
  });

  it("reports contradictions as anomalies", () => {
    expect(
      requesterWaitTime(ticket("1", { createdAt: h(2), status: "solved", solvedAt: h(1), statusHistory: [change(2, "open")] })),
    ).toEqual({
      kind: "anomaly",
      reason: "solvedBeforeCreated",
    });
    expect(
      requesterWaitTime(ticket("2", { createdAt: h(2), status: "solved", solvedAt: h(5), statusHistory: [change(1, "open")] })),
    ).toEqual({
      kind: "anomaly",
      reason: "statusBeforeCreated",
    });
  });

  it("counts business hours only (Fri 16:00 new → Mon 10:00 solved is 2 business hours)", () => {
    const t = ticket("1", {
      createdAt: utc(2024, 1, 5, 16),
      status: "solved",
      solvedAt: utc(2024, 1, 8, 10),
      statusHistory: [{ at: utc(2024, 1, 8, 10), status: "solved" }],
    });
    expect(msOf(requesterWaitTime(t, { schedule: OFFICE }))).toBe(2 * HOUR);
  });

  it("throws E_OPTION_VALUE for an exclude that is not a status", () => {
    const error = thrown(() => requesterWaitTime(ticket("1"), { exclude: ["waiting"] } as unknown as RequesterWaitTimeOptions));
    expect(error).toBeInstanceOf(MetricRangeError);
    expect((error as MetricRangeError).code).toBe("E_OPTION_VALUE");
    expect((error as MetricRangeError).message).toBe("requesterWaitTime: exclude must hold ticket statuses, got waiting");
  });
});

describe("requesterWaitTimes", () => {
  it("collects values and counts tickets without a status history (TSDoc example)", () => {
    const r = requesterWaitTimes([
      ticket("a", { status: "solved", solvedAt: h(5), statusHistory: [change(1, "pending"), change(4, "open"), change(5, "solved")] }),
      ticket("b", { status: "solved", solvedAt: h(2) }),
    ]);
    expect([...r.values]).toEqual([2 * HOUR]);
    expect(r.skipped).toEqual({ unresolved: 0, noSolveTime: 0, noStatusHistory: 1 });
  });
});

describe("contradictions before skips", () => {
  it("reports solved-before-created as an anomaly even without a status history", () => {
    const t = ticket("x", { status: "solved", createdAt: at(60), solvedAt: at(0) });
    expect(requesterWaitTime(t)).toEqual({ kind: "anomaly", reason: "solvedBeforeCreated" });
    expect(requesterWaitTimes([t]).anomalies).toEqual([{ id: "x", reason: "solvedBeforeCreated" }]);
  });
});
