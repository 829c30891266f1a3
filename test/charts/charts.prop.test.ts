/**
 * Random reports (messy tickets and responses around a DST change, random cohorts, every
 * report configuration of the report tests) give schema-valid specs whose data hold no NaN, no
 * infinity and no undefined, and that vega renders; each chart's row count follows its section.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  firstResponseChart,
  peakHoursChart,
  resolutionTimeChart,
  retentionCurvesChart,
  retentionMatrixChart,
  slaComplianceChart,
  surveyScoresChart,
  volumeChart,
  type ChartSpec,
} from "../../src/charts/index.ts";
import type { Cohort } from "../../src/models/index.ts";
import { report, type Report, type ReportOptions } from "../../src/report/index.ts";
import { response, ticket } from "../report/arbitraries.ts";
import { FULL, HOURLY, PLAIN } from "../report/configs.ts";
import { badLeaves, renderSvg, schemaErrors } from "./_render.ts";

const config = fc.constantFrom<[string, ReportOptions]>(["full", FULL], ["plain", PLAIN], ["hourly", HOURLY]);
const cohort: fc.Arbitrary<Cohort> = fc
  .record({
    label: fc.string({ minLength: 1, maxLength: 8 }),
    month: fc.integer({ min: 0, max: 11 }),
    size: fc.nat({ max: 500 }),
    shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
  })
  .map(({ label, month, size, shares }) => ({
    label,
    start: new Date(Date.UTC(2025, month, 1)),
    size,
    active: shares.map((s) => Math.floor(s * size)),
  }));
const input = fc.record({
  options: config,
  tickets: fc.array(ticket, { maxLength: 40 }),
  responses: fc.array(response, { maxLength: 15 }),
  cohorts: fc.array(cohort, { maxLength: 5 }),
  unit: fc.constantFrom("hours" as const, "minutes" as const),
  clock: fc.constantFrom("calendar" as const, "business" as const),
});

/** Every chart of `r` that its sections allow. */
function charts(r: Report, unit: "hours" | "minutes", clock: "calendar" | "business"): ChartSpec[] {
  const out: ChartSpec[] = [];
  if (r.volume !== null) out.push(volumeChart(r));
  if (r.peaks !== null) out.push(peakHoursChart(r));
  out.push(firstResponseChart(r, { unit, clock }), resolutionTimeChart(r, { unit, clock }));
  out.push(surveyScoresChart(r), surveyScoresChart(r, { score: "csat" }));
  if (r.sla !== null)
    out.push(
      slaComplianceChart([{ period: "p", sla: r.sla }], { target: 0.8 }),
      slaComplianceChart([{ period: "p", sla: r.sla }], { byMetric: true }),
    );
  if (r.customers !== null) out.push(retentionMatrixChart(r), retentionCurvesChart(r));
  return out;
}

describe("charts of random reports", () => {
  test.prop([input], { numRuns: 40 })(
    "schema-valid, no NaN / infinity / undefined, one row per drawn item",
    ({ options: [, options], tickets, responses, cohorts, unit, clock }) => {
      const r = report({ tickets, responses, cohorts }, options);
      for (const spec of charts(r, unit, clock)) {
        expect(schemaErrors(spec)).toEqual([]);
        expect(badLeaves(spec)).toEqual([]);
      }
      if (r.volume !== null) expect(volumeChart(r).data.values).toHaveLength(3 * r.volume.buckets.length);
      if (r.customers !== null) {
        const cells = r.customers.rows.reduce((a, row) => a + row.fractions.filter((f) => f !== null).length, 0);
        expect(retentionMatrixChart(r).data.values).toHaveLength(cells);
      }
    },
  );

  // Rendering is slower (vega-lite compile and a vega dataflow per chart): fewer runs.
  test.prop([input], { numRuns: 8 })(
    "vega compiles and renders every one to SVG without NaN",
    async ({ options: [, options], tickets, responses, cohorts, unit, clock }) => {
      const r = report({ tickets, responses, cohorts }, options);
      for (const spec of charts(r, unit, clock)) {
        const { svg } = await renderSvg(spec);
        expect(svg).not.toContain("NaN");
      }
    },
  );
});
