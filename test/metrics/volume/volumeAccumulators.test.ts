/**
 * The volume, statuses-over-time and peak-hours accumulators: each equals its array function
 * on random tickets; the free-bucketed states (no grid, as the report keeps them) give the same
 * results as the grid states; parts serialised and merged equal the whole, with and without a
 * range; malformed states are refused with E_STATE_FORMAT naming the accumulator and the field.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { MetricAccumulator } from "../../../src/_lib/accumulator.ts";
import { bucketGrid, bucketStart, type BucketUnit } from "../../../src/_lib/bucket.ts";
import {
  addPeak,
  mergePeak,
  peakResult,
  peakState,
  peakStateFromJSON,
  peakStateToJSON,
  type PeakSettings,
  type PeakState,
} from "../../../src/metrics/volume/peakHoursState.ts";
import {
  addStatuses,
  mergeStatuses,
  statusesOnGrid,
  statusesState,
  statusesStateFromJSON,
  statusesStateToJSON,
  type StatusesSettings,
  type StatusesState,
} from "../../../src/metrics/volume/statusesOverTimeState.ts";
import {
  addVolume,
  mergeVolume,
  volumeResult,
  volumeState,
  volumeStateFromJSON,
  volumeStateToJSON,
  type VolumeSettings,
  type VolumeState,
} from "../../../src/metrics/volume/volumeByPeriodState.ts";
import {
  peakHours,
  peakHoursAccumulator,
  statusesOverTime,
  statusesOverTimeAccumulator,
  volumeByPeriod,
  volumeByPeriodAccumulator,
  type PeakHoursResult,
  type StatusesOverTimeResult,
  type Ticket,
  type VolumeByPeriodResult,
} from "../../../src/index.ts";
import { BASE, ticket } from "../../report/arbitraries.ts";
import { cutsArb, foldAll, roundTrip, wholeAndParts } from "../../_support/accumulators.ts";
import { codeOf, errorCodeOf } from "../../_support/errors.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const tickets = fc.array(ticket, { maxLength: 40 });
const zone = fc.constantFrom("UTC", "Europe/Bucharest", "America/Los_Angeles");
const unit = fc.constantFrom<BucketUnit>("hour", "day", "week", "month");
/** A range inside or around the tickets' six weeks (which hold the March 2026 DST changes), often not on a bucket boundary. */
const range = fc
  .record({ start: fc.integer({ min: -5 * DAY, max: 30 * DAY }), length: fc.integer({ min: 0, max: 25 * DAY }), whole: fc.boolean() })
  .map(({ start, length, whole }) => {
    const snap = (ms: number): number => (whole ? Math.floor(ms / DAY) * DAY : ms);
    const from = snap(BASE + start);
    return { from: new Date(from), to: new Date(Math.max(from, snap(from + length))) };
  });
const options = fc.record({ range, timeZone: zone, unit }).map((o) => ({ ...o.range, timeZone: o.timeZone, unit: o.unit }));

/** An accumulator over the internal state functions with `settings` (no grid: free bucketing, as in the report). */
function over<S, R>(
  parts: Pick<MetricAccumulator<Ticket, S, R>, "name" | "create" | "merge" | "result" | "toJSON" | "fromJSON"> & {
    add(state: S, t: Ticket): void;
  },
): MetricAccumulator<Ticket, S, R> {
  return parts;
}

function freeVolume(settings: VolumeSettings): MetricAccumulator<Ticket, VolumeState, VolumeByPeriodResult | undefined> {
  return over({
    name: "volumeByPeriod",
    create: () => volumeState(),
    add: (s, t) => addVolume(settings, s, t),
    merge: mergeVolume,
    result: (s) => volumeResult("test", settings, s),
    toJSON: volumeStateToJSON,
    fromJSON: (json) => volumeStateFromJSON(settings, json),
  });
}

function freeStatuses(settings: StatusesSettings, from: Date, to: Date): MetricAccumulator<Ticket, StatusesState, StatusesOverTimeResult> {
  return over({
    name: "statusesOverTime",
    create: () => statusesState(),
    add: (s, t) => addStatuses(settings, s, t),
    merge: mergeStatuses,
    result: (s) => statusesOnGrid(settings, s, bucketGrid("test", from, to, settings.unit, settings.timeZone)),
    toJSON: statusesStateToJSON,
    fromJSON: (json) => statusesStateFromJSON(settings, json),
  });
}

