export { nps } from "./nps.ts";
export { npsBreakdown, type NpsBreakdown } from "./npsBreakdown.ts";
export { npsAccumulator, type NpsState } from "./npsAccumulator.ts";
export { happinessScore } from "./happinessScore.ts";
export {
  happinessScoreAccumulator,
  type HappinessBreakdown,
  type HappinessRating,
  type HappinessState,
} from "./happinessScoreAccumulator.ts";
export { csat, type CsatOptions } from "./csat.ts";
export { csatAccumulator, type CsatState, type CsatSummary } from "./csatAccumulator.ts";
export { csatBinary } from "./csatBinary.ts";
export { csatVerbal } from "./csatVerbal.ts";
export { negativeShare, type NegativeShareOptions } from "./negativeShare.ts";
export { negativeShareBinary } from "./negativeShareBinary.ts";
export { negativeShareVerbal } from "./negativeShareVerbal.ts";
export { ces, type CesOptions } from "./ces.ts";
export { cesEasyShare, type CesEasyShareOptions } from "./cesEasyShare.ts";
export { cesAccumulator, type CesState, type CesSummary } from "./cesAccumulator.ts";
export { surveyResponseRate } from "./surveyResponseRate.ts";
export { surveyResponseProblem, type SurveyResponseProblem } from "./surveyResponseProblem.ts";
export {
  surveyResponsesAccumulator,
  type SurveyCesEntry,
  type SurveyCesSummary,
  type SurveyCsatSummary,
  type SurveyInterval,
  type SurveyNpsSummary,
  type SurveyResponsesAccumulatorOptions,
  type SurveyResponsesState,
  type SurveySummary,
} from "./surveyResponsesAccumulator.ts";
export {
  ticketRatingsAccumulator,
  type TicketRatingsAccumulatorOptions,
  type TicketRatingsState,
  type TicketRatingsSummary,
} from "./ticketRatingsAccumulator.ts";
export type { BinaryAnswer } from "./_labels.ts";
