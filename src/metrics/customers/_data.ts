import { MetricRangeError } from "../../_lib/errors.ts";
import { assertDate } from "../../_lib/guards.ts";
import { stateFor } from "../../_lib/group.ts";
import type { ActivityEvent, CustomerData, CustomerDataCounts, CustomerIssue, CustomerIssueReason } from "./types.ts";

/** A new empty list (for {@link stateFor}). */
const newList = <T>(): T[] => [];

/** A usable customer: start and used activity as epoch milliseconds. @internal */
export interface CleanCustomer {
  readonly customerId: string;
  readonly start: number;
  readonly events: readonly { readonly at: number; readonly amount: number }[];
}

/** The validated customers, the issues and the counts. @internal */
export interface CleanData {
  readonly customers: readonly CleanCustomer[];
  readonly issues: readonly CustomerIssue[];
  readonly counts: CustomerDataCounts;
}

/** Every reason at 0, to start a tally. @internal */
export function emptyTally(): Record<CustomerIssueReason, number> {
  return {
    "duplicate-customer": 0,
    "unknown-customer": 0,
    "activity-before-start": 0,
    "negative-amount": 0,
    "start-after-as-of": 0,
    "activity-after-as-of": 0,
    "end-before-start": 0,
  };
}

interface Source {
  readonly list: "customers" | "starts";
  readonly row: number;
  readonly customerId: string;
  readonly start: Date;
}

interface EventSource {
  readonly event: ActivityEvent;
  readonly list: "customers" | "rows";
  readonly row: number;
  readonly activityIndex: number | undefined;
}

/** The ids that occur more than once. @internal */
export function duplicateIds(ids: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) duplicates.add(id);
    else seen.add(id);
  }
  return duplicates;
}

/**
 * Validates customer data in either form: invalid dates and non-finite amounts throw; duplicate
 * ids, unknown ids, activity before the start, negative amounts and (with `asOf`) anything
 * after `asOf` are set aside and listed.
 *
 * @internal
 */
export function cleanCustomerData(fn: string, data: CustomerData, asOf?: number): CleanData {
  const sources: Source[] = [];
  const events = new Map<string, EventSource[]>();
  const issues: CustomerIssue[] = [];
  const tally = emptyTally();
  const report = (issue: CustomerIssue): void => {
    issues.push(issue);
    tally[issue.reason]++;
  };
  let activityCount = 0;

  if (Array.isArray(data)) {
    const nested = data as Extract<CustomerData, readonly unknown[]>;
    nested.forEach((customer, row) => {
      sources.push({ list: "customers", row, customerId: customer.customerId, start: customer.start });
      const list: EventSource[] = [];
      customer.activity.forEach((event, activityIndex) => {
        list.push({ event, list: "customers", row, activityIndex });
      });
      activityCount += customer.activity.length;
      const previous = events.get(customer.customerId);
      events.set(customer.customerId, previous === undefined ? list : previous.concat(list));
    });
  } else {
    const table = data as Exclude<CustomerData, readonly unknown[]>;
    table.starts.forEach((s, row) => {
      sources.push({ list: "starts", row, customerId: s.customerId, start: s.start });
    });
    const known = new Set(table.starts.map((s) => s.customerId));
    activityCount = table.rows.length;
    table.rows.forEach((r, row) => {
      checkEvent(fn, r);
      if (!known.has(r.customerId)) {
        report({ list: "rows", row, customerId: r.customerId, reason: "unknown-customer" });
        return;
      }
      stateFor(events, r.customerId, newList).push({ event: r, list: "rows", row, activityIndex: undefined });
    });
  }

  const duplicates = duplicateIds(sources.map((s) => s.customerId));
  const customers: CleanCustomer[] = [];
  let usedActivity = 0;
  for (const source of sources) {
    assertDate(fn, "start", source.start);
    const list = events.get(source.customerId) ?? [];
    for (const { event } of list) checkEvent(fn, event);
    const start = source.start.getTime();
    if (duplicates.has(source.customerId)) {
      report({ list: source.list, row: source.row, customerId: source.customerId, reason: "duplicate-customer" });
      continue;
    }
    if (asOf !== undefined && start > asOf) {
      report({ list: source.list, row: source.row, customerId: source.customerId, reason: "start-after-as-of" });
      continue;
    }
    const used: { at: number; amount: number }[] = [];
    for (const { event, list: eventList, row, activityIndex } of list) {
      const at = event.at.getTime();
      const amount = event.amount ?? 0;
      let reason: CustomerIssueReason | undefined;
      if (at < start) reason = "activity-before-start";
      else if (amount < 0) reason = "negative-amount";
      else if (asOf !== undefined && at > asOf) reason = "activity-after-as-of";
      if (reason === undefined) used.push({ at, amount });
      else if (activityIndex === undefined) report({ list: eventList, row, customerId: source.customerId, reason });
      else report({ list: eventList, row, activityIndex, customerId: source.customerId, reason });
    }
    usedActivity += used.length;
    customers.push({ customerId: source.customerId, start, events: used });
  }

  return {
    customers,
    issues,
    counts: {
      customers: sources.length,
      usedCustomers: customers.length,
      activity: activityCount,
      usedActivity,
      issues: tally,
    },
  };
}

function checkEvent(fn: string, event: ActivityEvent): void {
  assertDate(fn, "activity date", event.at);
  const amount = event.amount;
  if (amount !== undefined && (typeof amount !== "number" || !Number.isFinite(amount))) {
    throw new MetricRangeError("E_NOT_FINITE", `${fn}: amount must be a finite number, got ${String(amount)}`);
  }
}
