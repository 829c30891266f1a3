/**
 * Each scalar metric function against a plain hand loop computing the same number on the same
 * input (issue 13: every scalar metric function at most 1.5× its hand loop). Inputs: 1M
 * seeded scores per survey kind, 1M (start, lost / end, acquired) count pairs, and the bench's
 * in-memory tickets (1M by default, seed 42).
 *
 * For each pair: the two results are checked equal first (counts exactly, means, rates and
 * durations within 1e-9 relative; a difference throws), then `rounds` interleaved rounds of
 * library, hand, library, hand… are timed, each sample after a full GC when exposed and
 * repeating the call until it lasts about 100 ms (fast functions would otherwise be timed in
 * timer noise); the medians' ratio is printed with `ok` or `OVER` against 1.5×.
 *
 * Fairness: each hand loop returns what the library function returns, so the ratio is the
 * price of the function over the loop a user would write instead of calling it: the same checks
 * of the input (the cheapest check that catches the same bad input, and throws), the same
 * result type (`undefined` for no data, not 0), and the same parts of the result (ticket ids
 * beside values, skips by reason, anomalies, every SLA breach with its due time). The hand loops
 * are specialised to the bench's input and options (constant scales, a calendar-time policy with
 * no conditions), which the library cannot be. Where the library returns more than the
 * headline number, a second, "number only" hand loop is timed too and its ratio printed as
 * information: that is the full price of the richer result.
 */
import { performance } from "node:perf_hooks";
import type { Message, Ticket } from "../src/models/index.ts";
import { createRandom } from "../src/_lib/random.ts";
import { ces, csat, nps } from "../src/metrics/survey/index.ts";
import { churnRate, retentionRate } from "../src/metrics/customers/index.ts";
import { firstResponseTimes, resolutionTimes, summarizeDurations } from "../src/metrics/time/index.ts";
import { backlog, channelMix, resolutionRate, ticketsByStatus } from "../src/metrics/volume/index.ts";
import { slaCompliance } from "../src/metrics/sla/index.ts";
import type { SlaPolicy } from "../src/models/index.ts";
import { HAND_AS_OF, quantile } from "./hand.ts";

const DAY = 86_400_000;

/** The SLA policy of the slaCompliance pair: a first reply within 24 h, a resolution within 48 h, calendar time. */
const SLA_POLICY: SlaPolicy = {
  name: "Bench",
  targets: [
    { metric: "firstResponse", within: { hours: 24 } },
    { metric: "resolution", within: { hours: 48 } },
  ],
};

/** Issue 13's target: a scalar metric function at most this many times its hand loop. */
export const SCALAR_TARGET = 1.5;

/** One library function and its hand loop. */
export interface Pair {
  readonly name: string;
  readonly input: string;
  readonly library: () => unknown;
  readonly hand: () => unknown;
  /** A hand loop computing only the headline number, where the library returns more: timed for information. */
  readonly bare?: () => unknown;
  /** The differences between the library's headline number and {@link Pair.bare}'s (default: {@link Pair.agree}). */
  readonly agreeBare?: Pair["agree"];
  /** The differences between the library's result and the hand loop's, empty when they agree. */
  readonly agree: (library: unknown, hand: unknown) => string[];
}

const close = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** Compares the named numbers of two results (`exact` ones exactly, the others within 1e-9 relative). */
function numbers(pick: (r: never) => Record<string, number | undefined>, exact: readonly string[] = []): Pair["agree"] {
  return (library, hand) => {
    const a = pick(library as never);
    const b = pick(hand as never);
    const out: string[] = [];
    for (const key of Object.keys(a)) {
      const x = a[key];
      const y = b[key];
      const same = x === undefined || y === undefined ? x === y : exact.includes(key) ? x === y : close(x, y);
      if (!same) out.push(`${key}: library ${String(x)} vs hand ${String(y)}`);
    }
    return out;
  };
}

const value = (r: number | undefined): Record<string, number | undefined> => ({ value: r });

/** `count` seeded integer scores from `min` to `max`. */
function scores(count: number, min: number, max: number, seed: number): number[] {
  const random = createRandom(seed);
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = min + Math.floor(random() * (max - min + 1));
  return out;
}

/** {@link handFirstReply}'s outcomes other than a duration (negative, so `ms >= 0` tells them apart). */
const UNANSWERED = -1;
const NO_CUSTOMER_MESSAGE = -2;
const REPLY_BEFORE_CREATED = -3;

/**
 * The hand first reply of a ticket in ms, or a negative outcome: {@link UNANSWERED},
 * {@link NO_CUSTOMER_MESSAGE}, {@link REPLY_BEFORE_CREATED} (a `firstResponseAt` before `createdAt`).
 */
