/**
 * The SQL API's documented examples and errors, and the dialects that are generated but not
 * executed here: BigQuery and Snowflake text is parsed by node-sql-parser's grammar of that
 * dialect (which rejects the other dialects' forms, checked below) and kept as a snapshot.
 */
import { readFileSync } from "node:fs";
import { Parser } from "node-sql-parser";
import { describe, expect, it } from "vitest";
import {
  columnType,
  metricSql,
  schemaSql,
  SQL_DIALECTS,
  SQL_METRICS,
  toSql,
  WAREHOUSE_SCHEMA,
  scheduleIntervalRows,
  warehouseRows,
  type SqlDialect,
  type SqlMetricName,
  type SqlOptions,
} from "../../src/sql/index.ts";
import { codeOf } from "../_support/errors.ts";

const asOf = new Date("2026-04-01T00:00:00Z");
const base = {
  asOf,
  timeZone: "Europe/Bucharest",
  period: { from: new Date("2026-03-01T00:00:00Z"), to: asOf },
  businessHours: true,
  slaPolicy: {
    name: "snapshot",
    targets: [
      { metric: "firstResponse", within: { hours: 4 }, hours: "business" },
      { metric: "firstResponse", within: { hours: 1 }, channel: "chat" },
      { metric: "nextResponse", within: { hours: 8 } },
      { metric: "resolution", within: { days: 1 }, priority: "urgent" },
    ],
  },
} as const;
const names = Object.keys(SQL_METRICS) as SqlMetricName[];

