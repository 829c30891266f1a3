import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Ticket } from "../../src/models/index.ts";
import { meanIntervalJson } from "../_support/meanInterval.ts";
import { report } from "../../src/report/index.ts";

// Issue 11: the report's mean intervals of durations went below zero ("mean 95% CI -1d 08h to
// 5d 11h" on the Twitter threads): it used mean ± t·s/√n. It now uses the log-scale interval
// mean · exp(∓ t·se/mean), which stays inside (0, ∞).

const MIN = 60_000;
const DAY = 86_400_000;

describe("duration mean intervals never go below zero", () => {
  it("nine one-minute replies and one of 20 days (the t interval was about −1.5 to 5.5 days)", () => {
    const xs = [...Array.from({ length: 9 }, () => MIN), 20 * DAY];
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const interval = meanIntervalJson(Float64Array.from(xs), xs.length, mean, 0.95);
    expect(interval?.lower).toBeGreaterThan(0);
    expect(interval?.lower).toBeLessThan(mean);
    expect(interval?.upper).toBeGreaterThan(mean);
    // t(0.975, 9) = 2.262157 (R: qt(0.975, 9)):
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
    const factor = Math.exp((2.2621571627409915 * sd) / Math.sqrt(xs.length) / mean);
    expect(interval?.lower).toBeCloseTo(mean / factor, 0);
    expect(interval?.upper).toBeCloseTo(mean * factor, 0);
  });

  it("through report(): first response times of the same shape", () => {
    const created = Date.UTC(2026, 2, 1);
    const tickets: Ticket[] = [...Array.from({ length: 9 }, () => MIN), 20 * DAY].map((ms, i) => ({
      id: String(i),
      createdAt: new Date(created + i * 1000),
      status: "open",
      firstResponseAt: new Date(created + i * 1000 + ms),
    }));
    const r = report({ tickets }, { asOf: new Date(Date.UTC(2026, 4, 1)), timeZone: "UTC" });
    const m = r.time.firstResponse.calendar?.meanInterval;
    expect(m?.lower).toBeGreaterThan(0);
    expect(m?.method).toBe("log-scale t (delta method)");
  });

  it("all-zero durations give [0, 0]", () => {
    expect(meanIntervalJson(Float64Array.from([0, 0, 0]), 3, 0, 0.95)).toMatchObject({ lower: 0, upper: 0 });
  });

  test.prop([
    fc.array(fc.double({ min: 0, max: 1e13, noNaN: true }), { minLength: 2, maxLength: 50 }),
    fc.double({ min: 0.01, max: 0.9999999999999999, noNaN: true }),
  ])("for any non-negative values and level: 0 ≤ lower ≤ mean ≤ upper, all finite", (xs, level) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const interval = meanIntervalJson(Float64Array.from(xs), xs.length, mean, level);
    expect(interval).not.toBeNull();
    expect(interval?.lower).toBeGreaterThanOrEqual(0);
    expect(interval?.lower).toBeLessThanOrEqual(mean);
    expect(interval?.upper).toBeGreaterThanOrEqual(mean);
    expect(Number.isFinite(interval?.upper)).toBe(true);
  });
});
