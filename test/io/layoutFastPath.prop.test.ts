// The compiled fast path of date layouts (src/io/_layout.ts) agrees with date-fns `parse`
// (https://date-fns.org/docs/parse) on every value date-fns `format` writes, and leaves every
// other value to date-fns.
import { TZDate } from "@date-fns/tz";
import { fc, test } from "@fast-check/vitest";
import { format, parse } from "date-fns";
import { describe, expect, it } from "vitest";
import { compileLayout } from "../../src/io/_layout.ts";
import { readLayoutTimestamp } from "../../src/io/dateFormat.ts";

const NAIVE = ["dd/MM/yyyy HH:mm", "yyyy-MM-dd HH:mm:ss.SSS", "MM/dd/yyyy hh:mm a", "EEEE, MMMM dd, yyyy 'at' HH:mm", "dd.MM.yyyy"];
const WITH_OFFSET = ["EEE MMM dd HH:mm:ss xx yyyy", "yyyy-MM-dd'T'HH:mm:ssXXX", "dd/MM/yyyy HH:mm xxx", "yyyyMMdd HHmmss XX"];
const ZONES = ["UTC", "Asia/Kolkata", "America/St_Johns", "Europe/Bucharest", "Australia/Lord_Howe"];

/** Instants from 1900 to 2200, whole milliseconds. */
const instant = fc.integer({ min: -2_208_988_800_000, max: 7_289_654_399_999 });

describe("compileLayout", () => {
  test.prop([instant, fc.constantFrom(...NAIVE)])("naive layouts: the wall time date-fns reads", (ms, layout) => {
    const text = format(new TZDate(ms, "UTC"), layout);
    const fields = compileLayout(layout)?.(text);
    expect(fields).toBeDefined();
    expect(fields?.offset).toBeUndefined();
    expect(fields?.wall).toBe(parse(text, layout, new TZDate(0, "UTC")).getTime());
  });

  test.prop([instant, fc.constantFrom(...WITH_OFFSET), fc.constantFrom(...ZONES)])(
    "layouts with an offset: the instant date-fns reads",
    (ms, layout, zone) => {
      const text = format(new TZDate(ms, zone), layout);
      const fields = compileLayout(layout)?.(text);
      expect(fields).toBeDefined();
      const expected = parse(text, layout, new TZDate(0, "UTC")).getTime();
      expect((fields?.wall ?? 0) - (fields?.offset ?? 0)).toBe(expected);
    },
  );

  it("does not compile layouts with tokens it does not read", () => {
    for (const layout of ["d/M/yyyy", "yy-MM-dd", "t", "MMMM do, yyyy", "HH:mm dd/MM/yyyy hh", "dd/MM/yyyy hh:mm"]) {
      expect(compileLayout(layout)).toBeUndefined();
    }
  });

  it("leaves other widths, contradictions and out-of-range fields to date-fns", () => {
    const read = compileLayout("EEE dd/MM/yyyy HH:mm");
    expect(read?.("Tue 31/10/2017 22:10")).toEqual({ wall: Date.UTC(2017, 9, 31, 22, 10), offset: undefined });
    for (const text of [
      "Wed 31/10/2017 22:10",
      "Tue 31/10/17 22:10",
      "Tue 1/10/2017 22:10",
      "Tue 31/10/2017 24:10",
      "Tue 29/02/2017 10:00",
      "Tue 31/10/2017 22:10 ",
    ]) {
      expect(read?.(text)).toBeUndefined();
    }
  });

  it("the reader gives date-fns' answer where the fast path declines", () => {
    // d/M is not compiled; "1/2/2017" under dd/MM is not the fixed width: date-fns reads both.
    expect(readLayoutTimestamp("UTC", "dd/MM/yyyy")("1/2/2017")).toEqual(new Date("2017-02-01T00:00:00Z"));
    expect(readLayoutTimestamp("UTC", "d/M/yyyy")("1/2/2017")).toEqual(new Date("2017-02-01T00:00:00Z"));
  });
});
