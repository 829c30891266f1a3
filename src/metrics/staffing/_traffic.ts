import { MetricRangeError } from "../../_lib/errors.ts";

/**
 * The load offered to a queue in one interval. Every time is in **seconds**.
 *
 * @category Staffing
 */
export interface ErlangTraffic {
  /** Contacts arriving in the interval (a forecast may be fractional); finite and ≥ 0. */
  readonly arrivals: number;
  /** Average handle time (talk + hold + after-call work) in seconds; finite and > 0. */
  readonly averageHandleTime: number;
  /** Length of the interval in seconds; finite and > 0. Default: 1800 (half an hour). */
  readonly intervalLength?: number;
  /** Target answer time of the service level ("80 % within 20 s") in seconds; finite and ≥ 0. Default: 20. */
  readonly targetAnswerTime?: number;
}

/** Checked traffic with defaults applied. @internal */
export interface CheckedTraffic {
  readonly arrivals: number;
  readonly averageHandleTime: number;
  readonly intervalLength: number;
  readonly targetAnswerTime: number;
  /** Traffic intensity A = arrivals / intervalLength × averageHandleTime, in Erlangs. */
  readonly intensity: number;
}

/**
 * The most agents the staffing functions accept or search up to: 100,000. Erlang B and C
 * cost one step per agent, so this keeps every call well under a second.
 *
 * @internal
 */
export const MAX_AGENTS = 100_000;

/**
 * The largest traffic intensity the staffing functions accept: 100,000 Erlangs (it would
 * need more than {@link MAX_AGENTS} agents).
 *
 * @internal
 */
export const MAX_INTENSITY = 100_000;

/** The default interval length, 30 minutes in seconds. @internal */
export const DEFAULT_INTERVAL_LENGTH = 1800;
/** The default target answer time, 20 seconds. @internal */
export const DEFAULT_TARGET_ANSWER_TIME = 20;

/**
 * Validates an {@link ErlangTraffic}: `E_ARRIVALS_RANGE`, `E_HANDLE_TIME`,
 * `E_INTERVAL_LENGTH`, `E_ANSWER_TIME`, `E_TRAFFIC_LIMIT` (intensity over {@link MAX_INTENSITY}).
 *
 * @internal
 */
export function checkTraffic(fn: string, traffic: ErlangTraffic): CheckedTraffic {
  if (traffic === null || typeof traffic !== "object") {
    throw new MetricRangeError(
      "E_ARRIVALS_RANGE",
      `${fn}: traffic must be an object { arrivals, averageHandleTime }, got ${String(traffic)}`,
    );
  }
  const { arrivals, averageHandleTime } = traffic;
  const intervalLength = traffic.intervalLength ?? DEFAULT_INTERVAL_LENGTH;
  const targetAnswerTime = traffic.targetAnswerTime ?? DEFAULT_TARGET_ANSWER_TIME;
  if (typeof arrivals !== "number" || !Number.isFinite(arrivals) || arrivals < 0) {
    throw new MetricRangeError("E_ARRIVALS_RANGE", `${fn}: arrivals must be a finite number ≥ 0, got ${String(arrivals)}`);
  }
  if (typeof averageHandleTime !== "number" || !Number.isFinite(averageHandleTime) || averageHandleTime <= 0) {
    throw new MetricRangeError(
      "E_HANDLE_TIME",
      `${fn}: averageHandleTime must be a finite number of seconds > 0, got ${String(averageHandleTime)}`,
    );
  }
  if (typeof intervalLength !== "number" || !Number.isFinite(intervalLength) || intervalLength <= 0) {
    throw new MetricRangeError(
      "E_INTERVAL_LENGTH",
      `${fn}: intervalLength must be a finite number of seconds > 0, got ${String(intervalLength)}`,
    );
  }
  if (typeof targetAnswerTime !== "number" || !Number.isFinite(targetAnswerTime) || targetAnswerTime < 0) {
    throw new MetricRangeError(
      "E_ANSWER_TIME",
      `${fn}: targetAnswerTime must be a finite number of seconds ≥ 0, got ${String(targetAnswerTime)}`,
    );
  }
  const intensity = (arrivals / intervalLength) * averageHandleTime;
  if (!(intensity <= MAX_INTENSITY)) {
    throw new MetricRangeError(
      "E_TRAFFIC_LIMIT",
      `${fn}: traffic intensity (arrivals / intervalLength × averageHandleTime) must be at most ${String(MAX_INTENSITY)} Erlangs, got ${String(intensity)}`,
    );
  }
  return { arrivals, averageHandleTime, intervalLength, targetAnswerTime, intensity };
}

/**
 * Validates a number of agents: an integer ≥ `min`, else `E_AGENTS_RANGE`; at most
 * {@link MAX_AGENTS}, else `E_AGENTS_LIMIT`.
 *
 * @internal
 */
export function checkAgents(fn: string, agents: number, min: number): void {
  if (!Number.isInteger(agents) || agents < min) {
    throw new MetricRangeError("E_AGENTS_RANGE", `${fn}: agents must be an integer ≥ ${String(min)}, got ${String(agents)}`);
  }
  if (agents > MAX_AGENTS) throw agentsLimit(fn, agents);
}

/** The `E_AGENTS_LIMIT` error for `agents` past {@link MAX_AGENTS}. @internal */
export function agentsLimit(fn: string, agents: number): MetricRangeError {
  return new MetricRangeError("E_AGENTS_LIMIT", `${fn}: agents must be at most ${String(MAX_AGENTS)}, got ${String(agents)}`);
}

/**
 * The Erlang B blocking probability B(N, A) by the recursion B(0) = 1,
 * B(n) = A·B(n − 1) / (n + A·B(n − 1)): no factorials, stable for any N (it underflows
 * gracefully to 0 when N ≫ A).
 *
 * @internal
 */
export function erlangB(agents: number, intensity: number): number {
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (intensity * b) / (n + intensity * b);
  return b;
}

/**
 * ln(1 / B(N, A)) by the same recursion in log space (1/B(n) = 1 + (n/A)/B(n − 1)), for
 * A > 0; never overflows.
 *
 * @internal
 */
export function logInverseErlangB(agents: number, intensity: number): number {
  let g = 0;
  for (let n = 1; n <= agents; n++) {
    const x = Math.log(n / intensity) + g;
    g = x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }
  return g;
}

/**
 * Erlang C's probability of waiting from Erlang B: C = N·B / (N − A(1 − B)), for N > A.
 *
 * @internal
 */
export function erlangCFromB(agents: number, intensity: number, b: number): number {
  return (agents * b) / (agents - intensity * (1 - b));
}
