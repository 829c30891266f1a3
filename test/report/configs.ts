/** Report option sets shared by the property tests. */
import type { ReportOptions } from "../../src/report/index.ts";

const week = [["09:00", "17:00"]] as const;

/** Period, compareTo, every segmentation, schedule and SLA, daily buckets across a DST change (America/Los_Angeles, 2026-03-08). */
export const FULL: ReportOptions = {
  asOf: new Date("2026-03-30T12:00:00Z"),
  timeZone: "America/Los_Angeles",
  period: { from: new Date("2026-03-08T08:00:00Z"), to: new Date("2026-04-05T07:00:00Z") },
  compareTo: { from: new Date("2026-03-01T08:00:00Z"), to: new Date("2026-03-08T08:00:00Z") },
  bucket: "day",
  segments: [
    "channel",
    "assignee",
    "tag",
    ["channel", "type"],
    { name: "fast", key: (t) => (t.replies ?? 0) <= 1, responseKey: (r) => r.score >= 5 },
  ],
  schedule: {
    timeZone: "America/Los_Angeles",
    weekly: { mon: week, tue: week, wed: week, thu: week, fri: week },
    holidays: ["2026-03-17"],
  },
  slaPolicy: {
    name: "Test",
    targets: [
      { metric: "firstResponse", within: { hours: 4 }, hours: "business" },
      { metric: "firstResponse", within: { hours: 1 }, channel: "chat" },
      { metric: "nextResponse", within: { hours: 8 } },
      { metric: "resolution", within: { days: 1 }, priority: "urgent" },
    ],
  },
  leaderboard: { by: "resolutionMedian", minSample: 2 },
  percentiles: [0.5, 0.9],
};

/** No period: every ticket, weekly buckets in Europe/Bucharest (DST 2026-03-29). */
export const PLAIN: ReportOptions = {
  asOf: new Date("2026-03-20T00:00:00Z"),
  timeZone: "Europe/Bucharest",
  bucket: "week",
  segments: ["type", "priority"],
  leaderboard: { by: "oneTouchShare", minSample: 1 },
};

/** Hourly buckets over the whole data in Europe/Bucharest; the bots figures from the handoff, bot time excluded. */
export const HOURLY: ReportOptions = {
  ...PLAIN,
  bucket: "hour",
  segments: [["group", "tag"]],
  leaderboard: { by: "csat" },
  bots: { firstResponseFrom: "handoff", excludeBotTime: true },
};

/** The responder leaderboard (by reply time), responders and bots by channel, business hours. */
export const RESPONDER_BOARD: ReportOptions = {
  ...PLAIN,
  segments: ["channel"],
  schedule: FULL.schedule,
  leaderboard: { of: "responder", by: "replyTimeMedian", minSample: 1 },
};
