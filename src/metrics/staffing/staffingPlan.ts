import { checkBucketing, hourOfWeek } from "../../_lib/bucket.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { groupFold, type Accumulator } from "../../_lib/group.ts";
import { assertDate } from "../../_lib/guards.ts";
import type { Weekday } from "../../models/schedule.ts";
import { checkTargets, searchAgents } from "./_search.ts";
import { checkTraffic } from "./_traffic.ts";
import type { ErlangCTargets } from "./erlangCAgents.ts";

/**
 * The contacts of one forecast or measured interval, for {@link staffingPlan}.
 *
 * @category Staffing
 */
export interface VolumeInterval {
  /** When the interval starts. */
  readonly start: Date;
  /** Contacts arriving in the interval; finite and ≥ 0. */
  readonly arrivals: number;
  /** This interval's average handle time in seconds, when it differs from the plan's. */
  readonly averageHandleTime?: number;
}

/**
 * Options of {@link staffingPlan}: the measured handle time, the interval length, the time
 * zone of the hour-of-week view and the {@link ErlangCTargets}. Times are in seconds.
 *
 * @category Staffing
 */
export interface StaffingPlanOptions extends ErlangCTargets {
  /** Average handle time in seconds, > 0 (an interval's own `averageHandleTime` wins). Required. */
  readonly averageHandleTime: number;
  /** Length of every interval in seconds, > 0. Default: 1800. */
  readonly intervalLength?: number;
  /** Target answer time of the service level in seconds, ≥ 0. Default: 20. */
  readonly targetAnswerTime?: number;
  /** IANA time zone for the hour-of-week view (e.g. `"Asia/Jerusalem"`). Default: none, and then no `byHourOfWeek`. */
  readonly timeZone?: string;
}

/**
 * The staffing of one interval.
 *
 * @category Staffing
 */
export interface StaffingPlanInterval {
  /** When the interval starts; absent when the volume was a plain array of counts. */
  readonly start?: Date;
  /** Position of the interval in the input. */
  readonly index: number;
  /** Contacts arriving. */
  readonly arrivals: number;
  /** The average handle time used, in seconds. */
  readonly averageHandleTime: number;
  /** Traffic intensity in Erlangs. */
  readonly trafficIntensity: number;
  /** Agents answering needed to meet the targets (Erlang C). */
  readonly agents: number;
  /** Agents to schedule after shrinkage. */
  readonly scheduledAgents: number;
  /** Predicted service level with `agents`. */
  readonly serviceLevel: number;
  /** Predicted average speed of answer with `agents`, in seconds. */
  readonly averageSpeedOfAnswer: number;
  /** Predicted occupancy with `agents`. */
  readonly occupancy: number;
}

/**
 * The staffing needed in one hour of the week (local time in the plan's time zone).
 *
 * @category Staffing
 */
export interface HourOfWeekStaffing {
  /** The local weekday. */
  readonly weekday: Weekday;
  /** The local hour, 0–23. */
  readonly hour: number;
  /** How many input intervals start in this hour of the week. */
  readonly intervals: number;
  /** Contacts arriving in those intervals, summed. */
  readonly arrivals: number;
  /** The most agents any of those intervals needs. */
  readonly agents: number;
  /** The most scheduled agents any of those intervals needs. */
  readonly scheduledAgents: number;
}

/**
 * A staffing plan: the agents needed per interval and, with a time zone, per hour of the week.
 *
 * @category Staffing
 */
export interface StaffingPlan {
  /** One entry per input interval, in input order. */
  readonly intervals: readonly StaffingPlanInterval[];
  /** Per local hour of the week present in the input, Monday 00 first; absent without `timeZone` or dates. */
  readonly byHourOfWeek?: readonly HourOfWeekStaffing[];
  /** The largest `agents` of any interval. */
  readonly peakAgents: number;
  /** Σ scheduledAgents × intervalLength / 3600: the paid agent-hours the plan needs. */
  readonly scheduledAgentHours: number;
}

/** Weekdays in {@link hourOfWeek} order, Monday first. */
const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/**
 * Erlang C staffing for every interval of a volume forecast or history: traffic intensity
 * arrivals / intervalLength × AHT, the minimum agents meeting the targets, the agents to
 * schedule after shrinkage, and, given a time zone, the most agents needed in each hour of the week.
 *
 * @param volume - `{ start, arrivals, averageHandleTime? }` per interval, or a plain array of
 * arrival counts (one per interval of `intervalLength`).
 * @param options - {@link StaffingPlanOptions}: `averageHandleTime` (required), `intervalLength`
 * (default 1800), `targetAnswerTime` (20), `timeZone` (none), and the {@link ErlangCTargets}
 * `serviceLevel` (0.8), `maxAverageSpeedOfAnswer`, `maxOccupancy` (1), `shrinkage` (0).
 * @returns The plan, or `undefined` when `volume` is empty.
 * @throws {@link MetricRangeError} `E_ARRIVALS_RANGE` if an interval's arrivals is negative or
 * not finite; `E_HANDLE_TIME`, `E_INTERVAL_LENGTH`, `E_ANSWER_TIME` for invalid times;
 * `E_INVALID_DATE` if a start is not a valid Date; `E_TIME_ZONE` if `timeZone` is not a
 * valid IANA zone; and the target and limit codes of {@link erlangCAgents} (`E_TRAFFIC_LIMIT`
 * over 100,000 Erlangs, `E_AGENTS_LIMIT` past 100,000 agents).
 * @remarks Each interval is staffed on its own (Erlang C assumes a steady state within the
 * interval; queues carried over from a busy interval are not modelled). Intervals with no
 * arrivals need 0 agents. The hour-of-week view takes, for each local weekday and hour, the
 * maximum over the intervals that start in it, so two half-hours make one hour and several
 * weeks give a plan that covers the busiest of them. Weekday and hour are read in `timeZone`
 * (daylight-saving changes respected), never in the host's zone.
 * @example
 * ```ts
 * const plan = staffingPlan([100, 50, 0], { averageHandleTime: 180, shrinkage: 0.3 });
 * plan.intervals.map((i) => i.agents);          // => [14, 8, 0]
 * plan.intervals.map((i) => i.scheduledAgents); // => [20, 12, 0]
 * plan.scheduledAgentHours;                     // => 16
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Erlang_(unit)#Erlang_C_formula}
 * @see "Top 12 métricas de atención al cliente" ("total volume": queueing theory for staffing)
 * @category Staffing
 */
