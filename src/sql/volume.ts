/**
 * The SQL forms of the volume area's report metrics: status counts, resolution rate, backlog,
 * channel mix, reopen rate and the daily volume. Each mirrors its accumulator's rules, cited
 * beside it; test/sql/differential.prop.test.ts runs them against `report()`.
 *
 * @internal
 * @module
 */
import { MISSING_KEY } from "../_lib/group.ts";
import { TICKET_STATUSES } from "../models/ticket.ts";
import { quote } from "./dialect.ts";
import { countIf, inPeriod, query, ratio, ticketCtes, type SqlContext } from "./context.ts";

/** The unassigned rule of `isUnassignedOpen` (ticketsByStatus.ts): not resolved, assignee absent or `""`. */
const UNASSIGNED_OPEN = "NOT resolved AND (assignee IS NULL OR assignee = '')";

/** statusCountsAccumulator: one count per status, `unassigned`, `total`. */
export function ticketsByStatusSql(c: SqlContext): string {
  const counts = TICKET_STATUSES.map((s) => `${countIf(`status = '${s}'`)} AS ${c.d.alias(s)}`);
  return query(ticketCtes(c), `SELECT ${counts.join(", ")}, ${countIf(UNASSIGNED_OPEN)} AS unassigned, COUNT(*) AS total FROM scope`);
}

/**
 * resolutionRateAccumulator at the period's end (else `asOf`): `resolutionStanding` of
 * resolutionRate.ts, in its order: created at or after the moment is skipped, `solvedAt` before
 * `createdAt` is skipped, not resolved is unresolved, resolved without `solvedAt` is resolved by
 * status, else resolved when `solvedAt` is strictly before the moment.
 */
export function resolutionRateSql(c: SqlContext): string {
  const at = String(c.judgeAt);
  const standing =
    `CASE WHEN created_ms >= ${at} THEN 'createdAfterJudgedAt' WHEN solved_ms < created_ms THEN 'solvedBeforeCreated' ` +
    `WHEN NOT resolved THEN 'unresolved' WHEN solved_ms IS NULL THEN 'byStatus' WHEN solved_ms < ${at} THEN 'resolved' ELSE 'unresolved' END`;
  const ctes = [...ticketCtes(c), `standing AS (SELECT ${standing} AS s FROM scope)`];
  const resolved = countIf("s IN ('resolved', 'byStatus')");
  const received = countIf("s IN ('resolved', 'byStatus', 'unresolved')");
  return query(
    ctes,
    `SELECT ${ratio(c, resolved, received)} AS value, ${received} AS received, ${resolved} AS resolved, ` +
      `${countIf("s = 'unresolved'")} AS unresolved, ${countIf("s = 'byStatus'")} AS resolved_by_status_only, ` +
      `${countIf("s = 'solvedBeforeCreated'")} AS skipped_solved_before_created, ${countIf("s = 'createdAfterJudgedAt'")} AS skipped_created_after_judged_at FROM standing`,
  );
}

/**
 * backlogAccumulator at `asOf`: `backlogStanding` of backlog.ts (created after `asOf` skipped,
 * `solvedAt` before `createdAt` skipped, resolved without `solvedAt` by status, resolved with
 * `solvedAt` at or before `asOf` resolved, else open); the threshold is the mean resolution time
 * of the resolved tickets with a `solvedAt`; the count is of open tickets strictly older.
 */
export function backlogSql(c: SqlContext): string {
  const asOf = String(c.asOf);
  const standing =
    `CASE WHEN created_ms > ${asOf} THEN 'createdAfterAsOf' WHEN solved_ms < created_ms THEN 'solvedBeforeCreated' ` +
    `WHEN resolved AND solved_ms IS NULL THEN 'byStatus' WHEN resolved AND solved_ms <= ${asOf} THEN 'resolved' ELSE 'open' END`;
  const ctes = [
    ...ticketCtes(c),
    `standing AS (SELECT ${standing} AS s, ${asOf} - created_ms AS age, solved_ms - created_ms AS took FROM scope)`,
    `threshold AS (SELECT ${ratio(c, "SUM(took)", "COUNT(*)")} AS ms, COUNT(*) AS n FROM standing WHERE s = 'resolved')`,
  ];
  return query(
    ctes,
    `SELECT CASE WHEN MAX(h.ms) IS NULL THEN NULL ELSE ${countIf("s = 'open' AND age > h.ms")} END AS count, MAX(h.ms) AS threshold, ` +
      `COALESCE(MAX(h.n), 0) AS averaged_resolutions, ${countIf("s = 'open'")} AS unresolved, ${countIf("s IN ('resolved', 'byStatus')")} AS resolved, ` +
      `${countIf("s = 'byStatus'")} AS resolved_by_status_only, ${countIf("s = 'createdAfterAsOf'")} AS skipped_created_after_as_of, ` +
      `${countIf("s = 'solvedBeforeCreated'")} AS skipped_solved_before_created FROM standing CROSS JOIN threshold h`,
  );
}

/**
 * channelMix: one row per channel (NULL for the tickets without one, absent or `""`), with its
 * count and its share of every ticket in scope; no rows when there is no ticket.
 */
