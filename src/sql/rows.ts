/**
 * Models → rows of the warehouse schema: what a loader writes into the tables.
 *
 * @module
 */
import { HELPDESK_DURATION_KEYS, type Ticket } from "../models/ticket.ts";
import type { Schedule } from "../models/schedule.ts";
import { openingIntervals } from "../metrics/time/openingIntervals.ts";
import type { SurveyResponse } from "../models/survey.ts";
import { helpdeskColumnOf, type WarehouseTable } from "./schema.ts";

/**
 * One row of a warehouse table: column name → value, `null` for an absent field (the model's
 * `undefined`). Instants are `Date`s.
 *
 * @category SQL
 */
export type WarehouseRow = Readonly<Record<string, string | number | boolean | Date | null>>;

/**
 * The rows of every warehouse table.
 *
 * @category SQL
 */
export type WarehouseRows = Readonly<Record<Exclude<WarehouseTable, "schedule_intervals">, readonly WarehouseRow[]>>;

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function ticketRow(t: Ticket): WarehouseRow {
  const s = t.satisfaction;
  const row: Record<string, string | number | boolean | Date | null> = {
    id: t.id,
    created_at: t.createdAt,
    status: t.status,
    raw_status: orNull(t.rawStatus),
    channel: orNull(t.channel),
    type: orNull(t.type),
    priority: orNull(t.priority),
    assignee: orNull(t.assignee),
    group_name: orNull(t.group),
    brand: orNull(t.brand),
    requester_id: orNull(t.requesterId),
    assigned_at: orNull(t.assignedAt),
    first_response_at: orNull(t.firstResponseAt),
    first_solved_at: orNull(t.firstSolvedAt),
    solved_at: orNull(t.solvedAt),
    closed_at: orNull(t.closedAt),
    reopens: orNull(t.reopens),
    replies: orNull(t.replies),
    satisfaction_rating: typeof s === "string" ? s : null,
    satisfaction_score: typeof s === "number" ? s : null,
    satisfaction_scale_min: orNull(t.satisfactionScale?.min),
    satisfaction_scale_max: orNull(t.satisfactionScale?.max),
    satisfaction_offered: orNull(t.satisfactionOffered),
  };
  for (const key of HELPDESK_DURATION_KEYS) row[helpdeskColumnOf(key)] = orNull(t.helpdesk?.[key]);
  return row;
}

/**
 * The warehouse rows of tickets (their messages and status histories included) and survey
 * responses, column for column as {@link WAREHOUSE_SCHEMA} declares them.
 *
 * @param tickets - The tickets.
 * @param responses - The survey responses (default none).
 * @returns One array of rows per table; `messages` and `events` rows carry `seq`, the index in
 * the ticket's list.
 * @remarks Nothing is validated or dropped: the rows hold what the models hold. Use it to load a
 * warehouse from data read by `cx-metrics/io`, or in tests.
 * @example
 * ```ts
 * const rows = warehouseRows([{ id: "1", createdAt: new Date("2026-03-01T09:00:00Z"), status: "open" }]);
 * rows.tickets[0]?.status; // => "open"
 * rows.messages.length;    // => 0
 * ```
 * @see docs/guide/warehouse.md (the schema, column by column)
 * @category SQL
 */
export function warehouseRows(tickets: readonly Ticket[], responses: readonly SurveyResponse[] = []): WarehouseRows {
  const messages: WarehouseRow[] = [];
  const events: WarehouseRow[] = [];
  for (const t of tickets) {
    t.messages?.forEach((m, seq) => {
      messages.push({ ticket_id: t.id, seq, sent_at: m.at, author: m.author, is_public: m.public, author_id: orNull(m.authorId) });
    });
    t.statusHistory?.forEach((e, seq) => {
      events.push({ ticket_id: t.id, seq, changed_at: e.at, status: e.status });
    });
  }
  return {
    tickets: tickets.map(ticketRow),
    messages,
    events,
    survey_responses: responses.map((r) => ({
      kind: r.kind,
      score: r.score,
      scale_min: r.scale.min,
      scale_max: r.scale.max,
      answered_at: r.answeredAt,
      ticket_id: orNull(r.ticketId),
      customer_id: orNull(r.customerId),
      agent: orNull(r.agent),
      channel: orNull(r.channel),
    })),
  };
}

/**
 * The rows of the `schedule_intervals` table: the opening intervals of `schedule` in
 * `[from, to)` as UTC instants (`opens_at`, `closes_at`), expanded by the same calendar code as
 * `businessTimeBetween` (DST, holidays and date overrides resolved here, in TypeScript). The
 * business time between two instants inside the range is the total length of their
 * intersections with these intervals, which is how the SQL forms measure it (option
 * `businessHours`).
 *
 * @param schedule - The business hours.
 * @param range - The instants to cover: from the earliest ticket creation (or first customer
 * message) to the latest solve; a duration reaching outside the range loses the open time there.
 * @returns One row per interval, in time order, disjoint and not adjacent.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` for a bad `from` or `to`, the schedule's codes
 * (`E_SCHEDULE_INVALID`, `E_TIME_ZONE`, …), `E_SPAN_LIMIT` for a range over 100 years.
 * @example
 * ```ts
 * const schedule = { timeZone: "Europe/Bucharest", weekly: { mon: [["09:00", "17:00"]] } } as const;
 * const rows = scheduleIntervalRows(schedule, { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-08T00:00:00Z") });
 * rows[0]?.opens_at; // => new Date("2026-03-02T07:00:00.000Z")
 * rows.length;       // => 1
 * ```
 * @see docs/guide/warehouse.md (business hours)
 * @category SQL
 */
export function scheduleIntervalRows(schedule: Schedule, range: { readonly from: Date; readonly to: Date }): WarehouseRow[] {
  const list = openingIntervals("scheduleIntervalRows", schedule, range.from, range.to);
  const rows: WarehouseRow[] = [];
  for (let i = 0; i < list.length; i += 2) rows.push({ opens_at: new Date(list[i] as number), closes_at: new Date(list[i + 1] as number) });
  return rows;
}
