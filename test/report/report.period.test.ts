/**
 * The `period` segment dimension: a ticket's segment is the calendar bucket (the report's
 * `bucket`, in its `timeZone`) it was created in, labelled as the volume buckets are; periods are
 * listed in time order. Known answers on hand-made tickets across a DST change, and properties on
 * random tickets: each period segment is exactly the metric functions over the tickets created
 * in that bucket.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { bucketLabel } from "../../src/_lib/bucket.ts";
import { firstResponseTimes, summarizeDurations } from "../../src/metrics/time/index.ts";
import type { SurveyResponse, Ticket } from "../../src/models/index.ts";
import { report, type ReportOptions } from "../../src/report/index.ts";
import { ticket } from "./arbitraries.ts";
import { FULL, HOURLY, PLAIN } from "./configs.ts";

const HOUR = 3_600_000;
const at = (iso: string): Date => new Date(iso);

function t(id: string, created: string, firstReplyHours?: number): Ticket {
  const createdAt = at(created);
  return {
    id,
    status: "open",
    createdAt,
    ...(firstReplyHours === undefined ? {} : { firstResponseAt: new Date(createdAt.getTime() + firstReplyHours * HOUR) }),
  };
}

describe("segments by period", () => {
  // Europe/Bucharest moves from UTC+2 to UTC+3 on 2026-03-29 at 03:00 local (01:00 UTC).
  const tickets = [
    t("1", "2026-03-27T21:59:00Z", 1), // 23:59 local, 27 March
    t("2", "2026-03-27T22:00:00Z", 3), // 00:00 local, 28 March
    t("3", "2026-03-28T23:30:00Z", 2), // 01:30 local (UTC+2), 29 March
    t("4", "2026-03-29T20:59:00Z"), //    23:59 local (UTC+3), 29 March, not answered
    t("5", "2026-03-28T10:00:00Z", 5),
  ];
  const options: ReportOptions = { asOf: at("2026-04-01T00:00:00Z"), timeZone: "Europe/Bucharest", segments: ["period"] };

  it("puts each ticket in its local day, in time order, with its own figures", () => {
    const [byDay] = report({ tickets }, options).segments;
    expect(byDay?.dimensions).toEqual(["period"]);
    expect(byDay?.segments.map((s) => [s.key[0], s.tickets, s.time.firstResponse?.calendar?.median ?? null])).toEqual([
      ["2026-03-27", 1, 1 * HOUR],
      ["2026-03-28", 2, 4 * HOUR], // 3 h and 5 h
      ["2026-03-29", 2, 2 * HOUR], // ticket 4 is unanswered
    ]);
  });

  it("uses the report's bucket: weeks are ISO weeks in the time zone", () => {
    const [byWeek] = report({ tickets }, { ...options, bucket: "week" }).segments;
    expect(byWeek?.segments.map((s) => [s.key[0], s.tickets])).toEqual([["2026-W13", 5]]);
  });

  it("lists periods in time order even when a later one has more tickets, and crosses with channel", () => {
    const many = [...tickets, t("6", "2026-03-29T08:00:00Z", 1), t("7", "2026-03-29T09:00:00Z", 1)];
    const r = report(
      { tickets: many.map((x, i) => ({ ...x, channel: i % 2 === 0 ? "email" : "chat" })) },
      {
        ...options,
        segments: ["period", ["period", "channel"]],
      },
    );
    expect(r.segments[0]?.segments.map((s) => s.key[0])).toEqual(["2026-03-27", "2026-03-28", "2026-03-29"]);
    expect(r.segments[1]?.segments.map((s) => s.key)).toEqual([
      ["2026-03-27", "email"],
      ["2026-03-28", "chat"],
      ["2026-03-28", "email"],
      ["2026-03-29", "chat"],
      ["2026-03-29", "email"],
    ]);
  });

  it("places a response without a ticket id by the bucket of its answeredAt", () => {
    const responses: SurveyResponse[] = [
      { kind: "csat", score: 5, scale: { min: 1, max: 5 }, answeredAt: at("2026-03-28T12:00:00Z") },
      { kind: "csat", score: 1, scale: { min: 1, max: 5 }, answeredAt: at("2026-03-28T12:30:00Z") },
    ];
    const [byDay] = report({ tickets, responses }, options).segments;
    const day = byDay?.segments.find((s) => s.key[0] === "2026-03-28");
    expect(day?.survey?.csat?.total).toBe(2);
    expect(day?.survey?.csat?.satisfied).toBe(1);
  });

  test.prop([fc.constantFrom(FULL, PLAIN, HOURLY), fc.array(ticket, { maxLength: 40 })], { numRuns: 40 })(
    "each period segment equals the metric functions over the tickets created in that bucket",
    (config, ts) => {
      const options = { ...config, segments: ["period" as const] };
      const r = report({ tickets: ts }, options);
      const p = options.period;
      const inScope = ts.filter(
        (x) => !Number.isNaN(x.createdAt.getTime()) && (p === undefined || (x.createdAt >= p.from && x.createdAt < p.to)),
      );
      const label = (x: Ticket): string => bucketLabel(x.createdAt, options.bucket ?? "day", options.timeZone);
      const labels = [...new Set(inScope.map(label))].sort();
      const segments = r.segments[0]?.segments ?? [];
      expect(segments.map((s) => s.key[0])).toEqual(labels);
      for (const s of segments) {
        const mine = inScope.filter((x) => label(x) === s.key[0]);
        expect(s.tickets).toBe(mine.length);
        const values = firstResponseTimes(mine).values;
        expect(s.time.firstResponse?.calendar?.median ?? null).toBe(summarizeDurations(values)?.median ?? null);
      }
    },
  );
});
