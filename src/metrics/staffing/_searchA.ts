import { MetricRangeError } from "../../_lib/errors.ts";
import { ceilTolerant } from "../../_lib/ceil.ts";
import type { CheckedTargets } from "./_search.ts";
import { MAX_AGENTS, type CheckedTraffic } from "./_traffic.ts";
import { erlangA, type ErlangAResult } from "./erlangA.ts";

/** What the Erlang A search finds for one interval. @internal */
export interface ErlangAStaffing {
  readonly agents: number;
  readonly scheduledAgents: number;
  readonly achieved: ErlangAResult;
}

/**
 * The fewest agents N ≥ 1 for which Erlang A (patience in seconds) meets the checked targets:
 * service level (over all arrivals, abandoned ones not answered) ≥ target, ASA of answered
 * calls ≤ target, occupancy ≤ cap. Service level and ASA improve and occupancy falls as agents
 * are added, so the search doubles N until the targets are met, then bisects: O(log N) Erlang A
 * evaluations. Throws `E_AGENTS_LIMIT` past 100,000 agents. Zero arrivals need 0 agents.
 *
 * @internal
 */
export function searchAgentsA(fn: string, traffic: CheckedTraffic, patience: number, goals: CheckedTargets): ErlangAStaffing {
  const load = { ...traffic, patience };
  const evaluate = (n: number): ErlangAResult => erlangA(n, load);
  const meets = (r: ErlangAResult): boolean =>
    (goals.serviceLevel === undefined || r.serviceLevel >= goals.serviceLevel) &&
    (goals.maxAverageSpeedOfAnswer === undefined || r.averageSpeedOfAnswer <= goals.maxAverageSpeedOfAnswer) &&
    r.occupancy <= goals.maxOccupancy * (1 + 1e-12);
  if (traffic.intensity === 0) {
    return { agents: 0, scheduledAgents: 0, achieved: evaluate(1) };
  }
  let hi = 1;
  let best = evaluate(hi);
  while (!meets(best)) {
    if (hi >= MAX_AGENTS) {
      throw new MetricRangeError("E_AGENTS_LIMIT", `${fn}: the agents needed must be at most ${String(MAX_AGENTS)}, got more`);
    }
    hi = Math.min(MAX_AGENTS, hi * 2);
    best = evaluate(hi);
  }
  let lo = Math.floor(hi / 2); // fails (or 0)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const r = evaluate(mid);
    if (meets(r)) {
      hi = mid;
      best = r;
    } else {
      lo = mid;
    }
  }
  return { agents: hi, scheduledAgents: ceilTolerant(hi / (1 - goals.shrinkage)), achieved: best };
}
