/**
 * Runs the command in-process with captured streams.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { run } from "../../src/cli/run.ts";
import { realDataPath } from "../_support/realData.ts";

/** What a run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cx-metrics <argv>`; `stdin` feeds `-`; `tty` says whether stdout is a terminal (default false). */
export async function cli(argv: readonly string[], options: { stdin?: string | Buffer; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    stdin:
      options.stdin === undefined
        ? undefined
        : Readable.from([typeof options.stdin === "string" ? Buffer.from(options.stdin) : options.stdin]),
  });
  return { code, stdout, stderr };
}

/** A path in the repository. */
export const repo = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The example export and its companions. */
export const DATA = {
  tickets: repo("examples/data/tickets.csv"),
  messages: repo("examples/data/messages.csv"),
  responses: repo("examples/data/responses.csv"),
  cohorts: repo("examples/data/cohorts.csv"),
  schedule: repo("examples/data/schedule.json"),
  sla: repo("examples/data/sla.json"),
};

/** The command line of the full demo report (every input, schedule, SLA, segments). */
export const FULL = [
  "report",
  DATA.tickets,
  "--messages",
  DATA.messages,
  "--responses",
  DATA.responses,
  "--cohorts",
  DATA.cohorts,
  "--timezone",
  "Europe/Bucharest",
  "--schedule",
  DATA.schedule,
  "--sla",
  DATA.sla,
  "--by",
  "channel,assignee",
];

/** The real synthetic Kaggle file (needs the data directory: `needsRealData("real/customer_support_tickets.csv")`). */
export const REAL = realDataPath("real/customer_support_tickets.csv");

/** A fresh temporary directory. */
export const tempDir = (): string => mkdtempSync(join(tmpdir(), "cx-cli-"));

/** The JSON document of a run. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = (r: CliRun): any => JSON.parse(r.stdout);
