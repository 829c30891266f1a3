/**
 * The per-ticket times of the duration metrics, computed ONCE per ticket (whatever the number
 * of metrics and segments that read them) with the metrics' own per-ticket functions:
 * first response, resolution (first and final solve), assignment, requester wait, every
 * customer turn's response time and the replies to resolve, in calendar and, with a schedule,
 * business milliseconds.
 *
 * @internal
 * @module
 */
import { noNegativeZero } from "../../_lib/guards.ts";
import type { Schedule } from "../../models/schedule.ts";
import { rowTicket, type FactsProvider, type TicketBatch } from "../../models/ticketBatch.ts";
import { BATCH_COLUMNS } from "../../models/pushTicket.ts";
import type { Ticket } from "../../models/ticket.ts";
import { measureAssignment } from "./assignmentTime.ts";
import { businessTimeBetween } from "./businessTimeBetween.ts";
import { readTurns } from "./customerTurns.ts";
import { measureFirstResponse } from "./firstResponseTime.ts";
import { beginObserving, endObserving } from "./conversation.ts";
import { replyCount } from "./_replies.ts";
import { measureRequesterWait } from "./requesterWaitTime.ts";
import { durationSlot } from "./measure.ts";
import { providerCache } from "./_providerCache.ts";
import { measureResolution } from "./resolutionTime.ts";
import type { AnomalyReason, TicketDuration } from "./durationTypes.ts";

/** The per-ticket duration metrics, in report order. @internal */
export const TICKET_DURATIONS = ["firstResponse", "resolutionFirst", "resolutionFinal", "assignment", "requesterWait"] as const;

/** A per-ticket duration metric. @internal */
export type TicketDurationName = (typeof TICKET_DURATIONS)[number];

/** The skip reasons of each duration metric (reported even when zero). @internal */
export const DURATION_SKIPS: Readonly<Record<TicketDurationName, readonly string[]>> = {
  firstResponse: ["unanswered", "noCustomerMessage"],
  resolutionFirst: ["unresolved", "noSolveTime"],
  resolutionFinal: ["unresolved", "noSolveTime"],
  assignment: ["unassigned"],
  requesterWait: ["unresolved", "noSolveTime", "noStatusHistory"],
};

/** Every skip reason of the durations, coded from 3 (0, 1 and 2 are the measured sources). @internal */
export const SKIP_REASONS: readonly string[] = [
  "unanswered",
  "noCustomerMessage",
  "unresolved",
  "noSolveTime",
  "unassigned",
  "noStatusHistory",
];

/** Every anomaly reason, coded from 64. @internal */
export const ANOMALY_REASONS: readonly AnomalyReason[] = [
  "responseBeforeCreated",
  "solvedBeforeCreated",
  "finalSolveBeforeFirstSolve",
  "assignedBeforeCreated",
  "statusBeforeCreated",
];

/** Code of a value read from messages. @internal */
export const FROM_MESSAGES = 0;
/** Code of a value read from fields. @internal */
export const FROM_FIELDS = 1;
/** Code of a value the helpdesk computed ({@link Ticket.helpdesk}). @internal */
export const FROM_HELPDESK = 2;
const SKIP_BASE = 3;

/** The helpdesk duration each per-ticket duration is compared with, in {@link TICKET_DURATIONS} order. @internal */
export const HELPDESK_KEYS = ["firstReply", "firstResolution", "fullResolution", "assignment", "requesterWait"] as const;
/** The first anomaly code. @internal */
export const ANOMALY_BASE = 64;

/** Turn flags. @internal */
export const TURNS_ANSWERED = 0;
/** The last customer turn waits for a reply. @internal */
export const TURNS_UNANSWERED = 1;
/** No conversation. @internal */
export const TURNS_NO_MESSAGES = 2;
/** A conversation without a customer message. @internal */
export const TURNS_NO_CUSTOMER = 3;

/**
 * The parts of the ticket times a metric reads ({@link TicketMetric.needs}): bit `d` for the
 * per-ticket duration `TICKET_DURATIONS[d]`, then the customer turns and the reply count.
 *
 * @internal
 */
export const NEEDS_TURNS = 1 << 5;
/** The reply count part. @internal */
export const NEEDS_REPLIES = 1 << 6;
/** Every part. @internal */
export const NEEDS_ALL = 0x7f;
/** The part of per-ticket duration `name`. @internal */
export function needsDuration(name: TicketDurationName): number {
  return 1 << TICKET_DURATIONS.indexOf(name);
}

/**
 * The batch columns of the instants the per-ticket durations of `needs` read (first response:
 * `firstResponseAt`; resolution: `firstSolvedAt`, `solvedAt`; assignment: `assignedAt`; requester
 * wait: `solvedAt`). The times are computed from the ticket itself, but declaring these columns
 * makes `pushTicket` read and check every instant of a ticket in one place: over a million
 * tickets each first read of a `Date` is a likely cache miss, and misses issued together overlap
 * (measured: 2–7 % of `report()` on the bench's tickets). It also checks them as the
 * metrics' own accumulators do (an invalid `firstResponseAt` is an error even beside messages).
 *
 * @internal
 */
