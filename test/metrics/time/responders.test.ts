/**
 * Per-responder figures (issue 17, item 5): known answers on hand-built conversations (the
 * arithmetic in the comments), the business clock, and the state format errors.
 */
import { describe, expect, it } from "vitest";
import { responders, respondersAccumulator, ticketResponders, type Message, type Schedule, type Ticket } from "../../../src/index.ts";
import { foldAll, roundTrip } from "../../_support/accumulators.ts";
import { codeOf } from "../../_support/errors.ts";

/** 2024-01-01 09:00 UTC + `m` minutes. */
const at = (m: number): Date => new Date(Date.UTC(2024, 0, 1, 9, m));
const MIN = 60_000;
const msg = (m: number, author: Message["author"], authorId?: string, isPublic = true): Message =>
  authorId === undefined ? { at: at(m), author, public: isPublic } : { at: at(m), author, public: isPublic, authorId };
const t = (id: string, status: Ticket["status"], messages?: Message[]): Ticket =>
  messages === undefined ? { id, createdAt: at(0), status } : { id, createdAt: at(0), status, messages };

const FIXTURE: Ticket[] = [
  // T1: ana answers the first turn (0 → 3: 3 min, also the first response), ben the second
  // (10, 11 form one turn from 10 → 15: 5 min); ana's reply at 16 ends no turn (a reply sent,
  // no reply time); carl's private note and the bot are not replies.
  t("T1", "open", [
    msg(0, "customer"),
    msg(3, "agent", "ana"),
    msg(10, "customer"),
    msg(11, "customer"),
    msg(15, "agent", "ben"),
    msg(16, "agent", "ana"),
    msg(17, "agent", "carl", false),
    msg(18, "bot", "helper"),
  ]),
  // T2: a reply without authorId answers the first turn (0 → 20: 20 min) → responder unknown;
  // ben answers the second (30 → 32: 2 min).
  t("T2", "solved", [msg(0, "customer"), msg(20, "agent"), msg(30, "customer"), msg(32, "agent", "ben")]),
  // T3: agent-created by carl at 0 (ends no turn); the customer writes at 5, carl answers at 9:
  // first response from the first customer message, 5 → 9 = 4 min, and one turn of 4 min.
  t("T3", "open", [msg(0, "agent", "carl"), msg(5, "customer"), msg(9, "agent", "carl")]),
  // T4: no messages → skipped.noMessages.
  t("T4", "open"),
  // T5: the customer only: read, not answered.
  t("T5", "new", [msg(0, "customer")]),
];

describe("ticketResponders", () => {
  it("credits the first response and each turn to the author of the reply that ended it", () => {
    const r = ticketResponders(FIXTURE[0] as Ticket);
    expect(r?.firstResponse).toEqual({ responder: "ana", ms: 3 * MIN });
    expect(r?.turns).toEqual([
      { responder: "ana", ms: 3 * MIN },
      { responder: "ben", ms: 5 * MIN },
    ]);
    // ana 2 replies (3, 16), ben 1; the private note and the bot are not replies.
    expect(r?.replies).toEqual([
      { responder: "ana", replies: 2 },
      { responder: "ben", replies: 1 },
    ]);
  });

  it("an agent-created ticket: the opening message is a reply sent, not a response", () => {
    const r = ticketResponders(FIXTURE[2] as Ticket);
    expect(r).toEqual({
      firstResponse: { responder: "carl", ms: 4 * MIN },
      turns: [{ responder: "carl", ms: 4 * MIN }],
      replies: [{ responder: "carl", replies: 2 }],
    });
  });

  it("no messages: undefined; messages out of order are read in time order", () => {
    expect(ticketResponders(FIXTURE[3] as Ticket)).toBeUndefined();
    const shuffled = t("S", "open", [msg(15, "agent", "ben"), msg(0, "customer"), msg(3, "agent", "ana"), msg(10, "customer")]);
    expect(ticketResponders(shuffled)?.turns).toEqual([
      { responder: "ana", ms: 3 * MIN },
      { responder: "ben", ms: 5 * MIN },
    ]);
  });

  it("business time with a schedule (09:00–17:00 every day): a reply across the night counts open hours only", () => {
    const day = [["09:00", "17:00"]] as const;
    const schedule: Schedule = { timeZone: "UTC", weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day } };
    // Customer at 16:50, zoe replies at 09:20 the next day: 10 + 20 = 30 business minutes.
    const ticket: Ticket = {
      id: "N",
      createdAt: at(7 * 60 + 50),
      status: "open",
      messages: [msg(7 * 60 + 50, "customer"), msg(24 * 60 + 20, "agent", "zoe")],
    };
    expect(ticketResponders(ticket, { schedule })?.firstResponse).toEqual({ responder: "zoe", ms: 30 * MIN });
    expect(responders([ticket], { schedule }).clock).toBe("business");
  });
});

