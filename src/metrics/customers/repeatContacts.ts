/**
 * Customers served and repeat contacts, from each ticket's requester: distinct customers,
 * contacts (tickets) per customer, and the repeat-contact rate within a window, the usual
 * first-contact-resolution proxy. See docs/guide/definitions.md, "Customers and repeat contacts".
 *
 * @module
 */
import { openState, readArray, readCount, stateFormatError, stateJson, type StateJson } from "../../_lib/accumulator.ts";
import { toMilliseconds, type DurationInput } from "../../_lib/duration.ts";
import { assertDate } from "../../_lib/guards.ts";
import { quantileSorted } from "../../_lib/quantile.ts";
import { sortNumbers } from "../../_lib/sortNumbers.ts";
import { DAY_MS } from "../../_lib/time.ts";
import { exactStore, storeAdd, storeValues, type ExactStore } from "../../_lib/quantileStore.ts";
import type { Ticket } from "../../models/ticket.ts";
import type { TicketBatch, TicketMetric } from "../../models/ticketBatch.ts";
import { requesterCode, requesterDictionary, requesterFacts, type RequesterDictionary, type RequesterFacts } from "./_requesters.ts";
import { addOneTicket } from "../../models/pushTicket.ts";
import { foldInto } from "../../_lib/accumulator.ts";
import { confidenceLevelOf } from "../stats/confidence.ts";
import { wilsonInterval, type WilsonInterval } from "../stats/wilsonInterval.ts";

/** The default repeat window: 7 days (of 24 hours). @category Customers */
export const DEFAULT_REPEAT_WINDOW_MS = 7 * DAY_MS;

/**
 * Where one ticket stands on the repeat-contact rate: `repeated` (its requester created another
 * ticket in the window after it), `single` (none, and the window is over), or `windowOpen` (the
 * window is not over at the judging moment: no judgement yet).
 *
 * @category Customers
 */
export type RepeatStanding = "repeated" | "single" | "windowOpen";

/**
 * Whether ticket `i` of one requester was followed by another contact within `windowMs`: another
 * ticket of the same requester created strictly after it and at most `windowMs` later. A ticket
 * whose window ends after `until` is `windowOpen` whatever follows it, so that unfinished windows
 * (which can only gain repeats) do not bias the rate.
 *
 * @param created - The requester's ticket creation instants, epoch ms, in ascending order.
 * @param i - The ticket's index in `created`.
 * @param windowMs - The window, ms (≥ 0).
 * @param until - The judging moment, epoch ms: the as-of (or the period's end if earlier).
 * @returns The {@link RepeatStanding}.
 * @remarks Tickets created at the same instant are not each other's repeat (neither came after).
 * The window is closed: a contact exactly `windowMs` later is a repeat.
 * @example
 * ```ts
 * const day = 86_400_000;
 * repeatStanding([0, 3 * day, 20 * day], 0, 7 * day, 30 * day); // => "repeated"
 * repeatStanding([0, 3 * day, 20 * day], 1, 7 * day, 30 * day); // => "single"
 * repeatStanding([0, 3 * day, 20 * day], 2, 7 * day, 25 * day); // => "windowOpen"
 * ```
 * @see {@link https://www.aicxstack.com/glossary/first-contact-resolution | AI CX Stack: first contact resolution (repeat-contact proxy, e.g. 7 days)}
 * @category Customers
 */
export function repeatStanding(created: ArrayLike<number>, i: number, windowMs: number, until: number): RepeatStanding {
  const at = created[i] as number;
  if (at + windowMs > until) return "windowOpen";
  let j = i + 1;
  while (j < created.length && (created[j] as number) === at) j++;
  return j < created.length && (created[j] as number) <= at + windowMs ? "repeated" : "single";
}

/**
 * Options of {@link repeatContactsAccumulator} and {@link repeatContacts}.
 *
 * @category Customers
 */
export interface RepeatContactsOptions {
  /** The judging moment: a ticket is judged only when its window ends by then. Required (no hidden clock). */
  readonly asOf: Date;
  /** The repeat window: milliseconds or a `Duration` of fixed units. Default 7 days. */
  readonly window?: DurationInput | undefined;
  /** The confidence level of the rate's Wilson interval, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number | undefined;
  /** The function errors name. @internal */
  readonly caller?: string | undefined;
}

