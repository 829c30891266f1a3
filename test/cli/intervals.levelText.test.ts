import { describe, expect, it } from "vitest";
import { levelText } from "../../src/cli/intervals.ts";

// Issue 11: `--confidence 0.9999999999999999` printed "CI NaN to NaN" (fixed in the stats), and
// its level then read "100% CI", which no interval is.
describe("levelText", () => {
  it("keeps the usual levels short", () => {
    expect(levelText(0.95)).toBe("95%");
    expect(levelText(0.999)).toBe("99.9%");
  });

  it("never rounds a level below 1 up to 100%, nor one above 0 down to 0%", () => {
    expect(levelText(0.9999999999999999)).toBe("99.99999999999999%");
    expect(levelText(1e-15)).toBe("1e-13%");
  });
});
