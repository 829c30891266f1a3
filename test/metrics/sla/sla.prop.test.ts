import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { slaCompliance, ticketSla } from "../../../src/metrics/sla/index.ts";
import type { SlaPolicy } from "../../../src/models/sla.ts";
import { firstResponseTimes } from "../../../src/metrics/time/index.ts";
import type { AuthorRole, Message, Ticket, TicketStatus } from "../../../src/models/index.ts";
import { MINUTE, OFFICE } from "../time/_fixtures.ts";

const BASE = Date.UTC(2024, 0, 1, 6, 0);
const DAY_MIN = 24 * 60;
const AUTHORS: AuthorRole[] = ["customer", "agent", "bot"];
const STATUSES: TicketStatus[] = ["new", "open", "solved", "closed"];

const ticketArb = fc
  .record({
    created: fc.integer({ min: 0, max: 7 * DAY_MIN }),
    messages: fc.option(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * DAY_MIN }), fc.constantFrom(...AUTHORS), fc.boolean()), { maxLength: 8 }),
      { nil: undefined },
    ),
    reply: fc.option(fc.integer({ min: 0, max: 3 * DAY_MIN }), { nil: undefined }),
    solve: fc.option(fc.integer({ min: 0, max: 5 * DAY_MIN }), { nil: undefined }),
    status: fc.constantFrom(...STATUSES),
    priority: fc.constantFrom("low", "high", undefined),
    channel: fc.constantFrom("email", "chat", undefined),
  })
  .map((r): Omit<Ticket, "id"> => {
    const createdAt = new Date(BASE + r.created * MINUTE);
    const after = (m: number): Date => new Date(createdAt.getTime() + m * MINUTE);
    const messages = r.messages?.map(([m, author, isPublic]): Message => ({ at: after(m), author, public: isPublic }));
    return {
      createdAt,
      status: r.status,
      ...(messages === undefined ? {} : { messages }),
      ...(r.reply === undefined ? {} : { firstResponseAt: after(r.reply) }),
      ...(r.solve === undefined ? {} : { solvedAt: after(r.solve) }),
      ...(r.priority === undefined ? {} : { priority: r.priority }),
      ...(r.channel === undefined ? {} : { channel: r.channel }),
    };
  });
const ticketsArb = fc.array(ticketArb, { maxLength: 20 }).map((l) => l.map((t, i): Ticket => ({ id: `t${String(i)}`, ...t })));
const asOfArb = fc.integer({ min: 0, max: 14 * DAY_MIN }).map((m) => new Date(BASE + m * MINUTE));
const minutesArb = fc.integer({ min: 0, max: 2 * DAY_MIN });

function policyOf(fr: number, next: number, res: number, business: boolean): SlaPolicy {
  const hours = business ? "business" : "calendar";
  return {
    schedule: OFFICE,
    targets: [
      { metric: "firstResponse", within: fr * MINUTE, hours },
      { metric: "firstResponse", within: (fr * MINUTE) / 2, priority: "high", hours },
      { metric: "nextResponse", within: next * MINUTE, hours },
      { metric: "resolution", within: res * MINUTE, channel: "chat", hours },
    ],
  };
}

test.prop([ticketsArb, minutesArb, minutesArb, minutesArb, fc.boolean(), asOfArb])(
  "compliance is in [0, 1], counts add up, and missed replies never exceed judged replies",
  (tickets, fr, next, res, business, asOf) => {
    const r = slaCompliance(tickets, { policy: policyOf(fr, next, res, business), asOf });
    if (r.compliance !== undefined) {
      expect(r.compliance).toBeGreaterThanOrEqual(0);
      expect(r.compliance).toBeLessThanOrEqual(1);
    }
    expect(r.compliance === undefined).toBe(r.achieved + r.breached === 0);
    const byMetric = Object.values(r.byMetric);
    expect(byMetric.reduce((n, m) => n + m.achieved, 0)).toBe(r.achieved);
    expect(byMetric.reduce((n, m) => n + m.running, 0)).toBe(r.running);
    expect(r.breaches.length).toBe(r.breached);
    expect(r.missedReplies).toBeLessThanOrEqual(r.judgedReplies);
    for (const b of r.breaches) expect(b.lateBy).toBeGreaterThan(0);
  },
);

test.prop([ticketsArb, minutesArb, minutesArb, asOfArb, fc.boolean()])(
  "a longer first-response target never achieves fewer or breaches more",
  (tickets, a, b, asOf, business) => {
    const short = slaCompliance(tickets, { policy: policyOf(Math.min(a, b), 60, 60, business), asOf }).byMetric.firstResponse;
    const long = slaCompliance(tickets, { policy: policyOf(Math.max(a, b), 60, 60, business), asOf }).byMetric.firstResponse;
    expect(long.achieved).toBeGreaterThanOrEqual(short.achieved);
    expect(long.breached).toBeLessThanOrEqual(short.breached);
  },
);

test.prop([ticketsArb, minutesArb, asOfArb])(
  "a business-hours target is never due before the same calendar-hours target",
  (tickets, fr, asOf) => {
    for (const t of tickets) {
      const cal = ticketSla(t, { policy: policyOf(fr, fr, fr, false), asOf });
      const bus = ticketSla(t, { policy: policyOf(fr, fr, fr, true), asOf });
      expect(bus?.checks.length).toBe(cal?.checks.length);
      bus?.checks.forEach((c, i) => expect(c.due.getTime()).toBeGreaterThanOrEqual((cal?.checks[i]?.due as Date).getTime()));
    }
  },
);

test.prop([ticketsArb, minutesArb, fc.infiniteStream(fc.nat())])("does not depend on the order of tickets", (tickets, fr, keys) => {
  const asOf = new Date(BASE + 30 * DAY_MIN * MINUTE);
  const shuffled = tickets
    .map((t) => ({ t, k: keys.next().value as number }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.t);
  const a = slaCompliance(tickets, { policy: policyOf(fr, fr, fr, false), asOf });
  const b = slaCompliance(shuffled, { policy: policyOf(fr, fr, fr, false), asOf });
  expect([b.compliance, b.achieved, b.breached, b.running, b.missedReplies, b.skipped]).toEqual([
    a.compliance,
    a.achieved,
    a.breached,
    a.running,
    a.missedReplies,
    a.skipped,
  ]);
});

test.prop([ticketsArb, minutesArb])(
  "long after every event, first-response achievement equals the count of first response times within the target",
  (tickets, fr) => {
    const asOf = new Date(BASE + 30 * DAY_MIN * MINUTE);
    const policy: SlaPolicy = { targets: [{ metric: "firstResponse", within: fr * MINUTE }] };
    const r = slaCompliance(tickets, { policy, asOf }).byMetric.firstResponse;
    const frt = firstResponseTimes(tickets);
    expect(r.achieved).toBe([...frt.values].filter((v) => v <= fr * MINUTE).length);
    expect(r.breached).toBe([...frt.values].filter((v) => v > fr * MINUTE).length + frt.skipped.unanswered);
    expect(r.running).toBe(0);
  },
);
