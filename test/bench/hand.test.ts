import { describe, expect, test } from "vitest";
import { compareFigures, figuresOfReport } from "../../bench/agree.ts";
import { generateTickets } from "../../bench/generate.ts";
import { HAND_AS_OF, HAND_OPTIONS, handPass, type HandFigures } from "../../bench/hand.ts";
import type { Ticket } from "../../src/models/index.ts";
import { report } from "../../src/report/index.ts";

/**
 * The benchmark's hand pass (bench/hand.ts) must compute the same figures as `report()` with
 * `HAND_OPTIONS`, or the bench's ratio compares different work. The rules it mirrors are the
 * metrics' documented ones (firstResponseTime, resolutionTime, resolutionRate, backlog,
 * ticketsByStatus).
 */
const agree = (tickets: readonly Ticket[]): string[] =>
  compareFigures(handPass(tickets), figuresOfReport(report({ tickets }, HAND_OPTIONS)));

describe("bench/hand.ts: the hand pass equals report()", () => {
  test.each([42, 7])("2 000 generated tickets, seed %i", (seed) => {
    const tickets = [...generateTickets({ count: 2000, seed, days: 90 })];
    const hand = handPass(tickets);
    // Not vacuous: every KPI has data overall and in each of the generator's four channels.
    expect(Object.keys(hand.byChannel).sort()).toEqual(["chat", "email", "phone", "social"]);
    expect(hand.overall.firstResponse?.count).toBeGreaterThan(1000);
    expect(hand.overall.resolution?.count).toBeGreaterThan(1000);
    expect(hand.overall.backlog.count).toBeGreaterThan(0);
    expect(agree(tickets)).toEqual([]);
  });

  test("edge cases the generator does not make", () => {
    const at = (day: number, hour = 0): Date => new Date(Date.UTC(2026, 2, day, hour)); // March 2026; asOf is April 1st
    const tickets: Ticket[] = [
      // Outbound: an agent wrote first; the first reply is the next agent reply after the customer's message.
      {
        id: "out",
        createdAt: at(1),
        status: "solved",
        solvedAt: at(3),
        channel: "email",
        messages: [
          { at: at(1, 1), author: "agent", public: true },
          { at: at(1, 5), author: "customer", public: true },
          { at: at(1, 6), author: "agent", public: false },
          { at: at(1, 9), author: "agent", public: true },
        ],
      },
      // A customer message before createdAt starts both clocks; a bot reply never counts.
      {
        id: "early",
        createdAt: at(2, 10),
        status: "closed",
        solvedAt: at(2, 20),
        channel: "chat",
        assignee: "ana",
        messages: [
          { at: at(2, 12), author: "bot", public: true },
          { at: at(2, 13), author: "agent", public: true },
          { at: at(2, 8), author: "customer", public: true },
        ],
      },
      // Messages without a customer message: no first response; resolution from createdAt.
      { id: "nocust", createdAt: at(3), status: "solved", solvedAt: at(4), messages: [{ at: at(3, 2), author: "agent", public: true }] },
      // Reply before created (an anomaly), solved before created (skipped everywhere), solved with no solvedAt.
      { id: "anom", createdAt: at(5), status: "open", firstResponseAt: at(4), channel: "" },
      { id: "bad", createdAt: at(5), status: "solved", solvedAt: at(4), channel: "email" },
      { id: "nosolve", createdAt: at(6), status: "closed", channel: "email" },
      // Solved after asOf: resolved for the time summary, unresolved at asOf; created after asOf: skipped.
      { id: "late", createdAt: at(31, 20), status: "solved", solvedAt: new Date(HAND_AS_OF.getTime() + 3_600_000), channel: "email" },
      { id: "future", createdAt: new Date(HAND_AS_OF.getTime() + 1), status: "new", channel: "email" },
      // A final solve before the first solve is an anomaly; a reopened open ticket with a solvedAt is unresolved.
      { id: "order", createdAt: at(7), status: "solved", firstSolvedAt: at(9), solvedAt: at(8), channel: "chat" },
      { id: "reopened", createdAt: at(7), status: "open", solvedAt: at(8), assignee: "", channel: "chat" },
      // Solved exactly at asOf: resolved for the backlog (≤), not for the resolution rate (<).
      { id: "edge", createdAt: at(30), status: "solved", solvedAt: HAND_AS_OF, channel: "chat" },
    ];
    const hand = handPass(tickets);
    expect(hand.byChannel["(none)"]?.statuses.total).toBe(2);
    expect(hand.overall.resolutionRate.resolvedByStatusOnly).toBe(1);
    expect(agree(tickets)).toEqual([]);
  });

  test("an empty input agrees too (no summaries, no threshold)", () => {
    expect(agree([])).toEqual([]);
    expect(handPass([]).overall.backlog.count).toBeUndefined();
  });

  test("compareFigures reports a count off by one and a mean off by more than 1e-9 relative", () => {
    const tickets = [...generateTickets({ count: 300, seed: 42, days: 90 })];
    const hand = handPass(tickets);
    const frt = hand.overall.firstResponse;
    if (frt === undefined) throw new Error("no first responses");
    const off: HandFigures = {
      ...hand,
      overall: {
        ...hand.overall,
        statuses: { ...hand.overall.statuses, open: hand.overall.statuses.open + 1 },
        firstResponse: { ...frt, mean: frt.mean * (1 + 1e-8) },
      },
    };
    expect(compareFigures(off, hand)).toEqual([
      `overall.statuses.open: ${String(hand.overall.statuses.open + 1)} vs ${String(hand.overall.statuses.open)}`,
      `overall.firstResponse.mean: ${String(frt.mean * (1 + 1e-8))} vs ${String(frt.mean)}`,
    ]);
    expect(compareFigures({ ...off, overall: { ...off.overall, firstResponse: { ...frt, mean: frt.mean * (1 + 1e-10) } } }, hand)).toEqual([
      `overall.statuses.open: ${String(hand.overall.statuses.open + 1)} vs ${String(hand.overall.statuses.open)}`,
    ]);
  });
});