export function instantColumns(needs: number): number {
  const c = BATCH_COLUMNS;
  const reads = (name: TicketDurationName): boolean => (needs & needsDuration(name)) !== 0;
  let columns = 0;
  if (reads("firstResponse")) columns |= c.firstResponseAt;
  if (reads("resolutionFirst") || reads("resolutionFinal")) columns |= c.firstSolvedAt | c.solvedAt;
  if (reads("assignment")) columns |= c.assignedAt;
  if (reads("requesterWait")) columns |= c.solvedAt;
  return columns;
}

/** Replies to resolve: a count ≥ 0, or one of these. @internal */
export const REPLIES_UNRESOLVED = -1;
/** No reply data. @internal */
export const REPLIES_NO_DATA = -2;

/** The facts of a batch's rows (index `row · 5 + duration` for durations). @internal */
export interface TicketTimes {
  /** {@link FROM_MESSAGES}, {@link FROM_FIELDS}, 2 + a {@link SKIP_REASONS} index, or 64 + an {@link ANOMALY_REASONS} index. */
  readonly code: Uint8Array;
  /** Calendar ms. */
  readonly cal: Float64Array;
  /** The helpdesk's calendar ms for the same duration ({@link HELPDESK_KEYS}), `NaN` when it exported none. */
  readonly exported: Float64Array;
  /** Business ms (0 without a schedule; `NaN` for a requester wait the helpdesk exported in calendar time only). */
  readonly bus: Float64Array;
  /** The row's first turn in `turnCal` / `turnBus`. */
  readonly turnFrom: Int32Array;
  /** The row's number of answered turns. */
  readonly turnCount: Int32Array;
  /** A `TURNS_*` flag. */
  readonly turnFlag: Uint8Array;
  /** Every answered turn's calendar ms, rows one after another (reset per batch). */
  turnCal: Float64Array;
  /** Every answered turn's business ms. */
  turnBus: Float64Array;
  /** Turns written in this batch. */
  turns: number;
  /** Replies to resolve, or `REPLIES_*`. */
  readonly replies: Int32Array;
  /** The parts computed (`NEEDS_*` bits); the others are never written. */
  readonly needs: number;
}

/** The reason of a skip or anomaly code. @internal */
export function reasonOf(code: number): string {
  return code >= ANOMALY_BASE ? (ANOMALY_REASONS[code - ANOMALY_BASE] as string) : (SKIP_REASONS[code - SKIP_BASE] as string);
}

/**
 * Adds counts by code (`reasons[code]` for each skip or anomaly code) to the named counts: an
 * accumulator tallies a batch's reasons by code and names them once per batch (a count keyed by a
 * varying reason per ticket is a dictionary lookup each time).
 *
 * @internal
 */
export function addReasonCounts(reasons: Int32Array, skipped: Record<string, number>, anomalies: Record<string, number>): void {
  for (let code = SKIP_BASE; code < reasons.length; code++) {
    const n = reasons[code] as number;
    if (n === 0) continue;
    const record = code >= ANOMALY_BASE ? anomalies : skipped;
    const reason = reasonOf(code);
    record[reason] = (record[reason] ?? 0) + n;
  }
}

function reasonCode(r: { kind: "skipped" | "anomaly"; reason: string }): number {
  if (r.kind === "anomaly") return ANOMALY_BASE + ANOMALY_REASONS.indexOf(r.reason as AnomalyReason);
  return SKIP_BASE + SKIP_REASONS.indexOf(r.reason);
}

/**
 * The ticket-times provider for `schedule` (`undefined`: calendar time only), whose errors name
 * `fn`. The same schedule object and `fn` give the same provider, so a composition computes the
 * times once per ticket.
 *
 * @internal
 */
export const ticketTimes: (schedule: Schedule | undefined, fn: string) => FactsProvider<TicketTimes> = providerCache((schedule, fn) =>
  makeProvider(schedule, fn),
);

function grow(a: Float64Array, need: number): Float64Array {
  if (need <= a.length) return a;
  let size = a.length * 2;
  while (size < need) size *= 2;
  const next = new Float64Array(size);
  next.set(a);
  return next;
}

const UNTIL_FIRST = { until: "first" } as const;

