/**
 * What the report needs from one ticket, computed ONCE per ticket with the metrics' own
 * per-ticket functions, then added to the whole scope and to every segment it belongs to.
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import { noNegativeZero } from "../_lib/guards.ts";
import type { Schedule } from "../models/schedule.ts";
import type { SlaMetric } from "../models/sla.ts";
import { TICKET_STATUSES, type Ticket, type TicketStatus } from "../models/ticket.ts";
import { evaluateTicket, type SlaStatus } from "../metrics/sla/_evaluate.ts";
import type { MatchedSlaTarget } from "../metrics/sla/_policy.ts";
import { assignmentTime } from "../metrics/time/assignmentTime.ts";
import { businessTimeBetween } from "../metrics/time/businessTimeBetween.ts";
import { customerTurns } from "../metrics/time/customerTurns.ts";
import { firstResponseTime } from "../metrics/time/firstResponseTime.ts";
import { replyCount } from "../metrics/time/_replies.ts";
import { requesterWaitTime } from "../metrics/time/requesterWaitTime.ts";
import { resolutionTime } from "../metrics/time/resolutionTime.ts";
import type { DurationSource, TicketDuration } from "../metrics/time/_types.ts";

/** The fixed settings of one report. @internal */
export interface Context {
  /** `asOf` in epoch ms. */
  readonly asOf: number;
  /** The time zone of buckets and the heatmap. */
  readonly timeZone: string;
  /** Business hours, if any. */
  readonly schedule: Schedule | undefined;
  /** The compiled SLA targets, if a policy was given. */
  readonly sla: readonly MatchedSlaTarget[] | undefined;
  /** The policy's name. */
  readonly slaName: string | null;
  /** Duration percentiles. */
  readonly percentiles: readonly number[];
}

/** The per-ticket duration metrics, in report order. @internal */
export const DURATIONS = ["firstResponse", "resolutionFirst", "resolutionFinal", "assignment", "requesterWait"] as const;

/** A per-ticket duration metric name. @internal */
export type DurationName = (typeof DURATIONS)[number];

/** One duration observation: calendar and business ms, or a skip or anomaly reason. @internal */
export type DurationObs =
  | { readonly kind: "measured"; readonly cal: number; readonly bus: number; readonly source: DurationSource }
  | { readonly kind: "skipped" | "anomaly"; readonly reason: string };

/** How a ticket stands for the resolution rate (judged at a moment) or the backlog (at `asOf`). @internal */
export type Standing =
  | { readonly kind: "resolved"; readonly ms: number | undefined }
  | { readonly kind: "open"; readonly age: number }
  | { readonly kind: "skipped"; readonly reason: string };

/** The SLA outcome of one ticket. @internal */
export interface SlaObs {
  /** `true` when the ticket was created after `asOf` (not judged). */
  readonly notCreated: boolean;
  /** The checks' (metric, status). */
  readonly checks: readonly { readonly metric: SlaMetric; readonly status: SlaStatus }[];
  /** Skip reasons of (ticket, metric) pairs. */
  readonly skipped: readonly string[];
  /** Anomaly reasons of (ticket, metric) pairs. */
  readonly anomalies: readonly string[];
}

/** Everything the report reads from one ticket. @internal */
export interface Observation {
  readonly status: TicketStatus;
  readonly unassigned: boolean;
  readonly channel: string | undefined;
  readonly type: string | undefined;
  readonly createdAt: number;
  /** For the resolution rate, judged at the scope's judging moment. */
  readonly resolution: Standing;
  /** For the backlog, at `asOf` (`ms`: the resolution time averaged for the threshold). */
  readonly backlog: Standing;
  readonly durations: Readonly<Record<DurationName, DurationObs>>;
  /** Every answered customer turn (calendar and business ms), or why there are none. */
  readonly responses:
    | { readonly kind: "turns"; readonly cal: readonly number[]; readonly bus: readonly number[]; readonly unanswered: boolean }
    | { readonly kind: "noMessages" };
  readonly replies:
    | { readonly kind: "counted"; readonly count: number; readonly source: DurationSource }
    | { readonly kind: "skipped"; readonly reason: string };
  readonly sla: SlaObs | undefined;
}

const FN = "report";

function business(ctx: Context, start: Date, end: Date): number {
  return ctx.schedule === undefined ? 0 : noNegativeZero(businessTimeBetween(start, end, ctx.schedule));
}

function duration(ctx: Context, r: TicketDuration<string>, businessMs?: () => number): DurationObs {
  if (r.kind !== "measured") return r;
  const bus = ctx.schedule === undefined ? 0 : businessMs === undefined ? business(ctx, r.start, r.end) : businessMs();
  return { kind: "measured", cal: r.ms, bus, source: r.source };
}

