import { MetricRangeError } from "../../_lib/errors.ts";
import { assertTicketDate } from "../../_lib/guards.ts";
import {
  isResolvedStatus,
  TICKET_STATUSES,
  type FieldChange,
  type StatusChange,
  type Ticket,
  type TicketStatus,
} from "../../models/ticket.ts";
import type { Schedule } from "../../models/schedule.ts";
import type { AnomalousDuration, SkippedDuration } from "./durationTypes.ts";
import { measure } from "./measure.ts";

/**
 * Why a ticket has no time in status: `unresolved` (not solved or closed now: the figures are
 * not final), `noStatusHistory` (no `statusHistory`), `noSolveTime` (resolved, but neither the
 * history nor `solvedAt` says when).
 *
 * @category Time
 */
export type StatusTimeSkip = "unresolved" | "noSolveTime" | "noStatusHistory";

/**
 * One ticket's time in status, in milliseconds (calendar, or business with a schedule), from
 * `createdAt` to the last solve event.
 *
 * @category Time
 */
export interface StatusTimeValues {
  /** Time in `new`. */
  readonly new: number;
  /** Time in `open`. */
  readonly open: number;
  /** Time in `pending`. */
  readonly pending: number;
  /** Time in `on_hold`. */
  readonly on_hold: number;
  /** Time in `solved` between a solve and a reopen. */
  readonly solved: number;
  /** Time in `closed` before the last solve event (0 unless the history reopens a closed ticket). */
  readonly closed: number;
  /** Agent work time: `new + open` (Zendesk "agent work time"). */
  readonly agentWork: number;
  /** Agent wait time: `pending` (Zendesk "agent wait time"). */
  readonly agentWait: number;
  /** On-hold time: `on_hold` (Zendesk "on hold time"). */
  readonly onHold: number;
  /** Solve time: `createdAt` to the last solve event, the sum of the six statuses (Zendesk "full resolution time"). */
  readonly solve: number;
  /** Time unassigned while unresolved; `undefined` without an assignee history. */
  readonly unassigned: number | undefined;
  /** The first assignment (at or before the last solve) to the last solve; `undefined` when never assigned by then. */
  readonly firstAssignmentToResolution: number | undefined;
  /** The last assignment (at or before the last solve) to the last solve; `undefined` when never assigned by then. */
  readonly lastAssignmentToResolution: number | undefined;
}

/**
 * The time in status of one resolved ticket with a status history.
 *
 * @category Time
 */
export interface MeasuredStatusTimes {
  /** Discriminant. */
  readonly kind: "measured";
  /** `createdAt`. */
  readonly start: Date;
  /** The last solve event: the last entry of `statusHistory` that enters `solved` or `closed` from another status, else `solvedAt`. */
  readonly end: Date;
  /** Calendar milliseconds. */
  readonly calendar: StatusTimeValues;
  /** Business milliseconds, with a schedule; `undefined` without one. */
  readonly business: StatusTimeValues | undefined;
}

/**
 * The result of {@link statusTimes}: measured, skipped (with a {@link StatusTimeSkip}) or
 * anomalous (`statusBeforeCreated`, `solvedBeforeCreated`).
 *
 * @category Time
 */
export type StatusTimes = MeasuredStatusTimes | SkippedDuration<StatusTimeSkip> | AnomalousDuration;

/**
 * Options of {@link statusTimes}.
 *
 * @category Time
 */
export interface StatusTimesOptions {
  /** Business hours: with one, `business` holds each figure in open time too. Default: none. */
  readonly schedule?: Schedule | undefined;
}

/** Running sums of one clock (calendar or business). */
interface Clock {
  readonly byStatus: Record<TicketStatus, number>;
  unassigned: number;
}

const clock = (): Clock => ({ byStatus: { new: 0, open: 0, pending: 0, on_hold: 0, solved: 0, closed: 0 }, unassigned: 0 });

function valuesOf(c: Clock, withAssignee: boolean, first: number | undefined, last: number | undefined): StatusTimeValues {
  const s = c.byStatus;
  return {
    new: s.new,
    open: s.open,
    pending: s.pending,
    on_hold: s.on_hold,
    solved: s.solved,
    closed: s.closed,
    agentWork: s.new + s.open,
    agentWait: s.pending,
    onHold: s.on_hold,
    solve: s.new + s.open + s.pending + s.on_hold + s.solved + s.closed,
    unassigned: withAssignee ? c.unassigned : undefined,
    firstAssignmentToResolution: first,
    lastAssignmentToResolution: last,
  };
}

