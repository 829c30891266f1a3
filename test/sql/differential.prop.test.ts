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
import { TICKET_STATUSES, type SurveyResponse, type Ticket } from "../../src/models/index.ts";
import { report, type ReportOptions } from "../../src/report/index.ts";
import { metricSql, scheduleIntervalRows, SQL_METRICS, warehouseRows, type SqlMetricName, type SqlOptions } from "../../src/sql/index.ts";
import { response, ticket } from "../report/arbitraries.ts";
import { createSchema, duckdb, load, postgres, type Engine } from "./_engines.ts";
import { compare, expectedRows } from "./expected.ts";

/** Random data sets per configuration, each loaded into both engines and queried once per metric: `SQL_DIFF_RUNS` (default 10 in `npm test`, ~15 s on a quiet machine; `.ci/run` sets 60). */
const RUNS = Number(process.env["SQL_DIFF_RUNS"] ?? 10);

/** Report options and the same as SQL options (without the dialect). */
interface Config {
  readonly name: string;
  readonly report: ReportOptions;
  readonly sql: Omit<SqlOptions, "dialect">;
}

/** Calendar targets: a channel beats none, a priority beats a channel, the first among equals. */
const CALENDAR_SLA = {
  name: "calendar",
  targets: [
    { metric: "firstResponse", within: { hours: 4 } },
    { metric: "firstResponse", within: { hours: 1 }, channel: "chat" },
    { metric: "firstResponse", within: { minutes: 30 }, priority: "urgent" },
    { metric: "nextResponse", within: { hours: 8 } },
    { metric: "nextResponse", within: { hours: 2 }, channel: "" },
    { metric: "resolution", within: { days: 1 }, priority: "urgent" },
    { metric: "resolution", within: { days: 2 }, priority: "urgent" },
  ],
} as const;

const BUCHAREST: Config = {
  name: "every ticket, Europe/Bucharest (DST 2026-03-29)",
  report: { asOf: new Date("2026-03-20T00:00:00Z"), timeZone: "Europe/Bucharest", bucket: "day", slaPolicy: CALENDAR_SLA },
  sql: { asOf: new Date("2026-03-20T00:00:00Z"), timeZone: "Europe/Bucharest", slaPolicy: CALENDAR_SLA },
};
const period = { from: new Date("2026-03-08T05:00:00Z"), to: new Date("2026-04-05T04:00:00Z") };
const NEW_YORK: Config = {
  name: "a period, America/New_York (DST 2026-03-08), three percentiles",
  report: {
    asOf: new Date("2026-03-30T12:00:00Z"),
    timeZone: "America/New_York",
    bucket: "day",
    period,
    percentiles: [0.5, 0.9, 0.99],
    slaPolicy: CALENDAR_SLA,
  },
  sql: {
    asOf: new Date("2026-03-30T12:00:00Z"),
    timeZone: "America/New_York",
    period,
    percentiles: [0.5, 0.9, 0.99],
    slaPolicy: CALENDAR_SLA,
  },
};

const week = [["09:00", "17:00"]] as const;
/** Weekdays 9–17 in Los Angeles with a holiday: business time across the DST change of 2026-03-08. */
const schedule = {
  timeZone: "America/Los_Angeles",
  weekly: { mon: week, tue: week, wed: week, thu: week, fri: week },
  holidays: ["2026-03-17"],
};
/** Business and calendar targets (the business ones fall due by the schedule's opening intervals). */
const BUSINESS_SLA = {
  name: "business",
  targets: [
    { metric: "firstResponse", within: { hours: 4 }, hours: "business" },
    { metric: "firstResponse", within: { hours: 1 }, channel: "chat" },
    { metric: "nextResponse", within: { hours: 8 }, hours: "business" },
    { metric: "resolution", within: { days: 1 }, priority: "urgent" },
    { metric: "resolution", within: { hours: 16 }, priority: "normal", hours: "business" },
  ],
} as const;
const LOS_ANGELES: Config = {
  name: "business hours: a schedule in America/Los_Angeles (DST 2026-03-08, a holiday)",
  report: { asOf: new Date("2026-03-25T00:00:00Z"), timeZone: "America/Los_Angeles", bucket: "day", schedule, slaPolicy: BUSINESS_SLA },
  sql: { asOf: new Date("2026-03-25T00:00:00Z"), timeZone: "America/Los_Angeles", businessHours: true, slaPolicy: BUSINESS_SLA },
};
/** The schedule table covers every instant the arbitraries make (six weeks from 2026-03-01, delays of days). */
const SCHEDULE_ROWS = scheduleIntervalRows(schedule, { from: new Date("2026-02-20T00:00:00Z"), to: new Date("2026-05-01T00:00:00Z") });

