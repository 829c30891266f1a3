export { businessTimeBetween } from "./businessTimeBetween.ts";
export { addBusinessTime } from "./addBusinessTime.ts";
export type {
  AnomalousDuration,
  AnomalyReason,
  DurationFigureSource,
  DurationSource,
  MeasuredDuration,
  SkippedDuration,
  TicketAnomaly,
  TicketDuration,
  TicketValues,
  TimeOptions,
} from "./durationTypes.ts";
export { firstResponseTime, type FirstResponseSkip } from "./firstResponseTime.ts";
export { firstResponseTimes } from "./firstResponseTimes.ts";
export { customerTurns, type CustomerTurn, type CustomerTurns } from "./customerTurns.ts";
export { responseTimes, type ResponseTimesSkip } from "./responseTimes.ts";
export { resolutionTime, type ResolutionSkip, type ResolutionTimeOptions } from "./resolutionTime.ts";
export { resolutionTimes } from "./resolutionTimes.ts";
export { assignmentTime } from "./assignmentTime.ts";
export { assignmentTimes } from "./assignmentTimes.ts";
export { requesterWaitTime, type RequesterWaitSkip, type RequesterWaitTimeOptions } from "./requesterWaitTime.ts";
export { requesterWaitTimes } from "./requesterWaitTimes.ts";
export type { RepliesSkip } from "./_replies.ts";
export { repliesToResolve } from "./repliesToResolve.ts";
export { oneTouchResolution, type OneTouchResolution } from "./oneTouchResolution.ts";
export { summarizeDurations, type DurationPercentile, type DurationSummary, type SummarizeDurationsOptions } from "./summarizeDurations.ts";
export { percentile } from "./percentile.ts";
export {
  kaplanMeier,
  type KaplanMeierEstimate,
  type KaplanMeierOptions,
  type RestrictedMean,
  type SurvivalObservation,
  type SurvivalQuantile,
  type SurvivalStep,
} from "./kaplanMeier.ts";
export { resolutionSurvival } from "./resolutionSurvival.ts";
export { firstResponseSurvival } from "./firstResponseSurvival.ts";
export {
  firstResponseSurvivalAccumulator,
  resolutionSurvivalAccumulator,
  type FirstResponseSurvivalExclusion,
  type ResolutionSurvivalExclusion,
  type ResolutionSurvivalOptions,
  type SurvivalAccumulator,
  type SurvivalState,
  type TicketSurvival,
  type TicketSurvivalOptions,
} from "./survivalAccumulators.ts";
export {
  assignmentTimeAccumulator,
  firstResponseTimeAccumulator,
  requesterWaitTimeAccumulator,
  resolutionTimeAccumulator,
  responseTimesAccumulator,
  type DurationAccumulator,
  type DurationAccumulatorOptions,
  type DurationMetricSummary,
  type DurationState,
  type ResolutionTimeAccumulatorOptions,
} from "./durationAccumulators.ts";
export {
  oneTouchAccumulator,
  repliesToResolveAccumulator,
  type OneTouchAccumulatorOptions,
  type OneTouchState,
  type OneTouchSummary,
  type RepliesState,
  type RepliesToResolveAccumulatorOptions,
  type RepliesToResolveSummary,
} from "./replyAccumulators.ts";
export type { TicketTimes } from "./ticketTimes.ts";
export type { SurvivalFacts } from "./survivalFacts.ts";
export type { ReconciledTicket, Reconciliation } from "./reconciliation.ts";
export type { QuantileBounds, ValueSummary } from "../../_lib/valueSummary.ts";
export type { LogMeanInterval } from "../../_lib/logMeanInterval.ts";
export {
  statusTimes,
  type MeasuredStatusTimes,
  type StatusTimes,
  type StatusTimeSkip,
  type StatusTimesOptions,
  type StatusTimeValues,
} from "./statusTimes.ts";
export { reopenEvents, ticketHandoffs, type TicketHandoffs } from "./handoffs.ts";
export { statusTimeAccumulator, timeInStatus, type StatusTimeAccumulator, type StatusTimeFigure } from "./statusTimeAccumulators.ts";
export type { StatusTimesFacts } from "./_statusTimesFacts.ts";
export { handoffs, handoffsAccumulator, type HandoffsOptions, type HandoffsState, type HandoffsSummary } from "./handoffsAccumulator.ts";
export {
  ticketResponders,
  type CreditedTime,
  type ResponderReplies,
  type TicketResponders,
  type ResponderFacts,
} from "./ticketResponders.ts";
export {
  responders,
  respondersAccumulator,
  type RespondersOptions,
  type RespondersState,
  type RespondersSummary,
  type ResponderFigures,
} from "./responders.ts";
export { ticketBots, type BotHandoff, type TicketBots, type BotFacts } from "./ticketBots.ts";
export { bots, botsAccumulator, type BotsOptions, type BotsState, type BotsSummary } from "./bots.ts";
export type { RowFacts } from "./_messageFacts.ts";
