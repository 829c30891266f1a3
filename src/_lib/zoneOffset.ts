/**
 * The UTC offset of an IANA time zone at an instant: the one place every local-time
 * computation (bucketing, business hours, naive timestamps) asks a zone for its offset.
 *
 * @internal
 * @module
 */
import { tzOffset } from "@date-fns/tz";

const formats = new Map<string, Intl.DateTimeFormat>();

/** The offset from Intl's `longOffset` name (`GMT-00:30:20`), in milliseconds. */
function longOffsetMs(timeZone: string, ms: number): number {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    if (formats.size >= 512) formats.clear();
    formats.set(timeZone, format);
  }
  const match = /GMT([+-])(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(format.format(ms));
  if (match === null) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
  return seconds === 0 ? 0 : (match[1] === "-" ? -1 : 1) * seconds * 1000;
}

/**
 * The UTC offset of `timeZone` at instant `ms`, in whole milliseconds, positive east of UTC.
 * Old local-mean-time offsets keep their seconds (Africa/Casablanca before 1913: −00:30:20).
 * Callers check the zone first.
 *
 * @remarks From @date-fns/tz `tzOffset`, which reads Intl's `GMT-00:30:20` but loses the sign
 * of offsets strictly between −1 h and 0 h (−00:30:20 came back as +30.33 minutes: the hours
 * read as −0). Offsets under an hour either way are therefore read again from Intl; they are
 * rare (UTC itself is 0 and needs no second look), so the usual path costs one `tzOffset`.
 * @example
 * ```ts
 * zoneOffsetMs("Asia/Kolkata", Date.UTC(2026, 0, 1));                   // => 19800000
 * zoneOffsetMs("Africa/Casablanca", Date.parse("1905-06-01T10:10:00Z")); // => -1820000
 * ```
 * @internal
 */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  const minutes = tzOffset(timeZone, new Date(ms));
  if (minutes !== 0 && minutes > -60 && minutes < 60) return longOffsetMs(timeZone, ms);
  return Math.round(minutes * 60_000);
}
