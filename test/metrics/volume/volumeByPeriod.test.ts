import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { BucketUnit } from "../../../src/_lib/bucket.ts";
import type { Ticket } from "../../../src/models/ticket.ts";
import { volumeByPeriod } from "../../../src/metrics/volume/volumeByPeriod.ts";
import { needsRealData, realDataPath } from "../../_support/realData.ts";
import { errorCodeOf as code } from "../../_support/errors.ts";

const LA = "America/Los_Angeles";
const d = (iso: string): Date => new Date(iso);
const open = (id: string, createdAt: string): Ticket => ({ id, createdAt: d(createdAt), status: "open" });
const solved = (id: string, createdAt: string, solvedAt: string): Ticket => ({
  id,
  createdAt: d(createdAt),
  status: "solved",
  solvedAt: d(solvedAt),
});

describe("volumeByPeriod: hourly in America/Los_Angeles across DST (hand-built fixture)", () => {
  // 2026-03-08, spring forward: local 00:00 PST = 08:00Z, clocks jump from 02:00 PST to 03:00 PDT
  // at 10:00Z, the next local midnight is 07:00Z on 03-09. Buckets: 00, 01 (PST), 03 … 23 (PDT) = 23.
  const tickets: Ticket[] = [
    open("before", "2026-03-08T07:00:00Z"), // 23:00 PST on 03-07: in the backlog at the start
    solved("t1", "2026-03-08T09:30:00Z", "2026-03-08T10:15:00Z"), // 01:30 PST → bucket 1; solved 03:15 PDT → bucket 2
    open("t2", "2026-03-08T09:59:59Z"), // 01:59:59 PST → bucket 1
    open("t3", "2026-03-08T10:00:00Z"), // 03:00 PDT → bucket 2 (the first PDT hour)
    open("t4", "2026-03-08T10:30:00Z"), // 03:30 PDT → bucket 2
    open("t5", "2026-03-09T06:59:00Z"), // 23:59 PDT → bucket 22 (the last)
    open("after", "2026-03-09T07:00:00Z"), // 00:00 PDT on 03-09: after the range
  ];
  const result = volumeByPeriod(tickets, { from: d("2026-03-08T08:00:00Z"), to: d("2026-03-09T07:00:00Z"), unit: "hour", timeZone: LA });

  it("has 23 buckets labelled with their offsets", () => {
    expect(result.buckets).toHaveLength(23);
    expect(result.buckets[1]?.label).toBe("2026-03-08T01:00-08:00");
    expect(result.buckets[2]?.label).toBe("2026-03-08T03:00-07:00");
    expect(result.buckets[22]?.label).toBe("2026-03-08T23:00-07:00");
  });

  it("counts created, resolved, backlog and active per hour as computed by hand", () => {
    const created = Array<number>(23).fill(0);
    created[1] = 2; // t1, t2
    created[2] = 2; // t3, t4
    created[22] = 1; // t5
    expect(result.buckets.map((b) => b.created)).toEqual(created);
    const resolved = Array<number>(23).fill(0);
    resolved[2] = 1; // t1
    expect(result.buckets.map((b) => b.resolved)).toEqual(resolved);
    expect(result.backlogAtStart).toBe(1); // "before"
    // backlog: 1 in bucket 0, 1 + 2 = 3 after bucket 1, 3 + 2 − 1 = 4 from bucket 2 to 21, 5 at the end.
    const backlog = [1, 3, ...Array<number>(20).fill(4), 5];
    expect(result.buckets.map((b) => b.backlog)).toEqual(backlog);
    // active = backlog at the bucket's start + created in it: bucket 2 = 3 + 2 = 5 (t1 was open in it).
    expect(result.buckets.slice(0, 4).map((b) => b.active)).toEqual([1, 3, 5, 4]);
    expect(result.buckets[22]?.active).toBe(5);
    expect(result.totals).toEqual({ created: 5, resolved: 1, messagesIn: 0, messagesOut: 0 });
    expect(result.counted).toBe(6);
    expect(result.skipped.createdAfterRange).toBe(1);
  });

  it("has 25 hourly buckets on the 2026-11-01 fall-back day, the two 01:00 hours counted apart", () => {
    // Local 00:00 PDT = 07:00Z; 01:00 PDT = 08:00Z; 01:00 PST = 09:00Z; next midnight (PST) = 08:00Z on 11-02.
    const fall = volumeByPeriod(
      [
        open("a", "2026-11-01T08:30:00Z"), // 01:30 PDT → bucket 1
        open("b", "2026-11-01T09:30:00Z"), // 01:30 PST → bucket 2
        open("c", "2026-11-01T09:45:00Z"), // 01:45 PST → bucket 2
        open("e", "2026-11-01T10:00:00Z"), // 02:00 PST → bucket 3
      ],
      { from: d("2026-11-01T07:00:00Z"), to: d("2026-11-02T08:00:00Z"), unit: "hour", timeZone: LA },
    );
    expect(fall.buckets).toHaveLength(25);
    expect(fall.buckets.slice(0, 5).map((b) => [b.label, b.created])).toEqual([
      ["2026-11-01T00:00-07:00", 0],
      ["2026-11-01T01:00-07:00", 1],
      ["2026-11-01T01:00-08:00", 2],
      ["2026-11-01T02:00-08:00", 1],
      ["2026-11-01T03:00-08:00", 0],
    ]);
    // The same day as one day bucket holds all four.
    const day = volumeByPeriod([], { from: d("2026-11-01T07:00:00Z"), to: d("2026-11-02T08:00:00Z"), timeZone: LA });
    expect(day.buckets.map((b) => b.label)).toEqual(["2026-11-01"]);
  });
});

