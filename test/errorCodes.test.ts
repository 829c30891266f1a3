import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { METRIC_ERROR_CODES, MetricRangeError, type MetricErrorCode } from "../src/_lib/errors.ts";
import { CLI_ERROR_CODES, CliError, type CliErrorCode } from "../src/cli/errors.ts";
import { INPUT_FORMAT_CODES, InputFormatError, type InputFormatCode } from "../src/io/InputFormatError.ts";
import { MODEL_VALIDATION_CODES, ModelValidationError, type ModelValidationCode } from "../src/models/schemas/errors.ts";

// The four error classes take their `code` from closed lists; docs/guide/errors.md must document
// exactly those codes: each in the first cell of a table row of its own, and no other `E_…` name
// anywhere on the page.

const DOC = readFileSync(new URL("../docs/guide/errors.md", import.meta.url), "utf8");
// A code ends in a letter or digit, so a family such as `E_CLI_*` in prose is not a code.
const CODE = /\bE_[A-Z0-9]+(?:_[A-Z0-9]+)*\b/g;

/** The codes named in the first cell of a table row, per `## ` section (the key "" is the preamble). */
function documentedBySection(markdown: string): Map<string, Set<string>> {
  const sections = new Map<string, Set<string>>([["", new Set()]]);
  let current = "";
  for (const line of markdown.split("\n")) {
    if (line.startsWith("## ")) {
      current = line.slice(3).trim();
      sections.set(current, new Set());
      continue;
    }
    const cells = /^\|([^|]*)\|/.exec(line);
    if (cells === null) continue;
    for (const code of (cells[1] ?? "").match(CODE) ?? []) sections.get(current)?.add(code);
  }
  return sections;
}

/** Every `E_…` name anywhere on the page, prose included. */
function mentioned(markdown: string): Set<string> {
  return new Set(markdown.match(CODE) ?? []);
}

const documented = documentedBySection(DOC);
const allDocumented = new Set([...documented.values()].flatMap((codes) => [...codes]));
const allCodes = new Set<string>([...METRIC_ERROR_CODES, ...CLI_ERROR_CODES, ...INPUT_FORMAT_CODES, ...MODEL_VALIDATION_CODES]);
const sorted = (codes: Iterable<string>): string[] => [...codes].sort();

describe("error codes are closed lists", () => {
  it.each([
    ["MetricRangeError", METRIC_ERROR_CODES],
    ["CliError", CLI_ERROR_CODES],
    ["InputFormatError", INPUT_FORMAT_CODES],
    ["ModelValidationError", MODEL_VALIDATION_CODES],
  ] as const)("%s: each code is E_ followed by upper-case words, listed once", (_name, codes) => {
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(code).toMatch(/^E_[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("the classes accept exactly their own codes (type level)", () => {
    // @ts-expect-error a code outside the closed list is a type error
    const wrong: MetricErrorCode = "E_NOT_A_CODE";
    // @ts-expect-error a CLI code is not a metric code
    const cliAsMetric: MetricErrorCode = "E_CLI_USAGE";
    const cli: CliErrorCode = "E_INPUT_COLUMNS"; // the command passes the readers' codes on
    const input: InputFormatCode = "E_INPUT_SYNTAX";
    const model: ModelValidationCode = "E_INVALID_TICKET";
    expect([wrong, cliAsMetric, cli, input, model]).toHaveLength(5);
    expect(new MetricRangeError("E_SCORE_RANGE", "nps: x").code).toBe("E_SCORE_RANGE");
    expect(new CliError("E_CLI_USAGE", "x").code).toBe("E_CLI_USAGE");
    expect(new InputFormatError("E_INPUT_SYNTAX", "x", { preset: "p", found: [], expected: [], missing: [] }).code).toBe("E_INPUT_SYNTAX");
    expect(new ModelValidationError("E_INVALID_COHORT", "x", []).code).toBe("E_INVALID_COHORT");
  });

  it("every input-format code is a command code (the command passes them on)", () => {
    for (const code of INPUT_FORMAT_CODES) expect(CLI_ERROR_CODES).toContain(code);
  });
});

describe("docs/guide/errors.md lists the same codes as the types", () => {
  it("every code of every class has a table row of its own", () => {
    expect(sorted([...allCodes].filter((code) => !allDocumented.has(code)))).toEqual([]);
  });

  it("every code the page names exists", () => {
    expect(sorted([...mentioned(DOC)].filter((code) => !allCodes.has(code)))).toEqual([]);
  });

  it("the command's section lists exactly the command's codes", () => {
    const section = [...documented.keys()].find((title) => title.endsWith("command"));
    expect(section).toBeDefined();
    expect(sorted(documented.get(section ?? "") ?? [])).toEqual(sorted(CLI_ERROR_CODES));
  });

  it("the models section lists every validation code", () => {
    const section = [...documented.keys()].find((title) => title.startsWith("Models"));
    const codes = documented.get(section ?? "") ?? new Set();
    expect(MODEL_VALIDATION_CODES.filter((code) => !codes.has(code))).toEqual([]);
  });

  it("the check can fail: a page without the survey section misses its codes, a stray name is caught", () => {
    const withoutSurvey = DOC.replace(/## Survey[\s\S]*?(?=\n## )/, "");
    const left = new Set([...documentedBySection(withoutSurvey).values()].flatMap((codes) => [...codes]));
    expect(left.has("E_SCALE")).toBe(false);
    expect(mentioned(`${DOC}\nsee \`E_NO_SUCH_CODE\``).has("E_NO_SUCH_CODE")).toBe(true);
    expect([...mentioned("the command's codes are `E_CLI_*`")]).toEqual([]);
  });
});
