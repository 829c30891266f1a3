/**
 * A hand-built event log across the United States' spring-forward change, shared by the time in
 * status tests (test/metrics/time/statusTimes.test.ts works every figure out by hand) and the
 * report's (test/report/report.statusTime.test.ts).
 */
import type { Schedule } from "../../../src/models/schedule.ts";
import type { FieldChange, StatusChange, Ticket, TicketStatus } from "../../../src/models/ticket.ts";

// A hand-built event log across the United States' spring-forward change: on Sunday
// 2026-03-08 at 02:00 EST (07:00Z) New York clocks jump to 03:00 EDT. Every figure below is
// computed by hand from the UTC instants; hours are written as `n * H`.
export const H = 3_600_000;
export const z = (iso: string): Date => new Date(`${iso}Z`);
export const s = (iso: string, status: TicketStatus): StatusChange => ({ at: z(iso), status });
export const assign = (iso: string, value?: string): FieldChange =>
  value === undefined ? { at: z(iso), field: "assignee" } : { at: z(iso), field: "assignee", value };
const group = (iso: string, value: string): FieldChange => ({ at: z(iso), field: "group", value });

/** Weekdays 09:00–17:00 and a Sunday night shift 00:00–06:00, New York time. */
export const NEW_YORK: Schedule = {
  timeZone: "America/New_York",
  weekly: {
    mon: [["09:00", "17:00"]],
    tue: [["09:00", "17:00"]],
    wed: [["09:00", "17:00"]],
    thu: [["09:00", "17:00"]],
    fri: [["09:00", "17:00"]],
    sun: [["00:00", "06:00"]],
  },
};

export const LOG: Ticket = {
  id: "dst-1",
  createdAt: z("2026-03-06T20:00:00"), // Fri 15:00 EST
  status: "closed",
  solvedAt: z("2026-03-09T19:30:00"),
  statusHistory: [
    s("2026-03-06T21:00:00", "open"), // Fri 16:00 EST
    s("2026-03-07T12:00:00", "pending"), // Sat 07:00 EST
    s("2026-03-08T06:00:00", "open"), // Sun 01:00 EST
    s("2026-03-08T08:00:00", "on_hold"), // Sun 04:00 EDT (after the jump)
    s("2026-03-09T14:00:00", "open"), // Mon 10:00 EDT
    s("2026-03-09T16:00:00", "solved"), // Mon 12:00 EDT
    s("2026-03-09T18:00:00", "open"), // Mon 14:00 EDT: a reopen
    s("2026-03-09T19:30:00", "solved"), // Mon 15:30 EDT: the last solve event
    s("2026-03-10T12:00:00", "closed"), // after the last solve: ignored
  ],
  fieldHistory: [
    group("2026-03-06T20:00:00", "tier1"),
    assign("2026-03-06T22:00:00", "ana"), // Fri 17:00 EST
    assign("2026-03-08T07:00:00"), // Sun 03:00 EDT: unassigned
    assign("2026-03-09T15:00:00", "bo"), // Mon 11:00 EDT
    group("2026-03-09T15:00:00", "tier2"),
    assign("2026-03-09T18:30:00", "ana"), // Mon 14:30 EDT
  ],
};
