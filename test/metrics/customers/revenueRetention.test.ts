import { describe, expect, it } from "vitest";
import { revenueRetention, type CustomerActivity } from "../../../src/metrics/customers/index.ts";
import { errorCodeOf as codeOf } from "../../_support/errors.ts";

const d = (iso: string): Date => new Date(iso);
const start = d("2026-01-01T00:00:00Z");
const buyer = (customerId: string, ...orders: [string, number][]): CustomerActivity => ({
  customerId,
  start,
  activity: orders.map(([at, amount]) => ({ at: d(at), amount })),
});

describe("revenueRetention", () => {
  it("splits lost revenue into churn and contraction, and adds expansion for NRR (hand-computed)", () => {
    // January revenue: a 100, b 100, c 100 (base 300). February: a 120 (+20 expansion), b 50 (50 contraction),
    // c 0 (100 churned). d buys only in February (new, left out).
    // Gross revenue churn = (100 + 50) / 300 = 0.5; NRR = (120 + 50 + 0) / 300 = 170/300.
    const data = [
      buyer("a", ["2026-01-05T00:00:00Z", 60], ["2026-01-25T00:00:00Z", 40], ["2026-02-05T00:00:00Z", 120]),
      buyer("b", ["2026-01-06T00:00:00Z", 100], ["2026-02-06T00:00:00Z", 50]),
      buyer("c", ["2026-01-07T00:00:00Z", 100], ["2026-03-07T00:00:00Z", 100]),
      buyer("d", ["2026-02-08T00:00:00Z", 500]),
    ];
    const r = revenueRetention(data, { timeZone: "UTC", base: d("2026-01-15T00:00:00Z") });
    expect(r).toMatchObject({
      basePeriod: "2026-01",
      nextPeriod: "2026-02",
      baseCustomers: 3,
      churnedCustomers: 1,
      baseRevenue: 300,
      churnedRevenue: 100,
      contraction: 50,
      expansion: 20,
      grossRevenueChurn: { rate: 0.5, numerator: 150, denominator: 300 },
      netRevenueRetention: { rate: 170 / 300, numerator: 170, denominator: 300 },
    });
  });

  it("follows the time zone's calendar: an order at 2026-01-31T23:30Z is February revenue in Europe/Bucharest", () => {
    const data = [buyer("a", ["2026-01-10T00:00:00Z", 100], ["2026-01-31T23:30:00Z", 80])];
    expect(revenueRetention(data, { timeZone: "UTC", base: start }).netRevenueRetention.rate).toBe(0);
    expect(revenueRetention(data, { timeZone: "Europe/Bucharest", base: start }).netRevenueRetention.rate).toBe(0.8);
  });

  it("works by ISO week", () => {
    const data = [buyer("a", ["2026-01-05T10:00:00Z", 10], ["2026-01-12T10:00:00Z", 15])];
    const r = revenueRetention(data, { timeZone: "UTC", base: d("2026-01-07T00:00:00Z"), period: "week" });
    expect([r.basePeriod, r.nextPeriod, r.netRevenueRetention.rate]).toEqual(["2026-W02", "2026-W03", 1.5]);
  });

  it("gives undefined rates when nobody had revenue in the base period", () => {
    const r = revenueRetention([buyer("a", ["2026-02-05T00:00:00Z", 10])], { timeZone: "UTC", base: start });
    expect(r.grossRevenueChurn.rate).toBeUndefined();
    expect(r.netRevenueRetention.rate).toBeUndefined();
  });

  it("sets aside and lists negative amounts instead of netting them", () => {
    const data = [buyer("a", ["2026-01-05T00:00:00Z", 100], ["2026-01-06T00:00:00Z", -40], ["2026-02-05T00:00:00Z", 100])];
    const r = revenueRetention(data, { timeZone: "UTC", base: start });
    expect(r.baseRevenue).toBe(100);
    expect(r.issues).toEqual([{ list: "customers", row: 0, activityIndex: 1, customerId: "a", reason: "negative-amount" }]);
  });

  it("throws E_NOT_FINITE, E_TIME_ZONE, E_PERIOD and E_INVALID_DATE", () => {
    expect(codeOf(() => revenueRetention([buyer("a", ["2026-01-05T00:00:00Z", Infinity])], { timeZone: "UTC", base: start }))).toBe(
      "E_NOT_FINITE",
    );
    expect(codeOf(() => revenueRetention([], { timeZone: "Nowhere/Else", base: start }))).toBe("E_TIME_ZONE");
    // @ts-expect-error — "year" is not a customer period
    expect(codeOf(() => revenueRetention([], { timeZone: "UTC", base: start, period: "year" }))).toBe("E_PERIOD");
    expect(codeOf(() => revenueRetention([], { timeZone: "UTC", base: new Date("x") }))).toBe("E_INVALID_DATE");
  });
});
