/**
 * The metric set of one scope (the whole report, one segment, the comparison period): a
 * create / add / merge / result accumulator of ticket observations, plus survey responses.
 *
 * @internal
 * @module
 */
import type { Accumulator } from "../_lib/group.ts";
import { groupKey, mergeGroups } from "../_lib/group.ts";
import { typeTally, type TypeTally } from "../metrics/volume/_typeAccumulator.ts";
import { KahanSum } from "../_lib/sum.ts";
import { npsInterval } from "../metrics/stats/npsInterval.ts";
import { wilsonInterval } from "../metrics/stats/wilsonInterval.ts";
import type { TicketStatus } from "../models/ticket.ts";
import type { SlaMetric } from "../models/sla.ts";
import type { SurveyResponse } from "../models/survey.ts";
import { meanIntervalJson } from "./_meanInterval.ts";
import { DURATIONS, type Context, type DurationName, type DurationObs, type Observation } from "./_observe.ts";
import { addCounts, concat, push, sortedRecordOf, summary, values, type Values } from "./_values.ts";
import type {
  DurationMetricJson,
  DurationSummaryWithIntervalJson,
  IntervalJson,
  MetricSetJson,
  SlaJson,
  SlaTallyJson,
  SurveyJson,
} from "./types.ts";

/** The report's fixed settings: the observation context plus the confidence level of its intervals. @internal */
export interface CoreContext extends Context {
  /** The confidence level of every interval, strictly between 0 and 1. */
  readonly confidenceLevel: number;
}

interface DurationState {
  readonly cal: Values;
  readonly bus: Values;
  readonly sources: { messages: number; fields: number };
  readonly skipped: Record<string, number>;
  readonly anomalies: Record<string, number>;
}

interface Tally {
  achieved: number;
  breached: number;
  running: number;
}

interface SlaState {
  readonly byMetric: Record<SlaMetric, Tally>;
  readonly byChannel: Map<string, Tally>;
  readonly skipped: Record<string, number>;
  readonly anomalies: Record<string, number>;
}

interface CesState {
  min: number;
  max: number;
  count: number;
  sum: number;
  easy: number;
}

interface SurveyState {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  satisfied: number;
  csatTotal: number;
  readonly ces: Map<string, CesState>;
}

/** The running state of one scope. @internal */
export interface CoreState {
  tickets: number;
  readonly statuses: Record<TicketStatus | "unassigned", number>;
  readonly resolution: { resolved: number; unresolved: number; byStatusOnly: number; readonly skipped: Record<string, number> };
  readonly backlog: {
    resolved: number;
    byStatusOnly: number;
    averaged: number;
    readonly sum: KahanSum;
    ages: Values;
    readonly skipped: Record<string, number>;
  };
  readonly channels: Map<string, number>;
  withoutChannel: number;
  readonly durations: Record<DurationName, DurationState>;
  readonly responses: DurationState;
  readonly oneTouch: { oneTouch: number; zeroTouch: number; resolved: number; readonly skipped: Record<string, number> };
  replies: Values;
  readonly sla: SlaState | undefined;
  readonly survey: SurveyState;
  /** Per type key: tickets (`period`) and the earliest `createdAt` (`firstSeen`); `baseline` stays 0. */
  types: Map<string, TypeTally>;
}

const SLA_METRICS: readonly SlaMetric[] = ["firstResponse", "nextResponse", "resolution"];

function durationState(skipped: readonly string[]): DurationState {
  return {
    cal: values(),
    bus: values(),
    sources: { messages: 0, fields: 0 },
    skipped: Object.fromEntries(skipped.map((r) => [r, 0])),
    anomalies: {},
  };
}

const SKIPS: Readonly<Record<DurationName, readonly string[]>> = {
  firstResponse: ["unanswered", "noCustomerMessage"],
  resolutionFirst: ["unresolved", "noSolveTime"],
  resolutionFinal: ["unresolved", "noSolveTime"],
  assignment: ["unassigned"],
  requesterWait: ["unresolved", "noSolveTime", "noStatusHistory"],
};

