import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { buildCohorts, churnRate, retentionMatrix, retentionRate, type CustomerActivity } from "../../../src/metrics/customers/index.ts";
import { needsRealData, realDataPath } from "../../_support/realData.ts";
import { errorCodeOf as codeOf } from "../../_support/errors.ts";
import { ROMANIAN as RO } from "../../_support/sources.ts";

const d = (iso: string): Date => new Date(iso);
/** A customer starting at `start`, active at each of `at` (all UTC noon on the given day). */
const customer = (customerId: string, start: string, ...at: string[]): CustomerActivity => ({
  customerId,
  start: d(`${start}T12:00:00Z`),
  activity: at.map((day) => ({ at: d(`${day}T12:00:00Z`) })),
});

// Hand-computed 4 cohorts × up to 4 periods, monthly, UTC, observed through May 2026.
//
// Jan cohort (size 4), periods k = 1 Feb, 2 Mar, 3 Apr, 4 May:
//   j1 active Feb (twice), Mar, Apr, May   j2 active Feb, Apr   j3 active Mar   j4 only Jan (k = 0: counts nowhere)
//   "active":   Feb {j1,j2}=2  Mar {j1,j3}=2  Apr {j1,j2}=2  May {j1}=1        → [2, 2, 2, 1]
//   "retained": last active period j1 = 4, j2 = 3, j3 = 2, j4 = 0
//               k=1: 3  k=2: 3  k=3: 2 (j1,j2)  k=4: 1 (j1)                   → [3, 3, 2, 1]
// Feb cohort (size 2), k = 1 Mar, 2 Apr, 3 May:
//   f1 active Mar, May   f2 active Apr
//   "active": [1, 1, 1]   "retained": last f1 = 3, f2 = 2 → [2, 2, 1]
// Mar cohort (size 3), k = 1 Apr, 2 May:
//   m1 active Apr, May   m2 active May   m3 never
//   "active": [1, 2]      "retained": last m1 = 2, m2 = 2 → [2, 2]
// Apr cohort (size 1), k = 1 May:  a1 active May → [1] in both modes
//
// Average curve (weighted by size, only cohorts old enough):
//   "active":   k1 (2+1+1+1)/(4+2+3+1) = 5/10 = 0.5   k2 (2+1+2)/(4+2+3) = 5/9   k3 (2+1)/(4+2) = 0.5   k4 1/4
//   "retained": k1 (3+2+2+1)/10 = 0.8                  k2 (3+2+2)/9 = 7/9         k3 (2+1)/6 = 0.5      k4 1/4
// Churn per period ("retained"): k1 (10 − 8)/10 = 0.2; k2 cohorts Jan, Feb, Mar: (7 − 7)/7 = 0;
//   k3 cohorts Jan, Feb: ((3+2) − (2+1))/5 = 0.4; k4 Jan: (2 − 1)/2 = 0.5
// Churn per period ("active", net): k2 ((2+1+1) − (2+1+2))/4 = −0.25 (more came back than left)
const HAND: CustomerActivity[] = [
  customer("j1", "2026-01-05", "2026-01-06", "2026-02-01", "2026-02-20", "2026-03-10", "2026-04-10", "2026-05-10"),
  customer("j2", "2026-01-10", "2026-02-11", "2026-04-11"),
  customer("j3", "2026-01-15", "2026-03-15"),
  customer("j4", "2026-01-20", "2026-01-21"),
  customer("f1", "2026-02-03", "2026-03-03", "2026-05-03"),
  customer("f2", "2026-02-04", "2026-04-04"),
  customer("m1", "2026-03-01", "2026-04-01", "2026-05-01"),
  customer("m2", "2026-03-02", "2026-03-20", "2026-05-02"),
  customer("m3", "2026-03-03"),
  customer("a1", "2026-04-30", "2026-05-31"),
];
const AS_OF = d("2026-05-31T23:59:59.999Z");

