import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  firstResponseSurvival,
  firstResponseSurvivalAccumulator,
  firstResponseTimes,
  resolutionSurvival,
  resolutionSurvivalAccumulator,
  resolutionTimes,
  summarizeDurations,
} from "../../../src/metrics/time/index.ts";
import type { Ticket, TicketStatus } from "../../../src/models/index.ts";
import { cutsArb, wholeAndParts } from "../../_support/accumulators.ts";
import { MINUTE, OFFICE } from "./_fixtures.ts";

const BASE = Date.UTC(2024, 0, 1, 6, 0); // a Monday morning
const STATUSES: TicketStatus[] = ["new", "open", "pending", "solved", "closed"];
const ASOF = new Date(BASE + 10 * 24 * 60 * MINUTE);

/** Tickets over two weeks (some after ASOF), solves and replies up to three days later, ties common. */
const ticketArb = fc
  .record({
    created: fc.integer({ min: 0, max: 14 * 24 * 4 }),
    solveAfter: fc.option(fc.integer({ min: 0, max: 3 * 24 * 4 })),
    replyAfter: fc.option(fc.integer({ min: 0, max: 24 * 4 })),
    status: fc.constantFrom(...STATUSES),
  })
  .map(({ created, solveAfter, replyAfter, status }, i = 0): Ticket => {
    const createdAt = new Date(BASE + created * 15 * MINUTE);
    const plus = (q: number | null): Date | undefined => (q === null ? undefined : new Date(createdAt.getTime() + q * 15 * MINUTE));
    const solvedAt = plus(solveAfter);
    const firstResponseAt = plus(replyAfter);
    return {
      id: String(i),
      createdAt,
      status,
      ...(solvedAt === undefined ? {} : { solvedAt }),
      ...(firstResponseAt === undefined ? {} : { firstResponseAt }),
    };
  });
const ticketsArb = fc.array(ticketArb, { maxLength: 40 });

test.prop([ticketsArb])("every ticket is counted (observed or censored) or excluded, once", (tickets) => {
  for (const s of [resolutionSurvival(tickets, { asOf: ASOF }), firstResponseSurvival(tickets, { asOf: ASOF })]) {
    const excluded = Object.values(s.excluded as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(s.counted + excluded).toBe(tickets.length);
    expect(s.observed + s.censored).toBe(s.counted);
    expect(s.calendar?.count ?? 0).toBe(s.counted);
    expect(s.calendar?.events ?? 0).toBe(s.observed);
  }
});

test.prop([ticketsArb])(
  "with no open ticket the KM median is the R-7 median of resolutionTimes, and the events are its values",
  (tickets) => {
    // Only tickets created by ASOF and solved by ASOF: nothing is censored.
    const done = tickets.filter(
      (t) => t.createdAt <= ASOF && (t.status === "solved" || t.status === "closed") && t.solvedAt !== undefined && t.solvedAt <= ASOF,
    );
    const s = resolutionSurvival(done, { asOf: ASOF });
    const plain = resolutionTimes(done);
    expect(s.censored).toBe(0);
    expect(s.calendar?.median.value).toBe(summarizeDurations(plain.values)?.median);
    const times: number[] = [];
    for (const step of s.calendar?.steps ?? []) for (let k = 0; k < step.events; k++) times.push(step.time);
    expect(times).toEqual([...plain.values].sort((a, b) => a - b));
  },
);

test.prop([ticketsArb])("first response: the events are exactly the answered tickets' firstResponseTimes by asOf", (tickets) => {
  const before = tickets.filter((t) => t.createdAt <= ASOF);
  const s = firstResponseSurvival(before, { asOf: ASOF });
  const answered = before.filter((t) => t.firstResponseAt !== undefined && t.firstResponseAt <= ASOF);
  const times: number[] = [];
  for (const step of s.calendar?.steps ?? []) for (let k = 0; k < step.events; k++) times.push(step.time);
  expect(times).toEqual([...firstResponseTimes(answered).values].sort((a, b) => a - b));
});

test.prop([ticketsArb, cutsArb(40)])("merge of parts (through JSON) equals the whole, calendar and business", (tickets, cuts) => {
  for (const acc of [
    resolutionSurvivalAccumulator({ asOf: ASOF, schedule: OFFICE, percentiles: [0.9] }),
    firstResponseSurvivalAccumulator({ asOf: ASOF, schedule: OFFICE }),
  ]) {
    const { whole, parts } = wholeAndParts<Ticket, unknown, unknown>(acc as never, tickets, cuts);
    expect(parts).toEqual(whole);
  }
});

test.prop([ticketsArb])("business time never exceeds calendar time, ticket by ticket (same order of steps' counts)", (tickets) => {
  const s = resolutionSurvival(tickets, { asOf: ASOF, schedule: OFFICE });
  expect(s.business?.count ?? 0).toBe(s.calendar?.count ?? 0);
  expect(s.business?.restrictedMean.value ?? 0).toBeLessThanOrEqual((s.calendar?.restrictedMean.value ?? 0) + 1e-6);
});
