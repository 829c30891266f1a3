import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csat, negativeShare } from "../../../src/metrics/survey/index.ts";
import { needsRealData, realDataPath } from "../../_support/realData.ts";
import { codeOf } from "../../_support/errors.ts";
import { ROMANIAN } from "../../_support/sources.ts";

describe("csat", () => {
  it(`is satisfied / all: 4 of 5 → 0.8 on 1–5 top-2-box (${ROMANIAN}, satisfied / all × 100)`, () => {
    expect(csat([5, 4, 4, 5, 1])).toBe(0.8);
  });

  it("counts 4 and 5 as satisfied and 3 as not on the default 1–5 scale (top-2-box, hand-computed)", () => {
    expect(csat([3])).toBe(0);
    expect(csat([4])).toBe(1);
    expect(csat([5, 4, 3, 2, 1])).toBe(0.4);
  });

  it("uses max − 1 as the default threshold on other scales: 9–10 on 0–10 (hand-computed)", () => {
    expect(csat([10, 9, 8, 0], { scale: { min: 0, max: 10 } })).toBe(0.5);
  });

  it("takes a configured threshold: ≥ 3 on 1–5 (hand-computed)", () => {
    expect(csat([5, 4, 3, 2, 1], { threshold: 3 })).toBe(0.6);
  });

  it("handles a binary 0–1 scale when the threshold is given (hand-computed)", () => {
    expect(csat([1, 0, 1, 1], { scale: { min: 0, max: 1 }, threshold: 1 })).toBe(0.75);
  });

  it("returns undefined for no answers", () => {
    expect(csat([])).toBeUndefined();
  });

  it(
    "reads the real Kaggle 'Customer Support Ticket Dataset': CSAT = (543 + 544) / 2769 (counts from data/real/README.md)",
    needsRealData("real/customer_support_tickets.csv"),
    () => {
      const text = readFileSync(realDataPath("real/customer_support_tickets.csv"), "utf8");
      const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
      expect(parsed.data).toHaveLength(8469);
      const ratings = parsed.data
        .map((row) => row["Customer Satisfaction Rating"] ?? "")
        .filter((cell) => cell !== "")
        .map(Number);
      expect(ratings).toHaveLength(2769);
      const tally = [1, 2, 3, 4, 5].map((r) => ratings.filter((x) => x === r).length);
      expect(tally).toEqual([553, 549, 580, 543, 544]);
      expect(csat(ratings)).toBe((543 + 544) / 2769);
      expect(negativeShare(ratings)).toBe((553 + 549) / 2769);
    },
  );

  it.each([0, 6, 4.5, Number.NaN])("throws E_SCORE_RANGE for %s on 1–5", (bad) => {
    expect(codeOf(() => csat([5, bad]))).toBe(`E_SCORE_RANGE csat: score must be an integer from 1 to 5, got ${String(bad)}`);
  });

  it("throws E_SCALE for a reversed or fractional scale", () => {
    expect(codeOf(() => csat([1], { scale: { min: 5, max: 1 } }))).toBe(
      "E_SCALE csat: scale must have integer bounds with min < max, got { min: 5, max: 1 }",
    );
    expect(codeOf(() => csat([1], { scale: { min: 0.5, max: 5 } }))).toMatch(/^E_SCALE /);
  });

  it("throws E_THRESHOLD for a threshold off the scale, and for a defaulted one on a scale under 5 points", () => {
    expect(codeOf(() => csat([1], { threshold: 6 }))).toBe("E_THRESHOLD csat: threshold must be an integer from 1 to 5, got 6");
    expect(codeOf(() => csat([1], { scale: { min: 0, max: 1 } }))).toBe(
      "E_THRESHOLD csat: threshold must be given for a scale with fewer than 5 points, got scale 0 to 1",
    );
  });
});
