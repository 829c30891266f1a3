export type {
  ActivityEvent,
  ActivityRow,
  ActivityTable,
  CustomerActivity,
  CustomerData,
  CustomerDataCounts,
  CustomerIssue,
  CustomerIssueReason,
  CustomerLifetime,
  CustomerStart,
  RateResult,
} from "./types.ts";
export type { CustomerPeriod } from "./_period.ts";
export { churnRate } from "./churnRate.ts";
export { retentionRate } from "./retentionRate.ts";
export { periodChurn, type PeriodChurnCounts, type PeriodChurnOptions, type PeriodChurnResult } from "./periodChurn.ts";
export { buildCohorts, type BuildCohortsOptions, type BuildCohortsResult, type CohortMode } from "./buildCohorts.ts";
export { retentionMatrix, type PeriodChurnPoint, type RetentionMatrix, type RetentionPoint, type RetentionRow } from "./retentionMatrix.ts";
export { revenueRetention, type RevenueRetentionOptions, type RevenueRetentionResult } from "./revenueRetention.ts";
export { repeatPurchaseRate, type RepeatPurchaseRateResult } from "./repeatPurchaseRate.ts";
export { customerLifetimeValue, type CustomerLifetimeValueInputs, type CustomerLifetimeValueResult } from "./customerLifetimeValue.ts";
export { revenueAtRisk } from "./revenueAtRisk.ts";
export { compareGroups, type GroupComparison, type GroupSummary } from "./compareGroups.ts";
export {
  DEFAULT_REPEAT_WINDOW_MS,
  repeatContacts,
  repeatContactsAccumulator,
  repeatStanding,
  type RepeatContactsOptions,
  type RepeatContactsState,
  type RepeatContactsSummary,
  type RepeatStanding,
} from "./repeatContacts.ts";
export type { RequesterDictionary, RequesterFacts } from "./_requesters.ts";
