// toRows: known answers on a small hand-built report (figures worked out by hand below), the
// column order, the JSON round trip, a metric selection, and one test per error.
import { describe, expect, test } from "vitest";
import type { Cohort, Ticket } from "../../src/models/index.ts";
import { REPORT_TABLES, REPORT_TABLE_COLUMNS, report, toRows, type ReportTable } from "../../src/report/index.ts";
import { codeOf } from "../_support/errors.ts";

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (iso: string): Date => new Date(iso);

// Monday 5 and Tuesday 6 January 2026, UTC.
const TICKETS: Ticket[] = [
  // email: first response 30 min, solved after 2 h with one reply (one-touch).
  {
    id: "1",
    createdAt: at("2026-01-05T09:00:00Z"),
    status: "solved",
    channel: "email",
    firstResponseAt: at("2026-01-05T09:30:00Z"),
    solvedAt: at("2026-01-05T11:00:00Z"),
    replies: 1,
  },
  // chat: open, never answered.
  { id: "2", createdAt: at("2026-01-05T10:00:00Z"), status: "open", channel: "chat" },
  // email: first response 1 h, solved after 4 h with two replies.
  {
    id: "3",
    createdAt: at("2026-01-06T09:15:00Z"),
    status: "solved",
    channel: "email",
    firstResponseAt: at("2026-01-06T10:15:00Z"),
    solvedAt: at("2026-01-06T13:15:00Z"),
    replies: 2,
  },
];
const COHORTS: Cohort[] = [
  { label: "2025-11", start: at("2025-11-01T00:00:00Z"), size: 10, active: [8, 5] },
  { label: "empty", start: at("2025-12-01T00:00:00Z"), size: 0, active: [0] },
  { label: "2026-01", start: at("2026-01-01T00:00:00Z"), size: 4, active: [] },
];
const OPTIONS = { asOf: at("2026-01-10T00:00:00Z"), timeZone: "UTC", segments: ["channel" as const] };
const R = report({ tickets: TICKETS, cohorts: COHORTS }, OPTIONS);

