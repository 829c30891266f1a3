// gorgias-json: Gorgias' GET /api/tickets, read from the fixture test/fixtures/exports/gorgias-json,
// written from https://developers.gorgias.com/reference/tickets and
// https://developers.gorgias.com/reference/satisfaction-surveys.
import { Readable } from "node:stream";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Ticket } from "../../src/models/index.ts";
import { csat } from "../../src/index.ts";
import { exportFixture, expectedOf, median, readAll } from "./_vendorSupport.ts";
import { openFile } from "../../src/io/node/index.ts";

const at = (iso: string): Date => new Date(iso);
const read = () => readAll(openFile(exportFixture("gorgias-json", "tickets.json")), { preset: "gorgias-json" });

describe("gorgias-json (Gorgias tickets API)", () => {
  it("reads a ticket with its messages (internal notes private) and its survey", async () => {
    const { tickets, result } = await read();
    expect(result.rejects).toEqual([]);
    expect(tickets[0]).toEqual({
      id: "9001",
      createdAt: at("2026-03-02T09:00:00Z"),
      status: "solved",
      rawStatus: "closed",
      channel: "email",
      priority: "normal",
      assignee: "Ana",
      group: "Support",
      requesterId: "701",
      solvedAt: at("2026-03-02T11:00:00Z"),
      tags: ["order"],
      messages: [
        { at: at("2026-03-02T09:00:00Z"), author: "customer", public: true, authorId: "701" },
        { at: at("2026-03-02T09:05:00Z"), author: "agent", public: false, authorId: "31" },
        { at: at("2026-03-02T09:40:00Z"), author: "agent", public: true, authorId: "31" },
      ],
      satisfaction: 5,
      satisfactionScale: { min: 1, max: 5 },
      satisfactionOffered: true,
    } satisfies Ticket);
    // A created_datetime without an offset is UTC.
    expect(tickets.find((t) => t.id === "9002")?.createdAt).toEqual(at("2026-03-02T10:00:00Z"));
    // A survey sent and not answered: offered, no rating.
    const unanswered = tickets.find((t) => t.id === "9003");
    expect(unanswered?.satisfactionOffered).toBe(true);
    expect(unanswered).not.toHaveProperty("satisfaction");
    expect(tickets.find((t) => t.id === "9006")).not.toHaveProperty("messages");
  });

  it("excludes spam and trashed tickets; figures agree with expected.json", async () => {
    const expected = expectedOf("gorgias-json");
    const { tickets, result } = await read();
    expect(result.stats).toMatchObject({
      read: expected.read,
      used: expected.used,
      rejected: expected.rejected,
      excluded: expected.excluded,
    });
    expect(result.stats.excludedBy).toEqual({ spam: 1, deleted: 1 });
    const frt = tickets.flatMap((t) => {
      const reply = t.messages?.find((m) => m.author === "agent" && m.public);
      return reply === undefined ? [] : [reply.at.getTime() - t.createdAt.getTime()];
    });
    expect(median(frt)).toBe(expected.frtMedianMs);
    const resolution = tickets.flatMap((t) => (t.solvedAt === undefined ? [] : [t.solvedAt.getTime() - t.createdAt.getTime()]));
    expect(median(resolution)).toBe(expected.resolutionMedianMs);
    const scores = tickets.flatMap((t) => (typeof t.satisfaction === "number" ? [t.satisfaction] : []));
    expect(csat(scores)).toBe(expected.csat);
  });

  it("a timeZone overrides UTC for times without an offset; a score off 1–5 and a bad spam flag are rejected", async () => {
    const page = {
      data: [
        { id: 1, status: "open", created_datetime: "2026-03-02T10:00:00" },
        { id: 2, status: "open", created_datetime: "2026-03-02T10:00:00Z", satisfaction_survey: { score: 6 } },
        { id: 3, status: "open", created_datetime: "2026-03-02T10:00:00Z", spam: "maybe" },
        { id: 4, status: "snoozed", created_datetime: "2026-03-02T10:00:00Z" },
      ],
    };
    const { tickets, result } = await readAll(Readable.from([JSON.stringify(page)]), {
      preset: "gorgias-json",
      format: "json",
      timeZone: "Europe/Bucharest",
    });
    expect(tickets.map((t) => t.createdAt.toISOString())).toEqual(["2026-03-02T08:00:00.000Z"]);
    expect(result.rejects.map((r) => [r.record, r.column, r.value])).toEqual([
      [2, "satisfaction_survey.score", "6"],
      [3, "spam", "maybe"],
      [4, "status", "snoozed"],
    ]);
  });
  const record = fc.record({ status: fc.constantFrom("open", "closed", "escalated"), spam: fc.boolean(), trashed: fc.boolean() });
  test.prop([fc.array(record, { maxLength: 30 })], { numRuns: 40 })(
    "every record is used, rejected or excluded: spam and trashed tickets excluded (spam first), undocumented statuses rejected",
    async (rows) => {
      const data = rows.map((row, i) => ({
        id: i + 1,
        status: row.status,
        created_datetime: "2026-03-02T10:00:00Z",
        spam: row.spam,
        trashed_datetime: row.trashed ? "2026-03-02T11:00:00Z" : null,
      }));
      const { result } = await readAll(Readable.from([JSON.stringify({ data })]), { preset: "gorgias-json", format: "json" });
      const documented = rows.filter((r) => r.status !== "escalated");
      const spam = documented.filter((r) => r.spam).length;
      const trashed = documented.filter((r) => !r.spam && r.trashed).length;
      expect(result.stats.rejected).toBe(rows.length - documented.length);
      expect(result.stats.excluded).toBe(spam + trashed);
      expect(result.stats.excludedBy).toEqual({ ...(spam > 0 ? { spam } : {}), ...(trashed > 0 ? { deleted: trashed } : {}) });
      expect(result.stats.used).toBe(documented.length - spam - trashed);
    },
  );
});
