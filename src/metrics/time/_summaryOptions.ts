/**
 * The summary options of the accumulators that summarise values (durations, reply counts,
 * handoffs, responders, bots), checked in one place: percentiles, confidence level and quantile mode.
 *
 * @internal
 * @module
 */
import { assertFraction } from "../../_lib/guards.ts";
import { checkQuantileOption, type QuantileOption } from "../../_lib/quantileStore.ts";
import { confidenceLevelOf } from "../stats/confidence.ts";
import type { DurationAccumulatorOptions } from "./durationAccumulators.ts";

/** The checked summary options. @internal */
export interface SummaryOptions {
  readonly percentiles: readonly number[];
  readonly level: number;
  readonly quantiles: QuantileOption;
}

/**
 * `options`' percentiles (default `[0.9]`), confidence level and quantile mode, checked.
 *
 * @throws `E_FRACTION_RANGE`, `E_CONFIDENCE_LEVEL`, `E_OPTION_VALUE` naming `fn`.
 * @internal
 */
export function summaryOptions(
  fn: string,
  options: Pick<DurationAccumulatorOptions, "percentiles" | "confidenceLevel" | "quantiles"> | undefined,
): SummaryOptions {
  const percentiles = [...(options?.percentiles ?? [0.9])];
  for (const p of percentiles) assertFraction(fn, "percentile", p);
  return { percentiles, level: confidenceLevelOf(fn, options?.confidenceLevel), quantiles: checkQuantileOption(fn, options?.quantiles) };
}
