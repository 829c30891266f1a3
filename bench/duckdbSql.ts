/**
 * The SQL of the DuckDB comparison (bench/duckdb.ts): what a data team would run on the
 * benchmark's CSV export instead of `cx-metrics report`.
 *
 * - {@link basicKpiSql}: one query straight over `read_csv`: the ticket count, the count of each
 *   status, and the count and mean (in seconds) of the first response and resolution times;
 * - {@link sameSetSql}: the figures of the command's default report that SQL computes (see
 *   {@link NOT_COMPUTED} in bench/duckdbFigures.ts for the rest): the file is loaded once into a
 *   table, then one statement per section. Every statement yields figures named by their path
 *   in the report's JSON (`counts.statuses.open`, `volume.buckets[label=2026-01-01].created`),
 *   either as one wide row (a column per figure) or as `key, value` rows. A figure named
 *   `bench.…` is not the report's: it tells the bench something (how many values the
 *   leaderboard's per-agent summaries keep) and is not compared.
 *
 * The rules are the documented ones (docs/guide/definitions.md, docs/guide/report.md), for an
 * export without messages or status history: first response `first_response_at − created_at`
 * (a reply before creation is an anomaly, not a duration); final resolution `solved_at −
 * created_at` of tickets solved or closed now; R-7 percentiles (`quantile_cont`). Day buckets
 * and weekday-hours are taken in UTC (`epoch_ms` arithmetic), as the bench runs the command with
 * `--timezone UTC`; any other zone needs `AT TIME ZONE` and is not what the bench measures.
 */

/** A generic-preset export's columns and their DuckDB types (every column given, none sniffed). */
const COLUMNS =
  "{'id': 'VARCHAR', 'created_at': 'TIMESTAMPTZ', 'status': 'VARCHAR', 'channel': 'VARCHAR', 'type': 'VARCHAR', " +
  "'priority': 'VARCHAR', 'assignee': 'VARCHAR', 'group': 'VARCHAR', 'requester_id': 'VARCHAR', 'assigned_at': 'TIMESTAMPTZ', " +
  "'first_response_at': 'TIMESTAMPTZ', 'first_solved_at': 'TIMESTAMPTZ', 'solved_at': 'TIMESTAMPTZ', 'closed_at': 'TIMESTAMPTZ', " +
  "'reopens': 'BIGINT', 'replies': 'BIGINT', 'satisfaction': 'VARCHAR', 'tags': 'VARCHAR'}";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** `read_csv` of `file` with the export's header and column types. */
function readCsv(file: string): string {
  return `read_csv('${file.replaceAll("'", "''")}', header = true, delim = ',', quote = '"', columns = ${COLUMNS})`;
}

/**
 * The basic KPI query: ticket count, count per status, and first response and (final)
 * resolution: count and mean in seconds, in one pass over `read_csv`.
 *
 * @param file - The CSV export.
 * @returns One SQL statement yielding one wide row whose columns are named by report paths
 *   (the two means in seconds, as the issue states them: `*.meanSeconds`).
 */
export function basicKpiSql(file: string): string {
  const status = (name: string, label: string): string => `count(*) FILTER (WHERE status = '${label}') AS "counts.statuses.${name}"`;
  const frt = "epoch_ms(first_response_at) - epoch_ms(created_at)";
  const res = "epoch_ms(solved_at) - epoch_ms(created_at)";
  const answered = "first_response_at >= created_at";
  const resolved =
    "status IN ('Solved', 'Closed') AND solved_at >= created_at AND (first_solved_at IS NULL OR solved_at >= first_solved_at)";
  return `SELECT count(*) AS "counts.statuses.total", ${[
    ["new", "New"],
    ["open", "Open"],
    ["pending", "Pending"],
    ["on_hold", "On-hold"],
    ["solved", "Solved"],
    ["closed", "Closed"],
  ]
    .map(([name, label]) => status(name as string, label as string))
    .join(", ")},
  count(*) FILTER (WHERE ${answered}) AS "time.firstResponse.calendar.count",
  avg(${frt}) FILTER (WHERE ${answered}) / 1000 AS "time.firstResponse.calendar.meanSeconds",
  count(*) FILTER (WHERE ${resolved}) AS "time.resolutionFinal.calendar.count",
  avg(${res}) FILTER (WHERE ${resolved}) / 1000 AS "time.resolutionFinal.calendar.meanSeconds"
FROM ${readCsv(file)}`;
}

