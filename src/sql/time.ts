/**
 * The SQL forms of the time area's calendar duration summaries: first response time and
 * resolution time (final and first solve). Each ticket gets an outcome (measured from messages,
 * fields or the helpdesk's exported duration; skipped or an anomaly, by reason) by the rules of
 * src/metrics/time/events.ts, then the measured durations are summarised as
 * `summarizeDurations` does (count, exact total, mean kept in [min, max], R-7 median and
 * percentiles, min, max).
 *
 * @internal
 * @module
 */
import { isResolvedStatus, TICKET_STATUSES } from "../models/ticket.ts";
import { quote } from "./dialect.ts";
import { conversationCtes, countIf, helpdesk, percentileColumn, query, ratio, ticketCtes, type SqlContext } from "./context.ts";

export { percentileColumn };

const MEASURED = "('messages', 'fields', 'helpdesk')";

/** The skip and anomaly reasons of each duration metric, as the report names them. */
const OUTCOMES = {
  firstResponse: { skipped: ["noCustomerMessage", "unanswered"], anomalies: ["responseBeforeCreated"] },
  resolution: { skipped: ["noSolveTime", "unresolved"], anomalies: ["finalSolveBeforeFirstSolve", "solvedBeforeCreated"] },
  assignment: { skipped: ["unassigned"], anomalies: ["assignedBeforeCreated"] },
  replies: { skipped: ["noReplyData", "unresolved"], anomalies: [] },
  responses: { skipped: ["noCustomerMessage", "noMessages", "unanswered"], anomalies: [] },
  requesterWait: { skipped: ["noSolveTime", "noStatusHistory", "unresolved"], anomalies: ["solvedBeforeCreated", "statusBeforeCreated"] },
} as const;

/** `camelCase` → `camel_case`. */
const snake = (name: string): string => name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);

/** The business time of each measured duration: its intersections with the schedule's opening intervals, 0 without any. */
function businessCtes(c: SqlContext): string[] {
  return [
    `opening AS (SELECT ${c.d.epochMs("opens_at")} AS opens_ms, ${c.d.epochMs("closes_at")} AS closes_ms FROM ${c.table("schedule_intervals")})`,
    `overlap AS (SELECT m.id, SUM(LEAST(m.start_ms + m.v, i.closes_ms) - GREATEST(m.start_ms, i.opens_ms)) AS b FROM measured m ` +
      `JOIN opening i ON i.opens_ms < m.start_ms + m.v AND i.closes_ms > m.start_ms GROUP BY m.id)`,
    `business AS (SELECT COALESCE(o.b, 0) AS v FROM measured m LEFT JOIN overlap o ON o.id = m.id)`,
  ];
}

/** The summary columns of relation `from` (column `v`), named with `prefix`: count, total, mean in [min, max], quantiles, min, max. */
function stats(c: SqlContext, from: string, prefix: string): string {
  const one = (expr: string, name: string): string => `(SELECT ${expr} FROM ${from}) AS ${prefix}${name}`;
  const mean = `CASE WHEN COUNT(v) = 0 THEN NULL ELSE LEAST(GREATEST(${c.d.double("SUM(v)")} / COUNT(v), MIN(v)), MAX(v)) END`;
  const quantiles = [0.5, ...c.percentiles].map(
    (p, i) => `${c.d.quantile(from, "v", p)} AS ${prefix}${i === 0 ? "median" : percentileColumn(p)}`,
  );
  return [
    one("COUNT(v)", "count"),
    one("SUM(v)", "total"),
    one(mean, "mean"),
    ...quantiles,
    one("MIN(v)", "min"),
    one("MAX(v)", "max"),
  ].join(", ");
}

/**
 * The summary of relation `outcomes` (`id`, `outcome`, `start_ms`, `v`): one row of figures, the
 * calendar ones, with `businessHours` the same figures in business time (`business_count`, …),
 * of the durations `[start, start + v)` or, given `ownBusiness`, of its CTEs' `business` (`v`).
 */