function handFirstReply(ticket: Ticket, created: number): number {
  const messages = ticket.messages;
  if (messages === undefined || messages.length === 0) {
    if (ticket.firstResponseAt === undefined) return UNANSWERED;
    const reply = ticket.firstResponseAt.getTime();
    if (Number.isNaN(reply)) throw new RangeError(`hand: invalid firstResponseAt of ticket ${ticket.id}`);
    return reply < created ? REPLY_BEFORE_CREATED : reply - created;
  }
  let firstCustomer = Infinity;
  let firstAgent = Infinity;
  for (let m = 0; m < messages.length; m++) {
    const message = messages[m] as Message;
    const at = message.at.getTime();
    if (Number.isNaN(at)) throw new RangeError(`hand: invalid message time of ticket ${ticket.id}`);
    if (message.author === "customer") {
      if (at < firstCustomer) firstCustomer = at;
    } else if (message.author === "agent" && message.public && at < firstAgent) firstAgent = at;
  }
  if (firstCustomer === Infinity) return NO_CUSTOMER_MESSAGE;
  let start = firstCustomer < created ? firstCustomer : created;
  if (firstAgent < firstCustomer) {
    start = firstCustomer;
    firstAgent = Infinity;
    for (let m = 0; m < messages.length; m++) {
      const message = messages[m] as Message;
      const at = message.at.getTime();
      if (message.author === "agent" && message.public && at >= firstCustomer && at < firstAgent) firstAgent = at;
    }
  }
  return firstAgent === Infinity ? UNANSWERED : firstAgent - start;
}

/** The hand request start: the earlier of createdAt and the first customer message. */
function handRequestStart(ticket: Ticket, created: number): number {
  const messages = ticket.messages;
  let start = created;
  if (messages !== undefined) {
    for (let m = 0; m < messages.length; m++) {
      const message = messages[m] as Message;
      if (message.author === "customer") {
        const at = message.at.getTime();
        if (Number.isNaN(at)) throw new RangeError(`hand: invalid message time of ticket ${ticket.id}`);
        if (at < start) start = at;
      }
    }
  }
  return start;
}

/** The clock {@link handFirstReplyClock} found: start, and end (NaN while unanswered). */
let clockStart = 0;
let clockEnd = NaN;

/**
 * The hand first-reply clock of a ticket as of `cutoff` (messages and replies after it not yet
 * happened), left in {@link clockStart} / {@link clockEnd}: returns 0 when judged, or
 * {@link NO_CUSTOMER_MESSAGE} (none by the cutoff) or {@link REPLY_BEFORE_CREATED} when not.
 */
function handFirstReplyClock(ticket: Ticket, created: number, cutoff: number): number {
  const messages = ticket.messages;
  if (messages === undefined || messages.length === 0) {
    clockStart = created;
    clockEnd = NaN;
    if (ticket.firstResponseAt === undefined) return 0;
    const reply = ticket.firstResponseAt.getTime();
    if (Number.isNaN(reply)) throw new RangeError(`hand: invalid firstResponseAt of ticket ${ticket.id}`);
    if (reply < created) return REPLY_BEFORE_CREATED;
    if (reply <= cutoff) clockEnd = reply;
    return 0;
  }
  let firstCustomer = Infinity;
  let firstAgent = Infinity;
  for (let m = 0; m < messages.length; m++) {
    const message = messages[m] as Message;
    const at = message.at.getTime();
    if (Number.isNaN(at)) throw new RangeError(`hand: invalid message time of ticket ${ticket.id}`);
    if (at > cutoff) continue;
    if (message.author === "customer") {
      if (at < firstCustomer) firstCustomer = at;
    } else if (message.author === "agent" && message.public && at < firstAgent) firstAgent = at;
  }
  if (firstCustomer === Infinity) return NO_CUSTOMER_MESSAGE;
  let start = firstCustomer < created ? firstCustomer : created;
  if (firstAgent < firstCustomer) {
    start = firstCustomer;
    firstAgent = Infinity;
    for (let m = 0; m < messages.length; m++) {
      const message = messages[m] as Message;
      const at = message.at.getTime();
      if (message.author === "agent" && message.public && at >= firstCustomer && at <= cutoff && at < firstAgent) firstAgent = at;
    }
  }
  clockStart = start;
  clockEnd = firstAgent === Infinity ? NaN : firstAgent;
  return 0;
}

/** Hand churn rate, as a user would write it in place of the call: the same checks and result type. */
function handChurnRate(start: number, lost: number): number | undefined {
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(lost) || lost < 0 || lost > start)
    throw new RangeError("hand: bad counts");
  return start === 0 ? undefined : lost / start;
}

/** Hand retention rate, as {@link handChurnRate}. */
function handRetentionRate(start: number, end: number, acquired: number): number | undefined {
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(end) || end < 0 || !Number.isInteger(acquired) || acquired < 0) {
    throw new RangeError("hand: bad counts");
  }
  if (acquired > end || end - acquired > start) throw new RangeError("hand: inconsistent counts");
  return start === 0 ? undefined : (end - acquired) / start;
}

/** What the duration functions return, by hand. */
interface HandValues<Reason extends string = string> {
  values: Float64Array;
  ids: string[];
  sources: { messages: number; fields: number };
  skipped: Record<Reason, number>;
  anomalies: { id: string; reason: string }[];
}