/**
 * Customers and repeat contacts of a set of tickets.
 *
 * @category Customers
 */
export interface RepeatContactsSummary {
  /** Distinct requesters (customers served). */
  readonly customers: number;
  /** Tickets with a requester (contacts). */
  readonly contacts: number;
  /** `contacts / customers`; `undefined` without a customer. */
  readonly contactsPerCustomer: number | undefined;
  /** The distribution of contacts per customer (R-7 median and 90th percentile, maximum); `undefined` without a customer. */
  readonly perCustomer:
    | {
        /** The median number of contacts of a customer. */
        readonly median: number;
        /** The 90th percentile. */
        readonly p90: number;
        /** The most contacts of one customer. */
        readonly max: number;
      }
    | undefined;
  /** Customers with two contacts or more. */
  readonly repeatCustomers: number;
  /** The repeat window, ms. */
  readonly window: number;
  /** The judging moment. */
  readonly judgedAt: Date;
  /** `repeated / judged`, from 0 to 1; `undefined` when no ticket was judged. */
  readonly repeatRate: number | undefined;
  /** Judged tickets followed by another contact of their requester within the window. */
  readonly repeated: number;
  /** Tickets whose window ended by `judgedAt`. */
  readonly judged: number;
  /** Tickets whose window was still open at `judgedAt` (counted apart, not judged). */
  readonly windowOpen: number;
  /** The Wilson interval of `repeatRate`; `undefined` when no ticket was judged. */
  readonly interval: WilsonInterval | undefined;
  /** Tickets left out: `noRequester` (no `requesterId`). */
  readonly skipped: Readonly<Record<string, number>>;
}

/**
 * The running state of {@link repeatContactsAccumulator}: each ticket's requester (a code of the
 * state's dictionary, shared with the other scopes of a report) and creation instant, in paged
 * typed stores (16 bytes a ticket), and the dictionary (a `Map` entry and the id a customer,
 * about 80 bytes, once per report). An exact distinct count and exact repeats need every instant.
 *
 * @category Customers
 */
export interface RepeatContactsState {
  /** The requesters the codes refer to; `undefined` until the first ticket with one. @internal */
  dictionary: RequesterDictionary | undefined;
  /** Each ticket's requester code, in the order added. @internal */
  readonly requester: ExactStore;
  /** Each ticket's creation instant (epoch ms), in the same order. @internal */
  readonly created: ExactStore;
  /** Tickets without a requester. @internal */
  noRequester: number;
}

/** Adds a ticket of requester `code` (of dictionary `from`) created at `at` to `s`. */
function addContact(s: RepeatContactsState, from: RequesterDictionary, code: number, at: number): void {
  const into = (s.dictionary ??= from);
  storeAdd(s.requester, into === from ? code : requesterCode(into, from.ids[code] as string));
  storeAdd(s.created, at);
}

/**
 * The creation instants grouped by requester code (a counting sort: stable, so each requester's
 * instants keep the order added): requester c's are `times[start[c] … start[c + 1])`.
 */
