/**
 * THE composition of the report: which metric accumulators a scope (the whole period, each
 * segment, the comparison period) runs, and how their results become the report's JSON. Adding
 * a metric to the report is writing its accumulator in its metric's folder and adding one line
 * here (and its JSON field in ./types.ts).
 *
 * @internal
 * @module
 */
import { sortedCounts, addCounts } from "../_lib/counts.ts";
import { slaComplianceAccumulator, type SlaSummary, type SlaTallySummary } from "../metrics/sla/slaComplianceAccumulator.ts";
import {
  assignmentTimeAccumulator,
  firstResponseTimeAccumulator,
  requesterWaitTimeAccumulator,
  resolutionTimeAccumulator,
  responseTimesAccumulator,
  type DurationMetricSummary,
} from "../metrics/time/durationAccumulators.ts";
import { oneTouchAccumulator, repliesToResolveAccumulator } from "../metrics/time/replyAccumulators.ts";
import { channelMixAccumulator, statusCountsAccumulator } from "../metrics/volume/countAccumulators.ts";
import { backlogAccumulator, resolutionRateAccumulator } from "../metrics/volume/resolutionAccumulators.ts";
import { typeCountsAccumulator } from "../metrics/volume/typeCountsAccumulator.ts";
import { reopenRateAccumulator } from "../metrics/volume/reopenRate.ts";
import { ticketRatingsAccumulator } from "../metrics/survey/ticketRatingsAccumulator.ts";
import { toJson } from "./json.ts";
import type { Compiled } from "./_options.ts";
import { surveyResponsesAccumulator, type SurveySummary } from "../metrics/survey/surveyResponsesAccumulator.ts";
import { plan, scopeResult, type Plan, type PlanResult, type ScopeState } from "./_engine.ts";
import type { DurationMetricJson, IntervalJson, MetricSetJson, SlaJson, SlaTallyJson, SurveyJson } from "./types.ts";

/** The ticket metrics of a scope judged at `judgeAt` (the resolution rate's moment). @internal */
function ticketMetrics(c: Compiled, judgeAt: number, caller: string) {
  const asOf = new Date(c.ctx.asOf);
  const level = c.ctx.confidenceLevel;
  const time = { schedule: c.ctx.schedule, percentiles: c.ctx.percentiles, confidenceLevel: level, quantiles: c.quantiles, caller };
  return {
    statuses: statusCountsAccumulator(),
    resolutionRate: resolutionRateAccumulator({ at: new Date(judgeAt), confidenceLevel: level }),
    backlog: backlogAccumulator({ asOf }),
    channelMix: channelMixAccumulator(),
    firstResponse: firstResponseTimeAccumulator(time),
    responses: responseTimesAccumulator(time),
    resolutionFirst: resolutionTimeAccumulator({ ...time, until: "first" }),
    resolutionFinal: resolutionTimeAccumulator(time),
    assignment: assignmentTimeAccumulator(time),
    requesterWait: requesterWaitTimeAccumulator(time),
    oneTouch: oneTouchAccumulator({ confidenceLevel: level, schedule: c.ctx.schedule, caller }),
    repliesToResolve: repliesToResolveAccumulator(time),
    sla:
      c.slaPolicy === undefined
        ? undefined
        : slaComplianceAccumulator({ policy: c.slaPolicy, asOf, schedule: c.ctx.schedule, confidenceLevel: level, caller }),
    types: typeCountsAccumulator(),
    reopens: reopenRateAccumulator({ confidenceLevel: level }),
    ratings: ticketRatingsAccumulator({ confidenceLevel: level }),
  };
}

type TicketMetrics = ReturnType<typeof ticketMetrics>;
type Defined<M> = { readonly [K in keyof M as M[K] extends undefined ? never : K]: Exclude<M[K], undefined> };

/** The report's plan of one scope kind. @internal */
export type ReportPlan = Plan<Defined<TicketMetrics>, { readonly survey: ReturnType<typeof surveyResponsesAccumulator> }>;

/** The results of a scope. @internal */
export type ScopeResults = PlanResult<Defined<TicketMetrics>> & {
  readonly sla?: SlaSummary;
  readonly survey: SurveySummary;
};

/** The plan of a scope judged at `judgeAt`. @internal */
export function reportPlan(c: Compiled, judgeAt: number, caller: string): ReportPlan {
  const all = ticketMetrics(c, judgeAt, caller);
  const metrics = Object.fromEntries(Object.entries(all).filter(([, m]) => m !== undefined)) as Defined<TicketMetrics>;
  return plan(metrics, { survey: surveyResponsesAccumulator({ confidenceLevel: c.ctx.confidenceLevel }) });
}

/** The results of a scope's state. @internal */
export function scopeResults(p: ReportPlan, scope: ScopeState): ScopeResults {
  return scopeResult(p, scope) as ScopeResults;
}

const interval = (w: { lower: number; upper: number; confidenceLevel: number; method: string } | undefined): IntervalJson | null =>
  w === undefined ? null : { lower: w.lower, upper: w.upper, confidenceLevel: w.confidenceLevel, method: w.method };