function summary(c: SqlContext, ctes: string[], kind: keyof typeof OUTCOMES, ownBusiness?: string[]): string {
  const all = [
    ...ctes,
    `measured AS (SELECT id, start_ms, v FROM outcomes WHERE outcome IN ${MEASURED})`,
    ...(c.businessHours ? (ownBusiness ?? businessCtes(c)) : []),
  ];
  const reasons = [
    ...OUTCOMES[kind].skipped.map((r) => `${countIf(`outcome = 'skipped:${r}'`)} AS skipped_${snake(r)}`),
    ...OUTCOMES[kind].anomalies.map((r) => `${countIf(`outcome = 'anomaly:${r}'`)} AS anomaly_${snake(r)}`),
  ];
  const figures = [stats(c, "measured", ""), ...(c.businessHours ? [stats(c, "business", "business_")] : [])];
  return query(
    all,
    `SELECT ${figures.join(", ")}, ${countIf("outcome = 'messages'")} AS source_messages, ${countIf("outcome = 'fields'")} AS source_fields, ` +
      `${countIf("outcome = 'helpdesk'")} AS source_helpdesk, ${reasons.join(", ")} FROM outcomes`,
  );
}

/**
 * firstResponseTimeAccumulator, calendar time (`firstResponseEvents`): with messages, no
 * customer message is skipped, else from the first customer message (an outbound ticket) or the
 * request start to the first public agent reply after it (none: unanswered); without messages, a
 * `firstResponseAt` before `createdAt` is an anomaly, none falls back on the helpdesk's
 * `firstReply`, else unanswered.
 */
export function firstResponseTimeSql(c: SqlContext): string {
  const hd = helpdesk("firstReply");
  const outcome =
    `CASE WHEN has_messages AND first_customer_ms IS NULL THEN 'skipped:noCustomerMessage' WHEN has_messages AND turn_end_ms IS NULL THEN 'skipped:unanswered' ` +
    `WHEN has_messages THEN 'messages' WHEN first_response_ms < created_ms THEN 'anomaly:responseBeforeCreated' ` +
    `WHEN first_response_ms IS NULL AND ${hd} IS NOT NULL THEN 'helpdesk' WHEN first_response_ms IS NULL THEN 'skipped:unanswered' ELSE 'fields' END`;
  const v =
    `CASE WHEN has_messages THEN turn_end_ms - CASE WHEN outbound THEN first_customer_ms ELSE request_start_ms END ` +
    `WHEN first_response_ms IS NULL THEN ${hd} ELSE first_response_ms - created_ms END`;
  const start = `CASE WHEN has_messages AND outbound THEN first_customer_ms WHEN has_messages THEN request_start_ms ELSE created_ms END`;
  const outcomes = `outcomes AS (SELECT id, ${outcome} AS outcome, ${start} AS start_ms, ${v} AS v FROM conv)`;
  return summary(c, [...ticketCtes(c), ...conversationCtes(c), outcomes], "firstResponse");
}

/**
 * resolutionTimeAccumulator, calendar time (`resolutionEvents`), to the final solve (`until`
 * `"final"`, the default) or the first: from the request start to `solvedAt` of a resolved ticket
 * (first: `firstSolvedAt`, else `solvedAt` of a resolved ticket never reopened); without it the
 * helpdesk's `fullResolution` (first: `firstResolution`, else `fullResolution` of a resolved ticket
 * never reopened) from `createdAt`; else a resolved ticket is skipped (`noSolveTime`), another
 * unresolved. An end before the start and a `solvedAt` before `firstSolvedAt` are anomalies.
 */