function freePeaks(settings: PeakSettings, from: Date, to: Date, topN: number): MetricAccumulator<Ticket, PeakState, PeakHoursResult> {
  return over({
    name: "peakHours",
    create: peakState,
    add: (s, t) => addPeak(settings, s, t),
    merge: mergePeak,
    result: (s) => peakResult(s, { from: from.getTime(), to: to.getTime(), timeZone: settings.timeZone }, topN),
    toJSON: peakStateToJSON,
    fromJSON: peakStateFromJSON,
  });
}

describe("volume accumulators equal their array functions", () => {
  test.prop([tickets, options])("volumeByPeriodAccumulator folds to volumeByPeriod", (ts, o) => {
    const acc = volumeByPeriodAccumulator(o);
    expect(acc.result(foldAll(acc, ts))).toEqual(volumeByPeriod(ts, o));
  });

  test.prop([tickets, options])("statusesOverTimeAccumulator folds to statusesOverTime", (ts, o) => {
    const acc = statusesOverTimeAccumulator(o);
    expect(acc.result(foldAll(acc, ts))).toEqual(statusesOverTime(ts, o));
  });

  test.prop([tickets, options, fc.integer({ min: 1, max: 24 })])("peakHoursAccumulator folds to peakHours", (ts, o, topN) => {
    const acc = peakHoursAccumulator({ ...o, topN });
    expect(acc.result(foldAll(acc, ts))).toEqual(peakHours(ts, { ...o, topN }));
  });

  // A second counting path: the free-bucketed states (per calendar bucket start, no grid) laid on the grid at the end.
  test.prop([tickets, options, cutsArb(40)])(
    "free-bucketed states over [from, to), split and serialised, equal the array functions",
    (ts, o, cuts) => {
      const from = o.from.getTime();
      const to = o.to.getTime();
      const v = wholeAndParts(freeVolume({ unit: o.unit, timeZone: o.timeZone, from, to }), ts, cuts);
      expect(v.parts).toEqual(v.whole);
      expect(v.whole).toEqual(volumeByPeriod(ts, o));
      const s = wholeAndParts(freeStatuses({ unit: o.unit, timeZone: o.timeZone, to }, o.from, o.to), ts, cuts);
      expect(s.parts).toEqual(s.whole);
      expect(s.whole).toEqual(statusesOverTime(ts, o));
      const p = wholeAndParts(freePeaks({ timeZone: o.timeZone, from, to }, o.from, o.to, 3), ts, cuts);
      expect(p.parts).toEqual(p.whole);
      expect(p.whole).toEqual(peakHours(ts, o));
    },
  );
});

