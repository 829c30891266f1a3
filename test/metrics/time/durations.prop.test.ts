import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  customerTurns,
  firstResponseTime,
  firstResponseTimes,
  oneTouchResolution,
  repliesToResolve,
  resolutionTime,
  responseTimes,
  summarizeDurations,
} from "../../../src/metrics/time/index.ts";
import type { AuthorRole, Message, Ticket, TicketStatus } from "../../../src/models/index.ts";
import { MINUTE, OFFICE } from "./_fixtures.ts";

const BASE = Date.UTC(2024, 0, 1, 6, 0); // a Monday morning
const AUTHORS: AuthorRole[] = ["customer", "agent", "bot", "system"];
const STATUSES: TicketStatus[] = ["new", "open", "pending", "on_hold", "solved", "closed"];

/** Messages at distinct minutes within two weeks, in random input order. */
const messagesArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 14 * 24 * 60 }), { maxLength: 12 })
  .chain((minutes) =>
    fc.tuple(
      fc.constant(minutes),
      fc.array(fc.tuple(fc.constantFrom(...AUTHORS), fc.boolean()), { minLength: minutes.length, maxLength: minutes.length }),
    ),
  )
  .map(([minutes, kinds]): Message[] =>
    minutes.map((m, i) => {
      const [author, isPublic] = kinds[i] as [AuthorRole, boolean];
      return { at: new Date(BASE + m * MINUTE), author, public: isPublic };
    }),
  );

const ticketArb = fc
  .record({
    created: fc.integer({ min: 0, max: 14 * 24 * 60 }),
    messages: fc.option(messagesArb, { nil: undefined }),
    reply: fc.option(fc.integer({ min: -60, max: 20 * 24 * 60 }), { nil: undefined }),
    solve: fc.option(fc.integer({ min: -60, max: 20 * 24 * 60 }), { nil: undefined }),
    status: fc.constantFrom(...STATUSES),
    replies: fc.option(fc.nat(4), { nil: undefined }),
  })
  .map(({ created, messages, reply, solve, status, replies }): Omit<Ticket, "id"> => {
    const createdAt = new Date(BASE + created * MINUTE);
    return {
      createdAt,
      status,
      ...(messages === undefined ? {} : { messages }),
      ...(reply === undefined ? {} : { firstResponseAt: new Date(createdAt.getTime() + reply * MINUTE) }),
      ...(solve === undefined ? {} : { solvedAt: new Date(createdAt.getTime() + solve * MINUTE) }),
      ...(replies === undefined ? {} : { replies }),
    };
  });

const ticketsArb = fc.array(ticketArb, { maxLength: 25 }).map((list) => list.map((t, i): Ticket => ({ id: `t${String(i)}`, ...t })));

const durationsArb = fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { maxLength: 60 });
const nonEmptyDurations = fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 60 });

function naiveQuantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/** A deliberately different reading of the turns: for each customer message, is the previous counted message a reply? */
function naiveTurns(messages: readonly Message[]): { waits: number[]; open: boolean } {
  const counted = messages
    .filter((m) => m.author === "customer" || (m.author === "agent" && m.public))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const waits: number[] = [];
  let open = false;
  for (let i = 0; i < counted.length; i++) {
    const m = counted[i] as Message;
    const previous = counted[i - 1];
    if (m.author !== "customer" || (previous !== undefined && previous.author === "customer")) continue;
    const reply = counted.slice(i + 1).find((r) => r.author === "agent");
    if (reply === undefined) open = true;
    else waits.push(reply.at.getTime() - m.at.getTime());
  }
  return { waits, open };
}

test.prop([ticketsArb])("business time never exceeds calendar time (first response, resolution, turns)", (tickets) => {
  for (const t of tickets) {
    const cal = firstResponseTime(t);
    const bus = firstResponseTime(t, { schedule: OFFICE });
    expect(bus.kind).toBe(cal.kind);
    if (cal.kind === "measured" && bus.kind === "measured") expect(bus.ms).toBeLessThanOrEqual(cal.ms);
    const rc = resolutionTime(t);
    const rb = resolutionTime(t, { schedule: OFFICE });
    if (rc.kind === "measured" && rb.kind === "measured") expect(rb.ms).toBeLessThanOrEqual(rc.ms);
    const tc = customerTurns(t)?.turns ?? [];
    const tb = customerTurns(t, { schedule: OFFICE })?.turns ?? [];
    tb.forEach((turn, i) => expect(turn.ms).toBeLessThanOrEqual((tc[i] as { ms: number }).ms));
  }
});

test.prop([ticketsArb])("every ticket is measured, skipped or an anomaly, exactly once", (tickets) => {
  const r = firstResponseTimes(tickets);
  expect(r.values.length + r.skipped.unanswered + r.skipped.noCustomerMessage + r.anomalies.length).toBe(tickets.length);
  expect(r.sources.messages + r.sources.fields).toBe(r.values.length);
  for (const v of r.values) expect(v).toBeGreaterThanOrEqual(0);
});

