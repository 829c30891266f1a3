import type { SlaMetric } from "../../models/sla.ts";
import type { StatusChange, Ticket } from "../../models/ticket.ts";
import { hasMessages, readConversation } from "../time/conversation.ts";
import { firstResponseEvents, resolutionEvents, type Events } from "../time/events.ts";
import { advance, durationSlot } from "../time/measure.ts";
import type { AnomalyReason } from "../time/durationTypes.ts";
import { matchTarget, SLA_METRICS, type MatchedSlaTarget } from "./policy.ts";
import { pausedDue } from "./_pausedDue.ts";

/**
 * Where a ticket stands on one SLA target at `asOf`.
 *
 * - `achieved`: the stop event happened at or before the due time.
 * - `breached`: it happened after the due time, or it has not happened and `asOf` is past the due time.
 * - `running`: it has not happened and `asOf` is at or before the due time.
 *
 * @category SLA
 */
export type SlaStatus = "achieved" | "breached" | "running";

/**
 * Why a ticket is not judged on a metric: `noTarget` (no target of the policy matches),
 * `noCustomerMessage` (its messages hold no customer message), `noMessages` (next
 * response needs messages), `noFollowUp` (next response: no customer message came after the
 * first reply, so there is no next response to judge) or `noSolveTime` (solved or closed
 * without `solvedAt`).
 *
 * @category SLA
 */
export type SlaSkip = "noTarget" | "noCustomerMessage" | "noMessages" | "noFollowUp" | "noSolveTime";

/**
 * One judged SLA target on one ticket (one customer turn for `nextResponse`).
 *
 * @category SLA
 */
export interface SlaCheck {
  /** The ticket's id. */
  readonly id: string;
  /** The metric judged. */
  readonly metric: SlaMetric;
  /** The customer turn, counting the first response as turn 0: 0 for `firstResponse` and `resolution`, 1 and up for `nextResponse`. */
  readonly turn: number;
  /** Achieved, breached or still running at `asOf`. */
  readonly status: SlaStatus;
  /** When the clock started. */
  readonly start: Date;
  /** When the target falls due: `start` plus the time allowed, in calendar or business time, plus the time paused (`pauseIn`). */
  readonly due: Date;
  /**
   * The instant the target is breached: the due time when `breached` (it was breached then) or
   * `running` (it will be, if the clock runs on; a clock paused at `asOf` is taken to resume
   * then); `undefined` when `achieved`.
   */
  readonly breachAt: Date | undefined;
  /** When the clock stopped (the reply or the solve), if it did by `asOf`. */
  readonly end: Date | undefined;
  /** How late, in calendar milliseconds: `end − due` or, still open, `asOf − due`, when breached; 0 otherwise. */
  readonly lateBy: number;
  /** The target applied. */
  readonly target: MatchedSlaTarget;
}

/**
 * The SLA checks of one ticket, with what could not be judged.
 *
 * @category SLA
 */
export interface TicketSla {
  /** The ticket's id. */
  readonly id: string;
  /** The judged targets, by metric in the order firstResponse, nextResponse, resolution. */
  readonly checks: readonly SlaCheck[];
  /** The metrics not judged, with the reason. */
  readonly skipped: readonly {
    /** The metric not judged. */
    readonly metric: SlaMetric;
    /** Why: no target matched, or the data to measure it is missing. */
    readonly reason: SlaSkip;
  }[];
  /** The metrics whose data contradicts itself, with the reason. */
  readonly anomalies: readonly {
    /** The metric whose data contradicts itself. */
    readonly metric: SlaMetric;
    /** What contradicts what, e.g. a reply before the ticket was created. */
    readonly reason: AnomalyReason;
  }[];
}

/** The statuses of SLA checks, in tally order: an {@link SlaObserver} receives a status as its index here. @internal */
export const SLA_STATUSES: readonly SlaStatus[] = ["achieved", "breached", "running"];
const ACHIEVED = 0;
const BREACHED = 1;
const RUNNING = 2;

/** The reasons an SLA metric is not judged, in code order: an {@link SlaObserver} receives a reason as its index here. @internal */
export const SLA_SKIPS: readonly SlaSkip[] = ["noTarget", "noCustomerMessage", "noMessages", "noFollowUp", "noSolveTime"];
const NO_TARGET = 0;
const NO_CUSTOMER_MESSAGE = 1;
const NO_MESSAGES = 2;
const NO_FOLLOW_UP = 3;

/**
 * What {@link evaluateTicket} finds on one ticket, told one judgement at a time, by metric in
 * the order firstResponse, nextResponse, resolution. Metrics, statuses and skip reasons come as
 * their indexes in `SLA_METRICS`, {@link SLA_STATUSES} and {@link SLA_SKIPS}, and the due time
 * in epoch milliseconds, so that a caller that only counts (`slaCompliance`, the report's SLA
 * facts) allocates nothing per check; {@link ticketSlaOf} builds the public {@link TicketSla}.
 *
 * @internal
 */
export interface SlaObserver {
  /** One judged check: see {@link SlaCheck} for the fields (`due` in epoch ms). */
  check(
    metric: number,
    turn: number,
    status: number,
    start: Date,
    end: Date | undefined,
    due: number,
    lateBy: number,
    target: MatchedSlaTarget,
  ): void;
  /** A metric not judged. */
  skip(metric: number, reason: number): void;
  /** A metric whose data contradicts itself. */
  anomaly(metric: number, reason: AnomalyReason): void;
}

