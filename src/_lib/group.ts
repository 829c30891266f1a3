/**
 * THE grouping mechanism of cx-metrics. Every metric that splits records (by type, channel,
 * agent, period, or several of these at once), the report and the CLI group through this
 * module, never through a loop of their own.
 *
 * Grouping is a fold with an {@link Accumulator}: `create` an empty state per group, `add`
 * each record to its group's state, `merge` two states of the same group (from two chunks of
 * the input, two files, two workers), and read the `result` at the end. {@link groupFold}
 * makes ONE pass over the records into a `Map` from group key to state;
 * {@link mergeGroups} combines two such maps. Because `merge` is associative and agrees with
 * `add` (`merge(fold(A), fold(B))` has the same result as `fold(A ++ B)`), input can be split
 * anywhere, folded in pieces and merged: the property tests check exactly this.
 *
 * Keys are strings. A key function may return `undefined`, `null` or `""` for a missing
 * value: those records go to the group {@link MISSING_KEY} `"(none)"`, so nothing is silently
 * dropped (a real value spelled `"(none)"` shares that group). Numbers and booleans are keyed
 * by `String(value)`. For several dimensions at once (channel × type), {@link compositeKey}
 * builds one key function whose keys are JSON arrays (`["email","billing"]`), which never
 * collide and which {@link splitKey} turns back into their parts.
 *
 * Accumulator states may be mutated in place: `add` may return nothing (the state was
 * updated) or a new state (immutable accumulators); `merge` may reuse and return its first
 * argument. So a state, and a map passed to {@link mergeGroups}, belongs to the fold: do not
 * reuse it after merging.
 *
 * @internal
 * @module
 */
import type { Accumulator } from "./accumulator.ts";
import { exactAdd, exactMerge, exactSum, exactValue, type ExactSum } from "./exactSum.ts";

export type { Accumulator };

/**
 * What an {@link Accumulator}'s `add` returned, as a state: the folds of this module also accept
 * an `add` that returns a new state instead of updating its argument (immutable states, such as
 * a plain number), and keep the returned state.
 */
function added<A>(returned: unknown): A | undefined {
  return returned as A | undefined;
}

/** The group of records whose key is missing (`undefined`, `null` or `""`). @internal */
export const MISSING_KEY = "(none)";

/** A raw key value, before {@link groupKey} normalises it. @internal */
export type KeyValue = string | number | boolean | null | undefined;

/** Maps a record to its raw key. @internal */
export type KeyFn<T> = (item: T) => KeyValue;

/**
 * The group key of a raw key value: `"(none)"` for `undefined`, `null` or `""`, otherwise the
 * value as a string.
 *
 * @internal
 */
export function groupKey(value: KeyValue): string {
  if (value === undefined || value === null || value === "") return MISSING_KEY;
  return typeof value === "string" ? value : String(value);
}

/**
 * One key function for several dimensions: the key is the JSON array of each part's
 * {@link groupKey}, e.g. `["email","(none)"]`.
 *
 * @internal
 */
export function compositeKey<T>(...keyFns: readonly KeyFn<T>[]): (item: T) => string {
  const [only] = keyFns;
  if (keyFns.length !== 1 || only === undefined) return (item) => JSON.stringify(keyFns.map((fn) => groupKey(fn(item))));
  // One dimension (agent, channel, …): few distinct values, each key made once (bounded memo).
  const memo = new Map<string, string>();
  return (item) => {
    const part = groupKey(only(item));
    let key = memo.get(part);
    if (key === undefined) {
      key = JSON.stringify([part]);
      if (memo.size < 4096) memo.set(part, key);
    }
    return key;
  };
}

/**
 * The parts of a key made by {@link compositeKey}.
 *
 * @internal
 */
export function splitKey(key: string): string[] {
  return JSON.parse(key) as string[];
}

/**
 * The state of group `key` in `groups`, created with `create` (and stored) when the group is
 * new: THE "get or create the group's state" of every record-by-record grouping site.
 *
 * @internal
 */
export function stateFor<K, S>(groups: Map<K, S>, key: K, create: () => S): S {
  let state = groups.get(key);
  if (state === undefined) {
    state = create();
    groups.set(key, state);
  }
  return state;
}

/**
 * Folds every record into its group's state, in one pass. Groups appear in the order their
 * first record does.
 *
 * @param items - The records (any iterable; read once).
 * @param keyFn - The group of a record; missing values go to {@link MISSING_KEY}.
 * @param accumulator - How to aggregate each group.
 * @returns A map from group key to state (read results with {@link groupResults}).
 * @internal
 */
export function groupFold<T, A, R>(items: Iterable<T>, keyFn: KeyFn<T>, accumulator: Accumulator<T, A, R>): Map<string, A> {
  const groups = new Map<string, A>();
  const create = (): A => accumulator.create();
  for (const item of items) {
    const key = groupKey(keyFn(item));
    const next = added<A>(accumulator.add(stateFor(groups, key, create), item));
    if (next !== undefined) groups.set(key, next);
  }
  return groups;
}