export function channelMixSql(c: SqlContext): string {
  const ctes = [...ticketCtes(c), `labelled AS (SELECT CASE WHEN channel = '' THEN NULL ELSE channel END AS channel FROM scope)`];
  return query(
    ctes,
    `SELECT channel, COUNT(*) AS count, ${c.d.double("COUNT(*)")} / SUM(COUNT(*)) OVER () AS share FROM labelled GROUP BY channel ORDER BY count DESC, ${c.d.binaryOrder("channel")}`,
  );
}

/**
 * reopenRateAccumulator: a ticket without `reopens` is skipped (`noReopenData`); one never solved
 * (no reopen, not resolved, no `firstSolvedAt`) is skipped (`neverSolved`); of the others,
 * `rate` = reopened at least once / solved, `reopensPerTicket` = reopens / solved.
 */
export function reopenRateSql(c: SqlContext): string {
  const standing = `CASE WHEN reopens IS NULL THEN 'noReopenData' WHEN reopens > 0 OR resolved OR first_solved_ms IS NOT NULL THEN 'solved' ELSE 'neverSolved' END`;
  const ctes = [...ticketCtes(c), `standing AS (SELECT ${standing} AS s, reopens FROM scope)`];
  const solved = countIf("s = 'solved'");
  const reopened = countIf("s = 'solved' AND reopens > 0");
  const reopens = "COALESCE(SUM(CASE WHEN s = 'solved' THEN reopens END), 0)";
  return query(
    ctes,
    `SELECT ${ratio(c, reopened, solved)} AS rate, ${solved} AS solved, ${reopened} AS reopened, ${reopens} AS reopens, ` +
      `${ratio(c, reopens, solved)} AS reopens_per_ticket, ${countIf("s = 'noReopenData'")} AS skipped_no_reopen_data, ` +
      `${countIf("s = 'neverSolved'")} AS skipped_never_solved FROM standing`,
  );
}

/**
 * The volume section per local day (volumeByPeriodState.ts over every ticket, not just the
 * scope): tickets with a valid timeline (`timeline` of timeline.ts: a resolved ticket needs a
 * `solvedAt` not before `createdAt`) are counted as created on the local day of `createdAt` when
 * it is in the period, and as resolved on the day of `solvedAt` when resolved, in the period and
 * created before its end. Without a period the range is `volumeRange`'s: the whole local days
 * from the first to the last `createdAt`, so a resolution on a later day is not in any bucket (as
 * in the report). One row per day with a count (`day`, `created`, `resolved`), by day.
 */
export function volumeByDaySql(c: SqlContext): string {
  const tz = c.timeZone;
  const beforeEnd = c.period === undefined ? "TRUE" : `created_ms < ${String(c.period.to)}`;
  const ctes = [
    ...ticketCtes(c),
    `life AS (SELECT * FROM all_tickets WHERE NOT (resolved AND (solved_ms IS NULL OR solved_ms < created_ms)))`,
    `bumps AS (SELECT ${c.d.localDay("created_at", tz)} AS day, 1 AS created, 0 AS resolved FROM life WHERE ${inPeriod(c, "created_ms")} ` +
      `UNION ALL SELECT ${c.d.localDay("solved_at", tz)} AS day, 0 AS created, 1 AS resolved FROM life WHERE resolved AND ${inPeriod(c, "solved_ms")} AND ${beforeEnd})`,
  ];
  // Without a period: only the days up to the last creation day (labels `YYYY-MM-DD` sort as the days do).
  const inRange = c.period === undefined ? ` WHERE day <= (SELECT MAX(${c.d.localDay("created_at", tz)}) FROM all_tickets)` : "";
  return query(ctes, `SELECT day, SUM(created) AS created, SUM(resolved) AS resolved FROM bumps${inRange} GROUP BY day ORDER BY day`);
}

/**
 * typeCountsAccumulator and `typeShareList` (typeTallies.ts): the tickets in scope per type, a
 * missing or empty type as `"(none)"` (`MISSING_KEY`, as every grouping), each with its share of
 * the scope, most first (ties in binary order); `most_common` marks the known type(s) with the
 * highest count (the report's `mostCommon`; `"(none)"` never is). No rows without tickets.
 */
export function typeSharesSql(c: SqlContext): string {
  const none = quote(MISSING_KEY);
  const ctes = [
    ...ticketCtes(c),
    `typed AS (SELECT CASE WHEN type IS NULL OR type = '' THEN ${none} ELSE type END AS type FROM scope)`,
    `counted AS (SELECT type, COUNT(*) AS count FROM typed GROUP BY type)`,
  ];
  const top = `MAX(CASE WHEN type <> ${none} THEN count END) OVER ()`;
  return query(
    ctes,
    `SELECT type, count, ${c.d.double("count")} / SUM(count) OVER () AS share, CASE WHEN type <> ${none} AND count = ${top} THEN TRUE ELSE FALSE END AS most_common ` +
      `FROM counted ORDER BY count DESC, ${c.d.binaryOrder("type")}`,
  );
}
