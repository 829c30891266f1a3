// `cx-metrics report --partial` and `cx-metrics merge` on the example export split by month:
// the merged output is the whole run's; options that differ are refused, naming the option and
// both values; damaged partials are refused with a clear error, never a crash.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/errors.ts";
import { mergeCommand } from "../../src/cli/merge.ts";
import { cli, DATA, FULL, json, tempDir } from "./_run.ts";

const AS_OF = ["--as-of", "2026-12-01T00:00:00Z"];
/** The full demo run's options after its files (cohorts, time zone, schedule, SLA, segments), judged at a fixed moment. */
const OPTIONS = [...FULL.slice(FULL.indexOf("--cohorts")), ...AS_OF];

/** Splits a CSV file's data lines by `key` (of the line), keeping the header in every part. */
function splitCsv(path: string, key: (line: string) => string): Map<string, string> {
  const [header, ...lines] = readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l !== "");
  const parts = new Map<string, string[]>();
  for (const line of lines) {
    const k = key(line);
    parts.set(k, [...(parts.get(k) ?? []), line]);
  }
  return new Map([...parts].map(([k, ls]) => [k, `${header as string}\n${ls.join("\n")}\n`]));
}

/** The example export split by the month of creation (tickets, and their messages and responses with them). */
function monthlyParts(dir: string): { month: string; args: string[] }[] {
  const monthOf = new Map<string, string>();
  const tickets = splitCsv(DATA.tickets, (line) => {
    const [id = "", created = ""] = line.split(",");
    const month = /^\d{4}-\d{2}/.test(created) ? created.slice(0, 7) : "2026-10";
    monthOf.set(id, month);
    return month;
  });
  const messages = splitCsv(DATA.messages, (line) => monthOf.get(line.split(",")[0] ?? "") ?? "2026-10");
  const responses = splitCsv(DATA.responses, (line) => monthOf.get(line.split(",")[5] ?? "") ?? "2026-10");
  return [...tickets.keys()].sort().map((month) => {
    const file = (role: string, text: string | undefined): string => {
      const path = join(dir, `${role}-${month}.csv`);
      writeFileSync(path, text ?? "");
      return path;
    };
    return {
      month,
      args: [
        file("tickets", tickets.get(month)),
        "--messages",
        file("messages", messages.get(month)),
        "--responses",
        file("responses", responses.get(month)),
      ],
    };
  });
}

