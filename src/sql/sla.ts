/**
 * The SQL form of SLA compliance (slaComplianceAccumulator, `evaluateTicket` of
 * src/metrics/sla/_evaluate.ts): each ticket in scope created by `asOf` is judged on the
 * policy's most specific target of each metric (first response, every next response, the final
 * resolution), with the events seen by `asOf`; a check is achieved when its stop came by the due
 * time, breached when it came later or is still missing past it, running otherwise. Business
 * targets fall due by the opening intervals of `schedule_intervals`.
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import { compilePolicy, specificity, SLA_METRICS, type MatchedSlaTarget } from "../metrics/sla/policy.ts";
import type { SlaMetric, SlaPolicy } from "../models/sla.ts";
import { conversationCtes, countIf, helpdesk, query, ratio, RESOLVED_LIST, ticketCtes, type SqlContext } from "./context.ts";
import { quote } from "./dialect.ts";
import { turnCtes } from "./time.ts";

/** The reasons a metric is not judged, as `SLA_SKIPS` of _evaluate.ts (test/sql/sla.test.ts holds them equal: a `_` file of another folder). */
export const SQL_SLA_SKIPS = ["noTarget", "noCustomerMessage", "noMessages", "noFollowUp", "noSolveTime"] as const;

/** The SLA anomalies (those of the first response and final resolution events). */
const SLA_ANOMALIES = ["finalSolveBeforeFirstSolve", "responseBeforeCreated", "solvedBeforeCreated"] as const;

const snake = (name: string): string => name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);

/**
 * The policy's targets, compiled by `compilePolicy` (`E_SLA_TARGET`, `E_SLA_SCHEDULE`). A
 * business target is measured on the one table `schedule_intervals`: a target with a schedule of
 * its own is refused (`E_OPTION_VALUE`). @internal
 */
export function slaTargets(fn: string, policy: SlaPolicy, hasSchedule: boolean): readonly MatchedSlaTarget[] {
  const withSchedule = hasSchedule && policy.schedule === undefined ? { ...policy, schedule: { timeZone: "UTC", weekly: {} } } : policy;
  const targets = compilePolicy(fn, withSchedule);
  for (const t of targets) {
    if (t.target.schedule !== undefined) {
      throw new MetricRangeError(
        "E_OPTION_VALUE",
        `${fn}: policy.targets[${String(t.index)}].schedule must be absent (business targets read the one table schedule_intervals), got a schedule`,
      );
    }
  }
  return targets;
}

/** The target of `metric` a ticket gets (`matchTarget`): the CASE of its targets, most specific first, the first among equals. */
function targetCase(targets: readonly MatchedSlaTarget[], metric: SlaMetric, then: (t: MatchedSlaTarget) => string): string {
  const mine = targets
    .filter((t) => t.target.metric === metric)
    .sort((a, b) => specificity(b.target) - specificity(a.target) || a.index - b.index);
  if (mine.length === 0) return "NULL";
  const when = mine.map((t) => {
    const conds = [
      ...(t.target.priority === undefined ? [] : [`priority = ${quote(t.target.priority)}`]),
      ...(t.target.channel === undefined ? [] : [`channel = ${quote(t.target.channel)}`]),
    ];
    return `WHEN ${conds.length === 0 ? "TRUE" : conds.join(" AND ")} THEN ${then(t)}`;
  });
  return `CASE ${when.join(" ")} END`;
}

/**
 * The checks (`sla_check`: ticket, channel, metric, turn, start, stop by `asOf`, the time allowed
 * `w`, business or not) and the per-(ticket, metric) skips and anomalies (`sla_skip`), then each
 * check's due time and status (`sla_status`).
 */