const tally = (): Tally => ({ achieved: 0, breached: 0, running: 0 });

function create(ctx: CoreContext): CoreState {
  const durations = {} as Record<DurationName, DurationState>;
  for (const name of DURATIONS) durations[name] = durationState(SKIPS[name]);
  return {
    tickets: 0,
    statuses: { new: 0, open: 0, pending: 0, on_hold: 0, solved: 0, closed: 0, unassigned: 0 },
    resolution: { resolved: 0, unresolved: 0, byStatusOnly: 0, skipped: { solvedBeforeCreated: 0, createdAfterJudgedAt: 0 } },
    backlog: {
      resolved: 0,
      byStatusOnly: 0,
      averaged: 0,
      sum: new KahanSum(),
      ages: values(),
      skipped: { createdAfterAsOf: 0, solvedBeforeCreated: 0 },
    },
    channels: new Map(),
    withoutChannel: 0,
    durations,
    responses: durationState(["unanswered", "noMessages", "noCustomerMessage"]),
    oneTouch: { oneTouch: 0, zeroTouch: 0, resolved: 0, skipped: { unresolved: 0, noReplyData: 0 } },
    replies: values(),
    sla:
      ctx.sla === undefined
        ? undefined
        : {
            byMetric: { firstResponse: tally(), nextResponse: tally(), resolution: tally() },
            byChannel: new Map(),
            skipped: { notCreated: 0, noTarget: 0, noCustomerMessage: 0, noMessages: 0, noFollowUp: 0, noSolveTime: 0 },
            anomalies: {},
          },
    survey: { responses: 0, promoters: 0, passives: 0, detractors: 0, satisfied: 0, csatTotal: 0, ces: new Map() },
    types: new Map(),
  };
}

function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

function addDuration(state: DurationState, d: DurationObs, business: boolean): void {
  if (d.kind === "measured") {
    push(state.cal, d.cal);
    if (business) push(state.bus, d.bus);
    if (d.source === "messages") state.sources.messages++;
    else state.sources.fields++;
  } else bump(d.kind === "skipped" ? state.skipped : state.anomalies, d.reason);
}

