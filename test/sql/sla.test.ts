/**
 * The SQL form of SLA compliance: known answers at the edges the random tickets rarely reach (a
 * reply exactly at the due time, a business target running out exactly at closing time, a start
 * outside opening hours), run on DuckDB and PGlite and compared with `report()`; its errors; and
 * its skip list against the metric's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLA_SKIPS } from "../../src/metrics/sla/_evaluate.ts";
import type { SlaPolicy, Ticket } from "../../src/models/index.ts";
import { report } from "../../src/report/index.ts";
import { metricSql, scheduleIntervalRows, toSql, warehouseRows, type SqlOptions } from "../../src/sql/index.ts";
import { SQL_SLA_SKIPS } from "../../src/sql/sla.ts";
import { codeOf } from "../_support/errors.ts";
import { createSchema, duckdb, load, postgres, type Engine } from "./_engines.ts";
import { compare, expectedRows } from "./expected.ts";

const week = [["09:00", "17:00"]] as const;
const schedule = { timeZone: "America/Los_Angeles", weekly: { mon: week, tue: week, wed: week, thu: week, fri: week } };
const policy: SlaPolicy = {
  name: "edges",
  targets: [
    { metric: "firstResponse", within: { hours: 4 }, hours: "business" },
    { metric: "firstResponse", within: { minutes: 30 }, channel: "chat" },
    { metric: "nextResponse", within: { hours: 1 } },
  ],
};
const asOf = new Date("2026-03-20T00:00:00Z");
const zone = "America/Los_Angeles";
const sqlOptions: Omit<SqlOptions, "dialect"> = { asOf, timeZone: zone, businessHours: true, slaPolicy: policy };

const msg = (iso: string, author: "customer" | "agent") => ({ at: new Date(iso), author, public: true });
const replied = (id: string, created: string, reply: string, channel?: string): Ticket => ({
  id,
  createdAt: new Date(created),
  status: "open",
  firstResponseAt: new Date(reply),
  ...(channel === undefined ? {} : { channel }),
});

// Monday 2026-03-09 in Los Angeles is UTC−7: 09:00 local = 16:00Z, 17:00 local = 00:00Z the next day.
const TICKETS: Ticket[] = [
  // 15:00 → 17:00 (2 h), Tuesday 09:00 → 11:00 (2 h): due Tuesday 18:00Z.
  replied("exactly-due", "2026-03-09T22:00:00Z", "2026-03-10T18:00:00Z"),
  replied("a-ms-late", "2026-03-09T22:00:00Z", "2026-03-10T18:00:00.001Z"),
  // 13:00 → 17:00 is the whole 4 h: due at closing time, 00:00Z, not at Tuesday's opening.
  replied("due-at-close", "2026-03-09T20:00:00Z", "2026-03-10T00:00:00Z"),
  replied("in-the-gap", "2026-03-09T20:00:00Z", "2026-03-10T10:00:00Z"),
  // Created on Sunday: the clock starts Monday 09:00, due Monday 13:00 local = 20:00Z.
  replied("sunday", "2026-03-08T19:00:00Z", "2026-03-09T20:00:00Z"),
  // Calendar 30 minutes on chat: exactly at the due time.
  replied("chat", "2026-03-11T10:00:00Z", "2026-03-11T10:30:00Z", "chat"),
  // Next responses: turn 1 answered in 1 h (achieved), turn 2 still waiting past its due time.
  {
    id: "turns",
    createdAt: new Date("2026-03-12T16:00:00Z"),
    status: "open",
    messages: [
      msg("2026-03-12T16:00:00Z", "customer"),
      msg("2026-03-12T16:10:00Z", "agent"),
      msg("2026-03-12T17:00:00Z", "customer"),
      msg("2026-03-12T18:00:00Z", "agent"),
      msg("2026-03-12T19:00:00Z", "customer"),
    ],
  },
  // Created after asOf: notCreated.
  replied("later", "2026-03-21T10:00:00Z", "2026-03-21T11:00:00Z"),
];

const engines: Engine[] = [];
beforeAll(async () => {
  engines.push(await duckdb(), await postgres());
  const intervals = scheduleIntervalRows(schedule, { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") });
  for (const engine of engines) {
    await createSchema(engine);
    await load(engine, { ...warehouseRows(TICKETS), schedule_intervals: intervals });
  }
});
afterAll(async () => {
  for (const engine of engines) await engine.close();
});

describe("SLA compliance in SQL: known answers at the edges", () => {
  const rep = report({ tickets: TICKETS }, { asOf, timeZone: zone, schedule, slaPolicy: policy });

  it("the report's answer, worked by hand", () => {
    // First response: exactly-due, due-at-close, sunday, chat achieved; a-ms-late, in-the-gap breached;
    // turns (messages: from 16:00Z to 16:10Z, within 4 business hours) achieved.
    expect(rep.sla?.byMetric.firstResponse).toMatchObject({ achieved: 5, breached: 2, running: 0 });
    expect(rep.sla?.byMetric.nextResponse).toMatchObject({ achieved: 1, breached: 1, running: 0 });
    expect(rep.sla?.skipped).toMatchObject({ notCreated: 1, noMessages: 6, noTarget: 7 });
  });

  for (const name of ["slaCompliance", "slaByChannel"] as const) {
    it(`${name} equals the report on DuckDB and PostgreSQL`, async () => {
      const expected = expectedRows(rep, [0.9])[name];
      for (const engine of engines) {
        const rows = await engine.rows(metricSql(name, { ...sqlOptions, dialect: engine.dialect }));
        expect(compare(name, engine.dialect, rows, expected)).toEqual([]);
      }
    });
  }
});

describe("SLA compliance in SQL: options and errors", () => {
  const ok: SqlOptions = { dialect: "duckdb", asOf, timeZone: "UTC" };
  it("without a policy: toSql leaves the SLA queries out, metricSql refuses them (E_OPTION_VALUE)", () => {
    expect(toSql(ok)).not.toContain("-- slaCompliance");
    expect(toSql({ ...ok, slaPolicy: policy, businessHours: true })).toContain("-- slaCompliance: report sla\n");
    expect(codeOf(() => metricSql("slaCompliance", ok))).toBe(
      "E_OPTION_VALUE metricSql: slaPolicy must be given for the SLA queries, got none",
    );
  });
  it("a business target without businessHours is E_SLA_SCHEDULE; a target with its own schedule E_OPTION_VALUE", () => {
    expect(codeOf(() => metricSql("slaCompliance", { ...ok, slaPolicy: policy }))).toMatch(
      /^E_SLA_SCHEDULE metricSql: policy.targets\[0\] must have a schedule/,
    );
    const own: SlaPolicy = { targets: [{ metric: "resolution", within: { days: 1 }, hours: "business", schedule }] };
    expect(codeOf(() => metricSql("slaByChannel", { ...ok, slaPolicy: own, businessHours: true }))).toBe(
      "E_OPTION_VALUE metricSql: policy.targets[0].schedule must be absent (business targets read the one table schedule_intervals), got a schedule",
    );
  });
  it("the skip reasons are the metric's", () => {
    expect([...SQL_SLA_SKIPS]).toEqual([...SLA_SKIPS]);
  });
});
