import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { statusTimes, type StatusTimeValues } from "../../../src/metrics/time/statusTimes.ts";
import { reopenEvents, ticketHandoffs } from "../../../src/metrics/time/handoffs.ts";
import { requesterWaitTime } from "../../../src/metrics/time/requesterWaitTime.ts";
import type { Ticket, TicketStatus } from "../../../src/models/ticket.ts";
import { assign, H, LOG, NEW_YORK, s, z } from "./_statusLog.ts";
import { codeOf } from "../../_support/errors.ts";

describe("statusTimes: a hand-built log across a DST change", () => {
  it("the transition used (checked with TZDate): New York is UTC−5 before 2026-03-08T07:00Z and UTC−4 from then", () => {
    const offset = (iso: string): number => -new TZDate(z(iso).getTime(), "America/New_York").getTimezoneOffset() / 60;
    expect(offset("2026-03-08T06:59:00")).toBe(-5);
    expect(offset("2026-03-08T07:00:00")).toBe(-4);
  });

  it("calendar time in each status, and the figures built on them", () => {
    const r = statusTimes(LOG);
    if (r.kind !== "measured") throw new Error(r.reason);
    expect(r.end).toEqual(z("2026-03-09T19:30:00"));
    // new:     Fri 20:00 → 21:00                                         = 1 h
    // open:    Fri 21:00 → Sat 12:00 (15) + Sun 06:00 → 08:00 (2)
    //          + Mon 14:00 → 16:00 (2) + Mon 18:00 → 19:30 (1.5)          = 20.5 h
    // pending: Sat 12:00 → Sun 06:00                                      = 18 h
    // on_hold: Sun 08:00 → Mon 14:00                                      = 30 h
    // solved:  Mon 16:00 → 18:00 (between the solve and the reopen)       = 2 h
    // lifetime Fri 20:00 → Mon 19:30 = 72 − 0.5 = 71.5 h = 1 + 20.5 + 18 + 30 + 2.
    const expected: StatusTimeValues = {
      new: 1 * H,
      open: 20.5 * H,
      pending: 18 * H,
      on_hold: 30 * H,
      solved: 2 * H,
      closed: 0,
      agentWork: 21.5 * H, // new + open
      agentWait: 18 * H, // pending
      onHold: 30 * H,
      solve: 71.5 * H,
      // Unassigned while unresolved: Fri 20:00 → 22:00 (new 1 + open 1) = 2 h; Sun 07:00 → Mon 15:00
      // (open 1 + on_hold 30 + open 1) = 32 h; 34 h in all.
      unassigned: 34 * H,
      firstAssignmentToResolution: 69.5 * H, // Fri 22:00 → Mon 19:30
      lastAssignmentToResolution: 1 * H, // Mon 18:30 → 19:30
    };
    expect(r.calendar).toEqual(expected);
    expect(r.business).toBeUndefined();
  });

  it("business time with a New York schedule whose Sunday shift loses an hour to the jump", () => {
    const r = statusTimes(LOG, { schedule: NEW_YORK });
    if (r.kind !== "measured") throw new Error(r.reason);
    // Open in UTC: Fri 14:00–22:00 (EST); Sun 05:00–10:00 (00:00 EST to 06:00 EDT: 5 real hours);
    // Mon 13:00–21:00 (EDT).
    // new:     Fri 20–21                                 = 1 h
    // open:    Fri 21–22 (1) + Sun 06–08 (2) + Mon 14–16 (2) + Mon 18:00–19:30 (1.5) = 6.5 h
    // pending: Sat 12:00 → Sun 06:00: Sun 05–06          = 1 h
    // on_hold: Sun 08:00 → Mon 14:00: Sun 08–10 (2) + Mon 13–14 (1) = 3 h
    // solved:  Mon 16–18                                 = 2 h
    // open time from Fri 20:00 to Mon 19:30: 2 + 5 + 6.5 = 13.5 h = 1 + 6.5 + 1 + 3 + 2.
    expect(r.business).toEqual({
      new: 1 * H,
      open: 6.5 * H,
      pending: 1 * H,
      on_hold: 3 * H,
      solved: 2 * H,
      closed: 0,
      agentWork: 7.5 * H,
      agentWait: 1 * H,
      onHold: 3 * H,
      solve: 13.5 * H,
      // Fri 20–22 (2) + Sun 07–10 (3) + Mon 13–15 (2)
      unassigned: 7 * H,
      // Fri 22:00 → Mon 19:30: Sun 05–10 (5) + Mon 13:00–19:30 (6.5)
      firstAssignmentToResolution: 11.5 * H,
      lastAssignmentToResolution: 1 * H,
    });
  });

  it("requester wait as Zendesk defines it (new + open + on_hold) is the existing requesterWaitTime with exclude: ['pending']", () => {
    const r = requesterWaitTime(LOG, { exclude: ["pending"] });
    // 1 + 20.5 + 30 = 51.5 h, and in business time 1 + 6.5 + 3 = 10.5 h.
    expect(r.kind === "measured" && r.ms).toBe(51.5 * H);
    const b = requesterWaitTime(LOG, { exclude: ["pending"], schedule: NEW_YORK });
    expect(b.kind === "measured" && b.ms).toBe(10.5 * H);
  });

  it("handoffs: stations, reassignments and reopens", () => {
    // Assignees ana, (none), bo, ana: 2 distinct; bo after ana and ana after bo are 2 reassignments.
    // Groups tier1, tier2: 2. Statuses: solved → open once (solved → closed is not a reopen).
    expect(ticketHandoffs(LOG)).toEqual({ assigneeStations: 2, groupStations: 2, reassignments: 2, reopens: 1 });
    expect(reopenEvents(LOG.statusHistory ?? [])).toBe(1);
  });
});

