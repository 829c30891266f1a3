// --quantiles: exact, sketch (1 %), sketch:α as a fraction or a percentage; anything else is exit 2 naming the option.
import { describe, expect, it } from "vitest";
import { parseReportArgs, type ReportArgs } from "../../src/cli/args.ts";
import { cliCodeOf } from "../_support/errors.ts";

const parse = (...extra: string[]): ReportArgs => parseReportArgs(["tickets.csv", "--timezone", "UTC", ...extra]) as ReportArgs;

describe("--quantiles", () => {
  it("reads exact, sketch and sketch:ERROR", () => {
    expect(parse().quantiles).toBeUndefined();
    expect(parse("--quantiles", "exact").quantiles).toBe("exact");
    expect(parse("--quantiles", "sketch").quantiles).toEqual({ relativeError: 0.01 });
    expect(parse("--quantiles", "sketch:0.005").quantiles).toEqual({ relativeError: 0.005 });
    expect(parse("--quantiles", "sketch:2%").quantiles).toEqual({ relativeError: 0.02 });
  });

  it.each(["approx", "sketch:0", "sketch:1", "sketch:150%", "sketch:", "sketch:-0.1", "sketch:abc"])(
    "refuses %j naming the option",
    (value) => {
      expect(cliCodeOf(() => parse("--quantiles", value))).toBe("E_CLI_OPTION_VALUE");
      expect(() => parse("--quantiles", value)).toThrow(/--quantiles must be exact, sketch, or sketch:ERROR/);
    },
  );
});