function makeProvider(schedule: Schedule | undefined, FN: string): FactsProvider<TicketTimes> {
  const withSchedule = schedule === undefined ? undefined : { schedule };
  // One result slot per provider: `put` reads each result before the next measurement.
  const slot = durationSlot();
  const business = (start: Date, end: Date): number =>
    schedule === undefined ? 0 : noNegativeZero(businessTimeBetween(start, end, schedule));

  /** Writes `r` at `at`; its business ms from the schedule, or `busMs` when given (`NaN`: none). */
  function put(f: TicketTimes, at: number, r: TicketDuration<string>, busMs?: number): void {
    if (r.kind !== "measured") {
      f.code[at] = reasonCode(r);
      f.cal[at] = 0;
      f.bus[at] = 0;
      return;
    }
    f.code[at] = r.source === "messages" ? FROM_MESSAGES : r.source === "fields" ? FROM_FIELDS : FROM_HELPDESK;
    f.cal[at] = r.ms;
    f.bus[at] = schedule === undefined ? 0 : busMs === undefined ? business(r.start, r.end) : busMs;
  }

  /**
   * The requester wait in business ms (`NaN` when not measured: a helpdesk's calendar figure has
   * no business one, so the ticket is in the calendar summary only); 0 without a schedule.
   */
  function businessWait(ticket: Ticket): number {
    if (withSchedule === undefined) return 0;
    const r = measureRequesterWait(FN, ticket, withSchedule);
    return r.kind === "measured" ? r.ms : Number.NaN;
  }

  // No closure below captures a parameter or local of `observeTicket`: one would make every call
  // allocate a context (about 40 bytes a ticket, a scavenge per 400,000 tickets).
  function observeTicket(f: TicketTimes, ticket: Ticket, row: number): void {
    const at = row * 5;
    const needs = f.needs;
    const helpdesk = ticket.helpdesk;
    if (helpdesk === undefined) {
      for (let d = 0; d < 5; d++) f.exported[at + d] = Number.NaN;
    } else {
      for (let d = 0; d < 5; d++) {
        if ((needs & (1 << d)) !== 0) f.exported[at + d] = helpdesk[HELPDESK_KEYS[d] as keyof typeof helpdesk] ?? Number.NaN;
      }
    }
    if ((needs & 1) !== 0) put(f, at, measureFirstResponse(FN, ticket, undefined, slot));
    if ((needs & 2) !== 0) put(f, at + 1, measureResolution(FN, ticket, UNTIL_FIRST, slot));
    if ((needs & 4) !== 0) put(f, at + 2, measureResolution(FN, ticket, undefined, slot));
    if ((needs & 8) !== 0) put(f, at + 3, measureAssignment(FN, ticket, undefined, slot));
    if ((needs & 16) !== 0) {
      const wait = measureRequesterWait(FN, ticket);
      put(f, at + 4, wait, wait.kind === "measured" ? businessWait(ticket) : undefined);
    }
    if ((needs & NEEDS_TURNS) !== 0) observeTurns(f, ticket, row);
    if ((needs & NEEDS_REPLIES) !== 0) {
      const replies = replyCount(FN, ticket);
      f.replies[row] = replies.kind === "counted" ? replies.count : replies.reason === "unresolved" ? REPLIES_UNRESOLVED : REPLIES_NO_DATA;
    }
  }

  function observeTurns(f: TicketTimes, ticket: Ticket, row: number): void {
    const turns = readTurns(FN, ticket);
    f.turnFrom[row] = f.turns;
    if (turns === undefined) {
      f.turnCount[row] = 0;
      f.turnFlag[row] = TURNS_NO_MESSAGES;
    } else {
      const n = turns.turns.length;
      f.turnCal = grow(f.turnCal, f.turns + n);
      f.turnBus = grow(f.turnBus, f.turns + n);
      for (let i = 0; i < n; i++) {
        const t = turns.turns[i] as { start: Date; end: Date; ms: number };
        f.turnCal[f.turns + i] = t.ms;
        f.turnBus[f.turns + i] = business(t.start, t.end);
      }
      f.turns += n;
      f.turnCount[row] = n;
      f.turnFlag[row] = turns.unansweredSince !== undefined ? TURNS_UNANSWERED : n === 0 ? TURNS_NO_CUSTOMER : TURNS_ANSWERED;
    }
  }

  return {
    name: schedule === undefined ? "ticketTimes" : "ticketTimes (business hours)",
    create: (capacity, needs = NEEDS_ALL) => ({
      code: new Uint8Array(capacity * 5),
      cal: new Float64Array(capacity * 5),
      exported: new Float64Array(capacity * 5),
      bus: new Float64Array(capacity * 5),
      turnFrom: new Int32Array(capacity),
      turnCount: new Int32Array(capacity),
      turnFlag: new Uint8Array(capacity),
      turnCal: new Float64Array(Math.max(16, capacity)),
      turnBus: new Float64Array(Math.max(16, capacity)),
      turns: 0,
      replies: new Int32Array(capacity),
      needs,
    }),
    begin: (f) => {
      f.turns = 0;
    },
    observe: (f, batch: TicketBatch, row) => {
      const ticket = rowTicket(batch, row);
      beginObserving(ticket);
      try {
        observeTicket(f, ticket, row);
      } finally {
        endObserving();
      }
    },
  };
}
