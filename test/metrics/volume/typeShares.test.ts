import { describe, expect, it } from "vitest";
import { test, fc } from "@fast-check/vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import type { Ticket } from "../../../src/models/ticket.ts";
import { typeShares } from "../../../src/metrics/volume/typeShares.ts";

const at = (d: number): Date => new Date(Date.UTC(2026, 0, d));
const ticket = (id: string, d: number, type?: string): Ticket => ({
  id,
  createdAt: at(d),
  status: "open",
  ...(type === undefined ? {} : { type }),
});

describe('typeShares ("4 مقاييس دعم العملاء التي تدفع النمو": volume per type, the most common ticket)', () => {
  const tickets = [
    ticket("1", 2, "order status"),
    ticket("2", 3, "order status"),
    ticket("3", 4, "order status"),
    ticket("4", 5, "returns"),
    ticket("5", 6, ""),
    ticket("6", 7),
    ticket("7", 20, "returns"),
  ];

  it("counts each type and missing types under (none), shares adding to 1", () => {
    const r = typeShares(tickets);
    expect(r.types).toEqual([
      { type: "order status", count: 3, share: 3 / 7 },
      { type: "(none)", count: 2, share: 2 / 7 },
      { type: "returns", count: 2, share: 2 / 7 },
    ]);
    expect(r.mostCommon).toEqual(["order status"]);
    expect(r.total).toBe(7);
  });

  it("filters by [from, to) and reports ties in mostCommon", () => {
    const r = typeShares(tickets, { from: at(4), to: at(21) });
    // Days 4, 5, 6, 7 and 20: order status 1, returns 2, (none) 2.
    expect(r.total).toBe(5);
    expect(r.mostCommon).toEqual(["returns"]);
    expect(r.skipped).toEqual({ invalidCreatedAt: 0, outsideRange: 2 });
    const tie = typeShares([ticket("a", 1, "b"), ticket("b", 1, "a")]);
    expect(tie.mostCommon).toEqual(["a", "b"]);
  });

  it("gives no types for no tickets (and never NaN)", () => {
    expect(typeShares([])).toEqual({ types: [], mostCommon: [], total: 0, skipped: { invalidCreatedAt: 0, outsideRange: 0 } });
  });

  it("throws E_PERIOD_ORDER when to is before from", () => {
    expect(() => typeShares([], { from: at(5), to: at(1) })).toThrow(MetricRangeError);
  });

  it("throws E_INVALID_DATE for an invalid bound", () => {
    expect(() => typeShares([], { from: new Date(Number.NaN) })).toThrow("typeShares: from must be a valid Date, got Invalid Date");
  });
});

describe("typeShares properties", () => {
  const arb = fc.array(
    fc
      .record({ d: fc.integer({ min: 1, max: 28 }), type: fc.option(fc.constantFrom("a", "b", "c", ""), { nil: undefined }) })
      .map((x) => ticket(String(x.d), x.d, x.type)),
    { maxLength: 50 },
  );
  test.prop([arb])("shares sum to 1, counts match a naive count, order does not matter", (tickets) => {
    const r = typeShares(tickets);
    if (tickets.length > 0) expect(r.types.reduce((a, t) => a + t.share, 0)).toBeCloseTo(1, 12);
    for (const t of r.types) {
      const naive = tickets.filter((x) => (x.type === undefined || x.type === "" ? "(none)" : x.type) === t.type).length;
      expect(t.count).toBe(naive);
    }
    expect(typeShares([...tickets].reverse())).toEqual(r);
  });
});
