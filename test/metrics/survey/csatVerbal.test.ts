import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { csatVerbal } from "../../../src/metrics/survey/index.ts";
import { DUTCH } from "../../_support/sources.ts";

/** The three scales of the Dutch article, best first, as printed there and in English. */
const SCALES = {
  satisfactionNl: ["zeer tevreden", "tevreden", "enigszins tevreden", "ontevreden", "zeer ontevreden"],
  satisfactionEn: ["very satisfied", "satisfied", "somewhat satisfied", "dissatisfied", "very dissatisfied"],
  experienceNl: ["Zeer goed", "goed", "adequaat", "niet goed", "slecht"],
  experienceEn: ["very good", "good", "adequate", "not good", "bad"],
  qualityNl: ["uitstekend", "goed", "OK", "niet groot", "slecht"],
  qualityEn: ["excellent", "good", "OK", "not great", "bad"],
} as const;

describe("csatVerbal", () => {
  it.each(Object.entries(SCALES))(`counts the top two labels of each scale as satisfied: %s (${DUTCH})`, (_name, labels) => {
    expect(csatVerbal(labels)).toBe(0.4);
    expect(csatVerbal(labels.slice(0, 2))).toBe(1);
    expect(csatVerbal(labels.slice(2))).toBe(0);
  });

  it("ignores case and surrounding or repeated whitespace (hand-computed)", () => {
    expect(csatVerbal(["  VERY   Satisfied ", "Zeer Tevreden", "ok"])).toBe(2 / 3);
  });

  it("mixes scales: good/bad mean the same on both scales that use them (hand-computed)", () => {
    expect(csatVerbal(["excellent", "zeer goed", "adequate", "bad"])).toBe(0.5);
  });

  it("returns undefined for no answers", () => {
    expect(csatVerbal([])).toBeUndefined();
  });

  it("throws E_UNKNOWN_LABEL naming the label", () => {
    let caught: unknown;
    try {
      csatVerbal(["good", "so-so"]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MetricRangeError);
    expect((caught as MetricRangeError).code).toBe("E_UNKNOWN_LABEL");
    expect((caught as MetricRangeError).message).toBe('csatVerbal: label must be a label of a 5-point verbal CSAT scale, got "so-so"');
  });
});
