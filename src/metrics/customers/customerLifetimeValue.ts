import { MetricRangeError } from "../../_lib/errors.ts";
import { assertFiniteResult } from "../../_lib/moments.ts";
import { assertFinite, assertFraction } from "../../_lib/guards.ts";

/**
 * The inputs of {@link customerLifetimeValue}. Give exactly one of `expectedLifetime` and
 * `churnRate`; frequency, lifetime and churn must use the same period (e.g. a month).
 *
 * @category Customers
 */
export interface CustomerLifetimeValueInputs {
  /** Average order value: revenue / orders, in money; at least 0. */
  readonly averageOrderValue: number;
  /** Purchase frequency: orders per customer per period; at least 0. */
  readonly purchaseFrequency: number;
  /** Expected customer lifetime, in periods; greater than 0. */
  readonly expectedLifetime?: number | undefined;
  /** Churn rate per period, a fraction from 0 to 1; the expected lifetime is then `1 / churnRate`. */
  readonly churnRate?: number | undefined;
}

/**
 * The result of {@link customerLifetimeValue}: the value and the factors it multiplies.
 *
 * @category Customers
 */
export interface CustomerLifetimeValueResult {
  /** `averageOrderValue × purchaseFrequency × expectedLifetime`, in money. */
  readonly value: number;
  /** As given. */
  readonly averageOrderValue: number;
  /** As given. */
  readonly purchaseFrequency: number;
  /** Expected lifetime in periods, given or `1 / churnRate`. */
  readonly expectedLifetime: number;
}

/**
 * Customer lifetime value: average order value × purchase frequency × expected lifetime, where
 * the expected lifetime is given or is 1 / churn rate.
 *
 * @param inputs - {@link CustomerLifetimeValueInputs}.
 * @returns The value with its factors, or `undefined` when `churnRate` is 0 (no churn gives no
 * finite expected lifetime).
 * @throws {@link MetricRangeError} `E_NOT_FINITE` if a number is not finite; `E_VALUE_RANGE` if
 * the order value or frequency is negative or the lifetime is not above 0;
 * `E_FRACTION_RANGE` if `churnRate` is not from 0 to 1; `E_LIFETIME_INPUT` unless exactly one of
 * `expectedLifetime` and `churnRate` is given; `E_OVERFLOW` if 1 / churnRate or the value exceeds
 * the largest double (1.8e308).
 * @remarks A revenue value (no margin, no discounting). Assumptions: order value and frequency
 * stay constant over the lifetime; with `churnRate`, each customer leaves with the same
 * probability every period, so lifetimes are geometric with mean `1 / churnRate` periods (a
 * churn of 0.2 per month gives 5 months). Multiply by a gross margin for a profit CLV.
 * @example
 * ```ts
 * customerLifetimeValue({ averageOrderValue: 50, purchaseFrequency: 2, churnRate: 0.2 })?.value;      // => 500
 * customerLifetimeValue({ averageOrderValue: 50, purchaseFrequency: 2, expectedLifetime: 3 })?.value; // => 300
 * customerLifetimeValue({ averageOrderValue: 50, purchaseFrequency: 2, churnRate: 0 });               // => undefined
 * ```
 * @see "Top 3 Statistieken om de kwaliteit van de klantenservice te meten" (lifetime value)
 * @see {@link https://en.wikipedia.org/wiki/Customer_lifetime_value}
 * @category Customers
 */
export function customerLifetimeValue(inputs: CustomerLifetimeValueInputs): CustomerLifetimeValueResult | undefined {
  const fn = "customerLifetimeValue";
  const { averageOrderValue, purchaseFrequency, expectedLifetime, churnRate } = inputs;
  assertFinite(fn, "averageOrderValue", averageOrderValue);
  assertFinite(fn, "purchaseFrequency", purchaseFrequency);
  for (const [name, value] of [
    ["averageOrderValue", averageOrderValue],
    ["purchaseFrequency", purchaseFrequency],
  ] as const) {
    if (value < 0) throw new MetricRangeError("E_VALUE_RANGE", `${fn}: ${name} must be at least 0, got ${String(value)}`);
  }
  if ((expectedLifetime === undefined) === (churnRate === undefined)) {
    throw new MetricRangeError(
      "E_LIFETIME_INPUT",
      `${fn}: exactly one of expectedLifetime and churnRate must be given, got ${expectedLifetime === undefined ? "neither" : "both"}`,
    );
  }
  let lifetime: number;
  if (churnRate !== undefined) {
    assertFraction(fn, "churnRate", churnRate);
    if (churnRate === 0) return undefined;
    lifetime = assertFiniteResult(fn, "expectedLifetime (1 / churnRate)", 1 / churnRate);
  } else {
    lifetime = expectedLifetime as number;
    assertFinite(fn, "expectedLifetime", lifetime);
    if (!(lifetime > 0))
      throw new MetricRangeError("E_VALUE_RANGE", `${fn}: expectedLifetime must be greater than 0, got ${String(lifetime)}`);
  }
  const value = assertFiniteResult(fn, "value", averageOrderValue * purchaseFrequency * lifetime);
  return {
    value: value === 0 ? 0 : value,
    averageOrderValue: averageOrderValue === 0 ? 0 : averageOrderValue,
    purchaseFrequency: purchaseFrequency === 0 ? 0 : purchaseFrequency,
    expectedLifetime: lifetime,
  };
}
