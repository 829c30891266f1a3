import { describe, expect, it } from "vitest";
import { customerLifetimeValue, repeatPurchaseRate, revenueAtRisk } from "../../../src/metrics/customers/index.ts";
import { errorCodeOf as codeOf } from "../../_support/errors.ts";

// Russian article on tying support to revenue (seeds/004_6074af7efb9983f6.txt; the file has no
// title line — it opens "На прошлой неделе мы убедились…"): "средняя глобальная стоимость
// потерянного клиента составляет 243 доллара" (the average cost of a lost customer is USD 243).
const RU = "Russian article on tying support to revenue (seeds/004, untitled)";

describe("revenueAtRisk", () => {
  it(`gives USD 2,430 for 10 lost customers at the USD 243 per lost customer quoted in the ${RU} (an input, not a default)`, () => {
    expect(revenueAtRisk(10, 243)).toBe(2430);
    expect(revenueAtRisk(0, 243)).toBe(0);
  });

  it("is linear in the lost customers", () => {
    expect(revenueAtRisk(400, 243)).toBe(4 * revenueAtRisk(100, 243));
  });

  it("throws E_COUNT_RANGE for a bad count", () => {
    expect(codeOf(() => revenueAtRisk(-1, 243))).toBe("E_COUNT_RANGE");
    expect(codeOf(() => revenueAtRisk(1.5, 243))).toBe("E_COUNT_RANGE");
  });

  it("throws E_NOT_FINITE for a non-finite value", () => {
    expect(codeOf(() => revenueAtRisk(1, Number.NaN))).toBe("E_NOT_FINITE");
  });

  it("throws E_VALUE_RANGE for a negative value", () => {
    expect(codeOf(() => revenueAtRisk(1, -243))).toBe("E_VALUE_RANGE");
    expect(() => revenueAtRisk(1, -243)).toThrow("revenueAtRisk: valuePerCustomer must be at least 0, got -243");
  });

  it("throws E_OVERFLOW instead of returning Infinity when the product is too large (issue 11 review)", () => {
    expect(codeOf(() => revenueAtRisk(974, 1e308))).toBe("E_OVERFLOW");
    expect(revenueAtRisk(1, 1e308)).toBe(1e308);
  });
});

describe("repeatPurchaseRate", () => {
  it("counts customers with 2+ purchases over customers with 1+, and counts the skipped ones", () => {
    expect(repeatPurchaseRate([1, 2, 3, 0, 1])).toEqual({ rate: 0.5, numerator: 2, denominator: 4, skipped: { noPurchases: 1 } });
  });

  it("returns an undefined rate when nobody purchased", () => {
    expect(repeatPurchaseRate([0, 0])).toEqual({ rate: undefined, numerator: 0, denominator: 0, skipped: { noPurchases: 2 } });
    expect(repeatPurchaseRate([]).rate).toBeUndefined();
  });

  it("does not depend on order", () => {
    expect(repeatPurchaseRate([3, 0, 1, 1, 2])).toEqual(repeatPurchaseRate([1, 2, 3, 0, 1]));
  });

  it("throws E_COUNT_RANGE for a negative or fractional count", () => {
    expect(codeOf(() => repeatPurchaseRate([1, -1]))).toBe("E_COUNT_RANGE");
    expect(codeOf(() => repeatPurchaseRate([1.5]))).toBe("E_COUNT_RANGE");
  });
});

describe("customerLifetimeValue", () => {
  it("multiplies order value, frequency and lifetime (Wikipedia, Customer lifetime value: simple model)", () => {
    expect(customerLifetimeValue({ averageOrderValue: 50, purchaseFrequency: 2, expectedLifetime: 3 })).toEqual({
      value: 300,
      averageOrderValue: 50,
      purchaseFrequency: 2,
      expectedLifetime: 3,
    });
  });

  it('takes the expected lifetime as 1 / churn: the seed churn of 0.2 per month gives 5 months ("8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022")', () => {
    const r = customerLifetimeValue({ averageOrderValue: 50, purchaseFrequency: 2, churnRate: 0.2 })!;
    expect(r.expectedLifetime).toBe(5);
    expect(r.value).toBe(500);
  });

  it("returns undefined for a churn of 0 (no finite lifetime)", () => {
    expect(customerLifetimeValue({ averageOrderValue: 50, purchaseFrequency: 2, churnRate: 0 })).toBeUndefined();
  });

  it("throws E_LIFETIME_INPUT unless exactly one of expectedLifetime and churnRate is given", () => {
    expect(codeOf(() => customerLifetimeValue({ averageOrderValue: 1, purchaseFrequency: 1 }))).toBe("E_LIFETIME_INPUT");
    expect(() => customerLifetimeValue({ averageOrderValue: 1, purchaseFrequency: 1, churnRate: 0.1, expectedLifetime: 10 })).toThrow(
      "customerLifetimeValue: exactly one of expectedLifetime and churnRate must be given, got both",
    );
  });

  it("throws E_FRACTION_RANGE for a churn outside 0–1", () => {
    expect(codeOf(() => customerLifetimeValue({ averageOrderValue: 1, purchaseFrequency: 1, churnRate: 1.5 }))).toBe("E_FRACTION_RANGE");
  });

  it("throws E_VALUE_RANGE for a negative order value or frequency, or a lifetime not above 0", () => {
    expect(codeOf(() => customerLifetimeValue({ averageOrderValue: -1, purchaseFrequency: 1, expectedLifetime: 1 }))).toBe("E_VALUE_RANGE");
    expect(codeOf(() => customerLifetimeValue({ averageOrderValue: 1, purchaseFrequency: -1, expectedLifetime: 1 }))).toBe("E_VALUE_RANGE");
    expect(codeOf(() => customerLifetimeValue({ averageOrderValue: 1, purchaseFrequency: 1, expectedLifetime: 0 }))).toBe("E_VALUE_RANGE");
  });

  it("throws E_NOT_FINITE for a non-finite input", () => {
    expect(codeOf(() => customerLifetimeValue({ averageOrderValue: Number.NaN, purchaseFrequency: 1, expectedLifetime: 1 }))).toBe(
      "E_NOT_FINITE",
    );
    expect(codeOf(() => customerLifetimeValue({ averageOrderValue: 1, purchaseFrequency: 1, expectedLifetime: Infinity }))).toBe(
      "E_NOT_FINITE",
    );
  });
});
