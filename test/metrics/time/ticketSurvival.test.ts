import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import {
  businessTimeBetween,
  firstResponseSurvival,
  firstResponseSurvivalAccumulator,
  resolutionSurvival,
  resolutionSurvivalAccumulator,
} from "../../../src/metrics/time/index.ts";
import { agent, at, customer, HOUR, MINUTE, OFFICE, ticket } from "./_fixtures.ts";

const h = (n: number): Date => at(n * 60);

function errorOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof MetricRangeError) return `${e.code} ${e.message}`;
  }
  return undefined;
}

describe("resolutionSurvival", () => {
  it("counts a ticket still open as censored at asOf − start, and the solved ones as events", () => {
    const s = resolutionSurvival(
      [
        ticket("1", { status: "solved", solvedAt: h(2) }),
        ticket("2", { status: "solved", solvedAt: h(4) }),
        ticket("3", { createdAt: h(1), status: "open" }),
      ],
      { asOf: h(24) },
    );
    expect([s.counted, s.observed, s.censored]).toEqual([3, 2, 1]);
    expect(s.calendar?.steps.map((x) => [x.time, x.atRisk, x.events, x.censored])).toEqual([
      [2 * HOUR, 3, 1, 0],
      [4 * HOUR, 2, 1, 0],
      [23 * HOUR, 1, 0, 1],
    ]);
    expect(s.calendar?.median.value).toBe(4 * HOUR);
    expect(s.business).toBeUndefined();
    expect(s.excluded).toEqual({ finalSolveBeforeFirstSolve: 0, noSolveTime: 0, solvedBeforeCreated: 0, startedAfterAsOf: 0 });
  });

  it("reads a ticket as it stood at asOf: a later solve is a censoring at asOf", () => {
    const s = resolutionSurvival([ticket("1", { status: "solved", solvedAt: h(30) })], { asOf: h(10) });
    expect(s.calendar?.steps).toMatchObject([{ time: 10 * HOUR, events: 0, censored: 1, survival: 1 }]);
    expect(s.calendar?.median.value).toBeUndefined();
  });

  it("applies resolutionTime's until rule: a reopened ticket open again is censored for final, an event for first", () => {
    const reopened = ticket("1", { status: "open", firstSolvedAt: h(2), solvedAt: h(2), reopens: 1 });
    expect(resolutionSurvival([reopened], { asOf: h(5) }).censored).toBe(1);
    const first = resolutionSurvival([reopened], { asOf: h(5), until: "first" });
    expect(first.observed).toBe(1);
    expect(first.calendar?.steps[0]?.time).toBe(2 * HOUR);
  });

  it("starts at the first customer message when it is earlier than createdAt, as resolutionTime", () => {
    const s = resolutionSurvival([ticket("1", { createdAt: h(1), status: "solved", solvedAt: h(5), messages: [customer(0), agent(90)] })], {
      asOf: h(6),
    });
    expect(s.calendar?.steps[0]?.time).toBe(5 * HOUR);
  });

  it("leaves out and counts tickets created after asOf, solved without a solve time, and anomalies", () => {
    const s = resolutionSurvival(
      [
        ticket("late", { createdAt: h(10), status: "open" }),
        ticket("nosolve", { status: "solved" }),
        ticket("before", { createdAt: h(3), status: "solved", solvedAt: h(1) }),
        ticket("order", { status: "solved", firstSolvedAt: h(3), solvedAt: h(2) }),
        ticket("ok", { status: "open" }),
      ],
      { asOf: h(5) },
    );
    expect(s.excluded).toEqual({ finalSolveBeforeFirstSolve: 1, noSolveTime: 1, solvedBeforeCreated: 1, startedAfterAsOf: 1 });
    expect(s.counted).toBe(1);
  });

  it("measures business time with a schedule, the censored ones to asOf", () => {
    // Monday 09:00 → Tuesday 12:00 open: 8 h + 3 h of office time.
    const s = resolutionSurvival([ticket("1", { status: "open" })], { asOf: h(27), schedule: OFFICE });
    expect(s.business?.steps[0]?.time).toBe(businessTimeBetween(h(0), h(27), OFFICE));
    expect(s.business?.steps[0]?.time).toBe(11 * HOUR);
    expect(s.calendar?.steps[0]?.time).toBe(27 * HOUR);
  });

  it("returns no estimate when no ticket is counted", () => {
    const s = resolutionSurvival([], { asOf: h(1) });
    expect(s).toEqual({
      asOf: h(1),
      calendar: undefined,
      business: undefined,
      counted: 0,
      observed: 0,
      censored: 0,
      excluded: { finalSolveBeforeFirstSolve: 0, noSolveTime: 0, solvedBeforeCreated: 0, startedAfterAsOf: 0 },
    });
  });

  it("throws for a bad asOf, until, percentile, level or horizon, naming the function", () => {
    expect(errorOf(() => resolutionSurvival([], { asOf: new Date(Number.NaN) }))).toBe(
      "E_INVALID_DATE resolutionSurvival: asOf must be a valid Date, got Invalid Date",
    );
    expect(errorOf(() => resolutionSurvival([], { asOf: h(1), until: "last" as "first" }))).toBe(
      'E_OPTION_VALUE resolutionSurvival: until must be "first" or "final", got last',
    );
    expect(errorOf(() => resolutionSurvival([], { asOf: h(1), percentiles: [2] }))).toBe(
      "E_FRACTION_RANGE resolutionSurvival: percentiles[0] must be a number from 0 to 1, got 2",
    );
    expect(
      errorOf(() => resolutionSurvival([], { asOf: h(1), confidenceLevel: 0 }))?.startsWith("E_CONFIDENCE_LEVEL resolutionSurvival:"),
    ).toBe(true);
    expect(
      errorOf(() => resolutionSurvival([], { asOf: h(1), horizon: { months: 1 } }))?.startsWith("E_DURATION resolutionSurvival:"),
    ).toBe(true);
  });
});