function isResolved(status: TicketStatus): boolean {
  return status === "solved" || status === "closed";
}

/** The resolution-rate standing of a ticket judged at `at`, as `resolutionRate`. @internal */
function resolutionStanding(ticket: Ticket, created: number, at: number): Standing {
  if (created >= at) return { kind: "skipped", reason: "createdAfterJudgedAt" };
  const solvedAt = ticket.solvedAt?.getTime();
  if (solvedAt !== undefined && solvedAt < created) return { kind: "skipped", reason: "solvedBeforeCreated" };
  if (!isResolved(ticket.status)) return { kind: "open", age: 0 };
  if (solvedAt === undefined) return { kind: "resolved", ms: undefined };
  return solvedAt < at ? { kind: "resolved", ms: solvedAt - created } : { kind: "open", age: 0 };
}

/** The backlog standing of a ticket at `asOf`, as `backlog`. @internal */
function backlogStanding(ticket: Ticket, created: number, asOf: number): Standing {
  if (created > asOf) return { kind: "skipped", reason: "createdAfterAsOf" };
  const solvedAt = ticket.solvedAt?.getTime();
  if (solvedAt !== undefined && solvedAt < created) return { kind: "skipped", reason: "solvedBeforeCreated" };
  const solvedNow = isResolved(ticket.status);
  if (solvedNow && solvedAt === undefined) return { kind: "resolved", ms: undefined };
  if (solvedNow && solvedAt !== undefined && solvedAt <= asOf) return { kind: "resolved", ms: solvedAt - created };
  return { kind: "open", age: asOf - created };
}

function slaOf(ctx: Context, ticket: Ticket, created: number): SlaObs | undefined {
  if (ctx.sla === undefined) return undefined;
  if (created > ctx.asOf) return { notCreated: true, checks: [], skipped: [], anomalies: [] };
  const r = evaluateTicket(FN, ticket, ctx.sla, ctx.asOf);
  return {
    notCreated: false,
    checks: r.checks.map((c) => ({ metric: c.metric, status: c.status })),
    skipped: r.skipped.map((s) => s.reason),
    anomalies: r.anomalies.map((a) => a.reason),
  };
}

/**
 * Observes one ticket (its `createdAt` must be a valid Date). `judgeAt` is the moment the
 * resolution rate is judged at. Invalid dates elsewhere in the ticket throw, as in the metrics.
 *
 * @internal
 */
export function observe(ctx: Context, ticket: Ticket, judgeAt: number): Observation {
  if (!(TICKET_STATUSES as readonly unknown[]).includes(ticket.status)) {
    // An unknown status gave NaN counts, and "__proto__" was silently dropped.
    throw new MetricRangeError(
      "E_UNKNOWN_STATUS",
      `${FN}: status must be one of ${TICKET_STATUSES.join(", ")} (ticket ${JSON.stringify(String(ticket.id))}), got ${JSON.stringify(String(ticket.status))}`,
    );
  }
  const created = ticket.createdAt.getTime();
  const withSchedule = ctx.schedule === undefined ? undefined : { schedule: ctx.schedule };
  const turns = customerTurns(ticket);
  const reply = replyCount(FN, ticket);
  return {
    status: ticket.status,
    unassigned: !isResolved(ticket.status) && (ticket.assignee === undefined || ticket.assignee === ""),
    channel: ticket.channel,
    type: ticket.type,
    createdAt: created,
    resolution: resolutionStanding(ticket, created, judgeAt),
    backlog: backlogStanding(ticket, created, ctx.asOf),
    durations: {
      firstResponse: duration(ctx, firstResponseTime(ticket)),
      resolutionFirst: duration(ctx, resolutionTime(ticket, { until: "first" })),
      resolutionFinal: duration(ctx, resolutionTime(ticket)),
      assignment: duration(ctx, assignmentTime(ticket)),
      requesterWait: duration(ctx, requesterWaitTime(ticket), () => {
        const r = requesterWaitTime(ticket, withSchedule);
        return r.kind === "measured" ? r.ms : 0;
      }),
    },
    responses:
      turns === undefined
        ? { kind: "noMessages" }
        : {
            kind: "turns",
            cal: turns.turns.map((t) => t.ms),
            bus: ctx.schedule === undefined ? [] : turns.turns.map((t) => business(ctx, t.start, t.end)),
            unanswered: turns.unansweredSince !== undefined,
          },
    replies: reply,
    sla: slaOf(ctx, ticket, created),
  };
}
