/**
 * Properties of the responders and bots accumulators (issue 17, items 5 and 6) on random tickets
 * with bot messages and authorIds (test/report/arbitraries.ts): parts serialised and merged equal
 * the whole; rates in [0, 1] with numerators at most their denominators; agreement with naive
 * loops and with the time metrics they share a rule with.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  bots,
  botsAccumulator,
  firstResponseTime,
  responders,
  respondersAccumulator,
  responseTimes,
  ticketBots,
  type Message,
  type Ticket,
} from "../../../src/index.ts";
import { ticket } from "../../report/arbitraries.ts";
import { cutsArb, wholeAndParts } from "../../_support/accumulators.ts";

const tickets = fc.array(ticket, { maxLength: 60 });
const withMessages = (list: readonly Ticket[]): Ticket[] => list.filter((t) => (t.messages?.length ?? 0) > 0);
const isReply = (m: Message): boolean => m.author === "agent" && m.public;
const isBot = (m: Message): boolean => m.author === "bot" && m.public;
const sorted = (t: Ticket): Message[] => [...(t.messages ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());

describe("respondersAccumulator", () => {
  test.prop([tickets, cutsArb(60)])("parts serialised and merged equal the whole", (list, cuts) => {
    const { whole, parts } = wholeAndParts(respondersAccumulator(), list, cuts);
    expect(parts).toEqual(whole);
  });

  test.prop([tickets])("replies, reply times and first responses add up to the naive counts", (list) => {
    const r = responders(list);
    const all = [...r.responders, ...(r.unknown === undefined ? [] : [r.unknown])];
    const sum = (f: (x: (typeof all)[number]) => number): number => all.reduce((s, x) => s + f(x), 0);
    const read = withMessages(list);
    expect(r.tickets).toBe(read.length);
    expect(r.skipped.noMessages).toBe(list.length - read.length);
    // Every public agent message is a reply of someone (or of "responder unknown").
    expect(sum((x) => x.replies)).toBe(read.reduce((s, t) => s + (t.messages ?? []).filter(isReply).length, 0));
    expect(r.answered).toBe(read.filter((t) => (t.messages ?? []).some(isReply)).length);
    expect(sum((x) => x.tickets)).toBeGreaterThanOrEqual(r.answered);
    // One reply time per answered turn: as many as responseTimes has values.
    expect(sum((x) => x.replyTime?.count ?? 0)).toBe(responseTimes(list).values.length);
    // One first response per ticket whose first response is read from messages.
    const measured = read.filter((t) => firstResponseTime(t).kind === "measured").length;
    expect(sum((x) => x.firstResponse?.count ?? 0)).toBe(measured);
    // Unknown holds exactly the replies without authorId.
    const anonymous = read.reduce((s, t) => s + (t.messages ?? []).filter((m) => isReply(m) && m.authorId === undefined).length, 0);
    expect(r.unknown?.replies ?? 0).toBe(anonymous);
  });
});

describe("botsAccumulator", () => {
  const options = fc.record({ firstResponseFrom: fc.constantFrom("request" as const, "handoff" as const), excludeBotTime: fc.boolean() });

  test.prop([tickets, cutsArb(60), options])("parts serialised and merged equal the whole", (list, cuts, o) => {
    const { whole, parts } = wholeAndParts(botsAccumulator(o), list, cuts);
    expect(parts).toEqual(whole);
  });

  test.prop([tickets, options])("rates in [0, 1]; numerators at most their denominators", (list, o) => {
    const r = bots(list, o);
    expect(r.handoffs).toBeLessThanOrEqual(r.botTickets);
    expect(r.botResolved).toBeLessThanOrEqual(r.resolvedWithBot);
    expect(r.resolvedWithBot).toBeLessThanOrEqual(r.botTickets);
    expect(r.botTickets).toBeLessThanOrEqual(r.tickets);
    for (const rate of [r.handoffRate, r.resolutionRate]) {
      if (rate !== undefined) {
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
      }
    }
    expect(r.handoffRate === undefined).toBe(r.botTickets === 0);
    // One first response per handed-off ticket from the handoff; at most one from the request.
    if (o.firstResponseFrom === "handoff") expect(r.firstResponse.summary?.count ?? 0).toBe(r.handoffs);
    else expect(r.firstResponse.summary?.count ?? 0).toBeLessThanOrEqual(r.handoffs);
  });

  test.prop([tickets])("agrees with a naive loop over the sorted messages", (list) => {
    const read = withMessages(list);
    const r = bots(list);
    expect(r.botTickets).toBe(read.filter((t) => (t.messages ?? []).some(isBot)).length);
    // Handed off: some public agent reply sorts after some public bot message.
    const handedOff = read.filter((t) => {
      const m = sorted(t);
      const firstBot = m.findIndex(isBot);
      return firstBot >= 0 && m.slice(firstBot + 1).some(isReply);
    });
    expect(r.handoffs).toBe(handedOff.length);
  });

  test.prop([ticket])("per ticket: the human part of a resolution is at most the whole; from the handoff at most from the request", (t) => {
    const b = ticketBots(t);
    if (b?.resolution !== undefined) {
      expect(b.resolution.human).toBeGreaterThanOrEqual(0);
      expect(b.resolution.human).toBeLessThanOrEqual(b.resolution.whole);
    }
    if (b?.firstResponse !== undefined) expect(b.firstResponse.fromHandoff).toBeGreaterThanOrEqual(0);
    expect(
      b?.botResolved === true ? b.handoff === undefined || b.handoff.reply.getTime() > (t.solvedAt?.getTime() ?? Infinity) : true,
    ).toBe(true);
  });
});