/** Only the required fields: every optional column NULL. */
const bare = (t: Ticket): Ticket => ({ id: t.id, createdAt: t.createdAt, status: t.status });

/**
 * Dense conversations (the ticket arbitrary's messages are few): mostly public customer and agent
 * messages on a 10-minute grid around the creation, so runs of customer messages, several turns
 * and equal instants (ordered by `seq`) are common.
 */
const conversation = fc.array(
  fc.record({
    step: fc.integer({ min: -2, max: 24 }),
    author: fc.constantFrom("customer", "customer", "agent", "agent", "bot"),
    public: fc.constantFrom(true, true, true, false),
  }),
  { maxLength: 8 },
);

/**
 * Dense status histories with a solve (the ticket arbitrary's are few and rarely beside a solve): a
 * few changes on an hourly grid (equal instants ordered by `seq`, some after the solve), and the
 * ticket solved at a grid hour (or left as it is).
 */
const history = fc.record({
  changes: fc.array(fc.record({ step: fc.integer({ min: 0, max: 30 }), status: fc.constantFrom(...TICKET_STATUSES) }), { maxLength: 6 }),
  solvedStep: fc.option(fc.integer({ min: 0, max: 30 }), { freq: 4 }),
});

const data = fc.record({
  tickets: fc.uniqueArray(ticket, { selector: (t) => t.id, maxLength: 40, size: "max" }),
  allNull: fc.boolean(),
  responses: fc.array(response, { maxLength: 20 }),
  conversations: fc.option(fc.array(conversation, { maxLength: 40 }), { freq: 2 }),
  histories: fc.option(fc.array(history, { maxLength: 40 }), { freq: 2 }),
});

/** The tickets with the dense histories in place of their status histories, solved when the history says so. */
function withHistories(
  tickets: readonly Ticket[],
  histories: readonly (typeof history extends fc.Arbitrary<infer H> ? H : never)[],
): Ticket[] {
  return tickets.map((t, i) => {
    const h = histories[i];
    if (h === undefined) return t;
    const at = (step: number): Date => new Date(t.createdAt.getTime() + step * 3_600_000);
    const statusHistory = h.changes.map((c) => ({ at: at(c.step), status: c.status }));
    return h.solvedStep === null ? { ...t, statusHistory } : { ...t, statusHistory, status: "solved", solvedAt: at(h.solvedStep) };
  });
}

/** The tickets with the dense conversations in place of their messages (a ticket beyond the list keeps its own). */
function withConversations(
  tickets: readonly Ticket[],
  conversations: readonly (typeof conversation extends fc.Arbitrary<infer C> ? C : never)[],
): Ticket[] {
  return tickets.map((t, i) => {
    const list = conversations[i];
    if (list === undefined) return t;
    const messages = list.map((m) => ({ at: new Date(t.createdAt.getTime() + m.step * 600_000), author: m.author, public: m.public }));
    return { ...t, messages };
  });
}

const engines: Engine[] = [];

