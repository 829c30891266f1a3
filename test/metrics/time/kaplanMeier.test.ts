import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { kaplanMeier, summarizeDurations, type SurvivalObservation } from "../../../src/metrics/time/index.ts";

/**
 * The aml data (R. G. Miller, Survival Analysis, Wiley 1981, p. 49; `aml` in R's survival
 * package, documented at https://rdrr.io/pkg/survival/man/aml.html): weeks of remission of acute
 * myelogenous leukaemia, `+` censored. The median and its limits follow print.survfit's rule
 * ("The median and its confidence interval are defined by drawing a horizontal line at 0.5 on the
 * plot of the survival curve and its confidence bands",
 * https://www.rdocumentation.org/link/print.survfit?package=survival&version=2.6).
 */
const MAINTAINED = "9 13 13+ 18 23 28+ 31 34 45+ 48 161+";
const NONMAINTAINED = "5 5 8 8 12 16+ 23 27 30 33 43 45";

/** "13+" → censored at 13; "13" → event at 13. */
function parse(text: string): SurvivalObservation[] {
  return text.split(" ").map((w) => ({ ms: Number.parseFloat(w), event: !w.endsWith("+") }));
}

/**
 * R survival's own saved output for these data: therneau/survival, tests/doaml.Rout.save,
 * `summary(survfit(Surv(aml$time, aml$status) ~ aml$x))` and `print` of the same fit:
 *
 *                 aml$x=Maintained
 *  time n.risk n.event survival std.err lower 95% CI upper 95% CI
 *     9     11       1    0.909  0.0867       0.7541        1.000
 *    13     10       1    0.818  0.1163       0.6192        1.000
 *    18      8       1    0.716  0.1397       0.4884        1.000
 *    23      7       1    0.614  0.1526       0.3769        0.999
 *    31      5       1    0.491  0.1642       0.2549        0.946
 *    34      4       1    0.368  0.1627       0.1549        0.875
 *    48      2       1    0.184  0.1535       0.0359        0.944
 *
 *                     records n.max n.start events median 0.95LCL 0.95UCL
 * aml$x=Maintained         11    11      11      7     31      18      NA
 * aml$x=Nonmaintained      12    12      12     11     23       8      NA
 */
const SOURCE = "R survival, tests/doaml.Rout.save (aml, Miller 1981)";
const R_MAINTAINED = [
  // time, n.risk, n.event, survival, std.err, lower, upper
  [9, 11, 1, 0.909, 0.0867, 0.7541, 1.0],
  [13, 10, 1, 0.818, 0.1163, 0.6192, 1.0],
  [18, 8, 1, 0.716, 0.1397, 0.4884, 1.0],
  [23, 7, 1, 0.614, 0.1526, 0.3769, 0.999],
  [31, 5, 1, 0.491, 0.1642, 0.2549, 0.946],
  [34, 4, 1, 0.368, 0.1627, 0.1549, 0.875],
  [48, 2, 1, 0.184, 0.1535, 0.0359, 0.944],
] as const;
const R_NONMAINTAINED = [
  [5, 12, 2, 0.8333, 0.1076, 0.647, 1.0],
  [8, 10, 2, 0.6667, 0.1361, 0.4468, 0.995],
  [12, 8, 1, 0.5833, 0.1423, 0.3616, 0.941],
  [23, 6, 1, 0.4861, 0.1481, 0.2675, 0.883],
  [27, 5, 1, 0.3889, 0.147, 0.1854, 0.816],
  [30, 4, 1, 0.2917, 0.1387, 0.1148, 0.741],
  [33, 3, 1, 0.1944, 0.1219, 0.0569, 0.664],
  [43, 2, 1, 0.0972, 0.0919, 0.0153, 0.62],
] as const;

/** |actual − printed| within half a unit of the printed value's last digit (plus float slack). */
function printed(actual: number | undefined, value: number): void {
  const text = String(value);
  const decimals = text.includes(".") ? (text.split(".")[1] as string).length : 0;
  const slack = Math.max(0.5 * 10 ** -Math.max(decimals, 3), 1e-12);
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - value)).toBeLessThanOrEqual(slack);
}

function checkAgainstR(text: string, table: readonly (readonly number[])[]): void {
  const km = kaplanMeier(parse(text));
  const eventSteps = (km?.steps ?? []).filter((s) => s.events > 0 && s.survival > 0);
  expect(eventSteps.map((s) => s.time)).toEqual(table.map((r) => r[0]));
  table.forEach(([, nRisk, nEvent, survival, stdErr, lower, upper], i) => {
    const step = eventSteps[i];
    expect(step?.atRisk).toBe(nRisk);
    expect(step?.events).toBe(nEvent);
    printed(step?.survival, survival as number);
    printed(step?.standardError, stdErr as number);
    printed(step?.lower, lower as number);
    printed(step?.upper, upper as number);
  });
}

