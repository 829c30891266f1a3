// Statuses and ratings as each helpdesk documents them, one value at a time.
// - Zendesk statuses: https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/ (new, open,
//   pending, hold, solved, closed), https://support.zendesk.com/hc/en-us/articles/4408886805786 (On-hold),
//   deleted tickets in incremental exports:
//   https://developer.zendesk.com/documentation/ticketing/managing-tickets/using-the-incremental-export-api/
// - Zendesk ratings: https://developer.zendesk.com/api-reference/ticketing/ticket-management/satisfaction_ratings/
// - Freshdesk statuses 2–5 and rating values 103 … -103: https://developers.freshdesk.com/api/
// - Intercom states and conversation_rating: https://developers.intercom.com/docs/references/rest-api/api.intercom.io/conversations/conversation
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readTickets, type ReadTicketsOptions, type TicketPreset } from "../../src/io/index.ts";
import type { Ticket } from "../../src/models/index.ts";

const text = (s: string): Readable => Readable.from([Buffer.from(s)]);

/** One ticket per status (or rating) through `preset`, as CSV or JSON; the tickets and the stats. */
async function run(preset: TicketPreset, body: string, options: ReadTicketsOptions = {}) {
  const result = await readTickets(text(body), { preset, ...options });
  const tickets: Ticket[] = [];
  for await (const t of result.records) tickets.push(t);
  return { tickets, stats: result.stats, rejects: result.rejects };
}

const zendeskCsv = (statuses: readonly string[], ratings: readonly string[] = []): string =>
  [
    "Id,Created at,Status,Satisfaction Score",
    ...statuses.map((s, i) => `${String(i + 1)},2026-01-05T10:00:00Z,${s},${ratings[i] ?? ""}`),
  ].join("\n");

const zendeskJson = (tickets: readonly Record<string, unknown>[]): string =>
  JSON.stringify({ tickets: tickets.map((t, i) => ({ id: i + 1, created_at: "2026-01-05T10:00:00Z", ...t })) });

