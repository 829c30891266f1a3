/**
 * `cx-metrics report --partial FILE`: the checks of its arguments and the writing of the partial
 * (./partial.ts) at the end of the run, instead of a report.
 *
 * @internal
 * @module
 */
import { botsOption } from "./argsResponders.ts";
import type { Schedule } from "../models/schedule.ts";
import type { SlaPolicy } from "../models/sla.ts";
import type { SegmentKey } from "../report/index.ts";
import type { ReportArgs } from "./args.ts";
import { CliError, EXIT } from "./errors.ts";
import { writeRejects } from "./finish.ts";
import type { foldInputs } from "./fold.ts";
import type { FileRejects, InputSection } from "./inputs.ts";
import type { CliIo } from "./io.ts";
import { cohortsJson, PARTIAL_KIND, PARTIAL_VERSION, writePartial, type PartialFile, type PartialOptions } from "./partial.ts";
import { safeLines } from "./render/safe.ts";
import { describeRejects, rejectedShareWarnings } from "./stderr.ts";
import { packageVersion } from "./version.ts";

/** The options of `report` that belong to the final output: given to `merge`, not to a part. */
const MERGE_ONLY: readonly [string, (args: ReportArgs) => boolean][] = [
  ["--format", (a) => a.format !== undefined],
  ["--output", (a) => a.output !== undefined],
  ["--mermaid", (a) => a.mermaid],
  ["--gate", (a) => a.gates.some((g) => g.kind === "gate")],
  ["--fail-if", (a) => a.gates.some((g) => g.kind === "fail-if")],
  ["--gates", (a) => a.gatesFile !== undefined],
  ["--fail-if-worse", (a) => a.failIfWorse.length > 0],
  ["--baseline", (a) => a.baseline !== undefined],
  ["--allow-missing", (a) => a.allowMissing],
  ["--strict", (a) => a.strict],
  ["--max-rejected", (a) => a.maxRejected !== undefined],
];

/**
 * Refuses, before anything is read, what `--partial` cannot do: a part without `--as-of` (every
 * part must be judged at the same moment, and the default, the data's latest timestamp, differs
 * from part to part), and the options of the final output (formats, gates), which `merge` takes.
 */
export function checkPartialArgs(args: ReportArgs): void {
  if (args.asOf === undefined) {
    throw new CliError(
      "E_CLI_USAGE",
      "--partial needs --as-of: the figures of every part are judged at that moment (open ages, backlog, survival censoring), and without it each part would be judged at its own latest timestamp, so the parts could not be added up",
      'Give every part the same moment, e.g. --as-of 2027-01-01T00:00:00Z (the end of the whole range), and merge them with "cx-metrics merge"',
    );
  }
  const given = MERGE_ONLY.filter(([, has]) => has(args)).map(([name]) => name);
  if (given.length > 0) {
    throw new CliError(
      "E_CLI_USAGE",
      `--partial writes the accumulator state, not a report: ${given.join(", ")} ${given.length === 1 ? "belongs" : "belong"} to "cx-metrics merge", which renders the report and checks the gates`,
      "Run: cx-metrics merge PART.json ... --format json --gate ...",
    );
  }
}

/** What the run computed, for its partial. */
export interface PartialRun {
  readonly timeZone: string;
  readonly asOf: Date;
  readonly segments: readonly SegmentKey[];
  readonly schedule: Schedule | undefined;
  readonly slaPolicy: SlaPolicy | undefined;
  readonly folded: Awaited<ReturnType<typeof foldInputs>>;
  readonly input: InputSection;
  readonly rejects: readonly FileRejects[];
}

/** The first `max` problems of each file, and its first `max` warnings. */
function firstRejects(rejects: readonly FileRejects[], max: number): FileRejects[] {
  return rejects.map((f) => ({
    ...f,
    rejects: [
      ...f.rejects.filter((r) => r.kind !== "warning").slice(0, max),
      ...f.rejects.filter((r) => r.kind === "warning").slice(0, max),
    ],
  }));
}

/** Writes the partial of a finished `report --partial` run; returns the exit code (0). */
export async function writePartialRun(args: ReportArgs, io: CliIo, run: PartialRun): Promise<number> {
  const { folded, input } = run;
  await writeRejects(args.rejects, run.rejects);
  // A part may hold no usable ticket (a quiet month, a few bad rows): merge refuses a whole with
  // none; a part whose rows were all rejected is warned about below (even with --quiet).
  const parameters = folded.report.parameters;
  const options: PartialOptions = {
    preset: args.preset,
    timeZone: run.timeZone,
    timeZoneSource: input.timeZoneSource,
    asOf: run.asOf.toISOString(),
    period: parameters.period,
    compareTo: parameters.compareTo,
    bucket: parameters.bucket,
    segments: run.segments as PartialOptions["segments"],
    schedule: run.schedule ?? null,
    slaPolicy: run.slaPolicy ?? null,
    percentiles: parameters.percentiles,
    confidenceLevel: parameters.confidenceLevel,
    valuePerCustomer: parameters.valuePerCustomer,
    quantiles: args.quantiles ?? "exact",
    leaderboard: {
      by: args.rankBy ?? "tickets",
      minSample: args.minSample ?? 10,
      ...(args.leaderboardOf === "responder" ? { of: "responder" } : {}),
    },
    ...(botsOption(args) === undefined ? {} : { bots: botsOption(args) }),
    maxRejects: args.maxRejects,
    files: {
      messages: args.messages !== undefined,
      responses: args.responses !== undefined,
      cohorts: args.cohorts !== undefined,
      events: args.events !== undefined,
    },
    ...(args.repeatWindow === undefined ? {} : { repeatWindow: args.repeatWindow }),
  };
  const partial: PartialFile = {
    kind: PARTIAL_KIND,
    version: PARTIAL_VERSION,
    generator: { name: "cx-metrics", version: packageVersion() },
    options,
    input,
    rejects: firstRejects(run.rejects, args.maxRejects),
    helpdesk: Object.fromEntries(folded.helpdeskValues),
    cohorts: cohortsJson(folded.cohorts),
    ticketIds: folded.ticketIds ?? [],
    state: folded.accumulator.toJSON(folded.state),
  };
  if (!args.quiet) io.stderr.write(safeLines(describeRejects(input, args)));
  io.stderr.write(rejectedShareWarnings(input));
  await writePartial(args.partial as string, partial, io);
  if (!args.quiet && args.partial !== "-")
    io.stderr.write(
      safeLines(
        `partial written to ${args.partial as string} (${String(input.tickets.used)} tickets); merge the parts with cx-metrics merge\n`,
      ),
    );
  return EXIT.OK;
}