/** The pairs over the given tickets and `scoreCount` seeded scores / count pairs. */
export function scalarPairs(tickets: readonly Ticket[], scoreCount: number): Pair[] {
  const npsScores = scores(scoreCount, 0, 10, 1);
  const csatScores = scores(scoreCount, 1, 5, 2);
  const cesScores = scores(scoreCount, 1, 7, 3);
  const starts = scores(scoreCount, 0, 5000, 4);
  const lost = starts.map((start, i) => Math.floor(start * (((i * 7919) % 100) / 100)));
  const acquired = scores(scoreCount, 0, 300, 5);
  const ends = starts.map((start, i) => start - (lost[i] as number) + (acquired[i] as number));
  const frtValues = firstResponseTimes(tickets).values;
  const now = HAND_AS_OF.getTime();
  const from = new Date("2026-02-01T00:00:00Z");
  const fromMs = from.getTime();
  const ticketsInput = `${tickets.length.toLocaleString("en-US")} tickets`;
  const scoresInput = `${scoreCount.toLocaleString("en-US")} scores`;
  const countsInput = `${scoreCount.toLocaleString("en-US")} calls`;

  return [
    {
      name: "nps",
      input: scoresInput,
      library: () => nps(npsScores),
      // Same check as the library: an integer from 0 to 10.
      hand: () => {
        let promoters = 0;
        let detractors = 0;
        for (let i = 0; i < npsScores.length; i++) {
          const s = npsScores[i] as number;
          if (!Number.isInteger(s) || s < 0 || s > 10) throw new RangeError(`hand: bad score ${String(s)}`);
          if (s >= 9) promoters++;
          else if (s <= 6) detractors++;
        }
        return npsScores.length === 0 ? undefined : ((promoters - detractors) / npsScores.length) * 100;
      },
      agree: numbers(value),
    },
    {
      name: "csat",
      input: scoresInput,
      library: () => csat(csatScores),
      // Same check: an integer from 1 to 5; satisfied = top-2-box (≥ 4).
      hand: () => {
        let satisfied = 0;
        for (let i = 0; i < csatScores.length; i++) {
          const s = csatScores[i] as number;
          if (!Number.isInteger(s) || s < 1 || s > 5) throw new RangeError(`hand: bad score ${String(s)}`);
          if (s >= 4) satisfied++;
        }
        return csatScores.length === 0 ? undefined : satisfied / csatScores.length;
      },
      agree: numbers(value),
    },
    {
      name: "ces",
      input: scoresInput,
      library: () => ces(cesScores),
      // Same check: an integer from 1 to 7. A plain sum (exact for these integers; the library's is compensated).
      hand: () => {
        let sum = 0;
        for (let i = 0; i < cesScores.length; i++) {
          const s = cesScores[i] as number;
          if (!Number.isInteger(s) || s < 1 || s > 7) throw new RangeError(`hand: bad score ${String(s)}`);
          sum += s;
        }
        return cesScores.length === 0 ? undefined : sum / cesScores.length;
      },
      agree: numbers(value),
    },
    {
      name: "churnRate",
      input: countsInput,
      library: () => {
        let sum = 0;
        for (let i = 0; i < starts.length; i++) sum += churnRate(starts[i] as number, lost[i] as number) ?? 0;
        return sum;
      },
      // Same checks (non-negative integers, lost ≤ start) and result type (undefined at start 0).
      hand: () => {
        let sum = 0;
        for (let i = 0; i < starts.length; i++) sum += handChurnRate(starts[i] as number, lost[i] as number) ?? 0;
        return sum;
      },
      // The number only: 0 at start 0, so no undefined to box.
      bare: () => {
        let sum = 0;
        for (let i = 0; i < starts.length; i++) {
          const start = starts[i] as number;
          const gone = lost[i] as number;
          if (!Number.isInteger(start) || start < 0 || !Number.isInteger(gone) || gone < 0 || gone > start)
            throw new RangeError("hand: bad counts");
          sum += start === 0 ? 0 : gone / start;
        }
        return sum;
      },
      agree: numbers((r: number) => ({ sumOfRates: r })),
    },
    {
      name: "retentionRate",
      input: countsInput,
      library: () => {
        let sum = 0;
        for (let i = 0; i < starts.length; i++) sum += retentionRate(starts[i] as number, ends[i] as number, acquired[i] as number) ?? 0;
        return sum;
      },
      // Same checks (non-negative integers, acquired ≤ end, end − acquired ≤ start) and result type.
      hand: () => {
        let sum = 0;
        for (let i = 0; i < starts.length; i++)
          sum += handRetentionRate(starts[i] as number, ends[i] as number, acquired[i] as number) ?? 0;
        return sum;
      },
      // The number only, as for churnRate.
      bare: () => {
        let sum = 0;
        for (let i = 0; i < starts.length; i++) {
          const start = starts[i] as number;
          const end = ends[i] as number;
          const won = acquired[i] as number;
          if (!Number.isInteger(start) || start < 0 || !Number.isInteger(end) || end < 0 || !Number.isInteger(won) || won < 0) {
            throw new RangeError("hand: bad counts");
          }
          if (won > end || end - won > start) throw new RangeError("hand: inconsistent counts");
          sum += start === 0 ? 0 : (end - won) / start;
        }
        return sum;
      },
      agree: numbers((r: number) => ({ sumOfRates: r })),
    },
    {
      name: "firstResponseTimes",
      input: ticketsInput,
      library: () => firstResponseTimes(tickets),
      // Same date checks (NaN after getTime); values with their ticket ids, the sources, the skips
      // by reason and the anomalies, as the library returns them.
      hand: () => {
        const r = handValues(tickets.length, { unanswered: 0, noCustomerMessage: 0 });
        let n = 0;
        for (let i = 0; i < tickets.length; i++) {
          const ticket = tickets[i] as Ticket;
          const created = ticket.createdAt.getTime();
          if (Number.isNaN(created)) throw new RangeError(`hand: invalid createdAt of ticket ${ticket.id}`);
          const ms = handFirstReply(ticket, created);
          if (ms >= 0) {
            r.values[n++] = ms;
            r.ids.push(ticket.id);
            if (ticket.messages !== undefined && ticket.messages.length > 0) r.sources.messages++;
            else r.sources.fields++;
          } else if (ms === UNANSWERED) r.skipped.unanswered++;
          else if (ms === NO_CUSTOMER_MESSAGE) r.skipped.noCustomerMessage++;
          else r.anomalies.push({ id: ticket.id, reason: "responseBeforeCreated" });
        }
        r.values = r.values.subarray(0, n);
        return r;
      },
      // The values only.
      bare: () => {
        const values = new Float64Array(tickets.length);
        let n = 0;
        for (let i = 0; i < tickets.length; i++) {
          const ticket = tickets[i] as Ticket;
          const created = ticket.createdAt.getTime();
          if (Number.isNaN(created)) throw new RangeError(`hand: invalid createdAt of ticket ${ticket.id}`);
          const ms = handFirstReply(ticket, created);
          if (ms >= 0) values[n++] = ms;
        }
        return values.subarray(0, n);
      },
      agree: sameTicketValues,
      agreeBare: (library, bare) => sameValues((library as { values: Float64Array }).values, bare as Float64Array),
    },
    {
      name: "resolutionTimes",
      input: ticketsInput,
      library: () => resolutionTimes(tickets),
      // Final resolution: request start to solvedAt of a solved or closed ticket, with the same
      // anomalies (solve before the start, final solve before the first) and the same result parts
      // as firstResponseTimes.
      hand: () => {
        const r = handValues(tickets.length, { unresolved: 0, noSolveTime: 0 });
        let n = 0;
        for (let i = 0; i < tickets.length; i++) {
          const ticket = tickets[i] as Ticket;
          const created = ticket.createdAt.getTime();
          if (Number.isNaN(created)) throw new RangeError(`hand: invalid createdAt of ticket ${ticket.id}`);
          const start = handRequestStart(ticket, created);
          const solved = ticket.solvedAt === undefined ? NaN : ticket.solvedAt.getTime();
          const first = ticket.firstSolvedAt === undefined ? solved : ticket.firstSolvedAt.getTime();
          if ((ticket.solvedAt !== undefined && Number.isNaN(solved)) || (ticket.firstSolvedAt !== undefined && Number.isNaN(first))) {
            throw new RangeError(`hand: invalid solve time of ticket ${ticket.id}`);
          }
          if (ticket.status !== "solved" && ticket.status !== "closed") {
            r.skipped.unresolved++;
            continue;
          }
          if (ticket.solvedAt === undefined) {
            r.skipped.noSolveTime++;
            continue;
          }
          if (solved < start) r.anomalies.push({ id: ticket.id, reason: "solvedBeforeCreated" });
          else if (solved < first) r.anomalies.push({ id: ticket.id, reason: "finalSolveBeforeFirstSolve" });
          else {
            r.values[n++] = solved - start;
            r.ids.push(ticket.id);
            if (ticket.messages !== undefined && ticket.messages.length > 0) r.sources.messages++;
            else r.sources.fields++;
          }
        }
        r.values = r.values.subarray(0, n);
        return r;
      },
      // The values only.
      bare: () => {
        const values = new Float64Array(tickets.length);
        let n = 0;
        for (let i = 0; i < tickets.length; i++) {
          const ticket = tickets[i] as Ticket;
          const created = ticket.createdAt.getTime();
          if (Number.isNaN(created)) throw new RangeError(`hand: invalid createdAt of ticket ${ticket.id}`);
          const start = handRequestStart(ticket, created);
          if ((ticket.status !== "solved" && ticket.status !== "closed") || ticket.solvedAt === undefined) continue;
          const solved = ticket.solvedAt.getTime();
          const first = ticket.firstSolvedAt === undefined ? solved : ticket.firstSolvedAt.getTime();
          if (Number.isNaN(solved) || Number.isNaN(first)) throw new RangeError(`hand: invalid solve time of ticket ${ticket.id}`);
          if (solved >= start && solved >= first) values[n++] = solved - start;
        }
        return values.subarray(0, n);
      },
      agree: sameTicketValues,
      agreeBare: (library, bare) => sameValues((library as { values: Float64Array }).values, bare as Float64Array),
    },
    {
      name: "summarizeDurations",
      input: `${frtValues.length.toLocaleString("en-US")} first response times`,
      library: () => summarizeDurations(frtValues, { percentiles: [0.9] }),
      // Same check (finite, non-negative); count, sum, mean, min, max and the R-7 median and p90
      // by quickselect on a copy (the input is not to be reordered).
      hand: () => {
        const n = frtValues.length;
        if (n === 0) return undefined;
        let total = 0;
        let min = Infinity;
        let max = -Infinity;
        for (let i = 0; i < n; i++) {
          const v = frtValues[i] as number;
          if (!(v >= 0 && v < Infinity)) throw new RangeError(`hand: bad duration ${String(v)}`);
          total += v;
          if (v < min) min = v;
          if (v > max) max = v;
        }
        const copy = frtValues.slice();
        return { count: n, total, mean: total / n, median: quantile(copy, n, 0.5), p90: quantile(copy, n, 0.9), min, max };
      },
      agree: numbers(
        (r: {
          count: number;
          total: number;
          mean: number;
          median: number;
          p90?: number;
          p?: readonly { value: number }[];
          min: number;
          max: number;
        }) => ({
          count: r.count,
          total: r.total,
          mean: r.mean,
          median: r.median,
          p90: r.p90 ?? r.p?.[0]?.value,
          min: r.min,
          max: r.max,
        }),
        ["count"],
      ),
    },
    {
      name: "resolutionRate",
      input: ticketsInput,
      library: () => resolutionRate(tickets, { from, to: HAND_AS_OF }),
      // Received: created in [from, to); resolved: solved or closed with solvedAt, if any, before
      // `to`; solvedAt < createdAt skipped. Same date checks. Rate and counts only.
      hand: () => {
        let resolved = 0;
        let unresolved = 0;
        for (let i = 0; i < tickets.length; i++) {
          const ticket = tickets[i] as Ticket;
          const created = ticket.createdAt.getTime();
          if (Number.isNaN(created)) throw new RangeError(`hand: invalid createdAt of ticket ${ticket.id}`);
          if (created < fromMs || created >= now) continue;
          const solved = ticket.solvedAt === undefined ? undefined : ticket.solvedAt.getTime();
          if (solved !== undefined && Number.isNaN(solved)) throw new RangeError(`hand: invalid solvedAt of ticket ${ticket.id}`);
          if (solved !== undefined && solved < created) continue;
          if ((ticket.status === "solved" || ticket.status === "closed") && (solved === undefined || solved < now)) resolved++;
          else unresolved++;
        }
        const received = resolved + unresolved;
        return { value: received === 0 ? undefined : resolved / received, received, resolved };
      },
      agree: numbers(
        (r: { value: number | undefined; received: number; resolved: number }) => ({
          value: r.value,
          received: r.received,
          resolved: r.resolved,
        }),
        ["received", "resolved"],
      ),
    },
    {
      name: "backlog",
      input: ticketsInput,
      library: () => backlog(tickets, { asOf: HAND_AS_OF }),
      // Threshold = mean of solvedAt − createdAt over tickets resolved at asOf; count of the open
      // ones older than it. Same date checks. The library also returns the backlog's ticket ids.
      hand: () => {
        const ages = new Float64Array(tickets.length);
        let open = 0;
        let total = 0;
        let averaged = 0;
        for (let i = 0; i < tickets.length; i++) {
          const ticket = tickets[i] as Ticket;
          const created = ticket.createdAt.getTime();
          if (Number.isNaN(created)) throw new RangeError(`hand: invalid createdAt of ticket ${ticket.id}`);
          const solved = ticket.solvedAt === undefined ? undefined : ticket.solvedAt.getTime();
          if (solved !== undefined && Number.isNaN(solved)) throw new RangeError(`hand: invalid solvedAt of ticket ${ticket.id}`);
          if (created > now || (solved !== undefined && solved < created)) continue;
          const solvedNow = ticket.status === "solved" || ticket.status === "closed";
          if (solvedNow && solved === undefined) continue;
          if (solvedNow && (solved as number) <= now) {
            total += (solved as number) - created;
            averaged++;
          } else ages[open++] = now - created;
        }
        if (averaged === 0) return { count: undefined, threshold: undefined };
        const threshold = total / averaged;
        let count = 0;
        for (let i = 0; i < open; i++) if ((ages[i] as number) > threshold) count++;
        return { count, threshold };
      },
      agree: numbers(
        (r: { count: number | undefined; threshold: number | undefined }) => ({ count: r.count, threshold: r.threshold }),
        ["count"],
      ),
    },
    {
      name: "slaCompliance",
      input: ticketsInput,
      library: () => slaCompliance(tickets, { policy: SLA_POLICY, asOf: HAND_AS_OF }),
      // First response within 24 h and resolution within 48 h, calendar time, judged at asOf
      // (events after it not yet happened; tickets created after it skipped); same date checks.
      // The same result as the library: totals and per-metric counts, every breach with its due
      // time, the replies missed and judged, the skips and the anomalies.
      hand: () => {
        // Per metric (first response, next response, resolution): achieved, breached, running.
        const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0];
        const breaches: { id: string; metric: string; turn: number; due: Date; lateBy: number; open: boolean }[] = [];
        const anomalies: { id: string; metric: string; reason: string }[] = [];
        const skipped = { notCreated: 0, noTarget: 0, noCustomerMessage: 0, noMessages: 0, noFollowUp: 0, noSolveTime: 0 };
        const judge = (id: string, metric: number, start: number, end: number, within: number): void => {
          const due = start + within;
          if (end === end && end <= due) (counts[metric * 3] as number)++;
          else if (end !== end && now <= due) (counts[metric * 3 + 2] as number)++;
          else {
            (counts[metric * 3 + 1] as number)++;
            const open = end !== end;
            breaches.push({
              id,
              metric: metric === 0 ? "firstResponse" : "resolution",
              turn: 0,
              due: new Date(due),
              lateBy: (open ? now : end) - due,
              open,
            });
          }
        };
        for (let i = 0; i < tickets.length; i++) {
          const ticket = tickets[i] as Ticket;
          const created = ticket.createdAt.getTime();
          if (Number.isNaN(created)) throw new RangeError(`hand: invalid createdAt of ticket ${ticket.id}`);
          if (created > now) {
            skipped.notCreated++;
            continue;
          }
          const reply = handFirstReplyClock(ticket, created, now);
          if (reply === 0) judge(ticket.id, 0, clockStart, clockEnd, DAY);
          else if (reply === NO_CUSTOMER_MESSAGE) skipped.noCustomerMessage++;
          else anomalies.push({ id: ticket.id, metric: "firstResponse", reason: "responseBeforeCreated" });
          skipped.noTarget++; // no next-response target in the policy
          const solvedNow = ticket.status === "solved" || ticket.status === "closed";
          const solved = ticket.solvedAt === undefined ? undefined : ticket.solvedAt.getTime();
          const first = ticket.firstSolvedAt === undefined ? undefined : ticket.firstSolvedAt.getTime();
          if ((solved !== undefined && Number.isNaN(solved)) || (first !== undefined && Number.isNaN(first))) {
            throw new RangeError(`hand: invalid solve time of ticket ${ticket.id}`);
          }
          const start = handRequestStart(ticket, created);
          if (!solvedNow) judge(ticket.id, 2, start, NaN, 2 * DAY);
          else if (solved === undefined) skipped.noSolveTime++;
          else if (solved < start) anomalies.push({ id: ticket.id, metric: "resolution", reason: "solvedBeforeCreated" });
          else if (first !== undefined && solved < first)
            anomalies.push({ id: ticket.id, metric: "resolution", reason: "finalSolveBeforeFirstSolve" });
          else judge(ticket.id, 2, start, solved <= now ? solved : NaN, 2 * DAY);
        }
        const tallyOf = (achieved: number, breached: number, running: number) => {
          const decided = achieved + breached;
          return { compliance: decided === 0 ? undefined : achieved / decided, achieved, breached, running };
        };
        const part = (m: number) => tallyOf(counts[m * 3] as number, counts[m * 3 + 1] as number, counts[m * 3 + 2] as number);
        const byMetric = { firstResponse: part(0), nextResponse: part(1), resolution: part(2) };
        const sum = (k: number): number => (counts[k] as number) + (counts[k + 3] as number) + (counts[k + 6] as number);
        const replies = (k: number): number => (counts[k] as number) + (counts[k + 3] as number);
        return {
          ...tallyOf(sum(0), sum(1), sum(2)),
          byMetric,
          breaches,
          missedReplies: replies(1),
          judgedReplies: replies(0) + replies(1),
          skipped,
          anomalies,
        };
      },
      // The counts only.
      bare: () => {
        let achieved = 0;
        let breached = 0;
        let running = 0;
        const judge = (start: number, end: number, within: number): void => {
          const due = start + within;
          if (end === end) {
            if (end <= due) achieved++;
            else breached++;
          } else if (now > due) breached++;
          else running++;
        };
        for (let i = 0; i < tickets.length; i++) {
          const ticket = tickets[i] as Ticket;
          const created = ticket.createdAt.getTime();
          if (Number.isNaN(created)) throw new RangeError(`hand: invalid createdAt of ticket ${ticket.id}`);
          if (created > now) continue;
          if (handFirstReplyClock(ticket, created, now) === 0) judge(clockStart, clockEnd, DAY);
          const solvedNow = ticket.status === "solved" || ticket.status === "closed";
          const solved = ticket.solvedAt === undefined ? undefined : ticket.solvedAt.getTime();
          const first = ticket.firstSolvedAt === undefined ? undefined : ticket.firstSolvedAt.getTime();
          if ((solved !== undefined && Number.isNaN(solved)) || (first !== undefined && Number.isNaN(first))) {
            throw new RangeError(`hand: invalid solve time of ticket ${ticket.id}`);
          }
          if (!solvedNow) judge(handRequestStart(ticket, created), NaN, 2 * DAY);
          else if (solved !== undefined) {
            const start = handRequestStart(ticket, created);
            if (solved >= start && (first === undefined || solved >= first)) judge(start, solved <= now ? solved : NaN, 2 * DAY);
          }
        }
        const decided = achieved + breached;
        return { compliance: decided === 0 ? undefined : achieved / decided, achieved, breached, running };
      },
      agreeBare: numbers(
        (r: { compliance: number | undefined; achieved: number; breached: number; running: number }) => ({
          compliance: r.compliance,
          achieved: r.achieved,
          breached: r.breached,
          running: r.running,
        }),
        ["achieved", "breached", "running"],
      ),
      // Everything but the breaches compared as JSON; the breaches one by one.
      agree: (library, hand) => {
        const json = (r: unknown): string => JSON.stringify(r, (key, v: unknown) => (key === "breaches" ? undefined : v));
        const out = json(library) === json(hand) ? [] : [`library ${json(library)}\n  vs hand ${json(hand)}`];
        const a = (library as { breaches: readonly unknown[] }).breaches;
        const b = (hand as { breaches: readonly unknown[] }).breaches;
        if (a.length !== b.length || a.some((x, i) => JSON.stringify(x) !== JSON.stringify(b[i])))
          out.push(`breaches differ (${String(a.length)} vs ${String(b.length)})`);
        return out;
      },
    },
    {
      name: "ticketsByStatus",
      input: ticketsInput,
      library: () => ticketsByStatus(tickets),
      // Same check: an unknown status throws.
      hand: () => {
        const c = { new: 0, open: 0, pending: 0, on_hold: 0, solved: 0, closed: 0, unassigned: 0, total: tickets.length };
        for (let i = 0; i < tickets.length; i++) {
          const ticket = tickets[i] as Ticket;
          const status = ticket.status;
          if (status === "solved" || status === "closed") c[status]++;
          else if (status === "new" || status === "open" || status === "pending" || status === "on_hold") {
            c[status]++;
            if (ticket.assignee === undefined || ticket.assignee === "") c.unassigned++;
          } else throw new RangeError(`hand: unknown status ${String(status)}`);
        }
        return c;
      },
      agree: numbers((r: Record<string, number>) => r, ["new", "open", "pending", "on_hold", "solved", "closed", "unassigned", "total"]),
    },
    {
      name: "channelMix",
      input: ticketsInput,
      library: () => channelMix(tickets),
      // Counts per channel in a Map, shares of all tickets, sorted by count (ties by name).
      hand: () => {
        const counts = new Map<string, number>();
        let without = 0;
        for (let i = 0; i < tickets.length; i++) {
          const channel = (tickets[i] as Ticket).channel;
          if (channel === undefined || channel === "") without++;
          else counts.set(channel, (counts.get(channel) ?? 0) + 1);
        }
        const total = tickets.length;
        const channels = [...counts].map(([channel, count]) => ({ channel, count, share: count / total }));
        channels.sort((a, b) => b.count - a.count || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
        return { channels, without };
      },
      agree: (library, hand) => {
        const a = library as { channels: readonly { channel: string; count: number }[]; withoutChannel: { count: number } } | undefined;
        const b = hand as { channels: readonly { channel: string; count: number }[]; without: number };
        const left = JSON.stringify([a?.channels.map((c) => [c.channel, c.count]), a?.withoutChannel.count]);
        const right = JSON.stringify([b.channels.map((c) => [c.channel, c.count]), b.without]);
        return left === right ? [] : [`library ${left} vs hand ${right}`];
      },
    },
  ];
}

