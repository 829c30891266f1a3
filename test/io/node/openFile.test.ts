// cx-metrics/io/node: openFile opens a path (or standard input) for the portable readers, as
// the command does (issue 16, item 1).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readTickets } from "../../../src/io/index.ts";
import { openFile } from "../../../src/io/node/index.ts";

const NDJSON =
  '{"id":"1","created_at":"2026-01-01T00:00:00Z","status":"open"}\n{"id":"2","created_at":"2026-01-02T00:00:00Z","status":"solved"}\n';

async function ids(source: Parameters<typeof readTickets>[0]): Promise<{ ids: string[]; name: string; format: string; gzip: boolean }> {
  const result = await readTickets(source);
  const out: string[] = [];
  for await (const t of result.records) out.push(t.id);
  return { ids: out, name: result.input.name, format: result.input.format, gzip: result.input.gzip };
}

describe("openFile", () => {
  it("names the source by its path, so the extension decides the layout; gzip by its bytes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cx-open-"));
    const path = join(dir, "export.jsonl.gz");
    writeFileSync(path, gzipSync(NDJSON));
    expect(await ids(openFile(path))).toEqual({ ids: ["1", "2"], name: path, format: "ndjson", gzip: true });
  });

  it('reads standard input for "-" (the stream given in options, as the command passes its own)', async () => {
    const stdin = Readable.from([Buffer.from(NDJSON)]);
    expect(await ids(openFile("-", { stdin }))).toEqual({ ids: ["1", "2"], name: "-", format: "ndjson", gzip: false });
  });

  it("opens nothing until read; a missing file is the file system's error with its code and path", async () => {
    const source = openFile("/nonexistent/tickets.csv");
    expect(source.name).toBe("/nonexistent/tickets.csv");
    await expect(readTickets(source)).rejects.toMatchObject({ code: "ENOENT", path: "/nonexistent/tickets.csv" });
  });
});
