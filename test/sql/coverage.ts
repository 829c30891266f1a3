/**
 * THE list of the report's figures and their SQL forms (issue 18, acceptance: "the differential
 * test passes for every metric of the default report"): every leaf of the report's JSON is
 * classified here, by the most specific pattern that matches its path. A figure is either
 * computed by an SQL form (`sql`: the `metricSql` name; test/sql/differential.prop.test.ts
 * compares it on DuckDB and PGlite), not yet (`notYet`: the reason), or not a figure (`echo`: an
 * option, an input count or a label the report repeats). test/sql/coverage.test.ts walks the
 * JSON of a default report and of a report with every option (schedule, SLA, segments,
 * comparison) and fails on a leaf no pattern classifies, so a figure added to the report fails
 * there until it is listed here.
 *
 * Patterns are dotted paths; `*` matches one segment, `[]` stands for an array's items, and a
 * pattern classifies its whole subtree. The most segments win.
 */
import type { SqlMetricName } from "../../src/sql/index.ts";

export type Coverage = { readonly sql: SqlMetricName } | { readonly notYet: string } | { readonly echo: string };

const INTERVALS =
  "intervals (Wilson, NPS, log-t mean, order-statistic quantile) are computed from the counts and values in TypeScript; not in SQL yet";
const RECONCILIATION = "timestamps against the helpdesk's exported durations, per ticket: not in SQL yet";
const SURVIVAL = "Kaplan–Meier estimates need the product-limit curve: not in SQL yet";
const DURATION_INTERVALS = ["medianInterval", "meanInterval", "p.[].interval"];

/** The entries of one duration summary (`time.X`): its figures from `sql`, its intervals, reconciliation and source label not yet. */
function duration(key: string, sql: SqlMetricName | undefined, why?: string): [string, Coverage][] {
  const covered: Coverage = sql === undefined ? { notYet: why ?? "" } : { sql };
  if (sql === undefined) return [[`time.${key}`, covered]];
  return [
    [`time.${key}`, covered],
    ...["calendar", "business"].flatMap((clock) =>
      DURATION_INTERVALS.map((i): [string, Coverage] => [`time.${key}.${clock}.${i}`, { notYet: INTERVALS }]),
    ),
    ...["calendar", "business"].map((clock): [string, Coverage] => [
      `time.${key}.${clock}.p.[].p`,
      { echo: "the percentile asked for (a column name in SQL)" },
    ]),
    [`time.${key}.reconciliation`, { notYet: RECONCILIATION }],
    [`time.${key}.source`, { notYet: "a label derived from the source counts (which SQL gives)" }],
  ];
}

