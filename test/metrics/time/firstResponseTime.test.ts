import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { firstResponseTime, firstResponseTimes, summarizeDurations } from "../../../src/metrics/time/index.ts";
import { agent, at, bot, BUCHAREST, customer, HOUR, MINUTE, note, OFFICE, ROMANIAN, system, thrown, ticket, utc } from "./_fixtures.ts";

const msOf = (r: ReturnType<typeof firstResponseTime>): number | undefined => (r.kind === "measured" ? r.ms : undefined);

describe("firstResponseTime", () => {
  it(`measures from the customer's first message to the first public agent reply (${ROMANIAN}: FRT definition)`, () => {
    const r = firstResponseTime(ticket("1", { messages: [customer(0), agent(7)] }));
    expect(r).toEqual({ kind: "measured", ms: 7 * MINUTE, start: at(0), end: at(7), source: "messages" });
  });

  it("ignores bot and system messages and private notes (TSDoc example, hand-computed)", () => {
    const r = firstResponseTime(ticket("1", { messages: [customer(0), bot(1), note(2), system(3), agent(5)] }));
    expect(msOf(r)).toBe(5 * MINUTE);
  });

  it("reads unsorted messages in time order (hand-computed)", () => {
    expect(msOf(firstResponseTime(ticket("1", { messages: [agent(9), agent(4), customer(0)] })))).toBe(4 * MINUTE);
  });

  it("starts an agent-created ticket at the customer's first message (hand-computed)", () => {
    const r = firstResponseTime(ticket("1", { messages: [agent(0), customer(30), note(31), agent(45)] }));
    expect(r).toEqual({ kind: "measured", ms: 15 * MINUTE, start: at(30), end: at(45), source: "messages" });
  });

  it("counts an agent-created ticket without a customer answer as unanswered, and one with no customer at all apart", () => {
    expect(firstResponseTime(ticket("1", { messages: [agent(0), customer(10)] }))).toEqual({ kind: "skipped", reason: "unanswered" });
    expect(firstResponseTime(ticket("2", { messages: [agent(0), bot(1)] }))).toEqual({ kind: "skipped", reason: "noCustomerMessage" });
  });

  it("starts at the first of consecutive customer messages (hand-computed)", () => {
    expect(msOf(firstResponseTime(ticket("1", { messages: [customer(0), customer(3), customer(8), agent(10)] })))).toBe(10 * MINUTE);
  });

  it("starts at a customer message earlier than createdAt, and at createdAt when the message is later (hand-computed)", () => {
    expect(msOf(firstResponseTime(ticket("1", { createdAt: at(5), messages: [customer(0), agent(10)] })))).toBe(10 * MINUTE);
    expect(msOf(firstResponseTime(ticket("2", { createdAt: at(0), messages: [customer(2), agent(10)] })))).toBe(10 * MINUTE);
  });

  it("is unanswered while only bots, notes or nothing followed the customer", () => {
    expect(firstResponseTime(ticket("1", { messages: [customer(0), bot(1), note(2)] }))).toEqual({ kind: "skipped", reason: "unanswered" });
  });

  it("uses the pre-computed fields when there are no messages, and messages over fields when both exist", () => {
    expect(firstResponseTime(ticket("1", { firstResponseAt: at(20) }))).toEqual({
      kind: "measured",
      ms: 20 * MINUTE,
      start: at(0),
      end: at(20),
      source: "fields",
    });
    const both = firstResponseTime(ticket("2", { firstResponseAt: at(20), messages: [customer(0), bot(1), agent(30)] }));
    expect(both.kind === "measured" && [both.ms, both.source]).toEqual([30 * MINUTE, "messages"]);
    expect(firstResponseTime(ticket("3", { firstResponseAt: at(20), messages: [] })).kind).toBe("measured");
  });

  it("treats a missing firstResponseAt as unanswered and one before createdAt as an anomaly", () => {
    expect(firstResponseTime(ticket("1"))).toEqual({ kind: "skipped", reason: "unanswered" });
    expect(firstResponseTime(ticket("2", { createdAt: at(10), firstResponseAt: at(5) }))).toEqual({
      kind: "anomaly",
      reason: "responseBeforeCreated",
    });
  });

  it("counts a reply at the same instant as 0 ms", () => {
    expect(Object.is(msOf(firstResponseTime(ticket("1", { firstResponseAt: at(0) }))), 0)).toBe(true);
  });

  it("counts only open hours over a weekend with a schedule (Fri 16:00 → Mon 10:00 is 2 business hours)", () => {
    const t = ticket("1", { createdAt: utc(2024, 1, 5, 16), firstResponseAt: utc(2024, 1, 8, 10) });
    expect(msOf(firstResponseTime(t))).toBe(66 * HOUR);
    expect(msOf(firstResponseTime(t, { schedule: OFFICE }))).toBe(2 * HOUR);
  });

  it("counts only open hours overnight (Tue 16:30 → Wed 09:30 is 1 business hour)", () => {
    const t = ticket("1", { createdAt: utc(2024, 1, 2, 16, 30), firstResponseAt: utc(2024, 1, 3, 9, 30) });
    expect(msOf(firstResponseTime(t, { schedule: OFFICE }))).toBe(HOUR);
  });

  it("reads business hours in the schedule's zone, not the host's (Bucharest opens 07:00 UTC in January)", () => {
    const t = ticket("1", { createdAt: utc(2024, 1, 2, 6), firstResponseAt: utc(2024, 1, 2, 8) });
    expect(msOf(firstResponseTime(t, { schedule: BUCHAREST }))).toBe(HOUR);
  });

  it("is 0 business time when asked and answered while closed (Saturday)", () => {
    const t = ticket("1", { createdAt: utc(2024, 1, 6, 10), firstResponseAt: utc(2024, 1, 6, 11) });
    expect(Object.is(msOf(firstResponseTime(t, { schedule: OFFICE })), 0)).toBe(true);
  });

  it("throws E_INVALID_DATE for an invalid createdAt, firstResponseAt or message time", () => {
    const bad = new Date(Number.NaN);
    for (const t of [
      ticket("x", { createdAt: bad }),
      ticket("x", { firstResponseAt: bad }),
      ticket("x", { messages: [customer(0), { at: bad, author: "agent", public: true }] }),
    ]) {
      const error = thrown(() => firstResponseTime(t));
      expect(error).toBeInstanceOf(MetricRangeError);
      expect((error as MetricRangeError).code).toBe("E_INVALID_DATE");
      expect((error as MetricRangeError).message).toMatch(/^firstResponseTime: .* of ticket x must be a valid Date, got Invalid Date$/);
    }
  });
});

