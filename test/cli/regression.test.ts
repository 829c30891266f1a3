/**
 * Regression gates (`--baseline` with `--fail-if-worse`, src/cli/regression.ts) on the fixture
 * pair of test/fixtures/regression (README there): a real worsening of the FRT median (×1.6,
 * 120 tickets each) exits 1; no change exits 0; every misuse is exit 2 with a message that
 * names the option. The statistical error rate is checked by simulation in
 * test/metrics/stats/quantileChange.test.ts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, repo } from "./_run.ts";

const fixture = (name: string) => repo(`test/fixtures/regression/${name}.csv`);
const dir = mkdtempSync(join(tmpdir(), "cx-regression-"));
const baseline = join(dir, "before.json");

interface GateJson {
  gate: string;
  kind: string;
  status: string;
  actual: number | null;
  target: number;
  message: string;
  change: { baseline: number; ratio: number | null; lower: number; upper: number; pValue: number; significant: boolean } | null;
}

const run = (file: string, ...extra: string[]) =>
  cli(["report", fixture(file), "--as-of", "2026-12-01T00:00:00Z", "--format", "json", "-q", "--baseline", baseline, ...extra]);
const gatesOf = (stdout: string) => (JSON.parse(stdout) as { gates: GateJson[] }).gates;

beforeAll(async () => {
  const r = await cli([
    "report",
    fixture("before"),
    "--as-of",
    "2026-12-01T00:00:00Z",
    "--by",
    "channel",
    "--format",
    "json",
    "-q",
    "-o",
    baseline,
  ]);
  expect(r.code).toBe(0);
});

describe("regression gates on the fixture pair", () => {
  it("FRT median 30 min → 48 min (×1.6): worse by more than 10 % and significant, exit 1", async () => {
    const r = await run("after", "--fail-if-worse", "frt.median 10%");
    expect(r.code).toBe(1);
    const [g] = gatesOf(r.stdout);
    expect(g?.kind).toBe("fail-if-worse");
    expect(g?.status).toBe("fail");
    expect(g?.change?.baseline).toBeCloseTo(30 * 60_000, -4);
    expect(g?.actual).toBeCloseTo(48 * 60_000, -4);
    expect(g?.change?.ratio).toBeCloseTo(1.6, 2);
    expect(g?.change?.significant).toBe(true);
    expect(g?.change?.lower).toBeGreaterThan(0);
    expect(g?.target).toBeCloseTo(1.1 * (g?.change?.baseline ?? 0), 6);
    expect(r.stderr).toMatch(/FAIL\s+frt\.median 10%: frt\.median = 48m\b.* vs baseline 30m\b.*\(\+60\.0%\).*significant/);
  });

  it("the same worsening passes when more is allowed (by 100 %), and on a percentile within its own noise", async () => {
    const r = await run("after", "--fail-if-worse", "frt.median by 100%");
    expect(r.code).toBe(0);
    expect(gatesOf(r.stdout)[0]?.status).toBe("pass");
  });

  it("no change (other tickets, same distribution): exit 0, the difference not significant", async () => {
    const r = await run(
      "noise",
      "--fail-if-worse",
      "frt.median",
      "--fail-if-worse",
      "frt.p90 10%",
      "--fail-if-worse",
      "resolution.median 5%",
    );
    expect(r.code).toBe(0);
    const gates = gatesOf(r.stdout);
    expect(gates.map((g) => g.status)).toEqual(["pass", "pass", "pass"]);
    expect(gates.every((g) => g.change?.significant === false)).toBe(true);
  });

  it("scoped to a segment, read from the baseline's segment", async () => {
    const r = await run("after", "--by", "channel", "--fail-if-worse", "frt.median[channel=email] 10%");
    expect(r.code).toBe(1);
    expect(gatesOf(r.stdout)[0]?.change?.ratio).toBeCloseTo(1.6, 2);
  });

  it("a segment the baseline lacks is missing (exit 1), skipped with --allow-missing", async () => {
    const other = join(dir, "no-segments.json");
    expect((await cli(["report", fixture("before"), "--as-of", "2026-12-01T00:00:00Z", "--format", "json", "-q", "-o", other])).code).toBe(
      0,
    );
    const args = [
      "report",
      fixture("after"),
      "--as-of",
      "2026-12-01T00:00:00Z",
      "--by",
      "channel",
      "--format",
      "json",
      "-q",
      "--baseline",
      other,
    ];
    const r = await cli([...args, "--fail-if-worse", "frt.median[channel=email] 10%"]);
    expect(r.code).toBe(1);
    expect(gatesOf(r.stdout)[0]).toMatchObject({ status: "missing", change: null });
    expect(gatesOf(r.stdout)[0]?.message).toMatch(/^the baseline has no/);
    const skipped = await cli([...args, "--fail-if-worse", "frt.median[channel=email] 10%", "--allow-missing"]);
    expect(skipped.code).toBe(0);
    expect(gatesOf(skipped.stdout)[0]?.status).toBe("skipped");
  });

  it("a baseline without intervals (an older report) is missing, with the reason", async () => {
    const old = join(dir, "old.json");
    const doc = JSON.parse(
      (await cli(["report", fixture("before"), "--as-of", "2026-12-01T00:00:00Z", "--format", "json", "-q"])).stdout,
    ) as {
      report: { time: { firstResponse: { calendar: Record<string, unknown> } } };
    };
    delete doc.report.time.firstResponse.calendar.medianInterval;
    writeFileSync(old, JSON.stringify(doc));
    const r = await cli([
      "report",
      fixture("after"),
      "--as-of",
      "2026-12-01T00:00:00Z",
      "--format",
      "json",
      "-q",
      "--baseline",
      old,
      "--fail-if-worse",
      "frt.median",
    ]);
    expect(r.code).toBe(1);
    expect(gatesOf(r.stdout)[0]?.message).toMatch(/the baseline has no interval at .*medianInterval \(a report from an older cx-metrics/);
  });

  it("the table output shows the limit and the rule", async () => {
    const r = await cli([
      "report",
      fixture("after"),
      "--as-of",
      "2026-12-01T00:00:00Z",
      "--format",
      "table",
      "-q",
      "--baseline",
      baseline,
      "--fail-if-worse",
      "frt.median 10%",
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL\s+frt\.median 10%\s+48m 00s\s+fail if > 33m 00s, significantly/);
  });
});

describe("misuse is exit 2 with a message naming the option", () => {
  const base = ["report", fixture("after"), "--as-of", "2026-12-01T00:00:00Z", "-q"];
  const cases: [string, string[], RegExp][] = [
    [
      "--fail-if-worse without --baseline",
      ["--fail-if-worse", "frt.median"],
      /--fail-if-worse compares with an earlier run: it needs --baseline FILE/,
    ],
    ["--baseline without --fail-if-worse", ["--baseline", "x.json"], /--baseline is read by --fail-if-worse only/],
    [
      "a metric without an interval",
      ["--baseline", "x.json", "--fail-if-worse", "frt.mean 10%"],
      /--fail-if-worse compares a median or percentile of a time metric .* got frt\.mean/,
    ],
    [
      "a comparison instead of a percentage",
      ["--baseline", "x.json", "--fail-if-worse", "frt.median > 10%"],
      /a regression gate is <metric> \[by\] <percent>/,
    ],
    ["an unknown metric", ["--baseline", "x.json", "--fail-if-worse", "frt.medain 10%"], /unknown metric "frt\.medain".*frt\.median/],
    [
      "a baseline file that is missing",
      ["--baseline", join(dir, "nope.json"), "--fail-if-worse", "frt.median"],
      /--baseline .*nope\.json: no such file/,
    ],
  ];
  for (const [name, extra, message] of cases) {
    it(name, async () => {
      const r = await cli([...base, ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    });
  }

  it("a JSON file that is not a cx-metrics report", async () => {
    const wrong = join(dir, "wrong.json");
    writeFileSync(wrong, JSON.stringify({ report: {} }));
    const r = await cli([...base, "--baseline", wrong, "--fail-if-worse", "frt.median"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--baseline .*wrong\.json: not a cx-metrics report/);
  });
});
