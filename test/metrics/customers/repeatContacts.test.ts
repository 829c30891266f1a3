/**
 * Customers and repeat contacts on hand-built tickets (7-day window; every figure worked out in
 * the comments), the judging moment's censoring, and the errors.
 */
import { describe, expect, it } from "vitest";
import type { Ticket } from "../../../src/models/index.ts";
import { repeatContacts, repeatContactsAccumulator, repeatStanding } from "../../../src/metrics/customers/index.ts";
import { errorCodeOf } from "../../_support/errors.ts";

const DAY = 86_400_000;
const t = (id: string, day: number, requesterId?: string): Ticket => ({
  id,
  status: "solved",
  createdAt: new Date(Date.UTC(2026, 0, 1) + day * DAY),
  ...(requesterId === undefined ? {} : { requesterId }),
});

// ana: days 0, 3, 20 → day 0 repeated (day 3 within 7), day 3 single (next is day 20), day 20 window open at day 25.
// bo: days 1, 8 → day 1 repeated (exactly 7 days later counts), day 8 single (window ends day 15 ≤ 25).
// cy: day 10, day 10 (same instant) → neither is the other's repeat: both single.
// one ticket without a requester.
const tickets = [
  t("1", 0, "ana"),
  t("2", 3, "ana"),
  t("3", 20, "ana"),
  t("4", 1, "bo"),
  t("5", 8, "bo"),
  t("6", 10, "cy"),
  t("7", 10, "cy"),
  t("8", 2),
];
const asOf = new Date(Date.UTC(2026, 0, 1) + 25 * DAY);

describe("repeatContacts", () => {
  const r = repeatContacts(tickets, { asOf });

  it("counts customers and contacts per customer", () => {
    expect(r.customers).toBe(3);
    expect(r.contacts).toBe(7);
    expect(r.contactsPerCustomer).toBe(7 / 3);
    // Contacts per customer 2, 2, 3: median 2, p90 = 2 + 0.8 × (3 − 2) = 2.8, max 3.
    expect(r.perCustomer?.median).toBe(2);
    expect(r.perCustomer?.p90).toBeCloseTo(2.8, 12);
    expect(r.perCustomer?.max).toBe(3);
    expect(r.repeatCustomers).toBe(3);
    expect(r.skipped).toEqual({ noRequester: 1 });
  });

  it("judges each ticket whose window is over: the earlier ticket of a pair is the repeat", () => {
    expect(r.judged).toBe(6);
    expect(r.windowOpen).toBe(1);
    expect(r.repeated).toBe(2);
    expect(r.repeatRate).toBe(2 / 6);
    expect(r.window).toBe(7 * DAY);
    expect(r.judgedAt).toEqual(asOf);
    expect(r.interval?.lower).toBeLessThan(2 / 6);
  });

  it("a longer window finds more repeats; an earlier as-of judges fewer tickets", () => {
    // 30 days: every window ends after day 25 (the as-of), so no ticket can be judged yet.
    expect(repeatContacts(tickets, { asOf, window: { days: 30 } }).judged).toBe(0);
    const wide = repeatContacts(tickets, { asOf: new Date(Date.UTC(2026, 2, 1)), window: { days: 30 } });
    // ana 0→3, ana 3→20, bo 1→8 repeated; ana 20, bo 8, cy 10, cy 10 single.
    expect([wide.repeated, wide.judged, wide.windowOpen]).toEqual([3, 7, 0]);
    const early = repeatContacts(tickets, { asOf: new Date(Date.UTC(2026, 0, 1) + 9 * DAY) });
    // Windows over by day 9: tickets of days 0, 1 (both repeated).
    expect([early.repeated, early.judged]).toEqual([2, 2]);
  });

  it("has no rate without a judged ticket, and no distribution without a customer", () => {
    const none = repeatContacts([t("1", 0)], { asOf });
    expect(none.repeatRate).toBeUndefined();
    expect(none.perCustomer).toBeUndefined();
    expect(none.contactsPerCustomer).toBeUndefined();
    expect(none.interval).toBeUndefined();
  });

  it("repeatStanding: strictly after, at most the window later", () => {
    expect(repeatStanding([0, 0], 0, DAY, 10 * DAY)).toBe("single");
    expect(repeatStanding([0, DAY], 0, DAY, 10 * DAY)).toBe("repeated");
    expect(repeatStanding([0, DAY + 1], 0, DAY, 10 * DAY)).toBe("single");
    expect(repeatStanding([0, DAY], 0, DAY, DAY - 1)).toBe("windowOpen");
    expect(repeatStanding([0, DAY], 0, DAY, DAY)).toBe("repeated");
  });

  it("refuses bad options and bad states", () => {
    expect(errorCodeOf(() => repeatContacts(tickets, { asOf: new Date(Number.NaN) }))).toBe("E_INVALID_DATE");
    expect(errorCodeOf(() => repeatContacts(tickets, { asOf, window: -1 }))).toBe("E_DURATION");
    expect(errorCodeOf(() => repeatContacts(tickets, { asOf, window: { months: 1 } }))).toBe("E_DURATION");
    const acc = repeatContactsAccumulator({ asOf });
    expect(errorCodeOf(() => acc.fromJSON({ kind: "repeatContacts", v: 1, noRequester: 0, requesters: [["a", []]] }))).toBe(
      "E_STATE_FORMAT",
    );
    expect(
      errorCodeOf(() =>
        acc.fromJSON({
          kind: "repeatContacts",
          v: 1,
          noRequester: 0,
          requesters: [
            ["a", [1]],
            ["a", [2]],
          ],
        }),
      ),
    ).toBe("E_STATE_FORMAT");
    expect(errorCodeOf(() => acc.fromJSON({ kind: "repeatContacts", v: 1, noRequester: -1, requesters: [] }))).toBe("E_STATE_FORMAT");
    const s = acc.create();
    acc.add(s, t("1", 0, "__proto__"));
    expect(acc.result(acc.fromJSON(JSON.parse(JSON.stringify(acc.toJSON(s))))).customers).toBe(1);
  });
});
