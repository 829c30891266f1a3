// Issue 18's acceptance: any split of random tickets into partial files, merged with
// `cx-metrics merge`, gives byte-identical JSON to the whole run, apart from the input file list
// (each file's `path`) and the record numbers of rejected rows (each part numbers its own file).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { cli, tempDir } from "./_run.ts";

const HEADER = "id,created_at,status,channel,type,priority,assignee,first_response_at,solved_at,satisfaction,tags,first_reply_min";
/** The helpdesk's own first-reply minutes (the `helpdesk` section), mapped in every run. */
const MAP = ["--map", "firstReply=first_reply_min:min"];
const START = Date.UTC(2026, 0, 1);
const YEAR = 365 * 24 * 3600_000;
const iso = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z");

/** One CSV row of the generic layout (the id is added when the rows are numbered); a few rows are bad. */
const row = fc
  .record({
    created: fc.integer({ min: 0, max: YEAR - 1 }),
    status: fc.constantFrom("new", "open", "pending", "solved", "closed"),
    channel: fc.constantFrom("email", "chat", "phone", ""),
    type: fc.constantFrom("question", "problem", ""),
    priority: fc.constantFrom("low", "normal", "high"),
    assignee: fc.constantFrom("Ana", "Bogdan", "Carmen", ""),
    firstResponse: fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 }), { nil: undefined }),
    solved: fc.integer({ min: 1, max: 20 * 24 * 60 }),
    satisfaction: fc.constantFrom("", "", "good", "bad"),
    tags: fc.constantFrom("", "vip", "billing"),
    helpdeskMinutes: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
    bad: fc.nat({ max: 30 }),
  })
  .map((r) => (id: number): string => {
    const created = START + r.created;
    const solved = r.status === "solved" || r.status === "closed" ? iso(created + r.solved * 60_000) : "";
    const first = r.firstResponse === undefined ? "" : iso(created + r.firstResponse * 60_000);
    // One row in about 30 is rejected: an impossible creation time.
    const createdText = r.bad === 0 ? "2026-02-30T10:00:00Z" : iso(created);
    const minutes = r.helpdeskMinutes === undefined ? "" : String(r.helpdeskMinutes);
    return [id, createdText, r.status, r.channel, r.type, r.priority, r.assignee, first, solved, r.satisfaction, r.tags, minutes].join(",");
  });

/** Report options every run shares; the second adds a period, a comparison, weeks and a sketch. */
const CONFIGS: readonly (readonly string[])[] = [
  ["--timezone", "Europe/Bucharest", "--as-of", "2027-01-01T00:00:00Z", "--by", "channel,assignee,channel+type"],
  [
    "--as-of",
    "2026-12-15T00:00:00Z",
    "--period",
    "2026-07-01..2026-12-01",
    "--compare-to",
    "2026-01-01..2026-07-01",
    "--bucket",
    "week",
    "--by",
    "priority,period",
    "--quantiles",
    "sketch",
    "--rank-by",
    "resolutionMedian",
    "--min-sample",
    "2",
  ],
];

const PER_FILE = new Set(["path", "record", "line", "records"]);

/** The JSON document without what may differ: the files' paths, the record and line numbers of rejects and warnings. */
function comparable(stdout: string): unknown {
  return JSON.parse(stdout, (key, value: unknown) => (PER_FILE.has(key) ? undefined : value));
}

describe("report --partial + merge = report of the whole", () => {
  test.prop(
    [
      fc.array(row, { minLength: 1, maxLength: 80 }),
      fc.array(fc.nat({ max: 80 }), { maxLength: 3 }),
      fc.constantFrom(...CONFIGS.keys()),
      fc.constantFrom<readonly string[]>([], ["--gate", "tickets >= 1", "--fail-if", "backlog > 40"]),
    ],
    { numRuns: 8 },
  )("any split into 1–4 files gives the whole run's JSON, the exit code and the gates", async (rows, cuts, config, gates) => {
    const dir = tempDir();
    const lines = rows.map((make, i) => make(1000 + i));
    const options = [...(CONFIGS[config] as readonly string[]), ...MAP];
    const whole = join(dir, "whole.csv");
    writeFileSync(whole, `${HEADER}\n${lines.join("\n")}\n`);
    const ends = [...new Set(cuts.map((c) => Math.min(c, lines.length)))].sort((a, b) => a - b);
    const bounds = [0, ...ends, lines.length];
    const partials: string[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const part = join(dir, `part${String(i)}.csv`);
      const body = lines.slice(bounds[i], bounds[i + 1]);
      writeFileSync(part, `${HEADER}\n${body.map((l) => `${l}\n`).join("")}`);
      const out = join(dir, `part${String(i)}.json`);
      const r = await cli(["report", part, ...options, "--partial", out, "-q"]);
      // A part whose rows are all bad is warned about, not refused: the whole may still have rows.
      expect(r.code).toBe(0);
      partials.push(out);
    }
    const expected = await cli(["report", whole, ...options, ...gates, "--format", "json", "-q"]);
    const merged = await cli(["merge", ...partials, ...gates, "--format", "json", "-q"]);
    expect(merged.code).toBe(expected.code);
    if (expected.code === 2) {
      // No usable row at all: both refuse, with the same error.
      expect(merged.stderr.split("\n")[0]).toMatch(/no ticket row/);
      return;
    }
    // The helpdesk's own durations are there to compare whenever a used row carries them.
    if (config === 0 && lines.some((l) => !l.includes("2026-02-30") && !l.endsWith(",")))
      expect(JSON.parse(merged.stdout).helpdesk.firstReply.count).toBeGreaterThan(0);
    // The gates' lines and the rejected-share warning, as the whole run prints them.
    expect(merged.stderr).toBe(expected.stderr);
    // With no rejected row and no warning, nothing is numbered per file: byte for byte but the paths.
    const numbered = lines.some((l) => l.includes("2026-02-30")) || /"warnings": \[\n/.test(expected.stdout);
    // Byte for byte once the paths (and the rejects' per-file record numbers) are set aside.
    expect(JSON.stringify(comparable(merged.stdout), null, 2)).toBe(JSON.stringify(comparable(expected.stdout), null, 2));
    if (!numbered) {
      const strip = (s: string): string => s.replace(/^ *"path": ".*",\n/gm, "");
      expect(strip(merged.stdout)).toBe(strip(expected.stdout));
    }
  });
});
