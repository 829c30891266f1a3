/**
 * A metric selection (`metrics`): on random tickets and responses, every selected section of a
 * selected report deep-equals the same section of the full report (period, every segment, the
 * comparison period), every unselected one is `null`, the comparison's changes are the full
 * report's changes of the selected metrics, and the skip counts are the full report's for the
 * metrics computed. Bad selections are refused naming the option; a state of another selection
 * is refused.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  REPORT_METRICS,
  report,
  reportAccumulator,
  type Report,
  type ReportMetricName,
  type SelectedReport,
  type SelectedReportOptions,
} from "../../src/report/index.ts";
import { FULL } from "./configs.ts";
import { response, ticket } from "./arbitraries.ts";
import { errorCodeOf } from "../_support/errors.ts";

/** Where each metric lives in a metric set. */
const PLACE: Readonly<Record<ReportMetricName, readonly string[] | undefined>> = {
  statuses: ["counts", "statuses"],
  resolutionRate: ["counts", "resolutionRate"],
  backlog: ["counts", "backlog"],
  channelMix: ["counts", "channelMix"],
  firstResponse: ["time", "firstResponse"],
  responses: ["time", "responses"],
  resolutionFirst: ["time", "resolutionFirst"],
  resolutionFinal: ["time", "resolutionFinal"],
  assignment: ["time", "assignment"],
  requesterWait: ["time", "requesterWait"],
  agentWork: ["time", "agentWork"],
  agentWait: ["time", "agentWait"],
  onHold: ["time", "onHold"],
  resolutionSurvival: ["time", "resolutionSurvival"],
  firstResponseSurvival: ["time", "firstResponseSurvival"],
  oneTouch: ["time", "oneTouch"],
  repliesToResolve: ["time", "repliesToResolve"],
  sla: ["sla"],
  reopens: ["reopens"],
  ratings: ["ratings"],
  survey: ["survey"],
  contacts: ["contacts"],
  responders: ["responders"],
  bots: ["bots"],
  // Report-level sections, not in a metric set.
  types: undefined,
  volume: undefined,
  leaderboard: undefined,
};

const get = (o: unknown, path: readonly string[]): unknown => path.reduce((v, k) => (v as Record<string, unknown>)[k], o);

function expectSet(selected: unknown, full: unknown, chosen: ReadonlySet<ReportMetricName>, where: string): void {
  expect(get(selected, ["tickets"]), `${where}.tickets`).toEqual(get(full, ["tickets"]));
  for (const name of REPORT_METRICS) {
    const path = PLACE[name];
    if (path === undefined) continue;
    const want = chosen.has(name) ? get(full, path) : null;
    expect(get(selected, path), `${where}.${path.join(".")}`).toEqual(want);
  }
}

const selection = fc
  .subarray([...REPORT_METRICS], { minLength: 1 })
  // FULL ranks the leaderboard by resolution median, which reads resolutionFinal.
  .map((ms) => (ms.includes("leaderboard") && !ms.includes("resolutionFinal") ? [...ms, "resolutionFinal" as const] : ms));

