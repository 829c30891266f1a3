/**
 * The tickets table holds the numbers the report aggregates: on random tickets, under every
 * option set of the report tests, aggregating a column of `ticketRows` (count, exact sum, mean,
 * R-7 median, counts of each skip reason) gives the report's figure.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { exactSumOf } from "../../src/_lib/exactSum.ts";
import { report, ticketRows, type ReportOptions, type TicketRow, type TicketRowDuration } from "../../src/report/index.ts";
import type { DurationMetricJson } from "../../src/report/types.ts";
import { ticket } from "./arbitraries.ts";
import { FULL, HOURLY, PLAIN } from "./configs.ts";

const config = fc.constantFrom(FULL, PLAIN, HOURLY);

/** The R-7 median of `values`, by the textbook formula (a reference independent of src/). */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * 0.5;
  const lo = Math.floor(h);
  const a = s[lo] as number;
  const b = s[Math.min(lo + 1, s.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/** The non-null numbers of column `key`. */
function column(rows: readonly TicketRow[], key: keyof TicketRow): number[] {
  return rows.map((r) => r[key]).filter((v): v is number => typeof v === "number");
}

/** Counts of each non-null value of column `key`. */
function tally(rows: readonly TicketRow[], key: keyof TicketRow): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const v = r[key];
    if (typeof v === "string") out[v] = (out[v] ?? 0) + 1;
  }
  return out;
}

/** Drops zero counts (the report lists every reason, zero or not). */
const nonZero = (counts: Readonly<Record<string, number>> | undefined): Record<string, number> =>
  Object.fromEntries(Object.entries(counts ?? {}).filter(([, n]) => n > 0));

function expectSummary(values: readonly number[], s: DurationMetricJson["calendar"] | undefined): void {
  if (values.length === 0) {
    expect(s ?? null).toBeNull();
    return;
  }
  expect(s?.count).toBe(values.length);
  expect(s?.total).toBe(exactSumOf(values));
  expect(s?.mean).toBeCloseTo(exactSumOf(values) / values.length, 6);
  expect(s?.median).toBe(median(values));
}

const DURATIONS: readonly [TicketRowDuration, "firstResponse" | "resolutionFirst" | "resolutionFinal" | "assignment" | "requesterWait"][] =
  [
    ["first_response", "firstResponse"],
    ["resolution_first", "resolutionFirst"],
    ["resolution", "resolutionFinal"],
    ["assignment", "assignment"],
    ["requester_wait", "requesterWait"],
  ];

describe("ticketRows against report", () => {
  test.prop([config, fc.array(ticket, { maxLength: 60 })], { numRuns: 60 })(
    "each column aggregates to the report's figure",
    (options: ReportOptions, tickets) => {
      const r = report({ tickets }, options);
      const rows = ticketRows(tickets, options);
      expect(rows.length).toBe(r.input.ticketsInScope);
      const business = options.schedule !== undefined;
      for (const [prefix, name] of DURATIONS) {
        const m = r.time[name];
        expectSummary(column(rows, `${prefix}_ms`), m?.calendar ?? undefined);
        if (business) expectSummary(column(rows, `${prefix}_business_ms`), m?.business ?? undefined);
        else expect(column(rows, `${prefix}_business_ms`)).toEqual([]);
        expect(tally(rows, `${prefix}_skip`)).toEqual(nonZero(r.skipped[name]));
        expect(tally(rows, `${prefix}_source`)).toEqual(nonZero(m?.sources));
      }
      // Response turns: the answered turns are the values of time.responses.
      expect(exactSumOf(column(rows, "response_turns"))).toBe(r.time.responses?.calendar?.count ?? 0);
      expect(tally(rows, "responses_skip")).toEqual(nonZero(r.skipped.responses));
      // Replies to resolve and one-touch.
      const replies = column(rows, "replies_to_resolve");
      expect(replies.length).toBe(r.time.repliesToResolve?.count ?? 0);
      if (replies.length > 0) expect(r.time.repliesToResolve?.median).toBe(median(replies));
      expect(replies.filter((n) => n === 1).length).toBe(r.time.oneTouch?.oneTouch);
      expect(tally(rows, "replies_skip")).toEqual(nonZero(r.skipped.repliesToResolve));
      // Reopen rate: rows without a reopen_skip are its denominator.
      const solved = rows.filter((row) => row.reopen_skip === null);
      expect(solved.length).toBe(r.reopens?.solved);
      expect(solved.filter((row) => (row.reopens ?? 0) > 0).length).toBe(r.reopens?.reopened);
      expect(tally(rows, "reopen_skip")).toEqual(nonZero(r.reopens?.skipped));
      // SLA: the checks per metric and status, and the skips.
      if (options.slaPolicy === undefined) expect(r.sla).toBeNull();
      else {
        for (const [prefix, metric] of [
          ["sla_first_response", "firstResponse"],
          ["sla_next_response", "nextResponse"],
          ["sla_resolution", "resolution"],
        ] as const) {
          const t = r.sla?.byMetric[metric];
          expect(exactSumOf(column(rows, `${prefix}_achieved`))).toBe(t?.achieved);
          expect(exactSumOf(column(rows, `${prefix}_breached`))).toBe(t?.breached);
          expect(exactSumOf(column(rows, `${prefix}_running`))).toBe(t?.running);
        }
        const skips: Record<string, number> = {};
        for (const prefix of ["sla_first_response", "sla_next_response", "sla_resolution"] as const) {
          for (const [reason, n] of Object.entries(tally(rows, `${prefix}_skip`))) skips[reason] = (skips[reason] ?? 0) + n;
        }
        // notCreated is counted once per ticket by the report, once per metric here.
        if (skips.notCreated !== undefined) skips.notCreated /= 3;
        const reported = { ...nonZero(r.sla?.skipped), ...nonZero(r.sla?.anomalies) };
        expect(skips).toEqual(reported);
      }
    },
  );
});