describe("toRows: known answers (three hand-built tickets, two days, UTC)", () => {
  test("segments: one row per segment, most tickets first; medians, R-7 p90 and shares by hand", () => {
    expect(toRows(R, "segments")).toEqual([
      {
        dimension: "channel",
        segment: "email",
        tickets: 2,
        resolution_rate: 1,
        // Both email tickets are solved: nothing unresolved is older than the threshold.
        backlog: 0,
        // Median of 30 and 60 min; R-7 p90 = 30 + 0.9 × (60 − 30) = 57 min.
        first_response_median_ms: 45 * MIN,
        first_response_p90_ms: 57 * MIN,
        first_response_business_median_ms: null,
        // Median of 2 h and 4 h.
        resolution_median_ms: 3 * HOUR,
        resolution_business_median_ms: null,
        // Kaplan–Meier with nothing open: S is exactly 0.5 from 2 h to 4 h, R's survfit median is the midpoint.
        resolution_km_median_ms: 3 * HOUR,
        resolution_km_censored: 0,
        // One of the two resolved tickets had exactly one reply.
        one_touch_share: 0.5,
        sla_compliance: null,
        csat: null,
        nps: null,
        // No status history: no time in status.
        agent_work_median_ms: null,
        agent_wait_median_ms: null,
        on_hold_median_ms: null,
      },
      {
        dimension: "channel",
        segment: "chat",
        tickets: 1,
        resolution_rate: 0,
        // No resolution time in the segment: no threshold, no backlog count.
        backlog: null,
        first_response_median_ms: null,
        first_response_p90_ms: null,
        first_response_business_median_ms: null,
        resolution_median_ms: null,
        resolution_business_median_ms: null,
        // The one chat ticket is still open at asOf: censored, so the KM median is not reached.
        resolution_km_median_ms: null,
        resolution_km_censored: 1,
        one_touch_share: null,
        sla_compliance: null,
        csat: null,
        nps: null,
        // No status history: no time in status.
        agent_work_median_ms: null,
        agent_wait_median_ms: null,
        on_hold_median_ms: null,
      },
    ]);
  });

  test("a cross segmentation joins dimensions and key parts with +", () => {
    const r = report({ tickets: TICKETS }, { ...OPTIONS, segments: [["channel", "priority"]] });
    expect(toRows(r, "segments").map((row) => [row.dimension, row.segment, row.tickets])).toEqual([
      ["channel+priority", "email+(none)", 2],
      ["channel+priority", "chat+(none)", 1],
    ]);
  });

  test("buckets: one per day, ISO instants, counts by hand", () => {
    expect(toRows(R, "buckets")).toEqual([
      // Created 1 and 2; 1 solved at 11:00; both open at some time; 2 still open at midnight.
      {
        bucket: "2026-01-05",
        start: "2026-01-05T00:00:00.000Z",
        end: "2026-01-06T00:00:00.000Z",
        created: 2,
        resolved: 1,
        messages_in: 0,
        messages_out: 0,
        active: 2,
        backlog: 1,
      },
      // Created 3 and solved it; 2 and 3 open at some time; 2 still open.
      {
        bucket: "2026-01-06",
        start: "2026-01-06T00:00:00.000Z",
        end: "2026-01-07T00:00:00.000Z",
        created: 1,
        resolved: 1,
        messages_in: 0,
        messages_out: 0,
        active: 2,
        backlog: 1,
      },
    ]);
  });

  test("heatmap: 168 slots Monday 00 first; a slot that never occurred has a null average", () => {
    const rows = toRows(R, "heatmap");
    expect(rows).toHaveLength(168);
    expect(rows[0]).toEqual({ weekday: "mon", hour: 0, tickets: 0, occurrences: 1, average: 0 });
    expect(rows[9]).toEqual({ weekday: "mon", hour: 9, tickets: 1, occurrences: 1, average: 1 });
    expect(rows[10]).toEqual({ weekday: "mon", hour: 10, tickets: 1, occurrences: 1, average: 1 });
    expect(rows[24 + 9]).toEqual({ weekday: "tue", hour: 9, tickets: 1, occurrences: 1, average: 1 });
    // Wednesday to Sunday are outside the two-day range.
    expect(rows[2 * 24 + 5]).toEqual({ weekday: "wed", hour: 5, tickets: 0, occurrences: 0, average: null });
    expect(rows.reduce((n, row) => n + row.tickets, 0)).toBe(3);
  });

  test("cohorts: one row per cohort and period; size 0 has a null retention; no period observed, no row", () => {
    expect(toRows(R, "cohorts")).toEqual([
      { cohort: "2025-11", start: "2025-11-01T00:00:00.000Z", size: 10, period: 1, active: 8, retention: 0.8 },
      { cohort: "2025-11", start: "2025-11-01T00:00:00.000Z", size: 10, period: 2, active: 5, retention: 0.5 },
      { cohort: "empty", start: "2025-12-01T00:00:00.000Z", size: 0, period: 1, active: 0, retention: null },
    ]);
  });

  test("tables the report has nothing for are empty", () => {
    const empty = report({ tickets: [] }, { asOf: OPTIONS.asOf, timeZone: "UTC" });
    for (const table of REPORT_TABLES) expect(toRows(empty, table)).toEqual([]);
  });
});

describe("toRows: the TSDoc example", () => {
  test("gives the values its comments state", () => {
    const r = report(
      {
        tickets: [
          {
            id: "1",
            createdAt: at("2026-01-05T09:00:00Z"),
            status: "solved",
            channel: "email",
            firstResponseAt: at("2026-01-05T09:30:00Z"),
            solvedAt: at("2026-01-05T11:00:00Z"),
            replies: 1,
          },
          { id: "2", createdAt: at("2026-01-05T10:00:00Z"), status: "open", channel: "chat" },
        ],
      },
      { asOf: at("2026-01-06T00:00:00Z"), timeZone: "UTC", segments: ["channel"] },
    );
    const rows = toRows(r, "segments");
    expect(rows.map((row) => row.segment)).toEqual(["chat", "email"]);
    expect(rows[1]?.first_response_median_ms).toBe(1800000);
    expect(rows[0]?.first_response_median_ms).toBeNull();
    expect(toRows(r, "buckets")[0]?.start).toBe("2026-01-05T00:00:00.000Z");
    expect(toRows(r, "heatmap").length).toBe(168);
    expect(toRows(r, "cohorts")).toEqual([]);
    expect(REPORT_TABLES).toEqual(["segments", "buckets", "heatmap", "cohorts", "responders"]);
    expect(REPORT_TABLE_COLUMNS.heatmap).toEqual(["weekday", "hour", "tickets", "occurrences", "average"]);
  });
});

