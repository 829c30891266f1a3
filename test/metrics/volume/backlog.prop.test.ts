import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import type { Ticket } from "../../../src/models/ticket.ts";
import { TICKET_STATUSES } from "../../../src/models/ticket.ts";
import { backlog } from "../../../src/metrics/volume/index.ts";

const HOUR = 3_600_000;
const BASE = Date.UTC(2024, 0, 1);

const specs = fc.array(
  fc.record({
    created: fc.integer({ min: 0, max: 30 * 24 }),
    status: fc.constantFrom(...TICKET_STATUSES),
    solveAfter: fc.option(fc.integer({ min: -24, max: 10 * 24 }), { nil: undefined }),
  }),
  { maxLength: 80 },
);

function toTickets(list: readonly { created: number; status: Ticket["status"]; solveAfter: number | undefined }[]): Ticket[] {
  return list.map((s, i) => ({
    id: `t${i}`,
    createdAt: new Date(BASE + s.created * HOUR),
    status: s.status,
    ...(s.solveAfter === undefined ? {} : { solvedAt: new Date(BASE + (s.created + s.solveAfter) * HOUR) }),
  }));
}

const asOfArb = fc.integer({ min: 0, max: 32 * 24 }).map((h) => new Date(BASE + h * HOUR));
const thresholdArb = fc.option(
  fc.integer({ min: 0, max: 10 * 24 }).map((h) => h * HOUR),
  { nil: undefined },
);

/** The rule written out plainly. */
function naive(tickets: readonly Ticket[], asOf: Date, given: number | undefined) {
  const existing = tickets.filter((t) => t.createdAt <= asOf);
  const good = existing.filter((t) => !(t.solvedAt !== undefined && t.solvedAt < t.createdAt));
  const isResolved = (t: Ticket) => (t.status === "solved" || t.status === "closed") && (t.solvedAt === undefined || t.solvedAt <= asOf);
  const timed = good.filter((t) => isResolved(t) && t.solvedAt !== undefined);
  const durations = timed.map((t) => (t.solvedAt as Date).getTime() - t.createdAt.getTime());
  const threshold = given ?? (durations.length === 0 ? undefined : durations.reduce((a, b) => a + b, 0) / durations.length);
  const open = good.filter((t) => !isResolved(t));
  const ids = threshold === undefined ? [] : open.filter((t) => asOf.getTime() - t.createdAt.getTime() > threshold).map((t) => t.id);
  return { threshold, ids, unresolved: open.length, skipped: tickets.length - good.length };
}

test.prop([specs, asOfArb, thresholdArb])("agrees with the naive rule", (list, asOf, threshold) => {
  const tickets = toTickets(list);
  const result = backlog(tickets, threshold === undefined ? { asOf } : { asOf, threshold });
  const expected = naive(tickets, asOf, threshold);
  expect(result.threshold).toBe(expected.threshold);
  expect(result.tickets).toEqual(expected.ids);
  expect(result.unresolved).toBe(expected.unresolved);
  expect(result.skipped.createdAfterAsOf + result.skipped.solvedBeforeCreated).toBe(expected.skipped);
});

test.prop([specs, asOfArb, thresholdArb])(
  "every ticket is counted once; the backlog is part of the unresolved",
  (list, asOf, threshold) => {
    const tickets = toTickets(list);
    const r = backlog(tickets, threshold === undefined ? { asOf } : { asOf, threshold });
    expect(r.unresolved + r.resolved + r.skipped.createdAfterAsOf + r.skipped.solvedBeforeCreated).toBe(tickets.length);
    expect(r.tickets.length).toBeLessThanOrEqual(r.unresolved);
    expect(r.count === undefined ? 0 : r.count).toBe(r.tickets.length);
    expect(r.count === undefined).toBe(r.threshold === undefined);
  },
);

test.prop([specs, asOfArb, fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 240 })])(
  "a longer threshold never makes the backlog bigger",
  (list, asOf, a, b) => {
    const tickets = toTickets(list);
    const short = backlog(tickets, { asOf, threshold: Math.min(a, b) * HOUR });
    const long = backlog(tickets, { asOf, threshold: Math.max(a, b) * HOUR });
    expect(long.count!).toBeLessThanOrEqual(short.count!);
    for (const id of long.tickets) expect(short.tickets).toContain(id);
  },
);

test.prop([specs, asOfArb])("ignores order; duplication keeps the threshold and doubles the count", (list, asOf) => {
  const tickets = toTickets(list);
  const r = backlog(tickets, { asOf });
  const reversed = backlog([...tickets].reverse(), { asOf });
  expect(reversed.threshold).toBe(r.threshold);
  expect([...reversed.tickets].sort()).toEqual([...r.tickets].sort());
  const doubled = backlog([...tickets, ...tickets], { asOf });
  expect(doubled.threshold).toBe(r.threshold);
  expect(doubled.tickets.length).toBe(2 * r.tickets.length);
});