export const REPORT_COVERAGE: readonly (readonly [string, Coverage])[] = [
  ["version", { echo: "the JSON version" }],
  ["parameters", { echo: "the options" }],
  ["input", { echo: "input accounting by the reader (the warehouse tables are the input)" }],
  ["tickets", { notYet: "tickets in scope: the `total` of ticketsByStatus, not a query of its own" }],
  ["counts.statuses", { sql: "ticketsByStatus" }],
  ["counts.resolutionRate", { sql: "resolutionRate" }],
  ["counts.resolutionRate.judgedAt", { echo: "the judging moment (an option)" }],
  ["counts.resolutionRate.interval", { notYet: INTERVALS }],
  ["counts.backlog", { sql: "backlog" }],
  ["counts.channelMix", { sql: "channelMix" }],
  ...duration("firstResponse", "firstResponseTime"),
  ...duration("responses", "responseTimes"),
  ...duration("resolutionFirst", "firstResolutionTime"),
  ...duration("resolutionFinal", "resolutionTime"),
  ...duration("assignment", "assignmentTime"),
  ...duration("requesterWait", "requesterWaitTime"),
  ...["agentWork", "agentWait", "onHold"].flatMap((key) =>
    duration(key, undefined, "time in status from the status history (issue 17 item 2; reads `events`): not in SQL yet"),
  ),
  ["time.resolutionSurvival", { notYet: SURVIVAL }],
  ["time.firstResponseSurvival", { notYet: SURVIVAL }],
  ["time.oneTouch", { sql: "oneTouch" }],
  ["time.oneTouch.interval", { notYet: INTERVALS }],
  ["time.repliesToResolve", { sql: "repliesToResolve" }],
  ...DURATION_INTERVALS.map((i): [string, Coverage] => [`time.repliesToResolve.${i}`, { notYet: INTERVALS }]),
  ["time.repliesToResolve.p.[].p", { echo: "the percentile asked for (a column name in SQL)" }],
  ["sla", { sql: "slaCompliance" }],
  ["sla.policy", { echo: "the policy's name (an option)" }],
  ["sla.interval", { notYet: INTERVALS }],
  ["sla.byMetric.*.interval", { notYet: INTERVALS }],
  ["sla.byChannel", { sql: "slaByChannel" }],
  ["sla.byChannel.[].interval", { notYet: INTERVALS }],
  ["reopens", { sql: "reopenRate" }],
  ["reopens.interval", { notYet: INTERVALS }],
  ["ratings", { sql: "ticketRatings" }],
  ["ratings.csat.interval", { notYet: INTERVALS }],
  ["survey.nps", { sql: "nps" }],
  ["survey.nps.interval", { notYet: INTERVALS }],
  ["survey.csat", { sql: "csat" }],
  ["survey.csat.interval", { notYet: INTERVALS }],
  ["survey.ces", { sql: "ces" }],
  ["survey.responses", { notYet: "responses in scope: a count of survey_responses, no query of its own" }],
  ["survey.csatSource", { echo: "which CSAT the report chose (warehouse.md, known differences: one query per source)" }],
  ["volume", { notYet: "volume beyond created / resolved per day (messages, active, backlog, range, totals; hour, week, month buckets)" }],
  ["volume.buckets.[].created", { sql: "volumeByDay" }],
  ["volume.buckets.[].resolved", { sql: "volumeByDay" }],
  ["volume.buckets.[].label", { sql: "volumeByDay" }],
  ["volume.statuses", { notYet: "statuses over time (reads `events`): issue 18 order, step 7" }],
  ["peaks", { notYet: "peak hours (day-of-week × hour in the report's zone): issue 18 order, step 4" }],
  ["types", { notYet: "new types and type change need --compare-to: issue 18 order, step 7 (the comparison)" }],
  ["types.shares", { sql: "typeShares" }],
  ["types.mostCommon", { sql: "typeShares" }],
  ["customers", { notYet: "customer value (--value-per-customer) and retention cohorts: issue 18 order, step 7" }],
  ["leaderboard", { notYet: "the leaderboard (ranking, shrinkage, standardisation, rank certainty): issue 18 order, step 7" }],
  ["segments", { notYet: "per-segment figures (--by), a GROUP BY over the same definitions: issue 18 order, step 3" }],
  ["comparison", { notYet: "the comparison period (--compare-to) and its significance tests: issue 18 order, step 7" }],
  ["contacts", { notYet: "customers and repeat contacts (issue 17 item 8): not in SQL yet (the bench's DuckDB query computes them)" }],
  ["responders", { notYet: "per-responder figures from the messages' author ids (issue 17 item 5): not in SQL yet" }],
  ["bots", { notYet: "bot resolution and handoff rates from the messages (issue 17 item 6): not in SQL yet" }],
  ["skipped", { notYet: "the skip counts of metrics without an SQL form" }],
  ["skipped.resolutionRate", { sql: "resolutionRate" }],
  ["skipped.backlog", { sql: "backlog" }],
  ["skipped.firstResponse", { sql: "firstResponseTime" }],
  ["skipped.responses", { sql: "responseTimes" }],
  ["skipped.resolutionFirst", { sql: "firstResolutionTime" }],
  ["skipped.resolutionFinal", { sql: "resolutionTime" }],
  ["skipped.assignment", { sql: "assignmentTime" }],
  ["skipped.oneTouch", { sql: "oneTouch" }],
  ["skipped.repliesToResolve", { sql: "repliesToResolve" }],
  ["skipped.requesterWait", { sql: "requesterWaitTime" }],
  ["skipped.sla", { sql: "slaCompliance" }],
  ["skipped.tickets", { echo: "the reader's and the period's exclusions (the query's WHERE)" }],
  ["skipped.surveyResponses", { echo: "the reader's and the period's exclusions (the query's WHERE)" }],
];

/** The entry classifying `path` (segments joined by `.`, arrays as `[]`): the matching pattern with the most segments. */
export function classify(path: string): { readonly pattern: string; readonly coverage: Coverage } | undefined {
  const parts = path.split(".");
  let best: { pattern: string; coverage: Coverage; n: number } | undefined;
  for (const [pattern, coverage] of REPORT_COVERAGE) {
    const p = pattern.split(".");
    if (p.length > parts.length || !p.every((seg, i) => seg === "*" || seg === parts[i])) continue;
    if (best === undefined || p.length > best.n) best = { pattern, coverage, n: p.length };
  }
  return best === undefined ? undefined : { pattern: best.pattern, coverage: best.coverage };
}
