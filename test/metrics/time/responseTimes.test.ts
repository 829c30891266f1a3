import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { customerTurns, firstResponseTime, responseTimes, summarizeDurations } from "../../../src/metrics/time/index.ts";
import { agent, at, bot, customer, HOUR, MINUTE, note, OFFICE, SPANISH, system, thrown, ticket, utc } from "./_fixtures.ts";

describe("customerTurns", () => {
  it("times every turn from the first unanswered customer message to the next public agent reply (TSDoc example)", () => {
    const r = customerTurns(ticket("1", { messages: [customer(0), customer(1), agent(4), customer(10), agent(12), customer(20)] }));
    expect(r?.turns.map((t) => t.ms)).toEqual([4 * MINUTE, 2 * MINUTE]);
    expect(r?.turns.map((t) => t.start)).toEqual([at(0), at(10)]);
    expect(r?.unansweredSince).toEqual(at(20));
  });

  it("ignores bots, system messages and private notes, and replies with no customer waiting (hand-computed)", () => {
    const r = customerTurns(
      ticket("1", { messages: [agent(0), customer(5), bot(6), note(7), system(8), agent(9), agent(11), customer(15), agent(25)] }),
    );
    expect(r?.turns.map((t) => t.ms)).toEqual([4 * MINUTE, 10 * MINUTE]);
    expect(r?.unansweredSince).toBeUndefined();
  });

  it("agrees with firstResponseTime on the first turn when the first customer message opens the ticket", () => {
    const t = ticket("1", { messages: [customer(0), agent(3), customer(5), agent(6)] });
    const first = firstResponseTime(t);
    expect(first.kind === "measured" && first.ms).toBe(customerTurns(t)?.turns[0]?.ms);
  });

  it("is undefined without messages (response times need the conversation)", () => {
    expect(customerTurns(ticket("1", { firstResponseAt: at(5) }))).toBeUndefined();
    expect(customerTurns(ticket("2", { messages: [] }))).toBeUndefined();
  });

  it("measures business time with a schedule (Fri 16:00 → Mon 10:00 is 2 business hours)", () => {
    const t = ticket("1", {
      createdAt: utc(2024, 1, 5, 16),
      messages: [
        { at: utc(2024, 1, 5, 16), author: "customer", public: true },
        { at: utc(2024, 1, 8, 10), author: "agent", public: true },
      ],
    });
    expect(customerTurns(t, { schedule: OFFICE })?.turns[0]?.ms).toBe(2 * HOUR);
  });

  it("throws E_INVALID_DATE for an invalid message time", () => {
    const error = thrown(() => customerTurns(ticket("m", { messages: [{ at: new Date(Number.NaN), author: "customer", public: true }] })));
    expect((error as MetricRangeError).code).toBe("E_INVALID_DATE");
    expect((error as MetricRangeError).message).toBe("customerTurns: messages[0].at of ticket m must be a valid Date, got Invalid Date");
  });
});

describe("responseTimes", () => {
  it(`averages every response: total response time / number of responses (${SPANISH}, formula; hand-computed)`, () => {
    const r = responseTimes([
      ticket("a", { messages: [customer(0), agent(2), customer(5), agent(9)] }),
      ticket("b", { messages: [customer(0)] }),
      ticket("c"),
      ticket("d", { messages: [customer(0), customer(1), agent(6), customer(7), agent(7)] }),
    ]);
    expect([...r.values]).toEqual([2 * MINUTE, 4 * MINUTE, 6 * MINUTE, 0]);
    expect(r.ids).toEqual(["a", "a", "d", "d"]);
    expect(r.skipped).toEqual({ unanswered: 1, noMessages: 1, noCustomerMessage: 0 });
    expect(r.sources).toEqual({ messages: 4, fields: 0, helpdesk: 0 });
    expect(r.anomalies).toEqual([]);
    expect(summarizeDurations(r.values)?.mean).toBe(3 * MINUTE);
  });

  it("TSDoc example", () => {
    const r = responseTimes([
      ticket("a", { messages: [customer(0), agent(2), customer(5), agent(9)] }),
      ticket("b", { status: "new", messages: [customer(0)] }),
      ticket("c"),
    ]);
    expect([...r.values]).toEqual([120000, 240000]);
    expect(r.ids).toEqual(["a", "a"]);
    expect(r.skipped).toEqual({ unanswered: 1, noMessages: 1, noCustomerMessage: 0 });
  });
});

describe("responseTimes accounts for every ticket", () => {
  it("counts a ticket whose messages hold no customer message (agent-only, bots, notes) as noCustomerMessage", () => {
    const r = responseTimes([
      ticket("agent-only", { messages: [agent(0)] }),
      ticket("bots-and-notes", { messages: [bot(0), note(1), system(2)] }),
      ticket("answered", { messages: [customer(0), agent(3)] }),
    ]);
    expect(r.skipped).toEqual({ unanswered: 0, noMessages: 0, noCustomerMessage: 2 });
    expect(r.ids).toEqual(["answered"]);
  });
});
