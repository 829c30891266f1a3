import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import type { Ticket } from "../../../src/models/ticket.ts";
import { TICKET_STATUSES } from "../../../src/models/ticket.ts";
import { resolutionRate, resolutionRateFromCounts } from "../../../src/metrics/volume/index.ts";

const HOUR = 3_600_000;
const BASE = Date.UTC(2024, 0, 1);

const ticketSpec = fc.record({
  created: fc.integer({ min: 0, max: 30 * 24 }),
  status: fc.constantFrom(...TICKET_STATUSES),
  solveAfter: fc.option(fc.integer({ min: -24, max: 20 * 24 }), { nil: undefined }),
});

type Spec = { created: number; status: Ticket["status"]; solveAfter: number | undefined };

function toTickets(specs: readonly Spec[]): Ticket[] {
  return specs.map((s, i) => ({
    id: `t${i}`,
    createdAt: new Date(BASE + s.created * HOUR),
    status: s.status,
    ...(s.solveAfter === undefined ? {} : { solvedAt: new Date(BASE + (s.created + s.solveAfter) * HOUR) }),
  }));
}

const period = fc
  .tuple(fc.integer({ min: 0, max: 31 * 24 }), fc.integer({ min: 0, max: 31 * 24 }))
  .map(([a, b]) => ({ from: new Date(BASE + Math.min(a, b) * HOUR), to: new Date(BASE + Math.max(a, b) * HOUR) }));

const input = fc.record({ specs: fc.array(ticketSpec, { maxLength: 80 }), period });

/** The rule written out as plainly as possible. */
function naive(tickets: readonly Ticket[], from: Date, to: Date) {
  const inPeriod = tickets.filter((t) => t.createdAt >= from && t.createdAt < to);
  const bad = inPeriod.filter((t) => t.solvedAt !== undefined && t.solvedAt < t.createdAt);
  const judged = inPeriod.filter((t) => !bad.includes(t));
  const resolved = judged.filter((t) => (t.status === "solved" || t.status === "closed") && (t.solvedAt === undefined || t.solvedAt < to));
  return { inPeriod: inPeriod.length, bad: bad.length, received: judged.length, resolved: resolved.length };
}

test.prop([input])("agrees with the naive rule and its counts add up", ({ specs, period: p }) => {
  const tickets = toTickets(specs);
  const result = resolutionRate(tickets, p);
  const expected = naive(tickets, p.from, p.to);
  expect(result.received).toBe(expected.received);
  expect(result.resolved).toBe(expected.resolved);
  expect(result.skipped.solvedBeforeCreated).toBe(expected.bad);
  expect(result.received + result.skipped.solvedBeforeCreated).toBe(expected.inPeriod);
  expect(result.resolved + result.unresolved).toBe(result.received);
  expect(result.resolvedByStatusOnly).toBeLessThanOrEqual(result.resolved);
  expect(result.value).toBe(expected.received === 0 ? undefined : expected.resolved / expected.received);
});

test.prop([input])("stays within 0..1 and equals resolutionRateFromCounts of its counts", ({ specs, period: p }) => {
  const result = resolutionRate(toTickets(specs), p);
  fc.pre(result.value !== undefined);
  expect(result.value).toBeGreaterThanOrEqual(0);
  expect(result.value).toBeLessThanOrEqual(1);
  expect(result.value).toBe(resolutionRateFromCounts(result.resolved, result.received));
});

test.prop([input])("ignores order; duplication doubles the counts and keeps the rate", ({ specs, period: p }) => {
  const tickets = toTickets(specs);
  const result = resolutionRate(tickets, p);
  expect(resolutionRate([...tickets].reverse(), p)).toEqual(result);
  const doubled = resolutionRate([...tickets, ...tickets], p);
  expect(doubled.value).toBe(result.value);
  expect(doubled.received).toBe(2 * result.received);
});

test.prop([input, fc.nat()])("never drops when an unresolved ticket is solved at once", ({ specs, period: p }, at) => {
  const tickets = toTickets(specs);
  fc.pre(tickets.length > 0);
  const i = at % tickets.length;
  const t = tickets[i] as Ticket;
  const changed = [...tickets];
  changed[i] = { id: t.id, createdAt: t.createdAt, status: "solved", solvedAt: t.createdAt };
  const before = resolutionRate(tickets, p);
  const after = resolutionRate(changed, p);
  fc.pre(before.value !== undefined && after.value !== undefined);
  expect(after.resolved).toBeGreaterThanOrEqual(before.resolved);
  if (after.received === before.received) expect(after.value).toBeGreaterThanOrEqual(before.value);
});

test.prop([fc.array(ticketSpec, { maxLength: 80 }), fc.integer({ min: 0, max: 31 * 24 })])(
  "splitting the period adds up the received counts",
  (specs, cut) => {
    const tickets = toTickets(specs);
    const from = new Date(BASE);
    const mid = new Date(BASE + cut * HOUR);
    const to = new Date(BASE + 31 * 24 * HOUR);
    const whole = resolutionRate(tickets, { from, to });
    const first = resolutionRate(tickets, { from, to: mid });
    const second = resolutionRate(tickets, { from: mid, to });
    expect(first.received + second.received).toBe(whole.received);
    expect(first.skipped.solvedBeforeCreated + second.skipped.solvedBeforeCreated).toBe(whole.skipped.solvedBeforeCreated);
  },
);
