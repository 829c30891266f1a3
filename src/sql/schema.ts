/**
 * The warehouse schema of the SQL forms: tables `tickets`, `messages`, `events` and
 * `survey_responses`, with the models' fields as columns (docs/guide/warehouse.md).
 *
 * @module
 */
import { HELPDESK_DURATION_KEYS, type HelpdeskDurationKey } from "../models/ticket.ts";
import { dialectRules, type SqlColumnType, type SqlDialect } from "./dialect.ts";

/**
 * One column of the warehouse schema.
 *
 * @category SQL
 */
export interface WarehouseColumn {
  /** The column name (snake case). */
  readonly name: string;
  /** Its logical type ({@link columnType} gives each dialect's name). */
  readonly type: SqlColumnType;
  /** `false` when the column is required (`NOT NULL`). */
  readonly nullable: boolean;
  /** The model field it holds, e.g. `Ticket.createdAt`. */
  readonly field: string;
}

/**
 * The names of the warehouse tables: the models' four, and `schedule_intervals`, the opening
 * intervals of a schedule for business time ({@link scheduleIntervalRows}).
 *
 * @category SQL
 */
export type WarehouseTable = "tickets" | "messages" | "events" | "survey_responses" | "schedule_intervals";

const col = (name: string, type: SqlColumnType, field: string, nullable = true): WarehouseColumn => ({ name, type, nullable, field });

/** `firstReply` → `helpdesk_first_reply_ms`. */
const helpdeskColumn = (key: HelpdeskDurationKey): string => `helpdesk_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_ms`;

/**
 * The warehouse schema: each table's columns, in order. `tickets.id` is unique; `messages` and
 * `events` name their ticket by `ticket_id` and keep the model's list order in `seq` (0, 1, …),
 * which breaks ties between equal instants as the TypeScript metrics do (a stable sort).
 *
 * @remarks `Ticket.satisfaction` is split by kind: `satisfaction_rating` holds `"good"` /
 * `"bad"`, `satisfaction_score` a numeric rating, `satisfaction_scale_min` / `_max` its scale.
 * `Ticket.helpdesk` is flattened to one column per field in milliseconds
 * (`helpdesk_first_reply_ms`, …). `Ticket.statusHistory` is the `events` table. `Ticket.group`
 * is `group_name` (`group` is reserved). `Ticket.tags` has no column yet.
 * @example
 * ```ts
 * WAREHOUSE_SCHEMA.tickets[0]; // => { name: "id", type: "text", nullable: false, field: "Ticket.id" }
 * ```
 * @category SQL
 */
export const WAREHOUSE_SCHEMA: Readonly<Record<WarehouseTable, readonly WarehouseColumn[]>> = {
  tickets: [
    col("id", "text", "Ticket.id", false),
    col("created_at", "timestamp", "Ticket.createdAt", false),
    col("status", "text", "Ticket.status (new, open, pending, on_hold, solved, closed)", false),
    col("raw_status", "text", "Ticket.rawStatus"),
    col("channel", "text", "Ticket.channel"),
    col("type", "text", "Ticket.type"),
    col("priority", "text", "Ticket.priority"),
    col("assignee", "text", "Ticket.assignee"),
    col("group_name", "text", "Ticket.group"),
    col("brand", "text", "Ticket.brand"),
    col("requester_id", "text", "Ticket.requesterId"),
    col("assigned_at", "timestamp", "Ticket.assignedAt"),
    col("first_response_at", "timestamp", "Ticket.firstResponseAt"),
    col("first_solved_at", "timestamp", "Ticket.firstSolvedAt"),
    col("solved_at", "timestamp", "Ticket.solvedAt"),
    col("closed_at", "timestamp", "Ticket.closedAt"),
    col("reopens", "bigint", "Ticket.reopens"),
    col("replies", "bigint", "Ticket.replies"),
    col("satisfaction_rating", "text", 'Ticket.satisfaction when "good" or "bad"'),
    col("satisfaction_score", "double", "Ticket.satisfaction when a number"),
    col("satisfaction_scale_min", "double", "Ticket.satisfactionScale.min"),
    col("satisfaction_scale_max", "double", "Ticket.satisfactionScale.max"),
    col("satisfaction_offered", "boolean", "Ticket.satisfactionOffered"),
    ...HELPDESK_DURATION_KEYS.map((key) => col(helpdeskColumn(key), "double", `Ticket.helpdesk.${key} (ms)`)),
  ],
  messages: [
    col("ticket_id", "text", "the Ticket.id holding Ticket.messages", false),
    col("seq", "bigint", "the message's index in Ticket.messages", false),
    col("sent_at", "timestamp", "Message.at", false),
    col("author", "text", "Message.author (customer, agent, bot, system)", false),
    col("is_public", "boolean", "Message.public", false),
    col("author_id", "text", "Message.authorId"),
  ],
  events: [
    col("ticket_id", "text", "the Ticket.id holding Ticket.statusHistory", false),
    col("seq", "bigint", "the change's index in Ticket.statusHistory", false),
    col("changed_at", "timestamp", "StatusChange.at", false),
    col("status", "text", "StatusChange.status", false),
  ],
  survey_responses: [
    col("kind", "text", "SurveyResponse.kind (nps, csat, ces)", false),
    col("score", "double", "SurveyResponse.score", false),
    col("scale_min", "double", "SurveyResponse.scale.min", false),
    col("scale_max", "double", "SurveyResponse.scale.max", false),
    col("answered_at", "timestamp", "SurveyResponse.answeredAt", false),
    col("ticket_id", "text", "SurveyResponse.ticketId"),
    col("customer_id", "text", "SurveyResponse.customerId"),
    col("agent", "text", "SurveyResponse.agent"),
    col("channel", "text", "SurveyResponse.channel"),
  ],
  schedule_intervals: [
    col("opens_at", "timestamp", "the start of an opening interval of the Schedule (UTC instant)", false),
    col("closes_at", "timestamp", "its end, exclusive", false),
  ],
};

/** The helpdesk duration column of a field (`firstReply` → `helpdesk_first_reply_ms`). @internal */
export function helpdeskColumnOf(key: HelpdeskDurationKey): string {
  return helpdeskColumn(key);
}

/**
 * `CREATE TABLE` statements of the {@link WAREHOUSE_SCHEMA} in a dialect, one per table,
 * separated by blank lines.
 *
 * @param dialect - The target dialect.
 * @returns The statements, each ending in `;`.
 * @throws {@link MetricRangeError} `E_OPTION_VALUE` for an unknown dialect.
 * @remarks The tests create their tables with exactly these statements before loading random
 * tickets, so the documented types are the ones the metric queries are checked against.
 * @example
 * ```ts
 * schemaSql("duckdb").startsWith("CREATE TABLE tickets (\n  id VARCHAR NOT NULL,"); // => true
 * ```
 * @see {@link https://www.postgresql.org/docs/current/sql-createtable.html | PostgreSQL: CREATE TABLE}
 * @category SQL
 */
export function schemaSql(dialect: SqlDialect): string {
  const d = dialectRules("schemaSql", dialect);
  return Object.entries(WAREHOUSE_SCHEMA)
    .map(([table, columns]) => {
      const lines = columns.map((c) => `  ${c.name} ${d.type(c.type)}${c.nullable ? "" : " NOT NULL"}`);
      return `CREATE TABLE ${table} (\n${lines.join(",\n")}\n);`;
    })
    .join("\n\n");
}
