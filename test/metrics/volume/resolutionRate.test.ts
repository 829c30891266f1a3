import { describe, expect, it } from "vitest";
import type { Ticket } from "../../../src/models/ticket.ts";
import { resolutionRate, resolutionRateFromCounts } from "../../../src/metrics/volume/index.ts";
import { codeOf } from "../../_support/errors.ts";
import { SPANISH } from "../../_support/sources.ts";

const at = (day: number, hour = 0): Date => new Date(Date.UTC(2024, 0, day, hour));
const JANUARY_WEEK_1 = { from: at(1), to: at(8) };

describe("resolutionRate", () => {
  it(`is resolved / received among the tickets received in the period (${SPANISH}, hand-computed fixture)`, () => {
    const tickets: Ticket[] = [
      { id: "1", createdAt: at(2), status: "solved", solvedAt: at(3) }, // resolved
      { id: "2", createdAt: at(4), status: "open" }, // unresolved
      { id: "3", createdAt: at(5), status: "closed", solvedAt: at(9) }, // solved after `to` → unresolved at `to`
      { id: "4", createdAt: at(6), status: "solved", solvedAt: at(7) }, // resolved
      { id: "5", createdAt: at(20), status: "open" }, // not received in the period
    ];
    expect(resolutionRate(tickets, JANUARY_WEEK_1)).toEqual({
      value: 0.5,
      received: 4,
      resolved: 2,
      unresolved: 2,
      resolvedByStatusOnly: 0,
      skipped: { solvedBeforeCreated: 0 },
    });
  });

  it("uses [from, to): a ticket created at `from` counts, one created at `to` does not; solved exactly at `to` is not resolved by `to`", () => {
    const tickets: Ticket[] = [
      { id: "a", createdAt: at(1), status: "solved", solvedAt: at(8) },
      { id: "b", createdAt: at(8), status: "solved", solvedAt: at(8, 1) },
    ];
    const result = resolutionRate(tickets, JANUARY_WEEK_1);
    expect(result.received).toBe(1);
    expect(result.value).toBe(0);
  });

  it("judges a solved ticket without solvedAt by its status and counts it", () => {
    const tickets: Ticket[] = [
      { id: "1", createdAt: at(2), status: "closed" },
      { id: "2", createdAt: at(3), status: "pending" },
    ];
    const result = resolutionRate(tickets, JANUARY_WEEK_1);
    expect(result.value).toBe(0.5);
    expect(result.resolvedByStatusOnly).toBe(1);
  });

  it("counts a reopened ticket (open, with an earlier solvedAt) as unresolved", () => {
    const tickets: Ticket[] = [{ id: "1", createdAt: at(2), status: "open", solvedAt: at(3), reopens: 1 }];
    expect(resolutionRate(tickets, JANUARY_WEEK_1).value).toBe(0);
  });

  it("skips and counts a ticket solved before it was created", () => {
    const tickets: Ticket[] = [
      { id: "1", createdAt: at(3), status: "solved", solvedAt: at(2) },
      { id: "2", createdAt: at(3), status: "solved", solvedAt: at(4) },
    ];
    const result = resolutionRate(tickets, JANUARY_WEEK_1);
    expect(result).toMatchObject({ value: 1, received: 1, skipped: { solvedBeforeCreated: 1 } });
  });

  it("returns an undefined value when nothing was received, including an empty period", () => {
    expect(resolutionRate([], JANUARY_WEEK_1).value).toBeUndefined();
    expect(resolutionRate([{ id: "1", createdAt: at(1), status: "open" }], { from: at(1), to: at(1) }).value).toBeUndefined();
  });

  it("throws E_INVALID_DATE for an invalid `from` and for a ticket's invalid createdAt", () => {
    expect(codeOf(() => resolutionRate([], { from: new Date("nope"), to: at(8) }))).toBe(
      "E_INVALID_DATE resolutionRate: from must be a valid Date, got Invalid Date",
    );
    expect(codeOf(() => resolutionRate([{ id: "x", createdAt: new Date(Number.NaN), status: "new" }], JANUARY_WEEK_1))).toBe(
      "E_INVALID_DATE resolutionRate: createdAt of ticket x must be a valid Date, got Invalid Date",
    );
  });

  it("throws E_PERIOD_ORDER when `to` is before `from`", () => {
    expect(codeOf(() => resolutionRate([], { from: at(8), to: at(1) }))).toBe(
      "E_PERIOD_ORDER resolutionRate: to must not be before from (2024-01-08T00:00:00.000Z), got 2024-01-01T00:00:00.000Z",
    );
  });
});

describe("resolutionRateFromCounts", () => {
  it(`is resolved / received: 45 of 60 → 0.75 (${SPANISH})`, () => {
    expect(resolutionRateFromCounts(45, 60)).toBe(0.75);
  });

  it("returns undefined when nothing was received", () => {
    expect(resolutionRateFromCounts(0, 0)).toBeUndefined();
  });

  it("throws E_COUNT_RANGE for a negative or fractional count", () => {
    expect(codeOf(() => resolutionRateFromCounts(-1, 5))).toBe(
      "E_COUNT_RANGE resolutionRateFromCounts: resolved must be a non-negative integer, got -1",
    );
    expect(codeOf(() => resolutionRateFromCounts(1, 2.5))).toMatch(/^E_COUNT_RANGE /);
  });

  it("throws E_RESOLVED_EXCEEDS_RECEIVED when resolved > received", () => {
    expect(codeOf(() => resolutionRateFromCounts(6, 5))).toBe(
      "E_RESOLVED_EXCEEDS_RECEIVED resolutionRateFromCounts: resolved must be at most received (5), got 6",
    );
  });
});
