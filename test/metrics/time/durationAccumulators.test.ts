/**
 * The duration, one-touch and replies accumulators: each equals its array function
 * (firstResponseTimes, resolutionTimes, assignmentTimes, requesterWaitTimes, responseTimes,
 * oneTouchResolution, repliesToResolve + summarizeDurations) on random tickets, in calendar and
 * business time; parts serialised and merged equal the whole; malformed states are refused.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  assignmentTimeAccumulator,
  assignmentTimes,
  firstResponseTimeAccumulator,
  firstResponseTimes,
  oneTouchAccumulator,
  oneTouchResolution,
  repliesToResolve,
  repliesToResolveAccumulator,
  requesterWaitTimeAccumulator,
  requesterWaitTimes,
  resolutionTimeAccumulator,
  resolutionTimes,
  responseTimesAccumulator,
  responseTimes,
  summarizeDurations,
  type DurationAccumulator,
  type TicketValues,
} from "../../../src/index.ts";
import type { Schedule } from "../../../src/models/schedule.ts";
import type { Ticket } from "../../../src/models/ticket.ts";
import type { ValueSummary } from "../../../src/_lib/valueSummary.ts";
import { ticket } from "../../report/arbitraries.ts";
import { cutsArb, foldAll, wholeAndParts } from "../../_support/accumulators.ts";
import { errorCodeOf } from "../../_support/errors.ts";

const schedule: Schedule = {
  timeZone: "Europe/Bucharest",
  weekly: {
    mon: [["09:00", "17:00"]],
    tue: [["09:00", "17:00"]],
    wed: [["09:00", "17:00"]],
    thu: [["09:00", "17:00"]],
    fri: [["09:00", "17:00"]],
  },
};

type Pair = readonly [
  string,
  (o?: { schedule?: Schedule }) => DurationAccumulator,
  (ts: readonly Ticket[], o?: { schedule?: Schedule }) => TicketValues<string>,
];
const PAIRS: readonly Pair[] = [
  ["firstResponse", (o) => firstResponseTimeAccumulator(o), (ts, o) => firstResponseTimes(ts, o)],
  ["resolutionFinal", (o) => resolutionTimeAccumulator(o), (ts, o) => resolutionTimes(ts, o)],
  ["resolutionFirst", (o) => resolutionTimeAccumulator({ ...o, until: "first" }), (ts, o) => resolutionTimes(ts, { ...o, until: "first" })],
  ["assignment", (o) => assignmentTimeAccumulator(o), (ts, o) => assignmentTimes(ts, o)],
  ["requesterWait", (o) => requesterWaitTimeAccumulator(o), (ts, o) => requesterWaitTimes(ts, o)],
  ["responses", (o) => responseTimesAccumulator(o), (ts, o) => responseTimes(ts, o)],
];

function expectSummary(s: ValueSummary | undefined, values: Float64Array): void {
  const ref = summarizeDurations(values, { percentiles: [0.9] });
  if (ref === undefined) {
    expect(s).toBeUndefined();
    return;
  }
  expect(s).toBeDefined();
  const got = s as ValueSummary;
  expect([got.count, got.median, got.min, got.max, got.p.map((q) => ({ p: q.p, value: q.value }))]).toEqual([
    ref.count,
    ref.median,
    ref.min,
    ref.max,
    ref.p,
  ]);
  expect(got.total).toBeCloseTo(ref.total, -Math.log10(Math.max(1, ref.total) * 1e-12));
  expect(Math.abs(got.mean - ref.mean)).toBeLessThanOrEqual(Math.max(1e-9, ref.mean * 1e-12));
}

const anomalyTotal = (r: Readonly<Record<string, number>>): number => Object.values(r).reduce((a, b) => a + b, 0);

describe("duration accumulators", () => {
  for (const [name, make, array] of PAIRS) {
    test.prop([fc.array(ticket, { maxLength: 40 }), fc.boolean()], { numRuns: 40 })(
      `${name}: equals its array function`,
      (ts, business) => {
        const o = business ? { schedule } : undefined;
        const acc = make(o);
        const r = acc.result(foldAll(acc, ts));
        const cal = array(ts);
        expectSummary(r.calendar, cal.values);
        if (business) expectSummary(r.business, array(ts, o).values);
        else expect(r.business).toBeUndefined();
        expect(r.skipped).toEqual(Object.fromEntries(Object.entries(cal.skipped).sort(([a], [b]) => (a < b ? -1 : 1))));
        expect(anomalyTotal(r.anomalies)).toBe(cal.anomalies.length);
        expect(r.sources).toEqual(cal.sources);
      },
    );

    test.prop([fc.array(ticket, { maxLength: 60 }), cutsArb(60), fc.boolean()], { numRuns: 30 })(
      `${name}: parts serialised and merged equal the whole`,
      (ts, cuts, business) => {
        const { whole, parts } = wholeAndParts(make(business ? { schedule } : undefined), ts, cuts);
        expect(parts).toEqual(whole);
      },
    );
  }

  test.prop([fc.array(ticket, { maxLength: 40 })], { numRuns: 40 })("oneTouch equals oneTouchResolution", (ts) => {
    const acc = oneTouchAccumulator();
    const r = acc.result(foldAll(acc, ts));
    const ref = oneTouchResolution(ts);
    expect([r.share, r.oneTouch, r.zeroTouch, r.resolved]).toEqual([ref.share, ref.oneTouch, ref.zeroTouch, ref.resolved]);
    expect(r.skipped).toEqual({ noReplyData: ref.skipped.noReplyData, unresolved: ref.skipped.unresolved });
    expect(r.interval === undefined).toBe(ref.resolved === 0);
  });

  test.prop([fc.array(ticket, { maxLength: 40 })], { numRuns: 40 })("repliesToResolve equals its array function", (ts) => {
    const acc = repliesToResolveAccumulator();
    const r = acc.result(foldAll(acc, ts));
    const ref = repliesToResolve(ts);
    expectSummary(r.summary, ref.values);
    expect(r.skipped).toEqual({ noReplyData: ref.skipped.noReplyData, unresolved: ref.skipped.unresolved });
  });

  test.prop([fc.array(ticket, { maxLength: 60 }), cutsArb(60)], { numRuns: 30 })(
    "reply metrics: parts merged equal the whole",
    (ts, cuts) => {
      const a = wholeAndParts(oneTouchAccumulator(), ts, cuts);
      expect(a.parts).toEqual(a.whole);
      const b = wholeAndParts(repliesToResolveAccumulator(), ts, cuts);
      expect(b.parts).toEqual(b.whole);
    },
  );

  it("a known answer: 30 min and 2 h first responses (median 75 min), one unanswered", () => {
    const acc = firstResponseTimeAccumulator();
    const s = acc.create();
    const at = (h: number): Date => new Date(Date.UTC(2026, 0, 5, 9) + h * 3_600_000);
    acc.add(s, { id: "1", status: "open", createdAt: at(0), firstResponseAt: at(0.5) });
    acc.add(s, { id: "2", status: "open", createdAt: at(0), firstResponseAt: at(2) });
    acc.add(s, { id: "3", status: "new", createdAt: at(0) });
    const r = acc.result(s);
    expect(r.calendar?.median).toBe(75 * 60_000);
    expect(r.calendar?.count).toBe(2);
    expect(r.skipped).toEqual({ noCustomerMessage: 0, unanswered: 1 });
    expect(r.sources).toEqual({ messages: 0, fields: 2, helpdesk: 0 });
  });

  it("refuses a malformed state, naming the field, and bad options", () => {
    const acc = firstResponseTimeAccumulator();
    const good = acc.toJSON(acc.create());
    expect(errorCodeOf(() => acc.fromJSON({ ...good, kind: "nps" }))).toBe("E_STATE_FORMAT");
    expect(errorCodeOf(() => acc.fromJSON({ ...good, messages: -1 }))).toBe("E_STATE_FORMAT");
    expect(errorCodeOf(() => acc.fromJSON({ ...good, cal: { kind: "exact", values: [1, "x"] } }))).toBe("E_STATE_FORMAT");
    expect(errorCodeOf(() => acc.fromJSON({ ...good, bus: { kind: "exact", values: [] } }))).toBe("E_STATE_FORMAT");
    expect(() => acc.fromJSON({ ...good, messages: 1.5 })).toThrow(/firstResponseTime\.fromJSON: messages/);
    expect(errorCodeOf(() => firstResponseTimeAccumulator({ percentiles: [2] }))).toBe("E_FRACTION_RANGE");
    expect(errorCodeOf(() => firstResponseTimeAccumulator({ confidenceLevel: 1 }))).toBe("E_CONFIDENCE_LEVEL");
    expect(errorCodeOf(() => resolutionTimeAccumulator({ until: "last" as "first" }))).toBe("E_OPTION_VALUE");
    expect(errorCodeOf(() => acc.add(acc.create(), { id: "x", status: "open", createdAt: new Date(Number.NaN) }))).toBe("E_INVALID_DATE");
    const badMessage = {
      id: "m",
      status: "open" as const,
      createdAt: new Date("2026-01-05T09:00:00Z"),
      messages: [{ at: new Date(Number.NaN), author: "customer" as const, public: true }],
    };
    expect(() => acc.add(acc.create(), badMessage)).toThrow(/^firstResponseTimeAccumulator: messages\[0\]\.at of ticket m/);
    const replies = repliesToResolveAccumulator();
    expect(() => replies.add(replies.create(), { ...badMessage, status: "solved" })).toThrow(/^repliesToResolveAccumulator: /);
  });
});
