import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The import rules of ARCHITECTURE.md live in eslint.config.js. ESLint applies one
// `no-restricted-imports` setting per file (a later block replaces an earlier one), so a new
// block can switch a rule off without anyone noticing: these cases keep each rule honest.

const root = fileURLToPath(new URL("../", import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The import rules that `code`, linted as if it were `file`, breaks. */
async function broken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message).filter((id) => id.includes("restricted-imports"));
}

describe("eslint.config.js enforces the import rules of ARCHITECTURE.md", () => {
  it.each([
    ["src/_lib/x.ts", 'import type { Ticket } from "../models/ticket.ts"; export type X = Ticket;'],
    ["src/models/x.ts", 'import { nps } from "../metrics/survey/nps.ts"; export const x = nps;'],
    ["src/metrics/survey/x.ts", 'import { report } from "../../report/report.ts"; export const x = report;'],
    ["src/metrics/survey/x.ts", 'import { readFileSync } from "node:fs"; export const x = readFileSync;'],
    ["src/metrics/survey/x.ts", 'import { z } from "zod"; export const x = z;'],
    ["src/report/x.ts", 'import { CliError } from "../cli/errors.ts"; export const x = CliError;'],
    ["src/index.ts", 'export { TicketSchema } from "./models/schemas/ticket.ts";'],
    ["src/cli/x.ts", 'import type { AnomalyReason } from "../metrics/time/durationTypes.ts"; export type X = AnomalyReason;'],
    ["src/cli/x.ts", 'import { coreAccumulator } from "../report/_core.ts"; export const x = coreAccumulator;'],
    ["src/io/x.ts", 'import { volumeAccumulator } from "../metrics/volume/_volumeAccumulator.ts"; export const x = volumeAccumulator;'],
    ["src/metrics/survey/index.ts", 'export { npsCounts } from "./_npsCounts.ts";'],
    ["examples/x.ts", 'import { mulberry32 } from "../src/_lib/random.ts"; console.log(mulberry32);'],
  ])("%s: refuses %s", async (file, code) => {
    expect(await broken(file, code)).not.toEqual([]);
  });

  it.each([
    ["src/metrics/sla/x.ts", 'import type { AnomalyReason } from "../time/durationTypes.ts"; export type X = AnomalyReason;'],
    ["src/report/x.ts", 'import { volumeAccumulator } from "../metrics/volume/_volumeAccumulator.ts"; export const x = volumeAccumulator;'],
    ["src/cli/x.ts", 'import { recordBatches } from "../io/_engine.ts"; export const x = recordBatches;'],
    ["src/cli/x.ts", 'import { readFileSync } from "node:fs"; export const x = readFileSync;'],
    ["src/metrics/survey/index.ts", 'export type { BinaryAnswer } from "./_labels.ts";'],
    ["src/models/schemas/x.ts", 'import { z } from "zod"; export const x = z;'],
    ["examples/x.ts", 'import { nps } from "../src/index.ts"; console.log(nps);'],
    ["test/x.test.ts", 'import { fold } from "../src/_lib/group.ts"; console.log(fold);'],
  ])("%s: allows %s", async (file, code) => {
    expect(await broken(file, code)).toEqual([]);
  });
});
