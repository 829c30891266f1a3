// Presets: small fixtures written from the public documentation of each export format
// (test/fixtures/io). Column names as Zendesk's ticket CSV export and ticket metrics API,
// Freshdesk's ticket export, and Intercom's conversation model (REST API 2.x,
// "conversation statistics") spell them.
import { describe, expect, it } from "vitest";
import { readTickets, type Reject, type TicketReadResult } from "../../src/io/index.ts";
import type { Ticket } from "../../src/models/index.ts";
import { openFile } from "../../src/io/node/index.ts";

const fixture = (file: string): string => new URL(`../fixtures/io/${file}`, import.meta.url).pathname;

/** The helpdesk durations of the ticket `id` among `tickets`. */
const helpdeskOf = (tickets: readonly Ticket[], id: string): Ticket["helpdesk"] => tickets.find((t) => t.id === id)?.helpdesk;

/** `ticket` without its helpdesk durations (checked on their own, with {@link helpdeskOf}). */
function withoutHelpdesk(ticket: Ticket | undefined): Omit<Ticket, "helpdesk"> | undefined {
  if (ticket === undefined) return undefined;
  const { helpdesk: _helpdesk, ...rest } = ticket;
  return rest;
}

async function collect(result: TicketReadResult): Promise<Ticket[]> {
  const out: Ticket[] = [];
  for await (const ticket of result.records) out.push(ticket);
  expect(result.stats.read).toBe(result.stats.used + result.stats.rejected + result.stats.excluded);
  expect(new Set(result.rejects.map((r) => r.record)).size).toBe(result.stats.rejected);
  return out;
}

const min = (n: number): number => n * 60_000;
const pick = (rejects: readonly Reject[], record: number): [string, string, string][] =>
  rejects.filter((r) => r.record === record).map((r) => [r.column, r.value, r.reason]);

describe("zendesk-csv (Zendesk ticket CSV export)", () => {
  it("maps the export's columns, reading naive dates in the account's time zone", async () => {
    const result = await readTickets(openFile(fixture("zendesk-tickets.csv")), { preset: "zendesk-csv", timeZone: "Europe/Bucharest" });
    const tickets = await collect(result);
    expect(result.stats).toEqual({
      read: 5,
      used: 4,
      rejected: 1,
      excluded: 0,
      excludedBy: {},
      blankLines: 0,
      invalidUtf8: 0,
      invalidUtf8ByColumn: {},
    });
    expect(withoutHelpdesk(tickets[0])).toEqual({
      id: "101",
      createdAt: new Date("2026-03-02T07:15:00Z"),
      status: "solved",
      rawStatus: "Solved",
      channel: "web",
      type: "question",
      priority: "normal",
      assignee: "Mihai Ionescu",
      group: "Support",
      requesterId: "361900001",
      assignedAt: new Date("2026-03-02T07:20:00Z"), // "Initially assigned at" wins over "Assigned at"
      solvedAt: new Date("2026-03-02T13:15:00Z"),
      reopens: 0,
      replies: 2,
      satisfaction: "good",
      satisfactionOffered: true,
      tags: ["billing", "vip"],
    });
    // Hold → on_hold; "Offered" is no rating: the key is left out, not set to undefined.
    expect(tickets[1]?.status).toBe("on_hold");
    expect(tickets[1]).not.toHaveProperty("satisfaction");
    expect(tickets[1]).not.toHaveProperty("solvedAt");
    expect(tickets[1]?.channel).toBe("email");
    // "Bad with comment" → bad; "Phone call (incoming)" → phone.
    expect(tickets[2]).toMatchObject({ satisfaction: "bad", channel: "phone", reopens: 1 });
    expect(tickets[2]).not.toHaveProperty("assignee");
    // 03:30 on 2026-03-29 does not exist in Bucharest (DST gap): moved forward to 04:30 EEST.
    expect(tickets[3]?.createdAt).toEqual(new Date("2026-03-29T01:30:00Z"));
    expect(tickets[3]?.status).toBe("new");
  });

  it("keeps the exported durations (minutes) as milliseconds per ticket id", async () => {
    const result = await readTickets(openFile(fixture("zendesk-tickets.csv")), { preset: "zendesk-csv", timeZone: "Europe/Bucharest" });
    const all = await collect(result);
    expect(helpdeskOf(all, "101")).toEqual({
      firstReply: min(45),
      firstReplyBusiness: min(45),
      firstResolution: min(360),
      firstResolutionBusiness: min(360),
      fullResolution: min(360),
      fullResolutionBusiness: min(360),
    });
    expect(helpdeskOf(all, "102")).toEqual({ firstReply: min(115), firstReplyBusiness: 0 });
    expect(helpdeskOf(all, "105")).toBeUndefined();
    expect(helpdeskOf(all, "104")).toBeUndefined(); // rejected tickets leave nothing behind
  });

  it("rejects a negative Reopens count, naming the column as the export spells it", async () => {
    const result = await readTickets(openFile(fixture("zendesk-tickets.csv")), { preset: "zendesk-csv", timeZone: "Europe/Bucharest" });
    await collect(result);
    expect(result.rejects).toEqual([{ record: 4, line: 6, column: "Reopens", value: "-1", reason: "must be a non-negative integer" }]);
  });

  it("without timeZone, naive dates reject their records (no hidden host zone)", async () => {
    const result = await readTickets(openFile(fixture("zendesk-tickets.csv")), { preset: "zendesk-csv" });
    const tickets = await collect(result);
    expect(tickets).toEqual([]);
    expect(result.rejects[0]).toMatchObject({ record: 1, column: "Created at" });
    expect(result.rejects[0]?.reason).toMatch(/timeZone/);
  });
});

