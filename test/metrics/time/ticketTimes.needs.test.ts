/**
 * The ticket-times provider computes only the parts its metrics read (`needs`): asked for the
 * first response only, it leaves resolution, assignment, requester wait, turns and replies
 * unwritten, and writes the first response exactly as when asked for everything.
 */
import { describe, expect, it } from "vitest";
import { NEEDS_ALL, NEEDS_REPLIES, needsDuration, ticketTimes, TICKET_DURATIONS } from "../../../src/metrics/time/ticketTimes.ts";
import { ticketBatch } from "../../../src/models/ticketBatch.ts";
import { pushTicket } from "../../../src/models/pushTicket.ts";
import type { Ticket } from "../../../src/models/ticket.ts";

const HOUR = 3_600_000;
const created = new Date("2026-03-02T09:00:00Z");
const ticket: Ticket = {
  id: "t1",
  createdAt: created,
  status: "solved",
  firstResponseAt: new Date(created.getTime() + HOUR),
  assignedAt: new Date(created.getTime() + HOUR / 2),
  solvedAt: new Date(created.getTime() + 5 * HOUR),
  firstSolvedAt: new Date(created.getTime() + 3 * HOUR),
  replies: 2,
};

function observed(needs: number) {
  const provider = ticketTimes(undefined, "test");
  const facts = provider.create(1, needs);
  const batch = ticketBatch(1);
  pushTicket("test", batch, ticket);
  provider.begin?.(facts);
  provider.observe(facts, batch, 0);
  return facts;
}

describe("ticketTimes needs", () => {
  it("has one bit per duration, then turns and replies", () => {
    expect(TICKET_DURATIONS.map(needsDuration)).toEqual([1, 2, 4, 8, 16]);
    expect(NEEDS_ALL).toBe(0x7f);
  });

  it("computes only the parts asked for", () => {
    const all = observed(NEEDS_ALL);
    expect([...all.cal]).toEqual([HOUR, 3 * HOUR, 5 * HOUR, HOUR / 2, all.cal[4]]);
    expect(all.replies[0]).toBe(2);

    const first = observed(needsDuration("firstResponse"));
    expect(first.cal[0]).toBe(HOUR);
    expect(first.code[0]).toBe(all.code[0]);
    expect([...first.cal.subarray(1)]).toEqual([0, 0, 0, 0]);
    expect(first.replies[0]).toBe(0);

    const replies = observed(NEEDS_REPLIES);
    expect(replies.replies[0]).toBe(2);
    expect([...replies.cal]).toEqual([0, 0, 0, 0, 0]);
  });
});
