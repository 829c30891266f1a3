/**
 * npsAccumulator: the one NPS grouping as an accumulator; nps and npsBreakdown are folds of it.
 * Fold = array functions = a naive count; split / serialise / merge = whole; malformed states.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { nps, npsAccumulator, npsBreakdown } from "../../../src/metrics/survey/index.ts";
import { npsInterval } from "../../../src/metrics/stats/index.ts";
import { codeOf } from "../../_support/errors.ts";
import { cutsArb, foldAll, roundTrip, wholeAndParts } from "../../_support/accumulators.ts";

const scores = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 200 });

describe("npsAccumulator", () => {
  test.prop([scores])("its fold is npsBreakdown and nps, and counts as a naive filter", (xs) => {
    const acc = npsAccumulator();
    const r = acc.result(foldAll(acc, xs));
    expect(r).toEqual(npsBreakdown(xs));
    expect(r?.nps).toBe(nps(xs));
    if (xs.length === 0) {
      expect(r).toBeUndefined();
      return;
    }
    const p = xs.filter((x) => x >= 9).length;
    const d = xs.filter((x) => x <= 6).length;
    expect([r?.promoters, r?.passives, r?.detractors]).toEqual([p, xs.length - p - d, d]);
    expect(r?.nps).toBeCloseTo((100 * (p - d)) / xs.length, 9);
  });

  test.prop([scores])("the stats area groups as it does (npsInterval from raw scores = from its counts)", (xs) => {
    const r = npsAccumulator().result(foldAll(npsAccumulator(), xs));
    const counts = { promoters: r?.promoters ?? 0, passives: r?.passives ?? 0, detractors: r?.detractors ?? 0 };
    expect(npsInterval(xs)).toEqual(npsInterval(counts));
  });

  test.prop([scores, cutsArb()])("parts serialised and merged equal the whole", (xs, cuts) => {
    const { whole, parts } = wholeAndParts(npsAccumulator(), xs, cuts);
    expect(parts).toEqual(whole);
  });

  it("worked example: 30 promoters, 50 passives, 20 detractors → NPS 10 (Top 3 Statistieken …)", () => {
    const acc = npsAccumulator();
    const s = acc.create();
    for (let i = 0; i < 30; i++) acc.add(s, 9);
    for (let i = 0; i < 50; i++) acc.add(s, 7);
    for (let i = 0; i < 20; i++) acc.add(s, 3);
    expect(acc.result(roundTrip(acc, s))?.nps).toBeCloseTo(10, 12);
    expect(acc.toJSON(s)).toEqual({ kind: "nps", v: 1, promoters: 30, passives: 50, detractors: 20 });
  });

  it("E_SCORE_RANGE names the function called", () => {
    const acc = npsAccumulator();
    expect(codeOf(() => acc.add(acc.create(), 11))).toBe("E_SCORE_RANGE npsAccumulator: score must be an integer from 0 to 10, got 11");
    expect(codeOf(() => acc.add(acc.create(), 7.5))).toBe("E_SCORE_RANGE npsAccumulator: score must be an integer from 0 to 10, got 7.5");
    expect(codeOf(() => nps([-1]))).toBe("E_SCORE_RANGE nps: score must be an integer from 0 to 10, got -1");
  });

  it.each([
    [null, "a state must be an object"],
    [{ kind: "csat", v: 1, promoters: 0, passives: 0, detractors: 0 }, "kind must be"],
    [{ kind: "nps", v: 2, promoters: 0, passives: 0, detractors: 0 }, "v must be 1"],
    [{ kind: "nps", v: 1, promoters: 0, passives: 0 }, "detractors must be a non-negative integer"],
    [{ kind: "nps", v: 1, promoters: -1, passives: 0, detractors: 0 }, "promoters must be a non-negative integer"],
    [{ kind: "nps", v: 1, promoters: 0, passives: 1.5, detractors: 0 }, "passives must be a non-negative integer"],
  ])("E_STATE_FORMAT on %j", (json, what) => {
    expect(codeOf(() => npsAccumulator().fromJSON(json))).toMatch(new RegExp(`^E_STATE_FORMAT nps\\.fromJSON: ${what}`));
  });
});