describe("zendesk-json (Zendesk tickets API with side-loaded metric_sets)", () => {
  it("joins metric_sets by ticket_id and maps the API fields", async () => {
    const result = await readTickets(openFile(fixture("zendesk-tickets.json")), { preset: "zendesk-json" });
    const tickets = await collect(result);
    expect(result.stats).toEqual({
      read: 3,
      used: 2,
      rejected: 0,
      excluded: 1,
      excludedBy: { deleted: 1 },
      blankLines: 0,
      invalidUtf8: 0,
      invalidUtf8ByColumn: {},
    });
    expect(withoutHelpdesk(tickets[0])).toEqual({
      id: "35436",
      createdAt: new Date("2026-03-02T07:15:00Z"),
      status: "solved",
      rawStatus: "solved",
      channel: "web",
      type: "question",
      priority: "high",
      assignee: "235323",
      group: "98738",
      requesterId: "20978392",
      assignedAt: new Date("2026-03-02T07:20:00Z"),
      solvedAt: new Date("2026-03-02T13:15:00Z"),
      reopens: 0,
      replies: 1,
      satisfaction: "good",
      satisfactionOffered: true,
      tags: ["enterprise", "printer"],
    });
    expect(withoutHelpdesk(tickets[1])).toEqual({
      id: "35437",
      createdAt: new Date("2026-03-02T08:00:00Z"),
      status: "on_hold",
      rawStatus: "hold",
      channel: "email",
      requesterId: "20978393",
      reopens: 0,
      replies: 0,
      satisfactionOffered: true, // "offered": a survey sent, not answered
      tags: [],
    });
    expect(helpdeskOf(tickets, "35436")).toEqual({
      firstReply: min(30),
      firstReplyBusiness: min(30),
      firstResolution: min(360),
      firstResolutionBusiness: min(360),
      fullResolution: min(360),
      fullResolutionBusiness: min(360),
      requesterWait: min(360),
      requesterWaitBusiness: min(360),
      agentWait: 0,
      agentWaitBusiness: 0,
      onHold: 0,
      onHoldBusiness: 0,
    });
    // Zendesk returns deleted tickets with the status "deleted": excluded, not rejected.
    expect(result.rejects).toEqual([]);
    expect(result.input.format).toBe("json");
  });

  it("reads NDJSON tickets with embedded metric_set, counting blank lines and rejecting bad JSON lines", async () => {
    const result = await readTickets(openFile(fixture("zendesk-tickets.ndjson")), { preset: "zendesk-json" });
    const tickets = await collect(result);
    expect(result.stats).toEqual({
      read: 3,
      used: 2,
      rejected: 1,
      excluded: 0,
      excludedBy: {},
      blankLines: 1,
      invalidUtf8: 0,
      invalidUtf8ByColumn: {},
    });
    expect(tickets.map((t) => [t.id, t.status, t.channel, t.replies, t.satisfaction])).toEqual([
      ["1", "open", "chat", 2, undefined],
      ["3", "closed", undefined, undefined, "bad"],
    ]);
    expect(helpdeskOf(tickets, "1")).toEqual({ firstReply: min(12), firstReplyBusiness: min(3) });
    expect(result.rejects).toHaveLength(1);
    expect(result.rejects[0]).toMatchObject({ record: 2, line: 3, column: "(record)", value: "" });
    expect(result.rejects[0]?.reason).toMatch(/^is not valid JSON/);
  });
});