export function resolutionTimeSql(c: SqlContext, until: "first" | "final"): string {
  const once = "resolved AND COALESCE(reopens, 0) = 0";
  const full = helpdesk("fullResolution");
  const end =
    until === "final" ? "CASE WHEN resolved THEN solved_ms END" : `COALESCE(first_solved_ms, CASE WHEN ${once} THEN solved_ms END)`;
  const exported =
    until === "final"
      ? `CASE WHEN resolved THEN ${full} END`
      : `COALESCE(${helpdesk("firstResolution")}, CASE WHEN ${once} THEN ${full} END)`;
  const outcome =
    `CASE WHEN end_ms IS NULL AND exported IS NOT NULL THEN 'helpdesk' WHEN end_ms IS NULL AND resolved THEN 'skipped:noSolveTime' ` +
    `WHEN end_ms IS NULL THEN 'skipped:unresolved' WHEN end_ms < request_start_ms THEN 'anomaly:solvedBeforeCreated' ` +
    `WHEN first_solved_ms IS NOT NULL AND solved_ms IS NOT NULL AND solved_ms < first_solved_ms THEN 'anomaly:finalSolveBeforeFirstSolve' ` +
    `WHEN has_messages THEN 'messages' ELSE 'fields' END`;
  const ctes = [
    ...ticketCtes(c),
    ...conversationCtes(c),
    `ends AS (SELECT conv.*, ${end} AS end_ms, ${exported} AS exported FROM conv)`,
    `outcomes AS (SELECT id, ${outcome} AS outcome, CASE WHEN end_ms IS NULL THEN created_ms ELSE request_start_ms END AS start_ms, ` +
      `CASE WHEN end_ms IS NULL THEN exported ELSE end_ms - request_start_ms END AS v FROM ends)`,
  ];
  return summary(c, ctes, "resolution");
}

/**
 * assignmentTimeAccumulator, calendar time (`measureAssignment`): from `createdAt` to
 * `assignedAt`; one before `createdAt` is an anomaly; without it the helpdesk's `assignment`
 * duration, else skipped (`unassigned`).
 */
export function assignmentTimeSql(c: SqlContext): string {
  const hd = helpdesk("assignment");
  const outcome =
    `CASE WHEN assigned_ms < created_ms THEN 'anomaly:assignedBeforeCreated' WHEN assigned_ms IS NOT NULL THEN 'fields' ` +
    `WHEN ${hd} IS NOT NULL THEN 'helpdesk' ELSE 'skipped:unassigned' END`;
  const v = `CASE WHEN assigned_ms IS NULL THEN ${hd} ELSE assigned_ms - created_ms END`;
  return summary(
    c,
    [...ticketCtes(c), `outcomes AS (SELECT id, ${outcome} AS outcome, created_ms AS start_ms, ${v} AS v FROM scope)`],
    "assignment",
  );
}

/**
 * The reply count of each resolved ticket (`replyCount` of _replies.ts): with messages, the
 * public agent replies sent at or before `solvedAt` (all of them without it); else the `replies`
 * field; else skipped (`noReplyData`); an unresolved ticket is skipped (`unresolved`).
 */
function replyCtes(c: SqlContext): string[] {
  const outcome = `CASE WHEN NOT resolved THEN 'skipped:unresolved' WHEN has_messages THEN 'messages' WHEN replies IS NOT NULL THEN 'fields' ELSE 'skipped:noReplyData' END`;
  return [
    ...ticketCtes(c),
    ...conversationCtes(c),
    `reply_counts AS (SELECT s.id, COUNT(*) AS n FROM scope s JOIN msg m ON m.ticket_id = s.id AND m.author = 'agent' ` +
      `AND (s.solved_ms IS NULL OR m.at_ms <= s.solved_ms) GROUP BY s.id)`,
    `outcomes AS (SELECT v.id, ${outcome} AS outcome, 0 AS start_ms, CASE WHEN has_messages THEN COALESCE(r.n, 0) ELSE replies END AS v ` +
      `FROM conv v LEFT JOIN reply_counts r ON r.id = v.id)`,
  ];
}

/** repliesToResolveAccumulator: the summary of the resolved tickets' reply counts (counts, not milliseconds; no business time). */
export function repliesToResolveSql(c: SqlContext): string {
  return summary({ ...c, businessHours: false }, replyCtes(c), "replies");
}

/** oneTouchAccumulator: of the resolved tickets with a reply count, those with exactly one (`one_touch`) and none (`zero_touch`). */
export function oneTouchSql(c: SqlContext): string {
  const counted = countIf(`outcome IN ${MEASURED}`);
  const one = countIf(`outcome IN ${MEASURED} AND v = 1`);
  return query(
    replyCtes(c),
    `SELECT ${ratio(c, one, counted)} AS share, ${one} AS one_touch, ${countIf(`outcome IN ${MEASURED} AND v = 0`)} AS zero_touch, ` +
      `${counted} AS resolved, ${countIf("outcome = 'skipped:noReplyData'")} AS skipped_no_reply_data, ` +
      `${countIf("outcome = 'skipped:unresolved'")} AS skipped_unresolved FROM outcomes`,
  );
}

