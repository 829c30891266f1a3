import type { Cohort } from "../cohort.ts";
import { checkOptions, parseOne } from "./core.ts";
import type { ParseOptions } from "./options.ts";
import { rowSchemas } from "./rows.ts";

/**
 * Validates one untrusted row as a {@link Cohort}, coercing the forms exports use, and
 * returns the cohort.
 *
 * @param row - A plain object with `label`, `start`, `size`, `active` (an array) and an
 *   optional `period`. Other keys are ignored.
 * @param options - {@link ParseOptions}; `timeZone` (default: none) reads a naive `start`
 *   such as `"2026-01-01"`.
 * @returns The cohort (a new object).
 * @throws {@link ModelValidationError} `E_INVALID_COHORT` naming the first field, its
 *   reason and value; `issues` lists every problem.
 * @throws `MetricRangeError` (from `cx-metrics`) `E_TIME_ZONE` if `options.timeZone` is not a valid IANA zone.
 * @remarks `size` and each `active` count accept integer strings and must be non-negative
 * integers, each `active` count at most `size`; `label` accepts a number; `period` is
 * matched case-insensitively.
 * @example
 * ```ts
 * const cohort = parseCohort({ label: "2026-01", start: "2026-01-01", size: "100", active: ["90", 80] }, { timeZone: "UTC" });
 * cohort.active;              // => [90, 80]
 * cohort.start.toISOString(); // => "2026-01-01T00:00:00.000Z"
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (seed article 000: retention and churn)
 * @category Models
 */
export function parseCohort(row: unknown, options?: ParseOptions): Cohort {
  const timeZone = checkOptions("parseCohort", options);
  return parseOne(rowSchemas(timeZone).cohort, row, "parseCohort", "E_INVALID_COHORT");
}