describe("volume accumulator states serialise", () => {
  test.prop([tickets, options, cutsArb(40)])("parts serialised and merged equal the whole, for each", (ts, o, cuts) => {
    for (const acc of [volumeByPeriodAccumulator(o), statusesOverTimeAccumulator(o), peakHoursAccumulator(o)] as const) {
      const { whole, parts } = wholeAndParts(acc as MetricAccumulator<Ticket, unknown, unknown>, ts, cuts);
      expect(parts).toEqual(whole);
    }
  });

  test.prop([tickets, zone, unit, cutsArb(40)])(
    "without a range (the report's settings): parts serialised and merged equal the whole",
    (ts, timeZone, u, cuts) => {
      const v = wholeAndParts(freeVolume({ unit: u, timeZone, from: undefined, to: undefined }), ts, cuts);
      expect(v.parts).toEqual(v.whole);
      const from = new Date(BASE - 7 * DAY);
      const to = new Date(BASE + 50 * DAY);
      const s = wholeAndParts(freeStatuses({ unit: u, timeZone, to: undefined }, from, to), ts, cuts);
      expect(s.parts).toEqual(s.whole);
      const p = wholeAndParts(freePeaks({ timeZone, from: undefined, to: undefined }, from, to, 3), ts, cuts);
      expect(p.parts).toEqual(p.whole);
    },
  );

  test.prop([tickets, options])(
    "toJSON and fromJSON are inverses: the JSON survives JSON text and reads back to a state of the same JSON and result",
    (ts, o) => {
      for (const acc of [volumeByPeriodAccumulator(o), statusesOverTimeAccumulator(o), peakHoursAccumulator(o)] as const) {
        const a = acc as MetricAccumulator<Ticket, unknown, unknown>;
        const state = foldAll(a, ts);
        const json = a.toJSON(state);
        expect(a.toJSON(roundTrip(a, state))).toEqual(json);
        expect(JSON.parse(JSON.stringify(json))).toEqual(json);
        expect(a.result(state)).toEqual(a.result(a.fromJSON(json)));
      }
    },
  );

  it("a known answer: the JSON forms of two tickets (the volumeByPeriod example of its TSDoc)", () => {
    const at = (d: number, h: number): Date => new Date(Date.UTC(2026, 2, d, h));
    const ts: Ticket[] = [
      { id: "a", createdAt: at(1, 9), status: "solved", solvedAt: at(2, 10) },
      { id: "b", createdAt: at(1, 15), status: "open", messages: [{ at: at(1, 16), author: "customer", public: true }] },
    ];
    const o = { from: at(1, 0), to: at(4, 0), timeZone: "UTC" };
    const v = volumeByPeriodAccumulator(o);
    expect(v.toJSON(foldAll(v, ts))).toEqual({
      kind: "volumeByPeriod",
      v: 1,
      buckets: {},
      dense: [2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0],
      minCreated: at(1, 9).getTime(),
      maxCreated: at(1, 15).getTime(),
      backlogAtStart: 0,
      counted: 2,
      skipped: {
        invalidCreatedAt: 0,
        invalidSolvedAt: 0,
        solvedWithoutSolvedAt: 0,
        solvedBeforeCreated: 0,
        createdAfterRange: 0,
        resolvedBeforeRange: 0,
      },
      messages: { ticketsWithoutMessages: 1, notCounted: 0, outsideRange: 0, invalidAt: 0 },
    });
    // Free bucketing (the report's settings): one entry per calendar bucket start, keys in epoch ms; no ticket → null bounds.
    const free = freeVolume({ unit: "day", timeZone: "UTC", from: undefined, to: undefined });
    expect(free.toJSON(foldAll(free, ts)).buckets).toEqual({
      [String(Date.UTC(2026, 2, 1))]: [2, 0, 1, 0],
      [String(Date.UTC(2026, 2, 2))]: [0, 1, 0, 0],
    });
    expect(free.toJSON(free.create())).toMatchObject({ buckets: {}, dense: null, minCreated: null, maxCreated: null });
    expect(free.result(free.fromJSON(JSON.parse(JSON.stringify(free.toJSON(free.create())))))).toBeUndefined();
    const s = statusesOverTimeAccumulator(o);
    // Ten net changes per grid bucket (three buckets); ticket a enters "unresolved without history" in bucket 0 and leaves it in bucket 1.
    const sj = s.toJSON(foldAll(s, ts));
    expect(sj).toMatchObject({ kind: "statusesOverTime", v: 1, buckets: {}, withHistory: 0, withoutHistory: 2 });
    expect((sj.dense as number[]).length).toBe(30);
    expect([(sj.dense as number[])[6], (sj.dense as number[])[16], (sj.dense as number[])[17]]).toEqual([2, -1, 1]);
    const p = peakHoursAccumulator(o);
    const pj = p.toJSON(foldAll(p, ts));
    expect((pj.cells as number[])[6 * 24 + 9]).toBe(1); // 2026-03-01 is a Sunday: cell 6·24 + 9
    expect((pj.cells as number[])[6 * 24 + 15]).toBe(1);
    expect(pj.skipped).toEqual({ invalidCreatedAt: 0, outsideRange: 0 });
  });
});