describe("volumeByPeriod: messages, skips and edges", () => {
  const from = d("2026-01-05T00:00:00Z");
  const to = d("2026-01-07T00:00:00Z");

  it("counts customer messages in and public agent messages out, per day (eDesk's incoming vs outgoing)", () => {
    const ticket: Ticket = {
      id: "m",
      createdAt: d("2026-01-05T09:00:00Z"),
      status: "open",
      messages: [
        { at: d("2026-01-05T09:00:00Z"), author: "customer", public: true },
        { at: d("2026-01-05T09:30:00Z"), author: "agent", public: true },
        { at: d("2026-01-05T09:31:00Z"), author: "agent", public: false }, // internal note
        { at: d("2026-01-05T09:32:00Z"), author: "bot", public: true },
        { at: d("2026-01-06T08:00:00Z"), author: "customer", public: true },
        { at: d("2026-01-08T08:00:00Z"), author: "agent", public: true }, // after the range
        { at: new Date(Number.NaN), author: "customer", public: true },
      ],
    };
    const r = volumeByPeriod([ticket, open("n", "2026-01-05T10:00:00Z")], { from, to, timeZone: "UTC" });
    expect(r.buckets.map((b) => [b.messagesIn, b.messagesOut])).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect(r.messages).toEqual({ ticketsWithoutMessages: 1, notCounted: 2, outsideRange: 1, invalidAt: 1 });
  });

  it("skips and counts every ticket it cannot place, never dropping one silently", () => {
    const tickets: Ticket[] = [
      open("ok", "2026-01-05T01:00:00Z"),
      { id: "bad", createdAt: new Date(Number.NaN), status: "open" },
      { id: "nosolve", createdAt: d("2026-01-05T01:00:00Z"), status: "closed" },
      { id: "badsolve", createdAt: d("2026-01-05T01:00:00Z"), status: "solved", solvedAt: new Date(Number.NaN) },
      solved("backwards", "2026-01-05T05:00:00Z", "2026-01-05T04:00:00Z"),
      open("late", "2026-01-07T00:00:00Z"),
      solved("early", "2026-01-01T00:00:00Z", "2026-01-04T23:59:59Z"),
      // Reopened: its old solvedAt is ignored, it is open.
      { id: "reopened", createdAt: d("2026-01-04T00:00:00Z"), status: "open", solvedAt: d("2026-01-04T12:00:00Z") },
      // Solved exactly at `from`: in the backlog at the start, resolved in the first bucket.
      solved("edge", "2026-01-04T00:00:00Z", "2026-01-05T00:00:00Z"),
    ];
    const r = volumeByPeriod(tickets, { from, to, timeZone: "UTC" });
    expect(r.skipped).toEqual({
      invalidCreatedAt: 1,
      invalidSolvedAt: 1,
      solvedWithoutSolvedAt: 1,
      solvedBeforeCreated: 1,
      createdAfterRange: 1,
      resolvedBeforeRange: 1,
    });
    expect(r.counted).toBe(3);
    expect(r.backlogAtStart).toBe(2);
    expect(r.buckets.map((b) => [b.created, b.resolved, b.backlog])).toEqual([
      [1, 1, 2],
      [0, 0, 2],
    ]);
  });

  it("gives zero buckets for empty input and no buckets for an empty range", () => {
    const r = volumeByPeriod([], { from, to, unit: "day", timeZone: "Europe/Bucharest" });
    expect(r.buckets.map((b) => b.created)).toEqual([0, 0, 0]); // the range crosses 3 local (UTC+2) days
    expect(volumeByPeriod([open("a", "2026-01-05T01:00:00Z")], { from, to: from, timeZone: "UTC" }).buckets).toEqual([]);
  });

  it("clips partial first and last buckets to [from, to)", () => {
    const r = volumeByPeriod([open("a", "2026-01-05T11:00:00Z")], {
      from: d("2026-01-05T12:00:00Z"),
      to: d("2026-01-06T06:00:00Z"),
      timeZone: "UTC",
    });
    expect(r.buckets.map((b) => [b.label, b.start.toISOString(), b.end.toISOString()])).toEqual([
      ["2026-01-05", "2026-01-05T12:00:00.000Z", "2026-01-06T00:00:00.000Z"],
      ["2026-01-06", "2026-01-06T00:00:00.000Z", "2026-01-06T06:00:00.000Z"],
    ]);
    expect(r.backlogAtStart).toBe(1);
  });
});

