/**
 * One event in a customer's history: a purchase, an order, a login, a support contact.
 *
 * @category Customers
 */
export interface ActivityEvent {
  /** When it happened. */
  readonly at: Date;
  /** Money spent, in any one currency; absent (or 0) for activity without revenue. Must not be negative. */
  readonly amount?: number | undefined;
}

/**
 * A customer with its start (sign-up, first order) and its activity, the nested input form.
 *
 * @category Customers
 */
export interface CustomerActivity {
  /** The customer's id; unique in the input. */
  readonly customerId: string;
  /** When the customer became a customer: the start of its cohort. */
  readonly start: Date;
  /** The customer's activity, in any order. */
  readonly activity: readonly ActivityEvent[];
}

/**
 * A customer's start, one row of the flat input form ({@link ActivityTable}).
 *
 * @category Customers
 */
export interface CustomerStart {
  /** The customer's id; unique among the starts. */
  readonly customerId: string;
  /** When the customer became a customer. */
  readonly start: Date;
}

/**
 * One activity row of the flat input form ({@link ActivityTable}).
 *
 * @category Customers
 */
export interface ActivityRow extends ActivityEvent {
  /** The id of the customer, which must appear in the table's `starts`. */
  readonly customerId: string;
}

/**
 * The flat input form: one row per customer start and one row per activity, joined by id.
 *
 * @category Customers
 */
export interface ActivityTable {
  /** One row per customer. */
  readonly starts: readonly CustomerStart[];
  /** One row per activity, in any order. */
  readonly rows: readonly ActivityRow[];
}

/**
 * Customer activity in either form: nested ({@link CustomerActivity} per customer) or flat
 * ({@link ActivityTable}).
 *
 * @category Customers
 */
export type CustomerData = readonly CustomerActivity[] | ActivityTable;

/**
 * Why a record was set aside:
 * - `duplicate-customer`: the id appears more than once among the customers (or starts); every
 *   occurrence is set aside, since there is no telling which start is right;
 * - `unknown-customer`: an activity row names an id that has no start;
 * - `activity-before-start`: an activity is dated before the customer's start;
 * - `negative-amount`: an activity's amount is below 0 (refunds are not revenue here);
 * - `start-after-as-of` / `activity-after-as-of`: dated after the `asOf` instant;
 * - `end-before-start`: a {@link CustomerLifetime} ends before it starts.
 *
 * @category Customers
 */
export type CustomerIssueReason =
  | "duplicate-customer"
  | "unknown-customer"
  | "activity-before-start"
  | "negative-amount"
  | "start-after-as-of"
  | "activity-after-as-of"
  | "end-before-start";

/**
 * A record that was set aside, and why.
 *
 * @category Customers
 */
export interface CustomerIssue {
  /**
   * Which input list `row` points into: `"customers"` (the nested array, or the lifetimes),
   * `"starts"` or `"rows"` (the two lists of an {@link ActivityTable}).
   */
  readonly list: "customers" | "starts" | "rows";
  /** The 0-based index in that list. */
  readonly row: number;
  /** For an activity of the nested form: its 0-based index in the customer's `activity`. */
  readonly activityIndex?: number;
  /** The customer id of the record. */
  readonly customerId: string;
  /** Why it was set aside. */
  readonly reason: CustomerIssueReason;
}

/**
 * How many records came in and how many were used. Activity of a customer that was set aside
 * is not listed one by one; `activity − usedActivity` counts every activity not used.
 *
 * @category Customers
 */
export interface CustomerDataCounts {
  /** Customers (or starts, or lifetimes) in the input. */
  readonly customers: number;
  /** Customers used. */
  readonly usedCustomers: number;
  /** Activity events (or rows) in the input. */
  readonly activity: number;
  /** Activity events used. */
  readonly usedActivity: number;
  /** Issues by reason; reasons that did not occur are 0. */
  readonly issues: Readonly<Record<CustomerIssueReason, number>>;
}

/**
 * A rate with the counts it was computed from, so the denominator is always visible.
 *
 * @category Customers
 */
export interface RateResult {
  /** `numerator / denominator`, or `undefined` when the denominator is 0. */
  readonly rate: number | undefined;
  /** What was counted (customers, or money for revenue rates). */
  readonly numerator: number;
  /** What it was divided by. */
  readonly denominator: number;
}

/**
 * A customer relationship from its start until it ended (cancellation, churn), the input of
 * {@link periodChurn}. Its start and its end are events; each belongs to the period that
 * contains its instant.
 *
 * @category Customers
 */
export interface CustomerLifetime {
  /** The customer's id; unique in the input. */
  readonly customerId: string;
  /** When the customer became a customer. */
  readonly start: Date;
  /** When the customer was lost; absent while still a customer. */
  readonly end?: Date | undefined;
}