export function staffingPlan(
  volume: readonly VolumeInterval[] | readonly number[],
  options: StaffingPlanOptions,
): StaffingPlan | undefined {
  const fn = "staffingPlan";
  const goals = checkTargets(fn, options);
  const intervalLength = options.intervalLength ?? 1800;
  // Validates the plan-wide times once (with zero arrivals).
  checkTraffic(fn, { arrivals: 0, averageHandleTime: options.averageHandleTime, intervalLength, ...targetTime(options) });
  const timeZone = options.timeZone;
  if (timeZone !== undefined) checkBucketing(fn, "hour", timeZone);
  if (volume.length === 0) return undefined;

  const intervals: StaffingPlanInterval[] = [];
  let withDates = true;
  let peakAgents = 0;
  let scheduledSeconds = 0;
  volume.forEach((entry: VolumeInterval | number, index: number) => {
    let arrivals: number;
    let start: Date | undefined;
    let aht = options.averageHandleTime;
    if (typeof entry === "number") {
      arrivals = entry;
      withDates = false;
    } else {
      if (entry === null || typeof entry !== "object") {
        throw new MetricRangeError(
          "E_ARRIVALS_RANGE",
          `${fn}: volume[${String(index)}] must be a number or { start, arrivals }, got ${String(entry)}`,
        );
      }
      assertDate(fn, `volume[${String(index)}].start`, entry.start);
      start = entry.start;
      arrivals = entry.arrivals;
      aht = entry.averageHandleTime ?? aht;
    }
    const traffic = checkTraffic(fn, { arrivals, averageHandleTime: aht, intervalLength, ...targetTime(options) });
    const staffing = searchAgents(fn, traffic, goals);
    const row: StaffingPlanInterval = {
      ...(start === undefined ? {} : { start }),
      index,
      arrivals,
      averageHandleTime: aht,
      trafficIntensity: traffic.intensity,
      agents: staffing.agents,
      scheduledAgents: staffing.scheduledAgents,
      serviceLevel: staffing.achieved.serviceLevel,
      averageSpeedOfAnswer: staffing.achieved.averageSpeedOfAnswer,
      occupancy: staffing.achieved.occupancy,
    };
    intervals.push(row);
    peakAgents = Math.max(peakAgents, staffing.agents);
    scheduledSeconds += staffing.scheduledAgents * intervalLength;
  });
  const plan: StaffingPlan = { intervals, peakAgents, scheduledAgentHours: scheduledSeconds / 3600 };
  if (!withDates || timeZone === undefined) return plan;
  const hours = groupFold(intervals, (row) => hourOfWeek((row.start as Date).getTime(), timeZone), hourAccumulator);
  const byHourOfWeek = [...hours]
    .map(([key, slot]): [number, HourSlot] => [Number(key), slot])
    .sort((x, y) => x[0] - y[0])
    .map(([key, slot]): HourOfWeekStaffing => ({ weekday: WEEKDAYS[Math.floor(key / 24)] as Weekday, hour: key % 24, ...slot }));
  return { ...plan, byHourOfWeek };
}

function targetTime(options: StaffingPlanOptions): { targetAnswerTime?: number } {
  return options.targetAnswerTime === undefined ? {} : { targetAnswerTime: options.targetAnswerTime };
}

/** The running totals of one hour of the week. */
type HourSlot = { -readonly [K in "intervals" | "arrivals" | "agents" | "scheduledAgents"]: HourOfWeekStaffing[K] };

/** Counts the intervals of one hour of the week, sums their arrivals, keeps their most agents. */
const hourAccumulator: Accumulator<StaffingPlanInterval, HourSlot, HourSlot> = {
  create: () => ({ intervals: 0, arrivals: 0, agents: 0, scheduledAgents: 0 }),
  add: (slot, row) => {
    slot.intervals += 1;
    slot.arrivals += row.arrivals;
    slot.agents = Math.max(slot.agents, row.agents);
    slot.scheduledAgents = Math.max(slot.scheduledAgents, row.scheduledAgents);
  },
  merge: (a, b) => {
    a.intervals += b.intervals;
    a.arrivals += b.arrivals;
    a.agents = Math.max(a.agents, b.agents);
    a.scheduledAgents = Math.max(a.scheduledAgents, b.scheduledAgents);
    return a;
  },
  result: (slot) => slot,
};
