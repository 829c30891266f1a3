// helpscout-json: Help Scout Mailbox API 2.0 conversations with embedded threads, read from the
// fixture test/fixtures/exports/helpscout-json, written from
// https://developer.helpscout.com/mailbox-api/endpoints/conversations/list/,
// https://developer.helpscout.com/mailbox-api/endpoints/conversations/threads/list/ and
// https://developer.helpscout.com/mailbox-api/endpoints/ratings/get.
import { Readable } from "node:stream";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Ticket } from "../../src/models/index.ts";
import { csat, happinessScore, type HappinessRating } from "../../src/index.ts";
import { exportFixture, expectedOf, median, readAll } from "./_vendorSupport.ts";
import { readFileSync } from "node:fs";
import { openFile } from "../../src/io/node/index.ts";

const at = (iso: string): Date => new Date(iso);
const read = () => readAll(openFile(exportFixture("helpscout-json", "conversations.json")), { preset: "helpscout-json" });

/** The first public agent message after the first customer message, as a naive reference. */
function firstReplyMs(ticket: Ticket): number | undefined {
  const messages = ticket.messages ?? [];
  const reply = messages.find((m) => m.author === "agent" && m.public);
  return reply === undefined ? undefined : reply.at.getTime() - ticket.createdAt.getTime();
}