/**
 * responseTimesAccumulator (`customerTurns` of conversation.ts): over the counted messages in
 * time order (ties by `seq`), each run of customer messages is a turn from its first message to
 * the next public agent reply. `turn` numbers the agent replies before a message, so a run of
 * customer messages and the reply that ends it share it. One value per answered turn (source
 * messages); per ticket, no messages at all is skipped `noMessages`, a turn still waiting
 * `unanswered` (its answered turns count), no turn `noCustomerMessage`.
 */
export function responseTimesSql(c: SqlContext): string {
  const flag =
    `CASE WHEN NOT v.has_messages THEN 'skipped:noMessages' WHEN EXISTS (SELECT 1 FROM rt_turn t WHERE t.ticket_id = v.id AND t.end_ms IS NULL) ` +
    `THEN 'skipped:unanswered' WHEN NOT EXISTS (SELECT 1 FROM rt_turn t WHERE t.ticket_id = v.id) THEN 'skipped:noCustomerMessage' END`;
  const ctes = [
    ...ticketCtes(c),
    ...conversationCtes(c),
    ...turnCtes(),
    `outcomes AS (SELECT v.id || '#' || CAST(t.turn AS ${c.d.type("text")}) AS id, 'messages' AS outcome, t.start_ms, t.end_ms - t.start_ms AS v ` +
      `FROM conv v JOIN rt_turn t ON t.ticket_id = v.id WHERE t.end_ms IS NOT NULL ` +
      `UNION ALL SELECT v.id, ${flag} AS outcome, NULL AS start_ms, NULL AS v FROM conv v)`,
  ];
  return summary(c, ctes, "responses");
}

/**
 * The customer turns of the conversations of `msg` (`readConversation`'s scan): `rt_turn` has
 * one row per run of customer messages, `turn` the number of agent replies before it (0, 1, …
 * in time order), `start_ms` its first message and `end_ms` the reply that ended it (NULL: the
 * turn still waits). A run and the reply that ends it share `turn`. @internal
 */
export function turnCtes(): string[] {
  // The agent replies up to this message, less this one (`seq` is unique per ticket, so the frame is exact).
  const agent = "CASE WHEN author = 'agent' THEN 1 ELSE 0 END";
  const agentsBefore = `SUM(${agent}) OVER (PARTITION BY ticket_id ORDER BY at_ms, seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - ${agent}`;
  return [
    `rt_msg AS (SELECT ticket_id, author, at_ms, ${agentsBefore} AS turn FROM msg)`,
    `rt_turn AS (SELECT s.ticket_id, s.turn, s.start_ms, r.at_ms AS end_ms FROM (SELECT ticket_id, turn, MIN(at_ms) AS start_ms FROM rt_msg ` +
      `WHERE author = 'customer' GROUP BY ticket_id, turn) s LEFT JOIN rt_msg r ON r.ticket_id = s.ticket_id AND r.turn = s.turn AND r.author = 'agent')`,
  ];
}

/** The statuses a requester does not wait in (`requesterWaitTime`'s default `exclude`, and the resolved ones). */
const NOT_WAITING = `(${["pending", "on_hold", ...TICKET_STATUSES.filter(isResolvedStatus)].map(quote).join(", ")})`;

/**
 * requesterWaitTimeAccumulator (`measureRequesterWait`): a ticket not resolved is skipped
 * (`unresolved`); without `solvedAt` or without status history the helpdesk's `requesterWait`
 * stands in; else no `solvedAt` is skipped (`noSolveTime`), a solve before the creation and a
 * status change before it are anomalies, no history is skipped (`noStatusHistory`); otherwise the
 * time from `createdAt` to `solvedAt` spent in a status other than pending, on hold, solved or
 * closed (the status before the first change is `new`; changes in time order, ties by `seq`,
 * those after the solve ignored). In business time each waiting stretch is intersected with the
 * opening intervals, and the helpdesk's figure is its `requesterWaitBusiness` (none: the ticket is
 * in the calendar summary only, as in the report).
 */
