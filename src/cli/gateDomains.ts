/**
 * Gate domains: what each kind of metric can be, and the refusal of gates that can never
 * fail or never pass on it.
 *
 * @internal
 * @module
 */
import { CliError } from "./errors.ts";
import { formatValue, type ValueKind } from "./format.ts";
import type { GateAlias } from "./gateAliases.ts";
import { readPath } from "./gatePaths.ts";
import type { Gate, GateOp } from "./gates.ts";

/** A line of help on how to write a value of this kind. */
export function kindHint(kind: ValueKind): string {
  switch (kind) {
    case "fraction":
      return "Rates are fractions: write 0.9 or 90%";
    case "duration":
      return "Times are durations: write 90s, 30m, 4h or 2d";
    case "points":
      return "NPS is in points from -100 to 100: write 30";
    default:
      return "Write a plain number";
  }
}

/** What a metric of this kind can be: its smallest and largest values. */
export function domainOf(kind: ValueKind, alias?: GateAlias): readonly [number, number] {
  if (alias?.domain !== undefined) return alias.domain;
  switch (kind) {
    case "count":
    case "duration":
      return [0, Number.POSITIVE_INFINITY];
    case "fraction":
      return [0, 1];
    case "points":
      return [-100, 100];
    default:
      return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  }
}

/** `always` when `x op target` holds for every x in `domain`, `never` when for none, else `undefined`. */
export function triviality(op: GateOp, target: number, [lo, hi]: readonly [number, number]): "always" | "never" | undefined {
  switch (op) {
    case ">=":
      return target <= lo ? "always" : target > hi ? "never" : undefined;
    case ">":
      return target < lo ? "always" : target >= hi ? "never" : undefined;
    case "<=":
      return target >= hi ? "always" : target < lo ? "never" : undefined;
    case "<":
      return target > hi ? "always" : target <= lo ? "never" : undefined;
    case "==":
      return target < lo || target > hi ? "never" : lo === hi ? "always" : undefined;
    case "!=":
      return target < lo || target > hi ? "always" : lo === hi ? "never" : undefined;
  }
}

function domainText([lo, hi]: readonly [number, number], kind: ValueKind): string {
  if (hi === Number.POSITIVE_INFINITY) return `${formatValue(lo, kind)} or more`;
  return `from ${formatValue(lo, kind)} to ${formatValue(hi, kind)}`;
}

/** Refuses a gate that can never fail or never pass: its target outside what the metric can be. */
export function checkTrivial(
  where: string,
  gate: Pick<Gate, "kind" | "metric" | "op" | "target" | "valueKind">,
  alias: GateAlias | undefined,
): void {
  const domain = domainOf(gate.valueKind, alias);
  const holds = triviality(gate.op, gate.target, domain);
  if (holds === undefined) return;
  const never = (gate.kind === "gate") === (holds === "always") ? "fail" : "pass";
  throw new CliError(
    "E_CLI_GATE_VALUE",
    `${where}: this ${gate.kind === "gate" ? "gate" : "--fail-if"} can never ${never}: ${gate.metric} is ${domainText(domain, gate.valueKind)}, so "${gate.op} ${formatValue(gate.target, gate.valueKind)}" ${holds === "always" ? "always holds" : "never holds"}`,
    kindHint(gate.valueKind),
  );
}

/**
 * A survey mean (`ces`: kind `score`) lies on its survey's scale, known only once read: a
 * target that makes the gate always or never hold on `[scale.min, scale.max]` is refused then.
 */
export function checkScale(gate: Gate, document: unknown): void {
  if (gate.valueKind !== "score" || gate.path[gate.path.length - 1] !== "mean") return;
  const scale = readPath(document, [...gate.path.slice(0, -1), "scale"]) as { min?: unknown; max?: unknown } | undefined;
  if (scale === undefined || typeof scale.min !== "number" || typeof scale.max !== "number") return;
  const domain = [scale.min, scale.max] as const;
  const holds = triviality(gate.op, gate.target, domain);
  if (holds === undefined) return;
  throw new CliError(
    "E_CLI_GATE_VALUE",
    `gate ${JSON.stringify(gate.text)}: this gate can never ${(gate.kind === "gate") === (holds === "always") ? "fail" : "pass"}: ${gate.metric} is a mean on the survey's ${String(scale.min)}–${String(scale.max)} scale, so "${gate.op} ${String(gate.target)}" ${holds === "always" ? "always holds" : "never holds"}`,
  );
}
