export { DEFAULT_FIRST_RESPONSE_TARGETS } from "./defaultFirstResponseTargets.ts";
export type { MatchedSlaTarget } from "./policy.ts";
export type { SlaOptions } from "./_options.ts";
export type { SlaCheck, SlaSkip, SlaStatus, TicketSla } from "./_evaluate.ts";
export { slaTargetFor } from "./slaTargetFor.ts";
export { ticketSla } from "./ticketSla.ts";
export { slaCompliance, type SlaBreach, type SlaComplianceResult, type SlaTally } from "./slaCompliance.ts";
export {
  slaComplianceAccumulator,
  type SlaComplianceAccumulatorOptions,
  type SlaFacts,
  type SlaState,
  type SlaSummary,
  type SlaTallySummary,
} from "./slaComplianceAccumulator.ts";
