import { describe, expect } from "vitest";
import { test, fc } from "@fast-check/vitest";
import type { BucketUnit } from "../../../src/_lib/bucket.ts";
import type { Message } from "../../../src/models/message.ts";
import type { Ticket } from "../../../src/models/ticket.ts";
import { volumeByPeriod, type VolumeByPeriodResult } from "../../../src/metrics/volume/volumeByPeriod.ts";

const BASE = Date.UTC(2026, 2, 1); // March 2026: spans the US and EU DST changes
const HOUR = 3_600_000;
const SPAN = 60 * 24 * HOUR;
const ZONES = ["UTC", "America/Los_Angeles", "Europe/Bucharest", "Asia/Kolkata", "Australia/Lord_Howe"];

const messageArb: fc.Arbitrary<Message> = fc.record({
  at: fc.integer({ min: BASE - 5 * 24 * HOUR, max: BASE + SPAN }).map((ms) => new Date(ms)),
  author: fc.constantFrom("customer", "agent", "bot", "system"),
  public: fc.boolean(),
});

const ticketArb: fc.Arbitrary<Ticket> = fc
  .record({
    created: fc.integer({ min: BASE - 10 * 24 * HOUR, max: BASE + SPAN }),
    duration: fc.integer({ min: 0, max: 20 * 24 * HOUR }),
    status: fc.constantFrom("new", "open", "pending", "on_hold", "solved", "closed"),
    messages: fc.option(fc.array(messageArb, { maxLength: 4 }), { nil: undefined }),
  })
  .map(({ created, duration, status, messages }): Ticket => {
    const resolved = status === "solved" || status === "closed";
    return {
      id: String(created),
      createdAt: new Date(created),
      status,
      ...(resolved ? { solvedAt: new Date(created + duration) } : {}),
      ...(messages === undefined ? {} : { messages }),
    };
  });

const setupArb = fc.record({
  tickets: fc.array(ticketArb, { maxLength: 40 }),
  zone: fc.constantFrom(...ZONES),
  unit: fc.constantFrom<BucketUnit>("hour", "day", "week", "month"),
  fromOffset: fc.integer({ min: 0, max: 20 * 24 * HOUR }),
  length: fc.integer({ min: 0, max: 40 * 24 * HOUR }),
});

interface Setup {
  readonly tickets: Ticket[];
  readonly zone: string;
  readonly unit: BucketUnit;
  readonly fromOffset: number;
  readonly length: number;
}

function run(s: Setup, tickets = s.tickets): VolumeByPeriodResult {
  const from = new Date(BASE + s.fromOffset);
  const to = new Date(BASE + s.fromOffset + (s.unit === "hour" ? s.length % (10 * 24 * HOUR) : s.length));
  return volumeByPeriod(tickets, { from, to, unit: s.unit, timeZone: s.zone });
}

/** A naive reference: every count recomputed from its definition with plain filters. */
function naive(tickets: readonly Ticket[], start: number, end: number) {
  const resolvedAt = (t: Ticket): number => (t.status === "solved" || t.status === "closed" ? (t.solvedAt as Date).getTime() : Infinity);
  const c = (t: Ticket): number => t.createdAt.getTime();
  return {
    created: tickets.filter((t) => c(t) >= start && c(t) < end).length,
    resolved: tickets.filter((t) => resolvedAt(t) >= start && resolvedAt(t) < end).length,
    backlog: tickets.filter((t) => c(t) < end && !(resolvedAt(t) < end)).length,
    active: tickets.filter((t) => c(t) < end && !(resolvedAt(t) < start)).length,
    messagesIn: tickets
      .flatMap((t) => t.messages ?? [])
      .filter((m) => m.author === "customer" && m.at.getTime() >= start && m.at.getTime() < end).length,
    messagesOut: tickets
      .flatMap((t) => t.messages ?? [])
      .filter((m) => m.author === "agent" && m.public && m.at.getTime() >= start && m.at.getTime() < end).length,
  };
}

describe("volumeByPeriod properties", () => {
  test.prop([setupArb])("every bucket agrees with a naive filter of its definition", (s) => {
    const r = run(s);
    for (const b of r.buckets) {
      const ref = naive(s.tickets, b.start.getTime(), b.end.getTime());
      expect({
        created: b.created,
        resolved: b.resolved,
        backlog: b.backlog,
        active: b.active,
        messagesIn: b.messagesIn,
        messagesOut: b.messagesOut,
      }).toEqual(ref);
    }
  });

  test.prop([setupArb])("identity: backlog(end) − backlog(start) = created − resolved over any span of buckets", (s) => {
    const r = run(s);
    let created = 0;
    let resolved = 0;
    for (const b of r.buckets) {
      created += b.created;
      resolved += b.resolved;
      expect(b.backlog - r.backlogAtStart).toBe(created - resolved);
    }
  });

  test.prop([setupArb])("bucket counts sum to the totals in range, and counted + skipped = all tickets", (s) => {
    const r = run(s);
    const from = r.buckets[0]?.start.getTime() ?? 0;
    const to = r.buckets.at(-1)?.end.getTime() ?? 0;
    const inRange = s.tickets.filter((t) => t.createdAt.getTime() >= from && t.createdAt.getTime() < to).length;
    expect(r.buckets.reduce((a, b) => a + b.created, 0)).toBe(r.buckets.length === 0 ? 0 : inRange);
    expect(r.totals.created).toBe(r.buckets.reduce((a, b) => a + b.created, 0));
    const skipped = Object.values(r.skipped).reduce((a, b) => a + b, 0);
    expect(r.counted + skipped).toBe(s.tickets.length);
  });

  test.prop([setupArb, fc.nat()])("independent of input order", (s, seed) => {
    const shuffled = [...s.tickets].sort((a, b) => ((Number(a.id) * 7919 + seed) % 101) - ((Number(b.id) * 7919 + seed) % 101));
    expect(run(s, shuffled)).toEqual(run(s));
  });

  test.prop([setupArb, fc.nat()])("splitting the input at any index and adding the two results equals the whole", (s, cut) => {
    const at = s.tickets.length === 0 ? 0 : cut % (s.tickets.length + 1);
    const whole = run(s);
    const a = run(s, s.tickets.slice(0, at));
    const b = run(s, s.tickets.slice(at));
    expect(a.backlogAtStart + b.backlogAtStart).toBe(whole.backlogAtStart);
    whole.buckets.forEach((w, k) => {
      const x = a.buckets[k];
      const y = b.buckets[k];
      for (const field of ["created", "resolved", "messagesIn", "messagesOut", "active", "backlog"] as const) {
        expect((x?.[field] ?? NaN) + (y?.[field] ?? NaN)).toBe(w[field]);
      }
    });
  });
});
