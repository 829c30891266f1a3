import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import type { ResolutionTimeOptions } from "../../../src/metrics/time/index.ts";
import { resolutionTime, resolutionTimes, summarizeDurations } from "../../../src/metrics/time/index.ts";
import { agent, at, customer, HOUR, MINUTE, OFFICE, ROMANIAN, SPANISH, thrown, ticket, utc } from "./_fixtures.ts";

const msOf = (r: ReturnType<typeof resolutionTime>): number | undefined => (r.kind === "measured" ? r.ms : undefined);
const h = (n: number): Date => at(n * 60);

describe("resolutionTime", () => {
  it("keeps the first and the final solve of a reopened ticket (TSDoc example)", () => {
    const reopened = ticket("1", { status: "solved", firstSolvedAt: h(2), solvedAt: h(10), reopens: 1 });
    expect(msOf(resolutionTime(reopened, { until: "first" }))).toBe(2 * HOUR);
    expect(msOf(resolutionTime(reopened))).toBe(10 * HOUR);
  });

  it("measures the first solve of a ticket reopened and open again, but not its final solve", () => {
    const open = ticket("1", { status: "open", firstSolvedAt: h(2), solvedAt: h(2), reopens: 1 });
    expect(msOf(resolutionTime(open, { until: "first" }))).toBe(2 * HOUR);
    expect(resolutionTime(open)).toEqual({ kind: "skipped", reason: "unresolved" });
  });

  it("falls back to solvedAt for the first solve only when the ticket was never reopened", () => {
    expect(msOf(resolutionTime(ticket("1", { status: "closed", solvedAt: h(3) }), { until: "first" }))).toBe(3 * HOUR);
    expect(msOf(resolutionTime(ticket("2", { status: "closed", solvedAt: h(3), reopens: 0 }), { until: "first" }))).toBe(3 * HOUR);
    expect(resolutionTime(ticket("3", { status: "closed", solvedAt: h(3), reopens: 2 }), { until: "first" })).toEqual({
      kind: "skipped",
      reason: "noSolveTime",
    });
  });

  it("starts at the first customer message when it is earlier than createdAt (source messages)", () => {
    const r = resolutionTime(ticket("1", { createdAt: h(1), status: "solved", solvedAt: h(5), messages: [customer(0), agent(90)] }));
    expect(r).toEqual({ kind: "measured", ms: 5 * HOUR, start: at(0), end: h(5), source: "messages" });
  });

  it("skips solved tickets without solvedAt and unresolved tickets, counting them", () => {
    expect(resolutionTime(ticket("1", { status: "solved" }))).toEqual({ kind: "skipped", reason: "noSolveTime" });
    expect(resolutionTime(ticket("2", { status: "pending" }))).toEqual({ kind: "skipped", reason: "unresolved" });
  });

  it("reports solves before creation and a final solve before the first as anomalies", () => {
    expect(resolutionTime(ticket("1", { createdAt: h(5), status: "solved", solvedAt: h(3) }))).toEqual({
      kind: "anomaly",
      reason: "solvedBeforeCreated",
    });
    expect(resolutionTime(ticket("2", { status: "solved", firstSolvedAt: h(5), solvedAt: h(3) }))).toEqual({
      kind: "anomaly",
      reason: "finalSolveBeforeFirstSolve",
    });
  });

  it("counts business hours over a weekend (Fri 15:00 → Mon 11:00 is 4 business hours)", () => {
    const t = ticket("1", { createdAt: utc(2024, 1, 5, 15), status: "solved", solvedAt: utc(2024, 1, 8, 11) });
    expect(msOf(resolutionTime(t, { schedule: OFFICE }))).toBe(4 * HOUR);
  });

  it("throws E_OPTION_VALUE for an unknown until", () => {
    const error = thrown(() => resolutionTime(ticket("1"), { until: "last" } as unknown as ResolutionTimeOptions));
    expect(error).toBeInstanceOf(MetricRangeError);
    expect((error as MetricRangeError).code).toBe("E_OPTION_VALUE");
    expect((error as MetricRangeError).message).toBe('resolutionTime: until must be "first" or "final", got last');
  });

  it("throws E_INVALID_DATE for an invalid solvedAt", () => {
    const error = thrown(() => resolutionTime(ticket("q", { status: "solved", solvedAt: new Date(Number.NaN) })));
    expect((error as MetricRangeError).code).toBe("E_INVALID_DATE");
  });
});

describe("resolutionTimes", () => {
  it(`averages total resolution time / resolved tickets (${ROMANIAN}; ${SPANISH}; TSDoc example)`, () => {
    const r = resolutionTimes([
      ticket("a", { status: "solved", solvedAt: h(4) }),
      ticket("b", { createdAt: h(1) }),
      ticket("c", { createdAt: h(5), status: "closed", solvedAt: h(3) }),
      ticket("d", { status: "closed", solvedAt: h(8) }),
    ]);
    expect([...r.values]).toEqual([4 * HOUR, 8 * HOUR]);
    expect(r.ids).toEqual(["a", "d"]);
    expect(r.skipped).toEqual({ unresolved: 1, noSolveTime: 0 });
    expect(r.anomalies).toEqual([{ id: "c", reason: "solvedBeforeCreated" }]);
    expect(summarizeDurations(r.values)?.mean).toBe(6 * HOUR);
  });

  it("names itself in errors", () => {
    const error = thrown(() => resolutionTimes([ticket("1")], { until: "x" } as unknown as ResolutionTimeOptions));
    expect((error as MetricRangeError).message).toBe('resolutionTimes: until must be "first" or "final", got x');
  });

  it("measures 0 for a ticket solved at creation", () => {
    expect(Object.is(resolutionTimes([ticket("a", { status: "solved", solvedAt: at(0) })]).values[0], 0)).toBe(true);
    expect(MINUTE).toBe(60_000);
  });
});
