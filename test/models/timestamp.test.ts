// Sources: RFC 3339 "Date and Time on the Internet: Timestamps" (https://www.rfc-editor.org/rfc/rfc3339)
// for the layouts and offsets; the IANA tz database (https://www.iana.org/time-zones) for the
// 2026 DST changes: America/Los_Angeles springs forward 2026-03-08 02:00 → 03:00 and falls
// back 2026-11-01 02:00 → 01:00; Europe/London 2026-03-29 01:00 → 02:00 and 2026-10-25
// 02:00 → 01:00; Australia/Lord_Howe moves by 30 minutes (2026-10-04 02:00 → 02:30,
// 2026-04-05 02:00 → 01:30).
import { describe, expect, it } from "vitest";
import { isLocalDate, parseTimestamp, TIMESTAMP_REASONS } from "../../src/_lib/timestamp.ts";
import { isValidTimeZone } from "../../src/_lib/zone.ts";

function iso(input: unknown, timeZone?: string): string {
  const result = parseTimestamp(input, timeZone === undefined ? undefined : { timeZone });
  if (!result.ok) throw new Error(`expected a timestamp, got reason: ${result.reason}`);
  return result.value.toISOString();
}

function reason(input: unknown, timeZone?: string): string {
  const result = parseTimestamp(input, timeZone === undefined ? undefined : { timeZone });
  if (result.ok) throw new Error(`expected a failure, got ${result.value.toISOString()}`);
  return result.reason;
}

