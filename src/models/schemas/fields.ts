/**
 * Building blocks shared by the model schemas: strict field schemas with stable messages,
 * and the coercing field schemas the parse helpers use for untrusted rows.
 *
 * @internal
 * @module
 */
import { z } from "zod";
import type { TicketStatus } from "../ticket.ts";
import { MAX_TIMESTAMP_MS, MIN_TIMESTAMP_MS, parseTimestamp, TIMESTAMP_REASONS, type TimestampOptions } from "../../_lib/timestamp.ts";
import { normalizeStatus } from "./normalizeStatus.ts";
import { REASONS } from "../../_lib/reasons.ts";

type Coerced<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

interface RawIssue {
  readonly code?: string;
  readonly input?: unknown;
}

/**
 * An error-map function: "is required" when the value is missing, `reason` otherwise
 * (unknown keys keep zod's message, which names them).
 */
export function expect(reason: string): (issue: RawIssue) => string | undefined {
  return (issue) => {
    if (issue.code === "unrecognized_keys") return undefined;
    return issue.input === undefined ? REASONS.required : reason;
  };
}

/**
 * An error-map function for an optional key: `undefined` is reported as such (the strict
 * schemas follow `exactOptionalPropertyTypes`: leave the key out instead), `reason` otherwise.
 */
export function expectOptional(reason: string): (issue: RawIssue) => string {
  return (issue) => (issue.input === undefined ? REASONS.undefinedOptional : reason);
}

// ---------------------------------------------------------------------------------------
// Strict fields (the model exactly: Dates, numbers, booleans)

/** A string. */
export const text = z.string({ error: expect(REASONS.string) });
/** A non-empty string. */
export const nonEmptyText = z.string({ error: expect(REASONS.nonEmptyString) }).min(1, { error: REASONS.nonEmptyString });
const EARLIEST = new Date(MIN_TIMESTAMP_MS);
const LATEST = new Date(MAX_TIMESTAMP_MS);

/** A `Date` holding a real instant in years 1900 to 2200 (UTC). */
export const instant = z
  .date({ error: expect(REASONS.date) })
  .min(EARLIEST, { error: TIMESTAMP_REASONS.range })
  .max(LATEST, { error: TIMESTAMP_REASONS.range });
/** An integer. */
export const integer = z.int({ error: expect(REASONS.integer) });
/** A non-negative integer. */
export const count = z.int({ error: expect(REASONS.count) }).min(0, { error: REASONS.count });
/** An optional string. */
export const optionalText = z.string({ error: expectOptional(REASONS.string) }).exactOptional();
/** An optional `Date` holding a real instant in years 1900 to 2200 (UTC). */
export const optionalInstant = z
  .date({ error: expectOptional(REASONS.date) })
  .min(EARLIEST, { error: TIMESTAMP_REASONS.range })
  .max(LATEST, { error: TIMESTAMP_REASONS.range })
  .exactOptional();
/** An optional non-negative integer. */
export const optionalCount = z
  .int({ error: expectOptional(REASONS.count) })
  .min(0, { error: REASONS.count })
  .exactOptional();
/** One of the ticket status categories. */
export const ticketStatus = z.enum(["new", "open", "pending", "on_hold", "solved", "closed"], {
  error: expect(REASONS.status),
});

// ---------------------------------------------------------------------------------------
// Row coercion (untrusted rows: strings from CSV, numbers and nulls from JSON)

/**
 * `true` for values a row uses to say "no value": `undefined`, `null`, and strings that
 * are empty or only white space.
 */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

const good = <T>(value: T): Coerced<T> => ({ ok: true, value });
const bad = (reason: string): Coerced<never> => ({ ok: false, reason });

const NUMERIC_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite number from a number or a decimal string (`"4"`, `"4.0"`, `" 1e3 "`), or `undefined`. */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? (value === 0 ? 0 : value) : undefined;
  if (typeof value === "string") {
    const s = value.trim();
    if (NUMERIC_RE.test(s)) {
      const n = Number(s);
      if (Number.isFinite(n)) return n === 0 ? 0 : n;
    }
  }
  return undefined;
}

/** An integer from a number or a decimal string (`"4"`, `"4.0"`). */
export function readInteger(value: unknown): Coerced<number> {
  const n = readNumber(value);
  return n !== undefined && Number.isSafeInteger(n) ? good(n) : bad(REASONS.integer);
}

/** A non-negative integer from a number or a decimal string. */
export function readCount(value: unknown): Coerced<number> {
  const n = readNumber(value);
  return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? good(n) : bad(REASONS.count);
}

/** A string, kept exactly as given. */
export function readText(value: unknown): Coerced<string> {
  return typeof value === "string" ? good(value) : bad(REASONS.string);
}

/** An identifier: a non-empty string, or a finite number written as a string (`42` → `"42"`). */
export function readId(value: unknown): Coerced<string> {
  if (typeof value === "string") return value.length > 0 ? good(value) : bad(REASONS.id);
  if (typeof value === "number" && Number.isFinite(value)) return good(String(value));
  return bad(REASONS.id);
}

/** `true`/`false`, or the strings `"true"`/`"false"` in any letter case. */
export function readBoolean(value: unknown): Coerced<boolean> {
  if (typeof value === "boolean") return good(value);
  if (typeof value === "string") {
    const s = value.trim().toLowerCase();
    if (s === "true") return good(true);
    if (s === "false") return good(false);
  }
  return bad(REASONS.boolean);
}

/** Tags from an array of strings (kept as given) or a comma-separated string (trimmed, empties dropped). */
export function readTags(value: unknown): Coerced<readonly string[]> {
  if (typeof value === "string") {
    return good(
      value
        .split(",")
        .map((tag) => tag.trim())
        .filter((tag) => tag.length > 0),
    );
  }
  if (Array.isArray(value) && value.every((tag) => typeof tag === "string")) return good([...(value as string[])]);
  return bad(REASONS.tags);
}

/** A status category from a category name or a known helpdesk status name. */
export function readStatus(value: unknown): Coerced<TicketStatus> {
  const status = typeof value === "string" ? normalizeStatus(value) : undefined;
  return status === undefined ? bad(REASONS.status) : good(status);
}

/** One of `values`, matched after trimming and lower-casing. */
export function readChoice<const T extends string>(values: readonly T[], reason: string): (value: unknown) => Coerced<T> {
  return (value) => {
    if (typeof value === "string") {
      const s = value.trim().toLowerCase();
      const found = values.find((v) => v === s);
      if (found !== undefined) return good(found);
    }
    return bad(reason);
  };
}

/** `"good"`/`"bad"` in any letter case, or a number (also from a decimal string). */
export function readSatisfaction(value: unknown): Coerced<"good" | "bad" | number> {
  if (typeof value === "string") {
    const s = value.trim().toLowerCase();
    if (s === "good" || s === "bad") return good(s);
  }
  const n = readNumber(value);
  return n === undefined ? bad(REASONS.satisfaction) : good(n);
}

/** A timestamp read by the internal timestamp parser (ISO 8601, epoch milliseconds, `Date`). */
export function readTimestamp(options: TimestampOptions): (value: unknown) => Coerced<Date> {
  return (value) => {
    const result = parseTimestamp(value, options);
    return result.ok ? good(result.value) : bad(result.reason);
  };
}
