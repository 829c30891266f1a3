import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { churnRate, periodChurn, retentionRate, type CustomerLifetime } from "../../../src/metrics/customers/index.ts";

const DAY = 86_400_000;
const from = new Date(10 * DAY);
const to = new Date(20 * DAY);
/** Lifetimes on a 0–30 day line in half days, so starts and ends hit the period edges often. */
const lifetimes = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined })), { maxLength: 40 })
  .map((list): CustomerLifetime[] =>
    list.map(([s, len], i) => ({
      customerId: `c${String(i)}`,
      start: new Date((s * DAY) / 2),
      end: len === undefined ? undefined : new Date(((s + len) * DAY) / 2),
    })),
  );

test.prop([lifetimes])("agrees with a naive membership count at the two period edges", (data) => {
  const r = periodChurn(data, { from, to });
  const member = (l: CustomerLifetime, t: Date) => l.start < t && (l.end === undefined || l.end >= t);
  const inPeriod = (t: Date | undefined) => t !== undefined && t >= from && t < to;
  expect(r.counts.atStart).toBe(data.filter((l) => member(l, from)).length);
  expect(r.counts.atEnd).toBe(data.filter((l) => member(l, to)).length);
  expect(r.counts.joined).toBe(data.filter((l) => inPeriod(l.start)).length);
  expect(r.counts.lostFromStart).toBe(data.filter((l) => member(l, from) && inPeriod(l.end)).length);
  expect(r.counts.lostJoined).toBe(data.filter((l) => inPeriod(l.start) && inPeriod(l.end)).length);
});

test.prop([lifetimes])("churn + retention = 1, and both agree with churnRate and retentionRate on the same counts", (data) => {
  const r = periodChurn(data, { from, to });
  const { atStart, atEnd, joined, lostFromStart, lostJoined } = r.counts;
  expect(r.churn.rate).toBe(churnRate(atStart, lostFromStart));
  expect(r.retention.rate).toBe(retentionRate(atStart, atEnd, joined - lostJoined));
  if (atStart > 0) expect(r.churn.rate! + r.retention.rate!).toBeCloseTo(1, 14);
  for (const x of [r.churn.rate, r.exposedChurn.rate, r.retention.rate]) if (x !== undefined) expect(x >= 0 && x <= 1).toBe(true);
});

test.prop([lifetimes])("does not depend on record order", (data) => {
  const a = periodChurn(data, { from, to });
  const b = periodChurn([...data].reverse(), { from, to });
  expect(b.counts).toEqual(a.counts);
  expect(b.exposedChurn).toEqual(a.exposedChurn);
});

test.prop([lifetimes, fc.integer({ min: 0, max: 60 })])("losing one more start customer never lowers churn", (data, i) => {
  fc.pre(data.length > 0);
  const k = i % data.length;
  const r = periodChurn(data, { from, to });
  const changed = data.map((l, j) =>
    j === k && l.start < from && (l.end === undefined || l.end >= to) ? { ...l, end: new Date(15 * DAY) } : l,
  );
  const s = periodChurn(changed, { from, to });
  if (r.churn.rate !== undefined) expect(s.churn.rate!).toBeGreaterThanOrEqual(r.churn.rate);
});
