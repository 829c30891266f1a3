/**
 * Confidence intervals, period-change significance and revenue at risk in the Report.
 * Every expected number is computed here from the formula (or quoted from R), not from the
 * library's stats functions.
 */
import { describe, expect, test } from "vitest";
import type { Cohort, SurveyResponse, Ticket } from "../../src/models/index.ts";
import { report, type ReportOptions } from "../../src/report/index.ts";
import { AS_OF, DECEMBER, JANUARY, RESPONSES, TICKETS, ZONE } from "./fixture.ts";
import { errorCodeOf as code } from "../_support/errors.ts";

const MIN = 60_000;
/** qnorm(0.975) and qnorm(0.95) in R. */
const Z95 = 1.959963984540054;
const Z90 = 1.6448536269514722;
/** qt(0.975, 5) in R. */
const T95_5 = 2.570581835636314;

const base: ReportOptions = { asOf: AS_OF, timeZone: ZONE, period: JANUARY };

/** The Wilson score interval, written out: (2np + z² ± z·√(z² + 4np(1 − p))) / (2(n + z²)). */
function wilsonByHand(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const root = z * Math.sqrt(z * z + 4 * n * p * (1 - p));
  const d = 2 * (n + z * z);
  return [(2 * n * p + z * z - root) / d, (2 * n * p + z * z + root) / d];
}

const answer = (kind: SurveyResponse["kind"], score: number, iso: string): SurveyResponse => ({
  kind,
  score,
  scale: kind === "nps" ? { min: 0, max: 10 } : { min: 1, max: 5 },
  answeredAt: new Date(iso),
});

/** `n` copies of one answer. */
const many = (n: number, kind: SurveyResponse["kind"], score: number, iso: string): SurveyResponse[] =>
  Array.from({ length: n }, () => answer(kind, score, iso));

describe("intervals on the hand-built fixture (test/report/fixture.ts)", () => {
  const r = report({ tickets: TICKETS, responses: RESPONSES }, base);

  test("NPS: 9, 6, 10 → Wald interval on +1/0/−1 scores, clamped to 100", () => {
    // Source: Rocks (2016), "Interval Estimation for the 'Net Promoter Score'", The American
    // Statistician 70(4): variance p + d − (p − d)², SE = 100·√(variance / n).
    const p = 2 / 3;
    const d = 1 / 3;
    const nps = 100 * (p - d);
    const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / 3);
    const interval = r.survey?.nps?.interval;
    expect(interval?.lower).toBeCloseTo(nps - Z95 * se, 10); // −73.35…
    expect(interval?.upper).toBe(100); // 33.3 + 106.7 is clamped
    expect(interval?.confidenceLevel).toBe(0.95);
    expect(interval?.method).toMatch(/Wald/);
  });

  test("CSAT 2 of 3 → the Wilson interval", () => {
    const [lower, upper] = wilsonByHand(2, 3, Z95);
    expect(r.survey?.csat?.interval.lower).toBeCloseTo(lower, 12);
    expect(r.survey?.csat?.interval.upper).toBeCloseTo(upper, 12);
    expect(r.survey?.csat?.interval.method).toBe("Wilson score");
  });

  test("resolution rate 4 of 7, one-touch 2 of 4 → Wilson intervals", () => {
    const [rl, ru] = wilsonByHand(4, 7, Z95);
    expect(r.counts.resolutionRate.interval?.lower).toBeCloseTo(rl, 12);
    expect(r.counts.resolutionRate.interval?.upper).toBeCloseTo(ru, 12);
    const [ol, ou] = wilsonByHand(2, 4, Z95);
    expect(r.time.oneTouch.interval?.lower).toBeCloseTo(ol, 12);
    expect(r.time.oneTouch.interval?.upper).toBeCloseTo(ou, 12);
  });

  test("mean first response time: log-scale t interval of 30, 60, 10, 20, 90, 15 minutes", () => {
    const xs = [30, 60, 10, 20, 90, 15].map((m) => m * MIN);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length; // 37.5 min
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
    const factor = Math.exp((T95_5 * sd) / Math.sqrt(xs.length) / mean); // mean · exp(∓ t·se/mean)
    const m = r.time.firstResponse.calendar?.meanInterval;
    expect(m?.lower).toBeCloseTo(mean / factor, 4);
    expect(m?.upper).toBeCloseTo(mean * factor, 4);
    expect(m?.method).toBe("log-scale t (delta method)");
    // The interval of the mean of reply counts too (1, 2, 1, 2).
    expect(r.time.repliesToResolve?.meanInterval?.lower).toBeLessThan(1.5);
  });

  test("confidenceLevel 0.9 gives the narrower 90 % intervals and is echoed in parameters", () => {
    const r90 = report({ tickets: TICKETS, responses: RESPONSES }, { ...base, confidenceLevel: 0.9 });
    expect(r90.parameters.confidenceLevel).toBe(0.9);
    expect(r.parameters.confidenceLevel).toBe(0.95);
    const [lower, upper] = wilsonByHand(2, 3, Z90);
    expect(r90.survey?.csat?.interval.lower).toBeCloseTo(lower, 12);
    expect(r90.survey?.csat?.interval.upper).toBeCloseTo(upper, 12);
    expect(r90.survey?.csat?.interval.confidenceLevel).toBe(0.9);
  });
});

