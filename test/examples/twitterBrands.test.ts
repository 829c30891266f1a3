// examples/twitter-brands.md is the output of examples/twitter-brands.ts (the command with
// --preset twcs --by brand on the real twcs_head5000.csv): the committed figures must be what
// a run gives today. test/cli/twcs.test.ts checks the same figures against an independent loop.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { needsRealData } from "../_support/realData.ts";
import { repo } from "../cli/_run.ts";

describe("examples/twitter-brands.md", needsRealData("real/twcs_head5000.csv"), () => {
  it("is what examples/twitter-brands.ts prints: 76 brand accounts, 74 with first response figures", () => {
    const printed = execFileSync(process.execPath, ["--import", "tsx", repo("examples/twitter-brands.ts")], {
      cwd: repo("."),
      encoding: "utf8",
    });
    const committed = readFileSync(repo("examples/twitter-brands.md"), "utf8");
    expect(printed).toBe(committed);
    const rows = committed.split("\n").filter((line) => /^\| [^-b]/.test(line));
    expect(rows).toHaveLength(76);
    expect(committed).toContain("| ChipotleTweets | 170 | 5217.6 | 591.0 | 779.4 |");
  });
});
