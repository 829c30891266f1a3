/**
 * The split / serialise / merge check every accumulator must pass: fold each part of the input
 * separately, write each state to JSON text and read it back, merge the parts in order, and
 * compare with the fold of the whole.
 */
import { fc } from "@fast-check/vitest";
import type { MetricAccumulator } from "../../src/_lib/accumulator.ts";

/** Folds `items` into a new state. */
export function foldAll<T, S, R>(acc: MetricAccumulator<T, S, R>, items: readonly T[]): S {
  const state = acc.create();
  for (const item of items) acc.add(state, item);
  return state;
}

/** A state through JSON text and back. */
export function roundTrip<T, S, R>(acc: MetricAccumulator<T, S, R>, state: S): S {
  return acc.fromJSON(JSON.parse(JSON.stringify(acc.toJSON(state))));
}

/**
 * The result of the whole input and the result of its parts (cut at `cuts`, each folded,
 * serialised, read back and merged in order).
 */
export function wholeAndParts<T, S, R>(
  acc: MetricAccumulator<T, S, R>,
  items: readonly T[],
  cuts: readonly number[],
): { whole: R; parts: R } {
  const whole = acc.result(foldAll(acc, items));
  const bounds = [...new Set([0, ...cuts.map((c) => Math.min(items.length, Math.max(0, c))), items.length])].sort((a, b) => a - b);
  const part = (i: number): S => roundTrip(acc, foldAll(acc, items.slice(bounds[i] ?? 0, bounds[i + 1] ?? items.length)));
  let merged = part(0);
  for (let i = 1; i + 1 < bounds.length; i++) merged = acc.merge(merged, part(i));
  return { whole, parts: acc.result(merged) };
}

/** Random cut points for a list of up to `max` items (k − 1 cuts for k parts, k from 1 to 6). */
export const cutsArb = (max = 200): fc.Arbitrary<number[]> => fc.array(fc.nat({ max }), { maxLength: 5 });