describe("statusTimes: edge cases", () => {
  const base: Ticket = { id: "e", createdAt: z("2026-01-05T00:00:00"), status: "solved" };

  it("skips unresolved tickets, tickets without a history, and those without a solve time", () => {
    expect(statusTimes({ ...base, status: "open", statusHistory: [s("2026-01-05T01:00:00", "open")] })).toEqual({
      kind: "skipped",
      reason: "unresolved",
    });
    expect(statusTimes({ ...base, solvedAt: z("2026-01-05T02:00:00") })).toEqual({ kind: "skipped", reason: "noStatusHistory" });
    expect(statusTimes({ ...base, statusHistory: [s("2026-01-05T01:00:00", "open")] })).toEqual({ kind: "skipped", reason: "noSolveTime" });
  });

  it("falls back on solvedAt when the history records no solve, and reports contradictions", () => {
    const r = statusTimes({ ...base, solvedAt: z("2026-01-05T03:00:00"), statusHistory: [s("2026-01-05T01:00:00", "pending")] });
    expect(r.kind === "measured" && [r.calendar.new, r.calendar.pending, r.calendar.unassigned]).toEqual([1 * H, 2 * H, undefined]);
    expect(statusTimes({ ...base, statusHistory: [s("2026-01-04T23:00:00", "solved")] })).toEqual({
      kind: "anomaly",
      reason: "statusBeforeCreated",
    });
    expect(statusTimes({ ...base, solvedAt: z("2026-01-04T00:00:00"), statusHistory: [s("2026-01-05T01:00:00", "open")] })).toEqual({
      kind: "anomaly",
      reason: "solvedBeforeCreated",
    });
  });

  it("an assignment after the last solve does not count; never assigned by then gives no assignment figures", () => {
    const r = statusTimes({
      ...base,
      statusHistory: [s("2026-01-05T02:00:00", "solved")],
      fieldHistory: [assign("2026-01-05T03:00:00", "ana")],
    });
    expect(r.kind === "measured" && r.calendar).toMatchObject({
      unassigned: 2 * H,
      firstAssignmentToResolution: undefined,
      lastAssignmentToResolution: undefined,
    });
  });

  it("E_INVALID_DATE and E_UNKNOWN_STATUS name the ticket and the entry", () => {
    const bad = { ...base, statusHistory: [{ at: new Date(Number.NaN), status: "open" as const }] };
    expect(codeOf(() => statusTimes(bad))).toBe(
      "E_INVALID_DATE statusTimes: statusHistory[0].at of ticket e must be a valid Date, got Invalid Date",
    );
    const unknown = { ...base, statusHistory: [{ at: z("2026-01-05T01:00:00"), status: "waiting" as TicketStatus }] };
    expect(codeOf(() => statusTimes(unknown))).toMatch(
      /^E_UNKNOWN_STATUS statusTimes: statusHistory\[0\]\.status .*ticket "e".*"waiting"$/,
    );
    const field = { ...base, fieldHistory: [{ at: new Date(Number.NaN), field: "group" as const, value: "x" }] };
    expect(codeOf(() => ticketHandoffs(field))).toMatch(/^E_INVALID_DATE ticketHandoffs: fieldHistory\[0\]\.at of ticket e/);
  });

  it("handoff counts are undefined, not 0, without their history", () => {
    expect(ticketHandoffs(base)).toEqual({
      assigneeStations: undefined,
      groupStations: undefined,
      reassignments: undefined,
      reopens: undefined,
    });
    // A → (none) → A is no reassignment; an unassignment is not a station.
    const t = {
      ...base,
      fieldHistory: [assign("2026-01-05T01:00:00", "a"), assign("2026-01-05T02:00:00"), assign("2026-01-05T03:00:00", "a")],
    };
    expect(ticketHandoffs(t)).toMatchObject({ assigneeStations: 1, reassignments: 0 });
  });
});
