// SLA clocks that pause by status (SlaTarget.pauseIn), with breach instants worked out by hand on
// the New York log of test/metrics/time/_statusLog.ts (its status times are worked out in
// test/metrics/time/statusTimes.test.ts). UTC instants throughout; New York jumps from EST (UTC−5)
// to EDT (UTC−4) on Sunday 2026-03-08 at 07:00Z.
import { describe, expect, it } from "vitest";
import { slaCompliance, ticketSla } from "../../../src/metrics/sla/index.ts";
import type { SlaPolicy, SlaTarget, Ticket } from "../../../src/models/index.ts";
import { codeOf } from "../../_support/errors.ts";
import { H, LOG, NEW_YORK, s, z } from "../time/_statusLog.ts";

const ASOF = z("2026-03-31T00:00:00");
const check = (ticket: Ticket, target: SlaTarget, asOf = ASOF) => {
  const r = ticketSla(ticket, { policy: { schedule: NEW_YORK, targets: [target] }, asOf });
  const c = r?.checks[0];
  if (c === undefined) throw new Error("no check");
  return { status: c.status, due: c.due.toISOString(), breachAt: c.breachAt?.toISOString(), lateBy: c.lateBy };
};

describe("SLA clocks that pause by status", () => {
  it("agent work time (resolution, 20 h calendar, paused in pending, on hold and solved): due when new + open reach 20 h", () => {
    // Running: new Fri 20–21 (1) + open Fri 21:00 → Sat 12:00 (15) = 16 h; pending paused;
    // open Sun 06–08 (2) = 18 h; on hold paused; open Mon 14:00 → 16:00 (2) = 20 h at Mon 16:00Z.
    // Solved at Mon 19:30Z: breached 3.5 h late.
    const target: SlaTarget = { metric: "resolution", within: { hours: 20 }, pauseIn: ["pending", "on_hold", "solved"] };
    expect(check(LOG, target)).toEqual({
      status: "breached",
      due: "2026-03-09T16:00:00.000Z",
      breachAt: "2026-03-09T16:00:00.000Z",
      lateBy: 3.5 * H,
    });
    // Without pauses: Fri 20:00Z + 20 h = Sat 16:00Z, 51.5 h late.
    expect(check(LOG, { metric: "resolution", within: { hours: 20 } })).toMatchObject({
      due: "2026-03-07T16:00:00.000Z",
      lateBy: 51.5 * H,
    });
  });

  it("in business hours across the DST jump (4.5 h, paused on hold only)", () => {
    // Open (NEW_YORK): Fri 14:00–22:00Z; Sun 00:00 EST → 06:00 EDT = 05:00–10:00Z; Mon 13:00–21:00Z.
    // new Fri 20–21 (1) + open Fri 21–22 (1) = 2 h; pending Sat 12:00 → Sun 06:00 runs: Sun 05–06 (1) = 3 h;
    // open from Sun 06:00: the last 1.5 h at Sun 07:30Z (03:30 EDT). Solved Mon 19:30Z: 36 h late.
    // (Had Sunday opened at 04:00Z, as with the EDT offset all day, pending would give 2 h and the due would be Sun 06:30Z.)
    const target: SlaTarget = { metric: "resolution", within: { hours: 4.5 }, hours: "business", pauseIn: ["on_hold"] };
    expect(check(LOG, target)).toEqual({
      status: "breached",
      due: "2026-03-08T07:30:00.000Z",
      breachAt: "2026-03-08T07:30:00.000Z",
      lateBy: 36 * H,
    });
    // Paused in pending and on hold, 8 business hours: 1 + 1 (Fri) + 2 (open Sun 06–08) + 2 (open Mon 14–16)
    // + 2 (solved Mon 16–18, not paused) = 8 h at Mon 18:00Z; solved at 19:30Z: 1.5 h late.
    expect(check(LOG, { ...target, within: { hours: 8 }, pauseIn: ["pending", "on_hold"] })).toMatchObject({
      status: "breached",
      breachAt: "2026-03-09T18:00:00.000Z",
      lateBy: 1.5 * H,
    });
  });

  it("a clock paused at asOf is running, its breach instant counted from asOf; achieved has no breach instant", () => {
    // New Tue 13:00–13:30Z (30 min of the hour), pending since: at asOf Tue 20:00Z the clock
    // resumes at the earliest then, 30 min left: breach at 20:30Z.
    const waiting: Ticket = {
      id: "p",
      createdAt: z("2026-03-10T13:00:00"),
      status: "pending",
      statusHistory: [s("2026-03-10T13:30:00", "pending")],
    };
    const target: SlaTarget = { metric: "firstResponse", within: { hours: 1 }, pauseIn: ["pending"] };
    const asOf = z("2026-03-10T20:00:00");
    expect(check(waiting, target, asOf)).toEqual({
      status: "running",
      due: "2026-03-10T20:30:00.000Z",
      breachAt: "2026-03-10T20:30:00.000Z",
      lateBy: 0,
    });
    // Not paused: due 14:00Z, breached 6 h late at asOf.
    expect(check(waiting, { ...target, pauseIn: [] }, asOf)).toMatchObject({
      status: "breached",
      breachAt: "2026-03-10T14:00:00.000Z",
      lateBy: 6 * H,
    });
    // Answered at 13:45Z: achieved, no breach instant.
    expect(check({ ...waiting, firstResponseAt: z("2026-03-10T13:45:00") }, target, asOf)).toMatchObject({
      status: "achieved",
      breachAt: undefined,
    });
  });

  it("the compliance (and so the report) judges with the pauses", () => {
    const policy: SlaPolicy = { targets: [{ metric: "resolution", within: { hours: 60 }, pauseIn: ["pending", "on_hold"] }] };
    // Running: 71.5 h − 18 (pending) − 30 (on hold) = 23.5 h by the solve: achieved; without pauses 71.5 > 60: breached.
    expect(slaCompliance([LOG], { policy, asOf: ASOF })).toMatchObject({ achieved: 1, breached: 0 });
    expect(slaCompliance([LOG], { policy: { targets: [{ metric: "resolution", within: { hours: 60 } }] }, asOf: ASOF })).toMatchObject({
      achieved: 0,
      breached: 1,
    });
  });

  it("E_SLA_TARGET for a pauseIn that is not a list of statuses", () => {
    const policy = { targets: [{ metric: "resolution", within: 1, pauseIn: ["waiting"] }] } as unknown as SlaPolicy;
    expect(codeOf(() => ticketSla(LOG, { policy, asOf: ASOF }))).toBe(
      'E_SLA_TARGET ticketSla: policy.targets[0].pauseIn must be a list of ticket statuses (new, open, pending, on_hold, solved, closed), got ["waiting"]',
    );
  });
});
