import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { revenueRetention, type CustomerActivity } from "../../../src/metrics/customers/index.ts";

const DAY = 86_400_000;
const start = new Date(Date.UTC(2026, 0, 1));
const data = fc
  .array(fc.array(fc.tuple(fc.integer({ min: 0, max: 58 }), fc.integer({ min: 0, max: 100_000 })), { maxLength: 6 }), { maxLength: 20 })
  .map((list): CustomerActivity[] =>
    list.map((orders, i) => ({
      customerId: `c${String(i)}`,
      start,
      activity: orders.map(([day, cents]) => ({ at: new Date(start.getTime() + day * DAY), amount: cents / 100 })),
    })),
  );
const options = { timeZone: "UTC", base: start };

test.prop([data])("NRR = (base − churned − contraction + expansion) / base, gross churn in [0, 1], NRR ≥ 0", (list) => {
  const r = revenueRetention(list, options);
  fc.pre(r.baseCustomers !== 0);
  expect(r.netRevenueRetention.numerator).toBeCloseTo(r.baseRevenue - r.churnedRevenue - r.contraction + r.expansion, 6);
  expect(r.grossRevenueChurn.rate! >= 0 && r.grossRevenueChurn.rate! <= 1 + 1e-12).toBe(true);
  expect(r.netRevenueRetention.rate!).toBeGreaterThanOrEqual(0);
});

test.prop([data])("agrees with a naive per-customer reference", (list) => {
  const r = revenueRetention(list, options);
  const feb = Date.UTC(2026, 1, 1);
  const mar = Date.UTC(2026, 2, 1);
  let base = 0;
  let next = 0;
  let n = 0;
  for (const c of list) {
    const r0 = c.activity.filter((a) => a.at.getTime() < feb).reduce((s, a) => s + a.amount!, 0);
    const r1 = c.activity.filter((a) => a.at.getTime() >= feb && a.at.getTime() < mar).reduce((s, a) => s + a.amount!, 0);
    if (r0 > 0) {
      n++;
      base += r0;
      next += r1;
    }
  }
  expect(r.baseCustomers).toBe(n);
  expect(r.baseRevenue).toBeCloseTo(base, 6);
  expect(r.netRevenueRetention.numerator).toBeCloseTo(next, 6);
});

test.prop([data])("does not depend on record order", (list) => {
  const a = revenueRetention(list, options);
  const b = revenueRetention(
    [...list].reverse().map((c) => ({ ...c, activity: [...c.activity].reverse() })),
    options,
  );
  expect(b.baseCustomers).toBe(a.baseCustomers);
  expect(b.baseRevenue).toBeCloseTo(a.baseRevenue, 9);
  expect(b.netRevenueRetention.numerator).toBeCloseTo(a.netRevenueRetention.numerator, 9);
  expect(b.grossRevenueChurn.numerator).toBeCloseTo(a.grossRevenueChurn.numerator, 9);
});
