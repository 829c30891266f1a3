/**
 * The JSON pieces shared by the volume, statuses and peak-hours states: per-bucket maps
 * (`Map<bucket start, Float64Array>` ↔ `{ "<epoch ms>": [counts…] }`), dense grid arrays, and
 * fixed sets of named counts. Every reader checks what it reads and throws `E_STATE_FORMAT`
 * naming the accumulator (`kind`) and the field.
 *
 * @internal
 * @module
 */
import { readObject } from "../../_lib/accumulator.ts";
import { MetricRangeError } from "../../_lib/errors.ts";

/** A short description of a bad value for an error message. */
function shown(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** An `E_STATE_FORMAT` error: `<kind>.fromJSON: <what>, got <value>`. @internal */
export function stateError(kind: string, what: string, got: unknown): MetricRangeError {
  return new MetricRangeError("E_STATE_FORMAT", `${kind}.fromJSON: ${what}, got ${shown(got)}`);
}

/** How the numbers of a list must be: non-negative integers (counts) or any safe integers (net changes). @internal */
export type IntegerKind = "count" | "integer";

function isInteger(x: unknown, kind: IntegerKind): x is number {
  return typeof x === "number" && Number.isSafeInteger(x) && (kind === "integer" || x >= 0);
}

/** `list`, which must be an array of exactly `n` integers of kind `ints`, as a Float64Array. @internal */
export function readIntegerList(list: unknown, kind: string, field: string, n: number, ints: IntegerKind): Float64Array {
  const what = `${field} must be an array of ${String(n)} ${ints === "count" ? "non-negative integers" : "integers"}`;
  if (!Array.isArray(list) || list.length !== n) throw stateError(kind, what, list);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x: unknown = list[i];
    if (!isInteger(x, ints))
      throw stateError(kind, `${field}[${String(i)}] must be ${ints === "count" ? "a non-negative integer" : "an integer"}`, x);
    out[i] = x;
  }
  return out;
}

/** A per-bucket map as a JSON object: keys are the bucket starts (epoch ms) written as decimal strings. @internal */
export function bucketsToJSON(buckets: ReadonlyMap<number, Float64Array>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const key of [...buckets.keys()].sort((a, b) => a - b)) out[String(key)] = Array.from(buckets.get(key) as Float64Array);
  return out;
}

/**
 * Reads a per-bucket map written by {@link bucketsToJSON}: each key must be the decimal form of
 * a safe integer for which `isStart` holds (a bucket start of the state's settings), each
 * value an array of `width` integers of kind `ints`.
 *
 * @internal
 */
export function readBuckets(
  o: Readonly<Record<string, unknown>>,
  kind: string,
  field: string,
  width: number,
  ints: IntegerKind,
  isStart: (ms: number) => boolean,
): Map<number, Float64Array> {
  const src = readObject(o, kind, field);
  const out = new Map<number, Float64Array>();
  for (const key of Object.keys(src)) {
    const ms = Number(key);
    if (!Number.isSafeInteger(ms) || String(ms) !== key) throw stateError(kind, `${field} keys must be integers (epoch ms)`, key);
    if (!isStart(ms)) throw stateError(kind, `${field} keys must be bucket starts of the unit and time zone`, key);
    out.set(ms, readIntegerList(src[key], kind, `${field}.${key}`, width, ints));
  }
  return out;
}

/**
 * Reads a dense grid array: `null` when the settings have no grid (`n` undefined), else an
 * array of `width · n` integers of kind `ints`.
 *
 * @internal
 */
export function readDense(
  o: Readonly<Record<string, unknown>>,
  kind: string,
  field: string,
  width: number,
  n: number | undefined,
  ints: IntegerKind,
): Float64Array | undefined {
  const x = o[field];
  if (n === undefined) {
    if (x !== null) throw stateError(kind, `${field} must be null (the settings have no grid)`, x);
    return undefined;
  }
  return readIntegerList(x, kind, field, width * n, ints);
}

/** Reads an object holding exactly the counts named in `keys` (non-negative integers). @internal */
export function readTally<K extends string>(
  o: Readonly<Record<string, unknown>>,
  kind: string,
  field: string,
  keys: readonly K[],
): Record<K, number> {
  const src = readObject(o, kind, field);
  const out = {} as Record<K, number>;
  for (const key of Object.keys(src)) {
    if (!(keys as readonly string[]).includes(key)) throw stateError(kind, `${field} must have only the fields ${keys.join(", ")}`, key);
  }
  for (const key of keys) {
    const x = src[key];
    if (!isInteger(x, "count")) throw stateError(kind, `${field}.${key} must be a non-negative integer`, x);
    out[key] = x;
  }
  return out;
}

/** An optional instant (epoch ms): `null` for none, else a safe integer. @internal */
export function readInstant(o: Readonly<Record<string, unknown>>, kind: string, field: string): number | undefined {
  const x = o[field];
  if (x === null) return undefined;
  if (!isInteger(x, "integer")) throw stateError(kind, `${field} must be null or an integer (epoch ms)`, x);
  return x;
}
