/**
 * The JSON files the command reads besides the data: `--schedule`, `--sla`, `--gates`.
 * Their contents are checked by the metrics that use them (`E_SCHEDULE_INVALID`,
 * `E_SLA_TARGET`, …); here they are only read, and duration strings (`"4h"`) are turned
 * into milliseconds.
 *
 * @internal
 * @module
 */
import { readFile } from "node:fs/promises";
import type { Schedule } from "../models/schedule.ts";
import type { SlaPolicy } from "../models/sla.ts";
import type { GateArg } from "./args.ts";
import { CliError } from "./errors.ts";
import { firstDuplicateKey } from "./jsonKeys.ts";
import { parseDuration } from "./values.ts";

/** Reads and parses a JSON file, as a usage error when it cannot or when an object repeats a key. */
export async function readJsonFile(option: string, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CliError("E_CLI_FILE", `${option} ${path}: ${describeFsError(error)}`);
  }
  const json = text.replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(json) as unknown;
  } catch (error) {
    throw new CliError(
      "E_CLI_CONFIG_FILE",
      `${option} ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const duplicate = firstDuplicateKey(json);
  if (duplicate !== undefined) {
    throw new CliError(
      "E_CLI_CONFIG_FILE",
      `${option} ${path}: line ${String(duplicate.line)}: the key ${JSON.stringify(duplicate.key)} appears twice in one object (JSON readers keep only the last); write it once`,
    );
  }
  return value;
}

/** `ENOENT` and friends as words. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return error instanceof Error ? error.message : String(error);
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** Reads `--schedule`: a {@link Schedule} object, or `{ "schedule": {...} }`. */
export async function loadSchedule(path: string): Promise<Schedule> {
  const json = await readJsonFile("--schedule", path);
  const schedule = isObject(json) && isObject(json["schedule"]) && !("weekly" in json) ? json["schedule"] : json;
  if (!isObject(schedule)) {
    throw new CliError("E_CLI_CONFIG_FILE", `--schedule ${path}: must hold a schedule object { "timeZone", "weekly", "holidays"? }`);
  }
  return schedule as unknown as Schedule;
}

function toWithin(path: string, index: number, within: unknown): unknown {
  if (typeof within !== "string") return within;
  const ms = parseDuration(within);
  if (ms === undefined) {
    throw new CliError(
      "E_CLI_CONFIG_FILE",
      `--sla ${path}: targets[${String(index)}].within must be milliseconds, a Duration object or a duration such as "4h", got ${JSON.stringify(within)}`,
    );
  }
  return ms;
}

/**
 * Reads `--sla`: an {@link SlaPolicy} (`{ name?, schedule?, targets: [...] }`) whose target
 * `within` may also be a duration string (`"4h"`, `"1d"`). A policy without its own
 * `schedule` takes `schedule` (from `--schedule`) when given.
 */
export async function loadSlaPolicy(path: string, schedule: Schedule | undefined): Promise<SlaPolicy> {
  const json = await readJsonFile("--sla", path);
  if (!isObject(json) || !Array.isArray(json["targets"])) {
    throw new CliError("E_CLI_CONFIG_FILE", `--sla ${path}: must hold a policy object { "name"?, "schedule"?, "targets": [...] }`);
  }
  const targets = (json["targets"] as unknown[]).map((target, index) =>
    isObject(target) ? { ...target, within: toWithin(path, index, target["within"]) } : target,
  );
  const policy: Record<string, unknown> = { ...json, targets };
  if (policy["schedule"] === undefined && schedule !== undefined) policy["schedule"] = schedule;
  return policy as unknown as SlaPolicy;
}

const GATE_KEYS = ["gate", "failIf"] as const;

/**
 * Reads `--gates`: a JSON array of gates, or `{ "gates": [...] }`; each gate is an
 * expression string (`"nps >= 30"`) or `{ "gate": "nps >= 30" }` / `{ "failIf": "nps < 30" }`.
 * Any other key (`failif`, a top-level `failIf`), or an entry with both conditions, is refused
 * (`E_CLI_CONFIG_FILE`, naming the entry and the key): a gate file never drops a gate silently.
 */
export async function loadGates(path: string): Promise<GateArg[]> {
  const json = await readJsonFile("--gates", path);
  if (isObject(json)) {
    const extra = Object.keys(json).filter((key) => key !== "gates");
    if (extra.length > 0) {
      throw new CliError(
        "E_CLI_CONFIG_FILE",
        `--gates ${path}: unknown key${extra.length === 1 ? "" : "s"} ${extra.map((k) => JSON.stringify(k)).join(", ")} at the top level; the file holds { "gates": [...] } or an array of gates`,
      );
    }
  }
  const list = isObject(json) ? json["gates"] : json;
  if (!Array.isArray(list)) {
    throw new CliError("E_CLI_CONFIG_FILE", `--gates ${path}: must hold an array of gates, or { "gates": [...] }`);
  }
  return list.map((entry: unknown, index): GateArg => {
    const source = `--gates ${path} [${String(index)}]`;
    if (typeof entry === "string") return { text: entry, kind: "gate", source };
    if (isObject(entry)) {
      const keys = Object.keys(entry);
      const unknown = keys.find((key) => !(GATE_KEYS as readonly string[]).includes(key));
      if (unknown !== undefined) {
        throw new CliError(
          "E_CLI_CONFIG_FILE",
          `${source}: unknown key ${JSON.stringify(unknown)}; an entry is { "gate": "…" } or { "failIf": "…" }`,
        );
      }
      if (keys.length > 1) {
        throw new CliError("E_CLI_CONFIG_FILE", `${source}: has both "gate" and "failIf"; write two entries, one condition each`);
      }
      const key = keys[0];
      if (key !== undefined && typeof entry[key] === "string")
        return { text: entry[key], kind: key === "gate" ? "gate" : "fail-if", source };
    }
    throw new CliError(
      "E_CLI_CONFIG_FILE",
      `${source}: a gate must be a string or { "gate": "…" } / { "failIf": "…" }, got ${JSON.stringify(entry)}`,
    );
  });
}