function byRequester(s: RepeatContactsState): { start: Int32Array; times: Float64Array } {
  // storeValues gives a view shared by every store: copy the first before reading the second.
  const codes = Float64Array.from(storeValues(s.requester));
  const at = storeValues(s.created);
  const size = s.dictionary?.ids.length ?? 0;
  const start = new Int32Array(size + 1);
  for (let k = 0; k < codes.length; k++) {
    const c = (codes[k] as number) + 1;
    start[c] = (start[c] as number) + 1;
  }
  for (let c = 0; c < size; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const next = start.slice(0, size);
  const times = new Float64Array(codes.length);
  for (let k = 0; k < codes.length; k++) {
    const c = codes[k] as number;
    const slot = next[c] as number;
    times[slot] = at[k] as number;
    next[c] = slot + 1;
  }
  return { start, times };
}

const KIND = "repeatContacts";

/**
 * Customers and repeat contacts as an accumulator (a ticket metric): distinct requesters,
 * contacts per customer, and the share of tickets followed by another ticket of the same
 * requester within `window`, judged at `asOf`.
 *
 * @param options - {@link RepeatContactsOptions}: `asOf` required; `window` (default 7 days), `confidenceLevel`.
 * @returns The accumulator; its `result` is a {@link RepeatContactsSummary}.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` (`asOf`), `E_DURATION` (`window`), `E_CONFIDENCE_LEVEL`;
 *   while adding, `E_INVALID_DATE` and `E_UNKNOWN_STATUS` naming the ticket; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks Reads `requesterId` and `createdAt`. The state keeps each requester's creation
 * instants (exact; memory grows with customers and tickets, see {@link RepeatContactsState}), so
 * parts merge exactly: a ticket and its repeat may be in different parts. The rate counts the
 * earlier ticket of a pair (the one that did not resolve the matter), over the tickets judged.
 * @example
 * ```ts
 * const acc = repeatContactsAccumulator({ asOf: new Date("2026-02-01T00:00:00Z") });
 * const s = acc.create();
 * acc.add(s, { id: "1", createdAt: new Date("2026-01-05T09:00:00Z"), status: "solved", requesterId: "ana" });
 * acc.add(s, { id: "2", createdAt: new Date("2026-01-07T09:00:00Z"), status: "solved", requesterId: "ana" });
 * acc.add(s, { id: "3", createdAt: new Date("2026-01-08T09:00:00Z"), status: "solved", requesterId: "bo" });
 * acc.result(s).repeatRate;          // => 0.3333333333333333
 * acc.result(s).contactsPerCustomer; // => 1.5
 * ```
 * @see {@link https://support.freshservice.com/en/support/solutions/articles/50000004904-how-do-you-calculate-fcr- | Freshworks: how do you calculate FCR%}
 * @category Customers
 */
export function repeatContactsAccumulator(
  options: RepeatContactsOptions,
): TicketMetric<RepeatContactsState, RepeatContactsSummary, RequesterFacts> {
  const fn = options?.caller ?? "repeatContactsAccumulator";
  assertDate(fn, "asOf", options?.asOf);
  const windowMs = options.window === undefined ? DEFAULT_REPEAT_WINDOW_MS : toMilliseconds(fn, "window", options.window);
  const level = confidenceLevelOf(fn, options.confidenceLevel);
  const until = options.asOf.getTime();
  const facts = requesterFacts();
  const create = (): RepeatContactsState => ({ dictionary: undefined, requester: exactStore(), created: exactStore(), noRequester: 0 });
  const addRows = (state: RepeatContactsState, f: RequesterFacts, batch: TicketBatch, rows: Int32Array, count: number): void => {
    for (let k = 0; k < count; k++) {
      const row = rows[k] as number;
      const code = f.code[row] as number;
      if (code < 0) state.noRequester++;
      else addContact(state, f.dictionary, code, batch.createdAt[row] as number);
    }
  };
  function result(state: RepeatContactsState): RepeatContactsSummary {
    const size = state.dictionary?.ids.length ?? 0;
    const counts = new Float64Array(size);
    let customers = 0;
    let contacts = 0;
    let repeatCustomers = 0;
    let repeated = 0;
    let judged = 0;
    let open = 0;
    const grouped = byRequester(state);
    for (let c = 0; c < size; c++) {
      if (grouped.start[c] === grouped.start[c + 1]) continue; // a requester of another scope
      const times = sortNumbers(grouped.times.subarray(grouped.start[c], grouped.start[c + 1]));
      counts[customers++] = times.length;
      contacts += times.length;
      if (times.length > 1) repeatCustomers++;
      for (let i = 0; i < times.length; i++) {
        const standing = repeatStanding(times, i, windowMs, until);
        if (standing === "windowOpen") open++;
        else {
          judged++;
          if (standing === "repeated") repeated++;
        }
      }
    }
    const sorted = sortNumbers(counts.subarray(0, customers));
    return {
      customers,
      contacts,
      contactsPerCustomer: customers === 0 ? undefined : contacts / customers,
      perCustomer:
        customers === 0
          ? undefined
          : {
              median: quantileSorted(sorted, 0.5) as number,
              p90: quantileSorted(sorted, 0.9) as number,
              max: sorted[customers - 1] as number,
            },
      repeatCustomers,
      window: windowMs,
      judgedAt: new Date(until),
      repeatRate: judged === 0 ? undefined : repeated / judged,
      repeated,
      judged,
      windowOpen: open,
      interval: wilsonInterval(repeated, judged, { confidenceLevel: level }),
      skipped: { noRequester: state.noRequester },
    };
  }
  return {
    name: KIND,
    facts,
    columns: 0,
    create,
    add: addOneTicket(fn, facts, addRows),
    addRows,
    merge(a, b) {
      if (b.dictionary !== undefined) {
        const codes = Float64Array.from(storeValues(b.requester));
        const at = Float64Array.from(storeValues(b.created));
        for (let k = 0; k < codes.length; k++) addContact(a, b.dictionary, codes[k] as number, at[k] as number);
      }
      a.noRequester += b.noRequester;
      return a;
    },
    result,
    // Pairs, not an object keyed by id: an id such as "__proto__" must round-trip.
    toJSON(s): StateJson {
      const { start, times } = byRequester(s);
      const requesters: [string, number[]][] = [];
      (s.dictionary?.ids ?? []).forEach((id, c) => {
        if (start[c] !== start[c + 1]) requesters.push([id, Array.from(times.subarray(start[c], start[c + 1]))]);
      });
      return stateJson(KIND, 1, { requesters, noRequester: s.noRequester });
    },
    fromJSON(json) {
      const o = openState(json, KIND, 1);
      const s = create();
      const own = requesterDictionary();
      s.noRequester = readCount(o, KIND, "noRequester");
      for (const pair of readArray(o, KIND, "requesters")) {
        const ok =
          Array.isArray(pair) &&
          pair.length === 2 &&
          typeof pair[0] === "string" &&
          pair[0] !== "" &&
          Array.isArray(pair[1]) &&
          (pair[1] as unknown[]).length > 0 &&
          (pair[1] as unknown[]).every((t) => typeof t === "number" && Number.isFinite(t)) &&
          !own.codes.has(pair[0]);
        if (!ok) throw stateFormatError(KIND, "each of requesters must be a distinct [id, non-empty list of finite instants] pair", pair);
        const code = requesterCode(own, pair[0] as string);
        for (const t of pair[1] as number[]) addContact(s, own, code, t);
      }
      return s;
    },
  };
}

/**
 * Customers and repeat contacts of a set of tickets: a fold of {@link repeatContactsAccumulator}.
 *
 * @param tickets - The tickets; reads `requesterId` and `createdAt`.
 * @param options - {@link RepeatContactsOptions}: `asOf` required; `window` (default 7 days).
 * @returns The {@link RepeatContactsSummary}; `repeatRate` is `undefined` when no window is over.
 * @throws {@link MetricRangeError} as {@link repeatContactsAccumulator}.
 * @remarks A ticket is a repeat contact's origin when its requester created another ticket
 * within `window` after it; tickets whose window is not over at `asOf` are counted in
 * `windowOpen`, tickets without a requester in `skipped.noRequester`.
 * @example
 * ```ts
 * const t = (id: string, iso: string, requesterId?: string) => ({ id, status: "solved" as const, createdAt: new Date(iso), requesterId });
 * const r = repeatContacts(
 *   [t("1", "2026-01-01T00:00:00Z", "ana"), t("2", "2026-01-10T00:00:00Z", "ana"), t("3", "2026-01-02T00:00:00Z")],
 *   { asOf: new Date("2026-01-12T00:00:00Z") },
 * );
 * r.repeatRate; // => 0
 * r.windowOpen; // => 1
 * r.skipped;    // => { noRequester: 1 }
 * ```
 * @see {@link https://www.sqmgroup.com/resources/library/blog/call-center-customer-experience-research | SQM Group: first contact and one contact resolution}
 * @category Customers
 */
export function repeatContacts(tickets: readonly Ticket[], options: RepeatContactsOptions): RepeatContactsSummary {
  const acc = repeatContactsAccumulator({ ...options, caller: "repeatContacts" });
  return acc.result(foldInto(acc, tickets));
}
