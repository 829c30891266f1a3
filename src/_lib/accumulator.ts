/**
 * THE accumulator contract of cx-metrics. Every aggregating metric owns one accumulator
 * (create / add / merge / result) beside its array function, which is a fold of it; the report
 * is a composition of these accumulators. Each accumulator's state has a versioned JSON form
 * (`toJSON` / `fromJSON`), so partial states computed in other processes or on other machines
 * can be shipped, read back and merged: `merge` of the deserialised parts equals the whole.
 *
 * JSON form of a state: a plain object `{ "kind": <the accumulator's name>, "v": <version>, … }`
 * holding only JSON values (finite numbers, strings, booleans, null, arrays, objects). `fromJSON`
 * checks everything it reads and throws `E_STATE_FORMAT` naming the accumulator and the field.
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "./errors.ts";

/**
 * A one-pass aggregation: `create` an empty state, `add` items, `merge` two states, read the
 * `result`. `merge(a, b)` is associative, and folding a list in two parts then merging gives the
 * same result as folding it whole. States are mutated in place: `add` updates its state, and
 * `merge` may reuse and return its first argument (do not reuse the second afterwards).
 *
 * @typeParam T - What one `add` takes.
 * @typeParam S - The running state.
 * @typeParam R - The result.
 * @category Accumulators
 */
export interface Accumulator<T, S, R> {
  /** A new empty state. */
  create(): S;
  /** Adds one item to `state`, in place. */
  add(state: S, item: T): void;
  /** Merges `b` into `a` and returns `a` (or a new state); `b` belongs to the result afterwards. */
  merge(a: S, b: S): S;
  /** The result of a state. Does not change the state. */
  result(state: S): R;
}

/**
 * The JSON form of an accumulator's state: its `kind` (the accumulator's name), the format
 * version `v`, and the state's own fields.
 *
 * @category Accumulators
 */
export interface StateJson {
  /** The accumulator's name, e.g. `"nps"`. */
  readonly kind: string;
  /** The version of this state's JSON form. */
  readonly v: number;
  /** The state's fields: JSON values only. */
  readonly [field: string]: unknown;
}

/**
 * An {@link Accumulator} whose state serialises: `fromJSON(toJSON(s))` is a state equal to `s`.
 *
 * @category Accumulators
 */
export interface MetricAccumulator<T, S, R> extends Accumulator<T, S, R> {
  /** The accumulator's name: the `kind` of its state's JSON form. */
  readonly name: string;
  /** The state as JSON values (a copy; the state is not changed). */
  toJSON(state: S): StateJson;
  /** A state read back from {@link MetricAccumulator.toJSON}'s output; throws `E_STATE_FORMAT` on anything else. */
  fromJSON(json: unknown): S;
}

/** Folds `items` into a new state of `accumulator`. @internal */
export function foldInto<T, S, R>(accumulator: Accumulator<T, S, R>, items: Iterable<T>): S {
  const state = accumulator.create();
  for (const item of items) accumulator.add(state, item);
  return state;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : String(value);
}

/** The `E_STATE_FORMAT` error of `kind`'s `fromJSON`: `${kind}.fromJSON: ${what}, got …`. @internal */
export function stateFormatError(kind: string, what: string, got: unknown): MetricRangeError {
  return new MetricRangeError("E_STATE_FORMAT", `${kind}.fromJSON: ${what}, got ${describe(got)}`);
}

/**
 * Checks the envelope of a state's JSON form and returns it as a record to read fields from.
 *
 * @throws `E_STATE_FORMAT` when `json` is not an object with `kind === kind` and `v === v`.
 * @internal
 */
export function openState(json: unknown, kind: string, v: number): Readonly<Record<string, unknown>> {
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw stateFormatError(kind, "a state must be an object", json);
  const o = json as Record<string, unknown>;
  if (o.kind !== kind) throw stateFormatError(kind, `kind must be ${JSON.stringify(kind)}`, o.kind);
  if (o.v !== v) throw stateFormatError(kind, `v must be ${String(v)} (the state format this version reads)`, o.v);
  return o;
}

/** The envelope of a state's JSON form. @internal */
export function stateJson(kind: string, v: number, fields: Readonly<Record<string, unknown>>): StateJson {
  return { kind, v, ...fields };
}

/** A non-negative integer field. @internal */
export function readCount(o: Readonly<Record<string, unknown>>, kind: string, field: string): number {
  const x = o[field];
  if (typeof x !== "number" || !Number.isSafeInteger(x) || x < 0)
    throw stateFormatError(kind, `${field} must be a non-negative integer`, x);
  return x;
}

/** A finite number field. @internal */
export function readNumber(o: Readonly<Record<string, unknown>>, kind: string, field: string): number {
  const x = o[field];
  if (typeof x !== "number" || !Number.isFinite(x)) throw stateFormatError(kind, `${field} must be a finite number`, x);
  return x;
}

/** A string field. @internal */
export function readString(o: Readonly<Record<string, unknown>>, kind: string, field: string): string {
  const x = o[field];
  if (typeof x !== "string") throw stateFormatError(kind, `${field} must be a string`, x);
  return x;
}

/** An array field (its items unchecked). @internal */
export function readArray(o: Readonly<Record<string, unknown>>, kind: string, field: string): readonly unknown[] {
  const x = o[field];
  if (!Array.isArray(x)) throw stateFormatError(kind, `${field} must be an array`, x);
  return x;
}

/** An object field (its fields unchecked). @internal */
export function readObject(o: Readonly<Record<string, unknown>>, kind: string, field: string): Readonly<Record<string, unknown>> {
  const x = o[field];
  if (x === null || typeof x !== "object" || Array.isArray(x)) throw stateFormatError(kind, `${field} must be an object`, x);
  return x as Record<string, unknown>;
}

/** An array of finite numbers, as a Float64Array. @internal */
export function readNumbers(o: Readonly<Record<string, unknown>>, kind: string, field: string): Float64Array {
  const list = readArray(o, kind, field);
  const out = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (typeof x !== "number" || !Number.isFinite(x)) throw stateFormatError(kind, `${field}[${String(i)}] must be a finite number`, x);
    out[i] = x;
  }
  return out;
}

/** A record of non-negative integer counts (a prototype-free copy). @internal */
export function readCounts(o: Readonly<Record<string, unknown>>, kind: string, field: string): Record<string, number> {
  const src = readObject(o, kind, field);
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const key of Object.keys(src)) {
    const x = src[key];
    if (typeof x !== "number" || !Number.isSafeInteger(x) || x < 0)
      throw stateFormatError(kind, `${field}.${key} must be a non-negative integer`, x);
    out[key] = x;
  }
  return out;
}