function add(ctx: CoreContext, s: CoreState, o: Observation): void {
  s.tickets++;
  s.statuses[o.status]++;
  if (o.unassigned) s.statuses.unassigned++;
  // Resolution rate.
  const r = o.resolution;
  if (r.kind === "skipped") bump(s.resolution.skipped, r.reason);
  else if (r.kind === "open") s.resolution.unresolved++;
  else {
    s.resolution.resolved++;
    if (r.ms === undefined) s.resolution.byStatusOnly++;
  }
  // Backlog.
  const b = o.backlog;
  if (b.kind === "skipped") bump(s.backlog.skipped, b.reason);
  else if (b.kind === "open") push(s.backlog.ages, b.age);
  else {
    s.backlog.resolved++;
    if (b.ms === undefined) s.backlog.byStatusOnly++;
    else {
      s.backlog.sum.add(b.ms);
      s.backlog.averaged++;
    }
  }
  // Channel mix.
  if (o.channel === undefined || o.channel === "") s.withoutChannel++;
  else s.channels.set(o.channel, (s.channels.get(o.channel) ?? 0) + 1);
  // Durations (written out: static property access keeps this hot path monomorphic).
  const business = ctx.schedule !== undefined;
  addDuration(s.durations.firstResponse, o.durations.firstResponse, business);
  addDuration(s.durations.resolutionFirst, o.durations.resolutionFirst, business);
  addDuration(s.durations.resolutionFinal, o.durations.resolutionFinal, business);
  addDuration(s.durations.assignment, o.durations.assignment, business);
  addDuration(s.durations.requesterWait, o.durations.requesterWait, business);
  const t = o.responses;
  if (t.kind === "noMessages") bump(s.responses.skipped, "noMessages");
  else {
    for (const ms of t.cal) push(s.responses.cal, ms);
    for (const ms of t.bus) push(s.responses.bus, ms);
    s.responses.sources.messages += t.cal.length;
    if (t.unanswered) bump(s.responses.skipped, "unanswered");
    else if (t.cal.length === 0) bump(s.responses.skipped, "noCustomerMessage");
  }
  // One touch and replies to resolve.
  const rep = o.replies;
  if (rep.kind === "skipped") bump(s.oneTouch.skipped, rep.reason);
  else {
    s.oneTouch.resolved++;
    if (rep.count === 1) s.oneTouch.oneTouch++;
    else if (rep.count === 0) s.oneTouch.zeroTouch++;
    push(s.replies, rep.count);
  }
  // SLA.
  const sla = s.sla;
  if (sla !== undefined && o.sla !== undefined) {
    if (o.sla.notCreated) sla.skipped.notCreated = (sla.skipped.notCreated ?? 0) + 1;
    const channel = groupKey(o.channel);
    let byChannel = sla.byChannel.get(channel);
    for (const check of o.sla.checks) {
      sla.byMetric[check.metric][check.status]++;
      if (byChannel === undefined) {
        byChannel = tally();
        sla.byChannel.set(channel, byChannel);
      }
      byChannel[check.status]++;
    }
    for (const reason of o.sla.skipped) bump(sla.skipped, reason);
    for (const reason of o.sla.anomalies) bump(sla.anomalies, reason);
  }
  // Types.
  const type = groupKey(o.type);
  let found = s.types.get(type);
  if (found === undefined) {
    found = typeTally.create();
    s.types.set(type, found);
  }
  typeTally.add(found, { inBaseline: false, inPeriod: true, at: o.createdAt });
}

/**
 * Whether a response is usable, and if not why: its scale must have integer bounds with
 * min < max and its score must be an integer on it (NPS: also from 0 to 10).
 *
 * @internal
 */
export function responseProblem(r: SurveyResponse): string | undefined {
  if (r.kind !== "nps" && r.kind !== "csat" && r.kind !== "ces") return "unknownKind";
  const scale = r.scale;
  if (
    scale === null ||
    typeof scale !== "object" ||
    !Number.isInteger(scale.min) ||
    !Number.isInteger(scale.max) ||
    scale.min >= scale.max
  ) {
    return "invalidScale";
  }
  if (!Number.isInteger(r.score) || r.score < scale.min || r.score > scale.max) return "scoreOutOfScale";
  if (r.kind === "nps" && (r.score < 0 || r.score > 10)) return "scoreOutOfScale";
  return undefined;
}

/** Adds one valid response (see {@link responseProblem}). @internal */
export function addResponse(s: CoreState, r: SurveyResponse): void {
  const v = s.survey;
  v.responses++;
  const { min, max } = r.scale;
  if (r.kind === "nps") {
    if (r.score >= 9) v.promoters++;
    else if (r.score >= 7) v.passives++;
    else v.detractors++;
  } else if (r.kind === "csat") {
    v.csatTotal++;
    const threshold = max - min + 1 >= 5 ? max - 1 : max;
    if (r.score >= threshold) v.satisfied++;
  } else {
    const key = `${String(min)}..${String(max)}`;
    let c = v.ces.get(key);
    if (c === undefined) {
      c = { min, max, count: 0, sum: 0, easy: 0 };
      v.ces.set(key, c);
    }
    c.count++;
    c.sum += r.score;
    if (r.score >= Math.floor((min + max) / 2) + 1) c.easy++;
  }
}

function mergeDuration(a: DurationState, b: DurationState): void {
  concat(a.cal, b.cal);
  concat(a.bus, b.bus);
  a.sources.messages += b.sources.messages;
  a.sources.fields += b.sources.fields;
  addCounts(a.skipped, b.skipped);
  addCounts(a.anomalies, b.anomalies);
}