/** The status, due time and lateness of one check, told to `observer`. THE rule of achieved, breached and running. */
function judge(
  observer: SlaObserver,
  metric: number,
  turn: number,
  start: Date,
  end: Date | undefined,
  target: MatchedSlaTarget,
  asOf: number,
  history: readonly StatusChange[] | undefined,
): void {
  // A clock that pauses by status falls due later by the time paused (./_pausedDue.ts).
  const pause = target.pause;
  const due =
    pause === undefined || history === undefined || history.length === 0
      ? advance(start, target.ms, target.schedule)
      : pausedDue(start, target.ms, target.schedule, history, pause, end === undefined ? asOf : end.getTime());
  if (end !== undefined) {
    const stop = end.getTime();
    if (stop <= due) observer.check(metric, turn, ACHIEVED, start, end, due, 0, target);
    else observer.check(metric, turn, BREACHED, start, end, due, stop - due, target);
  } else if (asOf > due) observer.check(metric, turn, BREACHED, start, end, due, asOf - due, target);
  else observer.check(metric, turn, RUNNING, start, end, due, 0, target);
}

// One events record for every call: its fields are read before anything else is evaluated.
const slot = durationSlot().events;

function fromEvents<R extends SlaSkip>(
  observer: SlaObserver,
  metric: number,
  events: Events<R>,
  target: MatchedSlaTarget,
  asOf: number,
  history: readonly StatusChange[] | undefined,
): void {
  if (events.kind === "skipped") observer.skip(metric, SLA_SKIPS.indexOf(events.reason));
  else if (events.kind === "anomaly") observer.anomaly(metric, events.reason);
  else judge(observer, metric, 0, events.start, events.end, target, asOf, history);
}

/**
 * Judges one ticket against compiled targets as of `asOf` (epoch ms) and tells `observer`
 * each check, skip and anomaly; events after `asOf` are treated as not yet happened. The
 * caller skips tickets created after `asOf`.
 *
 * @internal
 */
export function evaluateTicket(
  fn: string,
  ticket: Ticket,
  targets: readonly MatchedSlaTarget[],
  asOf: number,
  observer: SlaObserver,
): void {
  const history = ticket.statusHistory;
  for (let metric = 0; metric < SLA_METRICS.length; metric++) {
    const name = SLA_METRICS[metric] as SlaMetric;
    const target = matchTarget(targets, ticket, name);
    if (target === undefined) observer.skip(metric, NO_TARGET);
    else if (name === "firstResponse") fromEvents(observer, metric, firstResponseEvents(fn, ticket, asOf, slot), target, asOf, history);
    else if (name === "resolution") fromEvents(observer, metric, resolutionEvents(fn, ticket, "final", asOf, slot), target, asOf, history);
    else if (!hasMessages(ticket)) observer.skip(metric, NO_MESSAGES);
    else {
      const conversation = readConversation(fn, ticket, asOf);
      if (conversation.firstCustomer === undefined) {
        observer.skip(metric, NO_CUSTOMER_MESSAGE);
        continue;
      }
      const turns = conversation.turns;
      for (let i = 1; i < turns.length; i++) {
        const turn = turns[i] as { start: Date; end: Date };
        judge(observer, metric, i, turn.start, turn.end, target, asOf, history);
      }
      const open = conversation.openSince;
      if (open !== undefined && turns.length > 0) judge(observer, metric, turns.length, open, undefined, target, asOf, history);
      else if (turns.length <= 1) observer.skip(metric, NO_FOLLOW_UP);
    }
  }
}

// A skip carries no per-ticket data: one frozen record per (metric, reason), made up front.
type SkipRecord = TicketSla["skipped"][number];
const SKIPS: readonly (readonly SkipRecord[])[] = SLA_METRICS.map((metric) => SLA_SKIPS.map((reason) => Object.freeze({ metric, reason })));

/**
 * The {@link TicketSla} of one ticket (see {@link evaluateTicket}).
 *
 * @internal
 */
export function ticketSlaOf(fn: string, ticket: Ticket, targets: readonly MatchedSlaTarget[], asOf: number): TicketSla {
  const id = ticket.id;
  const checks: SlaCheck[] = [];
  const skipped: SkipRecord[] = [];
  const anomalies: TicketSla["anomalies"][number][] = [];
  const metricOf = (metric: number): SlaMetric => SLA_METRICS[metric] as SlaMetric;
  evaluateTicket(fn, ticket, targets, asOf, {
    check(metric, turn, status, start, end, due, lateBy, target) {
      checks.push({
        id,
        metric: metricOf(metric),
        turn,
        status: SLA_STATUSES[status] as SlaStatus,
        start,
        due: new Date(due),
        breachAt: SLA_STATUSES[status] === "achieved" ? undefined : new Date(due),
        end,
        lateBy,
        target,
      });
    },
    skip: (metric, reason) => skipped.push((SKIPS[metric] as readonly SkipRecord[])[reason] as SkipRecord),
    anomaly: (metric, reason) => anomalies.push({ metric: metricOf(metric), reason }),
  });
  return { id, checks, skipped, anomalies };
}
