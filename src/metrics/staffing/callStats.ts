import { foldInto, openState, readArray, readNumber, readNumbers, stateJson, type MetricAccumulator } from "../../_lib/accumulator.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { exactAdd, exactFrom, exactMerge, exactPartials, exactSum, exactValue, type ExactSum } from "../../_lib/exactSum.ts";
import { SECOND_MS } from "../../_lib/time.ts";
import type { Call } from "../../models/call.ts";

/**
 * What {@link callStats} reads of a call: a {@link Call}, or any record with its outcome, wait
 * and handle time (ms).
 *
 * @category Staffing
 */
export type CallFacts = Pick<Call, "outcome" | "wait" | "handleTime" | "clockSkew" | "agent">;

/**
 * Options of {@link callStats} and {@link callStatsAccumulator}.
 *
 * @category Staffing
 */
export interface CallStatsOptions {
  /** The T of "service level within T", in seconds; finite and ≥ 0. Default: 20. */
  readonly targetAnswerTime?: number;
}

/**
 * A call log's service figures (see docs/guide/definitions.md, "Call-log metrics"). Times are in seconds.
 *
 * @category Staffing
 */
export interface CallStats {
  /** Every call counted. */
  readonly calls: number;
  /** Calls an agent answered. */
  readonly served: number;
  /** Calls abandoned after queueing (the callers who hung up while waiting for an agent). */
  readonly abandoned: number;
  /** Calls abandoned without queueing (hung up in the voice menu): not offered to agents. */
  readonly abandonedBeforeQueue: number;
  /** Calls offered to agents: served + abandoned. */
  readonly offered: number;
  /** Calls that waited in the queue (served or abandoned). */
  readonly queued: number;
  /** Served calls whose wait was at most the target (answered at once included). */
  readonly answeredWithinTarget: number;
  /** Calls read with a service start slightly before their queue exit (tolerated clock skew). */
  readonly skewed: number;
  /** Distinct agents among the served calls that name one. */
  readonly agents: number;
  /** The target answer time T, in seconds. */
  readonly targetAnswerTime: number;
  /** Σ wait of served calls / served calls; `undefined` without served calls. */
  readonly averageSpeedOfAnswer: number | undefined;
  /** abandoned / offered; `undefined` without offered calls. */
  readonly abandonmentRate: number | undefined;
  /** answeredWithinTarget / offered (abandoned calls count as not answered in time); `undefined` without offered calls. */
  readonly serviceLevel: number | undefined;
  /** Queued calls served within T / queued calls; `undefined` without queued calls. */
  readonly queuedServiceLevel: number | undefined;
  /** Mean handle time of the served calls that have one; `undefined` without any. */
  readonly averageHandleTime: number | undefined;
  /** Mean patience, exponential MLE: Σ wait of queued calls / abandoned; `undefined` without abandonments. */
  readonly patience: number | undefined;
}

/**
 * The running state of {@link callStatsAccumulator}.
 *
 * @category Staffing
 */
export interface CallStatsState {
  /** calls, served, abandoned, abandonedBeforeQueue, queued, answeredWithinTarget, queuedWithinTarget, skewed, handled. @internal */
  readonly counts: Float64Array;
  /** Σ wait of served calls, in ms. @internal */
  servedWait: ExactSum;
  /** Σ wait of queued calls, in ms. @internal */
  queuedWait: ExactSum;
  /** Σ handle time, in ms. @internal */
  handle: ExactSum;
  /** Agents seen. @internal */
  readonly agents: Set<string>;
}

const KIND = "callStats";
const CALLS = 0;
const SERVED = 1;
const ABANDONED = 2;
const BEFORE_QUEUE = 3;
const QUEUED = 4;
const WITHIN = 5;
const QUEUED_WITHIN = 6;
const SKEWED = 7;
const HANDLED = 8;
const N_COUNTS = 9;

/** Adds one to count `i`. */
function inc(c: Float64Array, i: number): void {
  c[i] = (c[i] as number) + 1;
}

function checkTarget(fn: string, options: CallStatsOptions | undefined): number {
  const t = options?.targetAnswerTime ?? 20;
  if (typeof t !== "number" || !Number.isFinite(t) || t < 0) {
    throw new MetricRangeError("E_ANSWER_TIME", `${fn}: targetAnswerTime must be a finite number of seconds ≥ 0, got ${String(t)}`);
  }
  return t;
}

