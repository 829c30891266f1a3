/**
 * `--by`: segment dimensions for the report.
 *
 * @internal
 * @module
 */
import type { SegmentDimension, SegmentKey } from "../report/index.ts";
import { CliError } from "./errors.ts";

/** The dimensions `--by` accepts, and their synonyms. */
export const DIMENSIONS: Readonly<Record<string, SegmentDimension>> = {
  assignee: "assignee",
  agent: "assignee",
  group: "group",
  team: "group",
  channel: "channel",
  type: "type",
  priority: "priority",
  brand: "brand",
  tag: "tag",
  tags: "tag",
  period: "period",
};

/**
 * Reads the `--by` entries (already split at commas): `channel` is one segmentation,
 * `channel+type` a cross segmentation (channel × type).
 */
export function parseSegments(entries: readonly string[]): { keys: SegmentKey[]; dimensions: SegmentDimension[][] } {
  const keys: SegmentKey[] = [];
  const dimensions: SegmentDimension[][] = [];
  for (const entry of entries) {
    const dims = entry.split("+").map((part) => {
      const name = part.trim().toLowerCase();
      const dim = Object.hasOwn(DIMENSIONS, name) ? DIMENSIONS[name] : undefined;
      if (dim === undefined) {
        throw new CliError(
          "E_CLI_OPTION_VALUE",
          `--by must name dimensions among ${[...new Set(Object.values(DIMENSIONS))].join(", ")} (agent = assignee; join two with +), got ${JSON.stringify(entry)}`,
        );
      }
      return dim;
    });
    if (dimensions.some((d) => d.length === dims.length && d.every((x, i) => x === dims[i]))) continue;
    dimensions.push(dims);
    keys.push(dims.length === 1 ? (dims[0] as SegmentDimension) : dims);
  }
  return { keys, dimensions };
}
