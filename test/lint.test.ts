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
    // The layers, one case per forbidden direction: _lib and models are the bottom, metrics
    // never reach up to report, io or cli, and report never reaches the command.
    ["src/_lib/x.ts", 'import { nps } from "../metrics/survey/nps.ts"; export const x = nps;'],
    ["src/_lib/x.ts", 'import { report } from "../report/report.ts"; export const x = report;'],
    ["src/_lib/x.ts", 'import { readTickets } from "../io/readTickets.ts"; export const x = readTickets;'],
    ["src/_lib/x.ts", 'import { CliError } from "../cli/errors.ts"; export const x = CliError;'],
    ["src/models/x.ts", 'import { report } from "../report/report.ts"; export const x = report;'],
    ["src/models/x.ts", 'import { readTickets } from "../io/readTickets.ts"; export const x = readTickets;'],
    ["src/models/x.ts", 'import { CliError } from "../cli/errors.ts"; export const x = CliError;'],
    ["src/models/batch/x.ts", 'import { nps } from "../../metrics/survey/nps.ts"; export const x = nps;'],
    ["src/models/schemas/x.ts", 'import { nps } from "../../metrics/survey/nps.ts"; export const x = nps;'],
    ["src/metrics/volume/x.ts", 'import { CliError } from "../../cli/errors.ts"; export const x = CliError;'],
    ["src/metrics/volume/x.ts", 'import { readTickets } from "../../io/readTickets.ts"; export const x = readTickets;'],
    ["src/metrics/volume/x.ts", 'import type { Report } from "../../report/types.ts"; export type X = Report;'],
    ["src/report/x.ts", 'import { main } from "../cli/main.ts"; export const x = main;'],
    ["src/report/x.ts", 'import { readTickets } from "../io/readTickets.ts"; export const x = readTickets;'],
    ["src/models/x.ts", 'import { nps } from "../metrics/survey/nps.ts"; export const x = nps;'],
    ["src/metrics/survey/x.ts", 'import { report } from "../../report/report.ts"; export const x = report;'],
    ["src/metrics/survey/x.ts", 'import { readFileSync } from "node:fs"; export const x = readFileSync;'],
    ["src/metrics/survey/x.ts", 'import { z } from "zod"; export const x = z;'],
    ["src/report/x.ts", 'import { CliError } from "../cli/errors.ts"; export const x = CliError;'],
    ["src/index.ts", 'export { TicketSchema } from "./models/schemas/ticket.ts";'],
    ["src/cli/x.ts", 'import type { RepliesSkip } from "../metrics/time/_replies.ts"; export type X = RepliesSkip;'],
    ["src/cli/x.ts", 'import { coreAccumulator } from "../report/_core.ts"; export const x = coreAccumulator;'],
    ["src/io/x.ts", 'import { bucketsToJSON } from "../metrics/volume/_stateJson.ts"; export const x = bucketsToJSON;'],
    // The readers run in browsers, Deno and Bun: node:* only in src/io/node.
    ["src/io/x.ts", 'import { createReadStream } from "node:fs"; export const x = createReadStream;'],
    ["src/io/node/x.ts", 'import { csvBatches } from "../_csv.ts"; export const x = csvBatches;'],
    ["src/io/node/x.ts", 'import { CliError } from "../../cli/errors.ts"; export const x = CliError;'],
    // No file imports another folder's _ file (only its own folder's).
    ["src/report/x.ts", 'import { replyCount } from "../metrics/time/_replies.ts"; export const x = replyCount;'],
    ["src/metrics/sla/x.ts", 'import { replyCount } from "../time/_replies.ts"; export const x = replyCount;'],
    ["src/cli/x.ts", 'import { recordBatches } from "../io/_engine.ts"; export const x = recordBatches;'],
    ["src/models/schemas/x.ts", 'import { x as y } from "../_private.ts"; export const x = y;'],
    ["src/metrics/survey/index.ts", 'export { npsCounts } from "./_npsCounts.ts";'],
    ["examples/x.ts", 'import { mulberry32 } from "../src/_lib/random.ts"; console.log(mulberry32);'],
    // Charts are specs only: no Vega (runtime or types), no readers, no command, no node:*.
    ["src/charts/x.ts", 'import { View } from "vega"; export const x = View;'],
    ["src/charts/x.ts", 'import type { TopLevelSpec } from "vega-lite"; export type X = TopLevelSpec;'],
    ["src/charts/x.ts", 'import { readTickets } from "../io/readTickets.ts"; export const x = readTickets;'],
    ["src/charts/x.ts", 'import { writeFileSync } from "node:fs"; export const x = writeFileSync;'],
  ])("%s: refuses %s", async (file, code) => {
    expect(await broken(file, code)).not.toEqual([]);
  });

  it.each([
    ["src/metrics/sla/x.ts", 'import type { AnomalyReason } from "../time/durationTypes.ts"; export type X = AnomalyReason;'],
    ["src/charts/x.ts", 'import type { Report } from "../report/types.ts"; export type X = Report;'],
    ["src/_lib/x.ts", 'import { offsetAt } from "./zone.ts"; export const x = offsetAt;'],
    ["src/models/batch/x.ts", 'import { DAY_MS } from "../../_lib/time.ts"; export const x = DAY_MS;'],
    ["src/metrics/volume/x.ts", 'import { bucketer } from "../../_lib/bucket.ts"; export const x = bucketer;'],
    ["src/cli/x.ts", 'import { recordBatches } from "../io/recordBatches.ts"; export const x = recordBatches;'],
    [
      "src/report/x.ts",
      'import { volumeAccumulator } from "../metrics/volume/volumeByPeriodState.ts"; export const x = volumeAccumulator;',
    ],
    ["src/metrics/time/x.ts", 'import { replyCount } from "./_replies.ts"; export const x = replyCount;'],
    ["src/cli/x.ts", 'import { readFileSync } from "node:fs"; export const x = readFileSync;'],
    ["src/io/node/x.ts", 'import { createReadStream } from "node:fs"; export const x = createReadStream;'],
    ["src/cli/x.ts", 'import { openFile } from "../io/node/index.ts"; export const x = openFile;'],
    ["src/metrics/survey/index.ts", 'export type { BinaryAnswer } from "./_labels.ts";'],
    ["src/models/schemas/x.ts", 'import { z } from "zod"; export const x = z;'],
    ["examples/x.ts", 'import { nps } from "../src/index.ts"; console.log(nps);'],
    ["test/x.test.ts", 'import { fold } from "../src/_lib/group.ts"; console.log(fold);'],
  ])("%s: allows %s", async (file, code) => {
    expect(await broken(file, code)).toEqual([]);
  });
});
