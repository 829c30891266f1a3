/**
 * The SLA section of the table, Markdown and HTML documents.
 *
 * @internal
 * @module
 */
import type { MetricSetJson, SlaTallyJson } from "../report/types.ts";
import { formatValue, type CellValue } from "./format.ts";
import { levelText, withInterval } from "./intervals.ts";
import type { Block, Column } from "./render/blocks.ts";

/** Non-zero counts as `reason n, reason n`. */
export const reasons = (record: Readonly<Record<string, number>>): string =>
  Object.entries(record)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${reason} ${String(n)}`)
    .join(", ");

const ciRange = (t: SlaTallyJson): CellValue =>
  t.interval === null ? null : `${formatValue(t.interval.lower, "fraction")} to ${formatValue(t.interval.upper, "fraction")}`;
const tallyCells = (t: SlaTallyJson): CellValue[] => [t.compliance, ciRange(t), t.achieved, t.breached, t.running];
const tallyColumns = (level: number): readonly Column[] => [
  { label: "compliance", kind: "fraction" },
  { label: `${levelText(level)} CI` },
  { label: "achieved", kind: "count" },
  { label: "breached", kind: "count" },
  { label: "running", kind: "count" },
];

/** The SLA section of a scope. */
export function slaBlocks(set: MetricSetJson, level: number): Block[] {
  const sla = set.sla;
  const TALLY_COLUMNS = tallyColumns(level);
  const blocks: Block[] = [{ type: "heading", text: "SLA compliance" }];
  if (sla === null) return [...blocks, { type: "note", text: "No SLA policy (give one with --sla policy.json)." }];
  blocks.push(
    {
      type: "facts",
      facts: [
        { label: "Policy", value: sla.policy ?? "(unnamed)" },
        {
          label: "Compliance",
          value: withInterval(sla.compliance, sla.interval, "fraction"),
          note: `${String(sla.achieved)} achieved, ${String(sla.breached)} breached, ${String(sla.running)} running`,
        },
      ],
    },
    {
      type: "table",
      caption: "By target",
      columns: [{ label: "target" }, ...TALLY_COLUMNS],
      rows: (["firstResponse", "nextResponse", "resolution"] as const).map((m) => [m, ...tallyCells(sla.byMetric[m])]),
    },
    {
      type: "table",
      caption: "By channel",
      columns: [{ label: "channel" }, ...TALLY_COLUMNS],
      rows: sla.byChannel.map((c) => [c.channel, ...tallyCells(c)]),
    },
  );
  const detail = [reasons(sla.skipped), reasons(sla.anomalies)].filter((t) => t !== "").join("; ");
  if (detail !== "") blocks.push({ type: "note", text: `Not judged: ${detail}.` });
  return blocks;
}
