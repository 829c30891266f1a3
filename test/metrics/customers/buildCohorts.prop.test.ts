import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { buildCohorts, retentionMatrix, type CustomerActivity, type CustomerPeriod } from "../../../src/metrics/customers/index.ts";

const BASE = Date.UTC(2025, 0, 1);
const MINUTE = 60_000;
const DAY = 86_400_000;
const AS_OF = new Date(BASE + 250 * DAY);

const zone = fc.constantFrom("UTC", "Europe/Bucharest", "America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham");
const period = fc.constantFrom<CustomerPeriod>("month", "week");
/** Customers with unique ids; some activity falls before the start or after asOf. */
const customers = fc
  .array(
    fc.record({
      start: fc.integer({ min: 0, max: 150 * 24 * 60 }),
      activity: fc.array(fc.integer({ min: -10 * 24 * 60, max: 200 * 24 * 60 }), { maxLength: 8 }),
    }),
    { maxLength: 25 },
  )
  .map((list): CustomerActivity[] =>
    list.map((c, i) => ({
      customerId: `c${String(i)}`,
      start: new Date(BASE + c.start * MINUTE),
      activity: c.activity.map((offset) => ({ at: new Date(BASE + (c.start + offset) * MINUTE) })),
    })),
  );

/** The period of `ms` in `timeZone`, by Intl (no date-fns): a month number, or the day number of the ISO week's Monday. */
function naiveKey(ms: number, timeZone: string, p: CustomerPeriod): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" }).formatToParts(
    new Date(ms),
  );
  const get = (type: string): number => Number(parts.find((x) => x.type === type)?.value);
  const [y, m, d] = [get("year"), get("month"), get("day")];
  if (p === "month") return y * 12 + (m - 1);
  const day = Date.UTC(y, m - 1, d) / DAY;
  const weekday = new Date(day * DAY).getUTCDay(); // 0 = Sunday
  return day - ((weekday + 6) % 7);
}

function naiveCohorts(data: readonly CustomerActivity[], timeZone: string, p: CustomerPeriod, retained: boolean): [number, number[]][] {
  const step = p === "month" ? 1 : 7;
  const last = naiveKey(AS_OF.getTime(), timeZone, p);
  const groups = new Map<number, { size: number; active: number[] }>();
  for (const c of data) {
    const first = naiveKey(c.start.getTime(), timeZone, p);
    const g = groups.get(first) ?? { size: 0, active: new Array<number>((last - first) / step).fill(0) };
    groups.set(first, g);
    g.size++;
    const ks = c.activity
      .filter((a) => a.at >= c.start && a.at <= AS_OF)
      .map((a) => (naiveKey(a.at.getTime(), timeZone, p) - first) / step);
    for (let k = 1; k <= g.active.length; k++) {
      if (retained ? ks.some((x) => x >= k) : ks.includes(k)) g.active[k - 1]!++;
    }
  }
  return [...groups].sort((a, b) => a[0] - b[0]).map(([, g]) => [g.size, g.active]);
}

const settings = { numRuns: 60 };

test.prop([customers, zone, period, fc.boolean()], settings)("agrees with a naive Intl-based reference", (data, timeZone, p, retained) => {
  const { cohorts } = buildCohorts(data, { timeZone, asOf: AS_OF, period: p, mode: retained ? "retained" : "active" });
  expect(cohorts.map((c) => [c.size, c.active])).toEqual(naiveCohorts(data, timeZone, p, retained));
});

test.prop([customers, zone, period], settings)(
  "counts never exceed the size; retained counts never increase and bound active counts",
  (data, timeZone, p) => {
    const active = buildCohorts(data, { timeZone, asOf: AS_OF, period: p }).cohorts;
    const retained = buildCohorts(data, { timeZone, asOf: AS_OF, period: p, mode: "retained" }).cohorts;
    retained.forEach((c, i) => {
      c.active.forEach((n, k) => {
        expect(n).toBeLessThanOrEqual(c.size);
        expect(active[i]!.active[k]!).toBeLessThanOrEqual(n);
        if (k > 0) expect(n).toBeLessThanOrEqual(c.active[k - 1]!);
      });
    });
    const m = retentionMatrix(retained);
    for (const point of m?.curve ?? []) {
      if (point.retention === undefined) continue;
      expect(point.retention).toBeGreaterThanOrEqual(0);
      expect(point.retention).toBeLessThanOrEqual(1);
    }
    for (const row of m?.rows ?? []) {
      row.fractions.forEach((f, k) => k > 0 && expect(f!).toBeLessThanOrEqual(row.fractions[k - 1]!));
    }
  },
);

test.prop([customers, zone, period, fc.boolean()], settings)(
  "does not depend on record order or on repeated activity",
  (data, timeZone, p, retained) => {
    const options = { timeZone, asOf: AS_OF, period: p, mode: retained ? ("retained" as const) : ("active" as const) };
    const reference = buildCohorts(data, options);
    const shuffled = [...data].reverse().map((c) => ({ ...c, activity: [...c.activity].reverse() }));
    expect(buildCohorts(shuffled, options).cohorts).toEqual(reference.cohorts);
    const doubled = data.map((c) => ({ ...c, activity: [...c.activity, ...c.activity] }));
    expect(buildCohorts(doubled, options).cohorts).toEqual(reference.cohorts);
    // Issues list every set-aside activity once per occurrence.
    const before = reference.counts.issues["activity-before-start"];
    expect(buildCohorts(doubled, options).counts.issues["activity-before-start"]).toBe(2 * before);
  },
);

test.prop([customers, zone, period], settings)(
  "the flat form gives the same cohorts and the same counts as the nested form",
  (data, timeZone, p) => {
    const options = { timeZone, asOf: AS_OF, period: p };
    const nested = buildCohorts(data, options);
    const flat = buildCohorts(
      {
        starts: data.map(({ customerId, start }) => ({ customerId, start })),
        rows: data.flatMap((c) => c.activity.map((a) => ({ customerId: c.customerId, at: a.at }))),
      },
      options,
    );
    expect(flat.cohorts).toEqual(nested.cohorts);
    expect(flat.counts).toEqual(nested.counts);
    expect(nested.counts.usedActivity + nested.issues.filter((i) => i.activityIndex !== undefined).length).toBe(nested.counts.activity);
  },
);

test.prop([customers, zone], settings)(
  "a duplicated customer id sets aside every occurrence and nothing else changes",
  (data, timeZone) => {
    fc.pre(data.length > 0);
    const options = { timeZone, asOf: AS_OF };
    const withDuplicate = [...data, { ...data[0]!, start: new Date(data[0]!.start.getTime() + DAY) }];
    const result = buildCohorts(withDuplicate, options);
    expect(result.counts.issues["duplicate-customer"]).toBe(2);
    expect(result.counts.usedCustomers).toBe(data.length - 1);
    expect(result.cohorts).toEqual(buildCohorts(data.slice(1), options).cohorts);
  },
);
