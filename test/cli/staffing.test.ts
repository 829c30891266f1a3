import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { EXIT } from "../../src/cli/errors.ts";
import { cli, DATA, repo } from "./_run.ts";

const LOG = repo("test/fixtures/calls/small-call-log.csv");
const BASE = ["staffing", LOG, "--timezone", "UTC", "--clock-skew-tolerance", "1", "--quiet"];

interface Row {
  weekday: string;
  start: string;
  arrivals: number;
  agents: number;
  scheduledAgents: number;
  serviceLevel: number;
  measured: { offered: number; serviceLevel: number } | null;
  observed: { agents: number } | null;
}

describe("cx-metrics staffing on test/fixtures/calls/small-call-log.csv (one Monday, worked by hand)", () => {
  it("JSON: the file's accounting, the log's figures and agents per half hour (A = 5 / 1800 s × 180 s = 0.5 → 2 agents)", async () => {
    const r = await cli([...BASE, "--aht", "180", "--format", "json"]);
    expect(r.code).toBe(EXIT.OK);
    const doc = JSON.parse(r.stdout) as {
      input: Record<string, unknown>;
      staffing: { calls: Record<string, unknown>; intervals: Row[]; days: number; averageHandleTimeSource: string };
    };
    expect(doc.input).toMatchObject({ read: 12, used: 8, rejected: 3, excluded: 1, excludedBy: { phantom: 1 }, timeZone: "UTC" });
    expect(doc.staffing.calls).toMatchObject({ offered: 7, served: 5, abandoned: 2, abandonedBeforeQueue: 1, averageSpeedOfAnswer: 22 });
    expect(doc.staffing.days).toBe(1);
    expect(doc.staffing.averageHandleTimeSource).toBe("stated");
    // Offered arrivals: 09:00–09:30 calls 1, 2, 3, 4, 6 (call 5 hung up before the queue); 09:30 call 7; 23:30 call 10.
    expect(doc.staffing.intervals.map((i) => [i.weekday, i.start, i.arrivals, i.agents])).toEqual([
      ["mon", "09:00", 5, 2],
      ["mon", "09:30", 1, 1],
      ["mon", "23:30", 1, 1],
    ]);
    // Erlang C, N = 2, A = 0.5: B = 0.125 / 1.625, C = 2B / (2 − 0.5(1 − B)) = 0.1, SL = 1 − 0.1·e^(−1.5·20/180).
    const first = doc.staffing.intervals[0] as Row;
    expect(first.serviceLevel).toBeCloseTo(1 - 0.1 * Math.exp((-1.5 * 20) / 180), 12);
    // Measured in 09:00: served 1, 2, 3, 6 and abandoned 4: offered 5, within 20 s: 1, 2, 6.
    expect(first.measured).toMatchObject({ offered: 5, serviceLevel: 0.6 });
    expect(first.observed).toMatchObject({ agents: 3 }); // ann, bob, cat
  });

  it("measures the handle time when --aht is not given, and shrinkage rounds the agents to schedule up", async () => {
    const r = await cli([...BASE, "--shrinkage", "30%", "--format", "json"]);
    expect(r.code).toBe(EXIT.OK);
    const doc = JSON.parse(r.stdout) as { staffing: { averageHandleTime: number; averageHandleTimeSource: string; intervals: Row[] } };
    expect(doc.staffing.averageHandleTime).toBe(216);
    expect(doc.staffing.averageHandleTimeSource).toBe("measured");
    expect(doc.staffing.intervals.map((i) => i.scheduledAgents)).toEqual(
      doc.staffing.intervals.map((i) => Math.ceil(i.agents / 0.7 - 1e-9)),
    );
  });

  it("table and CSV outputs, the chart spec, the summary on stderr", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cx-staffing-"));
    const chart = join(dir, "chart.json");
    const table = await cli(["staffing", LOG, "--timezone", "UTC", "--clock-skew-tolerance", "1", "--aht", "180", "--chart", chart], {
      tty: true,
    });
    expect(table.code).toBe(EXIT.OK);
    expect(table.stderr).toContain("12 rows read, 8 used, 3 rejected, 1 excluded (phantom 1)");
    expect(table.stderr).toContain("rejected record 11 (line 12): service_start");
    expect(table.stdout).toContain(
      "Measured: ASA 22.0 s, abandonment 28.6 %, service level within 20 s 42.9 % of offered calls, 33.3 % of queued calls",
    );
    expect(table.stdout).toMatch(/Mon 09:00 +5\.0 +180 +0\.50 +2 +2 +91\.5 %/);
    const spec = JSON.parse(readFileSync(chart, "utf8")) as { data: { values: { interval: string; agents: number }[] } };
    expect(spec.data.values[0]).toEqual({ interval: "Mon 09:00", series: "Agents needed", agents: 2 });
    const csv = await cli([...BASE, "--aht", "180", "--format", "csv"]);
    const lines = csv.stdout.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^mon,09:00,1,5,180,0\.5,2,2,/);
  });

  it("reads a ticket export: arrivals from created_at, --aht stated", async () => {
    const r = await cli([
      "staffing",
      DATA.tickets,
      "--preset",
      "generic",
      "--aht",
      "5m",
      "--timezone",
      "Europe/Bucharest",
      "--quiet",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(EXIT.OK);
    const doc = JSON.parse(r.stdout) as {
      input: { used: number };
      staffing: { arrivals: number; calls: unknown; averageHandleTime: number };
    };
    expect(doc.staffing.arrivals).toBe(doc.input.used);
    expect(doc.staffing.calls).toBeUndefined(); // not a call log
    expect(doc.staffing.averageHandleTime).toBe(300);
  });

  it("--model erlang-a uses the measured patience (Σ queued wait / abandoned = 210 s / 2)", async () => {
    const r = await cli([...BASE, "--aht", "180", "--model", "erlang-a", "--format", "json"]);
    expect(r.code).toBe(EXIT.OK);
    const doc = JSON.parse(r.stdout) as { staffing: { patience: number; intervals: { probabilityOfAbandonment: number }[] } };
    expect(doc.staffing.patience).toBe(105);
    expect(doc.staffing.intervals[0]?.probabilityOfAbandonment).toBeGreaterThan(0);
  });

  it("--help", async () => {
    const r = await cli(["staffing", "--help"]);
    expect(r.code).toBe(EXIT.OK);
    expect(r.stdout).toContain("Usage: cx-metrics staffing <file> [options]");
    expect((await cli(["--help"])).stdout).toContain("cx-metrics staffing <file> [options]");
  });
});

