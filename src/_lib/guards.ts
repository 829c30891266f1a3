import { MetricRangeError } from "./errors.ts";

/**
 * Throws `E_COUNT_RANGE` unless `value` is a non-negative integer.
 *
 * @internal
 */
export function assertCount(fn: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new MetricRangeError("E_COUNT_RANGE", `${fn}: ${name} must be a non-negative integer, got ${String(value)}`);
  }
}

/**
 * Throws `E_NOT_FINITE` unless `value` is a finite number.
 *
 * @internal
 */
export function assertFinite(fn: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new MetricRangeError("E_NOT_FINITE", `${fn}: ${name} must be a finite number, got ${String(value)}`);
  }
}

/**
 * Throws `E_INVALID_DATE` unless `value` is a `Date` holding a real instant.
 *
 * @internal
 */
export function assertDate(fn: string, name: string, value: Date): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new MetricRangeError("E_INVALID_DATE", `${fn}: ${name} must be a valid Date, got ${String(value)}`);
  }
}

/**
 * {@link assertDate} for a ticket's field: the message names the field and the ticket
 * (`createdAt of ticket 17`), built only when the value is not a valid Date, so the check
 * allocates nothing on the per-ticket path.
 *
 * @internal
 */
export function assertTicketDate(fn: string, field: string, value: Date, ticket: { readonly id: string }): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) assertDate(fn, `${field} of ticket ${ticket.id}`, value);
}

/**
 * Throws `E_FRACTION_RANGE` unless `value` is a number from 0 to 1.
 *
 * @internal
 */
export function assertFraction(fn: string, name: string, value: number): void {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    throw new MetricRangeError("E_FRACTION_RANGE", `${fn}: ${name} must be a number from 0 to 1, got ${String(value)}`);
  }
}

/**
 * Normalises −0 to 0 (the house rule for every returned number).
 *
 * @internal
 */
export function noNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}
