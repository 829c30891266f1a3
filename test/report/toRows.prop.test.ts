// toRows on random tickets: the rows are the report's figures, one per segment, bucket, slot and
// cohort period, in the documented columns, with nothing but strings, finite numbers and null.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { Cohort } from "../../src/models/index.ts";
import { REPORT_METRICS, REPORT_TABLES, REPORT_TABLE_COLUMNS, report, toRows, type ReportOptions } from "../../src/report/index.ts";
import { BASE, response, ticket } from "./arbitraries.ts";
import { FULL, HOURLY, PLAIN } from "./configs.ts";

const config = fc.constantFrom<[string, ReportOptions]>(["full", FULL], ["plain", PLAIN], ["hourly", HOURLY]);
const tickets = fc.array(ticket, { maxLength: 40 });
const responses = fc.array(response, { maxLength: 15 });
const cohort: fc.Arbitrary<Cohort> = fc
  .record({
    label: fc.string({ maxLength: 6 }),
    days: fc.nat({ max: 60 }),
    size: fc.nat({ max: 50 }),
    shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }),
  })
  .map(({ label, days, size, shares }) => ({
    label,
    start: new Date(BASE - days * 86_400_000),
    size,
    active: shares.map((s) => Math.floor(s * size)),
  }));
const cohorts = fc.array(cohort, { maxLength: 4 });
const params = { numRuns: 40 };

/** Every value of every row: a string, a finite number or null. */
function plainValues(rows: readonly Record<string, unknown>[]): boolean {
  return rows.every((row) =>
    Object.values(row).every((v) => v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v))),
  );
}

describe("toRows: properties", () => {
  test.prop([config, tickets, responses, cohorts], params)(
    "the documented columns, in order, and no NaN, undefined or infinity anywhere",
    ([, options], ts, rs, cs) => {
      const r = report({ tickets: ts, responses: rs, cohorts: cs }, options);
      for (const table of REPORT_TABLES) {
        const rows = toRows(r, table);
        for (const row of rows) expect(Object.keys(row)).toEqual(REPORT_TABLE_COLUMNS[table]);
        expect(plainValues(rows)).toBe(true);
      }
    },
  );

  test.prop([config, tickets, responses], params)(
    "segments: one row per segment of the report, in its order, with the segment's own figures",
    ([, options], ts, rs) => {
      const r = report({ tickets: ts, responses: rs }, options);
      const rows = toRows(r, "segments");
      const segments = r.segments.flatMap((seg) => seg.segments.map((s) => ({ seg, s })));
      expect(rows).toHaveLength(segments.length);
      segments.forEach(({ seg, s }, i) => {
        const row = rows[i];
        expect(row?.dimension).toBe(seg.dimensions.join("+"));
        expect(row?.segment).toBe(s.key.join("+"));
        expect(row?.tickets).toBe(s.tickets);
        expect(row?.resolution_rate).toBe(s.counts.resolutionRate.value);
        expect(row?.backlog).toBe(s.counts.backlog.count);
        expect(row?.first_response_median_ms).toBe(s.time.firstResponse.calendar?.median ?? null);
        expect(row?.first_response_p90_ms).toBe(s.time.firstResponse.calendar?.p.find((q) => q.p === 0.9)?.value ?? null);
        expect(row?.first_response_business_median_ms).toBe(s.time.firstResponse.business?.median ?? null);
        expect(row?.resolution_median_ms).toBe(s.time.resolutionFinal.calendar?.median ?? null);
        expect(row?.resolution_business_median_ms).toBe(s.time.resolutionFinal.business?.median ?? null);
        expect(row?.resolution_km_median_ms).toBe(s.time.resolutionSurvival.calendar?.median.value ?? null);
        expect(row?.resolution_km_censored).toBe(s.time.resolutionSurvival.censored);
        expect(row?.one_touch_share).toBe(s.time.oneTouch.share);
        expect(row?.sla_compliance).toBe(s.sla?.compliance ?? null);
        expect(row?.csat).toBe(s.survey?.csat?.score ?? null);
        expect(row?.nps).toBe(s.survey?.nps?.score ?? null);
      });
      // Each segmentation's rows count its tickets as its segments do (more than the total when a ticket is in several).
      for (const seg of r.segments) {
        const dimension = seg.dimensions.join("+");
        const sum = rows.filter((row) => row.dimension === dimension).reduce((n, row) => n + row.tickets, 0);
        expect(sum).toBe(seg.segments.reduce((n, s) => n + s.tickets, 0));
        if (!seg.overlapping) expect(sum).toBe(r.tickets);
      }
    },
  );

  test.prop([config, tickets], params)(
    "buckets and heatmap: one row per bucket and slot; they add up to the report's totals",
    ([, options], ts) => {
      const r = report({ tickets: ts }, options);
      const buckets = toRows(r, "buckets");
      expect(buckets.map((b) => [b.bucket, b.start, b.end, b.active, b.backlog])).toEqual(
        (r.volume?.buckets ?? []).map((b) => [b.label, b.start, b.end, b.active, b.backlog]),
      );
      const sum = (key: "created" | "resolved" | "messages_in" | "messages_out"): number => buckets.reduce((n, b) => n + b[key], 0);
      if (r.volume !== null) {
        expect([sum("created"), sum("resolved"), sum("messages_in"), sum("messages_out")]).toEqual([
          r.volume.totals.created,
          r.volume.totals.resolved,
          r.volume.totals.messagesIn,
          r.volume.totals.messagesOut,
        ]);
      }
      const heatmap = toRows(r, "heatmap");
      expect(heatmap).toHaveLength(r.peaks === null ? 0 : 168);
      if (r.peaks !== null) {
        expect(heatmap.reduce((n, h) => n + h.tickets, 0)).toBe(r.peaks.total);
        for (const h of heatmap) expect(h.average).toBe(h.occurrences === 0 ? null : h.tickets / h.occurrences);
      }
    },
  );

  test.prop([cohorts], params)("cohorts: one row per cohort and period observed; retention = active / size", (cs) => {
    const r = report({ tickets: [], cohorts: cs }, { asOf: new Date(BASE), timeZone: "UTC" });
    const rows = toRows(r, "cohorts");
    expect(rows).toHaveLength(cs.reduce((n, c) => n + c.active.length, 0));
    expect(rows.map((row) => [row.cohort, row.period, row.active])).toEqual(cs.flatMap((c) => c.active.map((a, i) => [c.label, i + 1, a])));
    for (const row of rows) expect(row.retention).toBe(row.size === 0 ? null : row.active / row.size);
  });

  test.prop([config, tickets, fc.subarray([...REPORT_METRICS], { minLength: 1 })], params)(
    "a metric selection: the rows of the selected report, computed columns equal to the full report's",
    ([, withBoard], ts, metrics) => {
      // Without the configs' leaderboard ranking, which needs its own metric in the selection.
      const { leaderboard: _ranking, ...options } = withBoard;
      const full = report({ tickets: ts }, options);
      const selected = report({ tickets: ts }, { ...options, metrics });
      for (const table of REPORT_TABLES) {
        const rows = toRows(selected, table);
        expect(plainValues(rows)).toBe(true);
        const whole = toRows(full, table);
        // Every non-null figure of the selection is the full report's.
        rows.forEach((row, i) => {
          for (const [key, value] of Object.entries(row))
            if (value !== null) expect((whole[i] as Record<string, unknown>)[key]).toBe(value);
        });
      }
    },
  );
});
