import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeTicketsCsv } from "../../bench/csv.ts";
import { runDuck, writeDuckStatements, type DuckKind } from "../../bench/duckdb.ts";
import { storedValues } from "../../bench/duckdbCheck.ts";
import { compareFigures, flattenReport, uncovered, type Figures } from "../../bench/duckdbFigures.ts";
import { readTickets } from "../../src/io/index.ts";
import { openFile } from "../../src/io/node/index.ts";
import type { Ticket } from "../../src/models/index.ts";
import { report } from "../../src/report/index.ts";

/**
 * The DuckDB comparison of the command benchmark (bench/duckdbSql.ts) must compute what the
 * command's default report computes, or its ratio compares different work. The bench checks
 * this on its 1M-row file before timing; this test keeps it checked on small generated files,
 * running DuckDB for real (`@duckdb/node-api`, in a child process as the bench does) against
 * `report()` of the same file read by `readTickets`, with the command's defaults.
 */
const AS_OF = new Date("2026-04-01T00:00:00Z");

async function reportFigures(file: string): Promise<Figures> {
  const { records } = await readTickets(openFile(file), { timeZone: "UTC" });
  const tickets: Ticket[] = [];
  for await (const ticket of records) tickets.push(ticket);
  // Through JSON, as the command writes it (Dates become strings, undefined disappears).
  return flattenReport(JSON.parse(JSON.stringify(report({ tickets }, { asOf: AS_OF, timeZone: "UTC", percentiles: [0.9, 0.95] }))));
}

describe.each([42, 7])("bench/duckdbSql.ts: DuckDB's figures equal report()'s, 2 000 generated rows, seed %i", (seed) => {
  let dir = "";
  let expected: Figures = {};
  const duck: Partial<Record<DuckKind, Figures>> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "cx-duck-test-"));
    const file = join(dir, "tickets.csv");
    await writeTicketsCsv(file, { rows: 2000, seed });
    expected = await reportFigures(file);
    const statements = await writeDuckStatements(dir, file, AS_OF);
    duck.duckdbBasic = (await runDuck("duckdbBasic", statements.duckdbBasic)).figures;
    duck.duckdbSameSet = (await runDuck("duckdbSameSet", statements.duckdbSameSet)).figures;
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("the basic query agrees (counts by status, first response and resolution count and mean)", () => {
    const basic = duck.duckdbBasic ?? {};
    expect(Object.keys(basic)).toHaveLength(11);
    expect(basic["counts.statuses.total"]).toBe(2000);
    expect(compareFigures(basic, expected)).toEqual([]);
  });

  test("the same KPI set agrees, and every figure it leaves out has a reason", () => {
    const same = duck.duckdbSameSet ?? {};
    expect(compareFigures(same, expected)).toEqual([]);
    const coverage = uncovered(same, expected);
    expect(coverage.unexplained).toEqual([]);
    // Not vacuous: most of the report is compared, with data in every section.
    expect(coverage.compared).toBeGreaterThan(2000);
    expect(same["time.firstResponse.calendar.count"]).toBeGreaterThan(1500);
    expect(same["counts.backlog.count"]).toBeGreaterThan(0);
    expect(same["volume.statuses.buckets[label=2026-02-01].unassigned"]).toBeGreaterThan(0);
    expect(same["leaderboard.rows[agent=agent-01].rank"]).toBeGreaterThan(0);
  });

  test("the values an exact run keeps add up", () => {
    const stored = storedValues(expected, duck.duckdbSameSet ?? {});
    expect(stored.survival).toBe(4000);
    expect(stored.agents).toBeGreaterThan(0);
    expect(stored.agents).toBeLessThan(stored.summaries);
    expect(stored.total).toBe(stored.summaries + stored.survival + stored.agents);
  });
});

describe("bench/duckdbFigures.ts", () => {
  const report: Figures = { "a.count": 10, "a.mean": 1.5, "a.meanSecondsless": 3, "b.p[p=0.9].value": 100 };

  test("compareFigures: a count off by one, a mean off by more than 1e-9 relative, a name the report lacks, seconds as ms", () => {
    expect(compareFigures({ "a.count": 11, "a.mean": 1.5 * (1 + 1e-8), "a.median": 1, "a.meanSeconds": 0.0015 }, report)).toEqual([
      "a.count: 11 vs 10",
      `a.mean: ${String(1.5 * (1 + 1e-8))} vs 1.5`,
      "a.median: 1 vs (not in the report)",
    ]);
    expect(compareFigures({ "a.count": 10, "a.mean": 1.5 * (1 + 1e-10), "bench.anything": 5 }, report)).toEqual([]);
    expect(compareFigures({ "a.count": null }, report)).toEqual(["a.count: null vs 10"]);
  });

  test("flattenReport names array elements by their naming field, else by index", () => {
    expect(flattenReport({ x: [{ channel: "chat", n: 1 }, { n: 2 }], d: new Date(0), s: "text", z: null })).toEqual({
      "x[channel=chat].n": 1,
      "x[1].n": 2,
      z: null,
    });
  });

  test("uncovered lists a report figure that neither DuckDB computes nor a reason covers", () => {
    const coverage = uncovered({ "a.count": 10 }, { "a.count": 10, "a.other": 1, "time.resolutionSurvival.counted": 5, n: null });
    expect(coverage).toMatchObject({ compared: 1, total: 4, nulls: 1, unexplained: ["a.other"] });
    expect(coverage.byReason).toHaveLength(1);
  });
});
