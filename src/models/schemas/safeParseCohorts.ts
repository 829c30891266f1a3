import type { Cohort } from "../cohort.ts";
import { checkOptions, parseMany } from "./core.ts";
import type { ParseOptions, ParseRowsResult } from "./options.ts";
import { rowSchemas } from "./rows.ts";

/**
 * Validates untrusted rows as {@link Cohort}s: the rows that fit become cohorts, the
 * others are rejected with their issues, so `used + rejected === rows`.
 *
 * @param rows - Plain objects, each read as {@link parseCohort} reads it.
 * @param options - {@link ParseOptions}; `timeZone` (default: none) reads naive local
 *   timestamps.
 * @returns The cohorts, the issues (row index, field, value, reason) and the counts; `ok`
 *   is `true` when no row was rejected. No rows give `{ ok: true, value: [], rows: 0, … }`.
 * @throws `MetricRangeError` (from `cx-metrics`) `E_TIME_ZONE` if `options.timeZone` is not a valid IANA zone.
 * @remarks Never throws for bad rows.
 * @example
 * ```ts
 * const start = "2026-01-01T00:00:00Z";
 * const result = safeParseCohorts([
 *   { label: "2026-01", start, size: 10, active: [9, 8] },
 *   { label: "2026-02", start, size: 10, active: [12] },
 * ]);
 * result.rejected;        // => 1
 * result.issues[0].field; // => "active.0"
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (seed article 000: retention and churn)
 * @category Models
 */
export function safeParseCohorts(rows: readonly unknown[], options?: ParseOptions): ParseRowsResult<Cohort> {
  const timeZone = checkOptions("safeParseCohorts", options);
  return parseMany(rowSchemas(timeZone).cohort, rows);
}
