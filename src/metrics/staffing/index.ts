export type { ErlangTraffic } from "./_traffic.ts";
export { trafficIntensity } from "./trafficIntensity.ts";
export { erlangB } from "./erlangB.ts";
export {
  callStats,
  callStatsAccumulator,
  type CallFacts,
  type CallStats,
  type CallStatsOptions,
  type CallStatsState,
} from "./callStats.ts";
export { erlangC, type ErlangCResult } from "./erlangC.ts";
export { erlangCAgents, type ErlangCStaffing, type ErlangCTargets } from "./erlangCAgents.ts";
export { erlangA, type ErlangAResult, type ErlangATraffic } from "./erlangA.ts";
export {
  staffingPlan,
  type HourOfWeekStaffing,
  type StaffingPlan,
  type StaffingPlanInterval,
  type StaffingPlanOptions,
  type VolumeInterval,
} from "./staffingPlan.ts";
export { weeklyStaffing, weeklyStaffingAccumulator, type WeeklyStaffingOptions, type WeeklyStaffingState } from "./weeklyStaffing.ts";
export type { ObservedComparison, StaffingContact, WeeklyStaffing, WeeklyStaffingInterval } from "./weeklyStaffingTypes.ts";
