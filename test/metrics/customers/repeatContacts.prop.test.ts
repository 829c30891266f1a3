/**
 * Properties of repeat contacts: parts merge to the whole (through JSON), the order of tickets
 * does not matter, the rate agrees with a naive pairwise reference, and bounds hold.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { Ticket } from "../../../src/models/index.ts";
import { repeatContacts, repeatContactsAccumulator } from "../../../src/metrics/customers/index.ts";
import { cutsArb, wholeAndParts } from "../../_support/accumulators.ts";

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 1);
const ticketArb: fc.Arbitrary<Ticket> = fc
  .record({ day: fc.integer({ min: 0, max: 40 * 24 }), who: fc.option(fc.constantFrom("a", "b", "c", "d", "e"), { nil: undefined }) })
  .map(({ day, who }) => ({
    id: "x",
    status: "open",
    createdAt: new Date(BASE + (day * DAY) / 24),
    ...(who === undefined ? {} : { requesterId: who }),
  }));
const asOfArb = fc.integer({ min: 0, max: 50 }).map((d) => new Date(BASE + d * DAY));
const windowArb = fc.integer({ min: 0, max: 10 * DAY });

describe("repeatContacts properties", () => {
  test.prop([fc.array(ticketArb, { maxLength: 80 }), cutsArb(80), asOfArb, windowArb])(
    "parts merge to the whole",
    (ts, cuts, asOf, window) => {
      const { whole, parts } = wholeAndParts(repeatContactsAccumulator({ asOf, window }), ts, cuts);
      expect(parts).toEqual(whole);
    },
  );

  test.prop([fc.array(ticketArb, { maxLength: 60 }), asOfArb, windowArb])("agrees with a naive pairwise reference", (ts, asOf, window) => {
    const r = repeatContacts(ts, { asOf, window });
    const withId = ts.filter((t) => t.requesterId !== undefined);
    let judged = 0;
    let repeated = 0;
    for (const a of withId) {
      const at = a.createdAt.getTime();
      if (at + window > asOf.getTime()) continue;
      judged++;
      if (withId.some((b) => b.requesterId === a.requesterId && b.createdAt.getTime() > at && b.createdAt.getTime() <= at + window))
        repeated++;
    }
    expect([r.judged, r.repeated]).toEqual([judged, repeated]);
    expect(r.judged + r.windowOpen).toBe(r.contacts);
    expect(r.contacts + (r.skipped.noRequester ?? 0)).toBe(ts.length);
    expect(r.customers).toBe(new Set(withId.map((t) => t.requesterId)).size);
    if (r.repeatRate !== undefined) expect(r.repeatRate).toBeGreaterThanOrEqual(0);
    if (r.perCustomer !== undefined) {
      expect(r.perCustomer.median).toBeLessThanOrEqual(r.perCustomer.p90);
      expect(r.perCustomer.p90).toBeLessThanOrEqual(r.perCustomer.max);
    }
  });

  test.prop([fc.array(ticketArb, { maxLength: 60 }), asOfArb])("does not depend on the order of tickets", (ts, asOf) => {
    expect(repeatContacts([...ts].reverse(), { asOf })).toEqual(repeatContacts(ts, { asOf }));
  });

  test.prop([fc.array(ticketArb, { maxLength: 60 }), fc.integer({ min: 0, max: 5 * DAY }), fc.integer({ min: 0, max: 5 * DAY })])(
    "with every window over, a longer window finds at least as many repeats",
    (ts, w1, w2) => {
      const asOf = new Date(BASE + 100 * DAY);
      const [short, long] = w1 <= w2 ? [w1, w2] : [w2, w1];
      expect(repeatContacts(ts, { asOf, window: long }).repeated).toBeGreaterThanOrEqual(
        repeatContacts(ts, { asOf, window: short }).repeated,
      );
    },
  );
});
