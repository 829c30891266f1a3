/**
 * The due time of an SLA clock that stops while the ticket is in some statuses.
 *
 * @internal
 * @module
 */
import type { Schedule } from "../../models/schedule.ts";
import type { StatusChange, TicketStatus } from "../../models/ticket.ts";
import { advance, measure } from "../time/measure.ts";

/**
 * When a clock started at `start`, allowed `ms` of running time (calendar, or open time of
 * `schedule`), falls due if it stops while the ticket's status is in `pause`: the running
 * intervals (between the status changes, the status before the first change being `new`) are
 * walked in time order until they hold `ms`. Changes after `cutoff` (the clock's stop, or
 * `asOf`) are not known yet: the status at `cutoff` is taken to last, and a clock paused then
 * resumes at `cutoff` (the earliest it can fall due). Epoch milliseconds.
 *
 * @internal
 */
export function pausedDue(
  start: Date,
  ms: number,
  schedule: Schedule | undefined,
  history: readonly StatusChange[],
  pause: readonly TicketStatus[],
  cutoff: number,
): number {
  const sorted = [...history].sort((a, b) => a.at.getTime() - b.at.getTime());
  let status: TicketStatus = "new";
  let from = start;
  let left = ms;
  for (const change of sorted) {
    const at = change.at.getTime();
    if (at > cutoff) break;
    if (at > from.getTime()) {
      if (!pause.includes(status)) {
        const running = measure(from, change.at, schedule);
        if (running >= left) return advance(from, left, schedule);
        left -= running;
      }
      from = change.at;
    }
    status = change.status;
  }
  // The last known status lasts: a running clock runs on from `from`; a paused one resumes at the cutoff.
  if (!pause.includes(status)) return advance(from, left, schedule);
  const resume = Math.max(cutoff, from.getTime());
  return advance(new Date(resume), left, schedule);
}
