import { erlangCChecked } from "./_erlangC.ts";
import { checkAgents, checkTraffic, erlangB, type ErlangTraffic } from "./_traffic.ts";

/**
 * What Erlang C predicts for a number of agents. Times are in seconds.
 *
 * @category Staffing
 */
export interface ErlangCResult {
  /** Agents answering contacts (on the phones, after shrinkage). */
  readonly agents: number;
  /** Traffic intensity A in Erlangs. */
  readonly trafficIntensity: number;
  /** Probability that a contact has to wait (all agents busy), from 0 to 1. */
  readonly probabilityOfWaiting: number;
  /** Share of contacts answered within `targetAnswerTime`, from 0 to 1. */
  readonly serviceLevel: number;
  /** The target answer time the service level refers to, in seconds. */
  readonly targetAnswerTime: number;
  /** Average speed of answer over all contacts (waiting or not), in seconds; `Infinity` when agents ≤ A. */
  readonly averageSpeedOfAnswer: number;
  /** Average number of contacts waiting in the queue; `Infinity` when agents ≤ A. */
  readonly averageQueueLength: number;
  /** Agent occupancy A / N, from 0 to 1 (1 when agents ≤ A: everyone is always busy). */
  readonly occupancy: number;
}

/**
 * Erlang C (M/M/N queue) for N agents: with traffic intensity A = λ·AHT, the probability of
 * waiting Pw = N·B / (N − A(1 − B)) (B the Erlang B probability), the service level
 * 1 − Pw·e^(−(N − A)·t/AHT), the average speed of answer Pw·AHT/(N − A) and occupancy A/N.
 *
 * @param agents - The number of agents answering, an integer ≥ 0.
 * @param traffic - {@link ErlangTraffic}: `arrivals` per interval, `averageHandleTime`,
 * `intervalLength` (default 1800) and `targetAnswerTime` (default 20), all in seconds.
 * @returns The prediction (never `undefined`: zero arrivals is a valid, idle queue).
 * @throws {@link MetricRangeError} `E_AGENTS_RANGE` if agents is not an integer ≥ 0;
 * `E_ARRIVALS_RANGE`, `E_HANDLE_TIME`, `E_INTERVAL_LENGTH`, `E_ANSWER_TIME` for invalid traffic;
 * `E_AGENTS_LIMIT` if agents exceeds 100,000; `E_TRAFFIC_LIMIT` if the traffic intensity exceeds 100,000 Erlangs.
 * @remarks Assumes Poisson arrivals, exponential handle times, first-come-first-served and
 * callers who never hang up (see {@link erlangA} for abandonment). Erlang B is computed by
 * the recursion B(n) = A·B(n − 1)/(n + A·B(n − 1)), with no factorials, so thousands of agents
 * are fine. When agents ≤ A (and A > 0) the queue grows without bound: this function does not
 * throw but returns probabilityOfWaiting 1, serviceLevel 0, averageSpeedOfAnswer and
 * averageQueueLength `Infinity`, occupancy 1. With zero arrivals nobody waits: 0, 1, 0, 0, 0.
 * The average queue length is λ·ASA (Little's law).
 * @example
 * ```ts
 * const r = erlangC(14, { arrivals: 100, averageHandleTime: 180 }); // 100 calls per 30 min
 * r.trafficIntensity;     // => 10
 * r.probabilityOfWaiting; // => 0.17413193359504983
 * r.serviceLevel;         // => 0.8883500191794669
 * r.occupancy;            // => 0.7142857142857143
 * erlangC(10, { arrivals: 100, averageHandleTime: 180 }).averageSpeedOfAnswer; // => Infinity
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Erlang_(unit)#Erlang_C_formula}
 * @see {@link https://www.callcentrehelper.com/erlang-c-formula-example-121281.htm} (the 100 calls / 30 min, 180 s, 80/20 example)
 * @category Staffing
 */
export function erlangC(agents: number, traffic: ErlangTraffic): ErlangCResult {
  const fn = "erlangC";
  checkAgents(fn, agents, 0);
  const checked = checkTraffic(fn, traffic);
  return erlangCChecked(agents, checked, erlangB(agents, checked.intensity));
}
