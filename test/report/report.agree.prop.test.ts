/**
 * The report folds every metric itself in one pass; these properties check that each section
 * agrees with the library's own metric function run on the same tickets (a naive reference:
 * the array functions filter and loop over the whole input).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { slaCompliance } from "../../src/metrics/sla/index.ts";
import { meanInterval, npsInterval, quantileInterval, wilsonInterval } from "../../src/metrics/stats/index.ts";
import { csat, npsBreakdown } from "../../src/metrics/survey/index.ts";
import {
  assignmentTimes,
  firstResponseSurvival,
  firstResponseTimes,
  resolutionSurvival,
  type KaplanMeierEstimate,
  type TicketSurvival,
  oneTouchResolution,
  repliesToResolve,
  resolutionTimes,
  responseTimes,
  summarizeDurations,
} from "../../src/metrics/time/index.ts";
import {
  backlog,
  channelMix,
  newTypes,
  peakHours,
  resolutionRate,
  statusesOverTime,
  ticketsByStatus,
  typeChange,
  typeShares,
  volumeByPeriod,
} from "../../src/metrics/volume/index.ts";
import type { SurveyResponse, Ticket } from "../../src/models/index.ts";
import { report, type DurationMetricJson, type ReportOptions } from "../../src/report/index.ts";
import { response, ticket } from "./arbitraries.ts";
import { FULL, HOURLY, PLAIN } from "./configs.ts";

const config = fc.constantFrom<[string, ReportOptions]>(["full", FULL], ["plain", PLAIN], ["hourly", HOURLY]);
const params = { numRuns: 40 };

/** Dates to ISO strings and `undefined` to `null`, as the report writes them. */
function json(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === undefined ? null : v)));
}

function inScope(options: ReportOptions, ts: readonly Ticket[]): Ticket[] {
  const valid = ts.filter((t) => !Number.isNaN(t.createdAt.getTime()));
  const p = options.period;
  return p === undefined ? valid : valid.filter((t) => t.createdAt >= p.from && t.createdAt < p.to);
}

/** An interval as the report writes it (`null` for none). */
function interval(i: { lower: number; upper: number; confidenceLevel: number; method: string } | undefined): unknown {
  return i === undefined ? null : { lower: i.lower, upper: i.upper, confidenceLevel: i.confidenceLevel, method: i.method };
}

const level = (options: ReportOptions): number => options.confidenceLevel ?? 0.95;

function calendarOf(values: Float64Array, options: ReportOptions): unknown {
  const s = summarizeDurations(values, { percentiles: options.percentiles ?? [0.9] });
  if (s === undefined) return null;
  const { target: _t, withinTarget: _w, ...rest } = s;
  return rest;
}

/**
 * The report's mean interval is the log-scale interval built from meanInterval's mean, standard
 * error and critical value, mean · exp(∓ t·se/mean) (to rounding: the report sums the squares exactly).
 */
function checkMeanInterval(actual: { meanInterval: unknown } | null, values: Float64Array, options: ReportOptions): void {
  if (actual === null) return;
  const expected = meanInterval([...values], { confidenceLevel: level(options) });
  const got = actual.meanInterval as { lower: number; upper: number; confidenceLevel: number; method: string } | null;
  if (expected === undefined) {
    expect(got).toBeNull();
    return;
  }
  expect(got?.method).toBe("log-scale t (delta method)");
  expect(got?.confidenceLevel).toBe(expected.confidenceLevel);
  const factor = expected.mean === 0 ? 1 : Math.exp((expected.criticalValue * expected.standardError) / expected.mean);
  const lower = expected.mean / factor;
  const upper = Math.min(expected.mean * factor, Number.MAX_VALUE);
  const tol = 1e-9 * Math.max(1, Math.abs(lower), Math.abs(upper));
  expect(Math.abs((got?.lower ?? Number.NaN) - lower)).toBeLessThanOrEqual(tol);
  expect(Math.abs((got?.upper ?? Number.NaN) - upper)).toBeLessThanOrEqual(tol);
}

