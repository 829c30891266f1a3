import { describe, expect, it } from "vitest";
import {
  handoffs,
  handoffsAccumulator,
  reopenEvents,
  statusTimeAccumulator,
  statusTimes,
  ticketHandoffs,
  timeInStatus,
} from "../../../src/metrics/time/index.ts";
import { reopenRate } from "../../../src/metrics/volume/reopenRate.ts";
import type { StatusTimeFigure } from "../../../src/metrics/time/index.ts";
import { codeOf } from "../../_support/errors.ts";

const at = (h: number): Date => new Date(Date.UTC(2026, 0, 5, h));
const HOUR = 3_600_000;

describe("the TSDoc examples", () => {
  it("statusTimes", () => {
    const r = statusTimes({
      id: "1",
      createdAt: at(0),
      status: "solved",
      statusHistory: [
        { at: at(1), status: "open" },
        { at: at(3), status: "pending" },
        { at: at(6), status: "open" },
        { at: at(8), status: "solved" },
      ],
      fieldHistory: [{ at: at(2), field: "assignee", value: "ana" }],
    });
    expect(r.kind === "measured" && r.calendar.agentWork / HOUR).toBe(5);
    expect(r.kind === "measured" && r.calendar.agentWait / HOUR).toBe(3);
    expect(r.kind === "measured" && (r.calendar.unassigned as number) / HOUR).toBe(2);
  });

  it("statusTimeAccumulator", () => {
    const acc = statusTimeAccumulator("agentWait");
    const s = acc.create();
    acc.add(s, {
      id: "1",
      createdAt: at(0),
      status: "solved",
      statusHistory: [
        { at: at(1), status: "pending" },
        { at: at(3), status: "open" },
        { at: at(4), status: "solved" },
      ],
    });
    acc.add(s, { id: "2", createdAt: at(0), status: "open" });
    expect(acc.result(s).calendar?.median).toBe(7200000);
    expect(acc.result(s).skipped).toEqual({ noSolveTime: 0, noStatusHistory: 0, unresolved: 1 });
  });

  it("timeInStatus, reopenEvents, ticketHandoffs", () => {
    const onHold = timeInStatus(
      [
        {
          id: "1",
          createdAt: at(0),
          status: "solved",
          statusHistory: [
            { at: at(1), status: "on_hold" },
            { at: at(4), status: "solved" },
          ],
        },
      ],
      "onHold",
    );
    expect(onHold.calendar?.mean).toBe(10800000);
    expect(
      reopenEvents([
        { at: at(1), status: "solved" },
        { at: at(2), status: "open" },
        { at: at(3), status: "solved" },
        { at: at(4), status: "closed" },
      ]),
    ).toBe(1);
    expect(
      ticketHandoffs({
        id: "1",
        createdAt: at(0),
        status: "open",
        fieldHistory: [
          { at: at(1), field: "assignee", value: "ana" },
          { at: at(2), field: "assignee", value: "bo" },
          { at: at(3), field: "assignee", value: "ana" },
        ],
      }),
    ).toEqual({ assigneeStations: 2, groupStations: undefined, reassignments: 2, reopens: undefined });
  });
});

describe("statusTimeAccumulator", () => {
  it("counts the assignee skips by reason and reports anomalies apart", () => {
    const acc = statusTimeAccumulator("firstAssignmentToResolution");
    const s = acc.create();
    const solvedAt2 = { status: "solved" as const, statusHistory: [{ at: at(2), status: "solved" as const }] };
    acc.add(s, { id: "a", createdAt: at(0), ...solvedAt2 }); // no assignee history
    acc.add(s, { id: "b", createdAt: at(0), ...solvedAt2, fieldHistory: [{ at: at(3), field: "assignee", value: "x" }] }); // assigned after the solve
    acc.add(s, { id: "c", createdAt: at(0), ...solvedAt2, fieldHistory: [{ at: at(1), field: "assignee", value: "x" }] }); // 1 h
    acc.add(s, { id: "d", createdAt: at(3), ...solvedAt2 }); // the solve before the creation
    const r = acc.result(s);
    expect(r.calendar?.count).toBe(1);
    expect(r.calendar?.max).toBe(HOUR);
    expect(r.sources).toEqual({ messages: 0, fields: 1, helpdesk: 0 });
    expect(r.skipped).toEqual({ neverAssigned: 1, noAssigneeHistory: 1, noSolveTime: 0, noStatusHistory: 0, unresolved: 0 });
    expect(r.anomalies).toEqual({ statusBeforeCreated: 1 });
  });

  it("E_OPTION_VALUE for an unknown figure", () => {
    expect(codeOf(() => statusTimeAccumulator("waiting" as StatusTimeFigure))).toBe(
      'E_OPTION_VALUE statusTimeAccumulator: figure must be one of new, open, pending, on_hold, agentWork, agentWait, onHold, solve, unassigned, firstAssignmentToResolution, lastAssignmentToResolution, got "waiting"',
    );
  });
});

describe("handoffs and the reopen rate from events", () => {
  const solvedTwice = {
    id: "r",
    createdAt: at(0),
    status: "solved" as const,
    reopens: 0, // the field disagrees with the history: `from` chooses
    statusHistory: [
      { at: at(1), status: "solved" as const },
      { at: at(2), status: "open" as const },
      { at: at(3), status: "solved" as const },
    ],
    fieldHistory: [
      { at: at(0), field: "group" as const, value: "t1" },
      { at: at(1), field: "assignee" as const, value: "ana" },
    ],
  };
  const bare = { id: "b", createdAt: at(0), status: "solved" as const, reopens: 1 };

  it("handoffs: each count over the tickets with its history (TSDoc examples too)", () => {
    const r = handoffs([solvedTwice, bare]);
    expect([r.assigneeStations?.count, r.assigneeStations?.mean, r.groupStations?.mean, r.reassignments?.max, r.reopens?.mean]).toEqual([
      1, 1, 1, 0, 1,
    ]);
    expect(r.skipped).toEqual({ noAssigneeHistory: 1, noGroupHistory: 1, noStatusHistory: 1 });
    const acc = handoffsAccumulator();
    const s = acc.create();
    acc.add(s, {
      id: "1",
      createdAt: at(0),
      status: "open",
      fieldHistory: [
        { at: at(1), field: "assignee", value: "ana" },
        { at: at(2), field: "assignee", value: "bo" },
      ],
    });
    expect([acc.result(s).assigneeStations?.mean, acc.result(s).reassignments?.max]).toEqual([2, 1]);
    expect(acc.result(s).skipped).toEqual({ noAssigneeHistory: 0, noGroupHistory: 1, noStatusHistory: 1 });
    expect(acc.result(acc.fromJSON(JSON.parse(JSON.stringify(acc.toJSON(s)))))).toEqual(acc.result(s));
  });

  it("reopenRate from the status history: 1 reopen event (the field says 0); a ticket without a history skipped", () => {
    expect(reopenRate([solvedTwice, bare])).toMatchObject({ solved: 2, reopened: 1, reopens: 1, rate: 0.5 });
    expect(reopenRate([solvedTwice, bare], { from: "statusHistory" })).toMatchObject({
      solved: 1,
      reopened: 1,
      reopens: 1,
      rate: 1,
      skipped: { neverSolved: 0, noStatusHistory: 1 },
    });
    expect(codeOf(() => reopenRate([], { from: "events" as "statusHistory" }))).toBe(
      'E_OPTION_VALUE reopenRate: from must be "reopens" or "statusHistory", got "events"',
    );
  });
});
