/**
 * `cx-metrics sql`: its options and errors, and, end to end on the example export
 * (examples/data: tickets, messages, responses), the printed script run in DuckDB and
 * PostgreSQL (PGlite) gives the figures `cx-metrics report --format json` prints.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSurveyResponses, readTickets } from "../../src/io/index.ts";
import { openFile } from "../../src/io/node/index.ts";
import type { SurveyResponse, Ticket } from "../../src/models/index.ts";
import type { Report } from "../../src/report/index.ts";
import { metricSql, schemaSql, SQL_METRICS, warehouseRows, type SqlMetricName } from "../../src/sql/index.ts";
import { cli, DATA, repo } from "../cli/_run.ts";
import { createSchema, duckdb, load, postgres, type Engine, type Row } from "./_engines.ts";
import { compare, expectedRows } from "./expected.ts";

async function all<T>(records: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of records) out.push(r);
  return out;
}

const AS_OF = "2026-11-15T00:00:00Z";
const ZONE = "Europe/Bucharest";
const SCHEDULE = repo("examples/data/schedule.json");
const SLA = repo("examples/data/sla.json");

describe("cx-metrics sql: options and errors", () => {
  it("--help, and sql in the main help", async () => {
    const help = await cli(["sql", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: cx-metrics sql --dialect D --as-of T");
    expect((await cli(["help", "sql"])).stdout).toBe(help.stdout);
    expect((await cli(["--help"])).stdout).toContain("cx-metrics sql --dialect D --as-of T");
  });
  it("--schema prints schemaSql; --metric prints one statement", async () => {
    expect((await cli(["sql", "--dialect", "snowflake", "--schema"])).stdout).toBe(`${schemaSql("snowflake")}\n`);
    const one = await cli(["sql", "--dialect", "bigquery", "--as-of", AS_OF, "--timezone", ZONE, "--metric", "backlog"]);
    expect(one.stdout).toBe(`${metricSql("backlog", { dialect: "bigquery", asOf: new Date(AS_OF), timeZone: ZONE })};\n`);
  });
  it("--table reads a table from another relation", async () => {
    const r = await cli(["sql", "--dialect", "duckdb", "--as-of", AS_OF, "--metric", "nps", "--table", "survey_responses=raw.answers"]);
    expect(r.stdout).toContain("FROM raw.answers");
  });
  it("usage errors (exit 2): no dialect, no --as-of, an unknown option", async () => {
    for (const [argv, message] of [
      [["sql", "--as-of", AS_OF], "--dialect is required"],
      [["sql", "--dialect", "duckdb"], "--as-of is required"],
      [["sql", "--dialect", "duckdb", "--as-of", AS_OF, "--format", "json"], "Unknown option '--format'"],
    ] as const) {
      const r = await cli(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
  it("bad values (exit 2): dialect, metric, table, zone, as-of, a missing --schedule or --sla file", async () => {
    for (const [extra, message] of [
      [["--dialect", "mysql"], '--dialect must be one of duckdb, postgres, bigquery, snowflake, got "mysql"'],
      [["--metric", "aht"], "--metric must be one of ticketsByStatus,"],
      [["--table", "tickets"], "--table must look like TABLE=RELATION"],
      [["--table", "calls=x"], '--table must be one of tickets, messages, events, survey_responses, got "calls"'],
      [["--timezone", "Mars/Olympus"], "--timezone must be an IANA time zone"],
      [["--as-of", "yesterday"], "--as-of"],
      [["--sla", "no-such-sla.json"], "--sla"],
      // Business targets without --schedule (or a schedule in the policy): as cx-metrics report refuses them.
      [["--sla", SLA], "policy.targets[0] must have a schedule (or the policy one) for business hours, got none [E_SLA_SCHEDULE]"],
      [["--schedule", "no-such-schedule.json"], "--schedule"],
    ] as const) {
      const r = await cli(["sql", "--dialect", "duckdb", "--as-of", AS_OF, ...extra]);
      expect(r.code, extra.join(" ")).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});

describe("cx-metrics schedule-table", () => {
  it("writes the opening intervals as CSV; sql --schedule reads them from schedule_intervals", async () => {
    const r = await cli(["schedule-table", "--schedule", SCHEDULE, "--range", "2026-10-05..2026-10-06", "--timezone", ZONE]);
    expect(r.code).toBe(0);
    // Monday 2026-10-05 in Bucharest (UTC+3): the example schedule's Monday hours.
    expect(r.stdout.split("\n")[0]).toBe("opens_at,closes_at");
    expect(r.stdout.split("\n").length).toBeGreaterThan(2);
    const sql = await cli(["sql", "--dialect", "postgres", "--as-of", AS_OF, "--metric", "firstResponseTime", "--schedule", SCHEDULE]);
    expect(sql.stdout).toContain("FROM schedule_intervals");
    expect(sql.stdout).toContain("AS business_median");
  });
  it("usage: --schedule and --range required; --help", async () => {
    const r = await cli(["schedule-table", "--range", "2026-10-01..2026-11-01"]);
    expect([r.code, r.stderr.includes("--schedule and --range are required")]).toEqual([2, true]);
    expect((await cli(["schedule-table", "--help"])).stdout).toContain("Usage: cx-metrics schedule-table");
  });
});

describe("cx-metrics sql on the example export equals cx-metrics report", () => {
  const engines: Engine[] = [];
  let tickets: Ticket[] = [];
  let responses: SurveyResponse[] = [];

  beforeAll(async () => {
    tickets = await all((await readTickets(openFile(DATA.tickets), { messages: openFile(DATA.messages) })).records);
    responses = await all((await readSurveyResponses(openFile(DATA.responses))).records);
    engines.push(await duckdb(), await postgres());
    for (const engine of engines) {
      await createSchema(engine);
      await load(engine, warehouseRows(tickets, responses));
    }
  });
  afterAll(async () => {
    for (const engine of engines) await engine.close();
  });

  it("every metric, both engines, a period and business hours in Europe/Bucharest", async () => {
    expect(tickets.length).toBeGreaterThan(300);
    const period = ["--period", "2026-10-01..2026-11-01", "--timezone", ZONE, "--as-of", AS_OF, "--schedule", SCHEDULE, "--sla", SLA];
    const table = await cli(["schedule-table", "--schedule", SCHEDULE, "--range", "2026-09-01..2027-01-01", "--timezone", ZONE]);
    const intervals = table.stdout
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => {
        const [opens, closes] = line.split(",");
        return { opens_at: new Date(opens as string), closes_at: new Date(closes as string) };
      });
    for (const engine of engines) await load(engine, { schedule_intervals: intervals });
    const rep = await cli([
      "report",
      DATA.tickets,
      "--messages",
      DATA.messages,
      "--responses",
      DATA.responses,
      "--format",
      "json",
      ...period,
    ]);
    expect(rep.code).toBe(0);
    const expected = expectedRows((JSON.parse(rep.stdout) as { report: Report }).report, [0.9, 0.95]);
    for (const engine of engines) {
      const script = await cli(["sql", "--dialect", engine.dialect, ...period]);
      expect(script.code).toBe(0);
      const statements = script.stdout.split(/;\n/).filter((s) => s.trim() !== "");
      expect(statements.length).toBe(Object.keys(SQL_METRICS).length);
      for (const [i, name] of (Object.keys(SQL_METRICS) as SqlMetricName[]).entries()) {
        const rows: Row[] = await engine.rows(statements[i] as string);
        expect(compare(name, engine.dialect, rows, expected[name])).toEqual([]);
      }
    }
  }, 180_000);
});
