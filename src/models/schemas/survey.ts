import { z } from "zod";
import { expect, instant, integer, optionalText } from "./fields.ts";
import { REASONS } from "../../_lib/reasons.ts";

/**
 * The {@link SurveyScale} model: `min` and `max`, integers (survey scales are points). The
 * order `min < max` is checked by {@link SurveyResponseSchema}.
 *
 * @category Models
 */
export const SurveyScaleSchema = z.object({ min: integer, max: integer }, { error: expect(REASONS.object) });

/** What a response must satisfy across its fields. */
interface ResponseFields {
  readonly kind: "nps" | "csat" | "ces";
  readonly score: number;
  readonly scale: { readonly min: number; readonly max: number };
}

/**
 * The cross-field invariants of a survey response: `scale.min < scale.max`; an `nps`
 * response uses the 0–10 scale; the score lies within the scale.
 *
 * @internal
 */
export function checkSurveyResponse(value: ResponseFields, ctx: z.RefinementCtx): void {
  // Refinements also run when a field already failed: check only what is well-formed.
  const scale = value.scale as ResponseFields["scale"] | undefined;
  if (typeof scale !== "object" || scale === null) return;
  const { min, max } = scale;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max)) return;
  if (!(min < max)) {
    ctx.addIssue({ code: "custom", path: ["scale", "min"], message: REASONS.scaleOrder, input: min });
    return;
  }
  if (value.kind === "nps" && (min !== 0 || max !== 10)) {
    ctx.addIssue({ code: "custom", path: ["scale"], message: REASONS.npsScale, input: value.scale });
    return;
  }
  if (!Number.isSafeInteger(value.score)) return;
  if (value.score < min || value.score > max) {
    ctx.addIssue({ code: "custom", path: ["score"], message: REASONS.scoreRange, input: value.score });
  }
}

/**
 * The {@link SurveyResponse} model exactly, with its invariants: `kind` is `nps`, `csat`
 * or `ces`; `score` and the scale bounds are integers (as the survey metrics require) with
 * `scale.min < scale.max` and `scale.min ≤ score ≤ scale.max`; an `nps` response has the
 * scale `{ min: 0, max: 10 }`; `answeredAt` is a valid `Date`; the optional ids are strings.
 *
 * @example
 * ```ts
 * SurveyResponseSchema.safeParse({
 *   kind: "csat", score: 6, scale: { min: 1, max: 5 }, answeredAt: new Date("2026-03-08T10:00:00Z"),
 * }).success; // => false
 * ```
 * @category Models
 */
export const SurveyResponseSchema = z
  .object(
    {
      kind: z.enum(["nps", "csat", "ces"], { error: expect(REASONS.kind) }),
      score: integer,
      scale: SurveyScaleSchema,
      answeredAt: instant,
      ticketId: optionalText,
      customerId: optionalText,
      agent: optionalText,
      channel: optionalText,
    },
    { error: expect(REASONS.object) },
  )
  .superRefine(checkSurveyResponse);
