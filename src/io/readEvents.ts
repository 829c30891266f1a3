import { MetricRangeError } from "../_lib/errors.ts";
import type { AuthorRole } from "../models/message.ts";
import type { FieldChange, StatusChange, TicketField, TicketStatus } from "../models/ticket.ts";
import { applyColumnMap, readModel, type BuildIssue } from "./_engine.ts";
import { EVENT_EXCLUSIONS, EVENT_KEYS, EVENT_LAYOUTS, EVENT_PRESET_NAMES, type EventPreset } from "./_eventPresets.ts";
import { checkTimeZone, ID_SEPARATOR, parseColumnMap, statusReader, type StatusMap } from "./_options.ts";
import { Invalid, readText } from "./_values.ts";
import type { InputSource, ReadOptions, ReadResult } from "./types.ts";

export type { EventPreset } from "./_eventPresets.ts";

/**
 * One change of a ticket history file, with the id of its ticket: a status change (`field`
 * `"status"`, `change` a {@link StatusChange}) or an assignee, group or priority change
 * (`change` a {@link FieldChange}).
 *
 * @category Input
 */
export type TicketEvent =
  | {
      /** The id of the ticket the change belongs to. */
      readonly ticketId: string;
      /** A status change. */
      readonly field: "status";
      /** The change. */
      readonly change: StatusChange;
      /** The role of who made the change, when the file says (`author_role`). */
      readonly authorRole?: AuthorRole;
    }
  | {
      /** The id of the ticket the change belongs to. */
      readonly ticketId: string;
      /** The field that changed. */
      readonly field: TicketField;
      /** The change. */
      readonly change: FieldChange;
      /** The role of who made the change, when the file says (`author_role`). */
      readonly authorRole?: AuthorRole;
    };

/**
 * Options of {@link readEvents}: the shared {@link ReadOptions} (`map` with the fields `ticketId`,
 * `at`, `field`, `value`, `authorId`, `authorRole`), plus the layout and the status names.
 *
 * @category Input
 */
export interface ReadEventsOptions extends ReadOptions {
  /** The layout ({@link EventPreset}); default `"generic"`. */
  readonly preset?: EventPreset;
  /**
   * Extra status names and their category, as `readTickets` takes them (`{ "Escalated": "open" }`
   * or `["Escalated=open"]`); they win over the preset's table. Default: none.
   */
  readonly statusMap?: StatusMap;
}

/**
 * Every events layout {@link readEvents} reads, in the order the docs list them.
 *
 * @example
 * ```ts
 * EVENT_PRESETS.includes("fivetran"); // => true
 * ```
 * @category Input
 */
export const EVENT_PRESETS: readonly EventPreset[] = EVENT_PRESET_NAMES;

/** The key of an event for the duplicate check. */
const eventKey = (ticketId: string, at: Date, field: string, value: string | undefined): string =>
  `${ticketId}\u0000${String(at.getTime())}\u0000${field}\u0000${value === undefined ? "\u0001" : value}`;

/**
 * Reads a ticket history file (a status, assignee, group or priority change per record) as a
 * stream of {@link TicketEvent}s, rejecting and counting the records that do not fit and
 * counting those left out on purpose, so that `read = used + rejected + excluded`.
 *
 * @param input - The history: a {@link InputSource} (in Node `openFile(path)` from
 *   `cx-metrics/io/node`). Its name (`.csv`, `.json`, `.ndjson`, optionally `.gz`) or its first
 *   bytes decide the layout, as for `readTickets`.
 * @param options - {@link ReadEventsOptions}; all optional (`preset` defaults to `"generic"`).
 * @returns The events (single-use async iterable, in file order) with the accounting; final
 *   once iterated. An empty file gives no events.
 * @throws {@link InputFormatError} `E_INPUT_COLUMNS` at once when the preset's required columns
 *   are missing (generic: `ticket_id`, `at`, `field`); `E_INPUT_SYNTAX`, `E_INPUT_EMPTY`,
 *   `E_INPUT_ENCODING`, `E_INPUT_DUPLICATE_COLUMN`, `E_INPUT_GZIP`, `E_INPUT_LIMIT` as `readTickets`.
 * @throws `MetricRangeError` (from `cx-metrics`) `E_PRESET` for an unknown preset; `E_OPTION_VALUE` when
 *   `input` is not a source; `E_TIME_ZONE`, `E_MAP_ENTRY`, `E_MAP_FIELD`, `E_STATUS_MAP` for bad options.
 * @remarks `field` is `status` (the value is read through the preset's status table and
 *   `statusMap`, exactly as `readTickets` reads a ticket's status) or `assignee`, `group`,
 *   `priority` (generic also `assignee_id`, `group_id`; Zendesk and Fivetran name them
 *   `assignee_id`, `group_id`, `priority`); an empty value clears the field (priorities are
 *   lower-cased, as the ticket readers read them). A record is rejected when a required value
 *   is missing or does not parse, a status is unknown or empty, the generic `field` is none of
 *   these, or it repeats an earlier record's ticket, time, field and value (the reason names
 *   that record). Excluded, by reason: a status the preset marks as deleted or spam
 *   (`deleted`, `spam`), a vendor's other fields (`otherField`: tags, subject, custom fields),
 *   Zendesk comments (`comment`) and its other event types (`otherEvent`: notifications, …).
 *   Zendesk JSON counts one record per change (child event or audit event), each carrying its
 *   update's `ticket_id`, `created_at` (else `timestamp`) and author (`updater_id` or the
 *   audit's `author_id`); `Create` events give the values a ticket was created with. Chatwoot's
 *   `reporting_events` give status changes only: `conversation_opened` and
 *   `conversation_bot_handoff` open the conversation, `conversation_resolved` and
 *   `conversation_bot_resolved` resolve it, at `event_end_time` (its other events are
 *   measurements: excluded as `otherEvent`); they name the conversation by its internal id,
 *   which the conversations API shows as `id` only in database exports (the API's `id` is the
 *   `display_id`). Fivetran and Chatwoot timestamps without an offset are UTC unless `timeZone`
 *   says otherwise (the warehouse's and the database's convention). docs/guide/definitions.md ("Ticket history (events)") has the meaning.
 * @example
 * ```ts
 * const { records, stats } = await readEvents(openFile("examples/data/events.csv"));
 * for await (const event of records) console.log(event.ticketId, event.field, event.change.at);
 * stats.read === stats.used + stats.rejected + stats.excluded; // => true
 * ```
 * @see {@link https://developer.zendesk.com/api-reference/ticketing/ticket-management/incremental_exports/ | Zendesk incremental ticket event export}
 * @see {@link https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-audit-events-reference/ | Zendesk ticket audit events}
 * @see {@link https://fivetran.com/docs/connectors/applications/zendesk | Fivetran Zendesk connector (ticket_field_history)}
 * @see {@link https://github.com/chatwoot/chatwoot/blob/develop/app/listeners/reporting_event_listener.rb | Chatwoot reporting events}
 * @category Input
 */
