import { describe, expect, it } from "vitest";
import { test, fc } from "@fast-check/vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import type { Ticket } from "../../../src/models/ticket.ts";
import { typeChange } from "../../../src/metrics/volume/typeChange.ts";
import { typeShares } from "../../../src/metrics/volume/typeShares.ts";

const many = (type: string | undefined, n: number, createdAt: Date): Ticket[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${String(type)}-${createdAt.toISOString()}-${String(i)}`,
    createdAt,
    status: "open",
    ...(type === undefined ? {} : { type }),
  }));
const q3 = { from: new Date("2025-07-01T00:00:00Z"), to: new Date("2025-10-01T00:00:00Z") };
const q4 = { from: new Date("2025-10-01T00:00:00Z"), to: new Date("2026-01-01T00:00:00Z") };

describe('typeChange ("4 مقاييس دعم العملاء التي تدفع النمو": product questions up 20 % at the end of the year)', () => {
  const tickets = [
    ...many("product question", 50, new Date("2025-08-10T00:00:00Z")),
    ...many("product question", 60, new Date("2025-12-01T00:00:00Z")),
    ...many("shipping", 40, new Date("2025-09-10T00:00:00Z")),
    ...many("shipping", 30, new Date("2025-11-10T00:00:00Z")),
    ...many(undefined, 10, new Date("2025-11-11T00:00:00Z")),
  ];
  const r = typeChange(tickets, { baseline: q3, period: q4 });

  it("gives product questions +10 tickets, +20 % (50 in Q3 → 60 in Q4)", () => {
    const pq = r.types.find((t) => t.type === "product question");
    expect(pq).toMatchObject({ baseline: 50, period: 60, change: 10, relativeChange: 0.2 });
    // Shares: 50 of 90 in Q3, 60 of 100 in Q4.
    expect(pq?.baselineShare).toBe(50 / 90);
    expect(pq?.periodShare).toBe(0.6);
    expect(pq?.shareChange).toBe(0.6 - 50 / 90);
  });

  it("gives shipping −25 % and (none) an undefined relative change (nothing to compare with)", () => {
    expect(r.types.find((t) => t.type === "shipping")).toMatchObject({ change: -10, relativeChange: -0.25 });
    expect(r.types.find((t) => t.type === "(none)")).toMatchObject({
      baseline: 0,
      period: 10,
      relativeChange: undefined,
      baselineShare: 0,
    });
    expect(r.total).toEqual({ baseline: 90, period: 100, change: 10, relativeChange: 10 / 90 });
    expect(r.types.map((t) => t.type)).toEqual(["product question", "shipping", "(none)"]);
  });

  it("gives undefined shares and ratios for empty periods, never NaN", () => {
    const empty = typeChange([], { baseline: q3, period: q4 });
    expect(empty.types).toEqual([]);
    expect(empty.total).toEqual({ baseline: 0, period: 0, change: 0, relativeChange: undefined });
  });

  it("throws E_PERIOD_ORDER for a baseline that ends before it starts", () => {
    expect(() => typeChange([], { baseline: { from: q3.to, to: q3.from }, period: q4 })).toThrow(MetricRangeError);
  });
});

describe("typeChange properties", () => {
  const arb = fc.array(
    fc
      .record({ day: fc.integer({ min: 0, max: 200 }), type: fc.option(fc.constantFrom("a", "b", "c"), { nil: undefined }) })
      .map((x): Ticket => ({
        id: String(x.day),
        createdAt: new Date(Date.UTC(2025, 6, 1) + x.day * 86_400_000),
        status: "open",
        ...(x.type === undefined ? {} : { type: x.type }),
      })),
    { maxLength: 60 },
  );
  test.prop([arb])("per-type counts equal typeShares of each period; changes add up to the total change", (tickets) => {
    const r = typeChange(tickets, { baseline: q3, period: q4 });
    const before = typeShares(tickets, q3);
    const after = typeShares(tickets, q4);
    for (const t of r.types) {
      expect(t.baseline).toBe(before.types.find((x) => x.type === t.type)?.count ?? 0);
      expect(t.period).toBe(after.types.find((x) => x.type === t.type)?.count ?? 0);
    }
    expect(r.types.reduce((a, t) => a + t.change, 0)).toBe(r.total.change);
    expect(typeChange([...tickets].reverse(), { baseline: q3, period: q4 })).toEqual(r);
  });
});
