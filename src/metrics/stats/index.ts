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
