// Issue 11, "CI gates that pass without being checked": every gate is checked before anything
// is read; --allow-missing skips only a known metric with no data; skipped is not passed;
// --gates refuses what it would drop; impossible thresholds are usage errors.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { GateArg } from "../../src/cli/args.ts";
import { GATE_ALIASES } from "../../src/cli/gateAliases.ts";
import { triviality } from "../../src/cli/gateDomains.ts";
import { checkPath, pathText, readPath } from "../../src/cli/gatePaths.ts";
import { parseGate } from "../../src/cli/gates.ts";
import { DOCUMENT_SHAPE, type Shape } from "../../src/cli/shape.ts";
import { closest, editDistance } from "../../src/cli/suggest.ts";
import { cliCodeOf as codeOf } from "../_support/errors.ts";
import { cli, DATA, FULL, json, tempDir } from "./_run.ts";

const gate = (text: string, kind: GateArg["kind"] = "gate"): GateArg => ({ text, kind, source: "--gate" });
const base = ["report", DATA.tickets, "--responses", DATA.responses, "--format", "json", "-q"];

describe("gate names are checked before anything is read (E_CLI_GATE_PATH, exit 2)", () => {
  it("a misspelt dotted name is not a path: exit 2 with the closest names, even with --allow-missing", async () => {
    for (const extra of [[], ["--allow-missing"]]) {
      const r = await cli([...base, "--gate", "frt.medain <= 4h", ...extra]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/unknown metric "frt\.medain".*did you mean frt\.median/);
    }
  });

  it("a misspelt key deeper in a path, and in input. paths", () => {
    expect(codeOf(() => parseGate(gate("counts.backlog.cont < 3")))).toBe("E_CLI_GATE_PATH");
    expect(codeOf(() => parseGate(gate("input.tickets.rejcted == 0")))).toBe("E_CLI_GATE_PATH");
    expect(codeOf(() => parseGate(gate("input.tikets.rejected == 0")))).toBe("E_CLI_GATE_PATH");
    expect(codeOf(() => parseGate(gate("sla.byChannel[chanel=email].compliance > 0.5")))).toBe("E_CLI_GATE_PATH");
    expect(codeOf(() => parseGate(gate("parameters.timeZone > 1")))).toBe("E_CLI_GATE_PATH"); // a string
    expect(codeOf(() => parseGate(gate("counts.backlog > 1")))).toBe("E_CLI_GATE_PATH"); // an object
    expect(() => parseGate(gate("input.tickets.rejected == 0"))).not.toThrow();
    expect(() => parseGate(gate("time.firstResponse.skipped.noReply < 5"))).not.toThrow(); // a map: any key
    expect(() => parseGate(gate("sla.byChannel[channel=email].compliance > 0.5"))).not.toThrow();
  });

  it("an unknown segment dimension is a usage error with the closest dimension", () => {
    let message = "";
    try {
      parseGate(gate("frt.median[chanel=email] <= 4h"), [["channel"]]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/unknown segment dimension "chanel"; did you mean channel\?/);
  });

  it("an unknown segment value is exit 2 after reading, listing the values seen; --allow-missing does not skip it", async () => {
    const r = await cli([...base, "--by", "channel", "--gate", "frt.median[channel=emial] <= 4h", "--allow-missing"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/no segment channel=emial; seen: .*email.*did you mean email\?/);
  });

  it("every alias reads a number path of the document's shape", () => {
    for (const a of GATE_ALIASES) expect(() => checkPath([a.root, ...a.path], a.name, a.name), a.name).not.toThrow();
  });

  it("the shape accepts every path to a number in a real full report", async () => {
    const r = await cli([
      ...FULL,
      "--value-per-customer",
      "243",
      "--period",
      "2024-01-01..2025-01-01",
      "--compare-to",
      "2023-01-01..2024-01-01",
      "--bucket",
      "week",
      "--rank-by",
      "tickets",
      "--format",
      "json",
      "-q",
    ]);
    const doc = json(r);
    const paths: (string | { key: string; equals: string })[][] = [];
    const walk = (value: unknown, path: (string | { key: string; equals: string })[]): void => {
      if (typeof value === "number") paths.push(path);
      else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, String(i)]));
      else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk({ report: doc.report, input: doc.input }, []);
    expect(paths.length).toBeGreaterThan(500);
    const refused = paths.filter((p) => codeOf(() => checkPath(p, "x", "x")) !== undefined).map((p) => pathText(p));
    expect(refused).toEqual([]);
    expect(readPath(doc, ["report", "tickets"])).toBeTypeOf("number");
    expect(Object.keys(DOCUMENT_SHAPE as Record<string, Shape>)).toEqual(["report", "input"]);
  });

  it("suggestions: edit distance counts a swap of neighbours as one edit", () => {
    expect(editDistance("frt.medain", "frt.median")).toBe(1);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(closest("baclog", ["backlog", "tickets", "unresolved"])).toEqual(["backlog"]);
    expect(closest("zzzzzz", ["backlog"])).toEqual([]);
  });
});

