import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import type { Ticket } from "../../../src/models/ticket.ts";
import { newTypes } from "../../../src/metrics/volume/newTypes.ts";

const at = (m: number, d: number, h = 0): Date => new Date(Date.UTC(2026, m - 1, d, h));
const ticket = (id: string, createdAt: Date, type?: string): Ticket => ({
  id,
  createdAt,
  status: "open",
  ...(type === undefined ? {} : { type }),
});
const options = { baseline: { from: at(1, 1), to: at(3, 1) }, period: { from: at(3, 1), to: at(4, 1) } };

describe('newTypes ("4 مقاييس دعم العملاء التي تدفع النمو": is there a brand-new issue you have never seen before?)', () => {
  // The article's example: one day the team is flooded by questions about missing order-confirmation emails.
  const tickets = [
    ticket("1", at(1, 10), "order status"),
    ticket("2", at(2, 10), "returns"),
    ticket("3", at(3, 2), "order status"),
    ticket("4", at(3, 12, 9), "missing confirmation email"),
    ticket("5", at(3, 12, 8), "missing confirmation email"),
    ticket("6", at(3, 12, 10), "missing confirmation email"),
    ticket("7", at(3, 20), "warranty"),
    ticket("8", at(3, 21)), // no type: never "new"
    ticket("9", at(5, 1), "later"), // outside both
  ];

  it("lists the types seen in the period but never in the baseline, earliest first", () => {
    const r = newTypes(tickets, options);
    expect(r.types).toEqual([
      { type: "missing confirmation email", count: 3, firstSeen: at(3, 12, 8) },
      { type: "warranty", count: 1, firstSeen: at(3, 20) },
    ]);
    expect(r.periodTickets).toBe(6);
    expect(r.baselineTickets).toBe(2);
    expect(r.untypedInPeriod).toBe(1);
    expect(r.skipped).toEqual({ invalidCreatedAt: 0, outsideBoth: 1 });
  });

  it("finds nothing new when the period has no tickets, and treats an overlapping ticket as seen", () => {
    expect(newTypes([], options).types).toEqual([]);
    const overlap = newTypes([ticket("x", at(2, 15), "new thing")], {
      baseline: { from: at(1, 1), to: at(3, 1) },
      period: { from: at(2, 1), to: at(4, 1) },
    });
    expect(overlap.types).toEqual([]);
  });

  it("throws E_PERIOD_ORDER for a period that ends before it starts", () => {
    const call = (): unknown => newTypes([], { baseline: options.baseline, period: { from: at(4, 1), to: at(3, 1) } });
    expect(call).toThrow(MetricRangeError);
    expect(call).toThrow(/^newTypes: period\.to must not be before period\.from/);
  });

  it("throws E_INVALID_DATE for an invalid bound", () => {
    expect(() => newTypes([], { baseline: { from: new Date(Number.NaN), to: at(1, 1) }, period: options.period })).toThrow(
      "newTypes: baseline.from must be a valid Date, got Invalid Date",
    );
  });
});