describe("report with metrics", () => {
  test.prop([fc.array(ticket, { maxLength: 50 }), fc.array(response, { maxLength: 15 }), selection], { numRuns: 60 })(
    "selected sections equal the full report's; the others are null",
    (tickets, responses, metrics) => {
      const full: Report = report({ tickets, responses }, FULL);
      const sel: SelectedReport = report({ tickets, responses }, { ...FULL, metrics });
      const chosen = new Set(metrics);
      expect(sel.parameters.metrics).toEqual(REPORT_METRICS.filter((m) => chosen.has(m)));
      expect(sel.input).toEqual(full.input);
      expectSet(sel, full, chosen, "period");
      expect(sel.types).toEqual(chosen.has("types") ? full.types : null);
      expect(sel.volume).toEqual(chosen.has("volume") ? full.volume : null);
      expect(sel.peaks).toEqual(chosen.has("volume") ? full.peaks : null);
      // A leaderboard row's columns of metrics not selected are null.
      const column = (m: ReportMetricName, v: number | null): number | null => (chosen.has(m) ? v : null);
      const board = full.leaderboard;
      expect(sel.leaderboard).toEqual(
        chosen.has("leaderboard")
          ? {
              ...board,
              priors: {
                csat: chosen.has("survey") ? board.priors.csat : null,
                oneTouchShare: chosen.has("oneTouch") ? board.priors.oneTouchShare : null,
              },
              rows: board.rows.map((r) => ({
                ...r,
                firstResponseMedian: column("firstResponse", r.firstResponseMedian),
                resolutionMedian: column("resolutionFinal", r.resolutionMedian),
                csat: column("survey", r.csat),
                oneTouchShare: column("oneTouch", r.oneTouchShare),
                replyTimeMedian: column("responses", r.replyTimeMedian),
                shrunk: {
                  csat: chosen.has("survey") ? r.shrunk.csat : null,
                  oneTouchShare: chosen.has("oneTouch") ? r.shrunk.oneTouchShare : null,
                },
              })),
            }
          : null,
      );
      // The leaderboard's own assignee segments are not a requested segmentation.
      expect(sel.segments.map((s) => s.dimensions)).toEqual(full.segments.map((s) => s.dimensions));
      sel.segments.forEach((s, i) => {
        const f = full.segments[i];
        expect(s.segments.map((x) => x.key)).toEqual(f?.segments.map((x) => x.key));
        s.segments.forEach((x, j) => expectSet(x, f?.segments[j], chosen, `segments[${String(i)}][${x.key.join("/")}]`));
      });
      expect(sel.comparison === null).toBe(full.comparison === null);
      if (sel.comparison !== null && full.comparison !== null) {
        expectSet(sel.comparison.previous, full.comparison.previous, chosen, "comparison.previous");
        const kept = new Set(sel.comparison.changes.map((c) => c.metric));
        expect(sel.comparison.changes).toEqual(full.comparison.changes.filter((c) => kept.has(c.metric)));
        for (const c of full.comparison.changes) {
          const section = c.metric.split(".").slice(0, c.metric.startsWith("counts.") || c.metric.startsWith("time.") ? 2 : 1);
          const owner = REPORT_METRICS.find((m) => PLACE[m]?.join(".") === section.join("."));
          if (owner !== undefined && chosen.has(owner)) expect(kept.has(c.metric), c.metric).toBe(true);
        }
      }
      for (const [scope, counts] of Object.entries(sel.skipped)) {
        for (const [metric, reasons] of Object.entries(counts))
          expect(reasons, `${scope}.${metric}`).toEqual(full.skipped[scope]?.[metric]);
      }
    },
  );

  it("computes the survey's CSAT fallback on ticket ratings without printing the ratings", () => {
    const tickets = [{ id: "1", createdAt: new Date("2026-03-10T17:00:00Z"), status: "solved", satisfaction: "good" }] as const;
    const sel = report({ tickets }, { ...FULL, metrics: ["survey"] });
    expect(sel.survey?.csatSource).toBe("ticketRatings");
    expect(sel.survey?.csat?.score).toBe(1);
    expect(sel.ratings).toBeNull();
  });

  it("refuses a bad selection naming the option and the value", () => {
    const bad = (metrics: unknown): unknown => errorCodeOf(() => report({ tickets: [] }, { ...FULL, metrics } as SelectedReportOptions));
    for (const m of [[], "sla", ["sla", "sla"], ["nps"], [1]]) expect(bad(m), JSON.stringify(m)).toBe("E_OPTION_VALUE");
    expect(() => report({ tickets: [] }, { ...FULL, metrics: ["nps"] } as unknown as SelectedReportOptions)).toThrow(/metrics\[0\].*"nps"/);
    expect(() => report({ tickets: [] }, { ...FULL, metrics: ["leaderboard"] })).toThrow(/leaderboard\.by.*"resolutionFinal"/);
  });

  it("refuses a state of another selection", () => {
    const a = reportAccumulator({ ...FULL, metrics: ["statuses"] });
    const b = reportAccumulator({ ...FULL, metrics: ["backlog"] });
    const full = reportAccumulator(FULL);
    const state = JSON.parse(JSON.stringify(a.toJSON(a.create()))) as unknown;
    expect(errorCodeOf(() => b.fromJSON(state))).toMatch(/^E_/);
    expect(errorCodeOf(() => full.fromJSON(state))).toMatch(/^E_/);
    expect(() => a.fromJSON(state)).not.toThrow();
  });
});
