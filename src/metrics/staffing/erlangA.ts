import { MetricRangeError } from "../../_lib/errors.ts";
import { incompleteBeta } from "../../_lib/special.ts";
import { checkAgents, checkTraffic, logInverseErlangB, type ErlangTraffic } from "./_traffic.ts";

/**
 * The load of {@link erlangA}: {@link ErlangTraffic} plus the callers' mean patience.
 *
 * @category Staffing
 */
export interface ErlangATraffic extends ErlangTraffic {
  /** Mean time a caller is willing to wait before hanging up, in seconds (exponential patience); finite and > 0. */
  readonly patience: number;
}

/**
 * What Erlang A predicts for a number of agents. Times are in seconds.
 *
 * @category Staffing
 */
export interface ErlangAResult {
  /** Agents answering contacts. */
  readonly agents: number;
  /** Traffic intensity A = λ·AHT in Erlangs (offered, before abandonment). */
  readonly trafficIntensity: number;
  /** The mean patience used, in seconds. */
  readonly patience: number;
  /** Probability that an arriving contact finds all agents busy and has to wait. */
  readonly probabilityOfWaiting: number;
  /** Probability that an arriving contact hangs up before being answered. */
  readonly probabilityOfAbandonment: number;
  /** Share of all arriving contacts answered within `targetAnswerTime` (those who abandon count as not answered). */
  readonly serviceLevel: number;
  /** The target answer time the service level refers to, in seconds. */
  readonly targetAnswerTime: number;
  /** Average wait of the contacts that are answered (0 for those answered at once), in seconds. */
  readonly averageSpeedOfAnswer: number;
  /** Average time in queue over all arrivals, answered or abandoned, in seconds. */
  readonly averageWait: number;
  /** Average number of contacts waiting in the queue. */
  readonly averageQueueLength: number;
  /** Agent occupancy: answered load / agents = A·(1 − P(abandon)) / N, from 0 to 1. */
  readonly occupancy: number;
}

const MAX_STATES = 10_000_000;
/** The largest patience / averageHandleTime accepted. */
const MAX_PATIENCE_RATIO = 1e12;

/**
 * Erlang A (the M/M/N+M queue: Poisson arrivals, exponential handle times, exponential
 * patience with mean `patience`): from the birth–death stationary distribution, the
 * probability of waiting, of abandonment, the service level, the average waits and occupancy.
 *
 * @param agents - The number of agents answering, an integer ≥ 1.
 * @param traffic - {@link ErlangATraffic}: `arrivals` per interval, `averageHandleTime`,
 * `patience`, `intervalLength` (default 1800) and `targetAnswerTime` (default 20), all in seconds.
 * @returns The prediction.
 * @throws {@link MetricRangeError} `E_AGENTS_RANGE` if agents is not an integer ≥ 1;
 * `E_ARRIVALS_RANGE`, `E_HANDLE_TIME`, `E_INTERVAL_LENGTH`, `E_ANSWER_TIME` for invalid
 * traffic; `E_PATIENCE_RANGE` if patience is not a finite number > 0 or exceeds 1e12 × the handle time; `E_ERLANG_A_STATES` if
 * more than 10,000,000 queue states would be needed (agents well below A with a patience
 * millions of times the handle time); `E_AGENTS_LIMIT` if agents exceeds 100,000;
 * `E_TRAFFIC_LIMIT` if the traffic intensity exceeds 100,000 Erlangs.
 * @remarks With λ the arrival rate, μ = 1/AHT, θ = 1/patience: states j ≤ N have weights
 * A^j/j! (taken from the Erlang B recursion in log space, no factorials) and states N + k
 * have weight π_N·∏_{i=1..k} λ/(Nμ + iθ); the queue is stable for any number of agents. By
 * PASTA a caller who arrives to find the N agents busy and k − 1 others waiting is answered
 * if its patience outlasts V, a sum of exponentials with rates Nμ + iθ (i = 0..k − 1); then
 * e^(−θV) ~ Beta(m, k) with m = Nμ/θ, so P(answered) = m/(m + k), P(answered within t) =
 * m/(m + k)·(1 − I_{e^(−θt)}(m + 1, k)) (I the regularized incomplete beta function), the mean
 * time in queue is k/(Nμ + kθ) and the mean wait of an answered caller uses E[−ln U] of
 * Beta(m + 1, k). These agree with the formulas of Garnett, Mandelbaum & Reiman (2002) and
 * Mandelbaum & Zeltyn; the identity P(abandon) = θ·E[queue]/λ holds. As patience → ∞ the
 * results tend to Erlang C's (for N > A). Zero arrivals give 0, 0, 1, 0, 0, 0, 0.
 * @example
 * ```ts
 * const r = erlangA(14, { arrivals: 100, averageHandleTime: 180, patience: 120 });
 * r.probabilityOfAbandonment; // => 0.022839286531818787
 * r.serviceLevel;             // => 0.9327295806980596
 * ```
 * @see Garnett, O., Mandelbaum, A. & Reiman, M. (2002). Designing a call center with impatient customers. Manufacturing & Service Operations Management 4(3), 208–227.
 * @see Mandelbaum, A. & Zeltyn, S. (2007). Service engineering in action: the Palm/Erlang-A queue, with applications to call centers.
 * @category Staffing
 */