/** Writes the partial of each month; returns their paths. */
async function partials(dir: string, extra: readonly string[] = []): Promise<string[]> {
  const out: string[] = [];
  for (const { month, args } of monthlyParts(dir)) {
    const path = join(dir, `part-${month}.json`);
    const r = await cli(["report", ...args, ...OPTIONS, ...extra, "--partial", path, "-q"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    out.push(path);
  }
  return out;
}

const WHOLE = [...FULL, ...AS_OF];

describe("report --partial and merge: the example export by month", () => {
  it("merges to the whole run's JSON (every input, schedule, SLA, segments, cohorts), apart from the file list and per-file record numbers", async () => {
    const dir = tempDir();
    const parts = await partials(dir);
    expect(parts).toHaveLength(2);
    const stored = JSON.parse(readFileSync(parts[0] as string, "utf8")) as {
      kind: string;
      version: number;
      state: { kind: string; v: number };
    };
    expect([stored.kind, stored.version, stored.state.kind, stored.state.v]).toEqual(["cx-metrics-partial", 1, "report", 4]);
    const whole = await cli([...WHOLE, "--format", "json", "-q"]);
    const merged = await cli(["merge", ...parts, "--format", "json", "-q"]);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toBe(whole.stderr);
    const w = json(whole);
    const m = json(merged);
    // The two rejected rows are in the November part: their record numbers are that file's.
    expect(m.input.tickets.rejects.map((r: { reason: string }) => r.reason)).toEqual(
      w.input.tickets.rejects.map((r: { reason: string }) => r.reason),
    );
    // Each listed problem names its part's file, and the summary on stderr says it.
    const rejectPaths = m.input.tickets.rejects.map((r: { path: string }) => r.path);
    expect(rejectPaths).toHaveLength(2);
    for (const path of rejectPaths) expect(path).toMatch(/tickets-2026-1[01]\.csv$/);
    const loud = await cli(["merge", ...parts, "--format", "json"]);
    expect(loud.stderr).toContain(`${rejectPaths[0] as string} record ${String(m.input.tickets.rejects[0].record)}`);
    expect(m.input.tickets.path).toBe(`${join(dir, "tickets-2026-10.csv")} + ${join(dir, "tickets-2026-11.csv")}`);
    // Byte for byte once the paths and the per-file record and line numbers are set aside.
    const strip = (text: string): string =>
      JSON.stringify(
        JSON.parse(text, (key, value: unknown) => (["path", "record", "line", "records"].includes(key) ? undefined : value)),
        null,
        2,
      );
    expect(strip(merged.stdout)).toBe(strip(whole.stdout));
    expect(m.report.tickets).toBe(394);
    expect(m.report.customers).not.toBeNull();
  });

  it("the responder board and the bots options (issue 17): the merged responders, bots and board are the whole run's", async () => {
    const extra = [
      "--leaderboard-by",
      "responder",
      "--rank-by",
      "replyTimeMedian",
      "--bot-first-response",
      "handoff",
      "--exclude-bot-time",
    ];
    const dir = tempDir();
    const parts = await partials(dir, extra);
    const m = json(await cli(["merge", ...parts, "--format", "json", "-q"]));
    const w = json(await cli([...WHOLE, ...extra, "--format", "json", "-q"]));
    expect(m.report.leaderboard).toEqual(w.report.leaderboard);
    expect(m.report.responders).toEqual(w.report.responders);
    expect(m.report.bots).toEqual(w.report.bots);
    expect(m.report.leaderboard.of).toBe("responder");
    expect(m.report.bots.firstResponse.from).toBe("handoff");
    expect(m.report.responders.responders).toHaveLength(6);
  });

  it("gates and exit codes are report's: 1 on a failed gate, 2 on an absent metric; Markdown equal but for the paths", async () => {
    const dir = tempDir();
    const parts = await partials(dir);
    const gates = ["--gate", "tickets >= 394", "--fail-if", "backlog > 10"];
    const whole = await cli([...WHOLE, ...gates, "--format", "markdown", "-q"]);
    const merged = await cli(["merge", ...parts, ...gates, "--format", "markdown", "-q"]);
    expect(whole.code).toBe(1);
    expect(merged.code).toBe(1);
    const lines = (t: string): string[] => t.split("\n").filter((l) => !l.includes(".csv"));
    expect(lines(merged.stdout)).toEqual(lines(whole.stdout));
    const passing = await cli(["merge", ...parts, "--gate", "tickets >= 394", "-q"]);
    expect(passing.code).toBe(0);
    expect(json(passing).gates[0].status).toBe("pass");
    const absent = await cli(["merge", ...parts, "--gate", "requesterWait.median <= 1h", "-q"]);
    expect(absent.code).toBe(2);
    expect((await cli(["merge", ...parts, "--strict", "-q"])).code).toBe(2);
  });

  it("--mermaid: partials with --by period merge to the trend charts of report --mermaid; without period segments, a usage error", async () => {
    const dir = tempDir();
    const parts = await partials(dir, ["--by", "period"]);
    const merged = await cli(["merge", ...parts, "--format", "markdown", "--mermaid", "-q"]);
    const whole = await cli([...WHOLE, "--format", "markdown", "--mermaid", "-q"]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain("xychart-beta");
    const lines = (t: string): string[] => t.split("\n").filter((l) => !l.includes(".csv"));
    expect(lines(merged.stdout)).toEqual(lines(whole.stdout));
    const flat = await partials(tempDir());
    const refused = await cli(["merge", ...flat, "--format", "markdown", "--mermaid"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--mermaid charts the period segments: make the partials with --by period/);
  });

  it("writes the partial to standard output with --partial -; merge of one partial is that part's report", async () => {
    const dir = tempDir();
    const [october] = monthlyParts(dir);
    const r = await cli(["report", ...(october?.args ?? []), ...OPTIONS, "--partial", "-"]);
    expect(r.code).toBe(0);
    const path = join(dir, "stdout.json");
    writeFileSync(path, r.stdout);
    const merged = await cli(["merge", path, "--format", "json", "-q"]);
    const direct = await cli(["report", ...(october?.args ?? []), ...OPTIONS, "--format", "json", "-q"]);
    expect(merged.stdout).toBe(direct.stdout);
  });
});

describe("report --partial: what it refuses", () => {
  it("needs --as-of, and takes no output or gate option (E_CLI_USAGE)", async () => {
    const noAsOf = await cli(["report", DATA.tickets, "--partial", "x.json"]);
    expect(noAsOf.code).toBe(2);
    expect(noAsOf.stderr).toMatch(/--partial needs --as-of: the figures of every part are judged at that moment/);
    for (const extra of [
      ["--format", "json"],
      ["--gate", "nps >= 1"],
      ["--fail-if", "nps < 1"],
      ["--strict"],
      ["--max-rejected", "5%"],
      ["--output", "a.md"],
    ]) {
      const r = await cli(["report", DATA.tickets, ...AS_OF, "--partial", "x.json", ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `--partial writes the accumulator state, not a report: ${extra[0] as string} belongs to "cx-metrics merge"`,
      );
    }
  });
});

describe("merge: mismatched options are refused, naming the option and both values", () => {
  const CASES: readonly [string, readonly string[], RegExp][] = [
    [
      "time zone",
      ["--timezone", "UTC"],
      /different --timezone: .*part-2026-10\.json has "Europe\/Bucharest", .*part-2026-11\.json has "UTC"/,
    ],
    [
      "as-of",
      ["--as-of", "2026-12-02T00:00:00Z"],
      /different --as-of: .* has "2026-12-01T00:00:00\.000Z", .* has "2026-12-02T00:00:00\.000Z"/,
    ],
    [
      "schedule",
      ["--schedule", "SCHEDULE"],
      /different --schedule \(the file's contents\): .* has \{"timeZone":"Europe\/Bucharest".*, .* has \{"timeZone":"UTC"/,
    ],
    ["SLA policy", ["--sla", "SLA"], /different --sla \(the file's contents\)/],
    ["quantile mode", ["--quantiles", "sketch"], /different --quantiles: .* has "exact", .* has \{"relativeError":0\.01\}/],
    ["period", ["--period", "2026-10-01..2026-12-01"], /different --period: .* has none, .* has \{"from":"2026-09-30T21:00:00\.000Z"/],
    ["bucket", ["--bucket", "week"], /different --bucket: .* has "day", .* has "week"/],
    [
      "segments",
      ["--by", "priority"],
      /different --by \(segments\): .* has \["channel","assignee"\], .* has \["channel","assignee","priority"\]/,
    ],
    ["confidence", ["--confidence", "90%"], /different --confidence: .* has 0\.95, .* has 0\.9/],
    [
      "leaderboard",
      ["--rank-by", "csat"],
      /different --rank-by \/ --min-sample \/ --leaderboard-by: .* has \{"by":"tickets","minSample":10\}, .* has \{"by":"csat"/,
    ],
    ["value per customer", ["--value-per-customer", "243"], /different --value-per-customer: .* has none, .* has 243/],
    ["max rejects", ["--max-rejects", "3"], /different --max-rejects: .* has 20, .* has 3/],
    [
      "bots options",
      ["--exclude-bot-time"],
      /different --bot-first-response \/ --exclude-bot-time: .* has none, .* has \{"excludeBotTime":true\}/,
    ],
    [
      "leaderboard of",
      ["--leaderboard-by", "responder"],
      /different --rank-by \/ --min-sample \/ --leaderboard-by: .* has \{"by":"tickets","minSample":10\}, .* has \{"by":"tickets","minSample":10,"of":"responder"\}/,
    ],
  ];
  for (const [name, change, message] of CASES) {
    it(name, async () => {
      const dir = tempDir();
      const schedule = join(dir, "schedule.json");
      writeFileSync(schedule, JSON.stringify({ timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]] } }));
      const sla = join(dir, "sla.json");
      writeFileSync(sla, JSON.stringify({ targets: [{ metric: "firstResponse", within: "1h" }] }));
      const [october, november] = monthlyParts(dir);
      const a = join(dir, "part-2026-10.json");
      const b = join(dir, "part-2026-11.json");
      expect((await cli(["report", ...(october?.args ?? []), ...OPTIONS, "--partial", a, "-q"])).code).toBe(0);
      const changed = change.map((x) => (x === "SCHEDULE" ? schedule : x === "SLA" ? sla : x));
      const r = await cli(["report", ...(november?.args ?? []), ...OPTIONS, ...changed, "--partial", b, "-q"]);
      expect(r.stderr).toBe("");
      const merged = await cli(["merge", a, b]);
      expect(merged.code).toBe(2);
      expect(merged.stderr).toMatch(message);
      await expect(mergeCommand([a, b], { stdout: { write: () => true }, stderr: { write: () => true } })).rejects.toMatchObject({
        code: "E_CLI_PARTIAL_MISMATCH",
      });
    });
  }

  it("the companion files given, and the cohorts read", async () => {
    const dir = tempDir();
    const [october, november] = monthlyParts(dir);
    const a = join(dir, "a.json");
    const b = join(dir, "b.json");
    const c = join(dir, "c.json");
    await cli(["report", ...(october?.args ?? []), ...OPTIONS, "--partial", a, "-q"]);
    await cli(["report", ...(november?.args ?? []).slice(0, 3), ...OPTIONS, "--partial", b, "-q"]);
    expect((await cli(["merge", a, b])).stderr).toMatch(
      /different the companion files given .*: .* has \{"messages":true,"responses":true,"cohorts":true,"events":false\}, .* has \{"messages":true,"responses":false/,
    );
    const cohorts = join(dir, "cohorts.csv");
    writeFileSync(cohorts, readFileSync(DATA.cohorts, "utf8").split("\n").slice(0, 2).join("\n"));
    await cli(["report", ...(november?.args ?? []), ...OPTIONS, "--cohorts", cohorts, "--partial", c, "-q"]);
    expect((await cli(["merge", a, c])).stderr).toMatch(/different --cohorts contents \(give every part the same cohorts file\)/);
  });
});

describe("merge: damaged partials are refused (E_CLI_PARTIAL), never a crash", () => {
  async function refusal(text: string): Promise<{ stderr: string; code: string | undefined }> {
    const dir = tempDir();
    const path = join(dir, "bad.json");
    writeFileSync(path, text);
    const r = await cli(["merge", path]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error/);
    let code: string | undefined;
    try {
      await mergeCommand([path], { stdout: { write: () => true }, stderr: { write: () => true } });
    } catch (error) {
      code = error instanceof CliError ? error.code : "not a CliError";
    }
    return { stderr: r.stderr, code };
  }

  it("not JSON, truncated, another kind, another version, a field out of shape, a state of another format", async () => {
    const dir = tempDir();
    const [october] = monthlyParts(dir);
    const good = join(dir, "good.json");
    await cli(["report", ...(october?.args ?? []), ...OPTIONS, "--partial", good, "-q"]);
    const text = readFileSync(good, "utf8");
    const doc = JSON.parse(text) as Record<string, unknown> & {
      input: { tickets: Record<string, unknown> };
      state: Record<string, unknown>;
    };

    expect(await refusal("hello")).toMatchObject({ code: "E_CLI_PARTIAL", stderr: expect.stringMatching(/bad\.json: not valid JSON/) });
    expect(await refusal(text.slice(0, text.length / 2))).toMatchObject({
      code: "E_CLI_PARTIAL",
      stderr: expect.stringMatching(/not valid JSON/),
    });
    expect(await refusal("[]")).toMatchObject({ stderr: expect.stringMatching(/not a partial report \(a JSON object is expected\)/) });
    const report = (await cli([...WHOLE, "--format", "json", "-q"])).stdout;
    expect(await refusal(report)).toMatchObject({
      code: "E_CLI_PARTIAL",
      stderr: expect.stringMatching(/expected kind "cx-metrics-partial", got no kind \(it looks like a report's --format json output\)/),
    });
    expect(await refusal(JSON.stringify({ ...doc, version: 2 }))).toMatchObject({
      stderr: expect.stringMatching(/partial format version 2 \(written by cx-metrics .*\); this version .* reads version 1/),
    });
    const negative = { ...doc, input: { ...doc.input, tickets: { ...doc.input.tickets, read: -1 } } };
    expect(await refusal(JSON.stringify(negative))).toMatchObject({
      code: "E_CLI_PARTIAL",
      stderr: expect.stringMatching(/bad\.json: input\.tickets\.read must be a non-negative integer, got -1/),
    });
    expect(await refusal(JSON.stringify({ ...doc, options: { ...(doc.options as object), asOf: "soon" } }))).toMatchObject({
      stderr: expect.stringMatching(/options\.asOf must be an ISO 8601 instant, got "soon"/),
    });
    expect(await refusal(JSON.stringify({ ...doc, state: { ...doc.state, v: 3 } }))).toMatchObject({
      code: "E_CLI_PARTIAL",
      stderr: expect.stringMatching(/bad\.json: state: v must be 4 .*got 3, a state of an earlier version/),
    });
    expect(await refusal(JSON.stringify({ ...doc, state: { ...doc.state, main: null } }))).toMatchObject({ code: "E_CLI_PARTIAL" });
    expect(await refusal(JSON.stringify({ ...doc, state: { ...doc.state, options: "{}" } }))).toMatchObject({
      stderr: expect.stringMatching(/state: .*same options/),
    });
    const missing = await cli(["merge", join(dir, "nowhere.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nowhere\.json: no such file/);
  });

  it("usage: no partial, an unknown option, --help, and merge in the main help", async () => {
    expect((await cli(["merge"])).stderr).toMatch(/merge needs one or more partial files/);
    const twice = await cli(["merge", "a.json", "./a.json"]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/merge: \.\/a\.json is given twice; each part must be merged once/);
    expect((await cli(["merge", "a.json", "--by", "channel"])).code).toBe(2);
    expect((await cli(["merge", "--help"])).stdout).toMatch(/^Usage: cx-metrics merge <partial\.json>\.\.\./);
    expect((await cli(["--help", "merge"])).stdout).toMatch(/^Usage: cx-metrics merge/);
    expect((await cli(["--help"])).stdout).toContain("cx-metrics merge <partial.json>...");
    expect((await cli(["report", "--help"])).stdout).toContain("--partial FILE");
  });
});

describe("merge: a thread preset's parts", () => {
  it("add up their conversation counts, so the merged run equals the whole run, exit code and absent list included", async () => {
    const dir = tempDir();
    const file = (name: string, from: number, n: number): string => {
      const rows = ["id,at,author,in_reply_to,author_id"];
      for (let k = from; k < from + n; k++) {
        const day = `2026-10-${String(1 + (k % 28)).padStart(2, "0")}`;
        rows.push(`c${String(k)},${day}T10:00:00Z,customer,,u${String(k)}`);
        rows.push(`a${String(k)},${day}T10:${String(5 + (k % 50)).padStart(2, "0")}:00Z,agent,c${String(k)},agent1`);
      }
      const path = join(dir, name);
      writeFileSync(path, `${rows.join("\n")}\n`);
      return path;
    };
    const options = ["--preset", "threads", "--as-of", "2026-11-01T00:00:00Z"];
    const gate = ["--format", "json", "--gate", "oneTouch >= 50%"];
    const whole = await cli(["report", file("whole.csv", 0, 40), ...options, ...gate, "-q"]);
    const a = join(dir, "a.json");
    const b = join(dir, "b.json");
    expect((await cli(["report", file("a.csv", 0, 20), ...options, "--partial", a, "-q"])).code).toBe(0);
    expect((await cli(["report", file("b.csv", 20, 20), ...options, "--partial", b, "-q"])).code).toBe(0);
    const merged = await cli(["merge", a, b, ...gate, "-q"]);
    expect(merged.code).toBe(whole.code);
    const w = JSON.parse(whole.stdout) as { input: { tickets: { threads: unknown } }; absent: unknown };
    const m = JSON.parse(merged.stdout) as typeof w;
    expect(m.input.tickets.threads).toEqual({ conversations: 40, answered: 40, severalResponders: 0, listedAbsent: 0, listConflicts: 0 });
    expect(m.input.tickets.threads).toEqual(w.input.tickets.threads);
    expect(m.absent).toEqual(w.absent);
  });
});

describe("merge: a partial edited by hand", () => {
  it("is refused with E_CLI_PARTIAL naming the file when its used count disagrees with its state, or its options are ones no report writes", async () => {
    const dir = tempDir();
    const part = join(dir, "part.json");
    expect(
      (await cli(["report", DATA.tickets, "--timezone", "UTC", "--as-of", "2026-12-01T00:00:00Z", "--partial", part, "-q"])).code,
    ).toBe(0);
    const original = JSON.parse(readFileSync(part, "utf8")) as {
      input: { tickets: { used: number } };
      options: { percentiles: number[] };
    };
    const usedEdited = join(dir, "used.json");
    writeFileSync(
      usedEdited,
      JSON.stringify({ ...original, input: { ...original.input, tickets: { ...original.input.tickets, used: 0 } } }),
    );
    const used = await cli(["merge", usedEdited]);
    expect(used.code).toBe(2);
    expect(used.stderr).toMatch(/used\.json: input\.tickets\.used \(0\) must equal the tickets in its state \(\d+\)/);
    const optionsEdited = join(dir, "options.json");
    writeFileSync(optionsEdited, JSON.stringify({ ...original, options: { ...original.options, percentiles: [2] } }));
    const options = await cli(["merge", optionsEdited]);
    expect(options.code).toBe(2);
    expect(options.stderr).toMatch(/options\.json: options: /);
    await expect(mergeCommand([optionsEdited], { stdout: { write: () => true }, stderr: { write: () => true } })).rejects.toMatchObject({
      code: "E_CLI_PARTIAL",
    });
  });
});

describe("merge: parts that share a ticket", () => {
  it("are refused with E_CLI_PARTIAL_OVERLAP naming the id and both files (the whole run would reject the second record)", async () => {
    const dir = tempDir();
    const lines = readFileSync(DATA.tickets, "utf8").split("\n");
    const head = join(dir, "head.csv");
    writeFileSync(head, `${lines.slice(0, 6).join("\n")}\n`);
    const firstId = (lines[1] ?? "").split(",")[0] ?? "";
    const options = ["--timezone", "UTC", "--as-of", "2026-12-01T00:00:00Z"];
    const all = join(dir, "all.json");
    const some = join(dir, "some.json");
    expect((await cli(["report", DATA.tickets, ...options, "--partial", all, "-q"])).code).toBe(0);
    expect((await cli(["report", head, ...options, "--partial", some, "-q"])).code).toBe(0);
    const merged = await cli(["merge", all, some, "-q"]);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain(`ticket id "${firstId}" is in ${all} and in ${some}`);
    await expect(mergeCommand([all, some], { stdout: { write: () => true }, stderr: { write: () => true } })).rejects.toMatchObject({
      code: "E_CLI_PARTIAL_OVERLAP",
    });
  });
});