describe("responders", () => {
  it("known answer on the fixture", () => {
    const r = responders(FIXTURE);
    // Read: T1, T2, T3, T5 (T4 has no messages); answered: T1, T2, T3.
    expect(r).toMatchObject({ clock: "calendar", tickets: 4, answered: 3, skipped: { noMessages: 1 } });
    // Two replies each; ties by id: ana, ben, carl.
    expect(r.responders.map((x) => [x.responder, x.tickets, x.replies])).toEqual([
      ["ana", 1, 2],
      ["ben", 2, 2],
      ["carl", 1, 2],
    ]);
    const [ana, ben, carl] = r.responders;
    expect(ana?.firstResponse).toMatchObject({ count: 1, median: 3 * MIN });
    expect(ana?.replyTime).toMatchObject({ count: 1, median: 3 * MIN });
    // ben: no first response; turns of 5 and 2 min → median 3.5 min, total 7 min.
    expect(ben?.firstResponse).toBeUndefined();
    expect(ben?.replyTime).toMatchObject({ count: 2, median: 3.5 * MIN, total: 7 * MIN });
    expect(carl?.firstResponse).toMatchObject({ count: 1, median: 4 * MIN });
    // Responder unknown: T2's first reply, 20 min, as first response and as a reply time.
    expect(r.unknown).toMatchObject({ responder: null, tickets: 1, replies: 1 });
    expect(r.unknown?.firstResponse).toMatchObject({ count: 1, median: 20 * MIN });
    expect(r.unknown?.replyTime).toMatchObject({ count: 1, median: 20 * MIN });
  });

  it("every reply names its author: unknown is undefined", () => {
    expect(responders([FIXTURE[0] as Ticket]).unknown).toBeUndefined();
  });

  it("parts serialised and merged equal the whole (known answer)", () => {
    const acc = respondersAccumulator();
    const a = roundTrip(acc, foldAll(acc, FIXTURE.slice(0, 2)));
    const b = roundTrip(acc, foldAll(acc, FIXTURE.slice(2)));
    expect(acc.result(acc.merge(a, b))).toEqual(responders(FIXTURE));
  });

  it("E_STATE_FORMAT: a wrong kind, a repeated id, a bad count, answered over tickets", () => {
    const acc = respondersAccumulator();
    const good = acc.toJSON(foldAll(acc, FIXTURE)) as Record<string, unknown>;
    expect(codeOf(() => acc.fromJSON({ ...good, kind: "nps" }))).toMatch(/^E_STATE_FORMAT responders.fromJSON: kind/);
    const list = good.responders as Record<string, unknown>[];
    expect(codeOf(() => acc.fromJSON({ ...good, responders: [list[0], list[0]] }))).toMatch(/responders\[1\]\.id must not repeat/);
    expect(codeOf(() => acc.fromJSON({ ...good, responders: [{ ...list[0], replies: -1 }] }))).toMatch(
      /responders\[0\]\.replies must be a non-negative integer/,
    );
    expect(codeOf(() => acc.fromJSON({ ...good, answered: 99 }))).toMatch(/answered must be at most tickets/);
    expect(codeOf(() => acc.fromJSON(good))).toBe("did not throw");
  });
});