export async function readEvents(input: InputSource, options?: ReadEventsOptions): Promise<ReadResult<TicketEvent>> {
  const fn = "readEvents";
  const opts = options ?? {};
  const preset = opts.preset ?? "generic";
  if (!EVENT_PRESETS.includes(preset)) {
    throw new MetricRangeError("E_PRESET", `${fn}: preset must be one of ${EVENT_PRESETS.join(", ")}, got ${JSON.stringify(preset)}`);
  }
  const layout = EVENT_LAYOUTS[preset];
  const timeZone = checkTimeZone(fn, opts.timeZone) ?? (layout.naiveUtc === true ? "UTC" : undefined);
  const status = statusReader(fn, preset, layout.statuses, opts.statusMap);
  const map = parseColumnMap(fn, opts.map, EVENT_KEYS.slice(0, 6));
  const fields = applyColumnMap(fn, layout.fields({ timeZone, status }), map, () => readText, {
    joinWith: (key) => (key === "ticketId" ? ID_SEPARATOR : key === "at" ? " " : undefined),
  });
  const seen = new Map<string, number>();
  return readModel<TicketEvent>(
    input,
    { ...opts, ...(timeZone === undefined ? {} : { timeZone }) },
    {
      fn,
      preset: `${preset} events`,
      fields,
      ...(layout.unwrap === undefined ? {} : { unwrap: layout.unwrap }),
      build: ({ values, record }) => {
        const type = values["eventType"];
        if (typeof type === "string") {
          const kind = type.trim().toLowerCase();
          if (kind === "comment") return { ok: false, excluded: EVENT_EXCLUSIONS.comment };
          if (kind !== "change" && kind !== "create") return { ok: false, excluded: EVENT_EXCLUSIONS.otherEvent };
        }
        const name = typeof values["field"] === "string" ? values["field"].trim().toLowerCase() : undefined;
        const named = name === undefined ? undefined : layout.named?.get(name);
        const field = named?.[0] ?? (name === undefined ? undefined : layout.names.get(name));
        if (field === undefined) {
          if (layout.othersExcluded) {
            return { ok: false, excluded: layout.named === undefined ? EVENT_EXCLUSIONS.otherField : EVENT_EXCLUSIONS.otherEvent };
          }
          return {
            ok: false,
            issues: [{ key: "field", reason: "must be status, assignee, group or priority (also assignee_id, group_id)" }],
          };
        }
        const ticketId = values["ticketId"] as string;
        const at = values["at"] as Date;
        const authorId = values["authorId"] as string | undefined;
        const authorRole = values["authorRole"] as AuthorRole | undefined;
        const raw = named?.[1] ?? values["value"];
        if (raw !== undefined && typeof raw !== "string" && !(typeof raw === "number" && Number.isFinite(raw))) {
          return { ok: false, issues: [{ key: "value", reason: "must be a string or a number" }] };
        }
        const text = raw === undefined ? undefined : String(raw).trim();
        let value: string | undefined = text === "" ? undefined : text;
        let issue: BuildIssue | undefined;
        if (field === "status") {
          const read = value === undefined ? undefined : (status(value) as TicketStatus | { excluded: string } | Invalid);
          if (read === undefined) issue = { key: "value", reason: "is required for a status change" };
          else if (read instanceof Invalid) issue = { key: "value", reason: read.reason };
          else if (typeof read === "object") return { ok: false, excluded: read.excluded };
          else value = read;
        } else if (field === "priority" && value !== undefined) value = value.toLowerCase();
        if (issue !== undefined) return { ok: false, issues: [issue] };
        const key = eventKey(ticketId, at, field, value);
        const first = seen.get(key);
        if (first !== undefined) {
          return {
            ok: false,
            issues: [
              { key: "ticketId", reason: `must not repeat a change; record ${String(first)} has the same ticket, time, field and value` },
            ],
          };
        }
        seen.set(key, record);
        const by = { ...(authorId === undefined ? {} : { authorId }) };
        const role = authorRole === undefined ? {} : { authorRole };
        const event: TicketEvent =
          field === "status"
            ? { ticketId, field, change: { at, status: value as TicketStatus, ...by }, ...role }
            : { ticketId, field, change: { at, field, ...(value === undefined ? {} : { value }), ...by }, ...role };
        return { ok: true, value: event };
      },
    },
  );
}