/**
 * Folds all records into one state (a single group).
 *
 * @internal
 */
export function fold<T, A, R>(items: Iterable<T>, accumulator: Accumulator<T, A, R>): A {
  let acc = accumulator.create();
  for (const item of items) {
    const next = added<A>(accumulator.add(acc, item));
    if (next !== undefined) acc = next;
  }
  return acc;
}

/**
 * Merges two grouped maps: a key in both is merged with `accumulator.merge`; keys of `a`
 * come first, then the new keys of `b`. Consumes its inputs (states may be reused).
 *
 * @internal
 */
export function mergeGroups<T, A, R>(
  a: ReadonlyMap<string, A>,
  b: ReadonlyMap<string, A>,
  accumulator: Accumulator<T, A, R>,
): Map<string, A> {
  const merged = new Map<string, A>(a);
  for (const [key, state] of b) {
    const existing = merged.get(key);
    merged.set(key, existing === undefined ? state : accumulator.merge(existing, state));
  }
  return merged;
}

/**
 * The result of every group, keys in the same order.
 *
 * @internal
 */
export function groupResults<T, A, R>(groups: ReadonlyMap<string, A>, accumulator: Accumulator<T, A, R>): Map<string, R> {
  const results = new Map<string, R>();
  for (const [key, state] of groups) results.set(key, accumulator.result(state));
  return results;
}

/** The state of {@link countAccumulator}: a one-element box so `add` can update in place. @internal */
export interface CountState {
  /** The running count. */
  n: number;
}

/**
 * Counts records.
 *
 * @internal
 */
export function countAccumulator<T>(): Accumulator<T, CountState, number> {
  return {
    create: () => ({ n: 0 }),
    add: (acc) => {
      acc.n++;
    },
    merge: (a, b) => {
      a.n += b.n;
      return a;
    },
    result: (acc) => acc.n,
  };
}

/** The result of {@link sumAccumulator}. @internal */
export interface SumResult {
  /** How many values were added. */
  readonly count: number;
  /** Their sum, exact then rounded once (0 for none). */
  readonly sum: number;
  /** Their mean, `undefined` for none. */
  readonly mean: number | undefined;
}

/** The state of {@link sumAccumulator}. @internal */
export interface SumState {
  /** How many values were added. */
  count: number;
  /** The running exact sum. */
  readonly sum: ExactSum;
}

/**
 * Exact sum, count and mean of `value(item)`; records whose value is `undefined` are
 * not added (count them with another accumulator when they matter).
 *
 * @internal
 */
export function sumAccumulator<T>(value: (item: T) => number | undefined): Accumulator<T, SumState, SumResult> {
  return {
    create: () => ({ count: 0, sum: exactSum() }),
    add: (acc, item) => {
      const v = value(item);
      if (v === undefined) return;
      acc.count++;
      exactAdd(acc.sum, v);
    },
    merge: (a, b) => {
      a.count += b.count;
      exactMerge(a.sum, b.sum);
      return a;
    },
    result: (acc) => {
      const sum = exactValue(acc.sum);
      return { count: acc.count, sum, mean: acc.count === 0 ? undefined : sum / acc.count };
    },
  };
}

/** The state of a {@link combineAccumulators} accumulator: one state per named part. @internal */
export type CombinedState<S> = { -readonly [K in keyof S]: S[K] extends Accumulator<never, infer A, unknown> ? A : never };
/** The result of a {@link combineAccumulators} accumulator: one result per named part. @internal */
export type CombinedResult<S> = { readonly [K in keyof S]: S[K] extends Accumulator<never, unknown, infer R> ? R : never };

/**
 * Runs several accumulators side by side in the same pass, e.g.
 * `combineAccumulators({ tickets: countAccumulator(), handle: sumAccumulator(f) })`.
 *
 * @internal
 */
export function combineAccumulators<T, S extends Record<string, Accumulator<T, unknown, unknown>>>(
  parts: S,
): Accumulator<T, CombinedState<S>, CombinedResult<S>> {
  const names = Object.keys(parts);
  const part = (name: string): Accumulator<T, unknown, unknown> => parts[name] as Accumulator<T, unknown, unknown>;
  return {
    create: () => {
      const state: Record<string, unknown> = {};
      for (const name of names) state[name] = part(name).create();
      return state as CombinedState<S>;
    },
    add: (acc, item) => {
      const state = acc as Record<string, unknown>;
      for (const name of names) {
        const next = added<unknown>(part(name).add(state[name], item));
        if (next !== undefined) state[name] = next;
      }
    },
    merge: (a, b) => {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      for (const name of names) x[name] = part(name).merge(x[name], y[name]);
      return a;
    },
    result: (acc) => {
      const state = acc as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const name of names) out[name] = part(name).result(state[name]);
      return out as CombinedResult<S>;
    },
  };
}
