/**
 * The report's survival summaries as JSON: counts and the Kaplan–Meier median, percentiles and
 * restricted mean of `resolutionSurvival` and `firstResponseSurvival` (not the curve).
 *
 * @module
 */
import type { KaplanMeierEstimate, RestrictedMean } from "../metrics/time/kaplanMeier.ts";
import type { FirstResponseSurvivalExclusion, ResolutionSurvivalExclusion, TicketSurvival } from "../metrics/time/survivalAccumulators.ts";
import type { Json } from "./json.ts";

/**
 * A Kaplan–Meier estimate in the report: its confidence level, the median and the configured
 * percentiles (each `{ p, value, lower, upper }` in ms, `null` when not reached), and the
 * restricted mean up to its horizon (the scope's largest followed time). The curve itself is
 * `resolutionSurvival` / `firstResponseSurvival`'s.
 *
 * @category Report
 */
export type SurvivalEstimateJson = Json<Pick<KaplanMeierEstimate, "confidenceLevel" | "median" | "percentiles">> & {
  /** ∫₀^τ S(t) dt in ms, with its horizon τ in ms. */
  readonly restrictedMean: Json<Pick<RestrictedMean, "horizon" | "value">>;
};

/**
 * A survival summary in the report: tickets counted (`observed` + `censored` at `asOf`), left
 * out by reason, and the estimate in calendar and business time (`null` without a counted ticket,
 * business also without a schedule).
 *
 * @typeParam Reason - The exclusion reasons.
 * @category Report
 */
export type SurvivalJson<Reason extends string> = Json<Pick<TicketSurvival<Reason>, "counted" | "observed" | "censored" | "excluded">> & {
  /** The estimate in calendar time; `null` when no ticket was counted. */
  readonly calendar: SurvivalEstimateJson | null;
  /** The estimate in business time; `null` without a schedule or when no ticket was counted. */
  readonly business: SurvivalEstimateJson | null;
};

/** Time to the final solve counting open tickets (`resolutionSurvival`). @category Report */
export type ResolutionSurvivalJson = SurvivalJson<ResolutionSurvivalExclusion>;

/** Time to the first response counting unanswered tickets (`firstResponseSurvival`). @category Report */
export type FirstResponseSurvivalJson = SurvivalJson<FirstResponseSurvivalExclusion>;
