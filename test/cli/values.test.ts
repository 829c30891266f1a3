// Values of the command line: durations, periods, display formatting, CSV cells.
import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "../../src/cli/csv.ts";
import { CliError } from "../../src/cli/errors.ts";
import { formatDuration, formatValue } from "../../src/cli/format.ts";
import { parseDuration, parseInstant, parseList, parsePeriod } from "../../src/cli/values.ts";

describe("parseDuration", () => {
  it.each([
    ["45s", 45_000],
    ["30m", 1_800_000],
    ["30min", 1_800_000],
    ["4h", 14_400_000],
    ["2d", 172_800_000],
    ["1w", 604_800_000],
    ["1h30m", 5_400_000],
    ["1h 30m", 5_400_000],
    ["1.5h", 5_400_000],
    ["250ms", 250],
  ])("%s is %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "4", "h", "4x", "-4h", "4h-", "four hours"])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe("parseInstant and parsePeriod", () => {
  it("reads naive dates in the time zone, offsets as written", () => {
    expect(parseInstant("--as-of", "2026-10-01", "Europe/Bucharest").toISOString()).toBe("2026-09-30T21:00:00.000Z");
    expect(parseInstant("--as-of", "2026-10-01T12:00:00Z", "Europe/Bucharest").toISOString()).toBe("2026-10-01T12:00:00.000Z");
  });

  it("reads from..to as a half-open period", () => {
    const p = parsePeriod("--period", "2026-10-01..2026-11-01", "UTC");
    expect([p.from.toISOString(), p.to.toISOString()]).toEqual(["2026-10-01T00:00:00.000Z", "2026-11-01T00:00:00.000Z"]);
  });

  it.each(["2026-10-01", "..2026-10-01", "2026-10-01..", "2026-11-01..2026-10-01", "2026-10-01..2026-10-01", "x..y"])(
    "refuses %j with E_CLI_OPTION_VALUE",
    (text) => {
      expect(() => parsePeriod("--period", text, "UTC")).toThrow(expect.objectContaining({ code: "E_CLI_OPTION_VALUE" }) as CliError);
    },
  );

  it("splits lists", () => {
    expect(parseList(" channel, assignee ,,")).toEqual(["channel", "assignee"]);
  });
});

describe("display formatting", () => {
  it.each([
    [850, "850ms"],
    [45_200, "45.2s"],
    [60_000, "1m 00s"],
    [725_000, "12m 05s"],
    [15_120_000, "4h 12m"],
    [183_600_000, "2d 03h"],
    [-90_000, "-1m 30s"],
  ])("formatDuration(%d) is %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("formats by kind and shows no data as a dash", () => {
    expect(formatValue(0.9134, "fraction")).toBe("91.3%");
    expect(formatValue(29.8245, "points")).toBe("29.8");
    expect(formatValue(5.2631, "score")).toBe("5.26");
    expect(formatValue(12, "count")).toBe("12");
    expect(formatValue(null, "duration")).toBe("–");
  });
});

describe("CSV cells (formula injection, OWASP)", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["+1", "'+1"],
    ["-cmd", "'-cmd"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", `"'\rx"`],
    ['=HYPERLINK("a")', `"'=HYPERLINK(""a"")"`],
    ["a,b", '"a,b"'],
    ["plain", "plain"],
  ])("escapes %j as %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("writes numbers as numbers (a negative number is not text) and null as empty", () => {
    expect(csvLine([-12.5, null, 0, true, "x"])).toBe("-12.5,,0,true,x\n");
  });
});