describe("status tables", () => {
  it("zendesk-csv: every status the export shows, as categories", async () => {
    const { tickets } = await run("zendesk-csv", zendeskCsv(["New", "Open", "Pending", "On-hold", "Hold", "Solved", "Closed"]));
    expect(tickets.map((t) => t.status)).toEqual(["new", "open", "pending", "on_hold", "on_hold", "solved", "closed"]);
  });

  it("zendesk-json: API statuses; deleted tickets are excluded and counted, not rejected", async () => {
    const statuses = ["new", "open", "pending", "hold", "solved", "closed", "deleted", "deleted"];
    const { tickets, stats, rejects } = await run("zendesk-json", zendeskJson(statuses.map((status) => ({ status }))));
    expect(tickets.map((t) => t.status)).toEqual(["new", "open", "pending", "on_hold", "solved", "closed"]);
    expect(stats).toMatchObject({ read: 8, used: 6, rejected: 0, excluded: 2, excludedBy: { deleted: 2 } });
    expect(rejects).toEqual([]);
  });

  it("a deleted ticket does not take its id: a later ticket with the same id is kept", async () => {
    const body = JSON.stringify({
      tickets: [
        { id: 5, created_at: "2026-01-05T10:00:00Z", status: "deleted" },
        { id: 5, created_at: "2026-01-05T10:00:00Z", status: "open" },
      ],
    });
    const { tickets, stats } = await run("zendesk-json", body);
    expect(tickets.map((t) => t.id)).toEqual(["5"]);
    expect(stats).toMatchObject({ used: 1, rejected: 0, excluded: 1 });
  });

  it("freshdesk-csv: built-in statuses by name and API code, and the default custom ones", async () => {
    const names = ["Open", "Pending", "Resolved", "Closed", "2", "3", "4", "5", "Waiting on Customer", "Waiting on Third Party"];
    const body = ["Ticket ID,Created time,Status", ...names.map((s, i) => `${String(i + 1)},2026-01-05T10:00:00Z,${s}`)].join("\n");
    const { tickets } = await run("freshdesk-csv", body);
    expect(tickets.map((t) => t.status)).toEqual([
      "open",
      "pending",
      "solved",
      "closed",
      "open",
      "pending",
      "solved",
      "closed",
      "pending",
      "on_hold",
    ]);
  });

  it("a status given as a JSON number is read as its digits (Freshdesk's API codes)", async () => {
    const body = JSON.stringify(
      [2, 3, 4, 5, 6].map((status, i) => ({ "Ticket ID": i, "Created time": "2026-01-05T10:00:00Z", Status: status })),
    );
    const { tickets, rejects } = await run("freshdesk-csv", body);
    expect(tickets.map((t) => [t.status, t.rawStatus])).toEqual([
      ["open", "2"],
      ["pending", "3"],
      ["solved", "4"],
      ["closed", "5"],
    ]);
    expect(rejects.map((r) => [r.value, r.reason.slice(0, 20)])).toEqual([["6", 'unknown status "6" f']]);
  });

  it("intercom-json: open, snoozed, closed", async () => {
    const body = JSON.stringify(["open", "snoozed", "closed"].map((state, i) => ({ id: String(i), created_at: 1767607200, state })));
    const { tickets } = await run("intercom-json", body);
    expect(tickets.map((t) => t.status)).toEqual(["open", "pending", "solved"]);
  });

  it("generic: deleted and spam are excluded under their own reasons", async () => {
    const body = [
      "id,created_at,status",
      "1,2026-01-05T10:00:00Z,open",
      "2,2026-01-05T10:00:00Z,Deleted",
      "3,2026-01-05T10:00:00Z,SPAM",
    ].join("\n");
    const { stats } = await run("generic", body);
    expect(stats).toMatchObject({ read: 3, used: 1, rejected: 0, excluded: 2, excludedBy: { deleted: 1, spam: 1 } });
  });

  it("an unknown status is rejected with a reason that names it and --status-map; a status map then reads it", async () => {
    const body = ["Ticket ID,Created time,Status", "1,2026-01-05T10:00:00Z,OpenPending"].join("\n");
    const first = await run("freshdesk-csv", body);
    expect(first.rejects).toEqual([
      {
        record: 1,
        line: 2,
        column: "Status",
        value: "OpenPending",
        reason:
          'unknown status "OpenPending" for the freshdesk-csv preset; map it with --status-map "OpenPending=CATEGORY" (statusMap in code), CATEGORY one of new, open, pending, on_hold, solved, closed',
      },
    ]);
    const mapped = await run("freshdesk-csv", body, { statusMap: ["OpenPending=open"] });
    expect(mapped.tickets.map((t) => [t.status, t.rawStatus])).toEqual([["open", "OpenPending"]]);
  });
});