function merge(a: CoreState, b: CoreState): CoreState {
  a.tickets += b.tickets;
  addCounts(a.statuses, b.statuses);
  a.resolution.resolved += b.resolution.resolved;
  a.resolution.unresolved += b.resolution.unresolved;
  a.resolution.byStatusOnly += b.resolution.byStatusOnly;
  addCounts(a.resolution.skipped, b.resolution.skipped);
  a.backlog.resolved += b.backlog.resolved;
  a.backlog.byStatusOnly += b.backlog.byStatusOnly;
  a.backlog.averaged += b.backlog.averaged;
  a.backlog.sum.merge(b.backlog.sum);
  concat(a.backlog.ages, b.backlog.ages);
  addCounts(a.backlog.skipped, b.backlog.skipped);
  for (const [k, n] of b.channels) a.channels.set(k, (a.channels.get(k) ?? 0) + n);
  a.withoutChannel += b.withoutChannel;
  for (const name of DURATIONS) mergeDuration(a.durations[name], b.durations[name]);
  mergeDuration(a.responses, b.responses);
  a.oneTouch.oneTouch += b.oneTouch.oneTouch;
  a.oneTouch.zeroTouch += b.oneTouch.zeroTouch;
  a.oneTouch.resolved += b.oneTouch.resolved;
  addCounts(a.oneTouch.skipped, b.oneTouch.skipped);
  concat(a.replies, b.replies);
  if (a.sla !== undefined && b.sla !== undefined) {
    for (const m of SLA_METRICS)
      addCounts(a.sla.byMetric[m] as unknown as Record<string, number>, b.sla.byMetric[m] as unknown as Record<string, number>);
    for (const [k, t] of b.sla.byChannel) {
      const x = a.sla.byChannel.get(k);
      if (x === undefined) a.sla.byChannel.set(k, t);
      else addCounts(x as unknown as Record<string, number>, t as unknown as Record<string, number>);
    }
    addCounts(a.sla.skipped, b.sla.skipped);
    addCounts(a.sla.anomalies, b.sla.anomalies);
  }
  const v = a.survey;
  const w = b.survey;
  v.responses += w.responses;
  v.promoters += w.promoters;
  v.passives += w.passives;
  v.detractors += w.detractors;
  v.satisfied += w.satisfied;
  v.csatTotal += w.csatTotal;
  for (const [k, c] of w.ces) {
    const x = v.ces.get(k);
    if (x === undefined) v.ces.set(k, c);
    else {
      x.count += c.count;
      x.sum += c.sum;
      x.easy += c.easy;
    }
  }
  a.types = mergeGroups(a.types, b.types, typeTally);
  return a;
}

/** A record with its keys in code-unit order. @internal */
export const sortedRecord = sortedRecordOf;

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The Wilson interval of `successes / trials`, `null` without trials. @internal */
export function wilsonJson(ctx: CoreContext, successes: number, trials: number): IntervalJson | null {
  const w = wilsonInterval(successes, trials, { confidenceLevel: ctx.confidenceLevel });
  return w === undefined ? null : { lower: w.lower, upper: w.upper, confidenceLevel: w.confidenceLevel, method: w.method };
}

/**
 * The summary of a list with the log-scale t interval of its mean (never below zero, with an
 * exactly rounded sum of squares: see ./_meanInterval.ts), so that, like the summary, it does
 * not depend on the order of the values or on where the input was split.
 */
function summaryJson(ctx: CoreContext, list: Values): DurationSummaryWithIntervalJson | null {
  const s = summary(list, ctx.percentiles);
  if (s === null) return null;
  return { ...s, meanInterval: meanIntervalJson(list.data, list.length, s.mean, ctx.confidenceLevel) };
}

