/**
 * The count accumulators (statuses, channel mix, resolution rate, backlog, type counts): each
 * equals its array function on random tickets; parts serialised and merged equal the whole;
 * malformed states are refused.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  backlog,
  backlogAccumulator,
  channelMix,
  channelMixAccumulator,
  resolutionRate,
  resolutionRateAccumulator,
  statusCountsAccumulator,
  ticketsByStatus,
  typeCountsAccumulator,
  typeShares,
} from "../../../src/index.ts";
import { BASE, instant, ticket } from "../../report/arbitraries.ts";
import { cutsArb, foldAll, wholeAndParts } from "../../_support/accumulators.ts";
import { errorCodeOf } from "../../_support/errors.ts";

const at = fc.integer({ min: 0, max: 50 }).map((d) => new Date(BASE + d * 86_400_000));
const tickets = fc.array(ticket, { maxLength: 50 });

describe("count accumulators", () => {
  test.prop([tickets])("statusCountsAccumulator equals ticketsByStatus", (ts) => {
    const acc = statusCountsAccumulator();
    expect(acc.result(foldAll(acc, ts))).toEqual(ticketsByStatus(ts));
  });

  test.prop([tickets])("channelMixAccumulator equals channelMix", (ts) => {
    const acc = channelMixAccumulator();
    expect(acc.result(foldAll(acc, ts))).toEqual(channelMix(ts));
  });

  test.prop([tickets, at])("resolutionRateAccumulator equals resolutionRate over the tickets created before `at`", (ts, when) => {
    const acc = resolutionRateAccumulator({ at: when });
    const r = acc.result(foldAll(acc, ts));
    const ref = resolutionRate(ts, { from: new Date(0), to: when });
    expect([r.value, r.received, r.resolved, r.unresolved, r.resolvedByStatusOnly]).toEqual([
      ref.value,
      ref.received,
      ref.resolved,
      ref.unresolved,
      ref.resolvedByStatusOnly,
    ]);
    expect(r.skipped.solvedBeforeCreated).toBe(ref.skipped.solvedBeforeCreated);
    expect(r.skipped.createdAfterJudgedAt).toBe(ts.filter((t) => t.createdAt.getTime() >= when.getTime()).length);
    expect(r.judgedAt).toEqual(when);
  });

  test.prop([tickets, at])("backlogAccumulator equals backlog", (ts, asOf) => {
    const acc = backlogAccumulator({ asOf });
    const r = acc.result(foldAll(acc, ts));
    const ref = backlog(ts, { asOf });
    expect(r).toEqual({
      count: ref.count,
      threshold: ref.threshold,
      averagedResolutions: ref.averagedResolutions,
      unresolved: ref.unresolved,
      resolved: ref.resolved,
      resolvedByStatusOnly: ref.resolvedByStatusOnly,
      skipped: ref.skipped,
    });
  });

  test.prop([tickets])("typeCountsAccumulator counts as typeShares", (ts) => {
    const acc = typeCountsAccumulator();
    const r = acc.result(foldAll(acc, ts));
    const ref = typeShares(ts);
    for (const t of ref.types) expect(r.get(t.type)?.period).toBe(t.count);
    expect([...r.values()].reduce((n, t) => n + t.period, 0)).toBe(ts.length);
    for (const [type, t] of r) {
      const own = ts.filter((x) => (x.type === undefined || x.type === "" ? "(none)" : x.type) === type);
      expect(t.firstSeen).toBe(Math.min(...own.map((x) => x.createdAt.getTime())));
    }
  });

  test.prop([tickets, cutsArb(50), instant])("parts serialised and merged equal the whole, for each", (ts, cuts, ms) => {
    const when = new Date(ms);
    for (const run of [
      () => wholeAndParts(statusCountsAccumulator(), ts, cuts),
      () => wholeAndParts(channelMixAccumulator(), ts, cuts),
      () => wholeAndParts(resolutionRateAccumulator({ at: when }), ts, cuts),
      () => wholeAndParts(backlogAccumulator({ asOf: when }), ts, cuts),
      () => wholeAndParts(typeCountsAccumulator(), ts, cuts),
    ]) {
      const { whole, parts } = run();
      expect(parts).toEqual(whole);
    }
  });

  it("a known answer: one of two resolved; one open ticket older than the mean resolution time", () => {
    const day = (d: number): Date => new Date(Date.UTC(2026, 0, d));
    const ts = [
      { id: "1", status: "solved" as const, createdAt: day(8), solvedAt: day(9) },
      { id: "2", status: "open" as const, createdAt: day(1) },
    ];
    const rate = resolutionRateAccumulator({ at: day(10) });
    expect(rate.result(foldAll(rate, ts)).value).toBe(0.5);
    const b = backlogAccumulator({ asOf: day(10) });
    expect(b.result(foldAll(b, ts))).toMatchObject({ count: 1, threshold: 86_400_000, unresolved: 1, resolved: 1 });
  });

  it("refuses malformed states and bad options", () => {
    const s = statusCountsAccumulator();
    expect(errorCodeOf(() => s.fromJSON({ kind: "ticketsByStatus", v: 1, counts: [1, 2] }))).toBe("E_STATE_FORMAT");
    expect(errorCodeOf(() => s.fromJSON({ kind: "ticketsByStatus", v: 2, counts: [0, 0, 0, 0, 0, 0, 0] }))).toBe("E_STATE_FORMAT");
    const c = channelMixAccumulator();
    expect(errorCodeOf(() => c.fromJSON({ kind: "channelMix", v: 1, channels: { email: -1 }, withoutChannel: 0 }))).toBe("E_STATE_FORMAT");
    const b = backlogAccumulator({ asOf: new Date(BASE) });
    expect(errorCodeOf(() => b.fromJSON({ ...b.toJSON(b.create()), ages: [1, null] }))).toBe("E_STATE_FORMAT");
    const t = typeCountsAccumulator();
    expect(errorCodeOf(() => t.fromJSON({ kind: "typeCounts", v: 1, types: { a: [0, 5] } }))).toBe("E_STATE_FORMAT");
    expect(errorCodeOf(() => resolutionRateAccumulator({ at: new Date(Number.NaN) }))).toBe("E_INVALID_DATE");
    expect(errorCodeOf(() => backlogAccumulator({ asOf: new Date(Number.NaN) }))).toBe("E_INVALID_DATE");
    expect(errorCodeOf(() => s.add(s.create(), { id: "x", status: "gone" as "open", createdAt: new Date(BASE) }))).toBe("E_UNKNOWN_STATUS");
  });
});
