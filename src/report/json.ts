/**
 * How a result becomes JSON: `Date` → ISO 8601 string, `undefined` → `null`, recursively. The
 * report's types are derived from the metric result types with {@link Json}, and its values
 * with {@link toJson}, so a metric's JSON shape follows from its result type.
 *
 * @module
 */

/**
 * The JSON form of a result type: `Date` becomes `string` (ISO 8601), `undefined` (and an
 * optional property) becomes `null`, arrays and objects recursively, everything else as is.
 *
 * @category Report
 */
export type Json<T> = T extends Date
  ? string
  : T extends string | number | boolean | null
    ? T
    : T extends undefined
      ? null
      : T extends readonly (infer U)[]
        ? readonly Json<U>[]
        : T extends object
          ? { readonly [K in keyof T]-?: Json<T[K]> }
          : never;

/**
 * The JSON form of a value: `Date` → ISO string, `undefined` → `null`, arrays and plain objects
 * recursively (a copy), everything else as is.
 *
 * @category Report
 */
export function toJson<T>(value: T): Json<T> {
  return convert(value) as Json<T>;
}

function convert(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(convert);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = convert((value as Record<string, unknown>)[key]);
  return out;
}
