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
import { statusTimeAccumulator } from "../metrics/time/statusTimeAccumulators.ts";
import {
  firstResponseSurvivalSummaryAccumulator,
  resolutionSurvivalSummaryAccumulator,
  type TicketSurvivalOf,
} from "../metrics/time/survivalAccumulators.ts";
import type { KaplanMeierSummary } from "../metrics/time/kaplanMeier.ts";
import { channelMixAccumulator, statusCountsAccumulator } from "../metrics/volume/countAccumulators.ts";
import { backlogAccumulator, resolutionRateAccumulator } from "../metrics/volume/resolutionAccumulators.ts";
import { typeCountsAccumulator } from "../metrics/volume/typeCountsAccumulator.ts";
import { reopenRateAccumulator } from "../metrics/volume/reopenRate.ts";
import { repeatContactsAccumulator } from "../metrics/customers/repeatContacts.ts";
import { ticketRatingsAccumulator } from "../metrics/survey/ticketRatingsAccumulator.ts";
import { respondersAccumulator } from "../metrics/time/responders.ts";
import { botsAccumulator } from "../metrics/time/bots.ts";
import { toJson } from "./json.ts";
import type { Compiled } from "./_options.ts";
import { surveyResponsesAccumulator, type SurveySummary } from "../metrics/survey/surveyResponsesAccumulator.ts";
import { plan, scopeResult, type Plan, type PlanResult, type ScopeState } from "./_engine.ts";
import type { DurationMetricJson, IntervalJson, SlaJson, SlaTallyJson, SurveyJson } from "./types.ts";
import type { SurvivalEstimateJson, SurvivalJson } from "./survivalTypes.ts";
import type { ReportMetricName, SelectedMetricSetJson } from "./selectedTypes.ts";

/** The ticket metrics of a scope judged at `judgeAt` (the resolution rate's moment). @internal */
function ticketMetrics(c: Compiled, judgeAt: number, caller: string) {
  const asOf = new Date(c.ctx.asOf);
  const level = c.ctx.confidenceLevel;
  const time = { schedule: c.ctx.schedule, percentiles: c.ctx.percentiles, confidenceLevel: level, quantiles: c.quantiles, caller };
  // Open tickets are censored at asOf, in every scope (what the data knows then).
  const survival = { schedule: c.ctx.schedule, percentiles: c.ctx.percentiles, confidenceLevel: level, quantiles: c.quantiles, caller };
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
    agentWork: statusTimeAccumulator("agentWork", time),
    agentWait: statusTimeAccumulator("agentWait", time),
    onHold: statusTimeAccumulator("onHold", time),
    resolutionSurvival: resolutionSurvivalSummaryAccumulator({ ...survival, asOf }),
    firstResponseSurvival: firstResponseSurvivalSummaryAccumulator({ ...survival, asOf }),
    oneTouch: oneTouchAccumulator({ confidenceLevel: level, schedule: c.ctx.schedule, caller }),
    repliesToResolve: repliesToResolveAccumulator(time),
    sla:
      c.slaPolicy === undefined
        ? undefined
        : slaComplianceAccumulator({ policy: c.slaPolicy, asOf, schedule: c.ctx.schedule, confidenceLevel: level, caller }),
    types: typeCountsAccumulator(),
    reopens: reopenRateAccumulator({ confidenceLevel: level }),
    ratings: ticketRatingsAccumulator({ confidenceLevel: level }),
    // Judged when the scope's tickets are all known: the as-of, or the period's end if earlier.
    contacts: repeatContactsAccumulator({
      asOf: new Date(Math.min(judgeAt, c.ctx.asOf)),
      window: c.repeatWindow,
      confidenceLevel: level,
      caller,
    }),
    responders: respondersAccumulator(time),
    bots: botsAccumulator({ ...time, ...c.bots }),
  };
}

type TicketMetrics = ReturnType<typeof ticketMetrics>;
type Defined<M> = { readonly [K in keyof M as M[K] extends undefined ? never : K]: Exclude<M[K], undefined> };