function slaCtes(c: SqlContext, targets: readonly MatchedSlaTarget[]): string[] {
  const asOf = String(c.asOf);
  const cut = (ms: string): string => `CASE WHEN ${ms} <= ${asOf} THEN ${ms} END`;
  const target = (metric: SlaMetric): string => targetCase(targets, metric, (t) => String(t.index));
  // Whole milliseconds: `stop <= start + ms` is `stop - start <= floor(ms)` for whole instants; addBusinessTime rounds up.
  const allowed = (metric: SlaMetric): string =>
    targetCase(targets, metric, (t) => String(t.hours === "business" ? Math.ceil(t.ms) : Math.floor(t.ms)));
  const business = (metric: SlaMetric): string => targetCase(targets, metric, (t) => (t.hours === "business" ? "TRUE" : "FALSE"));
  const hd = helpdesk("firstReply");
  const full = helpdesk("fullResolution");
  // firstResponseEvents and resolutionEvents ("final") at the cutoff asOf, as outcomes: 'events' or 'skip:…' / 'anomaly:…'.
  const frOutcome =
    `CASE WHEN has_messages AND first_customer_ms IS NULL THEN 'skip:noCustomerMessage' WHEN has_messages THEN 'events' ` +
    `WHEN first_response_ms < created_ms THEN 'anomaly:responseBeforeCreated' ELSE 'events' END`;
  const frStart = `CASE WHEN has_messages AND outbound THEN first_customer_ms WHEN has_messages THEN request_start_ms ELSE created_ms END`;
  const frEnd =
    `CASE WHEN has_messages THEN turn_end_ms WHEN first_response_ms IS NULL AND ${hd} IS NOT NULL THEN ${cut(`created_ms + ${hd}`)} ` +
    `ELSE ${cut("first_response_ms")} END`;
  const solvedEnd = `CASE WHEN status IN ${RESOLVED_LIST} THEN solved_ms END`;
  const resOutcome =
    `CASE WHEN ${solvedEnd} IS NULL AND status IN ${RESOLVED_LIST} AND ${full} IS NULL THEN 'skip:noSolveTime' ` +
    `WHEN ${solvedEnd} IS NULL THEN 'events' WHEN solved_ms < request_start_ms THEN 'anomaly:solvedBeforeCreated' ` +
    `WHEN first_solved_ms IS NOT NULL AND solved_ms < first_solved_ms THEN 'anomaly:finalSolveBeforeFirstSolve' ELSE 'events' END`;
  const resStart = `CASE WHEN ${solvedEnd} IS NULL AND status IN ${RESOLVED_LIST} THEN created_ms ELSE request_start_ms END`;
  const resEnd = `CASE WHEN ${solvedEnd} IS NULL AND status IN ${RESOLVED_LIST} THEN ${cut(`created_ms + ${full}`)} ELSE ${cut(solvedEnd)} END`;
  const nrOutcome = `CASE WHEN NOT has_messages THEN 'skip:noMessages' WHEN first_customer_ms IS NULL THEN 'skip:noCustomerMessage' ELSE 'events' END`;
  const key = (metric: string, turn: string): string => `j.id || ':${metric}:' || CAST(${turn} AS ${c.d.type("text")})`;
  const checkCols = (metric: SlaMetric): string => `${allowed(metric)} AS w, ${business(metric)} AS business`;
  return [
    ...ticketCtes(c),
    ...conversationCtes(c, c.asOf),
    ...turnCtes(),
    `judged AS (SELECT *, CASE WHEN channel = '' THEN NULL ELSE channel END AS channel_key, ${target("firstResponse")} AS fr_target, ` +
      `${target("nextResponse")} AS nr_target, ${target("resolution")} AS res_target FROM conv WHERE created_ms <= ${asOf})`,
    `facts AS (SELECT j.*, CASE WHEN fr_target IS NULL THEN 'skip:noTarget' ELSE ${frOutcome} END AS fr_outcome, ` +
      `CASE WHEN nr_target IS NULL THEN 'skip:noTarget' ELSE ${nrOutcome} END AS nr_outcome, ` +
      `CASE WHEN res_target IS NULL THEN 'skip:noTarget' ELSE ${resOutcome} END AS res_outcome FROM judged j)`,
    `nr_turns AS (SELECT t.ticket_id, t.start_ms, t.end_ms, ROW_NUMBER() OVER (PARTITION BY t.ticket_id ORDER BY t.turn) - 1 AS n, ` +
      `COUNT(t.end_ms) OVER (PARTITION BY t.ticket_id) AS answered FROM rt_turn t)`,
    `sla_check AS (SELECT ${key("firstResponse", "0")} AS k, j.channel_key, 'firstResponse' AS metric, ${frStart} AS start_ms, ${frEnd} AS end_ms, ` +
      `${checkCols("firstResponse")} FROM facts j WHERE fr_outcome = 'events' ` +
      `UNION ALL SELECT ${key("nextResponse", "t.n")} AS k, j.channel_key, 'nextResponse' AS metric, t.start_ms, t.end_ms, ${checkCols("nextResponse")} ` +
      `FROM facts j JOIN nr_turns t ON t.ticket_id = j.id WHERE j.nr_outcome = 'events' AND (t.n >= 1 OR (t.end_ms IS NULL AND t.answered > 0)) ` +
      `UNION ALL SELECT ${key("resolution", "0")} AS k, j.channel_key, 'resolution' AS metric, ${resStart} AS start_ms, ${resEnd} AS end_ms, ` +
      `${checkCols("resolution")} FROM facts j WHERE res_outcome = 'events')`,
    `sla_skip AS (SELECT fr_outcome AS outcome FROM facts UNION ALL SELECT CASE WHEN nr_outcome = 'events' AND ` +
      `(SELECT COUNT(*) FROM nr_turns t WHERE t.ticket_id = facts.id AND t.end_ms IS NOT NULL) <= 1 AND NOT EXISTS ` +
      `(SELECT 1 FROM nr_turns t WHERE t.ticket_id = facts.id AND t.end_ms IS NULL AND t.answered > 0) THEN 'skip:noFollowUp' ELSE nr_outcome END ` +
      `FROM facts UNION ALL SELECT res_outcome FROM facts)`,
    ...dueCtes(c),
    `sla_status AS (SELECT k.channel_key, k.metric, CASE WHEN k.end_ms IS NOT NULL AND k.end_ms <= d.due_ms THEN 'achieved' ` +
      `WHEN k.end_ms IS NOT NULL OR ${asOf} > d.due_ms THEN 'breached' ELSE 'running' END AS status FROM sla_check k JOIN sla_due d ON d.k = k.k)`,
  ];
}