describe("intervals: published known answers", () => {
  test("NPS 30 promoters, 50 passives, 20 detractors → 10 ± 1.96·7 points", () => {
    // "Top 3 Statistieken om de kwaliteit van de klantenservice te meten": 30/50/20 → NPS 10;
    // variance 0.3 + 0.2 − 0.1² = 0.49, SE = 100·√(0.49/100) = 7.
    const rs = [
      ...many(30, "nps", 10, "2026-01-10T00:00:00Z"),
      ...many(50, "nps", 8, "2026-01-10T00:00:00Z"),
      ...many(20, "nps", 3, "2026-01-10T00:00:00Z"),
    ];
    const r = report({ tickets: [], responses: rs }, base);
    expect(r.survey?.nps?.score).toBeCloseTo(10, 12);
    expect(r.survey?.nps?.interval.lower).toBeCloseTo(10 - Z95 * 7, 9);
    expect(r.survey?.nps?.interval.upper).toBeCloseTo(10 + Z95 * 7, 9);
  });

  test("CSAT 81 of 263 → Newcombe (1998) Table I: 0.2553 to 0.3662", () => {
    const rs = [...many(81, "csat", 5, "2026-01-10T00:00:00Z"), ...many(182, "csat", 2, "2026-01-10T00:00:00Z")];
    const r = report({ tickets: [], responses: rs }, base);
    expect(r.survey?.csat?.interval.lower).toBeCloseTo(0.2553, 4);
    expect(r.survey?.csat?.interval.upper).toBeCloseTo(0.3662, 4);
  });
});

describe("period comparison: significance of each change", () => {
  // Tickets: January 8 of 10 resolved, December 7 of 10 (R: prop.test(c(8, 7), c(10, 10),
  // correct = FALSE)$p.value = 0.6055766). CSAT: January 45 of 100 satisfied, December 30 of
  // 100 (R: p = 0.02845974). NPS: January 30/50/20, December 20/50/30 (z = 20 / 9.8995 =
  // 2.0203, p = 0.04335).
  const day = (month: "2026-01" | "2025-12", i: number): Date => new Date(`${month}-${String(5 + i).padStart(2, "0")}T10:00:00Z`);
  const tickets: Ticket[] = [];
  for (const [month, solved] of [
    ["2026-01", 8],
    ["2025-12", 7],
  ] as const) {
    for (let i = 0; i < 10; i++) {
      const createdAt = day(month, i);
      tickets.push(
        i < solved
          ? { id: `${month}-${String(i)}`, createdAt, status: "solved", solvedAt: new Date(createdAt.getTime() + 60 * MIN) }
          : { id: `${month}-${String(i)}`, createdAt, status: "open" },
      );
    }
  }
  const jan = "2026-01-10T00:00:00Z";
  const dec = "2025-12-10T00:00:00Z";
  const responses = [
    ...many(45, "csat", 5, jan),
    ...many(55, "csat", 1, jan),
    ...many(30, "csat", 4, dec),
    ...many(70, "csat", 2, dec),
    ...many(30, "nps", 9, jan),
    ...many(50, "nps", 7, jan),
    ...many(20, "nps", 0, jan),
    ...many(20, "nps", 10, dec),
    ...many(50, "nps", 8, dec),
    ...many(30, "nps", 6, dec),
  ];
  const options: ReportOptions = { ...base, compareTo: DECEMBER };
  const r = report({ tickets, responses }, options);
  const find = (metric: string) => r.comparison?.changes.find((c) => c.metric === metric);

  test("CSAT 45 % vs 30 %: significant (p = 0.0285)", () => {
    const t = find("survey.csat.score")?.test;
    expect(t?.pValue).toBeCloseTo(0.02845974, 7);
    expect(t?.significant).toBe(true);
    expect(t?.method).toMatch(/two-proportion z-test/);
  });

  test("resolution rate 80 % vs 70 %: not significant (p = 0.61)", () => {
    const c = find("counts.resolutionRate.value");
    expect(c?.current).toBe(0.8);
    expect(c?.previous).toBe(0.7);
    expect(c?.test?.pValue).toBeCloseTo(0.6055766, 6);
    expect(c?.test?.significant).toBe(false);
  });

  test("NPS +20 points: significant at 95 %, not at 99 %", () => {
    const t = find("survey.nps.score")?.test;
    expect(t?.pValue).toBeCloseTo(0.04335175, 7);
    expect(t?.significant).toBe(true);
    const strict = report({ tickets, responses }, { ...options, confidenceLevel: 0.99 });
    const t99 = strict.comparison?.changes.find((c) => c.metric === "survey.nps.score")?.test;
    expect(t99?.pValue).toBe(t?.pValue);
    expect(t99?.significant).toBe(false);
  });

  test("metrics that are not proportions, and proportions without data, carry no test", () => {
    expect(find("tickets")?.test).toBeNull();
    expect(find("time.resolutionFinal.calendar.median")?.test).toBeNull();
    // No SLA policy: no compliance row. One-touch: no reply counts anywhere → no data, no test.
    expect(find("sla.compliance")).toBeUndefined();
    expect(find("time.oneTouch.share")?.test).toBeNull();
  });
});