describe("ticket ratings", () => {
  it("zendesk: good/bad (with or without comment) are offered and rated; offered is offered only; unoffered is neither", async () => {
    const ratings = ["Good", "Good with comment", "Bad", "Bad with comment", "Offered", "Unoffered", ""];
    const { tickets } = await run("zendesk-csv", zendeskCsv(Array<string>(ratings.length).fill("Solved"), ratings));
    expect(tickets.map((t) => [t.satisfaction, t.satisfactionOffered])).toEqual([
      ["good", true],
      ["good", true],
      ["bad", true],
      ["bad", true],
      [undefined, true],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(tickets.some((t) => "satisfactionScale" in t)).toBe(false);
  });

  it("zendesk-json: satisfaction_rating null or an object with a score", async () => {
    const ratings = [null, { score: "good", comment: "Thanks" }, { score: "bad" }, { score: "offered" }, { score: "unoffered" }];
    const { tickets } = await run("zendesk-json", zendeskJson(ratings.map((r) => ({ status: "solved", satisfaction_rating: r }))));
    expect(tickets.map((t) => [t.satisfaction, t.satisfactionOffered])).toEqual([
      [undefined, undefined],
      ["good", true],
      ["bad", true],
      [undefined, true],
      [undefined, undefined],
    ]);
  });

  it("freshdesk: the seven levels, the classic survey's three answers and the API values, on 1–7", async () => {
    const answers = [
      "Extremely Unhappy",
      "Very Unhappy",
      "Unhappy",
      "Neutral",
      "Happy",
      "Very Happy",
      "Extremely Happy",
      "Not Good",
      "Just Okay",
      "Awesome",
      "-103",
      "103",
      "Delighted",
    ];
    const body = [
      "Ticket ID,Created time,Status,Survey results",
      ...answers.map((a, i) => `${String(i + 1)},2026-01-05T10:00:00Z,Resolved,${a}`),
    ].join("\n");
    const { tickets, rejects } = await run("freshdesk-csv", body);
    expect(tickets.map((t) => t.satisfaction)).toEqual([1, 2, 3, 4, 5, 6, 7, 1, 4, 7, 1, 7]);
    expect(tickets.every((t) => t.satisfactionScale?.min === 1 && t.satisfactionScale.max === 7)).toBe(true);
    expect(rejects.map((r) => [r.column, r.value])).toEqual([["Survey results", "Delighted"]]);
    expect(rejects[0]?.reason).toMatch(/^must be a Freshdesk survey rating/);
  });

  it("intercom: 1–5 with its scale; a null rating is no rating; 6 is rejected", async () => {
    const ratings = [5, 1, null, 6];
    const body = JSON.stringify(
      ratings.map((rating, i) => ({ id: String(i), created_at: 1767607200, state: "closed", conversation_rating: { rating } })),
    );
    const { tickets, rejects } = await run("intercom-json", body);
    expect(tickets.map((t) => [t.satisfaction, t.satisfactionScale])).toEqual([
      [5, { min: 1, max: 5 }],
      [1, { min: 1, max: 5 }],
      [undefined, undefined],
    ]);
    expect(rejects.map((r) => [r.column, r.value, r.reason])).toEqual([
      ["conversation_rating.rating", "6", "must be a number from 1 to 5 (Intercom rates conversations 1 to 5)"],
    ]);
  });

  it("a mapped column with a stated scale (COL:MIN-MAX), as strings or an object; values off the scale are rejected", async () => {
    const body = [
      "id,created_at,status,score",
      "1,2026-01-05T10:00:00Z,solved,9",
      "2,2026-01-05T10:00:00Z,solved,0",
      "3,2026-01-05T10:00:00Z,solved,11",
    ].join("\n");
    for (const map of [["satisfaction=score:0-10"], { satisfaction: "score: 0 - 10" }]) {
      const { tickets, rejects } = await run("generic", body, { map });
      expect(tickets.map((t) => [t.satisfaction, t.satisfactionScale])).toEqual([
        [9, { min: 0, max: 10 }],
        [0, { min: 0, max: 10 }],
      ]);
      expect(rejects.map((r) => [r.column, r.value, r.reason])).toEqual([
        ["score", "11", "must be a number from 0 to 10 (the scale stated with satisfaction=score:0-10)"],
      ]);
    }
  });

  it("without a stated scale a number is kept without one, and good/offered are read as on Zendesk", async () => {
    const body = [
      "id,created_at,status,satisfaction",
      "1,2026-01-05T10:00:00Z,solved,4",
      "2,2026-01-05T10:00:00Z,solved,good",
      "3,2026-01-05T10:00:00Z,solved,offered",
    ].join("\n");
    const { tickets } = await run("generic", body);
    expect(tickets.map((t) => [t.satisfaction, t.satisfactionScale, t.satisfactionOffered])).toEqual([
      [4, undefined, undefined],
      ["good", undefined, true],
      [undefined, undefined, true],
    ]);
  });

  it("E_MAP_ENTRY for a stated scale whose bounds are not MIN < MAX", async () => {
    await expect(readTickets(text("id,created_at,status\n"), { map: ["satisfaction=score:5-1"] })).rejects.toMatchObject({
      code: "E_MAP_ENTRY",
      message: 'readTickets: a satisfaction scale must look like COLUMN:MIN-MAX with integers MIN < MAX, got "score:5-1"',
    });
  });
});
