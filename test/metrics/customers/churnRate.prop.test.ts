import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { churnRate, retentionRate } from "../../../src/metrics/customers/index.ts";

/** start ≥ 1 and lost ≤ start. */
const startLost = fc.integer({ min: 1, max: 1_000_000 }).chain((start) => fc.tuple(fc.constant(start), fc.integer({ min: 0, max: start })));

test.prop([startLost])("churnRate is a fraction from 0 to 1 equal to lost / start", ([start, lost]) => {
  const rate = churnRate(start, lost)!;
  expect(rate).toBeGreaterThanOrEqual(0);
  expect(rate).toBeLessThanOrEqual(1);
  expect(rate).toBe(lost / start);
});

test.prop([startLost])("churnRate rises with lost and falls with start", ([start, lost]) => {
  if (lost < start) expect(churnRate(start, lost + 1)!).toBeGreaterThan(churnRate(start, lost)!);
  expect(churnRate(start + 1, lost)!).toBeLessThanOrEqual(churnRate(start, lost)!);
});

test.prop([startLost])("churnRate is scale invariant (k × start, k × lost)", ([start, lost]) => {
  expect(churnRate(start * 3, lost * 3)).toBeCloseTo(churnRate(start, lost)!, 14);
});

test.prop([startLost])("with nobody acquired and lost = start − end, churnRate + retentionRate = 1", ([start, lost]) => {
  const end = start - lost;
  expect(churnRate(start, lost)! + retentionRate(start, end, 0)!).toBeCloseTo(1, 14);
});

/** start, retained ≤ start, acquired: end = retained + acquired. */
const retention = fc
  .tuple(fc.integer({ min: 1, max: 100_000 }), fc.nat({ max: 100_000 }))
  .chain(([start, acquired]) => fc.tuple(fc.constant(start), fc.integer({ min: 0, max: start }), fc.constant(acquired)));

test.prop([retention])(
  "retentionRate is in [0, 1], ignores acquisitions and equals 1 − churnRate of the implied losses",
  ([start, retained, acquired]) => {
    const rate = retentionRate(start, retained + acquired, acquired)!;
    expect(rate).toBeGreaterThanOrEqual(0);
    expect(rate).toBeLessThanOrEqual(1);
    expect(rate).toBe(retentionRate(start, retained, 0));
    expect(rate + churnRate(start, start - retained)!).toBeCloseTo(1, 14);
  },
);

test.prop([retention])("retentionRate rises with end and falls with acquired", ([start, retained, acquired]) => {
  const end = retained + acquired;
  if (retained < start) expect(retentionRate(start, end + 1, acquired)!).toBeGreaterThan(retentionRate(start, end, acquired)!);
  if (acquired < end) expect(retentionRate(start, end, acquired + 1)!).toBeLessThan(retentionRate(start, end, acquired)!);
});
