import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { retentionMatrix } from "../../../src/metrics/customers/index.ts";
import type { Cohort } from "../../../src/models/cohort.ts";

/** A non-increasing ("retained") cohort of `length` periods. */
const retainedCohort = (length: number) =>
  fc
    .integer({ min: 0, max: 500 })
    .chain((size) =>
      fc
        .array(fc.integer({ min: 0, max: size }), { minLength: length, maxLength: length })
        .map((xs): Cohort => ({ label: "c", start: new Date(0), size, active: [...xs].sort((a, b) => b - a) })),
    );
const cohorts = fc.array(fc.integer({ min: 0, max: 6 }).chain(retainedCohort), { minLength: 1, maxLength: 8 });

test.prop([cohorts])("curve and churn are fractions from 0 to 1 for retained cohorts", (list) => {
  const m = retentionMatrix(list)!;
  for (const p of m.curve) if (p.retention !== undefined) expect(p.retention >= 0 && p.retention <= 1).toBe(true);
  for (const c of m.churn) if (c.rate !== undefined) expect(c.rate >= 0 && c.rate <= 1).toBe(true);
});

test.prop([cohorts])("the curve agrees with a naive pooled reference and ignores cohort order", (list) => {
  const m = retentionMatrix(list)!;
  m.curve.forEach((p) => {
    const old = list.filter((c) => c.active.length >= p.period);
    const active = old.reduce((s, c) => s + c.active[p.period - 1]!, 0);
    const size = old.reduce((s, c) => s + c.size, 0);
    expect(p.retention).toBe(size === 0 ? undefined : active / size);
  });
  expect(retentionMatrix([...list].reverse())!.curve).toEqual(m.curve);
});

test.prop([fc.integer({ min: 1, max: 6 }).chain((n) => fc.array(retainedCohort(n), { minLength: 1, maxLength: 6 }))])(
  "churn and retention are consistent: with cohorts of equal age, retention(k) = Π (1 − churn(j)) for j ≤ k",
  (list) => {
    const m = retentionMatrix(list)!;
    let product = 1;
    for (let k = 0; k < m.periods; k++) {
      const c = m.churn[k]!;
      if (c.rate === undefined) break; // nobody left to lose: no later period has a rate
      product *= 1 - c.rate;
      expect(m.curve[k]!.retention!).toBeCloseTo(product, 12);
    }
  },
);

test.prop([cohorts])("scaling every cohort by 2 leaves the fractions and rates unchanged", (list) => {
  const m = retentionMatrix(list)!;
  const doubled = retentionMatrix(list.map((c) => ({ ...c, size: 2 * c.size, active: c.active.map((a) => 2 * a) })))!;
  expect(doubled.curve.map((p) => p.retention)).toEqual(m.curve.map((p) => p.retention));
  expect(doubled.churn.map((p) => p.rate)).toEqual(m.churn.map((p) => p.rate));
});
