/**
 * Survival of tickets to their resolution or first response, counting the tickets still open:
 * each ticket becomes one observation, an event at its measured time or censored at `asOf`,
 * by the per-ticket rules of `resolutionTime` and `firstResponseTime` (./events.ts); the
 * estimate is {@link kaplanMeier} of those observations, in calendar and business time.
 *
 * @module
 */
import { addCounts, bump, sortedCounts, zeroCounts } from "../../_lib/counts.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { assertDate } from "../../_lib/guards.ts";
import {
  checkQuantileOption,
  storeAdd,
  storeCount,
  storeMerge,
  valueStore,
  type QuantileOption,
  type ValueStore,
} from "../../_lib/quantileStore.ts";
import { pairedBins } from "../../_lib/sketchBins.ts";
import { addOneTicket } from "../../models/pushTicket.ts";
import type { TicketBatch, TicketMetric } from "../../models/ticketBatch.ts";
import type { TimeOptions } from "./durationTypes.ts";
import {
  estimateGrouped,
  estimateSurvival,
  estimateSurvivalOf,
  survivalSummaryOf,
  type KaplanMeierEstimate,
  type KaplanMeierOptions,
  type KaplanMeierSummary,
} from "./kaplanMeier.ts";
import {
  SURVIVAL_EVENT,
  SURVIVAL_EXCLUDED,
  SURVIVAL_EXCLUSIONS,
  SURVIVAL_PARTS,
  survivalFacts,
  type SurvivalFacts,
} from "./survivalFacts.ts";
import { observations, survivalFromJSON, survivalToJSON } from "./_survivalState.ts";

/**
 * Options of {@link firstResponseSurvival} and {@link firstResponseSurvivalAccumulator}.
 *
 * @category Time
 */
export interface TicketSurvivalOptions extends TimeOptions, KaplanMeierOptions {
  /**
   * The instant the data stands at (required; no hidden clock): a ticket whose event had not
   * happened by then is censored at `asOf − start`; a ticket whose request starts later is left out.
   */
  readonly asOf: Date;
  /**
   * How the times are kept: `"exact"` (default; 8 bytes a ticket, 16 with a schedule) or
   * `{ relativeError: α }`, a relative-error sketch per estimate (memory follows the spread of
   * the times, not their count): the estimate is then exactly the Kaplan–Meier estimate of the
   * times rounded to their sketch buckets' representatives (each within relative error α), an
   * event and a censoring in one bucket tied (the event first), while no bucket was merged (never
   * for α ≥ 0.1 %; see docs/guide/definitions.md, "Quantiles: exact or sketched").
   */
  readonly quantiles?: QuantileOption | undefined;
  /** The function errors name (a composition passes its own, e.g. `report`). Default: the accumulator's name. @internal */
  readonly caller?: string | undefined;
}

/**
 * Options of {@link resolutionSurvival} and {@link resolutionSurvivalAccumulator}.
 *
 * @category Time
 */
export interface ResolutionSurvivalOptions extends TicketSurvivalOptions {
  /** Which solve is the event: `"final"` (default) or `"first"`, as in `resolutionTime`. */
  readonly until?: "first" | "final" | undefined;
}

/**
 * Why a ticket is not in a resolution survival estimate: its request starts after `asOf`
 * (`startedAfterAsOf`), it is solved without a solve instant (`noSolveTime`), or its data
 * contradicts itself (`solvedBeforeCreated`, `finalSolveBeforeFirstSolve`).
 *
 * @category Time
 */
export type ResolutionSurvivalExclusion = "startedAfterAsOf" | "noSolveTime" | "solvedBeforeCreated" | "finalSolveBeforeFirstSolve";

/**
 * Why a ticket is not in a first response survival estimate: its request starts after `asOf`
 * (`startedAfterAsOf`), its messages hold no customer message by `asOf` (`noCustomerMessage`),
 * or `firstResponseAt < createdAt` (`responseBeforeCreated`).
 *
 * @category Time
 */
export type FirstResponseSurvivalExclusion = "startedAfterAsOf" | "noCustomerMessage" | "responseBeforeCreated";

/**
 * A survival estimate of tickets: the Kaplan–Meier curve, quantiles and restricted mean in
 * calendar and business time, with what was counted and left out.
 *
 * @typeParam Reason - The exclusion reasons.
 * @category Time
 */