/** The count, total, mean, median, p90, p95, min and max of a duration column, as the report's summary `path`. */
function summary(column: string, path: string): string {
  return [
    `count(${column}) AS "${path}.count"`,
    `sum(${column})::DOUBLE AS "${path}.total"`,
    `avg(${column}) AS "${path}.mean"`,
    `quantile_cont(${column}, 0.5) AS "${path}.median"`,
    `quantile_cont(${column}, 0.9) AS "${path}.p[p=0.9].value"`,
    `quantile_cont(${column}, 0.95) AS "${path}.p[p=0.95].value"`,
    `min(${column}) AS "${path}.min"`,
    `max(${column}) AS "${path}.max"`,
  ].join(",\n  ");
}

/** The statuses of tickets resolved now. */
const DONE = "status IN ('solved', 'closed')";

/**
 * The statements computing the same KPI set as the command's default report (what SQL can),
 * judged at `asOf`, in order: load the file into table `t` with each ticket's derived
 * durations, then one statement per report section.
 *
 * @param file - The CSV export.
 * @param asOf - The report's `--as-of`.
 * @returns The statements; all but the first yield figures (see the module comment).
 */
export function sameSetSql(file: string, asOf: Date): string[] {
  const at = String(asOf.getTime());
  const load = `CREATE TABLE t AS
SELECT *,
  CASE WHEN responded >= created THEN responded - created END AS frt,
  CASE WHEN ${DONE} AND solved >= created AND (first_solved IS NULL OR solved >= first_solved) THEN solved - created END AS res_final,
  CASE WHEN first_solved IS NOT NULL THEN CASE WHEN first_solved >= created THEN first_solved - created END
       WHEN ${DONE} AND coalesce(reopens, 0) = 0 AND solved >= created THEN solved - created END AS res_first,
  CASE WHEN assigned >= created THEN assigned - created END AS asg,
  CASE WHEN ${DONE} THEN replies END AS replies_done,
  (solved IS NULL OR solved >= created) AS ordered
FROM (
  SELECT lower(replace(status, '-', '_')) AS status, nullif(channel, '') AS channel, nullif(type, '') AS type,
    nullif(assignee, '') AS assignee, epoch_ms(created_at) AS created, epoch_ms(assigned_at) AS assigned,
    epoch_ms(first_response_at) AS responded, epoch_ms(first_solved_at) AS first_solved, epoch_ms(solved_at) AS solved,
    reopens, replies, satisfaction, nullif(requester_id, '') AS requester
  FROM ${readCsv(file)}
)`;
  const statuses = ["new", "open", "pending", "on_hold", "solved", "closed"]
    .map((s) => `count(*) FILTER (WHERE status = '${s}') AS "counts.statuses.${s}"`)
    .join(",\n  ");
  const counts = `WITH b AS (
  SELECT avg(solved - created) AS threshold, count(*) AS averaged FROM t WHERE ordered AND created <= ${at} AND ${DONE} AND solved <= ${at}
)
SELECT count(*) AS "tickets", count(*) AS "input.tickets", count(*) AS "input.ticketsInScope",
  ${statuses},
  count(*) FILTER (WHERE NOT ${DONE} AND assignee IS NULL) AS "counts.statuses.unassigned",
  count(*) AS "counts.statuses.total",
  count(*) FILTER (WHERE ordered AND created < ${at}) AS "counts.resolutionRate.received",
  count(*) FILTER (WHERE ordered AND created < ${at} AND ${DONE} AND (solved IS NULL OR solved < ${at})) AS "counts.resolutionRate.resolved",
  count(*) FILTER (WHERE ordered AND created < ${at} AND NOT (${DONE} AND (solved IS NULL OR solved < ${at}))) AS "counts.resolutionRate.unresolved",
  count(*) FILTER (WHERE ordered AND created < ${at} AND ${DONE} AND solved IS NULL) AS "counts.resolutionRate.resolvedByStatusOnly",
  "counts.resolutionRate.resolved" / "counts.resolutionRate.received" AS "counts.resolutionRate.value",
  count(*) FILTER (WHERE ordered AND created <= ${at} AND NOT (${DONE} AND (solved IS NULL OR solved <= ${at})) AND ${at} - created > b.threshold) AS "counts.backlog.count",
  b.threshold AS "counts.backlog.threshold",
  b.averaged AS "counts.backlog.averagedResolutions",
  count(*) FILTER (WHERE ordered AND created <= ${at} AND NOT (${DONE} AND (solved IS NULL OR solved <= ${at}))) AS "counts.backlog.unresolved",
  count(*) FILTER (WHERE ordered AND created <= ${at} AND ${DONE} AND (solved IS NULL OR solved <= ${at})) AS "counts.backlog.resolved",
  count(*) FILTER (WHERE channel IS NULL) AS "counts.channelMix.withoutChannel.count",
  "counts.channelMix.withoutChannel.count" / count(*) AS "counts.channelMix.withoutChannel.share",
  count(*) FILTER (WHERE responded IS NULL) AS "skipped.firstResponse.unanswered",
  count(*) FILTER (WHERE NOT ${DONE}) AS "skipped.resolutionFinal.unresolved",
  count(*) FILTER (WHERE ${DONE} AND solved IS NULL) AS "skipped.resolutionFinal.noSolveTime",
  count(*) FILTER (WHERE assigned IS NULL) AS "skipped.assignment.unassigned",
  count(*) FILTER (WHERE created >= ${at}) AS "skipped.resolutionRate.createdAfterJudgedAt",
  count(*) FILTER (WHERE NOT ordered) AS "skipped.resolutionRate.solvedBeforeCreated",
  count(*) FILTER (WHERE created > ${at}) AS "skipped.backlog.createdAfterAsOf",
  count(*) FILTER (WHERE NOT ordered) AS "skipped.backlog.solvedBeforeCreated"
FROM t, b GROUP BY b.threshold, b.averaged`;
  const time = `SELECT
  ${summary("frt", "time.firstResponse.calendar")},
  ${summary("res_first", "time.resolutionFirst.calendar")},
  ${summary("res_final", "time.resolutionFinal.calendar")},
  ${summary("asg", "time.assignment.calendar")},
  ${summary("replies_done", "time.repliesToResolve")},
  count(frt) AS "time.firstResponse.sources.fields",
  count(res_first) AS "time.resolutionFirst.sources.fields",
  count(res_final) AS "time.resolutionFinal.sources.fields",
  count(asg) AS "time.assignment.sources.fields",
  count(*) FILTER (WHERE responded IS NULL) AS "time.firstResponse.skipped.unanswered",
  count(*) FILTER (WHERE NOT ${DONE} AND first_solved IS NULL) AS "time.resolutionFirst.skipped.unresolved",
  count(*) FILTER (WHERE NOT ${DONE}) AS "time.resolutionFinal.skipped.unresolved",
  count(*) FILTER (WHERE assigned IS NULL) AS "time.assignment.skipped.unassigned",
  count(frt) FILTER (WHERE assignee IS NOT NULL) + count(res_first) FILTER (WHERE assignee IS NOT NULL)
    + count(res_final) FILTER (WHERE assignee IS NOT NULL) + count(asg) FILTER (WHERE assignee IS NOT NULL)
    + count(replies_done) FILTER (WHERE assignee IS NOT NULL) AS "bench.valuesOfAgents",
  count(replies_done) AS "time.oneTouch.resolved",
  count(*) FILTER (WHERE replies_done = 1) AS "time.oneTouch.oneTouch",
  count(*) FILTER (WHERE replies_done = 0) AS "time.oneTouch.zeroTouch",
  "time.oneTouch.oneTouch" / "time.oneTouch.resolved" AS "time.oneTouch.share",
  count(*) FILTER (WHERE ${DONE}) AS "reopens.solved",
  count(*) FILTER (WHERE ${DONE} AND reopens > 0) AS "reopens.reopened",
  sum(reopens) FILTER (WHERE ${DONE})::DOUBLE AS "reopens.reopens",
  "reopens.reopened" / "reopens.solved" AS "reopens.rate",
  "reopens.reopens" / "reopens.solved" AS "reopens.reopensPerTicket",
  count(*) FILTER (WHERE NOT ${DONE}) AS "reopens.skipped.neverSolved",
  count(*) FILTER (WHERE satisfaction = 'good') AS "ratings.csat.satisfied",
  count(*) FILTER (WHERE satisfaction IN ('good', 'bad')) AS "ratings.csat.total",
  "ratings.csat.satisfied" / "ratings.csat.total" AS "ratings.csat.score",
  "ratings.csat.total" AS "ratings.offered",
  "ratings.csat.total" AS "ratings.rated",
  "ratings.csat.satisfied" AS "survey.csat.satisfied",
  "ratings.csat.total" AS "survey.csat.total",
  "ratings.csat.score" AS "survey.csat.score"
FROM t`;
  const mix = `SELECT key, value FROM (
  SELECT channel, count(*) AS n, n / sum(n) OVER () AS share FROM t GROUP BY channel
) CROSS JOIN LATERAL (VALUES ('counts.channelMix.channels[channel=' || channel || '].count', n::DOUBLE),
  ('counts.channelMix.channels[channel=' || channel || '].share', share)) AS v(key, value)
WHERE channel IS NOT NULL
UNION ALL
SELECT key, value FROM (
  SELECT type, count(*) AS n, n / sum(n) OVER () AS share FROM t GROUP BY type
) CROSS JOIN LATERAL (VALUES ('types.shares[type=' || type || '].count', n::DOUBLE),
  ('types.shares[type=' || type || '].share', share)) AS v(key, value)
WHERE type IS NOT NULL`;
  // Volume: day buckets (UTC) from the earliest to the latest creation; peaks over the same days.
  const days = `days AS (SELECT unnest(range(min(created) // ${String(DAY)}, max(created) // ${String(DAY)} + 1)) AS day FROM t WHERE ordered)`;
  const label = `strftime(make_timestamp(day * ${String(DAY)} * 1000), '%Y-%m-%d')`;
  const volume = `WITH ${days},
c AS (SELECT created // ${String(DAY)} AS day, count(*) AS n FROM t WHERE ordered GROUP BY day),
s AS (SELECT solved // ${String(DAY)} AS day, count(*) AS n FROM t WHERE ordered AND ${DONE} AND solved IS NOT NULL GROUP BY day),
per AS (SELECT day, coalesce(c.n, 0) AS created, coalesce(s.n, 0) AS resolved FROM days LEFT JOIN c USING (day) LEFT JOIN s USING (day)),
cum AS (SELECT day, created, resolved, sum(created - resolved) OVER (ORDER BY day) AS backlog FROM per)
SELECT key, value FROM cum CROSS JOIN LATERAL (VALUES
  ('volume.buckets[label=' || ${label} || '].created', created::DOUBLE),
  ('volume.buckets[label=' || ${label} || '].resolved', resolved::DOUBLE),
  ('volume.buckets[label=' || ${label} || '].active', (backlog + resolved)::DOUBLE),
  ('volume.buckets[label=' || ${label} || '].backlog', backlog::DOUBLE)) AS v(key, value)
UNION ALL SELECT 'volume.totals.created', sum(created)::DOUBLE FROM per
UNION ALL SELECT 'volume.totals.resolved', sum(resolved)::DOUBLE FROM per
UNION ALL SELECT 'volume.counted', sum(created)::DOUBLE FROM per`;
  // Statuses at each bucket's end, from createdAt, status, solvedAt and assignedAt alone (no
  // history in the export): a count at the end E is the tickets whose interval [start, end)
  // contains the instant just before E, i.e. #(start < E) − #(end < E), as running sums of
  // events per day; an interval ending before it starts (assigned before created) is empty.
  const overTime = `WITH ${days},
base AS (SELECT * FROM t WHERE ordered AND NOT (${DONE} AND solved IS NULL)),
ev AS (
  SELECT created // ${String(DAY)} AS day, 'existed' AS k, 1 AS d FROM base
  UNION ALL SELECT solved // ${String(DAY)}, 'resolved', 1 FROM base WHERE ${DONE}
  UNION ALL SELECT created // ${String(DAY)}, 'unassigned', 1 FROM base WHERE assignee IS NULL OR assigned IS NOT NULL
  UNION ALL SELECT greatest(created, least(CASE WHEN ${DONE} THEN solved END, CASE WHEN assignee IS NOT NULL THEN assigned END)) // ${String(DAY)},
    'unassigned', -1 FROM base WHERE (assignee IS NULL OR assigned IS NOT NULL) AND (${DONE} OR assignee IS NOT NULL)
  UNION ALL SELECT created // ${String(DAY)}, 'unknown', 1 FROM base WHERE assignee IS NOT NULL AND assigned IS NULL
  UNION ALL SELECT solved // ${String(DAY)}, 'unknown', -1 FROM base WHERE assignee IS NOT NULL AND assigned IS NULL AND ${DONE}
),
per AS (
  SELECT day, coalesce(sum(d) FILTER (WHERE k = 'existed'), 0) AS existed, coalesce(sum(d) FILTER (WHERE k = 'resolved'), 0) AS resolved,
    coalesce(sum(d) FILTER (WHERE k = 'unassigned'), 0) AS unassigned, coalesce(sum(d) FILTER (WHERE k = 'unknown'), 0) AS unknown
  FROM days LEFT JOIN ev USING (day) GROUP BY day
),
cum AS (
  SELECT day, sum(existed) OVER w - sum(resolved) OVER w AS unresolved, sum(resolved) OVER w AS resolved,
    sum(unassigned) OVER w AS unassigned, sum(unknown) OVER w AS unknown
  FROM per WINDOW w AS (ORDER BY day)
)
SELECT key, value FROM cum CROSS JOIN LATERAL (VALUES
  ('volume.statuses.buckets[label=' || ${label} || '].unresolved', unresolved::DOUBLE),
  ('volume.statuses.buckets[label=' || ${label} || '].resolved', resolved::DOUBLE),
  ('volume.statuses.buckets[label=' || ${label} || '].unassigned', unassigned::DOUBLE),
  ('volume.statuses.buckets[label=' || ${label} || '].assignmentUnknown', unknown::DOUBLE),
  ('volume.statuses.buckets[label=' || ${label} || '].withoutHistory.unresolved', unresolved::DOUBLE),
  ('volume.statuses.buckets[label=' || ${label} || '].withoutHistory.resolved', resolved::DOUBLE),
  ('volume.statuses.buckets[label=' || ${label} || '].byStatus.new', 0),
  ('volume.statuses.buckets[label=' || ${label} || '].byStatus.open', 0),
  ('volume.statuses.buckets[label=' || ${label} || '].byStatus.pending', 0),
  ('volume.statuses.buckets[label=' || ${label} || '].byStatus.on_hold', 0),
  ('volume.statuses.buckets[label=' || ${label} || '].byStatus.solved', 0),
  ('volume.statuses.buckets[label=' || ${label} || '].byStatus.closed', 0)) AS v(key, value)
UNION ALL SELECT 'volume.statuses.withHistory', 0
UNION ALL SELECT 'volume.statuses.withoutHistory', count(*)::DOUBLE FROM base`;
  // Weekday 0 = Monday (isodow − 1), hour of day, both in UTC.
  const slot = `(((created // ${String(DAY)}) + 3) % 7)`;
  const peaks = `WITH ${days},
occ AS (SELECT (day + 3) % 7 AS w, count(*) AS n FROM days GROUP BY w),
span AS (SELECT count(*) AS n FROM days),
cells AS (
  SELECT w, h, coalesce(c.sum, 0) AS sum, occ.n AS occurrences FROM occ CROSS JOIN range(24) AS hours(h)
  LEFT JOIN (SELECT ${slot} AS w, (created % ${String(DAY)}) // ${String(HOUR)} AS h, count(*) AS sum FROM t WHERE ordered GROUP BY ALL) c USING (w, h)
),
hours AS (SELECT h, sum(sum) AS sum, any_value(span.n) AS occurrences FROM cells, span GROUP BY h),
wdays AS (SELECT w, sum(sum) AS sum, any_value(occurrences) AS occurrences FROM cells GROUP BY w),
top AS (SELECT h, sum, row_number() OVER (ORDER BY sum DESC, h) AS r FROM hours)
SELECT key, value FROM cells CROSS JOIN LATERAL (VALUES
  ('peaks.cells[' || w || '][' || h || '].sum', sum::DOUBLE),
  ('peaks.cells[' || w || '][' || h || '].occurrences', occurrences::DOUBLE),
  ('peaks.cells[' || w || '][' || h || '].average', sum / occurrences)) AS v(key, value)
UNION ALL SELECT key, value FROM hours CROSS JOIN LATERAL (VALUES
  ('peaks.byHour[' || h || '].sum', sum::DOUBLE), ('peaks.byHour[' || h || '].occurrences', occurrences::DOUBLE),
  ('peaks.byHour[' || h || '].average', sum / occurrences)) AS v(key, value)
UNION ALL SELECT key, value FROM wdays CROSS JOIN LATERAL (VALUES
  ('peaks.byWeekday[' || w || '].sum', sum::DOUBLE), ('peaks.byWeekday[' || w || '].occurrences', occurrences::DOUBLE),
  ('peaks.byWeekday[' || w || '].average', sum / occurrences)) AS v(key, value)
UNION ALL SELECT 'peaks.top.hours[' || (r - 1) || ']', h::DOUBLE FROM top WHERE r <= 3
UNION ALL SELECT 'peaks.top.count', sum(sum)::DOUBLE FROM top WHERE r <= 3
UNION ALL SELECT 'peaks.top.share', sum(sum) FILTER (WHERE r <= 3) / sum(sum) FROM top
UNION ALL SELECT 'peaks.total', sum(sum)::DOUBLE FROM hours`;
  const board = `WITH a AS (
  SELECT assignee, count(*) AS tickets, quantile_cont(frt, 0.5) AS frt, quantile_cont(res_final, 0.5) AS res,
    count(*) FILTER (WHERE satisfaction = 'good') / count(*) FILTER (WHERE satisfaction IN ('good', 'bad')) AS csat,
    count(*) FILTER (WHERE replies_done = 1) / count(replies_done) AS one
  FROM t WHERE assignee IS NOT NULL GROUP BY assignee
),
r AS (SELECT *, CASE WHEN tickets >= 10 THEN rank() OVER (ORDER BY tickets >= 10 DESC, tickets DESC) END AS rank FROM a)
SELECT key, value FROM r CROSS JOIN LATERAL (VALUES
  ('leaderboard.rows[agent=' || assignee || '].tickets', tickets::DOUBLE),
  ('leaderboard.rows[agent=' || assignee || '].value', tickets::DOUBLE),
  ('leaderboard.rows[agent=' || assignee || '].sample', tickets::DOUBLE),
  ('leaderboard.rows[agent=' || assignee || '].rank', rank::DOUBLE),
  ('leaderboard.rows[agent=' || assignee || '].firstResponseMedian', frt),
  ('leaderboard.rows[agent=' || assignee || '].resolutionMedian', res),
  ('leaderboard.rows[agent=' || assignee || '].csat', csat),
  ('leaderboard.rows[agent=' || assignee || '].oneTouchShare', one)) AS v(key, value)
UNION ALL SELECT 'leaderboard.unassignedTickets', count(*)::DOUBLE FROM t WHERE assignee IS NULL`;
  // Customers and repeat contacts (the default 7-day window): each ticket's next ticket of the
  // same requester created strictly later (RANGE 1 FOLLOWING: equal instants are not "after").
  const week = String(7 * DAY);
  const contacts = `WITH r AS (
  SELECT requester, created,
    min(created) OVER (PARTITION BY requester ORDER BY created RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next
  FROM t WHERE requester IS NOT NULL
),
per AS (SELECT requester, count(*) AS n FROM r GROUP BY requester),
c AS (
  SELECT count(*) FILTER (WHERE created + ${week} <= ${at}) AS judged,
    count(*) FILTER (WHERE created + ${week} <= ${at} AND next <= created + ${week}) AS repeated,
    count(*) FILTER (WHERE created + ${week} > ${at}) AS open, count(*) AS contacts, (SELECT count(*) FROM per) AS customers
  FROM r
)
SELECT c.customers AS "contacts.customers", c.contacts AS "contacts.contacts",
  c.contacts / c.customers AS "contacts.contactsPerCustomer",
  (SELECT quantile_cont(n, 0.5) FROM per) AS "contacts.perCustomer.median",
  (SELECT quantile_cont(n, 0.9) FROM per) AS "contacts.perCustomer.p90",
  (SELECT max(n) FROM per) AS "contacts.perCustomer.max",
  (SELECT count(*) FILTER (WHERE n > 1) FROM per) AS "contacts.repeatCustomers",
  ${week} AS "contacts.window",
  c.judged AS "contacts.judged", c.repeated AS "contacts.repeated", c.open AS "contacts.windowOpen",
  c.repeated / c.judged AS "contacts.repeatRate",
  (SELECT count(*) FROM t WHERE requester IS NULL) AS "contacts.skipped.noRequester"
FROM c`;
  return [load, counts, time, mix, volume, overTime, peaks, board, contacts];
}