interface Bounds {
  lower: number;
  upper: number;
  coverage: number;
  confidenceLevel: number;
  method: string;
}
interface SummaryJson {
  meanInterval: unknown;
  medianInterval: Bounds;
  p: readonly { p: number; value: number; interval: Bounds }[];
}

/** A summary without its intervals, to compare with summarizeDurations. */
function withoutInterval(s: SummaryJson | null): unknown {
  if (s === null) return null;
  const { meanInterval: _m, medianInterval: _q, p, ...rest } = s;
  return { ...rest, p: p.map((q) => ({ p: q.p, value: q.value })) };
}

/** The median's and percentiles' intervals are quantileInterval's for the same values and level. */
function checkQuantileIntervals(actual: SummaryJson | null, values: Float64Array, options: ReportOptions): void {
  if (actual === null) return;
  const asked: [number, Bounds][] = [[0.5, actual.medianInterval], ...actual.p.map((q): [number, Bounds] => [q.p, q.interval])];
  for (const [probability, got] of asked) {
    const expected = quantileInterval([...values], { probability, confidenceLevel: level(options) });
    expect(got).toEqual({
      lower: expected?.lower,
      upper: expected?.upper,
      coverage: expected?.coverage,
      confidenceLevel: expected?.confidenceLevel,
      method: expected?.method,
    });
  }
}

function checkDurations(
  d: DurationMetricJson,
  values: { values: Float64Array; skipped: Record<string, number>; anomalies: readonly { reason: string }[] },
  options: ReportOptions,
): void {
  expect(withoutInterval(d.calendar)).toEqual(calendarOf(values.values, options));
  checkMeanInterval(d.calendar, values.values, options);
  checkQuantileIntervals(d.calendar, values.values, options);
  for (const [reason, n] of Object.entries(values.skipped)) expect(d.skipped[reason] ?? 0, reason).toBe(n);
  const anomalies: Record<string, number> = {};
  for (const a of values.anomalies) anomalies[a.reason] = (anomalies[a.reason] ?? 0) + 1;
  expect(d.anomalies).toEqual(anomalies);
}