test.prop([ticketsArb, fc.infiniteStream(fc.nat())])("collections do not depend on the order of tickets or messages", (tickets, seeds) => {
  const shuffle = <T>(list: readonly T[]): T[] =>
    list
      .map((item) => ({ item, key: seeds.next().value as number }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.item);
  const shuffled = shuffle(tickets).map((t) => (t.messages === undefined ? t : { ...t, messages: shuffle(t.messages) }));
  const sortedValues = (v: Float64Array): number[] => [...v].sort((a, b) => a - b);
  const a = firstResponseTimes(tickets);
  const b = firstResponseTimes(shuffled);
  expect(sortedValues(b.values)).toEqual(sortedValues(a.values));
  expect(b.skipped).toEqual(a.skipped);
  const ra = responseTimes(tickets);
  const rb = responseTimes(shuffled);
  expect(sortedValues(rb.values)).toEqual(sortedValues(ra.values));
  expect(rb.skipped).toEqual(ra.skipped);
  expect(oneTouchResolution(shuffled)).toEqual(oneTouchResolution(tickets));
});

test.prop([messagesArb])("customerTurns agrees with a naive reading of the conversation", (messages) => {
  const t: Ticket = { id: "x", createdAt: new Date(BASE), status: "open", messages };
  const r = customerTurns(t);
  if (messages.length === 0) {
    expect(r).toBeUndefined();
    return;
  }
  const naive = naiveTurns(messages);
  expect(r?.turns.map((x) => x.ms)).toEqual(naive.waits);
  expect(r?.unansweredSince !== undefined).toBe(naive.open);
});

test.prop([ticketsArb])("one-touch tickets are the resolved tickets with exactly one reply", (tickets) => {
  const counts = [...repliesToResolve(tickets).values];
  const r = oneTouchResolution(tickets);
  expect(r.resolved).toBe(counts.length);
  expect(r.oneTouch).toBe(counts.filter((c) => c === 1).length);
  if (r.share !== undefined) {
    expect(r.share).toBeGreaterThanOrEqual(0);
    expect(r.share).toBeLessThanOrEqual(1);
  }
});

test.prop([nonEmptyDurations, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 })])(
  "summarizeDurations agrees with a naive sort-based reference",
  (values, ps) => {
    const s = summarizeDurations(values, { percentiles: ps });
    const sorted = [...values].sort((a, b) => a - b);
    expect(s?.count).toBe(values.length);
    expect(s?.min).toBe(sorted[0]);
    expect(s?.max).toBe(sorted[sorted.length - 1]);
    expect(s?.total).toBe(values.reduce((a, b) => a + b, 0)); // integers below 2^53: exact
    expect(s?.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
    expect(s?.median).toBeCloseTo(naiveQuantile(values, 0.5), 6);
    s?.p.forEach((q, i) => expect(q.value).toBeCloseTo(naiveQuantile(values, ps[i] as number), 6));
  },
);

test.prop([nonEmptyDurations])("the mean lies between min and max", (values) => {
  const s = summarizeDurations(values);
  expect(s?.mean).toBeGreaterThanOrEqual(s?.min as number);
  expect(s?.mean).toBeLessThanOrEqual(s?.max as number);
});

test.prop([fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 })])(
  "the mean of equal-ish doubles stays within [min, max] (rounding)",
  (values) => {
    const s = summarizeDurations([...values, ...values.map((v) => v)]);
    expect(s?.mean).toBeGreaterThanOrEqual(s?.min as number);
    expect(s?.mean).toBeLessThanOrEqual(s?.max as number);
  },
);

test.prop([nonEmptyDurations, fc.nat(10 ** 9), fc.nat(10 ** 9)])("withinTarget never falls when the target grows", (values, a, b) => {
  const low = summarizeDurations(values, { target: Math.min(a, b) })?.withinTarget as number;
  const high = summarizeDurations(values, { target: Math.max(a, b) })?.withinTarget as number;
  expect(low).toBeLessThanOrEqual(high);
  expect(low).toBeGreaterThanOrEqual(0);
  expect(high).toBeLessThanOrEqual(1);
});

test.prop([durationsArb])("does not change when reversed or when every value is given twice", (values) => {
  const s = summarizeDurations(values, { percentiles: [0.9], target: 5e8 });
  expect(summarizeDurations([...values].reverse(), { percentiles: [0.9], target: 5e8 })).toEqual(s);
  const twice = summarizeDurations([...values, ...values], { percentiles: [0.9], target: 5e8 });
  expect(twice?.mean).toBe(s?.mean);
  expect(twice?.median).toBe(s?.median);
  expect(twice?.withinTarget).toBe(s?.withinTarget);
});
