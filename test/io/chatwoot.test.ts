// chatwoot-json: Chatwoot's conversations API (GET /api/v1/accounts/{id}/conversations), read from
// the fixture test/fixtures/exports/chatwoot-json, written from
// https://developers.chatwoot.com/api-reference/conversations/conversations-list and the API's
// conversation view (chatwoot/chatwoot app/views/api/v1/conversations/partials/_conversation.json.jbuilder).
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Ticket } from "../../src/models/index.ts";
import { exportFixture, expectedOf, readAll } from "./_vendorSupport.ts";
import { openFile } from "../../src/io/node/index.ts";

const at = (iso: string): Date => new Date(iso);

describe("chatwoot-json (Chatwoot conversations API)", () => {
  it("reads the documented fields of every conversation", async () => {
    const { tickets, result } = await readAll(openFile(exportFixture("chatwoot-json", "conversations.json")), { preset: "chatwoot-json" });
    expect(result.rejects).toEqual([]);
    expect(tickets[0]).toEqual({
      id: "101",
      createdAt: at("2026-03-02T09:00:00Z"),
      status: "solved",
      rawStatus: "resolved",
      channel: "chat",
      priority: "high",
      assignee: "Ana",
      group: "Billing",
      brand: "1",
      requesterId: "501",
      firstResponseAt: at("2026-03-02T09:10:00Z"),
      tags: ["billing"],
    } satisfies Ticket);
    // first_reply_created_at 0 is "no reply yet", not 1970.
    expect(tickets.find((t) => t.id === "103")?.firstResponseAt).toBeUndefined();
    expect(tickets.map((t) => [t.id, t.status, t.channel])).toEqual([
      ["101", "solved", "chat"],
      ["102", "open", "email"],
      ["103", "new", "api"],
      ["104", "pending", "whatsapp"],
      ["105", "solved", "chat"],
      ["106", "open", "twitter"],
    ]);
    expect(tickets.find((t) => t.id === "102")?.assignee).toBe("Ben");
    expect(tickets.find((t) => t.id === "106")?.assignee).toBeUndefined();
  });

  it("accounts for every record as expected.json says", async () => {
    const expected = expectedOf("chatwoot-json");
    const { result } = await readAll(openFile(exportFixture("chatwoot-json", "conversations.json")), { preset: "chatwoot-json" });
    expect([result.stats.read, result.stats.used, result.stats.rejected, result.stats.excluded]).toEqual([
      expected.read,
      expected.used,
      expected.rejected,
      expected.excluded,
    ]);
  });

  it("rejects an undocumented status with the preset's hint, and a bad instant", async () => {
    const page = {
      data: {
        payload: [
          { id: 1, status: "archived", created_at: 1772442000, meta: {} },
          { id: 2, status: "open", created_at: 1772442000, first_reply_created_at: -5, meta: {} },
          { id: 3, status: "Open", created_at: 1772442000, meta: { channel: "Channel::Voice" } },
        ],
      },
    };
    const { tickets, result } = await readAll(Readable.from([JSON.stringify(page)]), { preset: "chatwoot-json", format: "json" });
    expect(result.stats).toMatchObject({ read: 3, used: 1, rejected: 2 });
    expect(result.rejects.map((r) => [r.record, r.column, r.value])).toEqual([
      [1, "status", "archived"],
      [2, "first_reply_created_at", "-5"],
    ]);
    expect(result.rejects[0]?.reason).toMatch(/chatwoot-json/);
    expect(tickets[0]).toMatchObject({ id: "3", status: "open", channel: "phone" });
  });

  it("a status map wins over the preset's table", async () => {
    const page = { data: { payload: [{ id: 1, status: "archived", created_at: 1772442000 }] } };
    const { tickets } = await readAll(Readable.from([JSON.stringify(page)]), {
      preset: "chatwoot-json",
      format: "json",
      statusMap: ["archived=closed"],
    });
    expect(tickets.map((t) => t.status)).toEqual(["closed"]);
  });
});
