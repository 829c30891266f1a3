/**
 * What the survey accumulators share: the bulk-add accumulator the array functions fold with,
 * and the check that a state read back was made under the same settings.
 *
 * @internal
 * @module
 */
import { readObject, type MetricAccumulator } from "../../_lib/accumulator.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import type { SurveyScale } from "../../models/survey.ts";

/**
 * A score accumulator with a bulk `addAll(state, scores)` (counters in local variables, several
 * times faster than one `add` per score): the fold the array functions use.
 *
 * @internal
 */
export interface BulkAccumulator<S, R> extends MetricAccumulator<number, S, R> {
  /** Adds every score of `scores` to `state`, as `add` would one by one. */
  addAll(state: S, scores: readonly number[]): void;
}

/** Throws `E_STATE_FORMAT` unless the JSON's `field` equals `expected` (a setting the state was made under). @internal */
export function expectSetting(o: Readonly<Record<string, unknown>>, kind: string, field: string, expected: unknown): void {
  const got = field === "scale" ? readObject(o, kind, field) : o[field];
  const same =
    field === "scale"
      ? (got as Record<string, unknown>).min === (expected as SurveyScale).min &&
        (got as Record<string, unknown>).max === (expected as SurveyScale).max
      : got === expected;
  if (!same) {
    throw new MetricRangeError(
      "E_STATE_FORMAT",
      `${kind}.fromJSON: ${field} must be ${JSON.stringify(expected)} (this accumulator's setting), got ${JSON.stringify(got)}`,
    );
  }
}
