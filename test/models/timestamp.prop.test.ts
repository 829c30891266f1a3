import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { fixedLayoutMs, parseTimestamp } from "../../src/_lib/timestamp.ts";

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** Valid calendar fields from year 1901 to 2199 (inside the supported range whatever the offset). */
const fields = fc
  .record({
    y: fc.integer({ min: 1901, max: 2199 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    frac: fc.option(fc.stringMatching(/^\d{1,3}$/), { nil: undefined }),
  })
  .filter(
    ({ y, mo, d }) =>
      d <= new Date(Date.UTC(2000, mo, 0)).getUTCDate() && (mo !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))),
  );

const offset = fc.oneof(
  fc.constant("Z"),
  fc
    .record({ sign: fc.constantFrom("+", "-"), h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) })
    .map(({ sign, h, m }) => `${sign}${pad(h)}:${pad(m)}`),
);

function layout(f: { y: number; mo: number; d: number; h: number; mi: number; s: number; frac: string | undefined }, sep: string): string {
  const fraction = f.frac === undefined ? "" : `.${f.frac}`;
  return `${pad(f.y, 4)}-${pad(f.mo)}-${pad(f.d)}${sep}${pad(f.h)}:${pad(f.mi)}:${pad(f.s)}${fraction}`;
}

test.prop([fields, offset])("agrees with Date.parse for ISO strings with Z or an offset", (f, zone) => {
  const text = layout(f, "T") + zone;
  const result = parseTimestamp(text);
  expect(result.ok).toBe(true);
  if (result.ok) expect(result.value.getTime()).toBe(Date.parse(text));
});

test.prop([fields, offset])("reads a space between date and time like a T", (f, zone) => {
  const withT = parseTimestamp(layout(f, "T") + zone);
  const withSpace = parseTimestamp(layout(f, " ") + zone);
  expect(withSpace).toEqual(withT);
});

