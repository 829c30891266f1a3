/**
 * The small spec type the chart functions return, their common options and the Vega-Lite
 * schema URL. No Vega or Vega-Lite import: a spec is plain JSON.
 *
 * @module
 */
/**
 * The Vega-Lite schema the specs are written against (v6; they use only features that v5 also has).
 *
 * @category Charts
 */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * A JSON value inside a chart spec.
 *
 * @category Charts
 */
export type ChartJson = string | number | boolean | null | readonly ChartJson[] | { readonly [key: string]: ChartJson };

/**
 * One row of a chart's inline data: field name → a string, a finite number or `null`.
 *
 * @category Charts
 */
export type ChartDatum = Readonly<Record<string, string | number | null>>;

/**
 * A Vega-Lite spec as the chart functions return it: plain JSON with the data inline. Only the
 * fields every chart sets are typed; the rest (`mark`, `encoding`, `layer`, ...) follow the
 * Vega-Lite schema ({@link VEGA_LITE_SCHEMA}).
 *
 * @category Charts
 */
export interface ChartSpec {
  /** {@link VEGA_LITE_SCHEMA}. */
  readonly $schema: string;
  /** The title, with the unit where the chart has one. */
  readonly title: string;
  /** A sentence for screen readers: what is drawn and from how many rows (vega makes it the `aria-label` of the chart's container). */
  readonly description: string;
  /** The plot width in pixels. */
  readonly width: number;
  /** The plot height in pixels. */
  readonly height: number;
  /** The rows drawn, inline. */
  readonly data: {
    /** One row per mark (per point, cell or bar); never `NaN`, `undefined` or an infinite number. */
    readonly values: readonly ChartDatum[];
  };
  /** Mark, encoding, layers, transforms: see the Vega-Lite documentation. */
  readonly [key: string]: ChartJson | undefined;
}

/**
 * Options every chart takes.
 *
 * @category Charts
 */
export interface ChartOptions {
  /** The title. Default: the chart's own (it names the unit). */
  readonly title?: string | undefined;
  /** The plot width in pixels, a positive finite number. Default: the chart's own (between 400 and 640). */
  readonly width?: number | undefined;
  /** The plot height in pixels, a positive finite number. Default: the chart's own (between 240 and 320). */
  readonly height?: number | undefined;
}

/**
 * The unit durations are drawn in.
 *
 * @category Charts
 */
export type ChartDurationUnit = "hours" | "minutes";