describe("parseTimestamp: ISO 8601 with Z or an offset (RFC 3339)", () => {
  it.each([
    ["2026-03-08T10:00:00Z", "2026-03-08T10:00:00.000Z"],
    ["2026-03-08T10:00:00.123Z", "2026-03-08T10:00:00.123Z"],
    ["2026-03-08T10:00:00-08:00", "2026-03-08T18:00:00.000Z"],
    ["2026-03-08T10:00:00.5+05:30", "2026-03-08T04:30:00.500Z"],
    ["2026-03-08T10:00:00.123+05:30", "2026-03-08T04:30:00.123Z"],
    ["2026-03-08 10:00:00-08:00", "2026-03-08T18:00:00.000Z"],
    ["2026-03-08 10:00:00Z", "2026-03-08T10:00:00.000Z"],
    ["2026-03-08t10:00:00z", "2026-03-08T10:00:00.000Z"],
    ["2026-03-08T10:00Z", "2026-03-08T10:00:00.000Z"],
    ["2026-03-08T10:00:00.123456789Z", "2026-03-08T10:00:00.123Z"],
    ["2026-03-08T10:00:00,25Z", "2026-03-08T10:00:00.250Z"],
    ["2026-03-08T10:00:00+0100", "2026-03-08T09:00:00.000Z"],
    ["2026-03-08T10:00:00+01", "2026-03-08T09:00:00.000Z"],
    ["2026-03-08 10:00:00 -0800", "2026-03-08T18:00:00.000Z"],
    ["  2026-03-08T10:00:00Z  ", "2026-03-08T10:00:00.000Z"],
    ["2024-02-29T23:59:59.999-00:00", "2024-02-29T23:59:59.999Z"],
    ["1900-01-01T00:00:00Z", "1900-01-01T00:00:00.000Z"],
    ["2200-12-31T23:59:59.999Z", "2200-12-31T23:59:59.999Z"],
    ["1900-01-01T01:00:00+01:00", "1900-01-01T00:00:00.000Z"],
  ])("reads %s as %s", (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it("agrees with Date.parse on the RFC 3339 example 1985-04-12T23:20:50.52Z", () => {
    expect(iso("1985-04-12T23:20:50.52Z")).toBe(new Date(Date.parse("1985-04-12T23:20:50.52Z")).toISOString());
  });
});

describe("parseTimestamp: epoch milliseconds and Date", () => {
  it("reads numbers and all-digit strings as epoch milliseconds", () => {
    expect(iso(1772964000000)).toBe("2026-03-08T10:00:00.000Z");
    expect(iso("1772964000000")).toBe("2026-03-08T10:00:00.000Z");
    expect(iso(0)).toBe("1970-01-01T00:00:00.000Z");
    expect(iso(-86_400_000)).toBe("1969-12-31T00:00:00.000Z");
  });

  it("copies a Date instead of returning the same object", () => {
    const date = new Date("2026-03-08T10:00:00Z");
    const result = parseTimestamp(date);
    expect(result.ok && result.value).toEqual(date);
    expect(result.ok && result.value).not.toBe(date);
  });

  it("normalises -0 to 0", () => {
    const result = parseTimestamp(-0);
    expect(result.ok && Object.is(result.value.getTime(), 0)).toBe(true);
  });
});

describe("parseTimestamp: naive local strings need a timeZone", () => {
  it("reads naive strings in the given zone", () => {
    expect(iso("2026-03-08 10:00:00", "America/Los_Angeles")).toBe("2026-03-08T17:00:00.000Z");
    expect(iso("2026-03-08T10:00", "America/Los_Angeles")).toBe("2026-03-08T17:00:00.000Z");
    expect(iso("2026-03-07T10:00", "America/Los_Angeles")).toBe("2026-03-07T18:00:00.000Z");
    expect(iso("2026-03-08", "America/Los_Angeles")).toBe("2026-03-08T08:00:00.000Z");
    expect(iso("2026-03-08 10:00:00.250", "Asia/Kolkata")).toBe("2026-03-08T04:30:00.250Z");
    expect(iso("2021-03-22", "UTC")).toBe("2021-03-22T00:00:00.000Z");
  });

  it("ignores timeZone when the string has Z or an offset", () => {
    expect(iso("2026-03-08T10:00:00Z", "Asia/Kolkata")).toBe("2026-03-08T10:00:00.000Z");
    expect(iso("2026-03-08T10:00:00-08:00", "Asia/Kolkata")).toBe("2026-03-08T18:00:00.000Z");
  });

  it("moves a time in the America/Los_Angeles spring-forward gap forward by the gap", () => {
    // 02:30 does not exist on 2026-03-08; 03:30 PDT (UTC−7) is 10:30Z.
    expect(iso("2026-03-08 02:30:00", "America/Los_Angeles")).toBe("2026-03-08T10:30:00.000Z");
    expect(iso("2026-03-08 02:00", "America/Los_Angeles")).toBe("2026-03-08T10:00:00.000Z");
    expect(iso("2026-03-08 01:59:59", "America/Los_Angeles")).toBe("2026-03-08T09:59:59.000Z");
    expect(iso("2026-03-08 03:00", "America/Los_Angeles")).toBe("2026-03-08T10:00:00.000Z");
  });

  it("takes the first occurrence of an ambiguous America/Los_Angeles time", () => {
    // 01:30 happens twice on 2026-11-01: at PDT (08:30Z) and at PST (09:30Z).
    expect(iso("2026-11-01 01:30", "America/Los_Angeles")).toBe("2026-11-01T08:30:00.000Z");
    expect(iso("2026-11-01 01:00", "America/Los_Angeles")).toBe("2026-11-01T08:00:00.000Z");
    expect(iso("2026-11-01 00:59", "America/Los_Angeles")).toBe("2026-11-01T07:59:00.000Z");
    expect(iso("2026-11-01 02:00", "America/Los_Angeles")).toBe("2026-11-01T10:00:00.000Z");
  });

  it("takes the first occurrence east of UTC too (Europe/London, where TZDate alone takes the second)", () => {
    expect(iso("2026-10-25 01:30", "Europe/London")).toBe("2026-10-25T00:30:00.000Z");
    expect(iso("2026-03-29 01:30", "Europe/London")).toBe("2026-03-29T01:30:00.000Z");
  });

  it("handles 30-minute DST shifts (Australia/Lord_Howe)", () => {
    expect(iso("2026-10-04 02:15", "Australia/Lord_Howe")).toBe("2026-10-03T15:45:00.000Z");
    expect(iso("2026-04-05 01:45", "Australia/Lord_Howe")).toBe("2026-04-04T14:45:00.000Z");
  });

  it("moves a skipped day forward (Pacific/Apia skipped 2011-12-30)", () => {
    expect(iso("2011-12-30 12:00", "Pacific/Apia")).toBe("2011-12-30T22:00:00.000Z");
  });
});

describe("parseTimestamp: every reason", () => {
  it.each([
    [undefined, TIMESTAMP_REASONS.type],
    [true, TIMESTAMP_REASONS.type],
    [{}, TIMESTAMP_REASONS.type],
    [new Date(Number.NaN), TIMESTAMP_REASONS.invalidDate],
    [1.5, TIMESTAMP_REASONS.epochInteger],
    [Number.NaN, TIMESTAMP_REASONS.epochInteger],
    [Number.POSITIVE_INFINITY, TIMESTAMP_REASONS.epochInteger],
    [8.64e15 + 1, TIMESTAMP_REASONS.epochRange],
    [8.64e15, TIMESTAMP_REASONS.range],
    [-2_208_988_800_001, TIMESTAMP_REASONS.range],
    [new Date(7_289_654_400_000), TIMESTAMP_REASONS.range],
    ["0000-01-01T00:00:00Z", TIMESTAMP_REASONS.range],
    ["0050-06-15T12:00:00Z", TIMESTAMP_REASONS.range],
    ["9999-12-31T23:59:59.999Z", TIMESTAMP_REASONS.range],
    ["1899-12-31T23:59:59.999Z", TIMESTAMP_REASONS.range],
    ["2201-01-01T00:00:00Z", TIMESTAMP_REASONS.range],
    ["1900-01-01T00:30:00+01:00", TIMESTAMP_REASONS.range],
    ["99999999999999999", TIMESTAMP_REASONS.epochRange],
    ["20260308", TIMESTAMP_REASONS.compactDate],
    ["", TIMESTAMP_REASONS.format],
    ["yesterday", TIMESTAMP_REASONS.format],
    ["08/03/2026 10:00", TIMESTAMP_REASONS.format],
    ["2026-03-08T10Z", TIMESTAMP_REASONS.format],
    ["2026-03-08Z", TIMESTAMP_REASONS.format],
    ["-1000", TIMESTAMP_REASONS.format],
    ["+002026-03-08T10:00:00Z", TIMESTAMP_REASONS.format],
    ["2026-13-08T10:00:00Z", TIMESTAMP_REASONS.month],
    ["2026-00-08T10:00:00Z", TIMESTAMP_REASONS.month],
    ["2026-02-29T10:00:00Z", TIMESTAMP_REASONS.day],
    ["1900-02-29T10:00:00Z", TIMESTAMP_REASONS.day],
    ["2026-04-31 10:00:00Z", TIMESTAMP_REASONS.day],
    ["2026-03-00T10:00:00Z", TIMESTAMP_REASONS.day],
    ["2026-03-08T24:00:00Z", TIMESTAMP_REASONS.hour],
    ["2026-03-08T10:60:00Z", TIMESTAMP_REASONS.minute],
    ["2026-03-08T10:00:60Z", TIMESTAMP_REASONS.second],
    ["2026-03-08T10:00:00+24:00", TIMESTAMP_REASONS.offset],
    ["2026-03-08T10:00:00+05:60", TIMESTAMP_REASONS.offset],
    ["2026-03-08T10:00:00+2400", TIMESTAMP_REASONS.offset],
    ["2026-03-08 10:00:00", TIMESTAMP_REASONS.naive],
    ["2026-03-08T10:00", TIMESTAMP_REASONS.naive],
    ["2026-03-08", TIMESTAMP_REASONS.naive],
  ])("rejects %s: %s", (input, expected) => {
    expect(reason(input)).toBe(expected);
  });

  it("says to pass timeZone for a naive string", () => {
    expect(reason("2026-03-08 10:00:00")).toContain("pass the timeZone option");
  });

  it("rejects a naive string when the timeZone is not a zone", () => {
    expect(reason("2026-03-08 10:00:00", "Mars/Olympus_Mons")).toBe(TIMESTAMP_REASONS.timeZone);
    expect(reason("2026-03-08 10:00:00", "")).toBe(TIMESTAMP_REASONS.timeZone);
  });
});

describe("isLocalDate and isValidTimeZone", () => {
  it("accepts dates that exist and rejects the rest", () => {
    expect(isLocalDate("2024-02-29")).toBe(true);
    expect(isLocalDate("2000-02-29")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2100-02-29")).toBe(false);
    expect(isLocalDate("2026-13-01")).toBe(false);
    expect(isLocalDate("2026-1-01")).toBe(false);
    expect(isLocalDate("2026-01-01T00:00")).toBe(false);
  });

  it("knows IANA zones", () => {
    expect(isValidTimeZone("America/Los_Angeles")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});