function durationJson(ctx: CoreContext, d: DurationState): DurationMetricJson {
  return {
    calendar: summaryJson(ctx, d.cal),
    business: ctx.schedule === undefined ? null : summaryJson(ctx, d.bus),
    sources: { messages: d.sources.messages, fields: d.sources.fields },
    skipped: sortedRecord(d.skipped),
    anomalies: sortedRecord(d.anomalies),
  };
}

function tallyJson(ctx: CoreContext, t: Tally): SlaTallyJson {
  const decided = t.achieved + t.breached;
  return {
    compliance: decided === 0 ? null : t.achieved / decided,
    achieved: t.achieved,
    breached: t.breached,
    running: t.running,
    interval: wilsonJson(ctx, t.achieved, decided),
  };
}

function slaJson(ctx: CoreContext, s: SlaState): SlaJson {
  const all = tally();
  for (const m of SLA_METRICS) {
    all.achieved += s.byMetric[m].achieved;
    all.breached += s.byMetric[m].breached;
    all.running += s.byMetric[m].running;
  }
  const checks = (t: Tally): number => t.achieved + t.breached + t.running;
  return {
    policy: ctx.slaName,
    ...tallyJson(ctx, all),
    byMetric: {
      firstResponse: tallyJson(ctx, s.byMetric.firstResponse),
      nextResponse: tallyJson(ctx, s.byMetric.nextResponse),
      resolution: tallyJson(ctx, s.byMetric.resolution),
    },
    breaches: all.breached,
    byChannel: [...s.byChannel]
      .sort((a, b) => checks(b[1]) - checks(a[1]) || byCode(a[0], b[0]))
      .map(([channel, t]) => ({ channel, ...tallyJson(ctx, t) })),
    skipped: sortedRecord(s.skipped),
    anomalies: sortedRecord(s.anomalies),
  };
}

/** The NPS interval of a state with at least one NPS answer. */
function npsIntervalJson(ctx: CoreContext, v: SurveyState): IntervalJson {
  const r = npsInterval(
    { promoters: v.promoters, passives: v.passives, detractors: v.detractors },
    { confidenceLevel: ctx.confidenceLevel },
  );
  if (r === undefined) throw new Error("unreachable: npsIntervalJson without NPS answers");
  return { lower: r.lower, upper: r.upper, confidenceLevel: r.confidenceLevel, method: r.method };
}

/** The survey results of a state. @internal */
export function surveyJson(ctx: CoreContext, v: SurveyState): SurveyJson {
  const npsTotal = v.promoters + v.passives + v.detractors;
  const score = npsTotal === 0 ? 0 : ((v.promoters - v.detractors) / npsTotal) * 100;
  return {
    nps:
      npsTotal === 0
        ? null
        : {
            score: score === 0 ? 0 : score,
            total: npsTotal,
            promoters: v.promoters,
            passives: v.passives,
            detractors: v.detractors,
            promoterShare: v.promoters / npsTotal,
            passiveShare: v.passives / npsTotal,
            detractorShare: v.detractors / npsTotal,
            interval: npsIntervalJson(ctx, v),
          },
    csat:
      v.csatTotal === 0
        ? null
        : {
            score: v.satisfied / v.csatTotal,
            satisfied: v.satisfied,
            total: v.csatTotal,
            interval: wilsonJson(ctx, v.satisfied, v.csatTotal) as IntervalJson,
          },
    ces: [...v.ces.values()]
      .sort((a, b) => b.count - a.count || a.min - b.min || a.max - b.max)
      .map((c) => ({ scale: { min: c.min, max: c.max }, count: c.count, mean: c.sum / c.count, easyShare: c.easy / c.count })),
    responses: v.responses,
  };
}

/**
 * The metric set of a state. `judgeAt` is the resolution rate's judging moment;
 * `withSurvey` is `false` for segments whose dimension responses do not carry.
 *
 * @internal
 */