describe("report agrees with the metric functions", () => {
  test.prop([config, fc.array(ticket, { maxLength: 40 })], params)("counts, durations and SLA", ([, options], ts) => {
    const r = report({ tickets: ts }, options);
    const scope = inScope(options, ts);
    expect(r.tickets).toBe(scope.length);
    const { total: _total, ...statuses } = ticketsByStatus(scope);
    expect(r.counts.statuses).toEqual({ ...statuses, total: scope.length });
    const judgedAt = options.period?.to ?? options.asOf;
    const rate = resolutionRate(scope, { from: new Date(-8.64e15), to: judgedAt });
    expect(r.counts.resolutionRate).toEqual({
      value: rate.value ?? null,
      received: rate.received,
      resolved: rate.resolved,
      unresolved: rate.unresolved,
      resolvedByStatusOnly: rate.resolvedByStatusOnly,
      judgedAt: judgedAt.toISOString(),
      interval: interval(wilsonInterval(rate.resolved, rate.received, { confidenceLevel: level(options) })),
    });
    const b = backlog(scope, { asOf: options.asOf });
    expect(r.counts.backlog).toEqual({
      count: b.count ?? null,
      threshold: b.threshold ?? null,
      averagedResolutions: b.averagedResolutions,
      unresolved: b.unresolved,
      resolved: b.resolved,
    });
    const mix = channelMix(scope);
    expect(r.counts.channelMix).toEqual(mix === undefined ? null : { channels: mix.channels, withoutChannel: mix.withoutChannel });
    checkDurations(r.time.firstResponse, firstResponseTimes(scope), options);
    checkDurations(r.time.resolutionFinal, resolutionTimes(scope), options);
    checkDurations(r.time.resolutionFirst, resolutionTimes(scope, { until: "first" }), options);
    checkDurations(r.time.assignment, assignmentTimes(scope), options);
    checkDurations(r.time.responses, responseTimes(scope), options);
    if (options.schedule !== undefined) {
      for (const [d, values] of [
        [r.time.firstResponse.business, firstResponseTimes(scope, { schedule: options.schedule }).values],
        [r.time.resolutionFinal.business, resolutionTimes(scope, { schedule: options.schedule }).values],
        [r.time.responses.business, responseTimes(scope, { schedule: options.schedule }).values],
      ] as const) {
        expect(withoutInterval(d)).toEqual(calendarOf(values, options));
        checkMeanInterval(d, values, options);
        checkQuantileIntervals(d, values, options);
      }
    }
    const ot = oneTouchResolution(scope);
    expect(r.time.oneTouch).toEqual({
      share: ot.share ?? null,
      oneTouch: ot.oneTouch,
      zeroTouch: ot.zeroTouch,
      resolved: ot.resolved,
      interval: interval(wilsonInterval(ot.oneTouch, ot.resolved, { confidenceLevel: level(options) })),
    });
    const replies = repliesToResolve(scope).values;
    expect(withoutInterval(r.time.repliesToResolve)).toEqual(calendarOf(replies, options));
    checkMeanInterval(r.time.repliesToResolve, replies, options);
    checkQuantileIntervals(r.time.repliesToResolve, replies, options);
    if (options.slaPolicy !== undefined) {
      const policy =
        options.slaPolicy.schedule === undefined && options.schedule !== undefined
          ? { ...options.slaPolicy, schedule: options.schedule }
          : options.slaPolicy;
      const sla = slaCompliance(scope, { policy, asOf: options.asOf });
      expect(r.sla).toMatchObject(
        json({
          compliance: sla.compliance,
          achieved: sla.achieved,
          breached: sla.breached,
          running: sla.running,
          byMetric: sla.byMetric,
        }) as object,
      );
      expect(r.sla?.breaches).toBe(sla.breaches.length);
      expect(r.sla?.skipped).toEqual(Object.fromEntries(Object.entries(sla.skipped).sort()));
      expect(r.sla?.interval ?? null).toEqual(
        interval(wilsonInterval(sla.achieved, sla.achieved + sla.breached, { confidenceLevel: level(options) })),
      );
    }
  });

  test.prop([config, fc.array(ticket, { maxLength: 40 })], params)("volume, heatmap and types", ([, options], ts) => {
    const r = report({ tickets: ts }, options);
    const v = r.volume;
    if (v === null) {
      expect(inScope(options, ts)).toHaveLength(0);
      return;
    }
    const from = new Date(v.range.from);
    const to = new Date(v.range.to);
    const expected = volumeByPeriod(ts, { from, to, timeZone: options.timeZone, unit: options.bucket ?? "day" });
    expect(v.buckets).toEqual(json(expected.buckets));
    expect(v.backlogAtStart).toBe(expected.backlogAtStart);
    expect(v.totals).toEqual(expected.totals);
    expect(v.counted).toBe(expected.counted);
    expect(r.skipped.volume).toEqual(Object.fromEntries(Object.entries(expected.skipped).sort()));
    expect(r.skipped.messages).toEqual(Object.fromEntries(Object.entries(expected.messages).sort()));
    const statuses = statusesOverTime(ts, { from, to, timeZone: options.timeZone, unit: options.bucket ?? "day" });
    expect(v.statuses).toEqual(
      json({ buckets: statuses.buckets, withHistory: statuses.withHistory, withoutHistory: statuses.withoutHistory }),
    );
    expect(r.skipped.statuses).toEqual(Object.fromEntries(Object.entries(statuses.skipped).sort()));
    const { skipped, ...peaks } = peakHours(ts, { from, to, timeZone: options.timeZone });
    expect(r.peaks).toEqual(json(peaks));
    expect(r.skipped.peaks).toEqual(skipped);
    const scope = inScope(options, ts);
    const shares = typeShares(scope);
    expect(r.types.shares).toEqual(shares.types);
    expect(r.types.mostCommon).toEqual(shares.mostCommon);
    if (options.period !== undefined && options.compareTo !== undefined) {
      const periods = { baseline: options.compareTo, period: options.period };
      expect(r.types.newTypes).toEqual(json(newTypes(ts, periods).types));
      expect(r.types.change).toEqual(json(typeChange(ts, periods).types));
    }
  });

  test.prop([config, fc.array(response, { maxLength: 30 })], params)("survey", ([, options], rs) => {
    const r = report({ tickets: [], responses: rs }, options);
    const p = options.period;
    const valid = (x: SurveyResponse): boolean =>
      Number.isInteger(x.score) &&
      x.score >= x.scale.min &&
      x.score <= x.scale.max &&
      (p === undefined || (x.answeredAt >= p.from && x.answeredAt < p.to));
    const scope = rs.filter(valid);
    const nps = npsBreakdown(scope.filter((x) => x.kind === "nps").map((x) => x.score));
    expect(r.survey?.nps?.score ?? null).toBe(nps?.nps ?? null);
    expect(r.survey?.nps?.promoters ?? 0).toBe(nps?.promoters ?? 0);
    expect(r.survey?.nps?.interval ?? null).toEqual(
      interval(
        npsInterval(
          scope.filter((x) => x.kind === "nps").map((x) => x.score),
          { confidenceLevel: level(options) },
        ),
      ),
    );
    // CSAT: 1–5 answers by the top-2-box rule, binary answers by their top point.
    const five = scope.filter((x) => x.kind === "csat" && x.scale.max === 5).map((x) => x.score);
    const binary = scope.filter((x) => x.kind === "csat" && x.scale.max === 1).map((x) => x.score);
    const satisfied = (csat(five) ?? 0) * five.length + (csat(binary, { scale: { min: 0, max: 1 }, threshold: 1 }) ?? 0) * binary.length;
    const total = five.length + binary.length;
    expect(r.survey?.csat ?? null).toEqual(
      total === 0
        ? null
        : {
            score: Math.round(satisfied) / total,
            satisfied: Math.round(satisfied),
            total,
            interval: interval(wilsonInterval(Math.round(satisfied), total, { confidenceLevel: level(options) })),
          },
    );
    expect(r.input.responsesInScope).toBe(scope.length);
  });
});

