import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { MetricRangeError } from "../../src/_lib/errors.ts";
import {
  buildCohorts,
  churnRate,
  compareGroups,
  customerLifetimeValue,
  retentionRate,
  revenueAtRisk,
} from "../../src/metrics/customers/index.ts";
import { erlangA, erlangC, erlangCAgents, trafficIntensity } from "../../src/metrics/staffing/index.ts";
import {
  betaBinomialShrinkage,
  bootstrapQuantileInterval,
  indirectStandardization,
  meanInterval,
  npsDifferenceTest,
  npsInterval,
  npsSampleSizeForMargin,
  quantileInterval,
  rankProbabilities,
  sampleSizeForMargin,
  twoProportionZTest,
  wilsonInterval,
} from "../../src/metrics/stats/index.ts";
import { addBusinessTime, businessTimeBetween, percentile, summarizeDurations } from "../../src/metrics/time/index.ts";
import { backlog, resolutionRateFromCounts, statusesOverTime, volumeByPeriod } from "../../src/metrics/volume/index.ts";

// Issue 11, "Never NaN, never Invalid Date": a public function returns a result, `undefined`,
// or throws a MetricRangeError, for any finite input (extremes included: ±1.8e308, 5e-324,
// huge integer counts). Per area, one property: call with extreme finite numbers and check
// every number in the result is not NaN, and every Date valid.

/** The NaN numbers and Invalid Dates inside a result, as paths. */
function badLeaves(value: unknown, path = "result", out: string[] = []): string[] {
  if (typeof value === "number") {
    if (Number.isNaN(value)) out.push(path);
  } else if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) out.push(path);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) badLeaves(inner, `${path}.${key}`, out);
  }
  return out;
}

/** Calls `f`: a MetricRangeError is fine; anything else must hold no NaN / Invalid Date. */
function check(f: () => unknown): void {
  let result: unknown;
  try {
    result = f();
  } catch (error) {
    if (error instanceof MetricRangeError) return;
    throw error;
  }
  expect(badLeaves(result)).toEqual([]);
}

/** Any finite double, biased to the extremes. */
const finite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 5e-324, -5e-324, 1e-300, 1, 2 ** 53, 1e154, 1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE),
);
/** Counts: small integers and huge (integer-valued) doubles. */
const count = fc.oneof(fc.nat({ max: 1000 }), fc.constantFrom(2 ** 53, 1e20, 1e154, 1e300, 1e308, Number.MAX_VALUE));
const level = fc.oneof(fc.double({ min: 5e-324, max: 0.9999999999999999, noNaN: true }), fc.constantFrom(0.9999999999999999, 0.95, 5e-324));
const fraction = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 5e-324, 0.5));
const values = fc.array(finite, { maxLength: 8 });
const durations = fc.array(
  fc.oneof(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), fc.constantFrom(0, 5e-324, Number.MAX_VALUE)),
  { maxLength: 8 },
);
const params = { numRuns: 300 };

