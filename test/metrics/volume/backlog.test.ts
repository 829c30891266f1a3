import { describe, expect, it } from "vitest";
import type { Ticket } from "../../../src/models/ticket.ts";
import { backlog } from "../../../src/metrics/volume/index.ts";
import { codeOf } from "../../_support/errors.ts";
import { ROMANIAN } from "../../_support/sources.ts";

const HOUR = 3_600_000;
const at = (h: number): Date => new Date(Date.UTC(2024, 0, 1, h));

const FIXTURE: Ticket[] = [
  { id: "a", createdAt: at(0), status: "solved", solvedAt: at(2) }, // resolved in 2 h
  { id: "b", createdAt: at(0), status: "closed", solvedAt: at(4) }, // resolved in 4 h → average 3 h
  { id: "c", createdAt: at(1), status: "open" }, // open 9 h at asOf → backlog
  { id: "d", createdAt: at(8), status: "pending" }, // open 2 h → not backlog
  { id: "e", createdAt: at(7), status: "on_hold" }, // open exactly 3 h → not backlog (strictly longer)
  { id: "f", createdAt: at(2), status: "solved", solvedAt: at(12) }, // solved after asOf → open 8 h at asOf → backlog
  { id: "g", createdAt: at(11), status: "new" }, // created after asOf → skipped
];

describe("backlog", () => {
  it(`counts unresolved tickets open longer than the average resolution time (${ROMANIAN}, hand-computed fixture)`, () => {
    expect(backlog(FIXTURE, { asOf: at(10) })).toEqual({
      count: 2,
      tickets: ["c", "f"],
      threshold: 3 * HOUR,
      thresholdSource: "averageResolutionTime",
      averagedResolutions: 2,
      unresolved: 4,
      resolved: 2,
      resolvedByStatusOnly: 0,
      skipped: { createdAfterAsOf: 1, solvedBeforeCreated: 0 },
    });
  });

  it("takes a threshold as milliseconds or as a date-fns Duration", () => {
    const byMs = backlog(FIXTURE, { asOf: at(10), threshold: 8 * HOUR });
    const byDuration = backlog(FIXTURE, { asOf: at(10), threshold: { hours: 8 } });
    expect(byMs.tickets).toEqual(["c"]); // f is open exactly 8 h: not strictly longer
    expect(byDuration).toEqual(byMs);
    expect(byMs.thresholdSource).toBe("option");
    expect(byMs.averagedResolutions).toBe(0);
  });

  it("leaves count undefined when no threshold is given and nothing has a resolution time", () => {
    const result = backlog(
      [
        { id: "x", createdAt: at(0), status: "open" },
        { id: "y", createdAt: at(0), status: "closed" },
      ],
      { asOf: at(5) },
    );
    expect(result.count).toBeUndefined();
    expect(result.threshold).toBeUndefined();
    expect(result.tickets).toEqual([]);
    expect(result.unresolved).toBe(1);
    expect(result.resolvedByStatusOnly).toBe(1);
  });

  it("counts 0, not undefined, with a threshold and no tickets", () => {
    expect(backlog([], { asOf: at(5), threshold: 0 }).count).toBe(0);
  });

  it("skips and counts a ticket solved before it was created, leaving it out of the average", () => {
    const result = backlog(
      [
        { id: "bad", createdAt: at(5), status: "solved", solvedAt: at(1) },
        { id: "ok", createdAt: at(0), status: "solved", solvedAt: at(1) },
        { id: "late", createdAt: at(0), status: "open" },
      ],
      { asOf: at(6) },
    );
    expect(result.threshold).toBe(HOUR);
    expect(result.tickets).toEqual(["late"]);
    expect(result.skipped.solvedBeforeCreated).toBe(1);
  });

  it("treats a reopened ticket as unresolved and leaves it out of the average", () => {
    const result = backlog(
      [
        { id: "r", createdAt: at(0), status: "open", solvedAt: at(1), reopens: 1 },
        { id: "s", createdAt: at(0), status: "solved", solvedAt: at(2) },
      ],
      { asOf: at(5) },
    );
    expect(result.threshold).toBe(2 * HOUR);
    expect(result.tickets).toEqual(["r"]);
  });

  it("throws E_INVALID_DATE for an invalid asOf", () => {
    expect(codeOf(() => backlog([], { asOf: new Date("x") }))).toBe("E_INVALID_DATE backlog: asOf must be a valid Date, got Invalid Date");
  });

  it("throws E_DURATION for a negative or month-based threshold", () => {
    expect(codeOf(() => backlog([], { asOf: at(0), threshold: -1 }))).toBe(
      "E_DURATION backlog: threshold must be a non-negative number of milliseconds, got -1",
    );
    expect(codeOf(() => backlog([], { asOf: at(0), threshold: { months: 1 } }))).toMatch(/^E_DURATION /);
  });
});
