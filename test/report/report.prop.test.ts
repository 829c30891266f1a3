import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { SurveyResponse, Ticket } from "../../src/models/index.ts";
import {
  report,
  reportAccumulator,
  type DurationMetricJson,
  type MetricSetJson,
  type Report,
  type ReportOptions,
} from "../../src/report/index.ts";
import { response, ticket } from "./arbitraries.ts";
import { FULL, HOURLY, PLAIN } from "./configs.ts";

const config = fc.constantFrom<[string, ReportOptions]>(["full", FULL], ["plain", PLAIN], ["hourly", HOURLY]);
const tickets = fc.array(ticket, { maxLength: 40 });
const responses = fc.array(response, { maxLength: 15 });
const params = { numRuns: 40 };

function fold(options: ReportOptions, ts: readonly Ticket[], rs: readonly SurveyResponse[]): Report {
  return report({ tickets: ts, responses: rs }, options);
}

describe("report: accumulator properties", () => {
  test.prop([config, tickets, responses, fc.nat(), fc.nat()], params)(
    "split anywhere, fold each part, merge: exactly the report of the whole",
    ([, options], ts, rs, i, j) => {
      const acc = reportAccumulator(options);
      const a = acc.create();
      const b = acc.create();
      const cut = ts.length === 0 ? 0 : i % (ts.length + 1);
      const cutR = rs.length === 0 ? 0 : j % (rs.length + 1);
      ts.forEach((t, k) => acc.add(k < cut ? a : b, t));
      rs.forEach((r, k) => acc.addResponse(k < cutR ? a : b, r));
      // Exact equality, sums included: durations are whole milliseconds (exact in doubles),
      // and summaries sort before summing, so no tolerance is needed.
      expect(acc.result(acc.merge(a, b))).toEqual(fold(options, ts, rs));
    },
  );

  test.prop([config, fc.array(fc.tuple(ticket, fc.double({ noNaN: true })), { maxLength: 40 }), responses], params)(
    "results do not depend on input order",
    ([, options], keyed, rs) => {
      const ts = keyed.map(([t]) => t);
      const shuffled = [...keyed].sort((x, y) => x[1] - y[1]).map(([t]) => t);
      expect(fold(options, shuffled, [...rs].reverse())).toEqual(fold(options, ts, rs));
    },
  );

  test.prop([config, tickets, responses], params)("the report is JSON round-trippable, with no NaN or Infinity", ([, options], ts, rs) => {
    const r = fold(options, ts, rs);
    const text = JSON.stringify(r);
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    expect(JSON.parse(text)).toEqual(r);
  });

  test.prop([config, tickets], params)("result does not change the state; folding more after a result still works", ([, options], ts) => {
    const acc = reportAccumulator(options);
    const s = acc.create();
    ts.forEach((t, k) => {
      acc.add(s, t);
      if (k === 2) acc.result(s);
    });
    expect(acc.result(s)).toEqual(fold(options, ts, []));
  });
});

/** Sums of the counts and duration sums of a metric set. */
function sums(m: MetricSetJson): Record<string, number> {
  const out: Record<string, number> = {
    tickets: m.tickets,
    received: m.counts.resolutionRate.received,
    resolved: m.counts.resolutionRate.resolved,
    unresolved: m.counts.resolutionRate.unresolved,
    backlogResolved: m.counts.backlog.resolved,
    backlogUnresolved: m.counts.backlog.unresolved,
    oneTouch: m.time.oneTouch.oneTouch,
    oneTouchResolved: m.time.oneTouch.resolved,
    replies: m.time.repliesToResolve?.total ?? 0,
  };
  const durations: Record<string, DurationMetricJson> = {
    firstResponse: m.time.firstResponse,
    responses: m.time.responses,
    resolutionFirst: m.time.resolutionFirst,
    resolutionFinal: m.time.resolutionFinal,
    assignment: m.time.assignment,
    requesterWait: m.time.requesterWait,
  };
  for (const [name, d] of Object.entries(durations)) {
    out[`${name}.count`] = d.calendar?.count ?? 0;
    out[`${name}.total`] = d.calendar?.total ?? 0;
    out[`${name}.business`] = d.business?.total ?? 0;
    for (const [reason, n] of Object.entries(d.skipped)) out[`${name}.skipped.${reason}`] = n;
  }
  for (const [k, v] of Object.entries(m.counts.statuses)) out[`status.${k}`] = v;
  if (m.sla !== null) {
    out.achieved = m.sla.achieved;
    out.breached = m.sla.breached;
    out.running = m.sla.running;
  }
  return out;
}

function add(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

describe("report: segment properties", () => {
  test.prop([config, tickets, responses], params)(
    "segment counts sum to the total; segmenting then merging equals not segmenting (counts and sums)",
    ([, options], ts, rs) => {
      const r = fold(options, ts, rs);
      for (const seg of r.segments) {
        const total = seg.segments.reduce((acc, s) => acc + s.tickets, 0);
        if (seg.overlapping) {
          expect(total).toBeGreaterThanOrEqual(r.tickets);
          continue;
        }
        expect(total).toBe(r.tickets);
        const merged = seg.segments.reduce<Record<string, number>>((acc, s) => add(acc, sums(s)), {});
        // Segments that hold only survey responses add zeros.
        const whole = sums(r);
        for (const [k, v] of Object.entries(whole)) expect(merged[k] ?? 0, k).toBe(v);
        if (seg.surveySegmented) {
          expect(seg.segments.reduce((acc, s) => acc + (s.survey?.responses ?? 0), 0)).toBe(r.input.responsesInScope);
        }
      }
      // Leaderboard tickets plus unassigned = tickets in scope.
      expect(r.leaderboard.rows.reduce((acc, row) => acc + row.tickets, 0) + r.leaderboard.unassignedTickets).toBe(r.tickets);
    },
  );

  test.prop([config, tickets], params)(
    "volume bucket counts sum to the totals; backlog(end) − backlog(start) = created − resolved",
    ([, options], ts) => {
      const v = fold(options, ts, []).volume;
      fc.pre(v !== null);
      let backlog = v.backlogAtStart;
      let created = 0;
      for (const b of v.buckets) {
        created += b.created;
        expect(b.backlog - backlog).toBe(b.created - b.resolved);
        backlog = b.backlog;
      }
      expect(created).toBe(v.totals.created);
    },
  );
});
