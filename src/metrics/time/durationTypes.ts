import type { Schedule } from "../../models/schedule.ts";

/**
 * Where a measurement came from: the ticket's `messages` (the source of truth when present
 * and non-empty) or its pre-computed fields (`firstResponseAt`, `solvedAt`, `replies`, ...).
 *
 * @category Time
 */
export type DurationSource = "messages" | "fields";

/**
 * Why a ticket's data contradicts itself. Such a ticket is reported, never averaged.
 *
 * - `responseBeforeCreated`: `firstResponseAt` is earlier than `createdAt`.
 * - `solvedBeforeCreated`: the solve (`solvedAt` or `firstSolvedAt`) is earlier than the start.
 * - `finalSolveBeforeFirstSolve`: `solvedAt` is earlier than `firstSolvedAt`.
 * - `assignedBeforeCreated`: `assignedAt` is earlier than `createdAt`.
 * - `statusBeforeCreated`: a `statusHistory` entry is earlier than `createdAt`.
 *
 * @category Time
 */
export type AnomalyReason =
  "responseBeforeCreated" | "solvedBeforeCreated" | "finalSolveBeforeFirstSolve" | "assignedBeforeCreated" | "statusBeforeCreated";

/**
 * One ticket whose data contradicts itself, with the reason.
 *
 * @category Time
 */
export interface TicketAnomaly {
  /** The ticket's id. */
  readonly id: string;
  /** What contradicts what. */
  readonly reason: AnomalyReason;
}

/**
 * A duration measured on one ticket.
 *
 * @category Time
 */
export interface MeasuredDuration {
  /** Discriminant. */
  readonly kind: "measured";
  /** The duration in milliseconds (business milliseconds when a schedule was given); never negative. */
  readonly ms: number;
  /** The start event's time. */
  readonly start: Date;
  /** The stop event's time. */
  readonly end: Date;
  /** Which data the start and stop events were read from. */
  readonly source: DurationSource;
}

/**
 * A ticket that has nothing to measure yet (e.g. not answered), with the reason.
 *
 * @typeParam Reason - The skip reasons of the metric.
 * @category Time
 */
export interface SkippedDuration<Reason extends string> {
  /** Discriminant. */
  readonly kind: "skipped";
  /** Why there is nothing to measure. */
  readonly reason: Reason;
}

/**
 * A ticket whose stop event comes before its start event: bad data, reported, not measured.
 *
 * @category Time
 */
export interface AnomalousDuration {
  /** Discriminant. */
  readonly kind: "anomaly";
  /** What contradicts what. */
  readonly reason: AnomalyReason;
}

/**
 * The result of a per-ticket duration function: measured, skipped (with a reason) or anomalous.
 *
 * @typeParam Reason - The skip reasons of the metric.
 * @category Time
 */
export type TicketDuration<Reason extends string> = MeasuredDuration | SkippedDuration<Reason> | AnomalousDuration;

/**
 * Per-ticket values of a collection of tickets (durations in milliseconds, or counts), with
 * everything needed to trace them: which ticket each value belongs to, where it was read
 * from, and what was left out and why. Feed `values` to `summarizeDurations`.
 *
 * @typeParam Reason - The skip reasons of the metric.
 * @category Time
 */
export interface TicketValues<Reason extends string> {
  /** The measured values, in input order (one per ticket, or one per customer turn for `responseTimes`). */
  readonly values: Float64Array;
  /** `ids[i]` is the id of the ticket `values[i]` was measured on. */
  readonly ids: readonly string[];
  /** How many values were read from messages and how many from pre-computed fields. */
  readonly sources: Readonly<Record<DurationSource, number>>;
  /** Records left out because there was nothing to measure yet, by reason. */
  readonly skipped: Readonly<Record<Reason, number>>;
  /** Tickets left out because their data contradicts itself, in input order. */
  readonly anomalies: readonly TicketAnomaly[];
}

/**
 * The clock option shared by the duration functions.
 *
 * @category Time
 */
export interface TimeOptions {
  /**
   * Business hours to measure in: only open time counts (via `businessTimeBetween`).
   * Default: none, calendar time (every millisecond counts).
   */
  readonly schedule?: Schedule | undefined;
}
