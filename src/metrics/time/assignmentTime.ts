import { assertTicketDate } from "../../_lib/guards.ts";
import type { Ticket } from "../../models/ticket.ts";
import { helpdeskEnd } from "./events.ts";
import { measure, measured, type DurationSlot } from "./measure.ts";
import type { TicketDuration, TimeOptions } from "./durationTypes.ts";

/**
 * Time to first assignment of one ticket: `assignedAt − createdAt`.
 *
 * @param ticket - The ticket; reads `createdAt` and `assignedAt`.
 * @param options - {@link TimeOptions}: `schedule` for business time (default: calendar time).
 * @returns The measurement (source `fields`, or `helpdesk` from `helpdesk.assignment` when
 * there is no `assignedAt`); `kind: "skipped"` with reason `unassigned` when there is neither; `kind: "anomaly"` (`assignedBeforeCreated`).
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `createdAt` or a present `assignedAt` is not a valid Date.
 * @remarks Only the first assignment is timed; reassignments are not. A ticket assigned at
 * creation measures 0.
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const r = assignmentTime({ id: "1", createdAt: at(0), status: "open", assignedAt: at(15) });
 * r.kind === "measured" && r.ms; // => 900000
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (how fast an issue is assigned to someone who can solve it)
 * @category Time
 */
export function assignmentTime(ticket: Ticket, options?: TimeOptions): TicketDuration<"unassigned"> {
  return measureAssignment("assignmentTime", ticket, options);
}

/** {@link assignmentTime} with the caller's name for error messages. @internal */
export function measureAssignment(fn: string, ticket: Ticket, options?: TimeOptions, slot?: DurationSlot): TicketDuration<"unassigned"> {
  assertTicketDate(fn, "createdAt", ticket.createdAt, ticket);
  const assigned = ticket.assignedAt;
  if (assigned === undefined) {
    const exported = helpdeskEnd(ticket, ticket.helpdesk?.assignment);
    if (exported === undefined) return UNASSIGNED;
    return measured(slot, measure(ticket.createdAt, exported, options?.schedule), ticket.createdAt, exported, "helpdesk");
  }
  assertTicketDate(fn, "assignedAt", assigned, ticket);
  if (assigned.getTime() < ticket.createdAt.getTime()) return ASSIGNED_BEFORE_CREATED;
  return measured(slot, measure(ticket.createdAt, assigned, options?.schedule), ticket.createdAt, assigned, "fields");
}

const UNASSIGNED = Object.freeze({ kind: "skipped", reason: "unassigned" } as const);
const ASSIGNED_BEFORE_CREATED = Object.freeze({ kind: "anomaly", reason: "assignedBeforeCreated" } as const);