function checkDuration(fn: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new MetricRangeError("E_NEGATIVE_DURATION", `${fn}: call.${name} must be a finite number of ms ≥ 0, got ${String(value)}`);
  }
}

/**
 * The accumulator of {@link callStats}: counts and exact sums of one pass over the calls, a
 * serialisable state, merge = fold of the whole.
 *
 * @param options - {@link CallStatsOptions}: `targetAnswerTime` (default 20 s).
 * @returns The accumulator (`callStatsAccumulator().result(state)` is a {@link CallStats}).
 * @throws {@link MetricRangeError} `E_ANSWER_TIME` for a bad target; while adding,
 * `E_NEGATIVE_DURATION` for a wait or handle time that is not a finite number ≥ 0 and
 * `E_OPTION_VALUE` for an outcome other than served or abandoned; `E_STATE_FORMAT` from `fromJSON`
 * (also when the state's target differs).
 * @example
 * ```ts
 * const acc = callStatsAccumulator({ targetAnswerTime: 20 });
 * const s = acc.create();
 * acc.add(s, { outcome: "served", wait: 5_000 });
 * acc.result(s).serviceLevel; // => 1
 * ```
 * @see docs/guide/definitions.md, "Call-log metrics"
 * @category Staffing
 */
export function callStatsAccumulator(options?: CallStatsOptions): MetricAccumulator<CallFacts, CallStatsState, CallStats> {
  const fn = "callStatsAccumulator";
  const target = checkTarget(fn, options);
  const targetMs = target * SECOND_MS;
  return {
    name: KIND,
    create: () => ({
      counts: new Float64Array(N_COUNTS),
      servedWait: exactSum(),
      queuedWait: exactSum(),
      handle: exactSum(),
      agents: new Set(),
    }),
    add(s, call) {
      const c = s.counts;
      const wait = call.wait;
      if (wait !== undefined) checkDuration(fn, "wait", wait);
      inc(c, CALLS);
      if (call.clockSkew !== undefined && call.clockSkew > 0) inc(c, SKEWED);
      if (wait !== undefined) {
        inc(c, QUEUED);
        exactAdd(s.queuedWait, wait);
      }
      if (call.outcome === "served") {
        inc(c, SERVED);
        exactAdd(s.servedWait, wait ?? 0);
        if ((wait ?? 0) <= targetMs) {
          inc(c, WITHIN);
          if (wait !== undefined) inc(c, QUEUED_WITHIN);
        }
        if (call.handleTime !== undefined) {
          checkDuration(fn, "handleTime", call.handleTime);
          inc(c, HANDLED);
          exactAdd(s.handle, call.handleTime);
        }
        if (call.agent !== undefined) s.agents.add(call.agent);
      } else if (call.outcome === "abandoned") {
        inc(c, wait === undefined ? BEFORE_QUEUE : ABANDONED);
      } else {
        throw new MetricRangeError("E_OPTION_VALUE", `${fn}: call.outcome must be served or abandoned, got ${String(call.outcome)}`);
      }
    },
    merge(a, b) {
      for (let i = 0; i < N_COUNTS; i++) a.counts[i] = (a.counts[i] as number) + (b.counts[i] as number);
      a.servedWait = exactMerge(a.servedWait, b.servedWait);
      a.queuedWait = exactMerge(a.queuedWait, b.queuedWait);
      a.handle = exactMerge(a.handle, b.handle);
      for (const agent of b.agents) a.agents.add(agent);
      return a;
    },
    result(s) {
      const c = s.counts;
      const n = (i: number): number => c[i] as number;
      const offered = n(SERVED) + n(ABANDONED);
      const ratio = (x: number, y: number): number | undefined => (y === 0 ? undefined : x / y);
      const seconds = (x: number | undefined): number | undefined => (x === undefined ? undefined : x / SECOND_MS);
      return {
        calls: n(CALLS),
        served: n(SERVED),
        abandoned: n(ABANDONED),
        abandonedBeforeQueue: n(BEFORE_QUEUE),
        offered,
        queued: n(QUEUED),
        answeredWithinTarget: n(WITHIN),
        skewed: n(SKEWED),
        agents: s.agents.size,
        targetAnswerTime: target,
        averageSpeedOfAnswer: seconds(ratio(exactValue(s.servedWait), n(SERVED))),
        abandonmentRate: ratio(n(ABANDONED), offered),
        serviceLevel: ratio(n(WITHIN), offered),
        queuedServiceLevel: ratio(n(QUEUED_WITHIN), n(QUEUED)),
        averageHandleTime: seconds(ratio(exactValue(s.handle), n(HANDLED))),
        patience: seconds(ratio(exactValue(s.queuedWait), n(ABANDONED))),
      };
    },
    toJSON: (s) =>
      stateJson(KIND, 1, {
        targetAnswerTime: target,
        counts: Array.from(s.counts),
        servedWait: exactPartials(s.servedWait),
        queuedWait: exactPartials(s.queuedWait),
        handle: exactPartials(s.handle),
        agents: [...s.agents].sort(),
      }),
    fromJSON(json) {
      const o = openState(json, KIND, 1);
      const t = readNumber(o, KIND, "targetAnswerTime");
      if (t !== target) {
        throw new MetricRangeError("E_STATE_FORMAT", `${KIND}.fromJSON: targetAnswerTime must be ${String(target)}, got ${String(t)}`);
      }
      const counts = readNumbers(o, KIND, "counts");
      if (counts.length !== N_COUNTS || !counts.every((x) => Number.isSafeInteger(x) && x >= 0)) {
        throw new MetricRangeError(
          "E_STATE_FORMAT",
          `${KIND}.fromJSON: counts must be ${String(N_COUNTS)} non-negative integers, got ${JSON.stringify(o.counts)}`,
        );
      }
      const agents = readArray(o, KIND, "agents");
      if (!agents.every((a) => typeof a === "string")) {
        throw new MetricRangeError("E_STATE_FORMAT", `${KIND}.fromJSON: agents must be an array of strings, got ${JSON.stringify(agents)}`);
      }
      return {
        counts,
        servedWait: exactFrom(readNumbers(o, KIND, "servedWait")),
        queuedWait: exactFrom(readNumbers(o, KIND, "queuedWait")),
        handle: exactFrom(readNumbers(o, KIND, "handle")),
        agents: new Set(agents as string[]),
      };
    },
  };
}

