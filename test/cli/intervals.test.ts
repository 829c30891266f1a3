// `cx-metrics report`: confidence intervals next to scores, significance of period changes,
// revenue at risk, the --confidence and --value-per-customer options and their gates.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli, DATA, FULL, json, repo } from "./_run.ts";

/** qnorm(0.975) in R. */
const Z95 = 1.959963984540054;
const COMPARE = ["--period", "2026-11-01..2026-12-01", "--compare-to", "2026-10-01..2026-11-01"];

/** Lost customers of the example cohorts, read from the CSV here: Σ (size − last active). */
function lostInCohortsCsv(): number {
  const [header, ...lines] = readFileSync(DATA.cohorts, "utf8").trim().split(/\r?\n/);
  const columns = (header as string).split(",");
  const size = columns.indexOf("size");
  let lost = 0;
  for (const line of lines) {
    const cells = line.split(",");
    const active = columns
      .map((c, i) => (c.startsWith("active_") && cells[i] !== "" && cells[i] !== undefined ? Number(cells[i]) : undefined))
      .filter((x) => x !== undefined);
    lost += active.length === 0 ? 0 : Number(cells[size]) - (active[active.length - 1] as number);
  }
  return lost;
}

describe("intervals next to scores", () => {
  it("table: NPS, CSAT, rates and SLA compliance with their 95 % intervals; a mean CI column", async () => {
    const r = await cli([...FULL, "--format", "table", "-q"]);
    expect(r.code).toBe(0);
    // NPS of the example: 28 promoters, 18 passives, 11 detractors of 57 (Wald, by hand).
    const p = 28 / 57;
    const d = 11 / 57;
    const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / 57);
    const lower = (100 * (p - d) - Z95 * se).toFixed(1);
    const upper = (100 * (p - d) + Z95 * se).toFixed(1);
    expect([lower, upper]).toEqual(["9.8", "49.9"]);
    expect(r.stdout).toMatch(/^NPS\s+29\.8 \(95% CI 9\.8 to 49\.9\)\s+57 answers/m);
    expect(r.stdout).toMatch(/^CSAT\s+71\.6% \(95% CI \d+\.\d% to \d+\.\d%\)/m);
    expect(r.stdout).toMatch(/^Resolution rate\s+86\.8% \(95% CI 83\.1% to 89\.8%\)/m);
    expect(r.stdout).toMatch(/^One-touch resolution\s+37\.1% \(95% CI/m);
    expect(r.stdout).toMatch(/^Compliance\s+94\.7% \(95% CI/m);
    expect(r.stdout).toContain("mean 95% CI");
    expect(r.stdout).toMatch(/^Confidence\s+95%/m);
  });

  it("markdown: the same intervals in the facts table", async () => {
    const r = await cli([...FULL, "--format", "markdown", "-q"]);
    expect(r.stdout).toContain("| NPS | 29.8 (95% CI 9.8 to 49.9) |");
  });

  it("--confidence 0.9 (or 90%) gives 90 % intervals, narrower, in every format", async () => {
    const wide = json(await cli([...FULL, "--format", "json", "-q"]));
    const a = await cli([...FULL, "--confidence", "0.9", "--format", "json", "-q"]);
    const b = await cli([...FULL, "--confidence", "90%", "--format", "json", "-q"]);
    expect(a.code).toBe(0);
    const narrow = json(a);
    expect(json(b).report).toEqual(narrow.report);
    expect(narrow.report.parameters.confidenceLevel).toBe(0.9);
    expect(narrow.report.survey.nps.interval.confidenceLevel).toBe(0.9);
    expect(narrow.report.survey.nps.interval.lower).toBeGreaterThan(wide.report.survey.nps.interval.lower);
    expect(narrow.report.survey.csat.interval.upper).toBeLessThan(wide.report.survey.csat.interval.upper);
    const table = await cli([...FULL, "--confidence", "0.9", "--format", "table", "-q"]);
    expect(table.stdout).toMatch(/^NPS\s+29\.8 \(90% CI /m);
  });

  it("bad --confidence and --value-per-customer values are usage errors (exit 2)", async () => {
    for (const value of ["1", "0", "95", "abc", "-0.5", "100%"]) {
      const r = await cli(["report", DATA.tickets, `--confidence=${value}`]);
      expect([r.code, r.stderr], value).toEqual([2, expect.stringContaining("--confidence must be a level strictly between 0 and 1")]);
    }
    for (const value of ["-5", "x", "1e999"]) {
      const r = await cli(["report", DATA.tickets, `--value-per-customer=${value}`]);
      expect([r.code, r.stderr], value).toEqual([2, expect.stringContaining("--value-per-customer must be a non-negative amount")]);
    }
  });
});

describe("significance of period changes", () => {
  it("the comparison table marks each tested change significant or not, with its p-value", async () => {
    const r = await cli([...FULL, ...COMPARE, "--format", "table", "-q"]);
    expect(r.code).toBe(0);
    const rows = r.stdout.split("\n");
    const row = (metric: string): string => rows.find((line) => line.startsWith(`${metric} `)) ?? "";
    // Resolution rate 75.5 % vs 93.1 %: a real drop.
    expect(row("counts.resolutionRate.value")).toMatch(/significant, p < 0\.001$/);
    expect(row("counts.resolutionRate.value")).not.toContain("not significant");
    // NPS 28 vs 31.3 on 25 and 32 answers: noise.
    expect(row("survey.nps.score")).toMatch(/not significant, p = 0\.\d+$/);
    // Untested metrics have no mark.
    expect(row("tickets")).not.toContain("significant");
    expect(r.stdout).toContain("Not significant (may be noise):");
  });

  it("JSON: each change carries its test, null where there is none", async () => {
    const doc = json(await cli([...FULL, ...COMPARE, "--format", "json", "-q"]));
    const changes = doc.report.comparison.changes as { metric: string; test: { pValue: number; significant: boolean } | null }[];
    const nps = changes.find((c) => c.metric === "survey.nps.score");
    expect(nps?.test?.significant).toBe(false);
    expect(nps?.test?.pValue).toBeGreaterThan(0.05);
    expect(changes.find((c) => c.metric === "tickets")?.test).toBeNull();
  });
});

describe("revenue at risk", () => {
  it("--value-per-customer 243: lost customers of the cohorts × 243, under the cohort table", async () => {
    const lost = lostInCohortsCsv();
    expect(lost).toBe(974);
    const doc = json(await cli([...FULL, "--value-per-customer", "243", "--format", "json", "-q"]));
    expect(doc.report.customers.revenueAtRisk).toEqual({ lostCustomers: lost, valuePerCustomer: 243, value: lost * 243 });
    expect(doc.report.parameters.valuePerCustomer).toBe(243);
    const table = await cli([...FULL, "--value-per-customer", "243", "--format", "table", "-q"]);
    const text = table.stdout;
    expect(text).toMatch(/^Revenue at risk\s+236,682\s+974 lost customers × 243 per customer/m);
    expect(text.indexOf("Revenue at risk")).toBeGreaterThan(text.indexOf("Customer retention by cohort"));
  });

  it("without --value-per-customer: null in JSON and a hint under the cohort table", async () => {
    const doc = json(await cli([...FULL, "--format", "json", "-q"]));
    expect(doc.report.customers.revenueAtRisk).toBeNull();
    const table = await cli([...FULL, "--format", "table", "-q"]);
    expect(table.stdout).toContain("Revenue at risk: give the value of one customer with --value-per-customer.");
  });
});

describe("gates on lower bounds and revenue at risk", () => {
  const gate = (...gates: string[]): string[] => gates.flatMap((g) => ["--gate", g]);

  it("nps.lower: NPS 29.8 passes nps >= 25 but its lower bound 9.8 does not; lower >= 5 passes", async () => {
    const r = await cli([...FULL, ...gate("nps >= 25", "nps.lower >= 25", "nps.lower >= 5"), "--format", "json", "-q"]);
    expect(r.code).toBe(1);
    const results = json(r).gates as { gate: string; status: string; actual: number; path: string }[];
    expect(results.map((g) => [g.gate, g.status])).toEqual([
      ["nps >= 25", "pass"],
      ["nps.lower >= 25", "fail"],
      ["nps.lower >= 5", "pass"],
    ]);
    expect(results[1]?.path).toBe("report.survey.nps.interval.lower");
    expect(results[1]?.actual).toBeCloseTo(9.8, 1);
  });

  it("nps.upper with --fail-if: fail only when confidently below the target", async () => {
    // NPS 29.8 (95 % CI 9.8 to 49.9): not confidently below 30 or 45, confidently below 55.
    const r = await cli([
      ...FULL,
      "--fail-if",
      "nps.upper < 30",
      "--fail-if",
      "nps.upper < 45",
      "--fail-if",
      "nps.upper < 55",
      "--format",
      "json",
      "-q",
    ]);
    expect(r.code).toBe(1);
    expect((json(r).gates as { status: string }[]).map((g) => g.status)).toEqual(["pass", "pass", "fail"]);
  });

  it("csat.lower takes a rate; --confidence moves the bound", async () => {
    const at95 = json(await cli([...FULL, ...gate("csat.lower >= 60%"), "--format", "json", "-q"]));
    const at90 = json(await cli([...FULL, ...gate("csat.lower >= 60%"), "--confidence", "0.9", "--format", "json", "-q"]));
    expect(at95.gates[0].actual).toBeLessThan(0.6);
    expect(at95.gates[0].status).toBe("fail");
    expect(at90.gates[0].actual).toBeGreaterThan(at95.gates[0].actual);
    const points = await cli([...FULL, ...gate("csat.lower >= 60"), "-q"]);
    expect([points.code, points.stderr]).toEqual([2, expect.stringContaining("a rate is a fraction")]);
  });

  it("revenueAtRisk: a number gate; missing without --value-per-customer; not segmentable", async () => {
    const fail = await cli([...FULL, "--value-per-customer", "243", "--fail-if", "revenueAtRisk > 200000", "--format", "json", "-q"]);
    expect(fail.code).toBe(1);
    expect(json(fail).gates[0]).toMatchObject({ status: "fail", actual: 236682, path: "report.customers.revenueAtRisk.value" });
    const missing = await cli([...FULL, ...gate("revenueAtRisk <= 1000000"), "--format", "json", "-q"]);
    expect(missing.code).toBe(1);
    expect(json(missing).gates[0].status).toBe("missing");
    expect(json(missing).gates[0].message).toContain("it needs --cohorts and --value-per-customer");
    const scoped = await cli([...FULL, ...gate("revenueAtRisk[channel=email] <= 5"), "-q"]);
    expect([scoped.code, scoped.stderr]).toEqual([2, expect.stringContaining("revenueAtRisk cannot be scoped to a segment")]);
  });

  it("nps.lower can be scoped to a segment", async () => {
    const r = await cli([...FULL, ...gate("nps.lower[channel=email] >= -99"), "--format", "json", "-q"]);
    expect(r.code).toBe(0);
    expect(json(r).gates[0].path).toBe("report.segments[dimensions=channel].segments[key=email].survey.nps.interval.lower");
  });
});

describe("help and docs", () => {
  it("report --help and docs/guide/cli.md document --confidence and --value-per-customer", async () => {
    const help = (await cli(["report", "--help"])).stdout;
    const docs = readFileSync(repo("docs/guide/cli.md"), "utf8");
    for (const text of ["--confidence", "--value-per-customer", "nps.lower", "nps.upper", "csat.lower", "csat.upper", "revenueAtRisk"]) {
      expect(help, text).toContain(text);
      expect(docs, text).toContain(text);
    }
  });
});
