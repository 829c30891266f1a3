/**
 * Issue 18, "tested equal, on real engines": random ticket sets and survey responses are loaded
 * into DuckDB (in-process) and PostgreSQL (PGlite, in-process WebAssembly) through the
 * documented schema (`schemaSql`, `warehouseRows`); every SQL form is run there and each figure
 * compared with `report()` on the same data.
 *
 * Counts are compared exactly. Floating-point figures (rates, shares, means, totals, medians,
 * percentiles, the backlog threshold) within a relative 1e-12 (absolute below 1): the engines
 * sum integers exactly (DuckDB HUGEINT, PostgreSQL numeric) and divide once as the accumulators
 * do, but the R-7 interpolation `x[lo] + (h − lo)(x[hi] − x[lo])` is evaluated in a different
 * order by each engine (seen: 173044487.20000002 against 173044487.2, a few ulps), and the
 * helpdesk's exported durations are doubles summed without compensation by the engines. A real
 * rule difference is off by far more than 1e-12.
 */
import { fc } from "@fast-check/vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SurveyResponse, Ticket } from "../../src/models/index.ts";
import { report, type ReportOptions } from "../../src/report/index.ts";
import { metricSql, SQL_METRICS, warehouseRows, type SqlMetricName, type SqlOptions } from "../../src/sql/index.ts";
import { response, ticket } from "../report/arbitraries.ts";
import { createSchema, duckdb, load, postgres, type Engine, type Row } from "./_engines.ts";
import { expectedRows } from "./expected.ts";

/** The figures compared within the tolerance; every other number is compared exactly. */
const FLOATS = /^(value|share|mean|median|p\d[\d_]*|threshold|rate|reopens_per_ticket|score|total|easy_share|\w+_share)$/;
const RELATIVE = 1e-12;
/** Random data sets per configuration: each is loaded into both engines and queried 12 times each (~0.5 s on a quiet machine). */
const RUNS = 20;

function agrees(column: string, actual: unknown, expected: unknown): boolean {
  if (typeof actual === "number" && typeof expected === "number" && FLOATS.test(column)) {
    return Math.abs(actual - expected) <= RELATIVE * Math.max(1, Math.abs(actual), Math.abs(expected));
  }
  return Object.is(actual, expected) || (actual === 0 && expected === 0);
}

/** Rows in a stable order (channel mix ties and NULL ordering differ between engines). */
const sorted = (rows: Row[]): Row[] => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

function compare(name: SqlMetricName, engine: string, actual: Row[], expected: Row[]): string[] {
  const problems: string[] = [];
  const key = (r: Row): string => JSON.stringify([r["channel"], r["day"], r["scale_min"], r["scale_max"]]);
  const a = name === "channelMix" || name === "ces" ? [...actual].sort((x, y) => (key(x) < key(y) ? -1 : 1)) : actual;
  const e = name === "channelMix" || name === "ces" ? [...expected].sort((x, y) => (key(x) < key(y) ? -1 : 1)) : expected;
  if (a.length !== e.length)
    return [
      `${engine} ${name}: ${String(a.length)} rows, expected ${String(e.length)}: ${JSON.stringify(sorted(a))} vs ${JSON.stringify(e)}`,
    ];
  e.forEach((row, i) => {
    for (const [column, want] of Object.entries(row)) {
      const got = (a[i] as Row)[column];
      if (!agrees(column, got, want))
        problems.push(`${engine} ${name} row ${String(i)} ${column}: got ${String(got)}, expected ${String(want)}`);
    }
  });
  return problems;
}

/** Report options and the same as SQL options (without the dialect). */
interface Config {
  readonly name: string;
  readonly report: ReportOptions;
  readonly sql: Omit<SqlOptions, "dialect">;
}

const BUCHAREST: Config = {
  name: "every ticket, Europe/Bucharest (DST 2026-03-29)",
  report: { asOf: new Date("2026-03-20T00:00:00Z"), timeZone: "Europe/Bucharest", bucket: "day" },
  sql: { asOf: new Date("2026-03-20T00:00:00Z"), timeZone: "Europe/Bucharest" },
};
const period = { from: new Date("2026-03-08T05:00:00Z"), to: new Date("2026-04-05T04:00:00Z") };
const NEW_YORK: Config = {
  name: "a period, America/New_York (DST 2026-03-08), three percentiles",
  report: { asOf: new Date("2026-03-30T12:00:00Z"), timeZone: "America/New_York", bucket: "day", period, percentiles: [0.5, 0.9, 0.99] },
  sql: { asOf: new Date("2026-03-30T12:00:00Z"), timeZone: "America/New_York", period, percentiles: [0.5, 0.9, 0.99] },
};

/** Only the required fields: every optional column NULL. */
const bare = (t: Ticket): Ticket => ({ id: t.id, createdAt: t.createdAt, status: t.status });

const data = fc.record({
  tickets: fc.uniqueArray(ticket, { selector: (t) => t.id, maxLength: 40, size: "max" }),
  allNull: fc.boolean(),
  responses: fc.array(response, { maxLength: 20 }),
});

const engines: Engine[] = [];

beforeAll(async () => {
  engines.push(await duckdb(), await postgres());
  for (const engine of engines) await createSchema(engine);
});

afterAll(async () => {
  for (const engine of engines) await engine.close();
});

async function check(config: Config, tickets: readonly Ticket[], responses: readonly SurveyResponse[]): Promise<string[]> {
  const rep = report({ tickets, responses }, config.report);
  const expected = expectedRows(rep, [0.5, ...(config.report.percentiles ?? [0.9])].slice(1));
  const problems: string[] = [];
  for (const engine of engines) {
    await load(engine, warehouseRows(tickets, responses));
    for (const name of Object.keys(SQL_METRICS) as SqlMetricName[]) {
      const rows = await engine.rows(metricSql(name, { ...config.sql, dialect: engine.dialect }));
      problems.push(...compare(name, engine.dialect, rows, expected[name]));
    }
  }
  return problems;
}

describe("every SQL form equals the report on DuckDB and PostgreSQL", () => {
  for (const config of [BUCHAREST, NEW_YORK]) {
    it(
      config.name,
      async () => {
        await fc.assert(
          fc.asyncProperty(data, async ({ tickets, allNull, responses }) => {
            const problems = await check(config, allNull ? tickets.map(bare) : tickets, responses);
            expect(problems).toEqual([]);
          }),
          { numRuns: RUNS },
        );
      },
      180_000,
    );
  }

  it("no tickets and no responses: counts 0, every figure NULL, as the report", async () => {
    expect(await check(BUCHAREST, [], [])).toEqual([]);
  });

  it("a wrong rule is caught: the SQL of another moment disagrees", async () => {
    const t: Ticket[] = [
      { id: "1", createdAt: new Date("2026-03-02T10:00:00Z"), status: "solved", solvedAt: new Date("2026-03-25T10:00:00Z") },
      { id: "2", createdAt: new Date("2026-03-03T10:00:00Z"), status: "open" },
    ];
    const rep = report({ tickets: t }, BUCHAREST.report);
    const expected = expectedRows(rep, [0.9]);
    const engine = engines[0] as Engine;
    await load(engine, warehouseRows(t));
    const later = await engine.rows(
      metricSql("resolutionRate", { ...BUCHAREST.sql, asOf: new Date("2026-04-01T00:00:00Z"), dialect: "duckdb" }),
    );
    expect(compare("resolutionRate", "duckdb", later, expected.resolutionRate)).not.toEqual([]);
  });
});
