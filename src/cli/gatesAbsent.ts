/**
 * Gates on a metric the export has no input for (./inputsNeeded.ts): their result, never the
 * value the report holds at their path (which would read as 0 % or 100 %), and how renderers
 * tell them from gates with no data.
 *
 * @internal
 * @module
 */
import { formatValue } from "./format.ts";
import { pathText } from "./gatePaths.ts";
import type { Gate, GateResult } from "./gates.ts";
import type { AbsentInput } from "./inputsNeeded.ts";

/** What the message of a gate on a metric not in this export says after the metric. */
const NOT_IN_EXPORT = " is not in this export: ";

/** The result of a gate on a metric the export has no input for: `absent` (exit 2), or `skipped` with `allowMissing`. */
export function absentResult(gate: Gate, lacking: AbsentInput, allowMissing: boolean): GateResult {
  const want = `${gate.kind === "gate" ? "target" : "fail if"} ${gate.op} ${formatValue(gate.target, gate.valueKind)}`;
  const then = allowMissing ? "skipped (--allow-missing)" : "FAILS with exit 2: not a pass (--allow-missing skips it)";
  return {
    gate: gate.text,
    kind: gate.kind,
    metric: gate.metric,
    path: pathText(gate.path),
    op: gate.op,
    target: gate.target,
    unit: gate.valueKind,
    actual: null,
    status: allowMissing ? "skipped" : "absent",
    message: `${gate.metric}${NOT_IN_EXPORT}${lacking.message.replace(" in this export", "")}; ${then}; ${want}`,
  };
}

/** `true` for a gate on a metric not in this export, `absent` or (with `--allow-missing`) `skipped`. */
export function notInExport(result: GateResult): boolean {
  return result.status === "absent" || (result.status === "skipped" && result.message.includes(NOT_IN_EXPORT));
}