describe(`kaplanMeier: known answers (${SOURCE})`, () => {
  it("matches R's survival, Greenwood standard errors and log 95 % limits, Maintained group", () => {
    checkAgainstR(MAINTAINED, R_MAINTAINED);
  });

  it("matches R's survival, Greenwood standard errors and log 95 % limits, Nonmaintained group", () => {
    checkAgainstR(NONMAINTAINED, R_NONMAINTAINED);
    // R prints survival 0, std.err NaN and NA limits at 45; here the limits are undefined.
    const last = kaplanMeier(parse(NONMAINTAINED))?.steps.at(-1);
    expect(last).toEqual({
      time: 45,
      atRisk: 1,
      events: 1,
      censored: 0,
      survival: 0,
      standardError: undefined,
      lower: undefined,
      upper: undefined,
    });
  });

  it("gives R's medians and their 95 % limits: 31 (18, NA) and 23 (8, NA)", () => {
    expect(kaplanMeier(parse(MAINTAINED))?.median).toEqual({ p: 0.5, value: 31, lower: 18, upper: undefined });
    expect(kaplanMeier(parse(NONMAINTAINED))?.median).toEqual({ p: 0.5, value: 23, lower: 8, upper: undefined });
  });

  it("has the exact product-limit values 10/11, 9/11, 63/88, 27/44, 27/55, 81/220, 81/440 (Maintained)", () => {
    const km = kaplanMeier(parse(MAINTAINED));
    const exact = [10 / 11, 9 / 11, 63 / 88, 27 / 44, 27 / 44, 27 / 55, 81 / 220, 81 / 220, 81 / 440, 81 / 440];
    (km?.steps ?? []).forEach((s, i) => expect(s.survival).toBeCloseTo(exact[i] as number, 14));
    expect(km?.steps.map((s) => [s.time, s.atRisk, s.events, s.censored])).toEqual([
      [9, 11, 1, 0],
      [13, 10, 1, 1],
      [18, 8, 1, 0],
      [23, 7, 1, 0],
      [28, 6, 0, 1],
      [31, 5, 1, 0],
      [34, 4, 1, 0],
      [45, 3, 0, 1],
      [48, 2, 1, 0],
      [161, 1, 0, 1],
    ]);
    expect([km?.count, km?.events, km?.censored]).toEqual([11, 7, 4]);
  });

  it("restricted mean to the largest time (161 weeks) is the area under the published curve", () => {
    const km = kaplanMeier(parse(MAINTAINED));
    // Area of the steps: 9·1 + 4·10/11 + 5·9/11 + 5·63/88 + 8·27/44 + 3·27/55 + 14·81/220 + 113·81/440 ≈ 52.645
    const area = 9 + (4 * 10) / 11 + (5 * 9) / 11 + (5 * 63) / 88 + (8 * 27) / 44 + (3 * 27) / 55 + (14 * 81) / 220 + (113 * 81) / 440;
    expect(km?.restrictedMean.horizon).toBe(161);
    expect(km?.restrictedMean.value).toBeCloseTo(area, 12);
    // With a horizon of 20 weeks: 9 + 4·10/11 + 5·9/11 + 2·63/88.
    const capped = kaplanMeier(parse(MAINTAINED), { horizon: 20 })?.restrictedMean;
    expect(capped?.horizon).toBe(20);
    expect(capped?.value).toBeCloseTo(9 + 40 / 11 + 45 / 11 + 126 / 88, 12);
  });

  it("without censoring gives R's medians 28.0 (18, NA) and 19.5 (8, NA): the plain medians", () => {
    // survfit(Surv(time) ~ x, data = aml), every time an event: the published R output of
    // this fit prints median 28.0, 0.95LCL 18, UCL NA (Maintained) and 19.5, 8, NA
    // (Nonmaintained); 19.5 is the midpoint of the flat S = 0.5 from 16 to 23.
    const all = (text: string): SurvivalObservation[] => parse(text).map((o) => ({ ms: o.ms, event: true }));
    expect(kaplanMeier(all(MAINTAINED))?.median).toEqual({ p: 0.5, value: 28, lower: 18, upper: undefined });
    expect(kaplanMeier(all(NONMAINTAINED))?.median).toEqual({ p: 0.5, value: 19.5, lower: 8, upper: undefined });
    expect(summarizeDurations(all(MAINTAINED).map((o) => o.ms))?.median).toBe(28);
    expect(summarizeDurations(all(NONMAINTAINED).map((o) => o.ms))?.median).toBe(19.5);
  });
});

