export { resolutionRate, type ResolutionRateOptions, type ResolutionRateResult } from "./resolutionRate.ts";
export { resolutionRateFromCounts } from "./resolutionRateFromCounts.ts";
export { ticketsByStatus, type TicketsByStatus } from "./ticketsByStatus.ts";
export { backlog, type BacklogOptions, type BacklogResult } from "./backlog.ts";
export { channelMix, type ChannelMix, type ChannelCount } from "./channelMix.ts";
export type { BucketUnit } from "../../_lib/bucket.ts";
export type { TypePeriod } from "./_typeTally.ts";
export type { TypeTally } from "./typeTallies.ts";
export {
  volumeByPeriod,
  type VolumeByPeriodOptions,
  type VolumeByPeriodResult,
  type VolumeBucket,
  type VolumeSkipped,
  type VolumeMessageCounts,
} from "./volumeByPeriod.ts";
export { statusesOverTime, type StatusesOverTimeOptions, type StatusesOverTimeResult, type StatusesBucket } from "./statusesOverTime.ts";
export { peakHours, type PeakHoursOptions, type PeakHoursResult, type PeakSlot } from "./peakHours.ts";
export { volumeByPeriodAccumulator, statusesOverTimeAccumulator, peakHoursAccumulator } from "./volumeAccumulators.ts";
export type { VolumeState as VolumeByPeriodState } from "./volumeByPeriodState.ts";
export type { StatusesState as StatusesOverTimeState } from "./statusesOverTimeState.ts";
export type { PeakState as PeakHoursState } from "./peakHoursState.ts";
export { typeShares, type TypeSharesOptions, type TypeSharesResult, type TypeShare } from "./typeShares.ts";
export { newTypes, type NewTypesOptions, type NewTypesResult, type NewType } from "./newTypes.ts";
export { typeChange, type TypeChangeOptions, type TypeChangeResult, type TypeChangeEntry } from "./typeChange.ts";
export { channelMixAccumulator, statusCountsAccumulator, type ChannelMixState, type StatusCountsState } from "./countAccumulators.ts";
export {
  backlogAccumulator,
  resolutionRateAccumulator,
  type BacklogState,
  type BacklogSummary,
  type ResolutionRateAccumulatorOptions,
  type ResolutionRateState,
  type ResolutionRateSummary,
} from "./resolutionAccumulators.ts";
export { typeCountsAccumulator, type TypeCountsState } from "./typeCountsAccumulator.ts";
export { reopenRate, reopenRateAccumulator, type ReopenRateOptions, type ReopenRateState, type ReopenRateSummary } from "./reopenRate.ts";
