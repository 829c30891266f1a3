/**
 * Bot figures (issue 17, item 6): known answers on a hand-built fixture (the arithmetic in the
 * comments), both options, Chatwoot's own bot-metrics example re-counted by our rule, and the
 * error codes.
 */
import { describe, expect, it } from "vitest";
import { bots, botsAccumulator, ticketBots, type Message, type Ticket } from "../../../src/index.ts";
import { foldAll, roundTrip } from "../../_support/accumulators.ts";
import { codeOf } from "../../_support/errors.ts";

/** 2024-01-01 09:00 UTC + `m` minutes. */
const at = (m: number): Date => new Date(Date.UTC(2024, 0, 1, 9, m));
const MIN = 60_000;
const msg = (m: number, author: Message["author"], isPublic = true): Message => ({ at: at(m), author, public: isPublic });
const t = (id: string, fields: Partial<Ticket>): Ticket => ({ id, createdAt: at(0), status: "open", ...fields });

const FIXTURE: Ticket[] = [
  // B1: solved at 30. The bot speaks at 1 and 3, a human at 10: handed off at 3 (the last bot
  // message before the human reply). First response from the request 0 → 10 = 10 min, from the
  // handoff 3 → 10 = 7 min. Resolution 0 → 30 = 30 min; without the bot's 3 min, 27 min.
  t("B1", {
    status: "solved",
    solvedAt: at(30),
    messages: [msg(0, "customer"), msg(1, "bot"), msg(2, "customer"), msg(3, "bot"), msg(10, "agent")],
  }),
  // B2: solved at 5 with only the bot answering: resolved by the bot.
  t("B2", { status: "solved", solvedAt: at(5), messages: [msg(0, "customer"), msg(1, "bot")] }),
  // B3: closed without solvedAt; a private agent note is not a reply: resolved by the bot.
  t("B3", { status: "closed", messages: [msg(0, "customer"), msg(2, "bot"), msg(3, "agent", false)] }),
  // B4: open; bot at 1, human at 4 (the handoff: 1 → 4), bot again at 6, human at 9.
  // First response from the request 4 min, from the handoff 3 min; unresolved: no resolution.
  t("B4", { messages: [msg(0, "customer"), msg(1, "bot"), msg(4, "agent"), msg(6, "bot"), msg(9, "agent")] }),
  // B5: solved at 20; a human first (2), then the bot (5), then a human (8): handed off 5 → 8.
  // First response from the request 2 min, from the handoff 3 min; resolution 20 min, 15 without the bot.
  t("B5", { status: "solved", solvedAt: at(20), messages: [msg(0, "customer"), msg(2, "agent"), msg(5, "bot"), msg(8, "agent")] }),
  // B6: solved at 10 by a human; the bot speaks after the solve: a bot ticket, not resolved with the bot, no handoff.
  t("B6", { status: "solved", solvedAt: at(10), messages: [msg(0, "customer"), msg(3, "agent"), msg(15, "bot")] }),
  // B7: no bot.
  t("B7", { messages: [msg(0, "customer"), msg(1, "agent")] }),
  // B8: no messages → skipped.noMessages.
  t("B8", { status: "solved", solvedAt: at(4) }),
];

describe("ticketBots", () => {
  it("a handed-off resolved ticket", () => {
    expect(ticketBots(FIXTURE[0] as Ticket)).toEqual({
      botSpoke: true,
      resolvedWithBot: true,
      botResolved: false,
      handoff: { at: at(3), reply: at(10) },
      firstResponse: { fromRequest: 10 * MIN, fromHandoff: 7 * MIN },
      resolution: { whole: 30 * MIN, human: 27 * MIN },
    });
  });

  it("resolved by the bot; a bot after the solve; no messages", () => {
    expect(ticketBots(FIXTURE[1] as Ticket)).toMatchObject({
      botSpoke: true,
      resolvedWithBot: true,
      botResolved: true,
      handoff: undefined,
    });
    expect(ticketBots(FIXTURE[5] as Ticket)).toMatchObject({ botSpoke: true, resolvedWithBot: false, botResolved: false });
    expect(ticketBots(FIXTURE[7] as Ticket)).toBeUndefined();
  });

  it("messages out of order are read in time order", () => {
    const b1 = FIXTURE[0] as Ticket;
    expect(ticketBots({ ...b1, messages: [...(b1.messages ?? [])].reverse() })).toEqual(ticketBots(b1));
  });
});