describe("helpscout-json (Help Scout Mailbox API 2.0 conversations)", () => {
  it("reads a conversation and turns its threads into messages (notes private, line items and drafts left out)", async () => {
    const { tickets, result } = await read();
    expect(result.rejects).toEqual([]);
    expect(tickets[0]).toEqual({
      id: "2001",
      createdAt: at("2026-03-02T09:00:00Z"),
      status: "solved",
      rawStatus: "closed",
      channel: "email",
      assignee: "agent41@example.com",
      brand: "85",
      requesterId: "901",
      solvedAt: at("2026-03-02T13:00:00Z"),
      tags: ["billing"],
      messages: [
        { at: at("2026-03-02T09:00:00Z"), author: "customer", public: true, authorId: "901" },
        { at: at("2026-03-02T09:10:00Z"), author: "agent", public: false, authorId: "41" },
        { at: at("2026-03-02T09:30:00Z"), author: "agent", public: true, authorId: "41" },
      ],
      satisfaction: 3,
      satisfactionScale: { min: 1, max: 3 },
    } satisfies Ticket);
    // 2003: the draft reply at 11:05 is not a message; the published one at 11:20 is.
    expect(tickets.find((t) => t.id === "2003")?.messages?.map((m) => m.at.toISOString())).toEqual([
      "2026-03-02T11:00:00.000Z",
      "2026-03-02T11:20:00.000Z",
    ]);
    expect(tickets.map((t) => [t.id, t.status, t.satisfaction])).toEqual([
      ["2001", "solved", 3],
      ["2002", "open", 1],
      ["2003", "pending", 2],
      ["2004", "solved", undefined],
    ]);
  });

  it("excludes spam and deleted conversations; figures agree with expected.json", async () => {
    const expected = expectedOf("helpscout-json");
    const { tickets, result } = await read();
    expect(result.stats).toMatchObject({
      read: expected.read,
      used: expected.used,
      rejected: expected.rejected,
      excluded: expected.excluded,
    });
    expect(result.stats.excludedBy).toEqual({ spam: 1, deleted: 1 });
    const frt = tickets.map(firstReplyMs).filter((x): x is number => x !== undefined);
    expect(median(frt)).toBe(expected.frtMedianMs);
    const resolution = tickets.filter((t) => t.solvedAt !== undefined).map((t) => (t.solvedAt as Date).getTime() - t.createdAt.getTime());
    expect(median(resolution)).toBe(expected.resolutionMedianMs);
    const scores = tickets.flatMap((t) => (typeof t.satisfaction === "number" ? [t.satisfaction] : []));
    expect(csat(scores, { scale: { min: 1, max: 3 }, threshold: 3 })).toBeCloseTo(expected.csat as number, 12);
    expect(happinessScore(scores as HappinessRating[])).toBe(0);
  });

  it("a draft conversation is excluded; an unknown rating and an unknown status are rejected", async () => {
    const base = { createdAt: "2026-03-02T09:00:00Z", status: "active", state: "published" };
    const page = {
      _embedded: {
        conversations: [
          { ...base, id: 1, state: "draft" },
          {
            ...base,
            id: 2,
            _embedded: { threads: [{ type: "message", createdBy: { type: "user" }, createdAt: base.createdAt, rating: "superb" }] },
          },
          { ...base, id: 3, status: "escalated" },
          {
            ...base,
            id: 4,
            _embedded: { threads: [{ type: "message", createdBy: { type: "user" }, createdAt: base.createdAt, rating: "unknown" }] },
          },
        ],
      },
    };
    const { tickets, result } = await readAll(Readable.from([JSON.stringify(page)]), { preset: "helpscout-json", format: "json" });
    expect(result.stats).toMatchObject({ read: 4, used: 1, rejected: 2, excluded: 1, excludedBy: { draft: 1 } });
    expect(result.rejects.map((r) => [r.record, r.column])).toEqual([
      [2, "_embedded.threads"],
      [3, "status"],
    ]);
    // "unknown" is Help Scout's "no rating": no satisfaction, no scale.
    expect(tickets[0]).not.toHaveProperty("satisfaction");
    expect(tickets[0]).not.toHaveProperty("satisfactionScale");
  });

  it("a thread without a readable time rejects the conversation (its reply times cannot be measured)", async () => {
    const page = {
      _embedded: {
        conversations: [
          {
            id: 1,
            createdAt: "2026-03-02T09:00:00Z",
            status: "active",
            _embedded: { threads: [{ type: "customer", createdBy: { type: "customer" } }] },
          },
        ],
      },
    };
    const { result } = await readAll(Readable.from([JSON.stringify(page)]), { preset: "helpscout-json", format: "json" });
    expect(result.rejects.map((r) => [r.column, r.reason])).toEqual([["_embedded.threads", expect.stringMatching(/valid time/)]]);
  });
  test.prop([fc.nat(), fc.nat()], { numRuns: 25 })("the order of the threads does not change the messages or the rating", async (a, b) => {
    const page = JSON.parse(readFileSync(exportFixture("helpscout-json", "conversations.json"), "utf8")) as {
      _embedded: { conversations: { _embedded: { threads: unknown[] } }[] };
    };
    const reference = await readAll(Readable.from([JSON.stringify(page)]), { preset: "helpscout-json", format: "json" });
    for (const conversation of page._embedded.conversations) {
      const threads = conversation._embedded.threads;
      // A rotation and a swap: any order the API could list the threads in.
      const k = threads.length === 0 ? 0 : a % threads.length;
      const rotated = [...threads.slice(k), ...threads.slice(0, k)];
      const i = rotated.length === 0 ? 0 : b % rotated.length;
      if (rotated.length > 1) [rotated[0], rotated[i]] = [rotated[i], rotated[0]];
      conversation._embedded.threads = rotated;
    }
    const shuffled = await readAll(Readable.from([JSON.stringify(page)]), { preset: "helpscout-json", format: "json" });
    expect(shuffled.tickets).toEqual(reference.tickets);
  });
  it("the latest rated thread gives the rating, whatever the order of the list", async () => {
    const early = { type: "message", createdBy: { type: "user", id: 1 }, createdAt: "2026-03-02T10:00:00Z", rating: "okay" };
    const late = { type: "message", createdBy: { type: "user", id: 1 }, createdAt: "2026-03-02T11:00:00Z", rating: "great" };
    const conversation = (threads: unknown[]) => ({ id: 1, createdAt: "2026-03-02T09:00:00Z", status: "closed", _embedded: { threads } });
    for (const threads of [
      [early, late],
      [late, early],
    ]) {
      const { tickets } = await readAll(Readable.from([JSON.stringify([conversation(threads)])]), {
        preset: "helpscout-json",
        format: "json",
      });
      expect(tickets[0]?.satisfaction).toBe(3);
    }
  });
});
