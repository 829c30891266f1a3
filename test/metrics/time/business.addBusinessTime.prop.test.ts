import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { addBusinessTime } from "../../../src/metrics/time/addBusinessTime.ts";
import { businessTimeBetween } from "../../../src/metrics/time/businessTimeBetween.ts";
import { allWeek, DAY, dstCase, near, scheduleCase, ZONES, minuteInstant } from "./calendar.arbitraries.ts";

const d = (t: number): Date => new Date(t);
const between = (a: number, b: number, schedule: Parameters<typeof businessTimeBetween>[2]): number =>
  businessTimeBetween(d(a), d(b), schedule);
const ms = fc.oneof(fc.integer({ min: -3 * DAY, max: 3 * DAY }), fc.integer({ min: -60_000, max: 60_000 }));

describe("addBusinessTime properties", () => {
  test.prop([fc.oneof(scheduleCase({ minWeekly: 1 }), dstCase), ms, fc.integer({ min: -2 * DAY, max: 2 * DAY })])(
    "round-trips: businessTimeBetween(s, addBusinessTime(s, ms)) = ms, landing inside or at the edge of an open interval",
    ({ schedule, base }, amount, jitter) => {
      const s = base + jitter;
      const t = addBusinessTime(d(s), amount, schedule).getTime();
      expect(between(s, t, schedule)).toBe(amount);
      if (amount > 0) {
        // The millisecond before t is open: t is inside an open interval or at its end.
        expect(between(t - 1, t, schedule)).toBe(1);
      } else if (amount < 0) {
        // The millisecond from t is open: t is inside an open interval or at its start.
        expect(between(t, t + 1, schedule)).toBe(1);
      } else {
        expect(t).toBe(s);
      }
    },
  );

  test.prop([scheduleCase(), fc.integer({ min: 1, max: 2 * DAY }), fc.boolean(), fc.boolean()])(
    "either reaches ms or throws E_SCHEDULE_EMPTY exactly when not enough open time exists",
    ({ schedule: generated, base }, amount, backward, overridesOnly) => {
      // Half the cases keep only the holidays and overrides, so the open time is finite.
      const schedule = overridesOnly ? { ...generated, weekly: {} } : generated;
      const signed = backward ? -amount : amount;
      let result: number | undefined;
      try {
        result = addBusinessTime(d(base), signed, schedule).getTime();
      } catch (error) {
        expect(error).toBeInstanceOf(MetricRangeError);
        expect((error as MetricRangeError).code).toBe("E_SCHEDULE_EMPTY");
        // Only schedules without weekly hours can run out; all their hours lie within −3…+12 days.
        expect(Object.values(schedule.weekly).flat()).toHaveLength(0);
        const far = backward ? base - 30 * DAY : base + 30 * DAY;
        expect(Math.abs(between(base, far, schedule))).toBeLessThan(amount);
        return;
      }
      expect(between(base, result, schedule)).toBe(signed);
    },
  );

  test.prop([
    fc.oneof(scheduleCase({ minWeekly: 1 }), dstCase),
    fc.integer({ min: 0, max: 2 * DAY }),
    fc.integer({ min: 0, max: 2 * DAY }),
  ])("is monotone in ms and composes: add(add(s, a), b) = add(s, a + b) for a, b > 0 up to the open edge", ({ schedule, base }, a, b) => {
    const once = addBusinessTime(d(base), a + b, schedule).getTime();
    const first = addBusinessTime(d(base), a, schedule).getTime();
    const twice = addBusinessTime(d(first), b, schedule).getTime();
    expect(first).toBeLessThanOrEqual(once);
    // Both land where a + b of open time has elapsed; with b = 0 the second step stays put.
    expect(between(base, twice, schedule)).toBe(a + b);
    if (b > 0) expect(twice).toBe(once);
  });

  test.prop([fc.constantFrom(...ZONES), minuteInstant, fc.integer({ min: -400 * DAY, max: 400 * DAY })])(
    "is plain addition on a 24/7 schedule",
    (zone, s, amount) => {
      expect(addBusinessTime(d(s), amount, allWeek(zone)).getTime()).toBe(s + amount);
    },
  );

  test.prop([
    scheduleCase({ minWeekly: 1 }).chain(({ schedule, base }) => fc.tuple(fc.constant(schedule), near(base, 10), near(base, 10))),
  ])("inverts businessTimeBetween up to closed time: add(a, f(a, b)) is the open edge nearest to b", ([schedule, a, b]) => {
    const span = between(a, b, schedule);
    const t = addBusinessTime(d(a), span, schedule).getTime();
    // t and b are separated by closed time only.
    expect(between(t, b, schedule)).toBe(0);
    if (span > 0) expect(t).toBeLessThanOrEqual(b);
    if (span < 0) expect(t).toBeGreaterThanOrEqual(b);
  });
});