beforeAll(async () => {
  engines.push(await duckdb(), await postgres());
  for (const engine of engines) {
    await createSchema(engine);
    await load(engine, { schedule_intervals: SCHEDULE_ROWS });
  }
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
  for (const config of [BUCHAREST, NEW_YORK, LOS_ANGELES]) {
    it(
      config.name,
      async () => {
        await fc.assert(
          fc.asyncProperty(data, async ({ tickets, allNull, responses, conversations, histories }) => {
            const talked = conversations === null ? tickets : withConversations(tickets, conversations);
            const chatty = histories === null ? talked : withHistories(talked, histories);
            const problems = await check(config, allNull ? chatty.map(bare) : chatty, responses);
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

  it("counterexample: without a period a resolution after the last creation day is in no volume bucket", async () => {
    // Shrunk by fast-check (seed 42): created 2026-03-01 02:00 and solved 2026-03-02 00:00 in
    // Bucharest; the report's volume range is the creation days only (volumeRange).
    const t: Ticket[] = [
      { id: "0", createdAt: new Date("2026-03-01T00:00:00Z"), status: "closed", solvedAt: new Date("2026-03-01T22:00:00Z") },
    ];
    expect(await check(BUCHAREST, t, [])).toEqual([]);
    expect(expectedRows(report({ tickets: t }, BUCHAREST.report), [0.9]).volumeByDay).toEqual([
      { day: "2026-03-01", created: 1, resolved: 0 },
    ]);
  });

  it("types, a known answer: an empty type is (none), sorted by count then binary order, never a most common type", async () => {
    const at = new Date("2026-03-02T10:00:00Z");
    const t: Ticket[] = [
      { id: "1", createdAt: at, status: "open", type: "" },
      { id: "2", createdAt: at, status: "open" },
      { id: "3", createdAt: at, status: "open", type: "billing" },
      { id: "4", createdAt: at, status: "open", type: "billing" },
      { id: "5", createdAt: at, status: "open", type: "Billing" },
      { id: "6", createdAt: at, status: "open", type: "billing" },
      { id: "7", createdAt: at, status: "open", type: "Billing" },
      { id: "8", createdAt: at, status: "open", type: "question" },
    ];
    expect(await check(BUCHAREST, t, [])).toEqual([]);
    expect(expectedRows(report({ tickets: t }, BUCHAREST.report), [0.9]).typeShares).toEqual([
      { type: "billing", count: 3, share: 0.375, most_common: true },
      { type: "(none)", count: 2, share: 0.25, most_common: false },
      { type: "Billing", count: 2, share: 0.25, most_common: false },
      { type: "question", count: 1, share: 0.125, most_common: false },
    ]);
    // (none) tied with the most common known type is still not a most common type.
    const tie: Ticket[] = [t[0] as Ticket, t[7] as Ticket];
    expect(await check(BUCHAREST, tie, [])).toEqual([]);
    expect(report({ tickets: tie }, BUCHAREST.report).types.mostCommon).toEqual(["question"]);
  });

  it("requester wait, a known answer: on hold excluded, changes after the solve ignored, a change before the creation an anomaly", async () => {
    const at = (h: number): Date => new Date(Date.UTC(2026, 2, 2, h));
    const t: Ticket[] = [
      {
        id: "held",
        createdAt: at(0),
        status: "solved",
        solvedAt: at(10),
        statusHistory: [
          { at: at(1), status: "open" },
          { at: at(2), status: "on_hold" },
          { at: at(5), status: "open" },
          { at: at(10), status: "solved" },
          { at: at(12), status: "open" },
        ],
      },
      { id: "early", createdAt: at(3), status: "closed", solvedAt: at(9), statusHistory: [{ at: at(2), status: "open" }] },
      { id: "exported", createdAt: at(0), status: "solved", solvedAt: at(4), helpdesk: { requesterWait: 60_000 } },
    ];
    expect(await check(BUCHAREST, t, [])).toEqual([]);
    const wait = report({ tickets: t }, BUCHAREST.report).time.requesterWait;
    // 0–2 h waiting (new, then open), 2–5 h on hold, 5–10 h open: 7 h.
    expect([wait?.calendar?.min, wait?.calendar?.max, wait?.anomalies]).toEqual([60_000, 7 * 3_600_000, { statusBeforeCreated: 1 }]);
  });

  it("business time, a known answer: Monday 08:00 → 10:00 in Los Angeles is one open hour of two", async () => {
    // 2026-03-09 is the Monday after the DST change (UTC−7): 08:00 local = 15:00Z.
    const t: Ticket[] = [
      { id: "a", createdAt: new Date("2026-03-09T15:00:00Z"), status: "open", firstResponseAt: new Date("2026-03-09T17:00:00Z") },
    ];
    expect(await check(LOS_ANGELES, t, [])).toEqual([]);
    const engine = engines[1] as Engine;
    const [row] = await engine.rows(metricSql("firstResponseTime", { ...LOS_ANGELES.sql, dialect: engine.dialect }));
    expect([row?.["median"], row?.["business_median"]]).toEqual([7_200_000, 3_600_000]);
    // Without the schedule's rows the business figure is 0: the table is what is read.
    await load(engine, { schedule_intervals: [] });
    const [empty] = await engine.rows(metricSql("firstResponseTime", { ...LOS_ANGELES.sql, dialect: engine.dialect }));
    await load(engine, { schedule_intervals: SCHEDULE_ROWS });
    expect(empty?.["business_median"]).toBe(0);
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