describe("revenue at risk from the cohorts", () => {
  const cohorts: Cohort[] = [
    { label: "2026-01", start: new Date("2026-01-01T00:00:00Z"), size: 100, active: [80, 70, 65] },
    { label: "2026-02", start: new Date("2026-02-01T00:00:00Z"), size: 50, active: [40] },
    { label: "2026-03", start: new Date("2026-03-01T00:00:00Z"), size: 20, active: [] },
  ];

  test("lost = Σ (size − last observed active) = 35 + 10 + 0; × 243", () => {
    // The Russian article on tying support to revenue (seeds/004_6074af7efb9983f6.txt) quotes
    // USD 243 as the average cost of a lost customer: an example input, not a default.
    const r = report({ tickets: [], cohorts }, { ...base, valuePerCustomer: 243 });
    expect(r.customers?.revenueAtRisk).toEqual({ lostCustomers: 45, valuePerCustomer: 243, value: 45 * 243 });
    expect(r.parameters.valuePerCustomer).toBe(243);
  });

  test("null without valuePerCustomer; customers null without cohorts", () => {
    expect(report({ tickets: [], cohorts }, base).customers?.revenueAtRisk).toBeNull();
    expect(report({ tickets: [] }, { ...base, valuePerCustomer: 243 }).customers).toBeNull();
    expect(report({ tickets: [] }, base).parameters.valuePerCustomer).toBeNull();
  });

  test("a value of 0 gives 0", () => {
    expect(report({ tickets: [], cohorts }, { ...base, valuePerCustomer: 0 }).customers?.revenueAtRisk?.value).toBe(0);
  });
});

describe("no data → null intervals", () => {
  test("an empty report has no intervals, and no NaN", () => {
    const r = report({ tickets: [] }, { ...base, slaPolicy: { targets: [{ metric: "firstResponse", within: { hours: 1 } }] } });
    expect(r.counts.resolutionRate.interval).toBeNull();
    expect(r.time.oneTouch.interval).toBeNull();
    expect(r.time.firstResponse.calendar).toBeNull();
    expect(r.sla?.interval).toBeNull();
    expect(r.survey?.nps).toBeNull();
    expect(r.survey?.csat).toBeNull();
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  test("one measured duration: a summary without a mean interval", () => {
    const t: Ticket = {
      id: "1",
      createdAt: new Date("2026-01-05T10:00:00Z"),
      status: "open",
      firstResponseAt: new Date("2026-01-05T10:30:00Z"),
    };
    const r = report({ tickets: [t] }, base);
    expect(r.time.firstResponse.calendar?.count).toBe(1);
    expect(r.time.firstResponse.calendar?.meanInterval).toBeNull();
  });
});

describe("option errors", () => {
  test("E_CONFIDENCE_LEVEL: confidenceLevel must be strictly between 0 and 1", () => {
    expect(code(() => report({ tickets: [] }, { ...base, confidenceLevel: 1 }))).toBe("E_CONFIDENCE_LEVEL");
    expect(() => report({ tickets: [] }, { ...base, confidenceLevel: 95 })).toThrow(
      "report: confidenceLevel must be a number strictly between 0 and 1, got 95",
    );
  });

  test("E_VALUE_RANGE: valuePerCustomer must be at least 0", () => {
    expect(code(() => report({ tickets: [] }, { ...base, valuePerCustomer: -1 }))).toBe("E_VALUE_RANGE");
    expect(() => report({ tickets: [] }, { ...base, valuePerCustomer: -1 })).toThrow("report: valuePerCustomer must be at least 0, got -1");
  });

  test("E_NOT_FINITE: valuePerCustomer must be finite", () => {
    expect(code(() => report({ tickets: [] }, { ...base, valuePerCustomer: Number.NaN }))).toBe("E_NOT_FINITE");
  });
});
