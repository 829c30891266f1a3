/**
 * Hand guards that turn raw field values (CSV strings, JSON values) into model values: the
 * cheapest correct check per field, no zod on the bulk path (design.md §8).
 *
 * @internal
 * @module
 */
import { fixedLayoutMs, inTimestampRange, parseTimestamp, TIMESTAMP_REASONS } from "../_lib/timestamp.ts";
import { REASONS } from "../_lib/reasons.ts";
import { HOUR_MS, MINUTE_MS, SECOND_MS } from "../_lib/time.ts";

/**
 * Why a raw value is not a value. Readers return it instead of throwing; the engine turns it
 * into a reject. @internal
 */
export class Invalid {
  constructor(readonly reason: string) {}
}

/**
 * What a reader returns: the value, `undefined` for "treat as absent", or an {@link Invalid}.
 * No wrapper object on success: the bulk path reads millions of fields (design.md §8).
 *
 * @internal
 */
export type Parsed = unknown;

/** Reads one raw, non-missing value. @internal */
export type Reader = (raw: unknown) => Parsed;

export const good = (value: unknown): Parsed => value;
export const bad = (reason: string): Invalid => new Invalid(reason);

/** Reasons specific to the readers (the rest come from the model schemas' `REASONS`). @internal */
export const IO_REASONS = {
  minutes: "must be a non-negative number of minutes",
  seconds: "must be a non-negative number of seconds",
  hms: "must be a duration HH:MM:SS (or a non-negative number of hours)",
  epochSeconds: "must be an integer number of epoch seconds",
  intercomState: "must be open, snoozed or closed",
  tagNames: "must be an array of tags (strings or objects with a name)",
  activeGap: "must be blank when an earlier period is blank (blanks mark periods not yet observed)",
} as const;

/** `true` for "no value": `undefined`, `null`, and strings that are empty or white space. @internal */
export function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== "string") return false;
  // Cheap first: most values are empty or start with a visible character.
  return value.length === 0 || (value.charCodeAt(0) <= 32 && value.trim() === "");
}

/** The most characters {@link showValue} writes (before its note of the full length). @internal */
export const SHOW_CHARS = 1000;
/** The deepest nesting {@link showValue} writes out; deeper arrays and objects become `…`. @internal */
export const SHOW_DEPTH = 20;

/** A string cut to `max` characters, noting the full length when cut. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${String(text.length)} characters)`;
}

/**
 * A rendering of a raw value for a reject: a string as it is, anything else as JSON. Bounded
 * whatever the value: at most {@link SHOW_CHARS} characters (then `… (N characters)` for a
 * string), nesting below {@link SHOW_DEPTH} levels written as `…`, built without recursion,
 * so a value nested 100,000 levels deep costs as little as a flat one. @internal
 */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return clip(value, SHOW_CHARS);
  const out: string[] = [];
  let length = 0;
  const write = (text: string): void => {
    out.push(text);
    length += text.length;
  };
  // A stack of things still to write: a value at a depth, or a literal piece of text.
  const stack: ({ readonly text: string } | { readonly value: unknown; readonly depth: number })[] = [{ value, depth: 0 }];
  while (stack.length > 0 && length <= SHOW_CHARS) {
    const top = stack.pop() as { readonly text: string } | { readonly value: unknown; readonly depth: number };
    if ("text" in top) {
      write(top.text);
      continue;
    }
    const v = top.value;
    if (typeof v === "string") write(JSON.stringify(clip(v, SHOW_CHARS)));
    else if (typeof v === "number") write(Number.isFinite(v) ? String(v) : "null");
    else if (typeof v === "boolean" || v === null) write(String(v));
    else if (typeof v !== "object") write(v === undefined ? "null" : typeof v);
    else if (top.depth >= SHOW_DEPTH) write(Array.isArray(v) ? "[…]" : "{…}");
    else {
      const array = Array.isArray(v);
      // At most SHOW_CHARS entries: each writes at least one character.
      const entries: [string, unknown][] = [];
      if (array) for (const item of (v as unknown[]).slice(0, SHOW_CHARS)) entries.push(["", item]);
      else {
        for (const key in v) {
          if (!Object.hasOwn(v, key)) continue;
          entries.push([key, (v as Record<string, unknown>)[key]]);
          if (entries.length >= SHOW_CHARS) break;
        }
      }
      write(array ? "[" : "{");
      stack.push({ text: array ? "]" : "}" });
      // Pushed in reverse, so they are written in order.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i] as [string, unknown];
        stack.push({ value: item, depth: top.depth + 1 });
        if (!array) stack.push({ text: `${JSON.stringify(key)}:` });
        if (i > 0) stack.push({ text: "," });
      }
    }
  }
  const text = out.join("");
  return stack.length > 0 || text.length > SHOW_CHARS ? `${text.slice(0, SHOW_CHARS)}…` : text;
}