const byTime = <T extends { readonly at: Date }>(a: T, b: T): number => a.at.getTime() - b.at.getTime();

/**
 * The last solve event of a status history sorted by time: the last entry entering `solved` or
 * `closed` from an unresolved status (the ticket is `new` before the first entry).
 *
 * @internal
 */
export function lastSolveEvent(sorted: readonly StatusChange[]): Date | undefined {
  let previous: TicketStatus = "new";
  let at: Date | undefined;
  for (const change of sorted) {
    if (isResolvedStatus(change.status) && !isResolvedStatus(previous)) at = change.at;
    previous = change.status;
  }
  return at;
}

/** The history's entries checked (valid dates, known statuses) and sorted by time (stable). */
function checkedStatuses(fn: string, ticket: Ticket, history: readonly StatusChange[]): StatusChange[] {
  history.forEach((change, i) => {
    assertTicketDate(fn, `statusHistory[${String(i)}].at`, change.at, ticket);
    if (!TICKET_STATUSES.includes(change.status)) {
      throw new MetricRangeError(
        "E_UNKNOWN_STATUS",
        `${fn}: statusHistory[${String(i)}].status must be one of ${TICKET_STATUSES.join(", ")} (ticket ${JSON.stringify(ticket.id)}), got ${JSON.stringify(String(change.status))}`,
      );
    }
  });
  return [...history].sort(byTime);
}

/** The ticket's assignee changes, checked and sorted by time; `undefined` when it has none. */
function assigneeChanges(fn: string, ticket: Ticket): FieldChange[] | undefined {
  const fields = ticket.fieldHistory ?? [];
  fields.forEach((change, i) => assertTicketDate(fn, `fieldHistory[${String(i)}].at`, change.at, ticket));
  const changes = fields.filter((change) => change.field === "assignee");
  return changes.length === 0 ? undefined : changes.sort(byTime);
}

const assigned = (change: FieldChange): boolean => change.value !== undefined && change.value !== "";

/**
 * Time in status of one resolved ticket: from `createdAt` to the last solve event, how long the
 * ticket spent in each status, and the figures built on them: agent work time (`new + open`),
 * agent wait time (`pending`), on-hold time (`on_hold`), solve time (all of it), time unassigned
 * while unresolved, and the first and last assignment to the last solve.
 *
 * @param ticket - The ticket; reads `createdAt`, `status`, `statusHistory`, `solvedAt` (when the
 * history records no solve) and `fieldHistory` (its `assignee` changes).
 * @param options - {@link StatusTimesOptions}: `schedule` (default none: calendar time only).
 * @returns {@link MeasuredStatusTimes} in milliseconds; `kind: "skipped"` (`unresolved`,
 * `noStatusHistory`, `noSolveTime`); `kind: "anomaly"` (`statusBeforeCreated`: an entry before
 * `createdAt`; `solvedBeforeCreated`: a `solvedAt` fallback before it).
 * @throws {@link MetricRangeError} `E_INVALID_DATE` for an invalid date (`createdAt`, `solvedAt`,
 * a history entry's `at` of a resolved ticket), naming the ticket; `E_UNKNOWN_STATUS` for a
 * history status outside `TicketStatus` (of a resolved ticket: the histories of unresolved
 * tickets are not read).
 * @remarks The ticket is `new` from `createdAt` to the first history entry; each entry's status
 * lasts until the next entry (entries need not be sorted; equal instants keep their order) or
 * until the last solve event. Entries after the last solve event (`solved` → `closed`) are
 * ignored. Each interval is measured on its own, in calendar time and, with a schedule, in open
 * time, so `new + open + pending + on_hold + solved + closed = solve` in either clock, and each
 * business figure is at most its calendar one. Only tickets solved or closed now are measured,
 * so the figures are final. The assignee is absent at `createdAt` unless the history assigns
 * it then; an entry without a `value` (or with `""`) unassigns. Unassigned time counts only
 * while the status is not `solved` or `closed`.
 * @example
 * ```ts
 * const at = (h: number) => new Date(Date.UTC(2026, 0, 5, h));
 * const r = statusTimes({
 *   id: "1", createdAt: at(0), status: "solved",
 *   statusHistory: [
 *     { at: at(1), status: "open" },
 *     { at: at(3), status: "pending" },
 *     { at: at(6), status: "open" },
 *     { at: at(8), status: "solved" },
 *   ],
 *   fieldHistory: [{ at: at(2), field: "assignee", value: "ana" }],
 * });
 * r.kind === "measured" && r.calendar.agentWork / 3_600_000;  // => 5
 * r.kind === "measured" && r.calendar.agentWait / 3_600_000;  // => 3
 * r.kind === "measured" && r.calendar.unassigned / 3_600_000; // => 2
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408821871642 | Zendesk: ticket metrics} (agent wait, requester wait, on-hold, full resolution time)
 * @see {@link https://github.com/fivetran/dbt_zendesk/blob/main/models/agent_work_time/int_zendesk__ticket_work_time_calendar.sql | Fivetran dbt_zendesk: int_zendesk__ticket_work_time_calendar} (the sums by status)
 * @category Time
 */
