import type { CheckedTargets } from "./_search.ts";
import { searchAgents } from "./_search.ts";
import { searchAgentsA } from "./_searchA.ts";
import type { CheckedTraffic } from "./_traffic.ts";
import type { ObservedComparison, WeeklyStaffingInterval } from "./weeklyStaffingTypes.ts";

/** Running sums of an observed comparison. @internal */
export interface Comparing {
  intervals: number;
  offered: number;
  agents: number;
  within: number;
  predicted: number;
}

/** The comparison of running sums. @internal */
export function comparison(c: Comparing): ObservedComparison {
  return {
    intervals: c.intervals,
    offered: c.offered,
    agents: c.agents / c.intervals,
    measuredServiceLevel: c.within / c.offered,
    predictedServiceLevel: c.predicted / c.offered,
  };
}

/** The model's figures of one interval. @internal */
export type StaffRow = Pick<
  WeeklyStaffingInterval,
  "agents" | "scheduledAgents" | "serviceLevel" | "averageSpeedOfAnswer" | "occupancy" | "probabilityOfAbandonment"
>;

/** The fewest agents of one interval under the model, and its figures. @internal */
export function staff(
  fn: string,
  model: "erlang-c" | "erlang-a",
  traffic: CheckedTraffic,
  patience: number | undefined,
  goals: CheckedTargets,
): StaffRow {
  if (model === "erlang-a") {
    const s = searchAgentsA(fn, traffic, patience as number, goals);
    const r = s.achieved;
    return {
      agents: s.agents,
      scheduledAgents: s.scheduledAgents,
      serviceLevel: r.serviceLevel,
      averageSpeedOfAnswer: r.averageSpeedOfAnswer,
      occupancy: r.occupancy,
      probabilityOfAbandonment: r.probabilityOfAbandonment,
    };
  }
  const s = searchAgents(fn, traffic, goals);
  const r = s.achieved;
  return {
    agents: s.agents,
    scheduledAgents: s.scheduledAgents,
    serviceLevel: r.serviceLevel,
    averageSpeedOfAnswer: r.averageSpeedOfAnswer,
    occupancy: r.occupancy,
  };
}
