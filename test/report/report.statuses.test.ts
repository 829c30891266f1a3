import { describe, expect, test } from "vitest";
import type { Ticket, TicketStatus } from "../../src/models/index.ts";
import { report, reportAccumulator, type ReportOptions } from "../../src/report/index.ts";

/**
 * Known answers for `volume.statuses`, worked out by hand below. Source: "Métricas para
 * servicio al cliente ¡12 Indispensables!" (tickets unassigned, open, pending and resolved, followed over time).
 */
const at = (day: number, hour = 0): Date => new Date(Date.UTC(2026, 2, day, hour)); // March 2026, UTC
const options: ReportOptions = { asOf: at(10), timeZone: "UTC", period: { from: at(1), to: at(4) } };

const TICKETS: Ticket[] = [
  // A: open (assigned at 11:00 on the 1st), pending from the 2nd, solved on the 3rd.
  {
    id: "A",
    createdAt: at(1, 10),
    status: "solved",
    solvedAt: at(3, 15),
    assignee: "ana",
    assignedAt: at(1, 11),
    statusHistory: [
      { at: at(3, 15), status: "solved" },
      { at: at(1, 10), status: "open" },
      { at: at(2, 9), status: "pending" },
    ],
  },
  // B: created before the period, no history, still open, never assigned.
  { id: "B", createdAt: new Date(Date.UTC(2026, 1, 28, 20)), status: "open" },
  // C: no history, closed the day it was created; an assignee without assignedAt.
  { id: "C", createdAt: at(2, 8), status: "closed", solvedAt: at(2, 20), assignee: "bo" },
  // D: new until 06:00 on the 3rd, then on hold; assigned at 10:00 on the 3rd.
  {
    id: "D",
    createdAt: at(2, 12),
    status: "on_hold",
    assignee: "cy",
    assignedAt: at(3, 10),
    statusHistory: [{ at: at(3, 6), status: "on_hold" }],
  },
  // E: created after the period → createdAfterRange.
  { id: "E", createdAt: at(5), status: "open" },
  // F: a history entry with an invalid date → invalidHistory.
  { id: "F", createdAt: at(1, 12), status: "open", statusHistory: [{ at: new Date(Number.NaN), status: "open" }] },
  // G: solved without solvedAt and no history → solvedWithoutSolvedAt.
  { id: "G", createdAt: at(1, 12), status: "solved" },
];

const zero: Record<TicketStatus, number> = { new: 0, open: 0, pending: 0, on_hold: 0, solved: 0, closed: 0 };

describe("report: statuses at the end of each bucket", () => {
  test("known answers on four tickets (and three skipped)", () => {
    const s = report({ tickets: TICKETS }, options).volume?.statuses;
    expect(s?.withHistory).toBe(2); // A, D
    expect(s?.withoutHistory).toBe(2); // B, C
    expect(s?.buckets).toEqual([
      // End of March 1: A open (assigned), B unresolved and unassigned; C and D not created yet.
      {
        label: "2026-03-01",
        start: "2026-03-01T00:00:00.000Z",
        end: "2026-03-02T00:00:00.000Z",
        unresolved: 2,
        resolved: 0,
        unassigned: 1,
        assignmentUnknown: 0,
        byStatus: { ...zero, open: 1 },
        withoutHistory: { unresolved: 1, resolved: 0 },
      },
      // End of March 2: A pending, B unresolved, C resolved (its unresolved span had no bucket end), D new and unassigned.
      {
        label: "2026-03-02",
        start: "2026-03-02T00:00:00.000Z",
        end: "2026-03-03T00:00:00.000Z",
        unresolved: 3,
        resolved: 1,
        unassigned: 2,
        assignmentUnknown: 0,
        byStatus: { ...zero, new: 1, pending: 1 },
        withoutHistory: { unresolved: 1, resolved: 1 },
      },
      // End of March 3: A solved, B unresolved, C resolved, D on hold and assigned.
      {
        label: "2026-03-03",
        start: "2026-03-03T00:00:00.000Z",
        end: "2026-03-04T00:00:00.000Z",
        unresolved: 2,
        resolved: 2,
        unassigned: 1,
        assignmentUnknown: 0,
        byStatus: { ...zero, on_hold: 1, solved: 1 },
        withoutHistory: { unresolved: 1, resolved: 1 },
      },
    ]);
  });

  test("the skip counts, and the same section from two merged chunks", () => {
    const whole = report({ tickets: TICKETS }, options);
    expect(whole.skipped.statuses).toEqual({
      createdAfterRange: 1,
      invalidCreatedAt: 0,
      invalidHistory: 1,
      invalidSolvedAt: 0,
      solvedBeforeCreated: 0,
      solvedWithoutSolvedAt: 1,
    });
    const acc = reportAccumulator(options);
    const a = acc.create();
    const b = acc.create();
    TICKETS.forEach((t, i) => acc.add(i % 2 === 0 ? a : b, t));
    const merged = acc.result(acc.merge(a, b));
    expect(merged.volume?.statuses).toEqual(whole.volume?.statuses);
    expect(merged.skipped.statuses).toEqual(whole.skipped.statuses);
  });
});