/** An empty {@link HandValues} with these skip reasons. */
function handValues<Reason extends string>(capacity: number, skipped: Record<Reason, number>): HandValues<Reason> {
  return { values: new Float64Array(capacity), ids: [], sources: { messages: 0, fields: 0 }, skipped, anomalies: [] };
}

/** Compares a duration function's result with its {@link HandValues}: values, ids, sources, skips and anomalies. */
function sameTicketValues(library: unknown, hand: unknown): string[] {
  const a = library as { values: Float64Array; ids: readonly string[]; sources: Record<string, number>; skipped: Record<string, number> };
  const anomaliesOf = (r: unknown): string => JSON.stringify((r as { anomalies: readonly unknown[] }).anomalies);
  const b = hand as HandValues;
  const out = sameValues(a.values, b.values);
  if (a.ids.length !== b.ids.length || a.ids.some((id, i) => id !== b.ids[i])) out.push("ids differ");
  const sources = a.sources.helpdesk === 0 ? JSON.stringify({ messages: a.sources.messages, fields: a.sources.fields }) : "helpdesk";
  if (sources !== JSON.stringify(b.sources)) out.push(`sources: library ${sources} vs hand ${JSON.stringify(b.sources)}`);
  if (JSON.stringify(a.skipped) !== JSON.stringify(b.skipped))
    out.push(`skipped: library ${JSON.stringify(a.skipped)} vs hand ${JSON.stringify(b.skipped)}`);
  if (anomaliesOf(library) !== anomaliesOf(hand)) out.push("anomalies differ");
  return out;
}

