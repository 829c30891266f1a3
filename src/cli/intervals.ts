/**
 * Display of confidence intervals and significance tests for the table and Markdown formats:
 * `29.8 (95% CI 12.1 to 47.5)`, `not significant, p = 0.31`. Rounding happens here only.
 *
 * @internal
 * @module
 */
import type { ChangeTestJson, IntervalJson } from "../report/types.ts";
import { formatValue, type CellValue, type ValueKind } from "./format.ts";

/**
 * A confidence level as a percentage: `95%`, `90%`, `99.9%`. Ten significant digits, unless
 * that would round a level below 1 to `100%` (or above 0 to `0%`): then every digit, as
 * `99.99999999999999%` for 0.9999999999999999.
 */
export function levelText(level: number): string {
  const short = Number((level * 100).toPrecision(10));
  const exact = (short === 100 && level < 1) || (short === 0 && level > 0);
  return `${String(exact ? level * 100 : short)}%`;
}

/** `95% CI 12.1 to 47.5` in the value's unit; `""` without an interval. */
export function intervalText(interval: IntervalJson | null | undefined, kind: ValueKind): string {
  if (interval === null || interval === undefined) return "";
  return `${levelText(interval.confidenceLevel)} CI ${formatValue(interval.lower, kind)} to ${formatValue(interval.upper, kind)}`;
}

/** A value with its interval: `29.8 (95% CI 12.1 to 47.5)`; the bare value without one; `null` (no data) stays `null`. */
export function withInterval(value: number | null, interval: IntervalJson | null | undefined, kind: ValueKind): CellValue {
  if (value === null) return null;
  const ci = intervalText(interval, kind);
  return ci === "" ? formatValue(value, kind) : `${formatValue(value, kind)} (${ci})`;
}

/** `p = 0.31`, `p = 0.043`, `p < 0.001`. */
export function pValueText(p: number): string {
  return p < 0.001 ? "p < 0.001" : `p = ${String(Number(p.toPrecision(2)))}`;
}

/** `significant, p = 0.012` or `not significant, p = 0.31`; `""` when the change was not tested. */
export function testText(test: ChangeTestJson | null | undefined): string {
  if (test === null || test === undefined) return "";
  return `${test.significant ? "significant" : "not significant"}, ${pValueText(test.pValue)}`;
}
