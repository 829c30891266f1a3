/**
 * What every chart function does alike: the top of a spec (schema, title, description, size,
 * data), unit conversions, the input checks and their errors.
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import { VEGA_LITE_SCHEMA, type ChartDatum, type ChartDurationUnit, type ChartOptions, type ChartSpec } from "./spec.ts";

/** Milliseconds per drawn unit. @internal */
const MS_PER: Readonly<Record<ChartDurationUnit, number>> = { hours: 3_600_000, minutes: 60_000 };

/** `ms` in `unit`, checked finite and not negative. @internal */
export function durationIn(fn: string, name: string, ms: number, unit: ChartDurationUnit): number {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new MetricRangeError("E_NOT_FINITE", `${fn}: ${name} must be a finite non-negative duration in ms, got ${String(ms)}`);
  }
  return ms / MS_PER[unit];
}

/** The duration unit option, checked. @internal */
export function durationUnit(fn: string, unit: ChartDurationUnit | undefined): ChartDurationUnit {
  if (unit === undefined) return "hours";
  if (unit !== "hours" && unit !== "minutes") {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: options.unit must be "hours" or "minutes", got ${String(unit)}`);
  }
  return unit;
}

/** `value`, checked finite (counts, scores and rates read from a result). @internal */
export function finite(fn: string, name: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new MetricRangeError("E_NOT_FINITE", `${fn}: ${name} must be a finite number, got ${String(value)}`);
  }
  return value === 0 ? 0 : value;
}

/** The error for a report without the section a chart draws. @internal */
export function missingSection(fn: string, argument: string): MetricRangeError {
  return new MetricRangeError("E_CHART_DATA", `${fn}: ${argument} must be present, got null`);
}

/** The common top of a spec: schema, title, description, size and data. @internal */
export function specTop(
  fn: string,
  defaults: { readonly title: string; readonly width: number; readonly height: number },
  options: ChartOptions | undefined,
  description: string,
  values: readonly ChartDatum[],
): ChartSpec {
  const size = (name: "width" | "height"): number => {
    const value = options?.[name];
    if (value === undefined) return defaults[name];
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      throw new MetricRangeError("E_OPTION_VALUE", `${fn}: options.${name} must be a positive finite number, got ${String(value)}`);
    }
    return value;
  };
  const title = options?.title;
  if (title !== undefined && typeof title !== "string") {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: options.title must be a string, got ${String(title)}`);
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: title ?? defaults.title,
    description,
    width: size("width"),
    height: size("height"),
    data: { values },
  };
}

/** The segmentation option, checked against the report's segmentations. @internal */
export function segmentationIndex(fn: string, index: number | undefined, count: number): number | undefined {
  if (index === undefined) return count === 0 ? undefined : 0;
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new MetricRangeError(
      "E_OPTION_VALUE",
      `${fn}: options.segmentation must be an index of report.segments (0 to ${String(count - 1)}), got ${String(index)}`,
    );
  }
  return index;
}

/** A segment's key as one label. @internal */
export function segmentLabel(key: readonly string[]): string {
  return key.join(" · ");
}

/** A percentile's name: `median` for 0.5, else `p90`, `p99.5`. @internal */
export function percentileName(p: number): string {
  return p === 0.5 ? "median" : `p${String(Number((p * 100).toFixed(4)))}`;
}

/** `n` with its noun, singular or plural. @internal */
export function plural(n: number, noun: string): string {
  return `${String(n)} ${noun}${n === 1 ? "" : "s"}`;
}

/** `word` with a capital first letter. @internal */
export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
