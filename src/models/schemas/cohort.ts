import { z } from "zod";
import { count, expect, expectOptional, instant, nonEmptyText } from "./fields.ts";
import { REASONS } from "../../_lib/reasons.ts";

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/**
 * The cross-field invariant of a cohort: every `active` count is at most `size`.
 *
 * @internal
 */
export function checkCohort(value: { readonly size: number; readonly active: readonly number[] }, ctx: z.RefinementCtx): void {
  // Refinements also run when a field already failed: check only what is well-formed.
  if (!isCount(value.size) || !Array.isArray(value.active)) return;
  value.active.forEach((active, i) => {
    if (isCount(active) && active > value.size) {
      ctx.addIssue({ code: "custom", path: ["active", i], message: REASONS.activeSize, input: active });
    }
  });
}

/**
 * The {@link Cohort} model exactly, with its invariants: `label` a non-empty string,
 * `start` a valid `Date`, `size` and every `active` count non-negative integers with each
 * `active` count at most `size`, `period` one of `day`, `week`, `month`, `quarter`, `year`
 * when present. Counts may rise again after falling (customers come back).
 *
 * @example
 * ```ts
 * CohortSchema.safeParse({ label: "2026-01", start: new Date("2026-01-01T00:00:00Z"), size: 10, active: [8, 11] })
 *   .success; // => false
 * ```
 * @category Models
 */
export const CohortSchema = z
  .object(
    {
      label: nonEmptyText,
      start: instant,
      size: count,
      active: z.array(count, { error: expect(REASONS.array) }).readonly(),
      period: z.enum(["day", "week", "month", "quarter", "year"], { error: expectOptional(REASONS.period) }).exactOptional(),
    },
    { error: expect(REASONS.object) },
  )
  .superRefine(checkCohort);