export function statusTimes(ticket: Ticket, options?: StatusTimesOptions): StatusTimes {
  return measureStatusTimes("statusTimes", ticket, options?.schedule);
}

/** {@link statusTimes} with the caller's name for error messages. @internal */
export function measureStatusTimes(fn: string, ticket: Ticket, schedule: Schedule | undefined): StatusTimes {
  const created = ticket.createdAt;
  assertTicketDate(fn, "createdAt", created, ticket);
  if (ticket.solvedAt !== undefined) assertTicketDate(fn, "solvedAt", ticket.solvedAt, ticket);
  // As requesterWaitTime: the histories of the tickets not measured (unresolved) are not read.
  if (!isResolvedStatus(ticket.status)) return { kind: "skipped", reason: "unresolved" };
  const sorted = checkedStatuses(fn, ticket, ticket.statusHistory ?? []);
  const assignees = assigneeChanges(fn, ticket);
  if (sorted.length === 0) return { kind: "skipped", reason: "noStatusHistory" };
  if ((sorted[0] as StatusChange).at.getTime() < created.getTime()) return { kind: "anomaly", reason: "statusBeforeCreated" };
  const end = lastSolveEvent(sorted) ?? ticket.solvedAt;
  if (end === undefined) return { kind: "skipped", reason: "noSolveTime" };
  if (end.getTime() < created.getTime()) return { kind: "anomaly", reason: "solvedBeforeCreated" };
  const cal = clock();
  const bus = schedule === undefined ? undefined : clock();
  const fields = assignees ?? [];
  let status: TicketStatus = "new";
  let isAssigned = false;
  let from = created;
  const span = (to: Date): void => {
    const ms = to.getTime() - from.getTime();
    const busMs = bus === undefined ? 0 : measure(from, to, schedule);
    cal.byStatus[status] += ms;
    if (bus !== undefined) bus.byStatus[status] += busMs;
    if (!isAssigned && !isResolvedStatus(status)) {
      cal.unassigned += ms;
      if (bus !== undefined) bus.unassigned += busMs;
    }
    from = to;
  };
  // Both histories merged by time; an interval between two instants has one status and one assignee state.
  let i = 0;
  let j = 0;
  for (;;) {
    const s = sorted[i];
    const f = fields[j];
    const next = s !== undefined && (f === undefined || s.at.getTime() <= f.at.getTime()) ? s : f;
    if (next === undefined || next.at.getTime() > end.getTime()) break;
    span(next.at < from ? from : next.at);
    if (next === s) {
      status = s.status;
      i++;
    } else {
      isAssigned = assigned(f as FieldChange);
      j++;
    }
  }
  span(end);
  const assignedBy = fields.filter((change) => assigned(change) && change.at.getTime() <= end.getTime());
  const firstAt = assignedBy[0]?.at;
  const lastAt = assignedBy[assignedBy.length - 1]?.at;
  // An assignment before createdAt counts from createdAt.
  const since = (at: Date | undefined, withSchedule: Schedule | undefined): number | undefined =>
    at === undefined ? undefined : measure(at < created ? created : at, end, withSchedule);
  const withAssignee = assignees !== undefined;
  return {
    kind: "measured",
    start: created,
    end,
    calendar: valuesOf(cal, withAssignee, since(firstAt, undefined), since(lastAt, undefined)),
    business: bus === undefined ? undefined : valuesOf(bus, withAssignee, since(firstAt, schedule), since(lastAt, schedule)),
  };
}
