import { describe, expect, it } from "vitest";
import { churnRate, periodChurn, retentionRate, type CustomerLifetime } from "../../../src/metrics/customers/index.ts";
import { errorCodeOf as codeOf } from "../../_support/errors.ts";
import { ROMANIAN as RO } from "../../_support/sources.ts";

const d = (iso: string): Date => new Date(iso);
const from = d("2026-01-01T00:00:00Z");
const to = d("2026-02-01T00:00:00Z");
const many = (n: number, prefix: string, start: string, end?: string): CustomerLifetime[] =>
  Array.from({ length: n }, (_, i) => ({
    customerId: `${prefix}${String(i)}`,
    start: d(start),
    end: end === undefined ? undefined : d(end),
  }));

describe("periodChurn", () => {
  it(`gives churn 0.2 for 2,000 at start and 400 lost (${RO}; the article prints 2 %, which is wrong)`, () => {
    const data = [...many(1600, "s", "2025-11-01T00:00:00Z"), ...many(400, "l", "2025-11-01T00:00:00Z", "2026-01-20T00:00:00Z")];
    const r = periodChurn(data, { from, to });
    expect(r.churn).toEqual({ rate: 0.2, numerator: 400, denominator: 2000 });
    expect(r.churn.rate).toBe(churnRate(2000, 400));
    expect(r.retention.rate).toBe(0.8);
  });

  it(`gives retention 0.9 for 1,000 at start, 1,200 at end, 300 new (${RO})`, () => {
    const data = [
      ...many(900, "s", "2025-11-01T00:00:00Z"),
      ...many(100, "l", "2025-11-01T00:00:00Z", "2026-01-31T23:59:59Z"),
      ...many(300, "n", "2026-01-15T00:00:00Z"),
    ];
    const r = periodChurn(data, { from, to });
    expect(r.counts).toEqual({ atStart: 1000, joined: 300, lostFromStart: 100, lostJoined: 0, atEnd: 1200 });
    expect(r.retention).toEqual({ rate: 0.9, numerator: 900, denominator: 1000 });
    expect(r.retention.rate).toBe(retentionRate(1000, 1200, 300));
    expect(r.churn.rate).toBe(0.1);
    expect(r.exposedChurn).toEqual({ rate: 100 / 1300, numerator: 100, denominator: 1300 });
  });

  it("counts customers who join and leave inside the period in exposedChurn only (hand-computed)", () => {
    // a: at start, stays. b: at start, lost on 15 Jan. c: joins 5 Jan, lost 20 Jan. e: lost before the period.
    // f: joins on `to` (next period). g: starts exactly on `from` (joined, not at start). h: ends exactly on `from` (lost in this period).
    const data: CustomerLifetime[] = [
      { customerId: "a", start: d("2025-12-01T00:00:00Z") },
      { customerId: "b", start: d("2025-12-01T00:00:00Z"), end: d("2026-01-15T00:00:00Z") },
      { customerId: "c", start: d("2026-01-05T00:00:00Z"), end: d("2026-01-20T00:00:00Z") },
      { customerId: "e", start: d("2025-10-01T00:00:00Z"), end: d("2025-12-01T00:00:00Z") },
      { customerId: "f", start: to },
      { customerId: "g", start: from },
      { customerId: "h", start: d("2025-10-01T00:00:00Z"), end: from },
    ];
    const r = periodChurn(data, { from, to });
    // atStart {a, b, h} = 3; joined {c, g} = 2; lostFromStart {b, h} = 2; lostJoined {c} = 1; atEnd {a, g} = 2.
    expect(r.counts).toEqual({ atStart: 3, joined: 2, lostFromStart: 2, lostJoined: 1, atEnd: 2 });
    expect(r.churn).toEqual({ rate: 2 / 3, numerator: 2, denominator: 3 });
    expect(r.exposedChurn).toEqual({ rate: 3 / 5, numerator: 3, denominator: 5 });
    // retention = (atEnd − (joined − lostJoined)) / atStart = (2 − 1) / 3.
    expect(r.retention).toEqual({ rate: 1 / 3, numerator: 1, denominator: 3 });
  });

  it("gives undefined rates when nobody was there or joined", () => {
    const r = periodChurn([], { from, to });
    expect([r.churn.rate, r.exposedChurn.rate, r.retention.rate]).toEqual([undefined, undefined, undefined]);
  });

  it("sets aside and lists duplicate ids and lifetimes that end before they start", () => {
    const data: CustomerLifetime[] = [
      { customerId: "x", start: d("2025-12-01T00:00:00Z") },
      { customerId: "y", start: d("2026-01-10T00:00:00Z"), end: d("2026-01-05T00:00:00Z") },
      { customerId: "x", start: d("2025-12-02T00:00:00Z") },
      { customerId: "z", start: d("2025-12-01T00:00:00Z") },
    ];
    const r = periodChurn(data, { from, to });
    expect(r.issues).toEqual([
      { list: "customers", row: 0, customerId: "x", reason: "duplicate-customer" },
      { list: "customers", row: 1, customerId: "y", reason: "end-before-start" },
      { list: "customers", row: 2, customerId: "x", reason: "duplicate-customer" },
    ]);
    expect(r.records).toMatchObject({ customers: 4, usedCustomers: 1 });
    expect(r.counts.atStart).toBe(1);
  });

  it("throws E_PERIOD_ORDER when to is before from", () => {
    expect(codeOf(() => periodChurn([], { from: to, to: from }))).toBe("E_PERIOD_ORDER");
    expect(() => periodChurn([], { from: to, to: from })).toThrow(
      "periodChurn: to must not be before from (2026-02-01T00:00:00.000Z), got 2026-01-01T00:00:00.000Z",
    );
  });

  it("treats to = from as an empty period: nobody joins or is lost", () => {
    const r = periodChurn([{ customerId: "a", start: d("2025-12-01T00:00:00Z"), end: from }], { from, to: from });
    expect(r.counts).toEqual({ atStart: 1, joined: 0, lostFromStart: 0, lostJoined: 0, atEnd: 1 });
    expect(r.churn.rate).toBe(0);
  });

  it("throws E_INVALID_DATE for an invalid date", () => {
    expect(codeOf(() => periodChurn([], { from: new Date("x"), to }))).toBe("E_INVALID_DATE");
    expect(codeOf(() => periodChurn([{ customerId: "a", start: from, end: new Date(Number.NaN) }], { from, to }))).toBe("E_INVALID_DATE");
  });
});