describe("bots", () => {
  it("known answer on the fixture, default options", () => {
    const r = bots(FIXTURE);
    // Read: B1–B7. Bot tickets: B1–B6 (6). Handoffs: B1, B4, B5 (3) → 3/6 = 0.5.
    // Resolved with a bot by the solve: B1, B2, B3, B5 (4); by the bot: B2, B3 (2) → 2/4 = 0.5.
    expect(r).toMatchObject({
      clock: "calendar",
      tickets: 7,
      botTickets: 6,
      handoffs: 3,
      handoffRate: 0.5,
      resolvedWithBot: 4,
      botResolved: 2,
      resolutionRate: 0.5,
      skipped: { noMessages: 1 },
    });
    // First responses from the request: 10, 4, 2 min → median 4 min, total 16 min.
    expect(r.firstResponse.from).toBe("request");
    expect(r.firstResponse.summary).toMatchObject({ count: 3, median: 4 * MIN, total: 16 * MIN });
    // Resolutions of the handed-off resolved tickets B1, B5: 30 and 20 min → median 25 min.
    expect(r.resolution).toMatchObject({ botTimeExcluded: false, summary: { count: 2, median: 25 * MIN } });
    // Wilson interval of 3/6 at 95 %: centre (3 + z²/2) / (6 + z²) = 0.5 by symmetry.
    expect(((r.handoffInterval?.lower ?? 0) + (r.handoffInterval?.upper ?? 0)) / 2).toBeCloseTo(0.5, 12);
  });

  it("options: first response from the handoff, bot time excluded", () => {
    const r = bots(FIXTURE, { firstResponseFrom: "handoff", excludeBotTime: true });
    // From the handoff: 7, 3, 3 min → median 3 min, total 13 min.
    expect(r.firstResponse).toMatchObject({ from: "handoff", summary: { count: 3, median: 3 * MIN, total: 13 * MIN } });
    // Without the bot's time: 27 and 15 min → median 21 min.
    expect(r.resolution).toMatchObject({ botTimeExcluded: true, summary: { count: 2, median: 21 * MIN, total: 42 * MIN } });
    // The rates do not depend on the options.
    expect([r.handoffRate, r.resolutionRate]).toEqual([0.5, 0.5]);
  });

  it("Chatwoot's bot-metrics spec, re-counted by our rule: its 50 % resolution and 100 % handoff differ", () => {
    // Chatwoot spec/builders/v2/reports/bot_metrics_builder_spec.rb: two conversations in a bot inbox, one
    // with a bot_resolved and a bot_handoff event, one with a handoff only → resolution_rate 50, handoff_rate 100
    // (both over all bot-inbox conversations). Our rule reads messages: a conversation where a human replied
    // after the bot is handed off; a resolved one where no human replied is bot-resolved, so a conversation
    // cannot be both, and the unresolved one is in no resolution denominator.
    const resolved = t("R", { status: "solved", solvedAt: at(9), messages: [msg(0, "customer"), msg(1, "bot")] });
    const handedOff = t("H", { messages: [msg(0, "customer"), msg(1, "bot"), msg(5, "agent")] });
    const r = bots([resolved, handedOff]);
    expect([r.botTickets, r.handoffs, r.handoffRate, r.resolvedWithBot, r.botResolved, r.resolutionRate]).toEqual([2, 1, 0.5, 1, 1, 1]);
  });

  it("parts serialised and merged equal the whole (known answer)", () => {
    const acc = botsAccumulator({ firstResponseFrom: "handoff" });
    const a = roundTrip(acc, foldAll(acc, FIXTURE.slice(0, 3)));
    const b = roundTrip(acc, foldAll(acc, FIXTURE.slice(3)));
    expect(acc.result(acc.merge(a, b))).toEqual(bots(FIXTURE, { firstResponseFrom: "handoff" }));
  });

  it("E_OPTION_VALUE: firstResponseFrom and excludeBotTime", () => {
    expect(codeOf(() => botsAccumulator({ firstResponseFrom: "customer" as never }))).toBe(
      'E_OPTION_VALUE botsAccumulator: firstResponseFrom must be "request" or "handoff", got "customer"',
    );
    expect(codeOf(() => bots([], { excludeBotTime: "yes" as never }))).toBe(
      'E_OPTION_VALUE bots: excludeBotTime must be true or false, got "yes"',
    );
  });

  it("E_STATE_FORMAT: counts that contradict each other", () => {
    const acc = botsAccumulator();
    const good = acc.toJSON(foldAll(acc, FIXTURE)) as Record<string, unknown>;
    expect(codeOf(() => acc.fromJSON(good))).toBe("did not throw");
    expect(codeOf(() => acc.fromJSON({ ...good, handoffs: 7 }))).toMatch(
      /^E_STATE_FORMAT bots.fromJSON: handoffs must be at most botTickets/,
    );
    expect(codeOf(() => acc.fromJSON({ ...good, botResolved: 5 }))).toMatch(/botResolved must be at most resolvedWithBot/);
    expect(codeOf(() => acc.fromJSON({ ...good, botTickets: 8 }))).toMatch(/botTickets must be at most tickets/);
    expect(codeOf(() => acc.fromJSON({ ...good, resolvedWithBot: 7 }))).toMatch(/resolvedWithBot must be at most botTickets/);
    expect(codeOf(() => acc.fromJSON({ ...good, firstResponse: null }))).toMatch(/firstResponse must be a value store object/);
  });
});
