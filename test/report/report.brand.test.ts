// Issue 12: "A new `brand` field (Zendesk `brand_id`, the replying account on social channels)
// with `--by brand`." The tickets are the CSV fixture test/fixtures/cli/brands.csv, read with
// the generic preset; the expected counts are read off the file by hand.
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readTickets } from "../../src/io/index.ts";
import type { Ticket } from "../../src/models/index.ts";
import { report } from "../../src/report/index.ts";
import { codeOf } from "../_support/errors.ts";

const FILE = new URL("../fixtures/cli/brands.csv", import.meta.url);

async function tickets(): Promise<Ticket[]> {
  const result = await readTickets(Readable.from([readFileSync(FILE)]), {});
  const out: Ticket[] = [];
  for await (const t of result.records) out.push(t);
  return out;
}

const options = { asOf: new Date("2026-10-03T00:00:00Z"), timeZone: "UTC" } as const;

describe("segments by brand", () => {
  it("counts each brand's tickets; a ticket without a brand goes to (none)", async () => {
    const list = await tickets();
    expect(list.map((t) => t.brand)).toEqual(["acme", "acme", "zeta", undefined, "acme"]);
    const r = report({ tickets: list }, { ...options, segments: ["brand", ["brand", "channel"]] });
    const [byBrand, cross] = r.segments;
    expect(byBrand?.dimensions).toEqual(["brand"]);
    // acme: tickets 1, 2, 5; zeta: 3; (none): 4. Solved: acme 1 and 5, zeta 3.
    expect(byBrand?.segments.map((s) => [s.key, s.tickets, s.counts.statuses?.solved])).toEqual([
      [["acme"], 3, 2],
      [["(none)"], 1, 0],
      [["zeta"], 1, 1],
    ]);
    // First responses in acme: 30, 5 and 10 minutes → median 10 minutes.
    expect(byBrand?.segments[0]?.time.firstResponse?.calendar?.median).toBe(10 * 60_000);
    // acme × chat: 2 and 5; acme × email: 1; (none) × email: 4; zeta × email: 3.
    expect(cross?.segments.map((s) => [s.key, s.tickets])).toEqual([
      [["acme", "chat"], 2],
      [["(none)", "email"], 1],
      [["acme", "email"], 1],
      [["zeta", "email"], 1],
    ]);
  });

  it("an unknown dimension is refused with the list, which names brand", () => {
    expect(codeOf(() => report({ tickets: [] }, { ...options, segments: ["brands" as "brand"] }))).toBe(
      'E_SEGMENT_KEY report: a segment dimension must be one of assignee, group, channel, type, priority, brand, tag, period or { name, key }, got "brands"',
    );
  });
});