describe("firstResponseSurvival", () => {
  it("counts unanswered tickets as censored (TSDoc example)", () => {
    const s = firstResponseSurvival([ticket("1", { firstResponseAt: h(1) }), ticket("2")], { asOf: h(3) });
    expect(s.calendar?.steps.map((x) => x.survival)).toEqual([0.5, 0.5]);
    expect(s.calendar?.median.value).toBe(2 * HOUR);
  });

  it("reads only the messages up to asOf: a reply after asOf leaves the ticket waiting", () => {
    const t = ticket("1", { messages: [customer(0), agent(90)] });
    expect(firstResponseSurvival([t], { asOf: at(60) }).calendar?.steps).toMatchObject([{ time: 60 * MINUTE, censored: 1 }]);
    expect(firstResponseSurvival([t], { asOf: at(120) }).calendar?.steps).toMatchObject([{ time: 90 * MINUTE, events: 1 }]);
  });

  it("leaves out and counts tickets created after asOf, without a customer message, and anomalies", () => {
    const s = firstResponseSurvival(
      [
        ticket("late", { createdAt: h(10), messages: [customer(600)] }),
        ticket("agentOnly", { messages: [agent(5)] }),
        ticket("anomaly", { createdAt: h(2), firstResponseAt: h(1) }),
      ],
      { asOf: h(5) },
    );
    expect(s.excluded).toEqual({ noCustomerMessage: 1, responseBeforeCreated: 1, startedAfterAsOf: 1 });
    expect(s.counted).toBe(0);
    expect(s.calendar).toBeUndefined();
  });
});

describe("survival accumulators: JSON form", () => {
  it("round-trips a state and refuses a state of another asOf or a malformed one (E_STATE_FORMAT)", () => {
    const acc = resolutionSurvivalAccumulator({ asOf: h(5), schedule: OFFICE });
    const state = acc.create();
    acc.add(state, ticket("1", { status: "solved", solvedAt: h(2) }));
    acc.add(state, ticket("2"));
    const json = JSON.parse(JSON.stringify(acc.toJSON(state))) as Record<string, unknown>;
    expect(json).toMatchObject({ kind: "resolutionSurvival", v: 1, asOf: h(5).getTime(), events: [1, 0] });
    expect(acc.result(acc.fromJSON(json))).toEqual(acc.result(state));
    const other = resolutionSurvivalAccumulator({ asOf: h(6), schedule: OFFICE });
    expect(errorOf(() => other.fromJSON(json))?.startsWith("E_STATE_FORMAT resolutionSurvival.fromJSON: asOf must be")).toBe(true);
    expect(errorOf(() => acc.fromJSON({ ...json, events: [1, 2] }))).toBe(
      "E_STATE_FORMAT resolutionSurvival.fromJSON: events[1] must be 0 or 1, got 2",
    );
    expect(errorOf(() => acc.fromJSON({ ...json, business: [] }))?.startsWith("E_STATE_FORMAT")).toBe(true);
    expect(errorOf(() => acc.fromJSON({ ...json, excluded: { bogus: 1 } }))?.startsWith("E_STATE_FORMAT")).toBe(true);
    const fr = firstResponseSurvivalAccumulator({ asOf: h(5) });
    expect(errorOf(() => fr.fromJSON(json))?.startsWith("E_STATE_FORMAT firstResponseSurvival.fromJSON: kind")).toBe(true);
  });
});