/** The report's plan of one scope kind. @internal */
export type ReportPlan = Plan<Partial<Defined<TicketMetrics>>, { readonly survey: ReturnType<typeof surveyResponsesAccumulator> }>;

/** The results of a scope: one per selected metric. @internal */
export type ScopeResults = Partial<PlanResult<Defined<TicketMetrics>>> & {
  readonly sla?: SlaSummary;
  readonly survey: SurveySummary;
};

/**
 * The plan of a scope judged at `judgeAt`: the composition's metrics, those of `c.selected`
 * only when there is a selection (the metric names are the selection's names).
 *
 * @internal
 */
export function reportPlan(c: Compiled, judgeAt: number, caller: string): ReportPlan {
  const all = ticketMetrics(c, judgeAt, caller);
  const chosen = (name: string): boolean => c.selected === undefined || c.selected.has(name as ReportMetricName);
  // The survey section falls back on the tickets' ratings for CSAT: `survey` reads them too.
  const computed = (name: string): boolean => chosen(name) || (name === "ratings" && chosen("survey"));
  const metrics = Object.fromEntries(Object.entries(all).filter(([name, m]) => m !== undefined && computed(name))) as Partial<
    Defined<TicketMetrics>
  >;
  // Responses are few and `input.responsesInScope` counts them: their accumulator is always folded.
  return plan(metrics, { survey: surveyResponsesAccumulator({ confidenceLevel: c.ctx.confidenceLevel }) });
}

/** The results of a scope's state. @internal */
export function scopeResults(p: ReportPlan, scope: ScopeState): ScopeResults {
  return scopeResult(p, scope) as ScopeResults;
}

const interval = (w: { lower: number; upper: number; confidenceLevel: number; method: string } | undefined): IntervalJson | null =>
  w === undefined ? null : { lower: w.lower, upper: w.upper, confidenceLevel: w.confidenceLevel, method: w.method };

function durationJson(d: DurationMetricSummary | undefined): DurationMetricJson | null {
  return d === undefined ? null : toJson(d);
}

function estimateJson(e: KaplanMeierSummary | undefined): SurvivalEstimateJson | null {
  if (e === undefined) return null;
  const { confidenceLevel, median, percentiles, restrictedMean } = e;
  return toJson({ confidenceLevel, median, percentiles, restrictedMean: { horizon: restrictedMean.horizon, value: restrictedMean.value } });
}

