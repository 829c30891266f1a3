/**
 * The command's output document: the Report with what was read and the gates' results.
 * `--format json` writes it as is; the other formats render it. docs/guide/cli.md
 * ("JSON output") documents the schema.
 *
 * @internal
 * @module
 */
import type { DurationSummaryJson, Report } from "../report/types.ts";
import type { GateResult } from "./gates.ts";
import type { InputSection } from "./inputs.ts";
import type { AbsentInput } from "./inputsNeeded.ts";

/** Durations the helpdesk exported itself (`Precomputed` keys), summarised over the tickets in scope. */
export type HelpdeskDurations = Readonly<Record<string, DurationSummaryJson>>;

/** The JSON document of `cx-metrics report --format json`. */
export interface CliDocument {
  /** The schema version of this document: 1. */
  readonly version: 1;
  /** The program that wrote it. */
  readonly generator: { readonly name: "cx-metrics"; readonly version: string };
  /** What was read, how, and what was rejected. */
  readonly input: InputSection;
  /** The report (its own `version` is the Report schema version). */
  readonly report: Report;
  /** Durations computed by the helpdesk (Zendesk minutes, Freshdesk hours, Intercom seconds), per field; `null` when the export carries none. */
  readonly helpdesk: HelpdeskDurations | null;
  /**
   * The figures this export has no input for (no assignee column, no satisfaction column and
   * no `--responses` file, …): each says so instead of a figure, and a gate on it is `absent`.
   */
  readonly absent: readonly AbsentInput[];
  /** Each gate's result, in the order given. */
  readonly gates: readonly GateResult[];
  /** The exit code: 0 ok, 1 a gate failed, 2 a gate on a metric not in this export, or `--strict` with rejected rows. */
  readonly exitCode: 0 | 1 | 2;
}
