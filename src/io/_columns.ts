/**
 * Column resolution for the reading engine (./_engine.ts): each field of a model spec is found
 * once per input (a CSV header index, case-insensitively; JSON dot paths), and an input that
 * does not fit the preset fails at once with `E_INPUT_COLUMNS` or `E_INPUT_DUPLICATE_COLUMN`.
 *
 * @internal
 * @module
 */
import { InputFormatError } from "./InputFormatError.ts";
import type { FieldSpec, ModelSpec } from "./_modelSpec.ts";
import { bad, isMissing, type Reader } from "./_values.ts";

/** A field resolved against one input: where its value is and how to read it. @internal */
export interface Compiled {
  readonly key: string;
  /** The CSV column index (-1 for JSON, read through `getters`). */
  readonly column: number;
  readonly labels: readonly string[];
  /** JSON only: one getter per candidate path, first non-missing wins (CSV reads `column`). */
  readonly getters: readonly ((data: unknown) => unknown)[];
  readonly read: Reader;
  readonly required: boolean;
}

/**
 * The name a field key is reported by in `InputInfo.fields`: the model's field name, except
 * the helpdesk durations a preset reads under the `pre.` key (`pre.firstReply`), which are
 * reported where the model puts them (`helpdesk.firstReply`); `undefined` for the keys that
 * are no model field (`excluded`, `excluded.state`: what excludes a record).
 *
 * @internal
 */
export function fieldName(key: string): string | undefined {
  if (/^excluded(\.|$)/.test(key)) return undefined;
  return key.startsWith("pre.") ? `helpdesk.${key.slice(4)}` : key;
}

/** Adds the name of `key` to `list`, once. */
function addName(list: string[], key: string): void {
  const name = fieldName(key);
  if (name !== undefined && !list.includes(name)) list.push(name);
}

/** The lists of `InputInfo.fields` and `InputInfo.blankFields`, filled in place. @internal */
export interface Provided {
  readonly fields: string[];
  readonly blankFields: string[];
}

/** Per slot of a compiled input: its column or path was found (1), and a record had a value for it (1). @internal */
export interface Presence {
  readonly present: Uint8Array;
  readonly valued: Uint8Array;
}

/**
 * The presence flags of an input's fields, to set while its records are read: a CSV column
 * is present from the header (its fields listed in `provided` at once); a JSON path once a
 * record has it, even as `null`.
 *
 * @internal
 */
export function presence(keys: readonly string[], json: boolean, provided: Provided): Presence {
  if (!json) for (const key of keys) addName(provided.fields, key);
  return { present: new Uint8Array(keys.length).fill(json ? 0 : 1), valued: new Uint8Array(keys.length) };
}

/** Fills `provided` from the flags, in the fields' order (the final lists, once the records are read). @internal */
export function settlePresence(keys: readonly string[], flags: Presence, provided: Provided): void {
  provided.fields.length = 0;
  provided.blankFields.length = 0;
  // A field read from several slots is blank only when none of them had a value.
  const valued = new Map<string, boolean>();
  keys.forEach((key, slot) => {
    const name = fieldName(key);
    if (name === undefined || flags.present[slot] !== 1) return;
    valued.set(name, valued.get(name) === true || flags.valued[slot] === 1);
  });
  for (const [name, any] of valued) {
    provided.fields.push(name);
    if (!any) provided.blankFields.push(name);
  }
}