function durationJson(d: DurationMetricSummary): DurationMetricJson {
  return toJson(d);
}

function tallyJson(t: SlaTallySummary): SlaTallyJson {
  return {
    compliance: t.compliance ?? null,
    achieved: t.achieved,
    breached: t.breached,
    running: t.running,
    interval: interval(t.interval),
  };
}

function slaJson(s: SlaSummary, policy: string | null): SlaJson {
  return {
    policy,
    ...tallyJson(s),
    byMetric: {
      firstResponse: tallyJson(s.byMetric.firstResponse),
      nextResponse: tallyJson(s.byMetric.nextResponse),
      resolution: tallyJson(s.byMetric.resolution),
    },
    breaches: s.breaches,
    byChannel: s.byChannel.map((t) => ({ channel: t.channel, ...tallyJson(t) })),
    skipped: s.skipped,
    anomalies: s.anomalies,
  };
}

/** A scope's metric set in the report's JSON shape; `withSurvey` false gives `survey: null`. @internal */
export function metricSetJson(c: Compiled, tickets: number, r: ScopeResults, withSurvey: boolean): MetricSetJson {
  const st = r.statuses;
  const rate = r.resolutionRate;
  const b = r.backlog;
  const mix = r.channelMix;
  const ot = r.oneTouch;
  const replies = r.repliesToResolve.summary;
  return {
    tickets,
    counts: {
      statuses: {
        new: st.new,
        open: st.open,
        pending: st.pending,
        on_hold: st.on_hold,
        solved: st.solved,
        closed: st.closed,
        unassigned: st.unassigned,
        total: st.total,
      },
      resolutionRate: {
        value: rate.value ?? null,
        received: rate.received,
        resolved: rate.resolved,
        unresolved: rate.unresolved,
        resolvedByStatusOnly: rate.resolvedByStatusOnly,
        judgedAt: rate.judgedAt.toISOString(),
        interval: interval(rate.interval),
      },
      backlog: {
        count: b.count ?? null,
        threshold: b.threshold ?? null,
        averagedResolutions: b.averagedResolutions,
        unresolved: b.unresolved,
        resolved: b.resolved,
      },
      channelMix: mix === undefined ? null : { channels: mix.channels, withoutChannel: mix.withoutChannel },
    },
    time: {
      firstResponse: durationJson(r.firstResponse),
      responses: durationJson(r.responses),
      resolutionFirst: durationJson(r.resolutionFirst),
      resolutionFinal: durationJson(r.resolutionFinal),
      assignment: durationJson(r.assignment),
      requesterWait: durationJson(r.requesterWait),
      oneTouch: {
        share: ot.share ?? null,
        oneTouch: ot.oneTouch,
        zeroTouch: ot.zeroTouch,
        resolved: ot.resolved,
        interval: interval(ot.interval),
      },
      repliesToResolve: replies === undefined ? null : toJson(replies),
    },
    sla: r.sla === undefined ? null : slaJson(r.sla, c.ctx.slaName),
    reopens: { ...toJson(r.reopens), interval: interval(r.reopens.interval) },
    ratings: toJson(r.ratings),
    survey: surveyJson(r, withSurvey),
  };
}

/**
 * The survey section: the responses' figures, with CSAT from the tickets' ratings when the
 * scope has no CSAT response (the one place that choice is made); for a segment responses
 * cannot be split by, only the ratings' CSAT, or `null` without ratings.
 */
function surveyJson(r: ScopeResults, withSurvey: boolean): SurveyJson | null {
  const ratings = r.ratings.csat;
  if (!withSurvey) {
    if (ratings === undefined) return null;
    return { nps: null, csat: toJson(ratings), ces: [], responses: 0, csatSource: "ticketRatings" };
  }
  const survey = toJson(r.survey);
  if (survey.csat !== null) return { ...survey, csatSource: "responses" };
  if (ratings === undefined) return { ...survey, csatSource: null };
  return { ...survey, csat: toJson(ratings), csatSource: "ticketRatings" };
}

/** The skip counts of a scope, by metric then reason (the report's `skipped`). @internal */
export function scopeSkipped(r: ScopeResults): Record<string, Record<string, number>> {
  const both = (d: DurationMetricSummary): Record<string, number> => sortedCounts(addCounts({ ...d.skipped }, d.anomalies));
  const out: Record<string, Record<string, number>> = {
    resolutionRate: r.resolutionRate.skipped,
    backlog: r.backlog.skipped,
    firstResponse: both(r.firstResponse),
    resolutionFirst: both(r.resolutionFirst),
    resolutionFinal: both(r.resolutionFinal),
    assignment: both(r.assignment),
    requesterWait: both(r.requesterWait),
    responses: sortedCounts(r.responses.skipped),
    oneTouch: r.oneTouch.skipped,
    repliesToResolve: r.repliesToResolve.skipped,
  };
  if (r.sla !== undefined) out.sla = sortedCounts(addCounts({ ...r.sla.skipped }, r.sla.anomalies));
  return out;
}
