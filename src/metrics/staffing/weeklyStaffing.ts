import { checkBucketing } from "../../_lib/bucket.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { foldInto, type MetricAccumulator } from "../../_lib/accumulator.ts";
import { stateFor } from "../../_lib/group.ts";
import { assertDate } from "../../_lib/guards.ts";
import { DAY_MS, SECOND_MS } from "../../_lib/time.ts";
import { offsetAt } from "../../_lib/zone.ts";
import type { Weekday } from "../../models/schedule.ts";
import { checkTargets, type CheckedTargets } from "./_search.ts";
import { comparison, staff, type Comparing } from "./_weeklyRows.ts";
import { checkTraffic, type CheckedTraffic } from "./_traffic.ts";
import { callStatsAccumulator, type CallFacts, type CallStatsState } from "./callStats.ts";
import { WEEKLY_STAFFING_KIND, weeklyStaffingFromJSON, weeklyStaffingToJSON } from "./weeklyStaffingState.ts";
import type { ErlangCTargets } from "./erlangCAgents.ts";
import { erlangA } from "./erlangA.ts";
import { erlangC } from "./erlangC.ts";

import type { StaffingContact, WeeklyStaffing, WeeklyStaffingInterval } from "./weeklyStaffingTypes.ts";

/**
 * Options of {@link weeklyStaffing}. Times are in seconds.
 *
 * @category Staffing
 */
export interface WeeklyStaffingOptions extends ErlangCTargets {
  /** IANA time zone of the week's local days and times. Required. */
  readonly timeZone: string;
  /** Interval length in whole seconds, from 60 to 86,400, dividing a day. Default: 1800. */
  readonly intervalLength?: number;
  /** Target answer time T of the service level, in seconds. Default: 20. */
  readonly targetAnswerTime?: number;
  /** Average handle time in seconds; default: measured from the contacts' handle times (required when they have none). */
  readonly averageHandleTime?: number;
  /** Mean patience in seconds for Erlang A; default: measured (abandonments / time queued). */
  readonly patience?: number;
  /** The queue model. Default: `"erlang-c"`. */
  readonly model?: "erlang-c" | "erlang-a";
}

const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** One occurrence of an interval (a local day × an interval of that day). */
interface Slot {
  arrivals: number;
  calls: CallStatsState | undefined;
}

/** Local day number and interval of the day of `ms`. */
function localSlot(ms: number, timeZone: string, intervalMs: number): { day: number; slot: number } {
  const local = ms + offsetAt(timeZone, ms);
  const day = Math.floor(local / DAY_MS);
  return { day, slot: Math.floor((local - day * DAY_MS) / intervalMs) };
}

/** Monday-first weekday of a day number (1970-01-01 was a Thursday). */
const weekdayOf = (day: number): number => (((day + 3) % 7) + 7) % 7;

const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

