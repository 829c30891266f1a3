/**
 * The default `--as-of` (1 ms after the latest timestamp of the data read) is found without a
 * second full read of a CSV export: the command folds once with an upper bound read from the
 * timestamp columns of every record, and folds again only when that bound came from something
 * it did not use (a rejected record, a message of no ticket). Either way the report equals a
 * run given that `--as-of` explicitly.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { foldInputs } from "../../src/cli/fold.ts";
import { readTickets } from "../../src/io/index.ts";
import { openFile } from "../../src/io/node/index.ts";
import { cli, DATA, FULL } from "./_run.ts";

const dir = mkdtempSync(join(tmpdir(), "cx-asof-"));
const HEADER = "id,created_at,status,channel,first_response_at,solved_at";
const GOOD = [
  "1,2026-03-01T09:00:00Z,solved,email,2026-03-01T10:00:00Z,2026-03-02T09:00:00Z",
  "2,2026-03-03T09:00:00Z,open,chat,2026-03-03T09:05:00Z,",
  "3,2026-03-05T09:00:00Z,solved,email,2026-03-05T11:00:00Z,2026-03-10T12:00:00Z",
];

function write(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

/** The JSON report of `argv`, without what says where `asOf` came from. */
async function json(argv: readonly string[]): Promise<{ doc: Record<string, unknown>; asOf: string; source: string }> {
  const run = await cli([...argv, "--format", "json", "--quiet"]);
  // Exit 0, or 1 with only warnings (a rejected record is one).
  expect(run.stderr).not.toMatch(/error/i);
  const doc = JSON.parse(run.stdout) as { input: Record<string, unknown> };
  const { asOf, asOfSource, ...input } = doc.input as { asOf: string; asOfSource: string };
  return { doc: { ...doc, input }, asOf, source: asOfSource };
}

describe("the default --as-of", () => {
  it("comes from the tickets used, not from a later timestamp on a rejected record", async () => {
    // Record 4 has the latest timestamp of the file, and an unknown status: rejected.
    const file = write("rejected-latest.csv", [HEADER, ...GOOD, "4,2026-03-20T00:00:00Z,weird,email,,"]);
    const implicit = await json(["report", file, "--timezone", "UTC"]);
    expect(implicit.asOf).toBe("2026-03-10T12:00:00.001Z");
    expect(implicit.source).toBe("data");
    const explicit = await json(["report", file, "--timezone", "UTC", "--as-of", implicit.asOf]);
    expect(implicit.doc).toEqual(explicit.doc);
    // The counts are those of one read of the file, not of two.
    expect(implicit.doc["input"]).toMatchObject({ tickets: { read: 4, used: 3, rejected: 1 } });
  });

  it("is the latest timestamp of the file when a used ticket holds it (one fold)", async () => {
    const file = write("plain.csv", [HEADER, ...GOOD]);
    const implicit = await json(["report", file, "--timezone", "UTC"]);
    expect(implicit.asOf).toBe("2026-03-10T12:00:00.001Z");
    const explicit = await json(["report", file, "--timezone", "UTC", "--as-of", implicit.asOf]);
    expect(implicit.doc).toEqual(explicit.doc);
  });

  it("ignores a message of no ticket, and counts the attached messages' timestamps", async () => {
    const tickets = write("t.csv", [HEADER, ...GOOD]);
    const messages = write("m.csv", [
      "ticket_id,at,author,public",
      "1,2026-03-01T09:00:00Z,customer,true",
      "3,2026-03-11T08:00:00Z,customer,true",
      "99,2026-04-01T00:00:00Z,customer,true",
    ]);
    const implicit = await json(["report", tickets, "--messages", messages, "--timezone", "UTC"]);
    expect(implicit.asOf).toBe("2026-03-11T08:00:00.001Z");
    const explicit = await json(["report", tickets, "--messages", messages, "--timezone", "UTC", "--as-of", implicit.asOf]);
    expect(implicit.doc).toEqual(explicit.doc);
  });

  it("gives the full demo report the same figures as the explicit --as-of", async () => {
    const implicit = await json(FULL.filter((a) => a !== "--format" && a !== "table"));
    expect(implicit.source).toBe("data");
    const explicit = await json([...FULL.filter((a) => a !== "--format" && a !== "table"), "--as-of", implicit.asOf]);
    expect(implicit.doc).toEqual(explicit.doc);
  });

  it("is found by a first pass for a JSON export (no bound) and from standard input (records held)", async () => {
    const file = join(dir, "t.json");
    writeFileSync(
      file,
      JSON.stringify([
        { id: "1", created_at: "2026-03-01T09:00:00Z", status: "solved", solved_at: "2026-03-04T09:00:00Z" },
        { id: "2", created_at: "2026-03-02T09:00:00Z", status: "bogus", solved_at: "2026-03-09T09:00:00Z" },
      ]),
    );
    const fromJson = await json(["report", file, "--timezone", "UTC"]);
    expect(fromJson.asOf).toBe("2026-03-04T09:00:00.001Z");
    const csv = `${[HEADER, ...GOOD, "4,2026-03-20T00:00:00Z,weird,email,,"].join("\n")}\n`;
    const run = await cli(["report", "-", "--timezone", "UTC", "--format", "json", "--quiet"], { stdin: csv });
    expect((JSON.parse(run.stdout) as { input: { asOf: string } }).input.asOf).toBe("2026-03-10T12:00:00.001Z");
    expect(DATA.tickets).toContain("tickets.csv");
  });

  it("asks for the bound only for CSV tickets (a JSON document is not parsed an extra time for nothing)", async () => {
    const file = join(dir, "bound.json");
    writeFileSync(file, JSON.stringify([{ id: "1", created_at: "2026-03-01T09:00:00Z", status: "open" }]));
    const open = async () => ({ tickets: await readTickets(openFile(file)), responses: undefined, cohorts: undefined });
    const asked: string[] = [];
    const folded = await foldInputs(
      await open(),
      { asOf: undefined, period: undefined, timeZone: "UTC" },
      () => undefined,
      open,
      () => {
        asked.push("bound");
        return Promise.resolve(undefined);
      },
    );
    expect(asked).toEqual([]);
    expect(folded.asOf.toISOString()).toBe("2026-03-01T09:00:00.001Z");
  });
});