export function coreResult(ctx: CoreContext, s: CoreState, judgeAt: number, withSurvey: boolean): MetricSetJson {
  const statuses = { ...s.statuses, total: s.tickets };
  const received = s.resolution.resolved + s.resolution.unresolved;
  const b = s.backlog;
  const threshold = b.averaged === 0 ? undefined : b.sum.value / b.averaged;
  let over = 0;
  if (threshold !== undefined) for (let i = 0; i < b.ages.length; i++) if ((b.ages.data[i] as number) > threshold) over++;
  const total = s.tickets;
  const channels = [...s.channels]
    .map(([channel, count]) => ({ channel, count, share: count / total }))
    .sort((x, y) => y.count - x.count || byCode(x.channel, y.channel));
  const time = {} as Record<DurationName, DurationMetricJson>;
  for (const name of DURATIONS) time[name] = durationJson(ctx, s.durations[name]);
  const ot = s.oneTouch;
  return {
    tickets: s.tickets,
    counts: {
      statuses: statuses as Record<TicketStatus | "unassigned" | "total", number>,
      resolutionRate: {
        value: received === 0 ? null : s.resolution.resolved / received,
        received,
        resolved: s.resolution.resolved,
        unresolved: s.resolution.unresolved,
        resolvedByStatusOnly: s.resolution.byStatusOnly,
        judgedAt: new Date(judgeAt).toISOString(),
        interval: wilsonJson(ctx, s.resolution.resolved, received),
      },
      backlog: {
        count: threshold === undefined ? null : over,
        threshold: threshold === undefined ? null : threshold === 0 ? 0 : threshold,
        averagedResolutions: b.averaged,
        unresolved: b.ages.length,
        resolved: b.resolved,
      },
      channelMix: total === 0 ? null : { channels, withoutChannel: { count: s.withoutChannel, share: s.withoutChannel / total } },
    },
    time: {
      firstResponse: time.firstResponse,
      responses: durationJson(ctx, s.responses),
      resolutionFirst: time.resolutionFirst,
      resolutionFinal: time.resolutionFinal,
      assignment: time.assignment,
      requesterWait: time.requesterWait,
      oneTouch: {
        share: ot.resolved === 0 ? null : ot.oneTouch / ot.resolved,
        oneTouch: ot.oneTouch,
        zeroTouch: ot.zeroTouch,
        resolved: ot.resolved,
        interval: wilsonJson(ctx, ot.oneTouch, ot.resolved),
      },
      repliesToResolve: summaryJson(ctx, s.replies),
    },
    sla: s.sla === undefined ? null : slaJson(ctx, s.sla),
    survey: withSurvey ? surveyJson(ctx, s.survey) : null,
  };
}

/** The skip counts of a state, by metric then reason. @internal */
export function coreSkipped(s: CoreState): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {
    resolutionRate: sortedRecord(s.resolution.skipped),
    backlog: sortedRecord(s.backlog.skipped),
  };
  for (const name of DURATIONS) out[name] = sortedRecord(addCounts({ ...s.durations[name].skipped }, s.durations[name].anomalies));
  out.responses = sortedRecord(s.responses.skipped);
  out.oneTouch = sortedRecord(s.oneTouch.skipped);
  out.repliesToResolve = sortedRecord(s.oneTouch.skipped);
  if (s.sla !== undefined) out.sla = sortedRecord(addCounts({ ...s.sla.skipped }, s.sla.anomalies));
  return out;
}

/**
 * The scope accumulator: `add` takes a ticket {@link Observation}.
 *
 * @internal
 */
export function coreAccumulator(ctx: CoreContext, judgeAt: number): Accumulator<Observation, CoreState, MetricSetJson> {
  return {
    create: () => create(ctx),
    add: (acc, o) => add(ctx, acc, o),
    merge,
    result: (acc) => coreResult(ctx, acc, judgeAt, true),
  };
}
