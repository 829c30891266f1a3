import type { SlaMetric } from "../../models/sla.ts";
import type { Ticket } from "../../models/ticket.ts";
import { hasMessages, readConversation } from "../time/conversation.ts";
import { firstResponseEvents, resolutionEvents, type Events } from "../time/events.ts";
import { advance } from "../time/measure.ts";
import type { AnomalyReason } from "../time/durationTypes.ts";
import { matchTarget, SLA_METRICS, type MatchedSlaTarget } from "./policy.ts";

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
  /** When the target falls due: `start` plus the time allowed, in calendar or business time. */
  readonly due: Date;
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

/**
 * The lists {@link evaluateTicket} fills, returned as its {@link TicketSla}. A caller that reads
 * each result before the next call (`slaCompliance`, the report's SLA facts) passes one
 * {@link slaSink} for every ticket: its lists are emptied and refilled, not allocated per ticket.
 *
 * @internal
 */
export interface SlaSink {
  id: string;
  readonly checks: SlaCheck[];
  readonly skipped: { readonly metric: SlaMetric; readonly reason: SlaSkip }[];
  readonly anomalies: { readonly metric: SlaMetric; readonly reason: AnomalyReason }[];
}

/** A new empty {@link SlaSink}. @internal */
export function slaSink(): SlaSink {
  return { id: "", checks: [], skipped: [], anomalies: [] };
}

type Sink = SlaSink;

// A skip carries no per-ticket data: one frozen record per (metric, reason), made up front.
type SkipRecord = { readonly metric: SlaMetric; readonly reason: SlaSkip };
const SKIP_REASONS: readonly SlaSkip[] = ["noTarget", "noCustomerMessage", "noMessages", "noFollowUp", "noSolveTime"];
const SKIPS = Object.fromEntries(
  SLA_METRICS.map((metric) => [metric, Object.fromEntries(SKIP_REASONS.map((reason) => [reason, Object.freeze({ metric, reason })]))]),
) as Record<SlaMetric, Record<SlaSkip, SkipRecord>>;
const skip = (metric: SlaMetric, reason: SlaSkip): SkipRecord => SKIPS[metric][reason];

function judge(
  id: string,
  metric: SlaMetric,
  turn: number,
  start: Date,
  end: Date | undefined,
  target: MatchedSlaTarget,
  asOf: number,
): SlaCheck {
  const due = advance(start, target.ms, target.schedule);
  const dueMs = due.getTime();
  let status: SlaStatus;
  let lateBy = 0;
  if (end !== undefined) {
    status = end.getTime() <= dueMs ? "achieved" : "breached";
    if (status === "breached") lateBy = end.getTime() - dueMs;
  } else if (asOf > dueMs) {
    status = "breached";
    lateBy = asOf - dueMs;
  } else status = "running";
  return { id, metric, turn, status, start, due, end, lateBy, target };
}

function fromEvents<R extends SlaSkip>(
  sink: Sink,
  ticket: Ticket,
  metric: SlaMetric,
  events: Events<R>,
  target: MatchedSlaTarget,
  asOf: number,
): void {
  if (events.kind === "skipped") sink.skipped.push(skip(metric, events.reason));
  else if (events.kind === "anomaly") sink.anomalies.push({ metric, reason: events.reason });
  else sink.checks.push(judge(ticket.id, metric, 0, events.start, events.end, target, asOf));
}

/**
 * Judges one ticket against compiled targets as of `asOf` (epoch ms); events after `asOf`
 * are treated as not yet happened. The caller skips tickets created after `asOf`.
 *
 * @internal
 */
export function evaluateTicket(
  fn: string,
  ticket: Ticket,
  targets: readonly MatchedSlaTarget[],
  asOf: number,
  sink: Sink = slaSink(),
): TicketSla {
  sink.id = ticket.id;
  sink.checks.length = 0;
  sink.skipped.length = 0;
  sink.anomalies.length = 0;
  for (const metric of SLA_METRICS) {
    const target = matchTarget(targets, ticket, metric);
    if (target === undefined) {
      sink.skipped.push(skip(metric, "noTarget"));
      continue;
    }
    if (metric === "firstResponse") fromEvents(sink, ticket, metric, firstResponseEvents(fn, ticket, asOf), target, asOf);
    else if (metric === "resolution") fromEvents(sink, ticket, metric, resolutionEvents(fn, ticket, "final", asOf), target, asOf);
    else if (!hasMessages(ticket)) sink.skipped.push(skip(metric, "noMessages"));
    else {
      const conversation = readConversation(fn, ticket, asOf);
      if (conversation.firstCustomer === undefined) {
        sink.skipped.push(skip(metric, "noCustomerMessage"));
        continue;
      }
      const turns = conversation.turns;
      const before = sink.checks.length;
      for (let i = 1; i < turns.length; i++) {
        const turn = turns[i] as { start: Date; end: Date };
        sink.checks.push(judge(ticket.id, metric, i, turn.start, turn.end, target, asOf));
      }
      const open = conversation.openSince;
      if (open !== undefined && turns.length > 0) {
        sink.checks.push(judge(ticket.id, metric, turns.length, open, undefined, target, asOf));
      }
      if (sink.checks.length === before) sink.skipped.push(skip(metric, "noFollowUp"));
    }
  }
  return sink;
}
