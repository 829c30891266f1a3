import { assertTicketDate } from "../../_lib/guards.ts";
import {
  isResolvedStatus,
  type FieldChange,
  type StatusChange,
  type Ticket,
  type TicketField,
  type TicketStatus,
} from "../../models/ticket.ts";

/**
 * A ticket's handoffs, from its histories. Each count is `undefined` when the history it needs
 * is absent (never 0 for "not known").
 *
 * @category Time
 */
export interface TicketHandoffs {
  /** Distinct assignees the ticket had (`fieldHistory` assignee values); `undefined` without an assignee history. */
  readonly assigneeStations: number | undefined;
  /** Distinct groups the ticket was in (`fieldHistory` group values); `undefined` without a group history. */
  readonly groupStations: number | undefined;
  /** Assignments to an agent other than the last one assigned (the first assignment is not one); `undefined` without an assignee history. */
  readonly reassignments: number | undefined;
  /** Reopen events: `statusHistory` entries leaving `solved` for an unresolved status; `undefined` without a status history. */
  readonly reopens: number | undefined;
}

/**
 * The reopen events of a status history: entries that move the ticket from `solved` or
 * `closed` to a status that is neither (the ticket is `new` before the first entry). The
 * history is read in time order (entries need not be sorted; equal instants keep their order).
 *
 * @param history - The status changes.
 * @returns The number of reopens, 0 for an empty history.
 * @example
 * ```ts
 * const at = (h: number) => new Date(Date.UTC(2026, 0, 5, h));
 * reopenEvents([
 *   { at: at(1), status: "solved" },
 *   { at: at(2), status: "open" },
 *   { at: at(3), status: "solved" },
 *   { at: at(4), status: "closed" },
 * ]); // => 1
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408821871642 | Zendesk: ticket metrics (Reopens)}
 * @category Time
 */
export function reopenEvents(history: readonly StatusChange[]): number {
  const sorted = [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
  let previous: TicketStatus = "new";
  let reopens = 0;
  for (const change of sorted) {
    if (isResolvedStatus(previous) && !isResolvedStatus(change.status)) reopens++;
    previous = change.status;
  }
  return reopens;
}

const present = (value: string | undefined): value is string => value !== undefined && value !== "";

function changesOf(ticket: Ticket, field: TicketField): FieldChange[] | undefined {
  const changes = (ticket.fieldHistory ?? []).filter((change) => change.field === field);
  return changes.length === 0 ? undefined : changes.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function stations(changes: readonly FieldChange[] | undefined): number | undefined {
  return changes === undefined ? undefined : new Set(changes.map((c) => c.value).filter(present)).size;
}

/**
 * A ticket's handoffs: the distinct assignees and groups it passed through (its stations), how
 * many times it was reassigned, and how many times it was reopened, from its histories.
 *
 * @param ticket - The ticket; reads `fieldHistory` (assignee and group changes) and `statusHistory`.
 * @returns The {@link TicketHandoffs}; a count is `undefined` when its history is absent.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` for a history entry whose `at` is not a valid Date, naming the ticket.
 * @remarks Stations are distinct non-empty values (an entry without a value, unassigning, is
 * not a station; A → B → A is 2 stations). A reassignment is an assignment to an agent other
 * than the last agent assigned before it, so A → (none) → B is one reassignment and
 * A → (none) → A none. Zendesk's `assignee_stations` / `group_stations` and Fivetran's
 * `assignee_stations_count` / `group_stations_count` count assignments rather than distinct
 * values (A → B → A is 3 there); Fivetran's `unique_assignee_count` is ours.
 * @example
 * ```ts
 * const at = (h: number) => new Date(Date.UTC(2026, 0, 5, h));
 * ticketHandoffs({
 *   id: "1", createdAt: at(0), status: "open",
 *   fieldHistory: [
 *     { at: at(1), field: "assignee", value: "ana" },
 *     { at: at(2), field: "assignee", value: "bo" },
 *     { at: at(3), field: "assignee", value: "ana" },
 *   ],
 * }); // => { assigneeStations: 2, groupStations: undefined, reassignments: 2, reopens: undefined }
 * ```
 * @see {@link https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/ | Zendesk API: ticket metrics} (assignee_stations, group_stations, reopens)
 * @see {@link https://github.com/fivetran/dbt_zendesk/blob/main/models/intermediate/int_zendesk__ticket_historical_assignee.sql | Fivetran dbt_zendesk: int_zendesk__ticket_historical_assignee}
 * @category Time
 */
export function ticketHandoffs(ticket: Ticket): TicketHandoffs {
  const fn = "ticketHandoffs";
  (ticket.fieldHistory ?? []).forEach((c, i) => assertTicketDate(fn, `fieldHistory[${String(i)}].at`, c.at, ticket));
  (ticket.statusHistory ?? []).forEach((c, i) => assertTicketDate(fn, `statusHistory[${String(i)}].at`, c.at, ticket));
  const assignees = changesOf(ticket, "assignee");
  let reassignments: number | undefined;
  if (assignees !== undefined) {
    reassignments = 0;
    let last: string | undefined;
    for (const change of assignees) {
      if (!present(change.value)) continue;
      if (last !== undefined && change.value !== last) reassignments++;
      last = change.value;
    }
  }
  const history = ticket.statusHistory ?? [];
  return {
    assigneeStations: stations(assignees),
    groupStations: stations(changesOf(ticket, "group")),
    reassignments,
    reopens: history.length === 0 ? undefined : reopenEvents(history),
  };
}
