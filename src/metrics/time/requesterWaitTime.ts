import { MetricRangeError } from "../../_lib/errors.ts";
import { assertDate, assertTicketDate } from "../../_lib/guards.ts";
import { exactAdd, exactSum, exactValue } from "../../_lib/exactSum.ts";
import { TICKET_STATUSES, isResolvedStatus, type StatusChange, type Ticket, type TicketStatus } from "../../models/ticket.ts";
import { isSolved } from "./events.ts";
import { measure } from "./measure.ts";
import type { TicketDuration, TimeOptions } from "./durationTypes.ts";

/**
 * Why a ticket has no requester wait time: `unresolved` (not solved or closed now),
 * `noSolveTime` (solved without `solvedAt`) or `noStatusHistory` (no `statusHistory` to
 * tell waiting from pending time).
 *
 * @category Time
 */
export type RequesterWaitSkip = "unresolved" | "noSolveTime" | "noStatusHistory";

/**
 * Options of {@link requesterWaitTime} and {@link requesterWaitTimes}.
 *
 * @category Time
 */
export interface RequesterWaitTimeOptions extends TimeOptions {
  /**
   * Statuses in which the customer is not counted as waiting on the team. Default:
   * `["pending", "on_hold"]`. Pass `["pending"]` to match Zendesk's requester wait time,
   * which counts on-hold time as waiting. `solved` and `closed` never count as waiting.
   */
  readonly exclude?: readonly TicketStatus[] | undefined;
}

const DEFAULT_EXCLUDE: readonly TicketStatus[] = ["pending", "on_hold"];

/**
 * Requester wait time of one resolved ticket: the time from `createdAt` to the final solve
 * (`solvedAt`) that the ticket spent in a waiting status (by default `new` or `open`),
 * leaving out pending and on-hold time.
 *
 * @param ticket - The ticket; reads `createdAt`, `status`, `solvedAt` and `statusHistory`.
 * @param options - {@link RequesterWaitTimeOptions}: `exclude` (default `["pending", "on_hold"]`) and `schedule` (default: calendar time).
 * @returns The measurement (source `fields`; source `helpdesk` when there is no status
 * history or no `solvedAt` but the helpdesk exported `helpdesk.requesterWait`, and with a
 * schedule also `requesterWaitBusiness`, its value in the helpdesk's own business hours); `kind: "skipped"` with `unresolved`,
 * `noSolveTime` or `noStatusHistory`; or `kind: "anomaly"` (`solvedBeforeCreated`, `statusBeforeCreated`).
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if a timestamp read is not a valid Date;
 * `E_OPTION_VALUE` if `exclude` holds something that is not a ticket status.
 * @remarks The ticket is `new` from `createdAt` until the first `statusHistory` entry; each
 * entry's status lasts until the next entry (entries need not be sorted) or until
 * `solvedAt`. Time in `solved` or `closed` (between a solve and a reopen) and in the
 * excluded statuses is not waiting; entries after `solvedAt` are ignored. Only tickets that
 * are solved or closed now are measured, so the total is final.
 * @example
 * ```ts
 * const at = (h: number) => new Date(Date.UTC(2024, 0, 1, h));
 * const r = requesterWaitTime({
 *   id: "1", createdAt: at(0), status: "solved", solvedAt: at(10),
 *   statusHistory: [
 *     { at: at(1), status: "open" },
 *     { at: at(3), status: "pending" }, // 3 h waiting on the customer: not counted
 *     { at: at(6), status: "open" },
 *     { at: at(10), status: "solved" },
 *   ],
 * });
 * r.kind === "measured" && r.ms; // => 25200000
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (how long the customer must wait until the issue is resolved)
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408834848154} (Zendesk ticket metrics: requester wait time)
 * @category Time
 */
export function requesterWaitTime(ticket: Ticket, options?: RequesterWaitTimeOptions): TicketDuration<RequesterWaitSkip> {
  return measureRequesterWait("requesterWaitTime", ticket, options);
}

/** {@link requesterWaitTime} with the caller's name for error messages. @internal */
export function measureRequesterWait(fn: string, ticket: Ticket, options?: RequesterWaitTimeOptions): TicketDuration<RequesterWaitSkip> {
  const exclude = options?.exclude ?? DEFAULT_EXCLUDE;
  for (const status of exclude) {
    if (!TICKET_STATUSES.includes(status)) {
      throw new MetricRangeError("E_OPTION_VALUE", `${fn}: exclude must hold ticket statuses, got ${String(status)}`);
    }
  }
  const created = ticket.createdAt;
  assertTicketDate(fn, "createdAt", created, ticket);
  const solvedAt = ticket.solvedAt;
  if (solvedAt !== undefined) assertTicketDate(fn, "solvedAt", solvedAt, ticket);
  if (!isSolved(ticket)) return { kind: "skipped", reason: "unresolved" };
  const history = ticket.statusHistory ?? [];
  if (solvedAt === undefined || history.length === 0) {
    // The helpdesk's own figure stands in: its calendar value, and with a schedule its value in
    // its own business hours (used only beside a calendar value, so that the calendar and
    // business summaries of a ticket set hold the same tickets).
    const h = ticket.helpdesk;
    const exported =
      h?.requesterWait === undefined ? undefined : options?.schedule === undefined ? h.requesterWait : h.requesterWaitBusiness;
    if (exported !== undefined) return { kind: "measured", ms: exported, start: created, end: solvedAt ?? created, source: "helpdesk" };
  }
  if (solvedAt === undefined) return { kind: "skipped", reason: "noSolveTime" };
  // A contradiction is reported before a skip, so that it is never hidden behind one.
  if (solvedAt.getTime() < created.getTime()) return { kind: "anomaly", reason: "solvedBeforeCreated" };
  if (history.length === 0) return { kind: "skipped", reason: "noStatusHistory" };
  history.forEach((change, i) => assertDate(fn, `statusHistory[${String(i)}].at of ticket ${ticket.id}`, change.at));
  if (history.some((change) => change.at.getTime() < created.getTime())) {
    return { kind: "anomaly", reason: "statusBeforeCreated" };
  }
  const sorted: StatusChange[] = [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
  const waiting = (status: TicketStatus): boolean => !(isResolvedStatus(status) || exclude.includes(status));
  const total = exactSum();
  let from = created;
  let status: TicketStatus = "new";
  for (const change of sorted) {
    if (change.at.getTime() > solvedAt.getTime()) break;
    if (waiting(status)) exactAdd(total, measure(from, change.at, options?.schedule));
    from = change.at;
    status = change.status;
  }
  if (waiting(status)) exactAdd(total, measure(from, solvedAt, options?.schedule));
  const ms = exactValue(total);
  return { kind: "measured", ms, start: created, end: solvedAt, source: "fields" };
}