function checkOptions(fn: string, options: WeeklyStaffingOptions): { intervalLength: number; goals: CheckedTargets } {
  const goals = checkTargets(fn, options);
  checkBucketing(fn, "hour", options.timeZone);
  const intervalLength = options.intervalLength ?? 1800;
  if (!Number.isInteger(intervalLength) || intervalLength < 60 || intervalLength > 86_400 || 86_400 % intervalLength !== 0) {
    throw new MetricRangeError(
      "E_INTERVAL_LENGTH",
      `${fn}: intervalLength must be a whole number of seconds from 60 to 86400 that divides a day, got ${String(intervalLength)}`,
    );
  }
  const model = options.model ?? "erlang-c";
  if (model !== "erlang-c" && model !== "erlang-a") {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: model must be erlang-c or erlang-a, got ${String(model)}`);
  }
  // Stated times are checked once, with zero arrivals.
  checkTraffic(fn, { arrivals: 0, averageHandleTime: options.averageHandleTime ?? 1, intervalLength, ...answerTime(options) });
  if (
    options.patience !== undefined &&
    !(typeof options.patience === "number" && Number.isFinite(options.patience) && options.patience > 0)
  ) {
    throw new MetricRangeError(
      "E_PATIENCE_RANGE",
      `${fn}: patience must be a finite number of seconds > 0, got ${String(options.patience)}`,
    );
  }
  return { intervalLength, goals };
}

const answerTime = (o: WeeklyStaffingOptions): { targetAnswerTime?: number } =>
  o.targetAnswerTime === undefined ? {} : { targetAnswerTime: o.targetAnswerTime };

/**
 * Agents needed per interval of the week from a history of contacts: arrivals per interval of
 * the week averaged over the weeks present (the number of times the interval occurs between the
 * first and last local day), the average handle time (stated, or measured), for call logs the
 * callers' patience (abandonments / time queued) → the fewest agents meeting the service-level
 * and/or ASA target under Erlang C or Erlang A, with shrinkage and an occupancy cap; and, for call
 * logs naming agents, the model's service level at the staffing observed against the measured one.
 *
 * @param contacts - {@link StaffingContact}s: `Call`s from `readCalls`, or `{ arrivedAt }` records (tickets).
 * @param options - {@link WeeklyStaffingOptions}: `timeZone` (required), `intervalLength` (1800 s),
 * `targetAnswerTime` (20 s), `averageHandleTime`, `patience`, `model` (`"erlang-c"`), and the
 * {@link ErlangCTargets} `serviceLevel` (0.8), `maxAverageSpeedOfAnswer`, `maxOccupancy` (1), `shrinkage` (0).
 * @returns The plan, or `undefined` when no contact counts as an arrival.
 * @throws {@link MetricRangeError} `E_TIME_ZONE`, `E_INTERVAL_LENGTH`, `E_OPTION_VALUE` (model),
 * `E_HANDLE_TIME` (stated AHT not > 0, or no handle time to measure), `E_PATIENCE_RANGE` (stated
 * patience not > 0, or Erlang A without an abandonment to measure it), `E_INVALID_DATE`, the target
 * codes of {@link erlangCAgents} and `E_AGENTS_LIMIT` / `E_TRAFFIC_LIMIT`.
 * @remarks For calls, arrivals are the calls offered to agents (served, or abandoned after
 * queueing); hang-ups before the queue are not. Every contact that is not a call is an arrival.
 * A measured AHT is that of the served calls of the interval of the week (all weeks pooled), or
 * the overall one where the interval has none. Local days and times are read in `timeZone`; a
 * day's intervals are counted on every local day of the span (a DST night's missing or repeated
 * hour is not corrected for). Intervals are staffed independently (steady state, no queue carried
 * over). The observed comparison evaluates the model per occurrence with that occurrence's offered
 * calls, AHT and distinct agents, as the bank example of docs/guide/staffing.md does.
 * @example
 * ```ts
 * const plan = weeklyStaffing(
 *   [{ arrivedAt: new Date("2026-03-02T09:05:00Z") }, { arrivedAt: new Date("2026-03-02T09:20:00Z") }],
 *   { timeZone: "UTC", averageHandleTime: 300 },
 * )!;
 * plan.intervals[0]?.start;  // => "09:00"
 * plan.intervals[0]?.agents; // => 1
 * ```
 * @see docs/guide/staffing.md; Brown et al. (2005), "Statistical analysis of a telephone call center", JASA 100(469)
 * @category Staffing
 */
export function weeklyStaffing(contacts: Iterable<StaffingContact>, options: WeeklyStaffingOptions): WeeklyStaffing | undefined {
  const acc = accumulatorFor("weeklyStaffing", options);
  return acc.result(foldInto(acc, contacts));
}

/**
 * The running state of {@link weeklyStaffingAccumulator}: per real interval, its arrivals and call
 * figures; the whole log's call figures; the first and last local day.
 *
 * @category Staffing
 */
export interface WeeklyStaffingState {
  /** Per local day × interval of the day. @internal */
  readonly slots: Map<number, { arrivals: number; calls: CallStatsState | undefined }>;
  /** The whole log's call figures. @internal */
  overall: CallStatsState;
  /** Counters: contacts added, arrivals, calls seen, first and last local day. @internal */
  readonly counts: { added: number; arrivals: number; calls: number; firstDay: number; lastDay: number };
}

/**
 * The accumulator of {@link weeklyStaffing}: adds contacts one at a time (memory grows with the
 * intervals covered, not with the contacts), merges states of parts of a log, and computes the
 * plan at `result`.
 *
 * @param options - {@link WeeklyStaffingOptions}, as {@link weeklyStaffing}.
 * @returns The accumulator; `result` is the plan, or `undefined` without an arrival. Its state
 * serialises (`toJSON` / `fromJSON`, kind `weeklyStaffing`, version 1, with the time zone and the
 * interval length, which `fromJSON` checks), so parts of a log folded in other processes merge.
 * @throws {@link MetricRangeError} the option codes of {@link weeklyStaffing} at once;
 * `E_INVALID_DATE` while adding; `E_HANDLE_TIME`, `E_PATIENCE_RANGE` and the limit codes at `result`;
 * `E_STATE_FORMAT` from `fromJSON`.
 * @example
 * ```ts
 * const acc = weeklyStaffingAccumulator({ timeZone: "UTC", averageHandleTime: 300 });
 * const state = acc.create();
 * acc.add(state, { arrivedAt: new Date("2026-03-02T09:05:00Z") });
 * acc.result(state)?.intervals[0]?.arrivals; // => 1
 * ```
 * @see docs/guide/staffing.md
 * @category Staffing
 */
export function weeklyStaffingAccumulator(
  options: WeeklyStaffingOptions,
): MetricAccumulator<StaffingContact, WeeklyStaffingState, WeeklyStaffing | undefined> {
  return accumulatorFor("weeklyStaffingAccumulator", options);
}

function accumulatorFor(
  fn: string,
  options: WeeklyStaffingOptions,
): MetricAccumulator<StaffingContact, WeeklyStaffingState, WeeklyStaffing | undefined> {
  const { intervalLength, goals } = checkOptions(fn, options);
  const timeZone = options.timeZone;
  const intervalMs = intervalLength * SECOND_MS;
  const perDay = 86_400 / intervalLength;
  const acc = callStatsAccumulator(answerTime(options));
  const codec = { timeZone, intervalLength, calls: acc };
  return {
    name: WEEKLY_STAFFING_KIND,
    create: () => ({
      slots: new Map(),
      overall: acc.create(),
      counts: { added: 0, arrivals: 0, calls: 0, firstDay: Number.POSITIVE_INFINITY, lastDay: Number.NEGATIVE_INFINITY },
    }),
    add(state, contact) {
      const c = state.counts;
      assertDate(fn, `contacts[${String(c.added)}].arrivedAt`, contact.arrivedAt);
      c.added += 1;
      const { day, slot } = localSlot(contact.arrivedAt.getTime(), timeZone, intervalMs);
      c.firstDay = Math.min(c.firstDay, day);
      c.lastDay = Math.max(c.lastDay, day);
      const own = stateFor(state.slots, day * perDay + slot, (): Slot => ({ arrivals: 0, calls: undefined }));
      if (contact.outcome === undefined) {
        own.arrivals += 1;
        c.arrivals += 1;
        if (contact.handleTime !== undefined) acc.add(state.overall, { outcome: "served", handleTime: contact.handleTime });
        return;
      }
      c.calls += 1;
      const call = contact as CallFacts;
      acc.add(state.overall, call);
      own.calls ??= acc.create();
      acc.add(own.calls, call);
      if (contact.outcome === "served" || contact.wait !== undefined) {
        own.arrivals += 1;
        c.arrivals += 1;
      }
    },
    merge(a, b) {
      for (const [key, slot] of b.slots) {
        const own = a.slots.get(key);
        if (own === undefined) {
          a.slots.set(key, slot);
          continue;
        }
        own.arrivals += slot.arrivals;
        if (slot.calls !== undefined) own.calls = own.calls === undefined ? slot.calls : acc.merge(own.calls, slot.calls);
      }
      a.overall = acc.merge(a.overall, b.overall);
      a.counts.added += b.counts.added;
      a.counts.arrivals += b.counts.arrivals;
      a.counts.calls += b.counts.calls;
      a.counts.firstDay = Math.min(a.counts.firstDay, b.counts.firstDay);
      a.counts.lastDay = Math.max(a.counts.lastDay, b.counts.lastDay);
      return a;
    },
    result: (state) => plan(fn, options, { intervalLength, goals, perDay, acc }, state),
    toJSON: (state) => weeklyStaffingToJSON(codec, state),
    fromJSON: (json) => weeklyStaffingFromJSON(codec, json),
  };
}

interface Fixed {
  readonly intervalLength: number;
  readonly goals: CheckedTargets;
  readonly perDay: number;
  readonly acc: ReturnType<typeof callStatsAccumulator>;
}

/** The plan of a state (the state is not changed). */
function plan(fn: string, options: WeeklyStaffingOptions, fixed: Fixed, state: WeeklyStaffingState): WeeklyStaffing | undefined {
  const { intervalLength, goals, perDay, acc } = fixed;
  const timeZone = options.timeZone;
  const model = options.model ?? "erlang-c";
  const { arrivals, firstDay, lastDay } = state.counts;
  const isCallLog = state.counts.calls > 0;
  const slots = state.slots;
  const overall = state.overall;
  if (arrivals === 0) return undefined;
  const total = acc.result(overall);
  const statedAht = options.averageHandleTime;
  const aht = statedAht ?? total.averageHandleTime;
  if (aht === undefined || !(aht > 0)) {
    throw new MetricRangeError(
      "E_HANDLE_TIME",
      `${fn}: averageHandleTime must be stated: the contacts have no handle time to measure, got ${String(aht)}`,
    );
  }
  const patience = options.patience ?? total.patience;
  if (model === "erlang-a" && patience === undefined) {
    throw new MetricRangeError(
      "E_PATIENCE_RANGE",
      `${fn}: patience must be stated: the contacts have no abandonment to measure it, got undefined`,
    );
  }
  // Occurrences of each weekday in the span of local days.
  const days = lastDay - firstDay + 1;
  const perWeekday = WEEKDAYS.map((_, w) => Math.floor(days / 7) + ((w - weekdayOf(firstDay) + 7) % 7 < days % 7 ? 1 : 0));
  // Pool the occurrences by interval of the week, and compare each occurrence at its observed staffing.
  const week = new Map<number, { arrivals: number; calls: CallStatsState | undefined; cmp: Comparing }>();
  const all: Comparing = { intervals: 0, offered: 0, agents: 0, within: 0, predicted: 0 };
  for (const [key, slot] of slots) {
    const day = Math.floor(key / perDay);
    const at = weekdayOf(day) * perDay + (key - day * perDay);
    const pooled = stateFor(week, at, () => ({
      arrivals: 0,
      calls: undefined as CallStatsState | undefined,
      cmp: { intervals: 0, offered: 0, agents: 0, within: 0, predicted: 0 },
    }));
    pooled.arrivals += slot.arrivals;
    if (slot.calls === undefined) continue;
    const own = acc.result(slot.calls);
    // A copy: pooling must not change the state's own interval figures.
    pooled.calls = acc.merge(pooled.calls ?? acc.create(), acc.fromJSON(acc.toJSON(slot.calls)));
    if (own.agents === 0 || own.offered === 0) continue;
    const traffic = { arrivals: own.offered, averageHandleTime: own.averageHandleTime ?? aht, intervalLength, ...answerTime(options) };
    const predicted =
      model === "erlang-a"
        ? erlangA(own.agents, { ...traffic, patience: patience as number }).serviceLevel
        : erlangC(own.agents, traffic).serviceLevel;
    for (const c of [pooled.cmp, all]) {
      c.intervals += 1;
      c.offered += own.offered;
      c.agents += own.agents;
      c.within += own.answeredWithinTarget;
      c.predicted += predicted * own.offered;
    }
  }
  const intervals: WeeklyStaffingInterval[] = [];
  let peakAgents = 0;
  let scheduledSeconds = 0;
  for (const at of [...week.keys()].sort((a, b) => a - b)) {
    const pooled = week.get(at) as { arrivals: number; calls: CallStatsState | undefined; cmp: Comparing };
    if (pooled.arrivals === 0) continue;
    const weekday = Math.floor(at / perDay);
    const occurrences = perWeekday[weekday] as number;
    const measured = pooled.calls === undefined ? undefined : acc.result(pooled.calls);
    const slotAht = statedAht ?? measured?.averageHandleTime ?? aht;
    const traffic: CheckedTraffic = checkTraffic(fn, {
      arrivals: pooled.arrivals / occurrences,
      averageHandleTime: slotAht,
      intervalLength,
      ...answerTime(options),
    });
    const row = staff(fn, model, traffic, patience, goals);
    peakAgents = Math.max(peakAgents, row.agents);
    scheduledSeconds += row.scheduledAgents * intervalLength;
    const minutes = (at - weekday * perDay) * (intervalLength / 60);
    intervals.push({
      index: at,
      weekday: WEEKDAYS[weekday] as Weekday,
      start: `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`,
      occurrences,
      arrivals: traffic.arrivals,
      averageHandleTime: slotAht,
      trafficIntensity: traffic.intensity,
      ...row,
      ...(measured === undefined ? {} : { measured }),
      ...(pooled.cmp.intervals === 0 ? {} : { observed: comparison(pooled.cmp) }),
    });
  }
  return {
    model,
    timeZone,
    intervalLength,
    targetAnswerTime: options.targetAnswerTime ?? 20,
    firstDay: isoDay(firstDay),
    lastDay: isoDay(lastDay),
    days,
    arrivals,
    averageHandleTime: aht,
    averageHandleTimeSource: statedAht === undefined ? "measured" : "stated",
    ...(patience === undefined ? {} : { patience, patienceSource: options.patience === undefined ? "measured" : "stated" }),
    ...(isCallLog ? { calls: total } : {}),
    intervals,
    ...(all.intervals === 0 ? {} : { observed: comparison(all) }),
    peakAgents,
    scheduledAgentHoursPerWeek: scheduledSeconds / 3600,
  };
}