/** A survival estimate's summary (counts, median, percentiles, restricted mean; not the curve). */
function survivalJson<R extends string>(s: TicketSurvivalOf<R, KaplanMeierSummary> | undefined): SurvivalJson<R> | null {
  if (s === undefined) return null;
  return {
    counted: s.counted,
    observed: s.observed,
    censored: s.censored,
    excluded: toJson(s.excluded),
    calendar: estimateJson(s.calendar),
    business: estimateJson(s.business),
  };
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

/**
 * A scope's metric set in the report's JSON shape; `withSurvey` false gives `survey: null`;
 * a metric not selected is `null`. @internal
 */
export function metricSetJson(c: Compiled, tickets: number, r: ScopeResults, withSurvey: boolean): SelectedMetricSetJson {
  const st = r.statuses;
  const rate = r.resolutionRate;
  const b = r.backlog;
  const mix = r.channelMix;
  const ot = r.oneTouch;
  const replies = r.repliesToResolve;
  return {
    tickets,
    counts: {
      statuses:
        st === undefined
          ? null
          : {
              new: st.new,
              open: st.open,
              pending: st.pending,
              on_hold: st.on_hold,
              solved: st.solved,
              closed: st.closed,
              unassigned: st.unassigned,
              total: st.total,
            },
      resolutionRate:
        rate === undefined
          ? null
          : {
              value: rate.value ?? null,
              received: rate.received,
              resolved: rate.resolved,
              unresolved: rate.unresolved,
              resolvedByStatusOnly: rate.resolvedByStatusOnly,
              judgedAt: rate.judgedAt.toISOString(),
              interval: interval(rate.interval),
            },
      backlog:
        b === undefined
          ? null
          : {
              count: b.count ?? null,
              threshold: b.threshold ?? null,
              averagedResolutions: b.averagedResolutions,
              unresolved: b.unresolved,
              resolved: b.resolved,
            },
      channelMix: mix?.channels === undefined ? null : { channels: mix.channels, withoutChannel: mix.withoutChannel },
    },
    time: {
      firstResponse: durationJson(r.firstResponse),
      responses: durationJson(r.responses),
      resolutionFirst: durationJson(r.resolutionFirst),
      resolutionFinal: durationJson(r.resolutionFinal),
      assignment: durationJson(r.assignment),
      requesterWait: durationJson(r.requesterWait),
      agentWork: durationJson(r.agentWork),
      agentWait: durationJson(r.agentWait),
      onHold: durationJson(r.onHold),
      resolutionSurvival: survivalJson(r.resolutionSurvival),
      firstResponseSurvival: survivalJson(r.firstResponseSurvival),
      oneTouch:
        ot === undefined
          ? null
          : {
              share: ot.share ?? null,
              oneTouch: ot.oneTouch,
              zeroTouch: ot.zeroTouch,
              resolved: ot.resolved,
              interval: interval(ot.interval),
            },
      repliesToResolve: replies?.summary === undefined ? null : toJson(replies.summary),
    },
    sla: r.sla === undefined ? null : slaJson(r.sla, c.ctx.slaName),
    reopens: r.reopens === undefined ? null : { ...toJson(r.reopens), interval: interval(r.reopens.interval) },
    ratings: r.ratings === undefined || c.selected?.has("ratings") === false ? null : toJson(r.ratings),
    survey: c.selected?.has("survey") === false ? null : surveyJson(r, withSurvey),
    contacts: r.contacts === undefined ? null : { ...toJson(r.contacts), interval: interval(r.contacts.interval) },
    responders: r.responders === undefined ? null : toJson(r.responders),
    bots:
      r.bots === undefined
        ? null
        : { ...toJson(r.bots), handoffInterval: interval(r.bots.handoffInterval), resolutionInterval: interval(r.bots.resolutionInterval) },
  };
}

/**
 * The survey section: the responses' figures, with CSAT from the tickets' ratings when the
 * scope has no CSAT response (the one place that choice is made); for a segment responses
 * cannot be split by, only the ratings' CSAT, or `null` without ratings.
 */
function surveyJson(r: ScopeResults, withSurvey: boolean): SurveyJson | null {
  const ratings = r.ratings?.csat;
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
  const out: Record<string, Record<string, number>> = {};
  if (r.resolutionRate !== undefined) out.resolutionRate = r.resolutionRate.skipped;
  if (r.backlog !== undefined) out.backlog = r.backlog.skipped;
  if (r.firstResponse !== undefined) out.firstResponse = both(r.firstResponse);
  if (r.resolutionFirst !== undefined) out.resolutionFirst = both(r.resolutionFirst);
  if (r.resolutionFinal !== undefined) out.resolutionFinal = both(r.resolutionFinal);
  if (r.assignment !== undefined) out.assignment = both(r.assignment);
  if (r.requesterWait !== undefined) out.requesterWait = both(r.requesterWait);
  if (r.agentWork !== undefined) out.agentWork = both(r.agentWork);
  if (r.agentWait !== undefined) out.agentWait = both(r.agentWait);
  if (r.onHold !== undefined) out.onHold = both(r.onHold);
  if (r.resolutionSurvival !== undefined) out.resolutionSurvival = r.resolutionSurvival.excluded;
  if (r.firstResponseSurvival !== undefined) out.firstResponseSurvival = r.firstResponseSurvival.excluded;
  if (r.responses !== undefined) out.responses = sortedCounts(r.responses.skipped);
  if (r.oneTouch !== undefined) out.oneTouch = r.oneTouch.skipped;
  if (r.repliesToResolve !== undefined) out.repliesToResolve = r.repliesToResolve.skipped;
  if (r.sla !== undefined) out.sla = sortedCounts(addCounts({ ...r.sla.skipped }, r.sla.anomalies));
  if (r.contacts !== undefined) out.contacts = r.contacts.skipped;
  return out;
}