function sameValues(a: Float64Array, b: Float64Array): string[] {
  if (a.length !== b.length) return [`values: library ${String(a.length)} vs hand ${String(b.length)}`];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return [`values[${String(i)}]: library ${String(a[i])} vs hand ${String(b[i])}`];
  return [];
}

/** Seconds per call of `work`, over `repeat` calls, after a full GC when exposed. */
function sample(work: () => unknown, repeat: number): number {
  globalThis.gc?.();
  const t0 = performance.now();
  for (let i = 0; i < repeat; i++) work();
  return (performance.now() - t0) / 1000 / repeat;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const ms = (seconds: number): string => (seconds * 1000).toFixed(seconds < 0.01 ? 2 : 1);

/**
 * Checks and times every pair, one line each, and a last line with the verdict. Throws when a
 * pair disagrees.
 *
 * @param tickets - The in-memory tickets (1M for the issue's target).
 * @param rounds - Interleaved rounds per pair (the medians are compared).
 * @param scoreCount - Scores per survey kind and count pairs. Default 1 000 000.
 */
export function runScalarBench(tickets: readonly Ticket[], rounds = 5, scoreCount = 1_000_000): void {
  console.log(
    `\nscalar metric functions vs hand loops: medians of ${String(rounds)} interleaved rounds (library, hand, …), ` +
      `each sample ~100 ms of repeated calls; target ≤ ${SCALAR_TARGET.toFixed(1)}×`,
  );
  console.log(
    `${"function".padEnd(20)}${"input".padEnd(30)}${"library ms".padStart(11)}${"hand ms".padStart(10)}${"ratio".padStart(9)}` +
      `       ${"number-only hand ms".padStart(19)}${"ratio".padStart(9)}`,
  );
  const over: string[] = [];
  const only = (process.env.BENCH_SCALAR_ONLY ?? "").split(",").filter((name) => name !== "");
  for (const pair of scalarPairs(tickets, scoreCount)) {
    if (only.length > 0 && !only.includes(pair.name)) continue;
    // The agreement run is the first call; two more of each warm up, and the last one's time
    // sets how many calls make a sample of about 100 ms.
    const libraryResult = pair.library();
    const handResult = pair.hand();
    const differences = pair.agree(libraryResult, handResult);
    if (pair.bare !== undefined) {
      for (const d of (pair.agreeBare ?? pair.agree)(libraryResult, pair.bare())) differences.push(`number only: ${d}`);
    }
    if (differences.length > 0) {
      console.log(`${pair.name}: the hand loop disagrees with the library:\n  ${differences.join("\n  ")}`);
      throw new Error(`${pair.name}: the hand loop and the library disagree`);
    }
    let once = Infinity;
    for (let warm = 0; warm < 2; warm++) once = Math.min(sample(pair.library, 1), sample(pair.hand, 1));
    const repeat = Math.max(1, Math.ceil(0.1 / Math.max(1e-6, once)));
    const library: number[] = [];
    const hand: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < rounds; round++) {
      library.push(sample(pair.library, repeat));
      hand.push(sample(pair.hand, repeat));
      if (pair.bare !== undefined) bare.push(sample(pair.bare, repeat));
    }
    const l = median(library);
    const h = median(hand);
    const ratio = l / h;
    if (ratio > SCALAR_TARGET) over.push(pair.name);
    const info = bare.length === 0 ? "" : `${ms(median(bare)).padStart(19)}${`${(l / median(bare)).toFixed(3)}×`.padStart(9)}`;
    console.log(
      `${pair.name.padEnd(20)}${pair.input.padEnd(30)}${ms(l).padStart(11)}${ms(h).padStart(10)}${`${ratio.toFixed(3)}×`.padStart(9)}  ${(ratio <= SCALAR_TARGET ? "ok" : "OVER").padEnd(4)} ${info}`,
    );
  }
  console.log(
    over.length === 0
      ? `target every scalar function ≤ ${SCALAR_TARGET.toFixed(1)}× its hand loop: MET (all agree with their hand loops)`
      : `target every scalar function ≤ ${SCALAR_TARGET.toFixed(1)}× its hand loop: NOT MET (over: ${over.join(", ")}; all agree with their hand loops)`,
  );
}
