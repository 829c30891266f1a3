/**
 * The hand pass: what a user would write instead of calling `report()`, a single plain loop
 * over an array of `Ticket` objects computing the core KPIs of issue 13, overall and per
 * channel:
 *
 * - statuses: the count of each status, the total, and the unassigned unsolved tickets
 *   (as `ticketsByStatus`);
 * - first reply: count, total, mean, median and p90 of the first response times (as
 *   `firstResponseTime`: the messages when the ticket has any, else `firstResponseAt`);
 * - resolution: the same summary of the final resolution times (as `resolutionTime`, `until:
 *   "final"`: request start to `solvedAt` of a solved or closed ticket);
 * - resolution rate judged at `asOf` (as `resolutionRate` with the period `[−∞, asOf)`, the
 *   report's reading when it has no `period`);
 * - backlog at `asOf` with the default threshold, the mean resolution time (as `backlog`).
 *
 * Nothing from the library is called: one loop, `Date.getTime`, typed arrays and a
 * quickselect of our own for the R-7 median and p90. The rules are mirrored from the
 * metrics' documentation (src/metrics/time/firstResponseTime.ts, resolutionTime.ts,
 * src/metrics/volume/resolutionRate.ts, backlog.ts, ticketsByStatus.ts); test/bench/hand.test.ts
 * and the bench's equality check hold it equal to `report()`, so it cannot drift silently.
 *
 * {@link figuresOfReport} reads the same figures out of a `Report`, and {@link compareFigures}
 * lists where two sets of figures differ (counts exactly, durations and rates within 1e-9
 * relative).
 */
import type { Message, Ticket } from "../src/models/index.ts";
import type { SelectedReportOptions } from "../src/report/index.ts";

/** The fixed clock of the benchmarks (the generated tickets span 2026-01-01 + 90 days). */
export const HAND_AS_OF = new Date("2026-04-01T00:00:00Z");

/**
 * The ONE options object of the `report()` side of the comparison: the hand pass computes
 * exactly what these options ask of the report's core KPIs (no schedule, no SLA, no period,
 * no comparison).
 */
export const HAND_OPTIONS: SelectedReportOptions = {
  asOf: HAND_AS_OF,
  timeZone: "UTC",
  segments: ["channel"],
  percentiles: [0.9],
  // The report computes exactly the KPIs the hand pass computes: nothing more is timed.
  metrics: ["statuses", "resolutionRate", "backlog", "firstResponse", "resolutionFinal"],
};

/** A duration summary, in milliseconds. */
export interface HandSummary {
  readonly count: number;
  readonly total: number;
  readonly mean: number;
  readonly median: number;
  readonly p90: number;
}

/** The core KPIs of one scope (all tickets, or one channel). */
export interface HandScope {
  readonly statuses: {
    readonly new: number;
    readonly open: number;
    readonly pending: number;
    readonly on_hold: number;
    readonly solved: number;
    readonly closed: number;
    readonly unassigned: number;
    readonly total: number;
  };
  /** `undefined` when no ticket was answered. */
  readonly firstResponse: HandSummary | undefined;
  /** `undefined` when no ticket was resolved. */
  readonly resolution: HandSummary | undefined;
  readonly resolutionRate: {
    /** `undefined` when nothing was received. */
    readonly value: number | undefined;
    readonly received: number;
    readonly resolved: number;
    readonly unresolved: number;
    readonly resolvedByStatusOnly: number;
  };
  readonly backlog: {
    /** `undefined` when there is no threshold (no resolution time to average). */
    readonly count: number | undefined;
    readonly threshold: number | undefined;
    readonly unresolved: number;
    readonly resolved: number;
  };
}

/** The figures of a whole pass: overall and per channel (tickets without a channel under `"(none)"`, as the report). */
export interface HandFigures {
  readonly overall: HandScope;
  readonly byChannel: Readonly<Record<string, HandScope>>;
}