describe("documented examples", () => {
  it("columnType", () => {
    expect(columnType("postgres", "double")).toBe("double precision");
    expect(columnType("bigquery", "bigint")).toBe("INT64");
  });
  it("WAREHOUSE_SCHEMA and schemaSql", () => {
    expect(WAREHOUSE_SCHEMA.tickets[0]).toEqual({ name: "id", type: "text", nullable: false, field: "Ticket.id" });
    expect(schemaSql("duckdb").startsWith("CREATE TABLE tickets (\n  id VARCHAR NOT NULL,")).toBe(true);
  });
  it("warehouseRows", () => {
    const rows = warehouseRows([{ id: "1", createdAt: new Date("2026-03-01T09:00:00Z"), status: "open" }]);
    expect(rows.tickets[0]?.["status"]).toBe("open");
    expect(rows.messages.length).toBe(0);
  });
  it("scheduleIntervalRows", () => {
    const schedule = { timeZone: "Europe/Bucharest", weekly: { mon: [["09:00", "17:00"]] } } as const;
    const rows = scheduleIntervalRows(schedule, { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-08T00:00:00Z") });
    expect(rows[0]?.["opens_at"]).toEqual(new Date("2026-03-02T07:00:00.000Z"));
    expect(rows.length).toBe(1);
    // After the spring-forward of 2026-03-29 the same local hours are an hour earlier in UTC.
    const april = scheduleIntervalRows(schedule, { from: new Date("2026-03-29T00:00:00Z"), to: new Date("2026-04-05T00:00:00Z") });
    expect(april).toEqual([{ opens_at: new Date("2026-03-30T06:00:00Z"), closes_at: new Date("2026-03-30T14:00:00Z") }]);
  });
  it("metricSql and toSql", () => {
    expect(metricSql("resolutionRate", { dialect: "postgres", asOf, timeZone: "UTC" }).startsWith("WITH")).toBe(true);
    expect(toSql({ dialect: "duckdb", asOf, timeZone: "Europe/Bucharest" }).startsWith("-- ticketsByStatus")).toBe(true);
  });
  it("tables: each relation read as given (a dbt ref)", () => {
    const sql = metricSql("firstResponseTime", {
      dialect: "snowflake",
      asOf,
      timeZone: "UTC",
      tables: { tickets: "{{ ref('stg_tickets') }}" },
    });
    expect(sql).toContain("FROM {{ ref('stg_tickets') }} t");
    expect(sql).toContain("FROM messages");
  });
  it("warehouseRows keeps every field: one column per schema column, nothing else", () => {
    const rows = warehouseRows(
      [
        {
          id: "7",
          createdAt: new Date(0),
          status: "solved",
          satisfaction: 4,
          satisfactionScale: { min: 1, max: 5 },
          helpdesk: { firstReply: 60_000 },
          messages: [{ at: new Date(1), author: "customer", public: true }],
          statusHistory: [{ at: new Date(2), status: "solved" }],
        },
      ],
      [{ kind: "nps", score: 9, scale: { min: 0, max: 10 }, answeredAt: new Date(3), ticketId: "7" }],
    );
    for (const [table, list] of Object.entries(rows)) {
      for (const row of list)
        expect(Object.keys(row).sort()).toEqual(WAREHOUSE_SCHEMA[table as keyof typeof rows].map((c) => c.name).sort());
    }
    const monday = { timeZone: "UTC", weekly: { mon: [["09:00", "10:00"]] } } as const;
    for (const row of scheduleIntervalRows(monday, { from: new Date(0), to: new Date(9 * 86_400_000) })) {
      expect(Object.keys(row).sort()).toEqual(WAREHOUSE_SCHEMA.schedule_intervals.map((c) => c.name).sort());
    }
    expect(rows.tickets[0]).toMatchObject({
      satisfaction_score: 4,
      satisfaction_rating: null,
      satisfaction_scale_max: 5,
      helpdesk_first_reply_ms: 60_000,
    });
    expect(rows.messages[0]).toMatchObject({ ticket_id: "7", seq: 0, author: "customer", is_public: true });
  });
});

describe("docs/guide/warehouse.md", () => {
  const guide = readFileSync(new URL("../../docs/guide/warehouse.md", import.meta.url), "utf8");
  it("lists every column of the schema and every metric", () => {
    const columns = Object.values(WAREHOUSE_SCHEMA).flatMap((list) => list.map((c) => c.name));
    expect(columns.filter((name) => !guide.includes(`\`${name}\``))).toEqual([]);
    expect(names.filter((name) => !guide.includes(`| \`${name}\` |`))).toEqual([]);
  });
});

describe("errors", () => {
  const ok: SqlOptions = { dialect: "duckdb", asOf, timeZone: "UTC" };
  it("E_OPTION_VALUE: an unknown dialect or metric", () => {
    expect(codeOf(() => metricSql("nps", { ...ok, dialect: "mysql" as SqlDialect }))).toBe(
      "E_OPTION_VALUE metricSql: dialect must be one of duckdb, postgres, bigquery, snowflake, got mysql",
    );
    expect(codeOf(() => metricSql("aht" as SqlMetricName, ok))).toMatch(
      /^E_OPTION_VALUE metricSql: name must be one of ticketsByStatus, .*, got aht$/,
    );
    expect(codeOf(() => columnType("oracle" as SqlDialect, "text"))).toMatch(/^E_OPTION_VALUE columnType: dialect must be/);
  });
  it("E_OPTION_VALUE: percentiles that would make one column twice", () => {
    expect(codeOf(() => toSql({ ...ok, percentiles: [0.9, 0.9000001] }))).toBe(
      "E_OPTION_VALUE toSql: percentiles must give distinct columns, got 0.9 and 0.9000001 (both p90: percentages are kept to 4 decimals)",
    );
    expect(codeOf(() => toSql({ ...ok, percentiles: [0.95, 0.95] }))).toMatch(
      /^E_OPTION_VALUE toSql: percentiles must give distinct columns/,
    );
    expect(toSql({ ...ok, percentiles: [0.9, 0.95, 0.999] })).toContain("p99_9");
  });
  it("E_TIME_ZONE, E_INVALID_DATE, E_PERIOD_ORDER, E_FRACTION_RANGE", () => {
    expect(codeOf(() => toSql({ ...ok, timeZone: "Mars/Olympus" }))).toBe(
      "E_TIME_ZONE toSql: timeZone must be a valid IANA time zone, got Mars/Olympus",
    );
    expect(codeOf(() => toSql({ ...ok, asOf: new Date(Number.NaN) }))).toBe(
      "E_INVALID_DATE toSql: asOf must be a valid Date, got Invalid Date",
    );
    expect(codeOf(() => toSql({ ...ok, period: { from: asOf, to: new Date(0) } }))).toMatch(
      /^E_PERIOD_ORDER toSql: period.to must not be before period.from/,
    );
    expect(codeOf(() => toSql({ ...ok, percentiles: [1.5] }))).toBe(
      "E_FRACTION_RANGE toSql: percentile must be a number from 0 to 1, got 1.5",
    );
    const utc = { timeZone: "UTC", weekly: {} };
    expect(codeOf(() => scheduleIntervalRows(utc, { from: new Date(0), to: new Date(Number.NaN) }))).toMatch(
      /^E_INVALID_DATE scheduleIntervalRows: to must be a valid Date/,
    );
    expect(codeOf(() => scheduleIntervalRows(utc, { from: new Date(0), to: new Date(Date.UTC(2100, 0, 2)) }))).toMatch(
      /^E_SPAN_LIMIT scheduleIntervalRows: to must be within 100 years/,
    );
  });
});

describe("generated, not executed: BigQuery and Snowflake", () => {
  const parser = new Parser();
  const grammar: Readonly<Record<SqlDialect, string>> = {
    duckdb: "postgresql",
    postgres: "postgresql",
    bigquery: "bigquery",
    snowflake: "snowflake",
  };

  for (const dialect of ["bigquery", "snowflake", "postgres"] as const) {
    it(`${dialect}: the schema and every metric parse with node-sql-parser's ${grammar[dialect]} grammar`, () => {
      expect(() => parser.astify(schemaSql(dialect), { database: grammar[dialect] })).not.toThrow();
      for (const name of names) {
        expect(() => parser.astify(metricSql(name, { ...base, dialect }), { database: grammar[dialect] }), name).not.toThrow();
      }
    });
  }

  it("the parser tells the dialects apart (so the check above can fail)", () => {
    // PostgreSQL's `double precision` and WITHIN GROUP are not BigQuery; AT TIME ZONE is not Snowflake.
    expect(() => parser.astify(metricSql("firstResponseTime", { ...base, dialect: "postgres" }), { database: "bigquery" })).toThrow();
    expect(() => parser.astify(metricSql("volumeByDay", { ...base, dialect: "postgres" }), { database: "snowflake" })).toThrow();
  });

  for (const dialect of SQL_DIALECTS) {
    it(`${dialect}: snapshot of toSql`, async () => {
      await expect(toSql({ ...base, dialect, percentiles: [0.9, 0.99] })).toMatchFileSnapshot(`./__snapshots__/${dialect}.sql`);
    });
  }
});