export function erlangA(agents: number, traffic: ErlangATraffic): ErlangAResult {
  const fn = "erlangA";
  checkAgents(fn, agents, 1);
  const checked = checkTraffic(fn, traffic);
  const patience = traffic.patience;
  if (typeof patience !== "number" || !Number.isFinite(patience) || patience <= 0) {
    throw new MetricRangeError("E_PATIENCE_RANGE", `${fn}: patience must be a finite number of seconds > 0, got ${String(patience)}`);
  }
  const aht = checked.averageHandleTime;
  if (!(patience / aht <= MAX_PATIENCE_RATIO)) {
    // θ/μ = AHT / patience underflows and the queue's weights become NaN.
    throw new MetricRangeError(
      "E_PATIENCE_RANGE",
      `${fn}: patience must be at most 1e12 times averageHandleTime, got ${String(patience)} s with averageHandleTime ${String(aht)} s`,
    );
  }
  const a = checked.intensity;
  const t = checked.targetAnswerTime;
  const base = { agents, trafficIntensity: a, patience, targetAnswerTime: t };
  if (a === 0) {
    return {
      ...base,
      probabilityOfWaiting: 0,
      probabilityOfAbandonment: 0,
      serviceLevel: 1,
      averageSpeedOfAnswer: 0,
      averageWait: 0,
      averageQueueLength: 0,
      occupancy: 0,
    };
  }
  const n = agents;
  const beta = aht / patience; // θ/μ
  const m = n / beta; // Nμ/θ
  // Weight of the states below N relative to π_N: 1/B − 1, in logs.
  const g = logInverseErlangB(n, a);
  const lowLog = g + Math.log1p(-Math.exp(-g));
  // The queue's weights peak near k = (A − N)/β: refuse at once what could never fit.
  if ((a - n) / beta > MAX_STATES) throw tooManyStates(fn, patience, n, a);
  // logs of r_k = π_{N+k} / π_N, k = 0, 1, 2, ...
  const logs: number[] = [0];
  let maxLog = Math.max(0, lowLog);
  for (let k = 1; ; k++) {
    if (k > MAX_STATES) throw tooManyStates(fn, patience, n, a);
    const ratio = a / (n + k * beta);
    const log = (logs[k - 1] as number) + Math.log(ratio);
    logs.push(log);
    if (log > maxLog) maxLog = log;
    if (ratio < 1 && Math.exp(log - maxLog) * (ratio / (1 - ratio)) < 1e-18) break;
  }
  let total = Math.exp(lowLog - maxLog);
  for (const log of logs) total += Math.exp(log - maxLog);
  let waiting = 0;
  let queue = 0;
  let abandon = 0;
  let waitAll = 0;
  let waitServed = 0;
  let answeredLate = 0; // P(delayed and answered after t)
  let harmonic = 0; // H_k = Σ_{i<k} 1/(m + 1 + i)
  const c = Math.exp(-t / patience);
  for (let k = 0; k < logs.length; k++) {
    const weight = Math.exp((logs[k] as number) - maxLog) / total; // P(state N + k)
    waiting += weight;
    queue += k * weight;
    // A caller arriving in state N + k waits in position p = k + 1.
    const p = k + 1;
    harmonic += 1 / (m + p);
    const served = m / (m + p);
    abandon += weight * (1 - served);
    waitAll += (weight * p * aht) / (n + p * beta);
    waitServed += weight * served * harmonic * patience;
    if (weight > 1e-20) {
      answeredLate += weight * served * incompleteBeta(c, m + 1, p);
    }
  }
  const probabilityOfWaiting = Math.min(1, waiting);
  const probabilityOfAbandonment = Math.min(1, abandon);
  const answeredDelayed = waiting - abandon;
  const serviceLevel = Math.min(1, Math.max(0, 1 - probabilityOfWaiting + answeredDelayed - answeredLate));
  return {
    ...base,
    probabilityOfWaiting,
    probabilityOfAbandonment,
    serviceLevel,
    averageSpeedOfAnswer: waitServed / (1 - probabilityOfAbandonment),
    averageWait: waitAll,
    averageQueueLength: queue,
    occupancy: Math.min(1, (a * (1 - probabilityOfAbandonment)) / n),
  };
}

function tooManyStates(fn: string, patience: number, agents: number, intensity: number): MetricRangeError {
  return new MetricRangeError(
    "E_ERLANG_A_STATES",
    `${fn}: the queue must fit in ${String(MAX_STATES)} states (patience too long for agents ≤ traffic intensity), got patience ${String(patience)} with ${String(agents)} agents and A = ${String(intensity)}`,
  );
}