/** An identifier: a non-empty string (trimmed) or a finite number (`42` → `"42"`). @internal */
export const readId: Reader = (raw) => {
  if (typeof raw === "string") return good(raw.trim());
  if (typeof raw === "number" && Number.isFinite(raw)) return good(String(raw));
  return bad(REASONS.id);
};

/** Free text (trimmed); numbers are accepted and written as strings. @internal */
export const readText: Reader = (raw) => {
  if (typeof raw === "string") return good(raw.trim());
  if (typeof raw === "number" && Number.isFinite(raw)) return good(String(raw));
  return bad(REASONS.string);
};

/** Distinct spellings an {@link interned} reader remembers. */
const INTERNED = 1024;

/**
 * `read`, remembering its result for each distinct raw string (up to 1,024 of them) and giving
 * back one string object per value. For low-cardinality labels (channel, type, priority,
 * agent, group): every later grouping by the label then hashes and compares one string object
 * instead of a new substring of the parsed text per row, and no row's label keeps a parsed
 * chunk of the file alive. Results that are not strings (rejects) are remembered as they are.
 *
 * @internal
 */
export function interned(read: Reader): Reader {
  const seen = new Map<string, Parsed>();
  return (raw) => {
    if (typeof raw !== "string") return read(raw);
    const known = seen.get(raw);
    if (known !== undefined || seen.has(raw)) return known;
    let value = read(raw);
    // A copy of its own (a property key is a flat string), not a slice of the parsed chunk.
    if (typeof value === "string") value = Object.keys({ [value]: 0 })[0] ?? value;
    if (seen.size < INTERNED) seen.set(Object.keys({ [raw]: 0 })[0] ?? raw, value);
    return value;
  };
}

/** Free text, lower-cased. @internal */
export const readLower: Reader = (raw) => {
  const text = readText(raw);
  return typeof text === "string" ? text.toLowerCase() : text;
};

/** A text value looked up in `synonyms` (lower-cased keys); other values lower-cased. @internal */
export function readSynonym(synonyms: ReadonlyMap<string, string>): Reader {
  return (raw) => {
    const key = readLower(raw);
    if (typeof key !== "string") return key;
    return synonyms.get(key) ?? key;
  };
}