describe("malformed states are refused", () => {
  const o = { from: new Date(BASE), to: new Date(BASE + 3 * DAY), timeZone: "Europe/Bucharest", unit: "day" as const };
  const t: Ticket = { id: "1", createdAt: new Date(BASE + 5 * HOUR), status: "solved", solvedAt: new Date(BASE + DAY + 5 * HOUR) };
  const v = volumeByPeriodAccumulator(o);
  const s = statusesOverTimeAccumulator(o);
  const p = peakHoursAccumulator(o);
  const vj = v.toJSON(foldAll(v, [t]));
  const sj = s.toJSON(foldAll(s, [t]));
  const pj = p.toJSON(foldAll(p, [t]));
  const freeSettings: VolumeSettings = { unit: "day", timeZone: "Europe/Bucharest", from: undefined, to: undefined };
  const free = freeVolume(freeSettings);
  const fj = free.toJSON(foldAll(free, [t]));
  const start = bucketStart(new Date(BASE + 5 * HOUR), "day", "Europe/Bucharest").getTime(); // 2026-02-28T22:00Z

  it("reads back its own forms", () => {
    expect(v.result(v.fromJSON(vj))).toEqual(volumeByPeriod([t], o));
    expect(s.result(s.fromJSON(sj))).toEqual(statusesOverTime([t], o));
    expect(p.result(p.fromJSON(pj))).toEqual(peakHours([t], o));
    expect(Object.keys(fj.buckets as object)).toEqual([String(start), String(start + DAY)]);
    expect(free.result(free.fromJSON(fj))).toEqual(free.result(foldAll(free, [t])));
  });

  it.each<[string, MetricAccumulator<Ticket, unknown, unknown>, unknown, string]>([
    ["not an object", v as never, [vj], "volumeByPeriod.fromJSON: a state must be an object"],
    ["the wrong kind", v as never, { ...vj, kind: "statusesOverTime" }, 'volumeByPeriod.fromJSON: kind must be "volumeByPeriod"'],
    ["another version", v as never, { ...vj, v: 2 }, "volumeByPeriod.fromJSON: v must be 1"],
    ["a negative count", v as never, { ...vj, counted: -1 }, "volumeByPeriod.fromJSON: counted must be a non-negative integer"],
    ["a fractional count", v as never, { ...vj, backlogAtStart: 0.5 }, "volumeByPeriod.fromJSON: backlogAtStart must be"],
    [
      "an unknown skip field",
      v as never,
      { ...vj, skipped: { ...(vj.skipped as object), invalidAt: 1 } },
      "skipped must have only the fields",
    ],
    [
      "a negative message count",
      v as never,
      { ...vj, messages: { ...(vj.messages as object), notCounted: -1 } },
      "messages.notCounted must be a non-negative integer",
    ],
    [
      "a missing skip count",
      v as never,
      { ...vj, messages: { notCounted: 0 } },
      "messages.ticketsWithoutMessages must be a non-negative integer",
    ],
    [
      "a negative dense count",
      v as never,
      { ...vj, dense: (vj.dense as number[]).map((x, i) => (i === 3 ? -1 : x)) },
      "dense[3] must be a non-negative integer",
    ],
    [
      "a dense array of the wrong length",
      v as never,
      { ...vj, dense: [0, 0, 0, 0] },
      "dense must be an array of 16 non-negative integers, got [0,0,0,0]",
    ],
    ["no dense array for a grid", v as never, { ...vj, dense: null }, "dense must be an array of 16 non-negative integers, got null"],
    [
      "a bucket key that is not an integer",
      v as never,
      { ...vj, buckets: { "1.5": [0, 0, 0, 0] } },
      'buckets keys must be integers (epoch ms), got "1.5"',
    ],
    [
      "a bucket key with a leading zero",
      v as never,
      { ...vj, buckets: { [`0${String(start)}`]: [0, 0, 0, 0] } },
      "buckets keys must be integers",
    ],
    [
      "a bucket key beyond safe integers",
      v as never,
      { ...vj, buckets: { "9007199254740993": [0, 0, 0, 0] } },
      "buckets keys must be integers",
    ],
    [
      "a bucket key that is not a bucket start",
      v as never,
      { ...vj, buckets: { [String(start + HOUR)]: [0, 0, 0, 0] } },
      "buckets keys must be bucket starts",
    ],
    [
      "a bucket array of the wrong length",
      v as never,
      { ...vj, buckets: { [String(start)]: [1, 0, 0] } },
      `buckets.${String(start)} must be an array of 4`,
    ],
    [
      "a negative bucket count",
      v as never,
      { ...vj, buckets: { [String(start)]: [1, -1, 0, 0] } },
      `buckets.${String(start)}[1] must be a non-negative integer`,
    ],
    ["one bound null", v as never, { ...vj, minCreated: null }, "minCreated and maxCreated must be both null or both set"],
    ["bounds out of order", v as never, { ...vj, minCreated: 2, maxCreated: 1 }, "minCreated must not be after maxCreated"],
    ["an infinite bound", v as never, { ...vj, maxCreated: "Infinity" }, "maxCreated must be null or an integer"],
    ["a dense array without a grid", free as never, { ...fj, dense: [0, 0, 0, 0] }, "dense must be null (the settings have no grid)"],
    [
      "a bucket of another time zone",
      free as never,
      { ...fj, buckets: { [String(Date.UTC(2026, 2, 1))]: [1, 0, 0, 0] } },
      "buckets keys must be bucket starts",
    ],
    [
      "statuses: the wrong kind",
      s as never,
      { ...sj, kind: "volumeByPeriod" },
      'statusesOverTime.fromJSON: kind must be "statusesOverTime"',
    ],
    [
      "statuses: a negative count",
      s as never,
      { ...sj, withHistory: -1 },
      "statusesOverTime.fromJSON: withHistory must be a non-negative integer",
    ],
    [
      "statuses: a fractional change",
      s as never,
      { ...sj, dense: (sj.dense as number[]).map((x, i) => (i === 0 ? 0.5 : x)) },
      "dense[0] must be an integer",
    ],
    ["statuses: dense of the wrong length", s as never, { ...sj, dense: [1] }, "dense must be an array of 40 integers, got [1]"],
    [
      "statuses: a bucket key that is not an integer",
      s as never,
      { ...sj, buckets: { x: new Array(10).fill(0) } },
      "buckets keys must be integers",
    ],
    [
      "statuses: a bucket array of the wrong length",
      s as never,
      { ...sj, buckets: { [String(start)]: [1] } },
      "must be an array of 10 integers",
    ],
    ["peaks: the wrong kind", p as never, { ...pj, kind: "peak" }, 'peakHours.fromJSON: kind must be "peakHours"'],
    ["peaks: another version", p as never, { ...pj, v: 0 }, "peakHours.fromJSON: v must be 1"],
    [
      "peaks: cells of the wrong length",
      p as never,
      { ...pj, cells: [1, 2] },
      "peakHours.fromJSON: cells must be an array of 168 non-negative integers",
    ],
    [
      "peaks: a negative cell",
      p as never,
      { ...pj, cells: (pj.cells as number[]).map((x, i) => (i === 7 ? -2 : x)) },
      "cells[7] must be a non-negative integer",
    ],
    [
      "peaks: a negative skip count",
      p as never,
      { ...pj, skipped: { invalidCreatedAt: -1, outsideRange: 0 } },
      "skipped.invalidCreatedAt must be a non-negative integer",
    ],
  ])("%s", (_, acc, json, message) => {
    const got = codeOf(() => acc.fromJSON(json));
    expect(got.startsWith("E_STATE_FORMAT ")).toBe(true);
    expect(got).toContain(message);
  });

  it("statuses accept negative net changes (a ticket leaving a series)", () => {
    const leaving = { ...sj, dense: (sj.dense as number[]).map((x, i) => (i === 10 ? -1 : x)) };
    expect(errorCodeOf(() => s.fromJSON(leaving))).toBeUndefined();
  });

  it("option errors name the accumulator; the array functions keep their own names", () => {
    const bad = { from: new Date(BASE + DAY), to: new Date(BASE), timeZone: "UTC" };
    expect(codeOf(() => volumeByPeriodAccumulator(bad))).toMatch(/^E_PERIOD_ORDER volumeByPeriodAccumulator: /);
    expect(codeOf(() => volumeByPeriod([], bad))).toMatch(/^E_PERIOD_ORDER volumeByPeriod: /);
    expect(codeOf(() => statusesOverTimeAccumulator({ ...o, timeZone: "Mars/Olympus" }))).toMatch(
      /^E_TIME_ZONE statusesOverTimeAccumulator: /,
    );
    expect(codeOf(() => statusesOverTimeAccumulator({ ...o, unit: "year" as "day" }))).toMatch(/^E_BUCKET_UNIT /);
    expect(codeOf(() => peakHoursAccumulator({ ...o, topN: 0 }))).toBe(
      "E_TOP_N peakHoursAccumulator: topN must be an integer from 1 to 24, got 0",
    );
    expect(codeOf(() => peakHours([], { ...o, topN: 25 }))).toBe("E_TOP_N peakHours: topN must be an integer from 1 to 24, got 25");
    expect(codeOf(() => volumeByPeriodAccumulator({ ...o, from: new Date(Number.NaN) }))).toMatch(
      /^E_INVALID_DATE volumeByPeriodAccumulator: /,
    );
  });
});