/** What one scope accumulates while the loop runs. */
interface Tally {
  new: number;
  open: number;
  pending: number;
  on_hold: number;
  solved: number;
  closed: number;
  unassigned: number;
  frt: Float64Array;
  frtCount: number;
  frtTotal: number;
  res: Float64Array;
  resCount: number;
  resTotal: number;
  received: number;
  rateResolved: number;
  rateByStatus: number;
  backlogResolved: number;
  backlogByStatus: number;
  resolvedTimeTotal: number;
  resolvedTimeCount: number;
  unresolved: number;
}

function newTally(): Tally {
  return {
    new: 0,
    open: 0,
    pending: 0,
    on_hold: 0,
    solved: 0,
    closed: 0,
    unassigned: 0,
    frt: new Float64Array(1024),
    frtCount: 0,
    frtTotal: 0,
    res: new Float64Array(1024),
    resCount: 0,
    resTotal: 0,
    received: 0,
    rateResolved: 0,
    rateByStatus: 0,
    backlogResolved: 0,
    backlogByStatus: 0,
    resolvedTimeTotal: 0,
    resolvedTimeCount: 0,
    unresolved: 0,
  };
}

/** `array` with room for one more value at `length` (doubled when full). */
function room(array: Float64Array, length: number): Float64Array {
  if (length < array.length) return array;
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * Rearranges `a[0..n)` so that `a[k]` holds the k-th smallest value, everything before it
 * is ≤ and everything after it ≥ (Hoare's quickselect, middle pivot). Returns `a[k]`.
 */
export function select(a: Float64Array, n: number, k: number): number {
  let left = 0;
  let right = n - 1;
  while (right > left) {
    const pivot = a[(left + right) >> 1] as number;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k] as number;
}

/** The R-7 quantile p of `a[0..n)` (n ≥ 1): `x[lo] + (h − lo)(x[lo+1] − x[lo])` with `h = (n − 1)p`. Reorders `a`. */
export function quantile(a: Float64Array, n: number, p: number): number {
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const low = select(a, n, lo);
  if (h === lo) return low;
  // After the selection every value right of `lo` is ≥ a[lo]: the next order statistic is their minimum.
  let next = a[lo + 1] as number;
  for (let i = lo + 2; i < n; i++) if ((a[i] as number) < next) next = a[i] as number;
  return low + (h - lo) * (next - low);
}

function summary(values: Float64Array, count: number, total: number): HandSummary | undefined {
  if (count === 0) return undefined;
  return { count, total, mean: total / count, median: quantile(values, count, 0.5), p90: quantile(values, count, 0.9) };
}

const isUnassigned = (ticket: Ticket): boolean => ticket.assignee === undefined || ticket.assignee === "";

/**
 * The hand pass over `tickets` at `asOf`: one loop, then the backlog ages against each
 * scope's threshold and the quantiles. See the module comment for the rules.
 *
 * @param tickets - The tickets (not modified).
 * @param asOf - The moment the resolution rate and the backlog are judged at.
 * @returns The figures overall and per channel.
 * @throws Error if a ticket's status is not one of the six (the report throws too).
 */
export function handPass(tickets: readonly Ticket[], asOf: Date = HAND_AS_OF): HandFigures {
  const now = asOf.getTime();
  const overall = newTally();
  const channels = new Map<string, Tally>();
  // Open tickets' ages and channels, judged against the thresholds once the loop has them.
  let openAge: Float64Array = new Float64Array(1024);
  let openScope: Tally[] = [];
  let openCount = 0;

  for (let t = 0; t < tickets.length; t++) {
    const ticket = tickets[t] as Ticket;
    const channel = ticket.channel === undefined || ticket.channel === "" ? "(none)" : ticket.channel;
    let scope = channels.get(channel);
    if (scope === undefined) {
      scope = newTally();
      channels.set(channel, scope);
    }
    const created = ticket.createdAt.getTime();
    const status = ticket.status;
    const solvedAt = ticket.solvedAt === undefined ? undefined : ticket.solvedAt.getTime();
    const solvedNow = status === "solved" || status === "closed";

    // Statuses (ticketsByStatus).
    switch (status) {
      case "new":
      case "open":
      case "pending":
      case "on_hold":
        overall[status]++;
        scope[status]++;
        if (isUnassigned(ticket)) {
          overall.unassigned++;
          scope.unassigned++;
        }
        break;
      case "solved":
      case "closed":
        overall[status]++;
        scope[status]++;
        break;
      default:
        throw new Error(`handPass: unknown status ${JSON.stringify(status)} of ticket ${ticket.id}`);
    }

    // Request start and first reply (firstResponseTime): with messages, the first public agent
    // reply at or after the first customer message; the start is that customer message when an
    // agent wrote first (an outbound ticket), else the earlier of it and createdAt. Without
    // messages, firstResponseAt − createdAt. (A reply at the very instant of the first customer
    // message but listed before it would be read differently; the generator never makes one.)
    let start = created; // the request: the earlier of createdAt and the first customer message
    let replyStart = created; // the first reply's clock start
    let reply: number | undefined;
    let frtMeasurable = true;
    const messages = ticket.messages;
    if (messages !== undefined && messages.length > 0) {
      let firstCustomer = Infinity;
      let firstAgent = Infinity;
      for (let m = 0; m < messages.length; m++) {
        const message = messages[m] as Message;
        const at = message.at.getTime();
        if (message.author === "customer") {
          if (at < firstCustomer) firstCustomer = at;
        } else if (message.author === "agent" && message.public && at < firstAgent) firstAgent = at;
      }
      if (firstCustomer === Infinity)
        frtMeasurable = false; // noCustomerMessage
      else {
        if (firstCustomer < created) start = firstCustomer;
        replyStart = start;
        if (firstAgent < firstCustomer) {
          // Outbound: the clock starts at the customer's first message; the reply is the next one after it.
          replyStart = firstCustomer;
          firstAgent = Infinity;
          for (let m = 0; m < messages.length; m++) {
            const message = messages[m] as Message;
            const at = message.at.getTime();
            if (message.author === "agent" && message.public && at >= firstCustomer && at < firstAgent) firstAgent = at;
          }
        }
        if (firstAgent !== Infinity) reply = firstAgent;
      }
    } else if (ticket.firstResponseAt !== undefined) {
      reply = ticket.firstResponseAt.getTime();
      if (reply < created) {
        frtMeasurable = false; // anomaly: responseBeforeCreated
        reply = undefined;
      }
    }
    if (frtMeasurable && reply !== undefined) {
      const ms = reply - replyStart;
      overall.frt = room(overall.frt, overall.frtCount);
      overall.frt[overall.frtCount++] = ms;
      overall.frtTotal += ms;
      scope.frt = room(scope.frt, scope.frtCount);
      scope.frt[scope.frtCount++] = ms;
      scope.frtTotal += ms;
    }

    // Resolution time (resolutionTime, until "final"): request start to solvedAt, solved or closed
    // tickets only; a solve before the start, or before the first solve, is an anomaly.
    if (solvedNow && solvedAt !== undefined && solvedAt >= start) {
      const firstSolved = ticket.firstSolvedAt === undefined ? undefined : ticket.firstSolvedAt.getTime();
      if (firstSolved === undefined || solvedAt >= firstSolved) {
        const ms = solvedAt - start;
        overall.res = room(overall.res, overall.resCount);
        overall.res[overall.resCount++] = ms;
        overall.resTotal += ms;
        scope.res = room(scope.res, scope.resCount);
        scope.res[scope.resCount++] = ms;
        scope.resTotal += ms;
      }
    }

    // Both judgements at asOf skip a ticket solved before it was created.
    if (solvedAt !== undefined && solvedAt < created) continue;

    // Resolution rate (resolutionRate over [−∞, asOf)): received when created before asOf;
    // resolved when solved or closed and solvedAt, if any, is before asOf.
    if (created < now) {
      overall.received++;
      scope.received++;
      if (solvedNow && solvedAt === undefined) {
        overall.rateResolved++;
        scope.rateResolved++;
        overall.rateByStatus++;
        scope.rateByStatus++;
      } else if (solvedNow && (solvedAt as number) < now) {
        overall.rateResolved++;
        scope.rateResolved++;
      }
    }

    // Backlog (backlog at asOf): tickets created after asOf are skipped; resolved when solved or
    // closed and solvedAt, if any, is at or before asOf (those with a solvedAt feed the mean
    // resolution time, the threshold); every other ticket is open, its age asOf − createdAt.
    if (created > now) continue;
    if (solvedNow && solvedAt === undefined) {
      overall.backlogResolved++;
      scope.backlogResolved++;
      overall.backlogByStatus++;
      scope.backlogByStatus++;
    } else if (solvedNow && (solvedAt as number) <= now) {
      const ms = (solvedAt as number) - created;
      overall.backlogResolved++;
      scope.backlogResolved++;
      overall.resolvedTimeTotal += ms;
      scope.resolvedTimeTotal += ms;
      overall.resolvedTimeCount++;
      scope.resolvedTimeCount++;
    } else {
      overall.unresolved++;
      scope.unresolved++;
      openAge = room(openAge, openCount);
      openAge[openCount] = now - created;
      openScope[openCount] = scope;
      openCount++;
    }
  }

  // Backlog: the open tickets older than their scope's mean resolution time.
  const threshold = (s: Tally): number | undefined => (s.resolvedTimeCount === 0 ? undefined : s.resolvedTimeTotal / s.resolvedTimeCount);
  const overallThreshold = threshold(overall);
  const channelThreshold = new Map<Tally, number | undefined>();
  const backlogCount = new Map<Tally, number>();
  for (const scope of channels.values()) {
    channelThreshold.set(scope, threshold(scope));
    backlogCount.set(scope, 0);
  }
  let overallBacklog = 0;
  for (let i = 0; i < openCount; i++) {
    const age = openAge[i] as number;
    const scope = openScope[i] as Tally;
    if (overallThreshold !== undefined && age > overallThreshold) overallBacklog++;
    const own = channelThreshold.get(scope);
    if (own !== undefined && age > own) backlogCount.set(scope, (backlogCount.get(scope) as number) + 1);
  }
  openScope = [];

  const figures = (s: Tally, backlog: number, limit: number | undefined): HandScope => {
    const total = s.new + s.open + s.pending + s.on_hold + s.solved + s.closed;
    const rateResolved = s.rateResolved;
    return {
      statuses: {
        new: s.new,
        open: s.open,
        pending: s.pending,
        on_hold: s.on_hold,
        solved: s.solved,
        closed: s.closed,
        unassigned: s.unassigned,
        total,
      },
      firstResponse: summary(s.frt, s.frtCount, s.frtTotal),
      resolution: summary(s.res, s.resCount, s.resTotal),
      resolutionRate: {
        value: s.received === 0 ? undefined : rateResolved / s.received,
        received: s.received,
        resolved: rateResolved,
        unresolved: s.received - rateResolved,
        resolvedByStatusOnly: s.rateByStatus,
      },
      backlog: {
        count: limit === undefined ? undefined : backlog,
        threshold: limit,
        unresolved: s.unresolved,
        resolved: s.backlogResolved,
      },
    };
  };
  const byChannel: Record<string, HandScope> = {};
  for (const [channel, scope] of channels) {
    byChannel[channel] = figures(scope, backlogCount.get(scope) as number, channelThreshold.get(scope));
  }
  return { overall: figures(overall, overallBacklog, overallThreshold), byChannel };
}