describe("kaplanMeier: rules", () => {
  it("gives the restricted mean's standard error √Σ Aᵢ² dᵢ/(nᵢ(nᵢ − dᵢ)) (hand computation)", () => {
    // Events at 1 and 2, censored at 3, τ = 3: S = 2/3 on [1, 2), 1/3 on [2, 3].
    // A(1) = 1·2/3 + 1·1/3 = 1, d/(n(n − d)) = 1/(3·2); A(2) = 1/3, 1/(2·1): variance 1/6 + 1/18 = 2/9.
    const km = kaplanMeier([
      { ms: 1, event: true },
      { ms: 2, event: true },
      { ms: 3, event: false },
    ]);
    expect(km?.restrictedMean.horizon).toBe(3);
    expect(km?.restrictedMean.value).toBeCloseTo(1 + 2 / 3 + 1 / 3, 14);
    expect(km?.restrictedMean.standardError).toBeCloseTo(Math.sqrt(2 / 9), 14);
    // A horizon before the first event: the area is τ and there is no variance.
    expect(kaplanMeier([{ ms: 5, event: true }], { horizon: 2 })?.restrictedMean).toEqual({ horizon: 2, value: 2, standardError: 0 });
  });

  it("puts events before censorings at the same time (the censored are still at risk)", () => {
    const km = kaplanMeier([
      { ms: 5, event: false },
      { ms: 5, event: true },
      { ms: 10, event: true },
    ]);
    expect(km?.steps[0]).toMatchObject({ time: 5, atRisk: 3, events: 1, censored: 1 });
    expect(km?.steps[0]?.survival).toBeCloseTo(2 / 3, 15);
    expect(km?.steps[1]).toMatchObject({ time: 10, atRisk: 1, events: 1, survival: 0 });
  });

  it("leaves the median undefined when the curve never gets to 0.5, like R's NA", () => {
    const km = kaplanMeier([
      { ms: 1, event: true },
      { ms: 2, event: false },
      { ms: 3, event: false },
    ]);
    expect(km?.median.value).toBeUndefined();
    expect(km?.steps.at(-1)?.survival).toBeCloseTo(2 / 3, 15);
  });

  it("takes percentiles by the smallest t with S(t) ≤ 1 − p, not by R-7 interpolation", () => {
    const km = kaplanMeier(
      [1, 2, 3, 4].map((ms) => ({ ms, event: true })),
      { percentiles: [0.9, 0.25, 0, 1] },
    );
    expect(km?.percentiles.map((q) => q.value)).toEqual([4, 1.5, 0, 4]);
    expect(summarizeDurations([1, 2, 3, 4], { percentiles: [0.9] })?.p[0]?.value).toBeCloseTo(3.7, 12);
  });

  it("uses the midpoint to the largest time when the last flat is exactly at 1 − p", () => {
    const km = kaplanMeier([
      { ms: 2, event: true },
      { ms: 8, event: false },
    ]);
    expect(km?.median.value).toBe(5);
  });

  it("returns undefined without observations, and a zero-length curve for times 0", () => {
    expect(kaplanMeier([])).toBeUndefined();
    const km = kaplanMeier([{ ms: -0, event: false }]);
    expect(Object.is(km?.steps[0]?.time, 0)).toBe(true);
    expect(km?.restrictedMean).toEqual({ horizon: 0, value: 0, standardError: 0 });
  });

  it("widens the intervals with the confidence level", () => {
    const narrow = kaplanMeier(parse(MAINTAINED), { confidenceLevel: 0.8 })?.steps[4];
    const wide = kaplanMeier(parse(MAINTAINED), { confidenceLevel: 0.99 })?.steps[4];
    expect((narrow?.lower ?? 0) > (wide?.lower ?? 1)).toBe(true);
  });
});

describe("kaplanMeier: errors", () => {
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      if (e instanceof MetricRangeError) return `${e.code} ${e.message}`;
    }
    return undefined;
  };
  it("E_NOT_FINITE names the index", () => {
    expect(
      code(() =>
        kaplanMeier([
          { ms: 1, event: true },
          { ms: Number.NaN, event: true },
        ]),
      ),
    ).toBe("E_NOT_FINITE kaplanMeier: observations[1].ms must be a finite number, got NaN");
  });
  it("E_NEGATIVE_DURATION names the index", () => {
    expect(code(() => kaplanMeier([{ ms: -1, event: true }]))).toBe(
      "E_NEGATIVE_DURATION kaplanMeier: observations[0].ms must be a non-negative duration, got -1",
    );
  });
  it("E_VALUE_RANGE for an event that is not a boolean", () => {
    expect(code(() => kaplanMeier([{ ms: 1, event: 1 as unknown as boolean }]))).toBe(
      "E_VALUE_RANGE kaplanMeier: observations[0].event must be a boolean, got 1",
    );
  });
  it("E_FRACTION_RANGE, E_CONFIDENCE_LEVEL and E_DURATION for bad options", () => {
    expect(code(() => kaplanMeier([], { percentiles: [0.5, 1.5] }))).toBe(
      "E_FRACTION_RANGE kaplanMeier: percentiles[1] must be a number from 0 to 1, got 1.5",
    );
    expect(code(() => kaplanMeier([], { confidenceLevel: 1 }))?.startsWith("E_CONFIDENCE_LEVEL kaplanMeier:")).toBe(true);
    expect(code(() => kaplanMeier([], { horizon: -5 }))?.startsWith("E_DURATION kaplanMeier: horizon")).toBe(true);
  });
});