describe("cx-metrics staffing: errors name the option and the value (exit 2)", () => {
  const cases: [string, string[], string][] = [
    [
      "interval not dividing a day",
      ["--interval", "7m"],
      '--interval must be a whole number of seconds from 1m to 24h that divides a day (15m, 30m, 1h), as seconds (20) or a duration (20s, 3m, 1m30s), got "7m"',
    ],
    [
      "service level of 120 %",
      ["--service-level", "120%"],
      '--service-level must be a share from 0 up to, not including, 1 (0.8 or 80%), got "120%"',
    ],
    ["unknown model", ["--model", "erlang-b"], '--model must be one of erlang-c, erlang-a, got "erlang-b"'],
    [
      "negative skew",
      ["--clock-skew-tolerance=-1"],
      '--clock-skew-tolerance must be a time ≥ 0, as seconds (20) or a duration (20s, 3m, 1m30s), got "-1"',
    ],
    ["bad occupancy", ["--max-occupancy", "0"], '--max-occupancy must be a share above 0 and at most 1 (0.8 or 80%), got "0"'],
    ["bad aht", ["--aht", "soon"], '--aht must be a time > 0, as seconds (20) or a duration (20s, 3m, 1m30s), got "soon"'],
    ["bad zone", ["--timezone", "Mars/Base"], '--timezone must be an IANA time zone such as Europe/Paris, got "Mars/Base"'],
  ];
  for (const [name, extra, message] of cases) {
    it(name, async () => {
      const r = await cli(["staffing", LOG, ...extra]);
      expect(r.code).toBe(EXIT.BAD_INPUT);
      expect(r.stderr).toContain(`cx-metrics: ${message}`);
      expect(r.stdout).toBe("");
    });
  }

  it("a ticket preset needs --aht; --clock-skew-tolerance is for call logs", async () => {
    const r = await cli(["staffing", DATA.tickets, "--preset", "generic"]);
    expect(r.code).toBe(EXIT.BAD_INPUT);
    expect(r.stderr).toContain("--aht SECONDS is needed with --preset generic: tickets carry no handle time");
    const s = await cli(["staffing", DATA.tickets, "--preset", "generic", "--aht", "60", "--clock-skew-tolerance", "1"]);
    expect(s.code).toBe(EXIT.BAD_INPUT);
    expect(s.stderr).toContain("--clock-skew-tolerance applies to call logs");
  });

  it("a call log without handle times needs --aht; erlang-a without abandonment needs --patience", async () => {
    const stdin = "arrived_at,outcome\n2026-03-02T09:00:00Z,served\n";
    const r = await cli(["staffing", "-"], { stdin });
    expect(r.code).toBe(EXIT.BAD_INPUT);
    expect(r.stderr).toContain("--aht SECONDS is needed: averageHandleTime must be stated");
    const a = await cli(["staffing", "-", "--aht", "60", "--model", "erlang-a"], { stdin });
    expect(a.code).toBe(EXIT.BAD_INPUT);
    expect(a.stderr).toContain("--patience SECONDS is needed for --model erlang-a");
  });

  it("the wrong preset, a missing file, a log with no arrival", async () => {
    const wrong = await cli(["staffing", DATA.tickets]);
    expect(wrong.code).toBe(EXIT.BAD_INPUT);
    expect(wrong.stderr).toContain("does not fit the call-log preset");
    const missing = await cli(["staffing", "no-such-file.csv"]);
    expect(missing.code).toBe(EXIT.BAD_INPUT);
    expect(missing.stderr).toContain("no-such-file.csv");
    const none = await cli(["staffing", "-", "--aht", "60"], { stdin: "arrived_at,outcome\n2026-03-02T09:00:00Z,abandoned\n" });
    expect(none.code).toBe(EXIT.BAD_INPUT);
    expect(none.stderr).toContain("no arrival to staff for");
  });
});

// Seeded by test/setup/fast-check.ts (CX_FC_SEED, default 42). Arbitrary bytes never crash or hang the command.
test.prop([fc.string({ maxLength: 300 })], { numRuns: 40 })("any input ends with exit 0 or 2, never an internal error", async (text) => {
  const r = await cli(["staffing", "-", "--aht", "60", "--quiet", "--format", "json"], {
    stdin: `arrived_at,outcome,queue_start,queue_exit\n${text}`,
  });
  expect([EXIT.OK, EXIT.BAD_INPUT]).toContain(r.code);
});
