/**
 * What every metric definition renders from: the dialect's rules, the compiled options and the
 * common table expressions (the tickets in scope with their instants in epoch milliseconds, the
 * conversation facts of the messages).
 *
 * @internal
 * @module
 */
import { checkBucketing } from "../_lib/bucket.ts";
import { MetricRangeError } from "../_lib/errors.ts";
import { assertDate, assertFraction } from "../_lib/guards.ts";
import { isResolvedStatus, TICKET_STATUSES } from "../models/ticket.ts";
import { dialectRules, quote, type DialectRules, type SqlDialect } from "./dialect.ts";
import { helpdeskColumnOf, type WarehouseTable } from "./schema.ts";
import type { SlaPolicy } from "../models/sla.ts";

/** `p90`, `p99_9`: the column of a percentile (its percentage to 4 decimals). @internal */
export function percentileColumn(p: number): string {
  return `p${String(Math.round(p * 1e6) / 1e4).replace(".", "_")}`;
}

/**
 * The options of the SQL forms: the same `asOf`, `timeZone`, `period` and `percentiles` as the
 * report's options, so the query computes the figures `report()` computes.
 *
 * @category SQL
 */
export interface SqlOptions {
  /** The dialect to write. */
  readonly dialect: SqlDialect;
  /** The moment the backlog is judged at, and the resolution rate when there is no period. */
  readonly asOf: Date;
  /** The IANA time zone of the day buckets. */
  readonly timeZone: string;
  /** Tickets created (responses answered) in `[from, to)`; default every row. The resolution rate is judged at `to`. */
  readonly period?:
    | {
        /** The first instant in the period. */
        readonly from: Date;
        /** The end of the period, exclusive. */
        readonly to: Date;
      }
    | undefined;
  /** The duration percentiles besides the median, fractions from 0 to 1. Default `[0.9]`, as the report's. */
  readonly percentiles?: readonly number[] | undefined;
  /**
   * The relation to read for each table, default the table's own name: e.g.
   * `{ tickets: "{{ ref('stg_tickets') }}" }` in a dbt model, or `"analytics.tickets"`. Written as given.
   */
  readonly tables?: Readonly<Partial<Record<WarehouseTable, string>>> | undefined;
  /**
   * Business time too: the duration summaries gain `business_count`, `business_total`, … read
   * from the table `schedule_intervals` (the schedule's opening intervals, written by
   * `scheduleIntervalRows`; it must cover every measured duration). Default `false`.
   */
  readonly businessHours?: boolean | undefined;
  /**
   * The SLA policy of the SLA queries (`slaCompliance`, `slaByChannel`), as `report()`'s
   * `slaPolicy`; without it those queries are not written. Business targets fall due by
   * `schedule_intervals`, which must be the expansion of the policy's schedule, else of the
   * report's (then give `businessHours`, as `report()` is given `schedule`).
   */
  readonly slaPolicy?: SlaPolicy | undefined;
}

/** The compiled options. @internal */
export interface SqlContext {
  readonly d: DialectRules;
  readonly asOf: number;
  /** The resolution rate's moment: the period's end, else `asOf`. */
  readonly judgeAt: number;
  readonly timeZone: string;
  readonly period: { readonly from: number; readonly to: number } | undefined;
  readonly percentiles: readonly number[];
  readonly businessHours: boolean;
  readonly slaPolicy: SlaPolicy | undefined;
  table(name: WarehouseTable): string;
}

/** The report's default duration percentiles. */
const DEFAULT_PERCENTILES: readonly number[] = [0.9];

/** Checks and compiles `options` (`E_OPTION_VALUE`, `E_INVALID_DATE`, `E_TIME_ZONE`, `E_PERIOD_ORDER`, `E_FRACTION_RANGE`). @internal */
export function compileSql(fn: string, options: SqlOptions): SqlContext {
  if (options === null || typeof options !== "object") {
    throw new MetricRangeError(
      "E_OPTION_VALUE",
      `${fn}: options must be an object with dialect, asOf and timeZone, got ${String(options)}`,
    );
  }
  const d = dialectRules(fn, options.dialect);
  assertDate(fn, "asOf", options.asOf);
  checkBucketing(fn, "day", options.timeZone);
  let period: SqlContext["period"];
  if (options.period !== undefined) {
    assertDate(fn, "period.from", options.period.from);
    assertDate(fn, "period.to", options.period.to);
    const from = options.period.from.getTime();
    const to = options.period.to.getTime();
    if (to < from) {
      throw new MetricRangeError(
        "E_PERIOD_ORDER",
        `${fn}: period.to must not be before period.from (${options.period.from.toISOString()}), got ${options.period.to.toISOString()}`,
      );
    }
    period = { from, to };
  }
  const percentiles = options.percentiles ?? DEFAULT_PERCENTILES;
  const columns = new Map<string, number>();
  for (const p of percentiles) {
    assertFraction(fn, "percentile", p);
    // Each percentile is a column: two that round to one name would make a duplicate column.
    const column = percentileColumn(p);
    const other = columns.get(column);
    if (other !== undefined) {
      throw new MetricRangeError(
        "E_OPTION_VALUE",
        `${fn}: percentiles must give distinct columns, got ${String(other)} and ${String(p)} (both ${column}: percentages are kept to 4 decimals)`,
      );
    }
    columns.set(column, p);
  }
  const tables = options.tables ?? {};
  return {
    d,
    asOf: options.asOf.getTime(),
    judgeAt: period?.to ?? options.asOf.getTime(),
    timeZone: options.timeZone,
    period,
    percentiles: [...percentiles],
    businessHours: options.businessHours === true,
    slaPolicy: options.slaPolicy,
    table: (name) => tables[name] ?? name,
  };
}