describe("skipped is not passed", () => {
  it("the summary counts skipped gates apart, on stderr and in the table", async () => {
    const r = await cli([...base, "--gate", "sla.compliance >= 90%", "--gate", "tickets > 1", "--gate", "nps > -50", "--allow-missing"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("gates: 2 passed, 1 skipped");
    expect(r.stderr).not.toMatch(/all \d+ passed/);
    expect(json(r).gates.map((g: { status: string }) => g.status)).toEqual(["skipped", "pass", "pass"]);
    const table = await cli([
      "report",
      DATA.tickets,
      "--format",
      "table",
      "-q",
      "--gate",
      "sla.compliance >= 90%",
      "--gate",
      "tickets > 1",
      "--allow-missing",
    ]);
    expect(table.stdout).toContain("Gates: 1 passed, 1 skipped.");
    const failed = await cli([
      ...base,
      "--gate",
      "sla.compliance >= 90%",
      "--gate",
      "tickets > 1000",
      "--gate",
      "tickets > 1",
      "--allow-missing",
    ]);
    expect(failed.stderr).toContain("gates: 1 of 3 failed (1 passed, 1 skipped)");
  });
});

describe("--gates FILE refuses what it would drop (E_CLI_CONFIG_FILE, exit 2)", () => {
  const withFile = async (content: unknown): Promise<{ code: number; stderr: string }> => {
    const file = join(tempDir(), "gates.json");
    writeFileSync(file, JSON.stringify(content));
    return cli(["report", DATA.tickets, "--gates", file, "--format", "json", "-q"]);
  };

  it("an entry with two conditions, naming the entry", async () => {
    const r = await withFile([{ gate: "tickets > 1", failIf: "tickets > 1" }]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\[0\]: has both "gate" and "failIf"/);
  });

  it("an unknown key in an entry, and at the top level", async () => {
    const entry = await withFile(["tickets > 1", { failif: "tickets > 1" }]);
    expect(entry.code).toBe(2);
    expect(entry.stderr).toMatch(/\[1\]: unknown key "failif"/);
    const top = await withFile({ gates: ["tickets > 1"], failIf: ["tickets > 1000"] });
    expect(top.code).toBe(2);
    expect(top.stderr).toMatch(/unknown key "failIf" at the top level/);
  });

  it("a key written twice in one entry (JSON.parse would keep only the last gate)", async () => {
    const file = join(tempDir(), "twice.json");
    writeFileSync(file, '[\n  { "gate": "tickets > 1",\n    "gate": "tickets < 1" }\n]\n');
    const r = await cli(["report", DATA.tickets, "--gates", file, "--format", "json", "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 3: the key "gate" appears twice in one object');
  });
});

describe("impossible thresholds are usage errors (E_CLI_GATE_VALUE)", () => {
  it.each([
    ["resolution.rate >= -5%", "gate"],
    ["resolution.rate > 150%", "fail-if"],
    ["tickets >= 1e400", "gate"],
    ["tickets >= 0", "gate"],
    ["backlog < 0", "gate"],
    ["frt.median >= 0s", "gate"],
    ["nps >= -100", "gate"],
    ["nps < 101", "fail-if"],
    ["nps.lower == 200", "gate"],
    ["csat <= 100%", "gate"],
    ["csat >= 1.5", "gate"],
    ["oneTouch != 2", "gate"],
    ["counts.resolutionRate.value >= -0.05", "gate"],
    ["replies.mean < 0", "fail-if"],
    ["frt.median <= 1e400h", "gate"],
    // input. paths: counts of rows, and the rejected share (a fraction)
    ["input.tickets.used >= -1", "gate"],
    ["input.tickets.read >= 0", "gate"],
    ["input.tickets.rejectedShare <= 100%", "gate"],
    ["input.tickets.rejectedShare > 1.5", "fail-if"],
  ] as const)("%s (%s)", (text, kind) => {
    expect(codeOf(() => parseGate(gate(text, kind)))).toBe("E_CLI_GATE_VALUE");
  });

  it("gates that can go either way are accepted", () => {
    for (const text of [
      "tickets > 0",
      "resolution.rate >= 90%",
      "nps >= -50",
      "csat < 100%",
      "frt.median <= 4h",
      "rejected == 0",
      "rejected.share <= 5%",
      "counts.backlog.count < 60",
      "input.tickets.rejected == 0",
      "input.tickets.rejectedShare <= 5%",
    ]) {
      expect(() => parseGate(gate(text)), text).not.toThrow();
    }
  });

  it("triviality: always, never, or neither over a domain", () => {
    expect(triviality(">=", 0, [0, 1])).toBe("always");
    expect(triviality(">", 1, [0, 1])).toBe("never");
    expect(triviality("<", 0.5, [0, 1])).toBeUndefined();
    expect(triviality("==", 2, [0, 1])).toBe("never");
    expect(triviality("!=", -1, [0, 1])).toBe("always");
  });

  it("a CES mean is checked against the survey's scale once it is read (1–7 in the example)", async () => {
    for (const text of ["ces >= 0.5", "ces > 7", "ces <= 7"]) {
      const r = await cli([...base, "--gate", text]);
      expect(r.code, text).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/is a mean on the survey's 1–7 scale/);
    }
    expect((await cli([...base, "--gate", "ces >= 3"])).code).toBe(0);
  });

  it("through the command: exit 2, nothing written", async () => {
    const r = await cli([...base, "--fail-if", "resolution.rate > 150%"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/can never fail/);
  });
});