describe("no NaN for any finite input", () => {
  test.prop([count, count, level, fc.boolean(), values, values, fraction, finite], params)(
    "stats",
    (a, b, confidenceLevel, continuityCorrection, xs, ys, proportion, margin) => {
      const [successes, trials] = a <= b ? [a, b] : [b, a];
      check(() => wilsonInterval(successes, trials, { confidenceLevel, continuityCorrection }));
      check(() => twoProportionZTest({ successes, trials }, { successes: Math.min(trials, successes + 1), trials }));
      check(() => meanInterval(xs, { confidenceLevel }));
      check(() => quantileInterval(xs, { probability: proportion, confidenceLevel }));
      check(() => bootstrapQuantileInterval(xs, { probability: proportion, confidenceLevel, resamples: 20 }));
      check(() => sampleSizeForMargin(margin, { proportion, confidenceLevel }));
      check(() => npsSampleSizeForMargin(Math.abs(margin), { confidenceLevel }));
      const counts = { promoters: a, passives: 0, detractors: b };
      check(() => npsInterval(counts, { confidenceLevel }));
      check(() => npsDifferenceTest(counts, { promoters: b, passives: a, detractors: 1 }, { confidenceLevel }));
      check(() => compareGroups(xs, ys));
    },
  );

  test.prop([count, count, count, count, durations, level, finite, finite], { numRuns: 150 })(
    "fair ranking (shrinkage, standardisation, rank certainty)",
    (a, b, c, d, totals, confidenceLevel, x, y) => {
      const pair = (p: number, q: number) => (p <= q ? { successes: p, trials: q } : { successes: q, trials: p });
      check(() => betaBinomialShrinkage([pair(a, b), pair(c, d), pair(a, d)], { confidenceLevel }));
      check(() =>
        indirectStandardization(
          totals.map((total, i) => ({ group: String(i % 3), stratum: String(i % 2), count: [a, b, c, d][i % 4] as number, total })),
        ),
      );
      check(() =>
        rankProbabilities(
          [
            { value: x, distribution: { kind: "logNormal", mu: x, sigma: Math.abs(y) } },
            { value: y, distribution: { kind: "beta", alpha: Math.abs(x), beta: Math.abs(y), scale: Math.abs(x) } },
            { value: 0, distribution: { kind: "point", value: y } },
          ],
          { draws: 20, confidenceLevel },
        ),
      );
    },
  );
  test.prop([count, count, count, finite, finite, finite, fraction], params)("customers and volume", (a, b, c, x, y, z, share) => {
    check(() => churnRate(a, b));
    check(() => retentionRate(a, b, c));
    check(() => revenueAtRisk(a, x));
    check(() => customerLifetimeValue({ averageOrderValue: x, purchaseFrequency: y, expectedLifetime: z }));
    check(() => customerLifetimeValue({ averageOrderValue: x, purchaseFrequency: y, churnRate: share }));
    check(() => resolutionRateFromCounts(a, b));
  });

  test.prop([durations, fraction], params)("time", (xs, p) => {
    check(() => percentile(xs, p));
    check(() => summarizeDurations(xs));
  });

  test.prop([fc.oneof(count, fc.integer({ min: 0, max: 200_000 })), finite, finite, finite, finite, fraction], { numRuns: 200 })(
    "staffing (each call also returns quickly)",
    (agents, arrivals, averageHandleTime, intervalLength, patience, serviceLevel) => {
      const traffic = { arrivals, averageHandleTime, intervalLength, targetAnswerTime: 20 };
      const started = performance.now();
      check(() => trafficIntensity(traffic));
      check(() => erlangC(agents, traffic));
      check(() => erlangA(agents, { ...traffic, patience }));
      check(() => erlangCAgents(traffic, { serviceLevel: Math.min(serviceLevel, 0.999) }));
      expect(performance.now() - started).toBeLessThan(5_000);
    },
  );
});

// ---------------------------------------------------------------------------------------
// Dates: extreme but valid Dates (the ends of the Date range, ±8.64e15 ms) must give valid
// Dates or a MetricRangeError, never an Invalid Date.
// ---------------------------------------------------------------------------------------

const EDGE = 8.64e15;
const DAY_MS = 86_400_000;
const instant = fc.oneof(
  fc.integer({ min: -EDGE, max: EDGE }),
  fc.integer({ min: -40 * DAY_MS, max: 40 * DAY_MS }).map((d) => (d < 0 ? EDGE + d : -EDGE + d)),
  fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
);
const zone = fc.constantFrom("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/New_York");

describe("no Invalid Date for any valid Date", () => {
  test.prop(
    [instant, instant, instant, zone, fc.constantFrom("day", "week", "month", "hour") as fc.Arbitrary<"day" | "week" | "month" | "hour">],
    params,
  )("volume and customers", (a, b, c, timeZone, unit) => {
    const [from, to] = a <= b ? [a, b] : [b, a];
    const tickets = [{ id: "t", createdAt: new Date(c), status: "open" as const }];
    check(() => volumeByPeriod(tickets, { from: new Date(from), to: new Date(Math.min(to, from + 30 * DAY_MS)), unit, timeZone }));
    check(() => statusesOverTime(tickets, { from: new Date(from), to: new Date(Math.min(to, from + 30 * DAY_MS)), unit, timeZone }));
    check(() => backlog(tickets, { asOf: new Date(b) }));
    // asOf within 3 years of the start: the 1,000,000-period limit has its own test.
    const asOf = new Date(Math.min(b, a + 1100 * DAY_MS));
    check(() =>
      buildCohorts([{ customerId: "x", start: new Date(a), activity: [{ at: new Date(c) }] }], {
        timeZone,
        asOf,
        period: unit === "week" ? "week" : "month",
      }),
    );
  });

  // ms up to ±1e10 (116 days): addBusinessTime searches day by day up to 100 years, so larger
  // amounts at far dates cost ~0.1 s a call (bounded, but slow for a property).
  test.prop([instant, fc.integer({ min: -1e10, max: 1e10 }), zone], { numRuns: 100 })("business time", (start, ms, timeZone) => {
    const schedule = { timeZone, weekly: { mon: [["09:00", "17:00"]], sat: [["22:00", "06:00"]] } } as const;
    check(() => addBusinessTime(new Date(start), ms, schedule as never));
    check(() => businessTimeBetween(new Date(start), new Date(start + ms), schedule as never));
  });
});
