/**
 * The machinery shared by the parse helpers: zod issues to {@link FieldIssue}s, the
 * throwing single-record parse and the batch parse with its accounting.
 *
 * @internal
 * @module
 */
import type { z } from "zod";
import { MetricRangeError } from "../../_lib/errors.ts";
import { isValidTimeZone } from "../../_lib/zone.ts";
import { ModelValidationError, type FieldIssue, type ModelValidationCode, type RowIssue } from "./errors.ts";
import type { ParseOptions, ParseRowsResult } from "./options.ts";
import { REASONS } from "../../_lib/reasons.ts";

type Schema<T> = z.ZodType<T, unknown>;

/** Fallback messages for issues a schema did not word itself. */
const PARAMS = {
  error: (issue: { readonly code?: string; readonly input?: unknown }): string | undefined =>
    issue.input === undefined && issue.code === "invalid_type" ? REASONS.required : undefined,
} as const;

/** The value at `path` in `input`, reading own properties only. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The zod issues of one record as field issues (unknown keys one issue per key). */
export function fieldIssues(error: z.ZodError, input: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      const reason = issue.path[issue.path.length - 1] === "weekly" ? REASONS.weekday : issue.message;
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        out.push({ field: path.map(String).join("."), value: valueAt(input, path), reason });
      }
      continue;
    }
    out.push({ field: issue.path.map(String).join("."), value: valueAt(input, issue.path), reason: issue.message });
  }
  return out;
}

/** A short rendering of a value for an error message. */
function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (Array.isArray(value)) return `an array of ${String(value.length)}`;
  if (typeof value === "object" && value !== null) return "an object";
  if (typeof value === "symbol" || typeof value === "function") return typeof value;
  return String(value);
}

/** `fn: field reason, got value (and N more issues)`. */
export function describeIssues(fn: string, issues: readonly FieldIssue[]): string {
  const first = issues[0];
  if (first === undefined) return `${fn}: the record is not valid`;
  const subject = first.field === "" ? "the record" : first.field;
  const more = issues.length > 1 ? ` (and ${String(issues.length - 1)} more issue${issues.length > 2 ? "s" : ""})` : "";
  return `${fn}: ${subject} ${first.reason}, got ${show(first.value)}${more}`;
}

/** Throws `E_TIME_ZONE` unless `options.timeZone` is absent or a zone the runtime knows. */
export function checkOptions(fn: string, options: ParseOptions | undefined): string | undefined {
  const timeZone = options?.timeZone;
  if (timeZone !== undefined && (typeof timeZone !== "string" || !isValidTimeZone(timeZone))) {
    throw new MetricRangeError("E_TIME_ZONE", `${fn}: timeZone must be a valid IANA time zone, got ${show(timeZone)}`);
  }
  return timeZone;
}

/** Parses one record or throws {@link ModelValidationError}. */
export function parseOne<T>(schema: Schema<T>, input: unknown, fn: string, code: ModelValidationCode): T {
  const result = schema.safeParse(input, PARAMS);
  if (result.success) return result.data;
  const issues = fieldIssues(result.error, input);
  throw new ModelValidationError(code, describeIssues(fn, issues), issues);
}

/**
 * Parses every row, keeping the valid ones. `extra` may add a cross-row issue for a row
 * that parsed (it is then rejected).
 */
export function parseMany<T>(
  schema: Schema<T>,
  rows: readonly unknown[],
  extra?: (value: T, row: number) => FieldIssue | undefined,
): ParseRowsResult<T> {
  const value: T[] = [];
  const issues: RowIssue[] = [];
  let rejected = 0;
  for (let row = 0; row < rows.length; row++) {
    const input = rows[row];
    const result = schema.safeParse(input, PARAMS);
    if (result.success) {
      const issue = extra?.(result.data, row);
      if (issue === undefined) {
        value.push(result.data);
        continue;
      }
      issues.push({ row, ...issue });
    } else {
      for (const issue of fieldIssues(result.error, input)) issues.push({ row, ...issue });
    }
    rejected++;
  }
  return { ok: rejected === 0, value, issues, rows: rows.length, used: value.length, rejected };
}
