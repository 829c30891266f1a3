import type { CallOutcome } from "../../models/call.ts";
import type { Weekday } from "../../models/schedule.ts";
import type { CallStats } from "./callStats.ts";

/**
 * One contact for {@link weeklyStaffing}: a `Call` (from `readCalls`), or any record with the
 * time it arrived (a ticket's `createdAt` as `arrivedAt`). Durations in ms.
 *
 * @category Staffing
 */
export interface StaffingContact {
  /** When the contact arrived. */
  readonly arrivedAt: Date;
  /** A call's outcome; absent for contacts that are not calls (every one counts as an arrival). */
  readonly outcome?: CallOutcome;
  /** A call's time in queue, in ms; absent when it never queued. */
  readonly wait?: number;
  /** Handle time in ms, when known. */
  readonly handleTime?: number;
  /** Tolerated clock skew, in ms (counted only). */
  readonly clockSkew?: number;
  /** The agent who answered, when known. */
  readonly agent?: string;
}

/**
 * The staffing of one interval of the week.
 *
 * @category Staffing
 */
export interface WeeklyStaffingInterval {
  /** Position in the week, Monday 00:00 first. */
  readonly index: number;
  /** The local weekday. */
  readonly weekday: Weekday;
  /** The local start time, `HH:MM`. */
  readonly start: string;
  /** How many times this interval occurs in the contacts' span of local days. */
  readonly occurrences: number;
  /** Mean arrivals per occurrence (offered calls, or contacts). */
  readonly arrivals: number;
  /** The handle time used, in seconds: stated, else measured in this interval of the week, else overall. */
  readonly averageHandleTime: number;
  /** Traffic intensity in Erlangs. */
  readonly trafficIntensity: number;
  /** Agents answering needed to meet the targets. */
  readonly agents: number;
  /** Agents to schedule after shrinkage. */
  readonly scheduledAgents: number;
  /** The model's service level with `agents`. */
  readonly serviceLevel: number;
  /** The model's average speed of answer with `agents`, in seconds. */
  readonly averageSpeedOfAnswer: number;
  /** The model's occupancy with `agents`. */
  readonly occupancy: number;
  /** Erlang A's probability of abandonment with `agents` (Erlang A only). */
  readonly probabilityOfAbandonment?: number;
  /** The calls of this interval of the week, all weeks pooled (call logs only). */
  readonly measured?: CallStats;
  /** Predicted against measured at the staffing observed (call logs naming agents only). */
  readonly observed?: ObservedComparison;
}

/**
 * The model's service level at the agents who actually answered, against the measured one,
 * over the occurrences of an interval that had served calls naming agents.
 *
 * @category Staffing
 */
export interface ObservedComparison {
  /** Occurrences compared (with at least one agent named). */
  readonly intervals: number;
  /** Offered calls in them. */
  readonly offered: number;
  /** Mean distinct agents per compared occurrence. */
  readonly agents: number;
  /** Served within T / offered, over the compared occurrences. */
  readonly measuredServiceLevel: number;
  /** The model's service level per occurrence (its offered calls, its AHT, its distinct agents), weighted by offered calls. */
  readonly predictedServiceLevel: number;
}

/**
 * Agents per interval of the week, from a history of contacts.
 *
 * @category Staffing
 */
export interface WeeklyStaffing {
  /** The queue model used. */
  readonly model: "erlang-c" | "erlang-a";
  /** The IANA time zone of the local days and times. */
  readonly timeZone: string;
  /** Interval length in seconds. */
  readonly intervalLength: number;
  /** The target answer time T of the service level, in seconds. */
  readonly targetAnswerTime: number;
  /** First local day of the contacts, `YYYY-MM-DD`. */
  readonly firstDay: string;
  /** Last local day of the contacts, `YYYY-MM-DD`. */
  readonly lastDay: string;
  /** Local days from the first to the last, inclusive: each interval of the week occurs on the days of its weekday among them. */
  readonly days: number;
  /** Contacts counted as arrivals. */
  readonly arrivals: number;
  /** The overall handle time in seconds. */
  readonly averageHandleTime: number;
  /** Whether the handle time was stated in the options or measured from the contacts. */
  readonly averageHandleTimeSource: "stated" | "measured";
  /** Mean patience in seconds (stated, or measured when the contacts have abandonments). */
  readonly patience?: number;
  /** Whether the patience was stated or measured. */
  readonly patienceSource?: "stated" | "measured";
  /** The whole log's call figures (call logs only). */
  readonly calls?: CallStats;
  /** The intervals of the week with at least one arrival, in week order. */
  readonly intervals: readonly WeeklyStaffingInterval[];
  /** Over every compared occurrence (call logs naming agents). */
  readonly observed?: ObservedComparison;
  /** The largest `agents` of any interval. */
  readonly peakAgents: number;
  /** Σ scheduledAgents × intervalLength / 3600: paid agent-hours per week. */
  readonly scheduledAgentHoursPerWeek: number;
}