describe("buildCohorts", () => {
  it("builds the hand-computed 4 × 4 matrix in active mode", () => {
    const { cohorts, issues, counts } = buildCohorts(HAND, { timeZone: "UTC", asOf: AS_OF });
    expect(cohorts.map((c) => [c.label, c.size, c.active])).toEqual([
      ["2026-01", 4, [2, 2, 2, 1]],
      ["2026-02", 2, [1, 1, 1]],
      ["2026-03", 3, [1, 2]],
      ["2026-04", 1, [1]],
    ]);
    expect(cohorts[0]?.start.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(cohorts[0]?.period).toBe("month");
    expect(issues).toEqual([]);
    expect(counts).toMatchObject({ customers: 10, usedCustomers: 10, activity: 18, usedActivity: 18 });
    const m = retentionMatrix(cohorts)!;
    expect(m.curve.map((p) => p.retention)).toEqual([0.5, 5 / 9, 0.5, 0.25]);
    expect(m.churn[1]).toEqual({ period: 2, rate: -0.25, numerator: -1, denominator: 4 });
  });

  it("builds the hand-computed 4 × 4 matrix in retained mode", () => {
    const { cohorts, mode } = buildCohorts(HAND, { timeZone: "UTC", asOf: AS_OF, mode: "retained" });
    expect(mode).toBe("retained");
    expect(cohorts.map((c) => c.active)).toEqual([[3, 3, 2, 1], [2, 2, 1], [2, 2], [1]]);
    const m = retentionMatrix(cohorts)!;
    expect(m.curve.map((p) => p.retention)).toEqual([0.8, 7 / 9, 0.5, 0.25]);
    expect(m.curve.map((p) => p.cohorts)).toEqual([4, 3, 2, 1]);
    expect(m.churn.map((c) => c.rate)).toEqual([0.2, 0, 0.4, 0.5]);
    expect(m.churn.map((c) => c.denominator)).toEqual([10, 7, 5, 2]);
  });

  it("puts an activity at 2026-01-31T23:30Z in February in Europe/Bucharest and in January in UTC", () => {
    const data = [{ customerId: "x", start: d("2026-01-10T10:00:00Z"), activity: [{ at: d("2026-01-31T23:30:00Z") }] }];
    const asOf = d("2026-02-15T00:00:00Z");
    const bucharest = buildCohorts(data, { timeZone: "Europe/Bucharest", asOf });
    const utc = buildCohorts(data, { timeZone: "UTC", asOf });
    expect(bucharest.cohorts[0]?.active).toEqual([1]);
    expect(utc.cohorts[0]?.active).toEqual([0]);
    expect(bucharest.cohorts[0]?.start.toISOString()).toBe("2025-12-31T22:00:00.000Z");
  });

  it("uses ISO weeks starting on Monday", () => {
    // 2026-01-04 is a Sunday (ISO week 2026-W01), 2026-01-05 a Monday (2026-W02).
    const data = [
      { customerId: "x", start: d("2026-01-04T12:00:00Z"), activity: [{ at: d("2026-01-05T00:30:00Z") }] },
      { customerId: "y", start: d("2026-01-04T12:00:00Z"), activity: [{ at: d("2026-01-04T23:30:00Z") }] },
    ];
    const { cohorts } = buildCohorts(data, { timeZone: "UTC", asOf: d("2026-01-06T00:00:00Z"), period: "week" });
    expect(cohorts).toEqual([{ label: "2026-W01", start: d("2025-12-29T00:00:00Z"), size: 2, active: [1], period: "week" }]);
  });

  it(`gives the seed churn 0.2 through cohorts: 2,000 start in January, 1,600 active in February (${RO}; the article prints 2 %, wrongly)`, () => {
    const data = Array.from({ length: 2000 }, (_, i) => customer(`c${String(i)}`, "2026-01-10", ...(i < 1600 ? ["2026-02-10"] : [])));
    const { cohorts } = buildCohorts(data, { timeZone: "Europe/Bucharest", asOf: d("2026-02-28T12:00:00Z"), mode: "retained" });
    const churn = retentionMatrix(cohorts)!.churn[0]!;
    expect(churn).toEqual({ period: 1, rate: 0.2, numerator: 400, denominator: 2000 });
    expect(churn.rate).toBe(churnRate(2000, 400));
  });

  it(`gives the seed retention 0.9 through cohorts: 1,000 start in January, 900 active and 300 new in February (${RO})`, () => {
    const data = [
      ...Array.from({ length: 1000 }, (_, i) => customer(`old${String(i)}`, "2026-01-10", ...(i < 900 ? ["2026-02-10"] : []))),
      ...Array.from({ length: 300 }, (_, i) => customer(`new${String(i)}`, "2026-02-05", "2026-02-06")),
    ];
    const { cohorts } = buildCohorts(data, { timeZone: "UTC", asOf: d("2026-02-28T12:00:00Z") });
    const [jan, feb] = cohorts;
    const start = jan!.size; // 1,000
    const acquired = feb!.size; // 300
    const end = jan!.active[0]! + acquired; // 900 retained + 300 new = 1,200
    expect([start, end, acquired]).toEqual([1000, 1200, 300]);
    expect(retentionRate(start, end, acquired)).toBe(0.9);
    expect(retentionMatrix(cohorts)!.curve[0]?.retention).toBe(0.9);
  });

  it("sets aside and lists duplicates, activity before the start, negative amounts and anything after asOf", () => {
    const data: CustomerActivity[] = [
      customer("dup", "2026-01-05", "2026-02-05"),
      {
        customerId: "ok",
        start: d("2026-01-10T00:00:00Z"),
        activity: [
          { at: d("2026-01-01T00:00:00Z") },
          { at: d("2026-02-01T00:00:00Z"), amount: -5 },
          { at: d("2026-02-02T00:00:00Z"), amount: 5 },
          { at: d("2026-04-01T00:00:00Z") },
        ],
      },
      customer("dup", "2026-01-07"),
      customer("late", "2026-04-01"),
    ];
    const { cohorts, issues, counts } = buildCohorts(data, { timeZone: "UTC", asOf: d("2026-03-01T00:00:00Z") });
    expect(issues).toEqual([
      { list: "customers", row: 0, customerId: "dup", reason: "duplicate-customer" },
      { list: "customers", row: 1, activityIndex: 0, customerId: "ok", reason: "activity-before-start" },
      { list: "customers", row: 1, activityIndex: 1, customerId: "ok", reason: "negative-amount" },
      { list: "customers", row: 1, activityIndex: 3, customerId: "ok", reason: "activity-after-as-of" },
      { list: "customers", row: 2, customerId: "dup", reason: "duplicate-customer" },
      { list: "customers", row: 3, customerId: "late", reason: "start-after-as-of" },
    ]);
    expect(counts).toEqual({
      customers: 4,
      usedCustomers: 1,
      activity: 5,
      usedActivity: 1,
      issues: {
        "duplicate-customer": 2,
        "unknown-customer": 0,
        "activity-before-start": 1,
        "negative-amount": 1,
        "start-after-as-of": 1,
        "activity-after-as-of": 1,
        "end-before-start": 0,
      },
    });
    expect(cohorts).toEqual([{ label: "2026-01", start: d("2026-01-01T00:00:00Z"), size: 1, active: [1, 0], period: "month" }]);
  });

  it("reads the flat form (starts + rows) with row indexes, and agrees with the nested form", () => {
    const starts = HAND.map(({ customerId, start }) => ({ customerId, start }));
    const rows = HAND.flatMap((c) => c.activity.map((a) => ({ customerId: c.customerId, ...a })));
    rows.push({ customerId: "ghost", at: d("2026-02-01T00:00:00Z") });
    rows.unshift({ customerId: "j1", at: d("2025-12-31T00:00:00Z") });
    const flat = buildCohorts({ starts, rows }, { timeZone: "UTC", asOf: AS_OF });
    expect(flat.cohorts).toEqual(buildCohorts(HAND, { timeZone: "UTC", asOf: AS_OF }).cohorts);
    expect(flat.issues).toEqual([
      { list: "rows", row: rows.length - 1, customerId: "ghost", reason: "unknown-customer" },
      { list: "rows", row: 0, customerId: "j1", reason: "activity-before-start" },
    ]);
    expect(flat.counts).toMatchObject({ activity: 20, usedActivity: 18 });
  });

  it("returns no cohorts for no customers", () => {
    expect(buildCohorts([], { timeZone: "UTC", asOf: AS_OF }).cohorts).toEqual([]);
    expect(retentionMatrix(buildCohorts([], { timeZone: "UTC", asOf: AS_OF }).cohorts)).toBeUndefined();
  });

  it(
    "builds weekly cohorts of repeat callers in the real Anonymous Bank call-centre data (Aug 1999, Brown et al. 2005)",
    needsRealData("real/anonymous_bank_callcenter_1999-08.csv"),
    () => {
      const text = readFileSync(realDataPath("real/anonymous_bank_callcenter_1999-08.csv"), "utf8");
      const byCustomer = new Map<string, Date[]>();
      for (const line of text.split("\n").slice(1)) {
        const f = line.split(",");
        const id = f[2];
        if (id === undefined || id === "0" || f[5] === undefined || f[6] === undefined) continue; // 0 = unidentified caller
        // The date column reads 2010 (an import artefact); the calls are from August 1999, same weekdays.
        const at = new Date(`${f[5].replace("2010", "1999")}T${f[6].padStart(8, "0")}+03:00`);
        let calls = byCustomer.get(id);
        if (calls === undefined) byCustomer.set(id, (calls = []));
        calls.push(at);
      }
      const data = [...byCustomer].map(([customerId, calls]) => ({
        customerId,
        start: new Date(Math.min(...calls.map((c) => c.getTime()))),
        activity: calls.map((at) => ({ at })),
      }));
      const asOf = d("1999-08-31T21:00:00Z");
      for (const mode of ["active", "retained"] as const) {
        const { cohorts, issues, counts } = buildCohorts(data, { timeZone: "Asia/Jerusalem", asOf, period: "week", mode });
        expect(issues).toEqual([]);
        expect(counts.usedCustomers).toBe(byCustomer.size);
        expect(cohorts.reduce((n, c) => n + c.size, 0)).toBe(byCustomer.size);
        expect(cohorts[0]?.label).toBe("1999-W30"); // Sunday 1 Aug 1999 belongs to the ISO week of Mon 26 Jul
        for (const c of cohorts) {
          for (const a of c.active) expect(a).toBeLessThanOrEqual(c.size);
          if (mode === "retained") c.active.forEach((a, i) => i > 0 && expect(a).toBeLessThanOrEqual(c.active[i - 1]!));
        }
        // Some callers of the first week call again in the next week.
        expect(cohorts[0]!.active[0]).toBeGreaterThan(0);
      }
    },
  );

  it("throws E_INVALID_DATE for an invalid start, activity date or asOf", () => {
    const opts = { timeZone: "UTC", asOf: AS_OF };
    expect(codeOf(() => buildCohorts([{ customerId: "a", start: new Date(Number.NaN), activity: [] }], opts))).toBe("E_INVALID_DATE");
    expect(codeOf(() => buildCohorts([{ customerId: "a", start: AS_OF, activity: [{ at: new Date("x") }] }], opts))).toBe("E_INVALID_DATE");
    expect(codeOf(() => buildCohorts([], { timeZone: "UTC", asOf: new Date("x") }))).toBe("E_INVALID_DATE");
    expect(() => buildCohorts([], { timeZone: "UTC", asOf: new Date("x") })).toThrow(
      "buildCohorts: asOf must be a valid Date, got Invalid Date",
    );
  });

  it("throws E_NOT_FINITE for a NaN amount", () => {
    const data = [{ customerId: "a", start: d("2026-01-01T00:00:00Z"), activity: [{ at: AS_OF, amount: Number.NaN }] }];
    expect(codeOf(() => buildCohorts(data, { timeZone: "UTC", asOf: AS_OF }))).toBe("E_NOT_FINITE");
    expect(() => buildCohorts(data, { timeZone: "UTC", asOf: AS_OF })).toThrow("buildCohorts: amount must be a finite number, got NaN");
  });

  it("throws E_TIME_ZONE for an unknown time zone", () => {
    expect(codeOf(() => buildCohorts([], { timeZone: "Mars/Olympus", asOf: AS_OF }))).toBe("E_TIME_ZONE");
    expect(() => buildCohorts([], { timeZone: "Mars/Olympus", asOf: AS_OF })).toThrow(
      "buildCohorts: timeZone must be a valid IANA time zone, got Mars/Olympus",
    );
  });

  it("throws E_PERIOD for a period other than month or week", () => {
    // @ts-expect-error — "day" is not a customer period
    expect(codeOf(() => buildCohorts([], { timeZone: "UTC", asOf: AS_OF, period: "day" }))).toBe("E_PERIOD");
  });

  it("throws E_MODE for a mode other than active or retained", () => {
    // @ts-expect-error — "churned" is not a mode
    expect(codeOf(() => buildCohorts([], { timeZone: "UTC", asOf: AS_OF, mode: "churned" }))).toBe("E_MODE");
  });
});