/**
 * A call log's service figures: ASA = Σ wait of served calls / served; abandonment rate =
 * abandoned after queueing / offered (served + abandoned after queueing); service level within
 * T of offered calls = served with wait ≤ T / offered; of queued calls = queued calls served
 * with wait ≤ T / queued calls; average handle time; mean patience (exponential MLE, Σ wait of
 * queued calls / abandoned). Times in seconds.
 *
 * @param calls - {@link Call}s (from `readCalls`), or records with `outcome`, `wait` and `handleTime` in ms.
 * @param options - {@link CallStatsOptions}: `targetAnswerTime` (default 20 s).
 * @returns The figures; each ratio is `undefined` when its denominator is 0 (never `NaN`).
 * @throws {@link MetricRangeError} `E_ANSWER_TIME`, `E_NEGATIVE_DURATION`, `E_OPTION_VALUE` as {@link callStatsAccumulator}.
 * @remarks A call that never queued (no `wait`) waited 0: served, it counts as answered within T;
 * abandoned, it hung up before the queue and is in `abandonedBeforeQueue`, outside every rate.
 * Calls with a tolerated clock skew count as usual (their wait is queue exit − entry) and are
 * counted in `skewed`.
 * @example
 * ```ts
 * const s = callStats([
 *   { outcome: "served" },                                    // answered at once
 *   { outcome: "served", wait: 30_000, handleTime: 200_000 }, // answered after 30 s
 *   { outcome: "abandoned", wait: 50_000 },                   // hung up after 50 s
 *   { outcome: "abandoned" },                                 // hung up in the menu
 * ]);
 * s.offered;              // => 3
 * s.averageSpeedOfAnswer; // => 15
 * s.abandonmentRate;      // => 0.3333333333333333
 * s.serviceLevel;         // => 0.3333333333333333
 * s.queuedServiceLevel;   // => 0
 * s.patience;             // => 80
 * ```
 * @see docs/guide/definitions.md, "Call-log metrics"; Brown et al. (2005), "Statistical analysis of a telephone call center", JASA 100(469)
 * @category Staffing
 */
export function callStats(calls: Iterable<CallFacts>, options?: CallStatsOptions): CallStats {
  const acc = callStatsAccumulator(options);
  return acc.result(foldInto(acc, calls));
}