/** The SQL list of the resolved statuses, from THE rule `isResolvedStatus`: `('solved', 'closed')`. @internal */
export const RESOLVED_LIST = `(${TICKET_STATUSES.filter(isResolvedStatus).map(quote).join(", ")})`;

/** `expr` in `[period)`, or `TRUE` without a period. @internal */
export function inPeriod(c: SqlContext, ms: string): string {
  return c.period === undefined ? "TRUE" : `${ms} >= ${String(c.period.from)} AND ${ms} < ${String(c.period.to)}`;
}

/**
 * `all_tickets`: every ticket with its instants as epoch milliseconds (`created_ms`, …) and
 * `resolved` (status solved or closed); `scope`: those created in the period. @internal
 */
export function ticketCtes(c: SqlContext): string[] {
  const ms = (column: string): string => `${c.d.epochMs(column)} AS ${column.replace(/_at$/, "_ms")}`;
  const instants = ["created_at", "assigned_at", "first_response_at", "first_solved_at", "solved_at"].map(ms).join(", ");
  return [
    `all_tickets AS (SELECT t.*, ${instants}, status IN ${RESOLVED_LIST} AS resolved FROM ${c.table("tickets")} t)`,
    `scope AS (SELECT * FROM all_tickets WHERE ${inPeriod(c, "created_ms")})`,
  ];
}

/**
 * The conversation facts of the tickets in scope (`conv`), as src/metrics/time/conversation.ts
 * reads them: `has_messages` (any message), `first_customer_ms`, `outbound` (the first counted
 * message is an agent reply), `turn_end_ms` (the first public agent reply after the first
 * customer message, ties between equal instants in `seq` order) and `request_start_ms`; with `cutoff` (epoch
 * ms), of the messages sent by then. @internal
 */
export function conversationCtes(c: SqlContext, cutoff?: number): string[] {
  const messages = c.table("messages");
  // A cutoff (the SLA's asOf) leaves later messages out of the conversation, not out of `has_messages`.
  const counted = "author = 'customer' OR (author = 'agent' AND is_public)";
  const where = cutoff === undefined ? counted : `(${counted}) AND ${c.d.epochMs("sent_at")} <= ${String(cutoff)}`;
  return [
    `msg AS (SELECT ticket_id, seq, ${c.d.epochMs("sent_at")} AS at_ms, author FROM ${messages} WHERE ${where})`,
    `msg_first AS (SELECT ticket_id, author, ROW_NUMBER() OVER (PARTITION BY ticket_id ORDER BY at_ms, seq) AS rn FROM msg)`,
    `cust_first AS (SELECT ticket_id, at_ms, seq, ROW_NUMBER() OVER (PARTITION BY ticket_id ORDER BY at_ms, seq) AS rn FROM msg WHERE author = 'customer')`,
    `turn_end AS (SELECT r.ticket_id, MIN(r.at_ms) AS at_ms FROM msg r JOIN cust_first f ON f.ticket_id = r.ticket_id AND f.rn = 1 ` +
      `WHERE r.author = 'agent' AND (r.at_ms > f.at_ms OR (r.at_ms = f.at_ms AND r.seq > f.seq)) GROUP BY r.ticket_id)`,
    `conv AS (SELECT s.*, h.ticket_id IS NOT NULL AS has_messages, cf.at_ms AS first_customer_ms, mf.author <> 'customer' AS outbound, ` +
      `te.at_ms AS turn_end_ms, CASE WHEN cf.at_ms IS NOT NULL AND cf.at_ms < s.created_ms THEN cf.at_ms ELSE s.created_ms END AS request_start_ms ` +
      `FROM scope s LEFT JOIN (SELECT DISTINCT ticket_id FROM ${messages}) h ON h.ticket_id = s.id ` +
      `LEFT JOIN cust_first cf ON cf.ticket_id = s.id AND cf.rn = 1 LEFT JOIN msg_first mf ON mf.ticket_id = s.id AND mf.rn = 1 ` +
      `LEFT JOIN turn_end te ON te.ticket_id = s.id)`,
  ];
}

/** The helpdesk duration column of a field. @internal */
export const helpdesk = helpdeskColumnOf;

/** `WITH ctes… select`. @internal */
export function query(ctes: readonly string[], select: string): string {
  return `WITH\n${ctes.map((x) => `  ${x}`).join(",\n")}\n${select}`;
}

/** `COUNT(CASE WHEN cond THEN 1 END)`: rows where `cond` holds (0 on none). @internal */
export function countIf(cond: string): string {
  return `COUNT(CASE WHEN ${cond} THEN 1 END)`;
}

/** `num / den` in floating point, NULL when `den` is 0 (the metrics' `undefined`). @internal */
export function ratio(c: SqlContext, num: string, den: string): string {
  return `CASE WHEN ${den} = 0 THEN NULL ELSE ${c.d.double(num)} / ${den} END`;
}
