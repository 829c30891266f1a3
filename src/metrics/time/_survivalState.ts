/**
 * The JSON forms of a survival accumulator's state: v1 with exact times (every time followed,
 * the event times first, one flag each), v2 with sketches (`--quantiles sketch`: the four
 * stores' own JSON forms).
 *
 * @internal
 * @module
 */
import { openState, readArray, readCounts, readNumber, readNumbers, stateJson, type StateJson } from "../../_lib/accumulator.ts";
import { addCounts } from "../../_lib/counts.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import {
  storeAdd,
  storeFromJSON,
  storeMerge,
  storeToJSON,
  storeValues,
  type QuantileOption,
  type ValueStore,
} from "../../_lib/quantileStore.ts";
import type { SurvivalState } from "./survivalAccumulators.ts";

/** The times of `events` then of `censored` (exact stores), with their flags (1, then 0): what an estimator reads. @internal */
export function observations(events: ValueStore, censored: ValueStore): { ms: Float64Array; flags: Uint8Array } {
  const e = storeValues(events) ?? new Float64Array(0);
  const ms = new Float64Array(e.length + (censored.kind === "exact" ? censored.length : 0));
  // storeValues gives a shared view: copy each before reading the next.
  ms.set(e);
  ms.set(storeValues(censored) ?? new Float64Array(0), e.length);
  const flags = new Uint8Array(ms.length);
  flags.fill(1, 0, e.length);
  return { ms, flags };
}

/** The state's JSON form: v1 when its stores are exact, v2 when they are sketches. @internal */
export function survivalToJSON(name: string, cutoff: number, s: SurvivalState): StateJson {
  if (s.eventCal.kind === "sketch") {
    return stateJson(name, 2, {
      asOf: cutoff,
      eventCal: storeToJSON(s.eventCal),
      censorCal: storeToJSON(s.censorCal),
      eventBus: storeToJSON(s.eventBus),
      censorBus: storeToJSON(s.censorBus),
      excluded: { ...s.excluded },
    });
  }
  // The v1 form, the event times first (an order of the same observations).
  const calendar = observations(s.eventCal, s.censorCal);
  return stateJson(name, 1, {
    asOf: cutoff,
    calendar: Array.from(calendar.ms),
    business: Array.from(observations(s.eventBus, s.censorBus).ms),
    events: Array.from(calendar.flags),
    excluded: { ...s.excluded },
  });
}

/** What {@link survivalFromJSON} checks a state against. @internal */
export interface SurvivalSettings {
  readonly name: string;
  readonly cutoff: number;
  readonly quantiles: QuantileOption;
  readonly business: boolean;
  readonly reasons: readonly string[];
}

/**
 * Fills `s` (a new empty state of the accumulator) from its JSON form: v1 (exact times; into a
 * sketch accumulator too, each time added to its sketches), v2 for sketches of the accumulator's
 * own α (not into an exact one); `E_STATE_FORMAT` naming the field otherwise. @internal
 */
export function survivalFromJSON(settings: SurvivalSettings, s: SurvivalState, json: unknown): SurvivalState {
  const { name, cutoff, quantiles } = settings;
  const bad = (what: string, got: unknown): MetricRangeError =>
    new MetricRangeError("E_STATE_FORMAT", `${name}.fromJSON: ${what}, got ${JSON.stringify(got) ?? String(got)}`);
  const version = json !== null && typeof json === "object" ? (json as { v?: unknown }).v : undefined;
  if (quantiles === "exact" && version === 2)
    throw bad("v must be 1: a state of sketched times (quantiles: { relativeError }) does not merge into exact ones", version);
  // Exact times (v1) read into sketches give the sketches of those times: a sketch depends only on its values.
  const exactTimes = quantiles === "exact" || version === 1;
  const o = openState(json, name, exactTimes ? 1 : 2);
  if (readNumber(o, name, "asOf") !== cutoff) throw bad(`asOf must be ${String(cutoff)} (this accumulator's asOf)`, o.asOf);
  if (exactTimes) readExact(settings, s, o, bad);
  else {
    for (const field of ["eventCal", "censorCal", "eventBus", "censorBus"] as const) {
      const store = storeFromJSON(name, field, o[field]);
      if (store.kind !== "sketch" || store.relativeError !== quantiles.relativeError)
        throw bad(`${field} must be a sketch of relative error ${String(quantiles.relativeError)}`, o[field]);
      if (!settings.business && store.count > 0 && field.endsWith("Bus"))
        throw bad(`${field} must be empty without a schedule`, store.count);
      storeMerge(s[field], store, name);
    }
    const events = s.eventCal.kind === "sketch" ? s.eventCal.count : 0;
    const censored = s.censorCal.kind === "sketch" ? s.censorCal.count : 0;
    const busEvents = s.eventBus.kind === "sketch" ? s.eventBus.count : 0;
    const busCensored = s.censorBus.kind === "sketch" ? s.censorBus.count : 0;
    if (settings.business && (busEvents !== events || busCensored !== censored))
      throw bad("eventBus and censorBus must count the tickets of eventCal and censorCal", [busEvents, busCensored]);
  }
  const excluded = readCounts(o, name, "excluded");
  for (const key of Object.keys(excluded)) if (!settings.reasons.includes(key)) throw bad(`excluded.${key} is not a reason`, key);
  addCounts(s.excluded, excluded);
  return s;
}

/** The v1 fields: every time with its flag. */
function readExact(
  settings: SurvivalSettings,
  s: SurvivalState,
  o: Readonly<Record<string, unknown>>,
  bad: (what: string, got: unknown) => MetricRangeError,
): void {
  const { name, business } = settings;
  const calendar = readNumbers(o, name, "calendar");
  const businessTimes = readNumbers(o, name, "business");
  const events = readArray(o, name, "events");
  for (const [i, e] of events.entries()) if (e !== 0 && e !== 1) throw bad(`events[${String(i)}] must be 0 or 1`, e);
  if (calendar.length !== events.length) throw bad("calendar must have one time per event flag", calendar.length);
  if (businessTimes.length !== (business ? events.length : 0)) {
    throw bad(business ? "business must have one time per event flag" : "business must be empty without a schedule", businessTimes.length);
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
}