describe("firstResponseTimes", () => {
  it(`averages 54,000 s over 800 first responses to 67.5 s (${ROMANIAN}, worked example)`, () => {
    // 800 answered tickets whose first responses add up to 54,000 s: 400 of 30 s and 400 of 105 s.
    const tickets = Array.from({ length: 800 }, (_, i) =>
      ticket(String(i), { createdAt: at(0), firstResponseAt: new Date(at(0).getTime() + (i % 2 === 0 ? 30_000 : 105_000)) }),
    );
    const r = firstResponseTimes([...tickets, ticket("late")]);
    const s = summarizeDurations(r.values);
    expect(s?.total).toBe(54_000_000);
    expect(s?.count).toBe(800);
    expect(s?.mean).toBe(67_500);
    expect(r.skipped.unanswered).toBe(1);
  });

  it("keeps ids, sources, skips and anomalies apart (TSDoc example)", () => {
    const r = firstResponseTimes([
      ticket("a", { firstResponseAt: at(2) }),
      ticket("b", { status: "new" }),
      ticket("c", { createdAt: at(5), firstResponseAt: at(1) }),
      ticket("d", { messages: [customer(0), agent(1)] }),
      ticket("e", { messages: [agent(0)] }),
    ]);
    expect([...r.values]).toEqual([2 * MINUTE, MINUTE]);
    expect(r.ids).toEqual(["a", "d"]);
    expect(r.sources).toEqual({ messages: 1, fields: 1, helpdesk: 0 });
    expect(r.skipped).toEqual({ unanswered: 1, noCustomerMessage: 1 });
    expect(r.anomalies).toEqual([{ id: "c", reason: "responseBeforeCreated" }]);
  });

  it("returns empty values for no tickets", () => {
    const r = firstResponseTimes([]);
    expect(r.values.length).toBe(0);
    expect(summarizeDurations(r.values)).toBeUndefined();
  });

  it("names itself in E_INVALID_DATE messages", () => {
    const error = thrown(() => firstResponseTimes([ticket("z", { createdAt: new Date(Number.NaN) })]));
    expect((error as MetricRangeError).code).toBe("E_INVALID_DATE");
    expect((error as MetricRangeError).message).toBe("firstResponseTimes: createdAt of ticket z must be a valid Date, got Invalid Date");
  });
});
