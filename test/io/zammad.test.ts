// zammad-json: Zammad's GET /api/v1/tickets (with and without ?expand=true), read from the fixture
// test/fixtures/exports/zammad-json, written from https://docs.zammad.org/en/latest/api/ticket/index.html
// and Zammad's default states (zammad/zammad db/seeds/ticket_states.rb).
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Ticket } from "../../src/models/index.ts";
import { exportFixture, expectedOf, median, readAll } from "./_vendorSupport.ts";
import { openFile } from "../../src/io/node/index.ts";

const at = (iso: string): Date => new Date(iso);
const min = (n: number): number => n * 60_000;
const read = () => readAll(openFile(exportFixture("zammad-json", "tickets.json")), { preset: "zammad-json" });

describe("zammad-json (Zammad tickets API)", () => {
  it("reads an expanded ticket, with Zammad's escalation minutes as helpdesk durations", async () => {
    const { tickets, result } = await read();
    expect(result.rejects).toEqual([]);
    expect(tickets[0]).toEqual({
      id: "1",
      createdAt: at("2026-03-02T09:00:00Z"),
      status: "solved",
      rawStatus: "closed",
      channel: "email",
      type: "incident",
      priority: "normal",
      assignee: "agent1@example.com",
      group: "Users",
      requesterId: "101",
      firstResponseAt: at("2026-03-02T09:45:00Z"),
      solvedAt: at("2026-03-02T12:00:00Z"),
      helpdesk: { firstReplyBusiness: min(45), fullResolutionBusiness: min(180) },
    } satisfies Ticket);
    expect(tickets.map((t) => [t.id, t.status, t.rawStatus])).toEqual([
      ["1", "solved", "closed"],
      ["2", "open", "open"],
      ["3", "pending", "pending reminder"],
      ["4", "new", "new"],
      ["6", "pending", "pending close"],
      ["7", "solved", "closed"],
    ]);
    // The owner "-" (user 1) is Zammad's nobody: unassigned.
    expect(tickets.find((t) => t.id === "4")).not.toHaveProperty("assignee");
    expect(tickets.find((t) => t.id === "2")?.priority).toBe("high");
  });

  it("excludes merged and removed tickets; figures agree with expected.json", async () => {
    const expected = expectedOf("zammad-json");
    const { tickets, result } = await read();
    expect(result.stats).toMatchObject({
      read: expected.read,
      used: expected.used,
      rejected: expected.rejected,
      excluded: expected.excluded,
    });
    expect(result.stats.excludedBy).toEqual({ merged: 1, deleted: 1 });
    const frt = tickets.flatMap((t) => (t.firstResponseAt === undefined ? [] : [t.firstResponseAt.getTime() - t.createdAt.getTime()]));
    expect(median(frt)).toBe(expected.frtMedianMs);
    // Zammad's own minutes agree with the instants on this fixture.
    expect(median(tickets.flatMap((t) => (t.helpdesk?.firstReplyBusiness === undefined ? [] : [t.helpdesk.firstReplyBusiness])))).toBe(
      expected.frtMedianMs,
    );
    const resolution = tickets.flatMap((t) => (t.solvedAt === undefined ? [] : [t.solvedAt.getTime() - t.createdAt.getTime()]));
    expect(median(resolution)).toBe(expected.resolutionMedianMs);
  });

  it("a ticket without ?expand=true is read through Zammad's default state and priority ids", async () => {
    const tickets = [
      {
        id: 11,
        state_id: 4,
        priority_id: 3,
        owner_id: 1,
        group_id: 2,
        customer_id: 9,
        created_at: "2026-03-02T06:00:00.000Z",
        close_at: "2026-03-02T10:00:00.000Z",
      },
      { id: 12, state_id: 5, priority_id: 2, created_at: "2026-03-02T06:00:00.000Z" },
      { id: 13, state_id: 42, priority_id: 2, created_at: "2026-03-02T06:00:00.000Z" },
    ];
    const { tickets: out, result } = await readAll(Readable.from([JSON.stringify(tickets)]), { preset: "zammad-json", format: "json" });
    expect(out).toEqual([
      {
        id: "11",
        createdAt: at("2026-03-02T06:00:00Z"),
        status: "solved",
        rawStatus: "closed",
        priority: "high",
        group: "2",
        requesterId: "9",
        solvedAt: at("2026-03-02T10:00:00Z"),
      },
    ]);
    // 12 is merged (state 5): excluded. 13 has a state of its own that only ?expand=true can name.
    expect(result.stats).toMatchObject({ read: 3, used: 1, rejected: 1, excluded: 1, excludedBy: { merged: 1 } });
    expect(result.rejects.map((r) => [r.record, r.column, r.reason])).toEqual([[3, "state", "is required"]]);
  });

  it("a custom state is rejected with the preset's hint unless mapped", async () => {
    const tickets = [{ id: 1, state: "waiting for vendor", created_at: "2026-03-02T06:00:00Z" }];
    const first = await readAll(Readable.from([JSON.stringify(tickets)]), { preset: "zammad-json", format: "json" });
    expect(first.result.rejects[0]?.reason).toMatch(/zammad-json/);
    const mapped = await readAll(Readable.from([JSON.stringify(tickets)]), {
      preset: "zammad-json",
      format: "json",
      statusMap: { "waiting for vendor": "on_hold" },
    });
    expect(mapped.tickets.map((t) => t.status)).toEqual(["on_hold"]);
  });
});