const NUMERIC_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite number from a number or a decimal string. */
function toNumber(raw: unknown): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === "string") {
    // Short runs of digits (counts, minutes) without the regex.
    const length = raw.length;
    if (length > 0 && length < 16) {
      let value = 0;
      let i = 0;
      for (; i < length; i++) {
        const c = raw.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        value = value * 10 + c;
      }
      if (i === length) return value;
    }
    const s = raw.trim();
    if (!NUMERIC_RE.test(s)) return undefined;
    const n = Number(s);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A finite number. @internal */
export const readNumber: Reader = (raw) => {
  const n = toNumber(raw);
  return n === undefined ? bad(REASONS.finite) : good(n === 0 ? 0 : n);
};

/** A non-negative integer (`"3"`, `"3.0"`, `3`). @internal */
export const readCount: Reader = (raw) => {
  const n = toNumber(raw);
  return n === undefined || !Number.isSafeInteger(n) || n < 0 ? bad(REASONS.count) : good(n === 0 ? 0 : n);
};

/** A non-negative number (a number or a decimal string) times `factor`, as milliseconds; else `reason`. @internal */
export function readScaled(factor: number, reason: string): Reader {
  return (raw) => {
    const n = toNumber(raw);
    return n === undefined || n < 0 ? bad(reason) : good(n * factor + 0);
  };
}

/** Non-negative minutes → milliseconds. @internal */
export const readMinutes: Reader = readScaled(MINUTE_MS, IO_REASONS.minutes);

/** Non-negative seconds → milliseconds. @internal */
export const readSeconds: Reader = readScaled(SECOND_MS, IO_REASONS.seconds);

const HMS_RE = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/;

/** `H:MM:SS` (hours may exceed 24), `H:MM`, or a non-negative number of hours → milliseconds. @internal */
export const readHms: Reader = (raw) => {
  if (typeof raw === "string") {
    const m = HMS_RE.exec(raw.trim());
    if (m !== null) {
      return good(Number(m[1]) * HOUR_MS + Number(m[2]) * MINUTE_MS + Number(m[3] ?? "0") * SECOND_MS);
    }
  }
  const n = toNumber(raw);
  return n === undefined || n < 0 ? bad(IO_REASONS.hms) : good(n * HOUR_MS + 0);
};

/**
 * The time zone each timestamp reader was made with, so that the engine can swap it for one
 * that also reads a date layout (`dateFormat`) wherever a model reads timestamps.
 */
const TIMESTAMP_READERS = new WeakMap<Reader, { readonly timeZone: string | undefined }>();

/** The time zone of a reader made by {@link readTimestamp}; `undefined` for any other reader. @internal */
export function timestampReaderZone(read: Reader): { readonly timeZone: string | undefined } | undefined {
  return TIMESTAMP_READERS.get(read);
}

/** Timestamps: ISO 8601 with offset, epoch milliseconds, naive local strings in `timeZone`. @internal */
export function readTimestamp(timeZone: string | undefined): Reader {
  const options = { timeZone };
  const read: Reader = (raw) => {
    let input = raw;
    if (typeof raw === "string") {
      // The layout most exports write, without trimming or allocating.
      const ms = fixedLayoutMs(raw);
      if (ms === ms) return new Date(ms);
      // " UTC" / " GMT" suffixes, as some exports write them.
      const s = raw.trim();
      input = / (?:UTC|GMT)$/i.test(s) ? `${s.slice(0, -4)}Z` : s;
    }
    const result = parseTimestamp(input, options);
    return result.ok ? result.value : bad(result.reason);
  };
  TIMESTAMP_READERS.set(read, options);
  return read;
}

/** Epoch seconds (a number or an all-digit string) → `Date`. @internal */
export const readEpochSeconds: Reader = (raw) => {
  const n = toNumber(raw);
  if (n === undefined || !Number.isInteger(n) || Math.abs(n) > 8.64e12) return bad(IO_REASONS.epochSeconds);
  const ms = n * SECOND_MS + 0;
  return inTimestampRange(ms) ? good(new Date(ms)) : bad(TIMESTAMP_REASONS.range);
};

/** `true`/`false` (also as strings, any letter case). @internal */
export const readBoolean: Reader = (raw) => {
  if (typeof raw === "boolean") return good(raw);
  if (typeof raw === "string") {
    const s = raw.trim().toLowerCase();
    if (s === "true") return good(true);
    if (s === "false") return good(false);
  }
  return bad(REASONS.boolean);
};

/** One of `choices` (trimmed, lower-cased), after `synonyms`. @internal */
export function readChoice(choices: readonly string[], reason: string, synonyms?: ReadonlyMap<string, string>): Reader {
  const allowed = new Set(choices);
  return (raw) => {
    if (typeof raw !== "string") return bad(reason);
    const s = raw.trim().toLowerCase();
    const value = synonyms?.get(s) ?? s;
    return allowed.has(value) ? good(value) : bad(reason);
  };
}

/** Tags separated by `separator` (trimmed, empties dropped), or an array of strings. @internal */
export function readTags(separator: string | RegExp): Reader {
  return (raw) => {
    if (typeof raw === "string") {
      const out: string[] = [];
      for (const part of raw.split(separator)) {
        const tag = part.trim();
        if (tag.length > 0) out.push(tag);
      }
      return out;
    }
    if (Array.isArray(raw) && raw.every((tag) => typeof tag === "string")) return good((raw as string[]).slice());
    return bad(REASONS.tags);
  };
}

/** An array of tag names: strings, or objects with a string `name` (Intercom). @internal */
export const readTagNames: Reader = (raw) => {
  if (!Array.isArray(raw)) return bad(IO_REASONS.tagNames);
  const out: string[] = [];
  for (const tag of raw as unknown[]) {
    if (typeof tag === "string") out.push(tag);
    else if (typeof tag === "object" && tag !== null && Object.hasOwn(tag, "name") && typeof (tag as { name: unknown }).name === "string") {
      out.push((tag as { name: string }).name);
    } else return bad(IO_REASONS.tagNames);
  }
  return good(out);
};