export interface TicketSurvival<Reason extends string> {
  /** The instant the open tickets were censored at. */
  readonly asOf: Date;
  /** The estimate in calendar time; `undefined` when no ticket was counted. */
  readonly calendar: KaplanMeierEstimate | undefined;
  /** The estimate in business time (only with a `schedule`); `undefined` otherwise or when no ticket was counted. */
  readonly business: KaplanMeierEstimate | undefined;
  /** Tickets in the estimate: `observed + censored`. */
  readonly counted: number;
  /** Tickets whose event happened by `asOf`. */
  readonly observed: number;
  /** Tickets still waiting at `asOf` (censored there). */
  readonly censored: number;
  /** Tickets left out, by reason (every reason listed, 0 when none). */
  readonly excluded: Readonly<Record<Reason, number>>;
}

/**
 * The accumulator of a survival estimate: a {@link TicketMetric} of tickets whose per-ticket
 * facts (event or censoring, time followed) are computed once per ticket.
 *
 * @typeParam Reason - The exclusion reasons.
 * @category Time
 */
export type SurvivalAccumulator<Reason extends string> = TicketMetric<SurvivalState, TicketSurvival<Reason>, SurvivalFacts>;

/**
 * A {@link TicketSurvival} whose estimates are `E` (the report's: {@link KaplanMeierSummary}, without the curve). @internal
 */
export type TicketSurvivalOf<Reason extends string, E> = Omit<TicketSurvival<Reason>, "calendar" | "business"> & {
  readonly calendar: E | undefined;
  readonly business: E | undefined;
};

/**
 * The running state of a survival accumulator: the times of the counted tickets, those whose
 * event happened apart from those censored at `asOf` (no flag per ticket: exactly, 8 bytes a
 * ticket in calendar time, 8 more in business time, in paged typed arrays; or in sketches).
 */
export interface SurvivalState {
  /** Calendar ms of the tickets whose event happened (solved, answered). @internal */
  readonly eventCal: ValueStore;
  /** Calendar ms of the tickets censored at `asOf`. @internal */
  readonly censorCal: ValueStore;
  /** Business ms of the same tickets, in the same order when exact (empty without a schedule). @internal */
  readonly eventBus: ValueStore;
  /** Business ms of the censored tickets, in the order of `censorCal` when exact (empty without a schedule). @internal */
  readonly censorBus: ValueStore;
  /** Left-out tickets by reason. @internal */
  readonly excluded: Record<string, number>;
}

const withSteps: GroupedEstimator<KaplanMeierEstimate> = (fn, g, o) => estimateGrouped(fn, g, o, true) as KaplanMeierEstimate | undefined;
const summaryOnly: GroupedEstimator<KaplanMeierSummary> = (fn, g, o) => estimateGrouped(fn, g, o, false);

const RESOLUTION_EXCLUSIONS: readonly ResolutionSurvivalExclusion[] = [
  "startedAfterAsOf",
  "noSolveTime",
  "solvedBeforeCreated",
  "finalSolveBeforeFirstSolve",
];
const FIRST_RESPONSE_EXCLUSIONS: readonly FirstResponseSurvivalExclusion[] = [
  "startedAfterAsOf",
  "noCustomerMessage",
  "responseBeforeCreated",
];

/** Checks the options shared by both estimates (and runs {@link kaplanMeier}'s checks once, on no data). */
function checkOptions(fn: string, options: TicketSurvivalOptions | undefined): Date {
  const asOf = options?.asOf as Date;
  assertDate(fn, "asOf", asOf);
  estimateSurvival(fn, [], { percentiles: options?.percentiles, confidenceLevel: options?.confidenceLevel, horizon: options?.horizon });
  return asOf;
}

/** How an accumulator turns its times into an estimate: with the curve, or its summary only. */
type Estimator<E> = (fn: string, ms: ArrayLike<number>, events: ArrayLike<number>, options: KaplanMeierOptions) => E | undefined;

/** The same from grouped times (sketch buckets). */
type GroupedEstimator<E> = (fn: string, grouped: Parameters<typeof estimateGrouped>[1], options: KaplanMeierOptions) => E | undefined;