describe("freshdesk-csv (Freshdesk ticket export)", () => {
  it("maps the export, reads HH:MM:SS business-hour durations, and keeps every issue of a rejected row", async () => {
    const result = await readTickets(openFile(fixture("freshdesk-tickets.csv")), { preset: "freshdesk-csv", timeZone: "Asia/Kolkata" });
    const tickets = await collect(result);
    expect(result.stats).toEqual({
      read: 5,
      used: 4,
      rejected: 1,
      excluded: 0,
      excludedBy: {},
      blankLines: 0,
      invalidUtf8: 0,
      invalidUtf8ByColumn: {},
    });
    expect(withoutHelpdesk(tickets[0])).toEqual({
      id: "2001",
      createdAt: new Date("2026-05-04T03:30:00Z"),
      status: "solved",
      rawStatus: "Resolved",
      channel: "email",
      type: "incident",
      priority: "medium",
      assignee: "Ana Popescu",
      group: "Tier 1",
      requesterId: "9001",
      firstResponseAt: new Date("2026-05-04T04:15:00Z"),
      solvedAt: new Date("2026-05-04T12:00:00Z"),
      replies: 2,
      satisfaction: 7,
      satisfactionScale: { min: 1, max: 7 },
      brand: "Portal",
      tags: ["login", "sso"],
    });
    expect(tickets.map((t) => t.status)).toEqual(["solved", "pending", "closed", "on_hold"]);
    expect(tickets[2]).toMatchObject({ satisfaction: 3, closedAt: new Date("2026-05-08T02:30:00Z") });
    expect(helpdeskOf(tickets, "2001")).toEqual({ firstReplyBusiness: min(45), fullResolutionBusiness: min(8 * 60 + 30) });
    expect(helpdeskOf(tickets, "2003")).toEqual({
      firstReplyBusiness: min(5),
      fullResolutionBusiness: 27 * 3_600_000 + 15 * 60_000 + 30_000,
    });
    expect(pick(result.rejects, 5)).toEqual([["Status", "Archived", expect.stringContaining('--status-map "Archived=CATEGORY"')]]);
  });

  it("a statusMap adds the custom status, and the row is then used", async () => {
    const result = await readTickets(openFile(fixture("freshdesk-tickets.csv")), {
      preset: "freshdesk-csv",
      timeZone: "Asia/Kolkata",
      statusMap: { Archived: "closed" },
      map: { satisfaction: "" },
    });
    const tickets = await collect(result);
    expect(result.stats.used).toBe(5);
    expect(tickets[4]).toMatchObject({ id: "2005", status: "closed", rawStatus: "Archived" });
    expect(tickets.some((t) => "satisfaction" in t)).toBe(false);
  });
});

describe("intercom-json (Intercom conversations with statistics)", () => {
  it("reads epoch seconds, the statistics object and tag names", async () => {
    const result = await readTickets(openFile(fixture("intercom-conversations.json")), { preset: "intercom-json" });
    const tickets = await collect(result);
    expect(result.stats).toEqual({
      read: 3,
      used: 2,
      rejected: 1,
      excluded: 0,
      excludedBy: {},
      blankLines: 0,
      invalidUtf8: 0,
      invalidUtf8ByColumn: {},
    });
    const at = (s: number): Date => new Date(s * 1000);
    expect(withoutHelpdesk(tickets[0])).toEqual({
      id: "1911149811",
      createdAt: at(1772445600),
      status: "solved",
      rawStatus: "closed",
      channel: "conversation",
      type: "customer_initiated",
      priority: "priority",
      assignee: "814860",
      group: "5017691",
      requesterId: "5bc8f7ae2d96695c18a",
      assignedAt: at(1772445720),
      firstResponseAt: at(1772446200),
      firstSolvedAt: at(1772449200),
      solvedAt: at(1772456400),
      reopens: 1,
      satisfaction: 5,
      satisfactionScale: { min: 1, max: 5 },
      tags: ["bug", "ios"],
    });
    expect(withoutHelpdesk(tickets[1])).toEqual({
      id: "1911149812",
      createdAt: at(1772449200),
      status: "pending",
      rawStatus: "snoozed",
      channel: "email",
      type: "customer_initiated",
      requesterId: "777",
      reopens: 0,
      tags: [],
    });
    expect(helpdeskOf(tickets, "1911149811")).toEqual({
      firstReplyBusiness: 600_000,
      firstResolutionBusiness: 3_600_000,
      fullResolutionBusiness: 10_800_000,
      assignment: 120_000,
    });
    expect(result.rejects).toEqual([
      { record: 3, line: 43, column: "created_at", value: "2026-03-02T10:00:00Z", reason: "must be an integer number of epoch seconds" },
    ]);
  });
});
