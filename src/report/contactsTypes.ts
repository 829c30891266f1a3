/**
 * The JSON type of the report's `contacts` section (customers served and repeat contacts).
 *
 * @module
 */
import type { RepeatContactsSummary } from "../metrics/customers/repeatContacts.ts";
import type { Json } from "./json.ts";
import type { IntervalJson } from "./types.ts";

/**
 * Customers served and repeat contacts of a scope (the result of `repeatContactsAccumulator` as
 * JSON). Not the report's top-level `customers`, which is the cohort retention of `--cohorts`.
 *
 * @category Report
 */
export type ContactsJson = Omit<Json<RepeatContactsSummary>, "interval"> & {
  /** The Wilson interval of `repeatRate`; `null` when no ticket was judged. */
  readonly interval: IntervalJson | null;
};