/** A survival estimate as the report summarises it: counts, exclusions, median, percentiles, restricted mean (not the curve). */
function survivalSummary(s: TicketSurvival<string>): unknown {
  const estimate = (e: KaplanMeierEstimate | undefined): unknown =>
    e === undefined
      ? null
      : json({
          confidenceLevel: e.confidenceLevel,
          median: e.median,
          percentiles: e.percentiles,
          restrictedMean: { horizon: e.restrictedMean.horizon, value: e.restrictedMean.value },
        });
  return {
    counted: s.counted,
    observed: s.observed,
    censored: s.censored,
    excluded: s.excluded,
    ...{ calendar: estimate(s.calendar), business: estimate(s.business) },
  };
}

describe("report survival agrees with resolutionSurvival and firstResponseSurvival", () => {
  test.prop([config, fc.array(ticket, { maxLength: 40 })], params)("the period and each channel segment", ([, options], ts) => {
    const r = report({ tickets: ts }, options);
    const scope = inScope(options, ts);
    const o = {
      asOf: options.asOf,
      schedule: options.schedule,
      percentiles: options.percentiles ?? [0.9],
      confidenceLevel: options.confidenceLevel,
    };
    expect(r.time.resolutionSurvival).toEqual(survivalSummary(resolutionSurvival(scope, o)));
    expect(r.time.firstResponseSurvival).toEqual(survivalSummary(firstResponseSurvival(scope, o)));
    expect(r.skipped.resolutionSurvival).toEqual(resolutionSurvival(scope, o).excluded);
    // Segments get the same estimate from their own tickets, through the one composition.
    const channels = r.segments.find((seg) => seg.dimensions.join("+") === "channel");
    for (const seg of channels?.segments ?? []) {
      const mine = scope.filter((t) => (t.channel === undefined || t.channel === "" ? "(none)" : t.channel) === seg.key[0]);
      expect(seg.time.resolutionSurvival, seg.key.join()).toEqual(survivalSummary(resolutionSurvival(mine, o)));
      expect(seg.time.firstResponseSurvival, seg.key.join()).toEqual(survivalSummary(firstResponseSurvival(mine, o)));
    }
  });
});