test.prop([fc.date({ min: new Date("1900-01-01T00:00:00.000Z"), max: new Date("2200-12-31T23:59:59.999Z"), noInvalidDate: true })])(
  "round-trips toISOString and epoch milliseconds (number and string)",
  (date) => {
    const ms = date.getTime();
    for (const input of [date.toISOString(), ms, date]) {
      const result = parseTimestamp(input);
      expect(result.ok && result.value.getTime()).toBe(ms);
    }
    if (ms >= 0 && String(ms).length !== 8) {
      const result = parseTimestamp(String(ms));
      expect(result.ok && result.value.getTime()).toBe(ms);
    }
  },
);

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall time of `ms` in `timeZone` as `YYYY-MM-DD HH:MM`, by Intl (independent of the code under test). */
function wallTime(ms: number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** A `YYYY-MM-DD HH:MM` wall time read as if it were UTC, in minutes. */
const wallMinutes = (wall: string): number => Date.parse(`${wall.replace(" ", "T")}:00Z`) / 60_000;

/** The UTC offset of `timeZone` at `ms`, in minutes, by Intl. */
const offsetAt = (ms: number, timeZone: string): number => wallMinutes(wallTime(ms, timeZone)) - Math.floor(ms / 60_000);

const zones = fc.constantFrom("America/Los_Angeles", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago");
const walls = fc
  .record({
    y: fc.integer({ min: 2000, max: 2030 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ y, mo, d, h, mi }) => `${String(y)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}`);

/**
 * A naive time read in a zone shows that wall time there and no earlier instant does
 * (first occurrence), or the time is in a gap and the result shows it moved forward by
 * exactly the gap. Returns which case held.
 */
function checkWall(wall: string, timeZone: string): "shown" | "gap" {
  const result = parseTimestamp(wall, { timeZone });
  expect(result.ok).toBe(true);
  if (!result.ok) throw new Error("unreachable");
  const ms = result.value.getTime();
  const shown = wallTime(ms, timeZone);
  if (shown !== wall) {
    const gap = offsetAt(ms, timeZone) - offsetAt(ms - 86_400_000, timeZone);
    expect(gap).toBeGreaterThan(0);
    expect(wallMinutes(shown) - wallMinutes(wall)).toBe(gap);
    return "gap";
  }
  for (let back = 15; back <= 180; back += 15) expect(wallTime(ms - back * 60_000, timeZone)).not.toBe(wall);
  return "shown";
}

test.prop([walls, zones], { numRuns: 300 })(
  "a naive time read in a zone shows that wall time there (first occurrence)",
  (wall, timeZone) => {
    checkWall(wall, timeZone);
  },
);

test("every 5 minutes around the 2026 DST changes: gaps move forward, overlaps take the first occurrence", () => {
  const days: [string, string][] = [
    ["America/Los_Angeles", "2026-03-08"],
    ["America/Los_Angeles", "2026-11-01"],
    ["Europe/London", "2026-03-29"],
    ["Europe/London", "2026-10-25"],
    ["Australia/Lord_Howe", "2026-04-05"],
    ["Australia/Lord_Howe", "2026-10-04"],
    ["America/Santiago", "2026-09-06"],
  ];
  let gaps = 0;
  for (const [timeZone, day] of days) {
    for (let minute = 0; minute < 4 * 60; minute += 5) {
      if (checkWall(`${day} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`, timeZone) === "gap") gaps++;
    }
  }
  // LA 12 + London 12 + Lord Howe 6 + Santiago 12 five-minute steps fall in gaps.
  expect(gaps).toBe(42);
});

test.prop([fc.string()])("never throws, whatever the string", (text) => {
  const result = parseTimestamp(text, { timeZone: "UTC" });
  expect(typeof result.ok).toBe("boolean");
});

test.prop([fields, offset])("the fixed-layout fast path agrees with the full parser, or declines", (f, zone) => {
  const text = layout(f, "T") + zone;
  const fast = fixedLayoutMs(text);
  const full = parseTimestamp(text);
  // The fast path takes exactly YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM); other fractions go to the full parser.
  const fixed = f.frac === undefined || f.frac.length === 3;
  if (fixed) {
    expect(full.ok).toBe(true);
    if (full.ok) expect(fast).toBe(full.value.getTime());
  } else expect(fast).toBeNaN();
});

/** Strings of the fixed layout's shape with any digits (so fields are often out of range), or any string. */
const layoutLike = fc.oneof(
  fc.tuple(fields, offset).map(([f, zone]) => layout(f, "T") + zone),
  fc
    .tuple(
      fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
      fc.constantFrom("", ".123", ".9"),
      fc.oneof(fc.constant("Z"), fc.stringMatching(/^[+-]\d{2}:\d{2}$/)),
    )
    .map((parts) => parts.join("")),
  fc.string({ maxLength: 30 }),
);

test.prop([layoutLike])("the fixed-layout fast path never accepts what the full parser rejects or reads differently", (text) => {
  const fast = fixedLayoutMs(text);
  const full = parseTimestamp(text);
  // Declining (NaN) is always allowed: the full parser then decides.
  expect(Number.isNaN(fast) || (full.ok && full.value.getTime() === fast)).toBe(true);
});

test("the fixed-layout fast path declines out-of-range fields, so the full parser can say why", () => {
  for (const text of [
    "2026-02-29T10:00:00Z",
    "2026-13-01T10:00:00Z",
    "2026-01-01T24:00:00Z",
    "2026-01-01T10:60:00Z",
    "2026-01-01T10:00:60Z",
    "2026-01-01T10:00:00+24:00",
    "2026-01-01 10:00:00Z",
    "2026-01-01T10:00:00.12Z",
  ]) {
    expect(fixedLayoutMs(text), text).toBeNaN();
  }
  expect(fixedLayoutMs("2024-02-29T23:59:59.999-01:30")).toBe(Date.parse("2024-02-29T23:59:59.999-01:30"));
  expect(fixedLayoutMs("1900-03-01T00:00:00Z")).toBe(Date.parse("1900-03-01T00:00:00Z"));
  // Outside years 1900 to 2200 it declines too: the full parser gives the range reason.
  expect(fixedLayoutMs("0000-03-01T00:00:00Z")).toBeNaN();
  expect(fixedLayoutMs("1900-01-01T00:30:00+01:00")).toBeNaN();
});

test.prop([fc.date({ noInvalidDate: true })])("accepts exactly the instants of years 1900 to 2200 (UTC)", (date) => {
  const ms = date.getTime();
  const inside = ms >= Date.UTC(1900, 0, 1) && ms < Date.UTC(2201, 0, 1);
  const result = parseTimestamp(date.toISOString());
  expect(result.ok).toBe(inside);
  expect(parseTimestamp(ms).ok).toBe(inside);
});