export function requesterWaitTimeSql(c: SqlContext): string {
  const hd = helpdesk("requesterWait");
  const over = "OVER (PARTITION BY ticket_id ORDER BY changed_ms, seq)";
  const outcome =
    `CASE WHEN NOT resolved THEN 'skipped:unresolved' WHEN (solved_ms IS NULL OR NOT has_history) AND ${hd} IS NOT NULL THEN 'helpdesk' ` +
    `WHEN solved_ms IS NULL THEN 'skipped:noSolveTime' WHEN solved_ms < created_ms THEN 'anomaly:solvedBeforeCreated' ` +
    `WHEN NOT has_history THEN 'skipped:noStatusHistory' WHEN first_change_ms < created_ms THEN 'anomaly:statusBeforeCreated' ELSE 'fields' END`;
  const ctes = [
    ...ticketCtes(c),
    `rw_all AS (SELECT ticket_id, seq, ${c.d.epochMs("changed_at")} AS changed_ms, status FROM ${c.table("events")})`,
    `rw_ticket AS (SELECT s.*, h.ticket_id IS NOT NULL AS has_history, h.first_ms AS first_change_ms FROM scope s ` +
      `LEFT JOIN (SELECT ticket_id, MIN(changed_ms) AS first_ms FROM rw_all GROUP BY ticket_id) h ON h.ticket_id = s.id)`,
    `rw_ev AS (SELECT e.ticket_id, e.seq, e.changed_ms, e.status, s.created_ms, s.solved_ms FROM rw_all e JOIN scope s ON s.id = e.ticket_id ` +
      `WHERE e.changed_ms <= s.solved_ms)`,
    `rw_last AS (SELECT ticket_id, changed_ms, status FROM (SELECT ticket_id, changed_ms, status, ROW_NUMBER() OVER (PARTITION BY ticket_id ` +
      `ORDER BY changed_ms DESC, seq DESC) AS rn FROM rw_ev) x WHERE rn = 1)`,
    `rw_seg AS (SELECT ticket_id, COALESCE(LAG(changed_ms) ${over}, created_ms) AS from_ms, changed_ms AS to_ms, COALESCE(LAG(status) ${over}, 'new') AS status FROM rw_ev ` +
      `UNION ALL SELECT s.id, COALESCE(l.changed_ms, s.created_ms), s.solved_ms, COALESCE(l.status, 'new') FROM scope s ` +
      `LEFT JOIN rw_last l ON l.ticket_id = s.id WHERE s.solved_ms IS NOT NULL)`,
    `rw_wait AS (SELECT ticket_id, from_ms, to_ms FROM rw_seg WHERE status NOT IN ${NOT_WAITING})`,
    `rw_sum AS (SELECT ticket_id, SUM(to_ms - from_ms) AS v FROM rw_wait GROUP BY ticket_id)`,
    `outcomes AS (SELECT t.id, ${outcome} AS outcome, t.created_ms AS start_ms, ` +
      `CASE WHEN (t.solved_ms IS NULL OR NOT has_history) AND ${hd} IS NOT NULL THEN ${hd} ELSE COALESCE(w.v, 0) END AS v, ` +
      `${helpdesk("requesterWaitBusiness")} AS hd_business FROM rw_ticket t LEFT JOIN rw_sum w ON w.ticket_id = t.id)`,
  ];
  const business = [
    `opening AS (SELECT ${c.d.epochMs("opens_at")} AS opens_ms, ${c.d.epochMs("closes_at")} AS closes_ms FROM ${c.table("schedule_intervals")})`,
    `rw_open AS (SELECT g.ticket_id, SUM(LEAST(g.to_ms, i.closes_ms) - GREATEST(g.from_ms, i.opens_ms)) AS b FROM rw_wait g ` +
      `JOIN opening i ON i.opens_ms < g.to_ms AND i.closes_ms > g.from_ms GROUP BY g.ticket_id)`,
    `business AS (SELECT CASE WHEN o.outcome = 'helpdesk' THEN o.hd_business ELSE COALESCE(b.b, 0) END AS v FROM outcomes o ` +
      `LEFT JOIN rw_open b ON b.ticket_id = o.id WHERE o.outcome IN ${MEASURED} AND (o.outcome <> 'helpdesk' OR o.hd_business IS NOT NULL))`,
  ];
  return summary(c, ctes, "requesterWait", business);
}
