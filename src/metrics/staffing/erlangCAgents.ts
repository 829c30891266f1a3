import { checkTargets, searchAgents } from "./_search.ts";
import { checkTraffic, type ErlangTraffic } from "./_traffic.ts";
import type { ErlangCResult } from "./erlangC.ts";

/**
 * Targets and adjustments for {@link erlangCAgents}. Times are in seconds. When neither
 * `serviceLevel` nor `maxAverageSpeedOfAnswer` is given, the service level target is 0.8
 * (the common "80/20" with the default 20 s target answer time).
 *
 * @category Staffing
 */
export interface ErlangCTargets {
  /** Minimum share answered within the traffic's `targetAnswerTime`, from 0 (inclusive) to 1 (exclusive). Default: 0.8 when no ASA target is given. */
  readonly serviceLevel?: number;
  /** Maximum average speed of answer in seconds, > 0. Default: none. */
  readonly maxAverageSpeedOfAnswer?: number;
  /** Maximum occupancy A / N, in (0, 1]. Default: 1 (no cap). */
  readonly maxOccupancy?: number;
  /** Share of paid time agents are not available (breaks, training, absence), from 0 (inclusive) to 1 (exclusive). Default: 0. */
  readonly shrinkage?: number;
}

/**
 * The agents needed for one interval under Erlang C.
 *
 * @category Staffing
 */
export interface ErlangCStaffing {
  /** The minimum number of agents answering that meets every target. */
  readonly agents: number;
  /** Agents to schedule: ⌈agents / (1 − shrinkage)⌉. */
  readonly scheduledAgents: number;
  /** The shrinkage used. */
  readonly shrinkage: number;
  /** Erlang C's prediction for `agents` (service level, ASA, occupancy, ...). */
  readonly achieved: ErlangCResult;
}

/**
 * The minimum number of agents N for which Erlang C meets the targets: service level
 * 1 − Pw·e^(−(N − A)t/AHT) ≥ target, ASA = Pw·AHT/(N − A) ≤ target and A/N ≤ maximum
 * occupancy; then the agents to schedule, ⌈N / (1 − shrinkage)⌉.
 *
 * @param traffic - {@link ErlangTraffic}: `arrivals` per interval, `averageHandleTime`,
 * `intervalLength` (default 1800) and `targetAnswerTime` (default 20), all in seconds.
 * @param targets - {@link ErlangCTargets}: `serviceLevel` (default 0.8 when no ASA target),
 * `maxAverageSpeedOfAnswer`, `maxOccupancy` (default 1), `shrinkage` (default 0).
 * @returns The agents, the scheduled agents and what Erlang C predicts for them.
 * @throws {@link MetricRangeError} `E_ARRIVALS_RANGE`, `E_HANDLE_TIME`, `E_INTERVAL_LENGTH`,
 * `E_ANSWER_TIME` for invalid traffic; `E_SERVICE_LEVEL_TARGET` if the service level target
 * is not in [0, 1); `E_ASA_TARGET` if the ASA target is not a finite number > 0;
 * `E_OCCUPANCY_CAP` if the occupancy cap is not in (0, 1]; `E_SHRINKAGE_RANGE` if shrinkage
 * is not in [0, 1); `E_TRAFFIC_LIMIT` if the traffic intensity exceeds 100,000 Erlangs; `E_AGENTS_LIMIT` if the targets
 * need more than 100,000 agents (the search stops there, so every call is bounded).
 * @remarks The search starts at the smallest N above A (and at ⌈A / maxOccupancy⌉) and adds
 * one agent at a time, stepping Erlang B incrementally, so it costs O(N) even for thousands
 * of agents. The answer is always above A (a queue that does not grow without bound), even
 * for a target of 0. A target of exactly 100 % (or an ASA of 0) can never be met while contacts
 * arrive, hence the open bounds. Zero arrivals need 0 agents. The shrinkage ceiling tolerates
 * a relative rounding error of 1e−9 (14 / 0.7 is 20 agents, not 21).
 * @example
 * ```ts
 * const s = erlangCAgents(
 *   { arrivals: 100, averageHandleTime: 180, targetAnswerTime: 20 },
 *   { serviceLevel: 0.8, shrinkage: 0.3 },
 * );
 * s.agents;               // => 14
 * s.scheduledAgents;      // => 20
 * s.achieved.serviceLevel; // => 0.8883500191794669
 * ```
 * @see {@link https://www.callcentrehelper.com/erlang-c-formula-example-121281.htm} (14 agents, 20 with 30 % shrinkage)
 * @see "Top 12 métricas de atención al cliente" ("total volume": queueing theory for staffing)
 * @category Staffing
 */
export function erlangCAgents(traffic: ErlangTraffic, targets?: ErlangCTargets): ErlangCStaffing {
  const fn = "erlangCAgents";
  const checked = checkTraffic(fn, traffic);
  const goals = checkTargets(fn, targets);
  return searchAgents(fn, checked, goals);
}
