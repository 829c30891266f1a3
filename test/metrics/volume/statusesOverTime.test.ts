import { describe, expect, it } from "vitest";
import { test, fc } from "@fast-check/vitest";
import type { Ticket, TicketStatus } from "../../../src/models/ticket.ts";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { statusesOverTime } from "../../../src/metrics/volume/statusesOverTime.ts";
import { volumeByPeriod } from "../../../src/metrics/volume/volumeByPeriod.ts";

const day = (n: number, h = 12): Date => new Date(Date.UTC(2026, 2, n, h)); // March 2026
const range = { from: day(1, 0), to: day(5, 0), timeZone: "UTC" };

describe("statusesOverTime", () => {
  it("reads each day-end status from the history (tickets unassigned, open, pending, resolved)", () => {
    const tickets: Ticket[] = [
      {
        id: "h",
        createdAt: day(1),
        status: "solved",
        solvedAt: day(3),
        assignee: "ana",
        assignedAt: day(2, 9),
        // Given out of order on purpose: sorted by time before use.
        statusHistory: [
          { at: day(3), status: "solved" },
          { at: day(2), status: "pending" },
        ],
      },
      { id: "p", createdAt: day(2), status: "open" }, // no history, no assignee: unassigned while open
      { id: "q", createdAt: day(1), status: "closed", solvedAt: day(4), assignee: "bo" }, // assigned, but when?
    ];
    const r = statusesOverTime(tickets, range);
    // Day ends: 03-02 00:00, 03-03 00:00, 03-04 00:00, 03-05 00:00.
    expect(r.buckets.map((b) => b.label)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"]);
    expect(r.buckets.map((b) => b.byStatus.new)).toEqual([1, 0, 0, 0]); // h is new until its first change
    expect(r.buckets.map((b) => b.byStatus.pending)).toEqual([0, 1, 0, 0]);
    expect(r.buckets.map((b) => b.byStatus.solved)).toEqual([0, 0, 1, 1]);
    expect(r.buckets.map((b) => b.withoutHistory)).toEqual([
      { unresolved: 1, resolved: 0 }, // q
      { unresolved: 2, resolved: 0 }, // p, q
      { unresolved: 2, resolved: 0 },
      { unresolved: 1, resolved: 1 }, // q solved on 03-04
    ]);
    expect(r.buckets.map((b) => [b.unresolved, b.resolved])).toEqual([
      [2, 0],
      [3, 0],
      [2, 1],
      [1, 2],
    ]);
    // h: unassigned at the end of 03-01 only (assigned 03-02 09:00); p: every end after creation.
    expect(r.buckets.map((b) => b.unassigned)).toEqual([1, 1, 1, 1]);
    expect(r.buckets.map((b) => b.assignmentUnknown)).toEqual([1, 1, 1, 0]);
    expect([r.withHistory, r.withoutHistory]).toEqual([1, 2]);
  });

  it("counts a reopened ticket from its history as unresolved again", () => {
    const r = statusesOverTime(
      [
        {
          id: "r",
          createdAt: day(1),
          status: "open",
          statusHistory: [
            { at: day(1), status: "open" },
            { at: day(2), status: "solved" },
            { at: day(3), status: "open" },
          ],
        },
      ],
      range,
    );
    expect(r.buckets.map((b) => b.resolved)).toEqual([0, 1, 0, 0]);
  });

  it("skips and counts tickets it cannot place", () => {
    const r = statusesOverTime(
      [
        { id: "a", createdAt: new Date(Number.NaN), status: "open" },
        { id: "b", createdAt: day(1), status: "open", statusHistory: [{ at: day(2), status: "frozen" as TicketStatus }] },
        { id: "c", createdAt: day(1), status: "solved" },
        { id: "d", createdAt: day(6), status: "open" },
      ],
      range,
    );
    expect(r.skipped).toEqual({
      invalidCreatedAt: 1,
      invalidHistory: 1,
      invalidSolvedAt: 0,
      solvedWithoutSolvedAt: 1,
      solvedBeforeCreated: 0,
      createdAfterRange: 1,
    });
  });

  it("throws E_PERIOD_ORDER when to is before from", () => {
    const call = (): unknown => statusesOverTime([], { from: day(5), to: day(1), timeZone: "UTC" });
    expect(call).toThrow(MetricRangeError);
    expect(call).toThrow(/^statusesOverTime: to must not be before from/);
  });
});

describe("statusesOverTime properties", () => {
  const BASE = Date.UTC(2026, 2, 1);
  const H = 3_600_000;
  const ticketArb = fc
    .record({
      created: fc.integer({ min: BASE - 48 * H, max: BASE + 20 * 24 * H }),
      changes: fc.array(
        fc.record({
          after: fc.integer({ min: 0, max: 10 * 24 * H }),
          status: fc.constantFrom<TicketStatus>("open", "pending", "on_hold", "solved", "closed"),
        }),
        {
          maxLength: 4,
        },
      ),
      withHistory: fc.boolean(),
      solved: fc.boolean(),
      duration: fc.integer({ min: 0, max: 10 * 24 * H }),
    })
    .map((x): Ticket => {
      const base = { id: String(x.created), createdAt: new Date(x.created) };
      const plain: Ticket = x.solved
        ? { ...base, status: "solved", solvedAt: new Date(x.created + x.duration) }
        : { ...base, status: "open" };
      if (!x.withHistory) return plain;
      return { ...plain, statusHistory: x.changes.map((c) => ({ at: new Date(x.created + c.after), status: c.status })) };
    });
  const opts = { from: new Date(BASE), to: new Date(BASE + 15 * 24 * H), timeZone: "Europe/Bucharest" };

  test.prop([fc.array(ticketArb, { maxLength: 30 })])("the status counts partition the existing tickets at every bucket end", (tickets) => {
    const r = statusesOverTime(tickets, opts);
    for (const b of r.buckets) {
      const existing = tickets.filter((t) => t.createdAt.getTime() < b.end.getTime()).length;
      const byStatus = Object.values(b.byStatus).reduce((a, n) => a + n, 0);
      expect(byStatus + b.withoutHistory.unresolved + b.withoutHistory.resolved).toBe(existing);
      expect(b.unresolved + b.resolved).toBe(existing);
      expect(b.unassigned + b.assignmentUnknown).toBeLessThanOrEqual(b.unresolved);
    }
  });

  test.prop([fc.array(ticketArb, { maxLength: 30 })])("without histories, unresolved equals the backlog of volumeByPeriod", (tickets) => {
    const plain = tickets.map(({ statusHistory: _drop, ...rest }) => rest);
    const s = statusesOverTime(plain, opts);
    const v = volumeByPeriod(plain, opts);
    expect(s.buckets.map((b) => b.unresolved)).toEqual(v.buckets.map((b) => b.backlog));
    expect(statusesOverTime([...plain].reverse(), opts)).toEqual(s);
  });
});