function survivalAccumulator<Reason extends string, E>(
  name: string,
  which: "resolution" | "firstResponse",
  reasons: readonly Reason[],
  options: ResolutionSurvivalOptions,
  estimator: Estimator<E>,
  grouped: GroupedEstimator<E>,
): TicketMetric<SurvivalState, TicketSurvivalOf<Reason, E>, SurvivalFacts> {
  const fn = options.caller ?? name;
  const asOf = checkOptions(fn, options);
  const quantiles = options.quantiles === undefined ? "exact" : checkQuantileOption(fn, options.quantiles);
  const until = options.until ?? "final";
  if (until !== "first" && until !== "final") {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: until must be "first" or "final", got ${String(until)}`);
  }
  const cutoff = asOf.getTime();
  const schedule = options.schedule;
  const estimateOptions: KaplanMeierOptions = {
    percentiles: options.percentiles,
    confidenceLevel: options.confidenceLevel,
    horizon: options.horizon,
  };
  const create = (): SurvivalState => ({
    eventCal: valueStore(quantiles),
    censorCal: valueStore(quantiles),
    eventBus: valueStore(quantiles),
    censorBus: valueStore(quantiles),
    excluded: zeroCounts(reasons),
  });
  const estimate = (events: ValueStore, censored: ValueStore): E | undefined => {
    if (events.kind === "sketch" && censored.kind === "sketch") {
      const bins = pairedBins(events, censored);
      return grouped(fn, { time: bins.time, events: bins.a, censored: bins.b, length: bins.length }, estimateOptions);
    }
    const { ms, flags } = observations(events, censored);
    return estimator(fn, ms, flags, estimateOptions);
  };
  const facts = survivalFacts(schedule, cutoff, fn);
  const part = SURVIVAL_PARTS.indexOf(
    which === "resolution" ? (until === "first" ? "resolutionFirst" : "resolutionFinal") : "firstResponse",
  );
  const needs = 1 << part;
  const business = schedule !== undefined;
  const addRows = (state: SurvivalState, f: SurvivalFacts, _batch: TicketBatch, rows: Int32Array, count: number): void => {
    for (let k = 0; k < count; k++) {
      const at = (rows[k] as number) * 3 + part;
      const code = f.code[at] as number;
      if (code >= SURVIVAL_EXCLUDED) {
        bump(state.excluded, SURVIVAL_EXCLUSIONS[code - SURVIVAL_EXCLUDED] as string);
        continue;
      }
      const event = code === SURVIVAL_EVENT;
      storeAdd(event ? state.eventCal : state.censorCal, f.cal[at] as number);
      if (business) storeAdd(event ? state.eventBus : state.censorBus, f.bus[at] as number);
    }
  };
  return {
    name,
    facts,
    needs,
    columns: 0,
    create,
    add: addOneTicket(fn, facts, addRows, needs),
    addRows,
    merge(a, b) {
      storeMerge(a.eventCal, b.eventCal, fn);
      storeMerge(a.censorCal, b.censorCal, fn);
      storeMerge(a.eventBus, b.eventBus, fn);
      storeMerge(a.censorBus, b.censorBus, fn);
      addCounts(a.excluded, b.excluded);
      return a;
    },
    result(state) {
      const observed = storeCount(state.eventCal);
      const censored = storeCount(state.censorCal);
      return {
        asOf,
        calendar: estimate(state.eventCal, state.censorCal),
        business: schedule === undefined ? undefined : estimate(state.eventBus, state.censorBus),
        counted: observed + censored,
        observed,
        censored,
        excluded: sortedCounts(state.excluded) as Record<Reason, number>,
      };
    },
    toJSON: (state) => survivalToJSON(name, cutoff, state),
    fromJSON: (json) => survivalFromJSON({ name, cutoff, quantiles, business, reasons }, create(), json),
  };
}

/**
 * The accumulator of {@link resolutionSurvival}: add tickets one by one (or fold parts and
 * merge them), then read the Kaplan–Meier estimate of the time to resolution.
 *
 * @param options - {@link ResolutionSurvivalOptions}: `asOf` (required), `until`, `schedule`, `percentiles`, `confidenceLevel`, `horizon`, `quantiles`.
 * @returns The accumulator; its state's JSON form is `{ kind: "resolutionSurvival", v: 1, asOf, calendar, business, events, excluded }` (exact), or `v: 2` with the sketches `eventCal`, `censorCal`, `eventBus`, `censorBus`.
 * @throws {@link MetricRangeError} as {@link resolutionSurvival}; `E_STATE_FORMAT` from `fromJSON` (also for a state of another `asOf`).
 * @remarks Exact: keeps one or two numbers per counted ticket (8 bytes each), like the exact duration stores; with `quantiles: { relativeError }`, four sketches whose size follows the spread of the times.
 * @example
 * ```ts
 * const asOf = new Date(Date.UTC(2024, 0, 2));
 * const acc = resolutionSurvivalAccumulator({ asOf });
 * const state = acc.create();
 * acc.add(state, { id: "1", createdAt: new Date(Date.UTC(2024, 0, 1)), status: "solved", solvedAt: new Date(Date.UTC(2024, 0, 1, 6)) });
 * acc.add(state, { id: "2", createdAt: new Date(Date.UTC(2024, 0, 1, 12)), status: "open" });
 * acc.result(state).censored; // => 1
 * ```
 * @see {@link https://github.com/therneau/survival} (R `survfit`, the reference implementation the tests compare with)
 * @category Time
 */
export function resolutionSurvivalAccumulator(options: ResolutionSurvivalOptions): SurvivalAccumulator<ResolutionSurvivalExclusion> {
  return survivalAccumulator("resolutionSurvival", "resolution", RESOLUTION_EXCLUSIONS, options, estimateSurvivalOf, withSteps);
}

/**
 * The accumulator of {@link firstResponseSurvival}: add tickets one by one (or fold parts and
 * merge them), then read the Kaplan–Meier estimate of the time to the first response.
 *
 * @param options - {@link TicketSurvivalOptions}: `asOf` (required), `schedule`, `percentiles`, `confidenceLevel`, `horizon`, `quantiles`.
 * @returns The accumulator; its state's JSON form is `{ kind: "firstResponseSurvival", v: 1, asOf, calendar, business, events, excluded }` (exact), or `v: 2` with sketches.
 * @throws {@link MetricRangeError} as {@link firstResponseSurvival}; `E_STATE_FORMAT` from `fromJSON` (also for a state of another `asOf`).
 * @remarks As {@link resolutionSurvivalAccumulator}: exact times, or sketches with `quantiles`.
 * @example
 * ```ts
 * const acc = firstResponseSurvivalAccumulator({ asOf: new Date(Date.UTC(2024, 0, 2)) });
 * const state = acc.create();
 * acc.add(state, { id: "1", createdAt: new Date(Date.UTC(2024, 0, 1)), status: "open" });
 * acc.result(state).calendar?.steps[0]?.time; // => 86400000
 * ```
 * @see {@link https://github.com/therneau/survival} (R `survfit`, the reference implementation the tests compare with)
 * @category Time
 */
export function firstResponseSurvivalAccumulator(options: TicketSurvivalOptions): SurvivalAccumulator<FirstResponseSurvivalExclusion> {
  return survivalAccumulator(
    "firstResponseSurvival",
    "firstResponse",
    FIRST_RESPONSE_EXCLUSIONS,
    { ...options, until: undefined },
    estimateSurvivalOf,
    withSteps,
  );
}

/**
 * {@link resolutionSurvivalAccumulator} whose result leaves out the curve's steps (the same
 * state, JSON form and figures): what the report composes, for many scopes. @internal
 */
export function resolutionSurvivalSummaryAccumulator(
  options: ResolutionSurvivalOptions,
): TicketMetric<SurvivalState, TicketSurvivalOf<ResolutionSurvivalExclusion, KaplanMeierSummary>, SurvivalFacts> {
  return survivalAccumulator("resolutionSurvival", "resolution", RESOLUTION_EXCLUSIONS, options, survivalSummaryOf, summaryOnly);
}

/** {@link firstResponseSurvivalAccumulator} without the curve's steps, as {@link resolutionSurvivalSummaryAccumulator}. @internal */
export function firstResponseSurvivalSummaryAccumulator(
  options: TicketSurvivalOptions,
): TicketMetric<SurvivalState, TicketSurvivalOf<FirstResponseSurvivalExclusion, KaplanMeierSummary>, SurvivalFacts> {
  return survivalAccumulator(
    "firstResponseSurvival",
    "firstResponse",
    FIRST_RESPONSE_EXCLUSIONS,
    { ...options, until: undefined },
    survivalSummaryOf,
    summaryOnly,
  );
}