describe("volumeByPeriod: errors", () => {
  const from = d("2026-01-05T00:00:00Z");
  const to = d("2026-01-07T00:00:00Z");
  it("throws E_INVALID_DATE for an invalid from", () => {
    expect(() => volumeByPeriod([], { from: new Date(Number.NaN), to, timeZone: "UTC" })).toThrow(
      "volumeByPeriod: from must be a valid Date, got Invalid Date",
    );
  });
  it("throws E_PERIOD_ORDER when to is before from", () => {
    expect(code(() => volumeByPeriod([], { from: to, to: from, timeZone: "UTC" }))).toBe("E_PERIOD_ORDER");
  });
  it("throws E_TIME_ZONE for an unknown zone", () => {
    expect(code(() => volumeByPeriod([], { from, to, timeZone: "Europe/Atlantis" }))).toBe("E_TIME_ZONE");
  });
  it("throws E_BUCKET_UNIT for an unknown unit", () => {
    expect(code(() => volumeByPeriod([], { from, to, timeZone: "UTC", unit: "quarter" as BucketUnit }))).toBe("E_BUCKET_UNIT");
  });
  it("throws E_BUCKET_LIMIT for more than 1,000,000 buckets", () => {
    expect(
      code(() => volumeByPeriod([], { from: d("1900-01-01T00:00:00Z"), to: d("2100-01-01T00:00:00Z"), timeZone: "UTC", unit: "hour" })),
    ).toBe("E_BUCKET_LIMIT");
  });
});

describe("volumeByPeriod on real data: Customer Support on Twitter (twcs_head5000.csv)", needsRealData("real/twcs_head5000.csv"), () => {
  // README of the data's real/: 5,000 tweets, 2,778 inbound; created_at 3,358 in 2017-10,
  // 1,600 in 2017-11, 29 in 2017-12, a few outliers back to 2011-08-29.
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const twitterDate = (s: string): Date => {
    // e.g. "Tue Oct 31 22:10:47 +0000 2017"
    const m = /^\w{3} (\w{3}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) \+0000 (\d{4})$/.exec(s);
    if (m === null) throw new Error(`unexpected created_at ${s}`);
    return new Date(Date.UTC(Number(m[6]), MONTHS.indexOf(m[1] as string), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])));
  };
  let tickets: Ticket[] = [];
  beforeAll(() => {
    const text = readFileSync(realDataPath("real/twcs_head5000.csv"), "utf8");
    // The file has bare CRs inside one unquoted field: split records on LF only.
    const rows = Papa.parse<Record<string, string>>(text, { header: true, newline: "\n", skipEmptyLines: true }).data;
    tickets = rows.map((r) => ({
      id: r.tweet_id as string,
      createdAt: twitterDate(r.created_at as string),
      status: "open",
      channel: r.inbound === "True" ? "inbound" : "outbound",
    }));
  });

  it("reads 5,000 tweets", () => {
    expect(tickets).toHaveLength(5000);
  });

  it("counts 2,778 inbound tweets over the days in UTC, the daily counts summing to the total", () => {
    const inbound = tickets.filter((t) => t.channel === "inbound");
    const r = volumeByPeriod(inbound, { from: d("2011-08-01T00:00:00Z"), to: d("2018-01-01T00:00:00Z"), unit: "day", timeZone: "UTC" });
    expect(r.totals.created).toBe(2778);
    expect(r.buckets.reduce((s, b) => s + b.created, 0)).toBe(2778);
    expect(r.buckets.length).toBe(2345); // 2011-08-01 … 2017-12-31
    const busiest = r.buckets.reduce((a, b) => (b.created > a.created ? b : a));
    expect(busiest.created).toBeGreaterThan(100);
  });

  it("counts 3,358 / 1,600 / 29 tweets in 2017-10 / 11 / 12 by month in UTC, as the README states", () => {
    const r = volumeByPeriod(tickets, { from: d("2017-10-01T00:00:00Z"), to: d("2018-01-01T00:00:00Z"), unit: "month", timeZone: "UTC" });
    expect(r.buckets.map((b) => [b.label, b.created])).toEqual([
      ["2017-10", 3358],
      ["2017-11", 1600],
      ["2017-12", 29],
    ]);
    // The 13 older outliers are open before the range: backlog at the start, not dropped.
    expect(r.backlogAtStart).toBe(13);
    expect(r.counted).toBe(5000);
  });
});