/** The value at a dot path, reading own properties only (no prototype keys). */
function getter(path: string): (data: unknown) => unknown {
  const keys = path.split(".");
  if (keys.length === 1) {
    return (data) =>
      typeof data === "object" && data !== null && Object.hasOwn(data, path) ? (data as Record<string, unknown>)[path] : undefined;
  }
  return (data) => {
    let current = data;
    for (const key of keys) {
      if (typeof current !== "object" || current === null || !Object.hasOwn(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };
}

/** The values of a two-column field with one part blank: both parts by name, for the reject. */
const PARTIAL = new WeakSet<object>();

/** A raw value as text for joining (JSON numbers as written). */
const partText = (raw: unknown): string =>
  typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : JSON.stringify(raw);

/**
 * The value of a field read from two columns: both parts joined by `separator`; `undefined`
 * when both are blank; when one is, an object naming both parts (read as a reject).
 */
function joinedGetter(
  names: readonly [string, string],
  separator: string,
  first: (data: unknown) => unknown,
  second: (data: unknown) => unknown,
): (data: unknown) => unknown {
  return (data) => {
    const a = first(data);
    const b = second(data);
    const aMissing = isMissing(a);
    const bMissing = isMissing(b);
    if (aMissing && bMissing) return undefined;
    if (!aMissing && !bMissing) return `${partText(a)}${separator}${partText(b)}`;
    const partial = Object.create(null) as Record<string, unknown>;
    partial[names[0]] = aMissing ? "" : a;
    partial[names[1]] = bMissing ? "" : b;
    PARTIAL.add(partial);
    return partial;
  };
}

/** `read`, rejecting a two-column value with one part blank (naming both columns). */
function joinedReader(names: readonly [string, string], read: Reader): Reader {
  return (raw) => {
    if (typeof raw === "object" && raw !== null && PARTIAL.has(raw)) {
      const blank = isMissing((raw as Record<string, unknown>)[names[0]]) ? names[0] : names[1];
      return bad(
        `must have a value in both ${JSON.stringify(names[0])} and ${JSON.stringify(names[1])} (${JSON.stringify(blank)} is blank)`,
      );
    }
    return read(raw);
  };
}

function hasPath(data: unknown, path: string): boolean {
  let current = data;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, key)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

function missingError<T>(
  spec: ModelSpec<T>,
  found: readonly string[],
  missing: readonly string[],
  fields: readonly FieldSpec[],
): InputFormatError {
  const expected = fields.filter((f) => f.required === true || f.mapped === true).map((f) => f.columns[0] ?? f.key);
  const list = (names: readonly string[]): string => (names.length === 0 ? "none" : names.map((n) => JSON.stringify(n)).join(", "));
  return new InputFormatError(
    "E_INPUT_COLUMNS",
    `${spec.fn}: the input does not fit the ${spec.preset} preset: missing ${list(missing)}; expected ${list(expected)}; found ${list(found)}`,
    { preset: spec.preset, found, expected, missing },
  );
}

/** The fields of `spec` resolved against a CSV header; throws `E_INPUT_COLUMNS` when required ones are missing. @internal */
export function compileCsv<T>(spec: ModelSpec<T>, header: readonly string[]): Compiled[] {
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  header.forEach((name, i) => {
    if (!exact.has(name)) exact.set(name, i);
    const key = name.toLowerCase();
    if (!folded.has(key)) folded.set(key, i);
  });
  const fields = [...spec.fields, ...(spec.fromHeader?.(header) ?? [])];
  const missing: string[] = [];
  const compiled: Compiled[] = [];
  const find = (column: string): number | undefined => exact.get(column) ?? folded.get(column.toLowerCase());
  for (const field of fields) {
    let index: number | undefined;
    for (const column of field.columns) {
      index = find(column);
      if (index !== undefined) break;
    }
    if (index === undefined && field.join !== undefined) {
      const [a, b] = field.join.parts;
      const ia = find(a);
      const ib = find(b);
      if (ia === undefined || ib === undefined) {
        if (ia === undefined) missing.push(a);
        if (ib === undefined) missing.push(b);
        continue;
      }
      const names: [string, string] = [header[ia] ?? a, header[ib] ?? b];
      compiled.push({
        key: field.key,
        column: -1,
        labels: [`${names[0]}+${names[1]}`],
        getters: [
          joinedGetter(
            names,
            field.join.separator,
            (row) => (row as readonly string[])[ia],
            (row) => (row as readonly string[])[ib],
          ),
        ],
        read: joinedReader(names, field.read),
        required: field.required === true,
      });
      continue;
    }
    if (index === undefined) {
      if (field.required === true || field.mapped === true) missing.push(field.columns[0] ?? field.key);
      continue;
    }
    const at = index;
    compiled.push({
      key: field.key,
      column: at,
      labels: [header[at] ?? ""],
      getters: [],
      read: field.readFor === undefined ? field.read : field.readFor(header[at] ?? ""),
      required: field.required === true,
    });
  }
  if (missing.length > 0) throw missingError(spec, header, missing, fields);
  return compiled;
}

/** The fields of `spec` as JSON paths; throws `E_INPUT_COLUMNS` when the first record has none of the preset's keys. @internal */
export function compileJson<T>(spec: ModelSpec<T>, first: unknown): Compiled[] {
  const present = (f: FieldSpec): boolean =>
    f.columns.some((path) => hasPath(first, path)) || (f.join !== undefined && f.join.parts.every((path) => hasPath(first, path)));
  if (typeof first === "object" && first !== null && !Array.isArray(first)) {
    const missing = spec.fields.filter((f) => (f.required === true || f.mapped === true) && !present(f)).map((f) => f.columns[0] ?? f.key);
    // JSON records need not all carry the same keys, so a record that lacks a required key is
    // rejected on its own, wherever it stands. Only a first record with none of the preset's
    // keys marks the file as the wrong kind, and fails at once.
    const known = spec.fields.some((f) => f.columns.some((path) => hasPath(first, path)));
    if (missing.length > 0 && !known) throw missingError(spec, Object.keys(first), missing, spec.fields);
  }
  return spec.fields.map((field): Compiled => {
    // Two paths joined, unless the first record has the whole text as one path.
    if (field.join !== undefined && !field.columns.some((path) => hasPath(first, path))) {
      const names = field.join.parts;
      return {
        key: field.key,
        column: -1,
        labels: [`${names[0]}+${names[1]}`],
        getters: [joinedGetter(names, field.join.separator, getter(names[0]), getter(names[1]))],
        read: joinedReader(names, field.read),
        required: field.required === true,
      };
    }
    return {
      key: field.key,
      column: -1,
      labels: field.columns,
      getters: field.columns.map(getter),
      read: field.readFor === undefined ? field.read : field.readFor(field.columns[0] ?? ""),
      required: field.required === true,
    };
  });
}

/** Throws `E_INPUT_DUPLICATE_COLUMN` when two header names are equal, ignoring letter case. @internal */
export function checkDuplicates(spec: ModelSpec<unknown>, name: string, header: readonly string[]): void {
  const seen = new Map<string, number>();
  header.forEach((column, i) => {
    const key = column.toLowerCase();
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, i);
      return;
    }
    throw new InputFormatError(
      "E_INPUT_DUPLICATE_COLUMN",
      `${spec.fn}: ${name}: the header has the column ${JSON.stringify(header[earlier])} twice, as columns ${String(earlier + 1)} and ${String(i + 1)}${header[earlier] === column ? "" : ` (${JSON.stringify(column)})`}; rename one`,
      { preset: spec.preset, found: header, expected: [], missing: [], input: name },
    );
  });
}

/**
 * The CSV columns `compiled` reads, marked 1 in an array of `width`; `undefined` when a field
 * is read from two columns (its getters read them, not `column`).
 *
 * @internal
 */
export function columnsRead(compiled: readonly Compiled[], width: number): Uint8Array | undefined {
  const keep = new Uint8Array(width);
  for (const c of compiled) {
    if (c.column < 0) return undefined;
    keep[c.column] = 1;
  }
  return keep;
}
