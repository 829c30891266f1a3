import { describe, expect, test } from "vitest";
import { report, reportAccumulator, type ReportOptions } from "../../src/report/index.ts";
import { AS_OF, DECEMBER, JANUARY, ZONE } from "./fixture.ts";
import { errorCodeOf as codeOf } from "../_support/errors.ts";
import { firstResponseTimeAccumulator } from "../../src/metrics/time/index.ts";

const base: ReportOptions = { asOf: AS_OF, timeZone: ZONE };

const bad = (options: unknown): string | undefined => codeOf(() => reportAccumulator(options as ReportOptions));

describe("report: one test per error code", () => {
  test("E_OPTION_VALUE: options is not an object", () => {
    expect(bad(undefined)).toBe("E_OPTION_VALUE");
  });
  test("E_INVALID_DATE: asOf is not a valid Date", () => {
    expect(bad({ ...base, asOf: new Date(Number.NaN) })).toBe("E_INVALID_DATE");
  });
  test("E_TIME_ZONE: unknown time zone", () => {
    expect(bad({ ...base, timeZone: "Mars/Olympus" })).toBe("E_TIME_ZONE");
  });
  test("E_BUCKET_UNIT: unknown bucket", () => {
    expect(bad({ ...base, bucket: "fortnight" })).toBe("E_BUCKET_UNIT");
  });
  test("E_PERIOD_ORDER: a period that ends before it starts", () => {
    expect(bad({ ...base, period: { from: JANUARY.to, to: JANUARY.from } })).toBe("E_PERIOD_ORDER");
  });
  test("E_COMPARE_NEEDS_PERIOD: compareTo without period", () => {
    expect(bad({ ...base, compareTo: DECEMBER })).toBe("E_COMPARE_NEEDS_PERIOD");
  });
  test("E_SEGMENT_KEY: unknown dimension, empty list, malformed custom dimension", () => {
    expect(bad({ ...base, segments: ["colour"] })).toBe("E_SEGMENT_KEY");
    expect(bad({ ...base, segments: [[]] })).toBe("E_SEGMENT_KEY");
    expect(bad({ ...base, segments: [{ name: "x" }] })).toBe("E_SEGMENT_KEY");
  });
  test("E_LEADERBOARD_METRIC: unknown ranking metric", () => {
    expect(bad({ ...base, leaderboard: { by: "happiness" } })).toBe("E_LEADERBOARD_METRIC");
  });
  test("E_MIN_SAMPLE: minSample below 1 or not an integer", () => {
    expect(bad({ ...base, leaderboard: { by: "csat", minSample: 0 } })).toBe("E_MIN_SAMPLE");
    expect(bad({ ...base, leaderboard: { by: "csat", minSample: 2.5 } })).toBe("E_MIN_SAMPLE");
  });
  test("E_FRACTION_RANGE: a percentile outside 0–1", () => {
    expect(bad({ ...base, percentiles: [95] })).toBe("E_FRACTION_RANGE");
  });
  test("E_TOP_N: topHours outside 1–24", () => {
    expect(bad({ ...base, topHours: 25 })).toBe("E_TOP_N");
  });
  test("E_SLA_TARGET and E_SLA_SCHEDULE: a bad SLA policy", () => {
    expect(bad({ ...base, slaPolicy: { targets: [{ metric: "handle", within: 1000 }] } })).toBe("E_SLA_TARGET");
    expect(bad({ ...base, slaPolicy: { targets: [{ metric: "resolution", within: 1000, hours: "business" }] } })).toBe("E_SLA_SCHEDULE");
  });
  test("E_SCHEDULE_INVALID: a bad schedule is refused up front", () => {
    expect(bad({ ...base, schedule: { timeZone: ZONE, weekly: { mon: [["25:00", "26:00"]] } } })).toBe("E_SCHEDULE_INVALID");
  });
  test("E_BUCKET_LIMIT: more than a million buckets", () => {
    const tickets = [
      { id: "a", createdAt: new Date("1900-01-01T00:00:00Z"), status: "open" as const },
      { id: "b", createdAt: new Date("2026-01-01T00:00:00Z"), status: "open" as const },
    ];
    expect(codeOf(() => report({ tickets }, { ...base, bucket: "hour" }))).toBe("E_BUCKET_LIMIT");
  });
  test("messages name the function and the value", () => {
    expect(() => reportAccumulator({ ...base, topHours: 0 })).toThrow("reportAccumulator: topHours must be an integer from 1 to 24, got 0");
  });
});

describe("report: an invalid instant of a ticket is refused as the metrics' accumulators refuse it", () => {
  // A ticket with a conversation: its first response comes from the messages, yet its invalid
  // firstResponseAt field is an error, in the report as in firstResponseTimeAccumulator's add.
  const ticket = {
    id: "t1",
    status: "open" as const,
    createdAt: new Date("2026-01-10T09:00:00Z"),
    firstResponseAt: new Date(Number.NaN),
    messages: [
      { at: new Date("2026-01-10T09:00:00Z"), author: "customer" as const, public: true },
      { at: new Date("2026-01-10T09:30:00Z"), author: "agent" as const, public: true },
    ],
  };
  test("E_INVALID_DATE naming the field and the ticket, in report() and in the accumulator", () => {
    let message = "";
    const code = codeOf(() => {
      try {
        report({ tickets: [ticket] }, { ...base, metrics: ["firstResponse"] });
      } catch (e) {
        message = (e as Error).message;
        throw e;
      }
    });
    expect(code).toBe("E_INVALID_DATE");
    expect(message).toContain("firstResponseAt of ticket t1");
    const acc = firstResponseTimeAccumulator();
    expect(codeOf(() => acc.add(acc.create(), ticket))).toBe("E_INVALID_DATE");
  });
});
