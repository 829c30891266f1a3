/**
 * Time constants and proleptic Gregorian calendar arithmetic on day numbers (days since
 * 1970-01-01), with no time zone: the one place src/ defines them.
 *
 * @internal
 * @module
 */

/** One second in milliseconds. @internal */
export const SECOND_MS = 1_000;
/** One minute in milliseconds. @internal */
export const MINUTE_MS = 60_000;
/** One hour in milliseconds. @internal */
export const HOUR_MS = 3_600_000;
/** One day of 24 hours in milliseconds. @internal */
export const DAY_MS = 86_400_000;
/** One week of 7 days of 24 hours in milliseconds. @internal */
export const WEEK_MS = 604_800_000;
/** The largest |epoch milliseconds| a `Date` holds (±100,000,000 days from 1970). @internal */
export const MAX_DATE_MS = 8.64e15;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (month 1–12), any year; H. Hinnant's
 * days_from_civil ("chrono-compatible low-level date algorithms").
 *
 * @internal
 */
export function daysFromCivil(y: number, mo: number, d: number): number {
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = (((153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5) | 0) + d - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * Year and month (1–12) of a day number since 1970-01-01; H. Hinnant's civil_from_days.
 *
 * @internal
 */
export function civilFromDays(days: number): { y: number; m: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m };
}

/** The number of days of month `mo` (1–12) of the proleptic Gregorian year `y`. @internal */
export function daysInMonth(y: number, mo: number): number {
  if (mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) return 29;
  return DAYS_IN_MONTH[mo - 1] ?? 0;
}
