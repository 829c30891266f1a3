export { npsInterval, type NpsInterval, type NpsIntervalOptions } from "./npsInterval.ts";
export { npsDifferenceTest, type NpsDifferenceTest, type NpsDifferenceTestOptions } from "./npsDifferenceTest.ts";
export type { NpsCounts, NpsSample } from "./_npsCounts.ts";
export { wilsonInterval, type WilsonInterval, type WilsonIntervalOptions } from "./wilsonInterval.ts";
export { twoProportionZTest, type ProportionCounts, type TwoProportionZTest } from "./twoProportionZTest.ts";
export { meanInterval, type MeanInterval, type MeanIntervalOptions } from "./meanInterval.ts";
export {
  bootstrapQuantileInterval,
  type BootstrapQuantileInterval,
  type BootstrapQuantileIntervalOptions,
} from "./bootstrapQuantileInterval.ts";
export { sampleSizeForMargin, type SampleSizeForMarginOptions } from "./sampleSizeForMargin.ts";
export { npsSampleSizeForMargin, type NpsSampleSizeForMarginOptions } from "./npsSampleSizeForMargin.ts";
export { quantileInterval, type QuantileInterval, type QuantileIntervalOptions } from "./quantileInterval.ts";
export { quantileChange, type QuantileChange, type QuantileChangeOptions, type QuantileEstimate } from "./quantileChange.ts";
export {
  indirectStandardization,
  type IndirectStandardization,
  type StandardizedGroup,
  type StratumCell,
} from "./indirectStandardization.ts";
export {
  betaBinomialShrinkage,
  type BetaBinomialShrinkage,
  type BetaBinomialShrinkageOptions,
  type BetaPrior,
  type ShrunkRate,
  type SuccessCounts,
} from "./betaBinomialShrinkage.ts";
export {
  rankProbabilities,
  type RankCandidate,
  type RankCertainty,
  type RankDistribution,
  type RankProbabilitiesOptions,
} from "./rankProbabilities.ts";