/**
 * The due time of each check (`advance`): calendar, `start + w`; business, the instant by which
 * `w` of open time has passed since the start (`addBusinessTime`: at the end of an interval when
 * it runs out exactly there; the start itself for 0), from the running total of open time.
 */
function dueCtes(c: SqlContext): string[] {
  return [
    `sla_open AS (SELECT ${c.d.epochMs("opens_at")} AS opens_ms, ${c.d.epochMs("closes_at")} AS closes_ms FROM ${c.table("schedule_intervals")})`,
    `sla_cum AS (SELECT opens_ms, closes_ms, SUM(closes_ms - opens_ms) OVER (ORDER BY opens_ms ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum_end FROM sla_open)`,
    `sla_goal AS (SELECT k.k, COALESCE(MAX(o.cum_end - GREATEST(o.closes_ms - k.start_ms, 0)), 0) + k.w AS goal FROM sla_check k ` +
      `LEFT JOIN sla_cum o ON o.opens_ms < k.start_ms WHERE k.business AND k.w > 0 GROUP BY k.k, k.w)`,
    `sla_due AS (SELECT k, start_ms + w AS due_ms FROM sla_check WHERE NOT business OR w = 0 ` +
      `UNION ALL SELECT g.k, o.closes_ms - (o.cum_end - g.goal) AS due_ms FROM sla_goal g JOIN sla_cum o ` +
      `ON o.cum_end - (o.closes_ms - o.opens_ms) < g.goal AND o.cum_end >= g.goal)`,
  ];
}

/** The tally columns (`compliance`, `achieved`, `breached`, `running`) of the rows of `sla_status` where `cond` holds, named with `prefix`. */
function tally(c: SqlContext, cond: string, prefix: string): string {
  const achieved = countIf(`${cond} AND status = 'achieved'`);
  const breached = countIf(`${cond} AND status = 'breached'`);
  return (
    `${ratio(c, achieved, `(${achieved} + ${breached})`)} AS ${prefix}compliance, ${achieved} AS ${prefix}achieved, ` +
    `${breached} AS ${prefix}breached, ${countIf(`${cond} AND status = 'running'`)} AS ${prefix}running`
  );
}

/** slaComplianceAccumulator: the tallies of every check and per metric, breaches, skips (notCreated counts tickets) and anomalies. */
export function slaComplianceSql(c: SqlContext, policy: SlaPolicy): string {
  const targets = slaTargets("metricSql", policy, c.businessHours);
  const perMetric = SLA_METRICS.map((m) => tally(c, `metric = '${m}'`, `${snake(m)}_`));
  const skips = SQL_SLA_SKIPS.map((r) => `(SELECT ${countIf(`outcome = 'skip:${r}'`)} FROM sla_skip) AS skipped_${snake(r)}`);
  const anomalies = SLA_ANOMALIES.map((r) => `(SELECT ${countIf(`outcome = 'anomaly:${r}'`)} FROM sla_skip) AS anomaly_${snake(r)}`);
  return query(
    slaCtes(c, targets),
    `SELECT ${tally(c, "TRUE", "")}, ${perMetric.join(", ")}, ${countIf("status = 'breached'")} AS breaches, ` +
      `(SELECT ${countIf(`created_ms > ${String(c.asOf)}`)} FROM scope) AS skipped_not_created, ${[...skips, ...anomalies].join(", ")} FROM sla_status`,
  );
}

/** The tallies per ticket channel (NULL: without one; the report's `"(none)"`), of the channels with a check, most checks first. */
export function slaByChannelSql(c: SqlContext, policy: SlaPolicy): string {
  const targets = slaTargets("metricSql", policy, c.businessHours);
  return query(
    slaCtes(c, targets),
    `SELECT channel_key AS channel, ${tally(c, "TRUE", "")} FROM sla_status GROUP BY channel_key ORDER BY COUNT(*) DESC, ${c.d.binaryOrder("channel_key")}`,
  );
}
