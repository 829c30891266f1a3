/**
 * Survival of tickets to their resolution or first response, counting the tickets still open:
 * each ticket becomes one observation, an event at its measured time or censored at `asOf`,
 * by the per-ticket rules of `resolutionTime` and `firstResponseTime` (./events.ts); the
 * estimate is {@link kaplanMeier} of those observations, in calendar and business time.
 *
 * @module
 */
import { openState, readArray, readCounts, readNumber, readNumbers, stateJson, type StateJson } from "../../_lib/accumulator.ts";
import { addCounts, bump, sortedCounts, zeroCounts } from "../../_lib/counts.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { assertDate } from "../../_lib/guards.ts";
import { exactStore, storeAdd, storeMerge, storeValues, type ExactStore } from "../../_lib/quantileStore.ts";
import { addOneTicket } from "../../models/pushTicket.ts";
import type { TicketBatch, TicketMetric } from "../../models/ticketBatch.ts";
import type { TimeOptions } from "./durationTypes.ts";
import {
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
 * event happened apart from those censored at `asOf` (no flag per ticket: 8 bytes a ticket in
 * calendar time, 8 more in business time), in paged typed arrays.
 */
export interface SurvivalState {
  /** Calendar ms of the tickets whose event happened (solved, answered). @internal */
  readonly eventCal: ExactStore;
  /** Calendar ms of the tickets censored at `asOf`. @internal */
  readonly censorCal: ExactStore;
  /** Business ms of the same tickets, in the same order (empty without a schedule). @internal */
  readonly eventBus: ExactStore;
  /** Business ms of the censored tickets, in the order of `censorCal` (empty without a schedule). @internal */
  readonly censorBus: ExactStore;
  /** Left-out tickets by reason. @internal */
  readonly excluded: Record<string, number>;
}

/** The times of `events` then of `censored`, with their flags (1, then 0): what an estimator reads. */
function observations(events: ExactStore, censored: ExactStore): { ms: Float64Array; flags: Uint8Array } {
  const e = events.length;
  const ms = new Float64Array(e + censored.length);
  // storeValues gives a shared view: copy each before reading the next.
  ms.set(storeValues(events));
  ms.set(storeValues(censored), e);
  const flags = new Uint8Array(ms.length);
  flags.fill(1, 0, e);
  return { ms, flags };
}

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

function survivalAccumulator<Reason extends string, E>(
  name: string,
  which: "resolution" | "firstResponse",
  reasons: readonly Reason[],
  options: ResolutionSurvivalOptions,
  estimator: Estimator<E>,
): TicketMetric<SurvivalState, TicketSurvivalOf<Reason, E>, SurvivalFacts> {
  const fn = options.caller ?? name;
  const asOf = checkOptions(fn, options);
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
    eventCal: exactStore(),
    censorCal: exactStore(),
    eventBus: exactStore(),
    censorBus: exactStore(),
    excluded: zeroCounts(reasons),
  });
  const estimate = (events: ExactStore, censored: ExactStore): E | undefined => {
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
      const observed = state.eventCal.length;
      const censored = state.censorCal.length;
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
    toJSON(s): StateJson {
      // The v1 form, the event times first (an order of the same observations).
      const calendar = observations(s.eventCal, s.censorCal);
      return stateJson(name, 1, {
        asOf: cutoff,
        calendar: Array.from(calendar.ms),
        business: Array.from(observations(s.eventBus, s.censorBus).ms),
        events: Array.from(calendar.flags),
        excluded: { ...s.excluded },
      });
    },
    fromJSON(json) {
      const o = openState(json, name, 1);
      const bad = (what: string, got: unknown): MetricRangeError =>
        new MetricRangeError("E_STATE_FORMAT", `${name}.fromJSON: ${what}, got ${JSON.stringify(got) ?? String(got)}`);
      if (readNumber(o, name, "asOf") !== cutoff) throw bad(`asOf must be ${String(cutoff)} (this accumulator's asOf)`, o.asOf);
      const s = create();
      const calendar = readNumbers(o, name, "calendar");
      const businessTimes = readNumbers(o, name, "business");
      const events = readArray(o, name, "events");
      for (const [i, e] of events.entries()) if (e !== 0 && e !== 1) throw bad(`events[${String(i)}] must be 0 or 1`, e);
      if (calendar.length !== events.length) throw bad("calendar must have one time per event flag", calendar.length);
      if (businessTimes.length !== (schedule === undefined ? 0 : events.length)) {
        throw bad(
          schedule === undefined ? "business must be empty without a schedule" : "business must have one time per event flag",
          businessTimes.length,
        );
      }
      for (const [field, list] of [
        ["calendar", calendar],
        ["business", businessTimes],
      ] as const) {
        const i = list.findIndex((ms) => ms < 0);
        if (i >= 0) throw bad(`${field}[${String(i)}] must be a non-negative duration`, list[i]);
      }
      events.forEach((e, i) => {
        storeAdd(e === 1 ? s.eventCal : s.censorCal, calendar[i] as number);
        if (business) storeAdd(e === 1 ? s.eventBus : s.censorBus, businessTimes[i] as number);
      });
      const excluded = readCounts(o, name, "excluded");
      for (const key of Object.keys(excluded))
        if (!(reasons as readonly string[]).includes(key)) throw bad(`excluded.${key} is not a reason`, key);
      addCounts(s.excluded, excluded);
      return s;
    },
  };
}

/**
 * The accumulator of {@link resolutionSurvival}: add tickets one by one (or fold parts and
 * merge them), then read the Kaplan–Meier estimate of the time to resolution.
 *
 * @param options - {@link ResolutionSurvivalOptions}: `asOf` (required), `until`, `schedule`, `percentiles`, `confidenceLevel`, `horizon`.
 * @returns The accumulator; its state's JSON form is `{ kind: "resolutionSurvival", v: 1, asOf, calendar, business, events, excluded }`.
 * @throws {@link MetricRangeError} as {@link resolutionSurvival}; `E_STATE_FORMAT` from `fromJSON` (also for a state of another `asOf`).
 * @remarks Keeps one or two numbers per counted ticket (8 bytes each, plus the flag), like the exact duration stores.
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
  return survivalAccumulator("resolutionSurvival", "resolution", RESOLUTION_EXCLUSIONS, options, estimateSurvivalOf);
}

/**
 * The accumulator of {@link firstResponseSurvival}: add tickets one by one (or fold parts and
 * merge them), then read the Kaplan–Meier estimate of the time to the first response.
 *
 * @param options - {@link TicketSurvivalOptions}: `asOf` (required), `schedule`, `percentiles`, `confidenceLevel`, `horizon`.
 * @returns The accumulator; its state's JSON form is `{ kind: "firstResponseSurvival", v: 1, asOf, calendar, business, events, excluded }`.
 * @throws {@link MetricRangeError} as {@link firstResponseSurvival}; `E_STATE_FORMAT` from `fromJSON` (also for a state of another `asOf`).
 * @remarks Keeps one or two numbers per counted ticket, like the exact duration stores.
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
  );
}

/**
 * {@link resolutionSurvivalAccumulator} whose result leaves out the curve's steps (the same
 * state, JSON form and figures): what the report composes, for many scopes. @internal
 */
export function resolutionSurvivalSummaryAccumulator(
  options: ResolutionSurvivalOptions,
): TicketMetric<SurvivalState, TicketSurvivalOf<ResolutionSurvivalExclusion, KaplanMeierSummary>, SurvivalFacts> {
  return survivalAccumulator("resolutionSurvival", "resolution", RESOLUTION_EXCLUSIONS, options, survivalSummaryOf);
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
  );
}
