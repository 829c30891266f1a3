/**
 * What a model reader tells the reading engine (./_engine.ts): the fields to read, with their
 * candidate columns and readers, and how to build the model; and the column map (`--map`)
 * applied to those fields.
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import { durationReader, labelDurationReader, splitUnit } from "./_units.ts";
import type { Reader } from "./_values.ts";

/** How one model field is read. @internal */
export interface FieldSpec {
  /** The key in the values handed to `build`. */
  readonly key: string;
  /** Candidate columns (CSV header names, matched case-insensitively; JSON dot paths), first found wins. */
  readonly columns: readonly string[];
  /** Reads a non-missing raw value. */
  readonly read: Reader;
  /** A missing value rejects the record; a missing column throws at once. */
  readonly required?: boolean;
  /** Set by the column map: the column must exist (CSV), matched exactly first. */
  readonly mapped?: boolean;
  /**
   * Set by the column map for `A+B` on a field that may be read from two columns: when the
   * input has no column named `A+B` as a whole, the values of `A` and `B` are joined by
   * `separator` and read as one (a date and a time of day; an id in two parts).
   */
  readonly join?: { readonly parts: readonly [string, string]; readonly separator: string };
  /**
   * Set by the column map for a duration written without a unit: the reader, chosen from the
   * name of the column found (throws `E_MAP_ENTRY` when the name states no unit).
   */
  readonly readFor?: (label: string) => Reader;
}

/** How a reader's column map treats its fields beyond the plain `field=Column`. @internal */
export interface MapRules {
  /** The key in the values of a field (readTickets: `pre.firstReply` for `firstReply`). Default: the field. */
  readonly keyOf?: (field: string) => string;
  /** `true` for a duration key: its column may carry a unit suffix (`COL:h`). Default: none. */
  readonly isDuration?: (key: string) => boolean;
  /** The separator of a key that may be read from two columns (`A+B`), if it may. Default: none. */
  readonly joinWith?: (key: string) => string | undefined;
}

/** A problem `build` found, on the column of `key`. @internal */
export interface BuildIssue {
  readonly key: string;
  readonly reason: string;
}

/** What `build` returns. @internal */
export type Built<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly BuildIssue[] }
  /** Excluded on purpose (a deleted or spam ticket): counted in `stats.excluded` under `reason`, not rejected. */
  | { readonly ok: false; readonly excluded: string };

/** The values read from one record (only present fields), and their raw values. @internal */
export interface RecordValues {
  readonly values: Record<string, unknown>;
  readonly raws: Record<string, unknown>;
  readonly record: number;
}

/** What a model reader tells the engine. @internal */
export interface ModelSpec<T> {
  /** The public function's name, for messages. */
  readonly fn: string;
  /** The preset (or model) name, for messages. */
  readonly preset: string;
  readonly fields: readonly FieldSpec[];
  /** Extra fields found from the CSV header (e.g. `active_1` … `active_N`). */
  readonly fromHeader?: (header: readonly string[]) => FieldSpec[];
  /** Expands a JSON wrapper (`{ tickets: [...] }`) into its records; `undefined` if not one. */
  readonly unwrap?: (value: unknown) => readonly unknown[] | undefined;
  /** Builds the model from the values by key (the simple form). */
  readonly build?: (record: RecordValues) => Built<T>;
  /** Builds the model from the values by slot (the bulk form: no per-record key lookups). */
  readonly buildSlots?: (record: SlotValues) => Built<T>;
  /**
   * CSV: build the strings of the columns the fields read only (the others are `""`), for a
   * pass that needs a few columns and whose counts nobody reads: a row blank in those columns
   * then counts as a blank line.
   */
  readonly onlyColumns?: boolean;
}

/**
 * The values read from one record by slot: `values[i]` and `raws[i]` belong to `keys[i]`
 * (`undefined` when absent). `keys` is the same array for every record of one input, and so
 * are `values` and `raws`, refilled for each record: read them, never keep them.
 *
 * @internal
 */
export interface SlotValues {
  readonly keys: readonly string[];
  readonly values: readonly unknown[];
  readonly raws: readonly unknown[];
  readonly record: number;
}

/** `A+B` as its two parts (each non-empty), or `undefined`. */
function joinParts(text: string): readonly [string, string] | undefined {
  const parts = text.split("+").map((part) => part.trim());
  if (parts.length !== 2 || parts[0] === "" || parts[1] === "") return undefined;
  return [parts[0] as string, parts[1] as string];
}

/**
 * `fields` with the column map applied: a mapped field reads exactly its column (keeping
 * the preset's reader, or `readerFor` for a field the preset does not read); a field mapped
 * to `""` is not read. A duration's column may end in a unit (`COL:h`, see ./_units.ts) whose
 * reader then replaces the preset's; without one, the unit is taken from the column's name
 * when the input is opened. A field that may be read from two columns takes `A+B`. Throws
 * `E_MAP_FIELD` when a required field is unmapped.
 *
 * @internal
 */
export function applyColumnMap(
  fn: string,
  fields: readonly FieldSpec[],
  map: ReadonlyMap<string, string>,
  readerFor: (key: string) => Reader,
  rules: MapRules = {},
): FieldSpec[] {
  const out = fields.slice();
  for (const [field, text] of map) {
    const key = rules.keyOf?.(field) ?? field;
    const at = out.findIndex((spec) => spec.key === key);
    const current = at >= 0 ? out[at] : undefined;
    if (text === "") {
      if (current?.required === true) {
        throw new MetricRangeError(
          "E_MAP_FIELD",
          `${fn}: the required field ${field} cannot be left unread, got ${JSON.stringify(`${field}=`)}`,
        );
      }
      if (at >= 0) out.splice(at, 1);
      continue;
    }
    let column = text;
    let read = current?.read ?? readerFor(key);
    let readFor: ((label: string) => Reader) | undefined;
    if (rules.isDuration?.(key) === true) {
      const split = splitUnit(text);
      column = split.column;
      if (split.unit === undefined) readFor = labelDurationReader(fn, field);
      else read = durationReader(split.unit);
    }
    const separator = rules.joinWith?.(key);
    const parts = separator === undefined ? undefined : joinParts(column);
    const spec: FieldSpec = {
      key,
      columns: [column],
      read,
      mapped: true,
      ...(current?.required === true ? { required: true } : {}),
      ...(parts === undefined || separator === undefined ? {} : { join: { parts, separator } }),
      ...(readFor === undefined ? {} : { readFor }),
    };
    if (at >= 0) out[at] = spec;
    else out.push(spec);
  }
  return out;
}