describe("toRows: shape", () => {
  test("every row's keys are the table's columns, in order", () => {
    const cases: [ReportTable, number][] = [
      ["segments", 2],
      ["buckets", 2],
      ["heatmap", 168],
      ["cohorts", 3],
    ];
    for (const [table, n] of cases) {
      const rows = toRows(R, table);
      expect(rows).toHaveLength(n);
      for (const row of rows) expect(Object.keys(row)).toEqual(REPORT_TABLE_COLUMNS[table]);
    }
  });

  test("the report parsed back from JSON gives the same rows; the report is not changed", () => {
    const before = JSON.stringify(R);
    const parsed = JSON.parse(before) as typeof R;
    for (const table of REPORT_TABLES) expect(toRows(parsed, table)).toEqual(toRows(R, table));
    expect(JSON.stringify(R)).toBe(before);
  });

  test("a hand-edited report: NaN, infinities and missing values become null, -0 becomes 0", () => {
    const edited = structuredClone(R) as unknown as {
      segments: {
        segments: { counts: { backlog: unknown; resolutionRate: { value: number } }; time: { oneTouch: { share: number } } }[];
      }[];
      peaks: { cells: { average: number | undefined }[][] };
    };
    const email = edited.segments[0]?.segments[0];
    if (email === undefined) throw new Error("no email segment");
    email.counts.resolutionRate.value = Number.NaN;
    email.counts.backlog = undefined;
    email.time.oneTouch.share = -0;
    const slot = edited.peaks.cells[0]?.[0];
    if (slot === undefined) throw new Error("no slot");
    slot.average = Number.POSITIVE_INFINITY;
    const [row] = toRows(edited as unknown as typeof R, "segments");
    expect([row?.resolution_rate, row?.backlog, Object.is(row?.one_touch_share, 0)]).toEqual([null, null, true]);
    expect(toRows(edited as unknown as typeof R, "heatmap")[0]?.average).toBeNull();
  });

  test("a metric selection: the columns of metrics not selected are null", () => {
    const selected = report({ tickets: TICKETS }, { ...OPTIONS, metrics: ["firstResponse"] });
    const [email] = toRows(selected, "segments");
    expect(email).toMatchObject({ segment: "email", tickets: 2, first_response_median_ms: 45 * MIN, first_response_p90_ms: 57 * MIN });
    expect(email).toMatchObject({ resolution_rate: null, backlog: null, resolution_median_ms: null, one_touch_share: null });
    expect(toRows(selected, "buckets")).toEqual([]);
  });

  test("with a schedule, the business-hours columns are filled", () => {
    const day = [["09:00", "17:00"]] as const;
    const schedule = { timeZone: "UTC", weekly: { mon: day, tue: day, wed: day, thu: day, fri: day } };
    const [email] = toRows(report({ tickets: TICKETS }, { ...OPTIONS, schedule }), "segments");
    // Every reply and solve falls inside 09:00–17:00 on a weekday: business time = calendar time.
    expect(email).toMatchObject({ first_response_business_median_ms: 45 * MIN, resolution_business_median_ms: 3 * HOUR });
  });
});

describe("toRows: errors", () => {
  test("E_OPTION_VALUE: a table that is not one of REPORT_TABLES names the argument and the value", () => {
    expect(codeOf(() => toRows(R, "agents" as ReportTable))).toBe(
      'E_OPTION_VALUE toRows: table must be one of segments, buckets, heatmap, cohorts, responders, got "agents"',
    );
    expect(codeOf(() => toRows(R, "tickets" as ReportTable))).toBe(
      'E_OPTION_VALUE toRows: table must be one of segments, buckets, heatmap, cohorts, responders, got "tickets" (a report holds aggregates only: there is no per-ticket table)',
    );
    expect(codeOf(() => toRows(R, undefined as unknown as ReportTable))).toBe(
      "E_OPTION_VALUE toRows: table must be one of segments, buckets, heatmap, cohorts, responders, got undefined",
    );
  });

  test("E_OPTION_VALUE: a report that is not a report object", () => {
    expect(codeOf(() => toRows(null as unknown as typeof R, "segments"))).toBe(
      "E_OPTION_VALUE toRows: report must be a report object, got null",
    );
    expect(codeOf(() => toRows({} as typeof R, "buckets"))).toBe(
      "E_OPTION_VALUE toRows: report must be a report object, got an object without segments",
    );
  });
});
