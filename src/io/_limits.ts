/**
 * The size limits of the readers, in one place: every buffer a reader holds for one record
 * is bounded by them, whatever the input.
 *
 * @internal
 * @module
 */

/** 64 MiB, in UTF-16 code units (64 MiB of ASCII text). */
const MIB_64 = 64 * 1024 * 1024;

/**
 * The limits. Mutable for the tests only (which lower them to exercise the paths with small
 * inputs); nothing else writes them.
 *
 * - `recordChars`: the longest CSV record (all its fields and delimiters), NDJSON line or
 *   JSON array element, and the largest JSON document read whole (a wrapper object), in
 *   characters: 64 MiB. A JSON element or NDJSON line past it is rejected as one record and
 *   reading goes on (it is skipped without being held); a CSV record or JSON document past
 *   it stops the read with `E_INPUT_LIMIT`, since where it ends cannot be trusted.
 *
 * @internal
 */
export const INPUT_LIMITS = { recordChars: MIB_64 };

/** `n` characters as a size for messages: `64 MiB`, `1.5 KiB`, `12 characters`. @internal */
export function showSize(n: number): string {
  if (n >= 1024 * 1024) return `${String(Math.round((n / (1024 * 1024)) * 10) / 10)} MiB`;
  if (n >= 1024) return `${String(Math.round((n / 1024) * 10) / 10)} KiB`;
  return `${String(n)} characters`;
}
