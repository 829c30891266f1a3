import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { Ticket } from "../../../src/models/ticket.ts";
import { channelMix } from "../../../src/metrics/volume/index.ts";
import { needsRealData, realDataPath } from "../../_support/realData.ts";
import { ROMANIAN } from "../../_support/sources.ts";

const AT = new Date("2024-01-01T00:00:00Z");

function withChannels(channels: readonly (string | undefined)[]): Ticket[] {
  return channels.map((channel, i) => ({ id: `t${i}`, createdAt: AT, status: "open", ...(channel === undefined ? {} : { channel }) }));
}

describe("channelMix", () => {
  it(`ranks the article's channels by use, the preferred first (${ROMANIAN}, hand-computed fixture)`, () => {
    const mix = channelMix(withChannels(["social", "phone", "social", "email", "social", "phone", "forum", undefined]));
    expect(mix).toEqual({
      total: 8,
      channels: [
        { channel: "social", count: 3, share: 3 / 8 },
        { channel: "phone", count: 2, share: 2 / 8 },
        { channel: "email", count: 1, share: 1 / 8 },
        { channel: "forum", count: 1, share: 1 / 8 },
      ],
      withoutChannel: { count: 1, share: 1 / 8 },
    });
  });

  it("breaks ties by name in code-unit order, not locale order (uppercase before lowercase)", () => {
    const mix = channelMix(withChannels(["chat", "Email", "chat", "Email"]));
    expect(mix?.channels.map((c) => c.channel)).toEqual(["Email", "chat"]);
  });

  it("counts the empty string as no channel and never ranks missing channels", () => {
    const mix = channelMix(withChannels(["", undefined, undefined, "email"]));
    expect(mix?.channels).toEqual([{ channel: "email", count: 1, share: 0.25 }]);
    expect(mix?.withoutChannel).toEqual({ count: 3, share: 0.75 });
  });

  it("returns undefined for no tickets", () => {
    expect(channelMix([])).toBeUndefined();
  });

  it(
    "reads the real Kaggle 'Customer Support Ticket Dataset': Email 2,143, Phone 2,132, Social media 2,121, Chat 2,073 (counted with Python's csv module)",
    needsRealData("real/customer_support_tickets.csv"),
    () => {
      const text = readFileSync(realDataPath("real/customer_support_tickets.csv"), "utf8");
      const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
      const tickets: Ticket[] = rows.map((row) => ({
        id: row["Ticket ID"] ?? "",
        createdAt: new Date(row["Date of Purchase"] ?? ""),
        status: "open",
        channel: row["Ticket Channel"] ?? "",
      }));
      const mix = channelMix(tickets);
      expect(mix?.total).toBe(8469);
      expect(mix?.channels.map((c) => [c.channel, c.count])).toEqual([
        ["Email", 2143],
        ["Phone", 2132],
        ["Social media", 2121],
        ["Chat", 2073],
      ]);
      expect(mix?.channels[0]?.share).toBe(2143 / 8469);
      expect(mix?.withoutChannel.count).toBe(0);
    },
  );
});
