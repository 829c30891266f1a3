/**
 * The customers and repeat-contact facts of the table and Markdown formats (the report's
 * `contacts` section; not the cohort retention of `customers`).
 *
 * @internal
 * @module
 */
import type { ContactsJson } from "../report/contactsTypes.ts";
import { formatValue } from "./format.ts";
import type { AbsentInput } from "./inputsNeeded.ts";
import { withInterval } from "./intervals.ts";
import type { Fact } from "./render/blocks.ts";

/** `Customers` and `Repeat contacts` facts; the absent sentence without a requester column. */
export function contactFacts(c: ContactsJson | null, absent: readonly AbsentInput[]): Fact[] {
  if (c === null) return [];
  const none = absent.find((x) => x.metric === "contacts")?.message;
  const window = formatValue(c.window, "duration");
  const spread =
    c.perCustomer === null
      ? "no ticket with a requester"
      : `${formatValue(c.contactsPerCustomer, "number")} tickets per customer (median ${formatValue(c.perCustomer.median, "number")}, p90 ${formatValue(c.perCustomer.p90, "number")}, max ${formatValue(c.perCustomer.max, "number")}); ${String(c.repeatCustomers)} with two or more`;
  return [
    { label: "Customers", value: none === undefined ? c.customers : null, kind: "count", note: none ?? spread },
    {
      label: `Repeat contacts (${window})`,
      value: none === undefined ? withInterval(c.repeatRate, c.interval, "fraction") : null,
      note:
        none ??
        `${String(c.repeated)} of ${String(c.judged)} tickets followed by another from the same requester within ${window}; ${String(c.windowOpen)} whose window is still open not judged`,
    },
  ];
}
