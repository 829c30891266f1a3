/**
 * The Report as blocks, continued: segments, the agent leaderboard, volume, the peak-hours
 * heatmap, types, cohort retention and the period comparison.
 *
 * @internal
 * @module
 */
import type { Report } from "../report/types.ts";
import { segmentFigures, type SegmentRow } from "../report/toRows.ts";
import type { CliDocument } from "./document.ts";
import { formatValue, type CellValue, type ValueKind } from "./format.ts";
import { levelText, testText } from "./intervals.ts";
import { absentForPath, type AbsentInput } from "./inputsNeeded.ts";
import type { Block, Column } from "./render/blocks.ts";
import { absentNote, isAbsentIn } from "./sectionsAbsent.ts";
import { leaderboardBlocks } from "./sectionsLeaderboard.ts";

/** A figure of a segment row (`toRows`' segments columns after the dimension and the key). */
type SegmentFigure = Exclude<keyof SegmentRow, "dimension" | "segment">;

/**
 * The columns of a segment table: label, kind, the `toRows` column it shows (also the CSV
 * column name), and when the run shows it. The values are read in one place: segmentFigures.
 */
const SEGMENT_COLUMNS: readonly {
  readonly label: string;
  /** The `toRows` segments column, also the CSV column name (durations in milliseconds, rates as fractions). */
  readonly column: SegmentFigure;
  readonly kind: ValueKind;
  readonly when?: (report: Report) => boolean;
}[] = [
  { label: "tickets", column: "tickets", kind: "count" },
  { label: "resolved", column: "resolution_rate", kind: "fraction" },
  { label: "backlog", column: "backlog", kind: "count" },
  { label: "FRT median", column: "first_response_median_ms", kind: "duration" },
  { label: "FRT p90", column: "first_response_p90_ms", kind: "duration" },
  {
    label: "FRT median (bh)",
    column: "first_response_business_median_ms",
    kind: "duration",
    when: (r) => r.parameters.businessHours,
  },
  { label: "resolution median", column: "resolution_median_ms", kind: "duration" },
  {
    label: "resolution median (bh)",
    column: "resolution_business_median_ms",
    kind: "duration",
    when: (r) => r.parameters.businessHours,
  },
  { label: "resolution KM median", column: "resolution_km_median_ms", kind: "duration" },
  { label: "open censored", column: "resolution_km_censored", kind: "count" },
  { label: "one-touch", column: "one_touch_share", kind: "fraction" },
  { label: "SLA", column: "sla_compliance", kind: "fraction", when: (r) => r.sla !== null },
  {
    label: "CSAT",
    column: "csat",
    kind: "fraction",
    when: (r) => r.survey !== null && r.survey.csat !== null,
  },
  {
    label: "NPS",
    column: "nps",
    kind: "points",
    when: (r) => r.survey !== null && r.survey.nps !== null,
  },
  {
    label: "agent work median",
    column: "agent_work_median_ms",
    kind: "duration",
    when: (r) => (r.time.agentWork?.calendar ?? null) !== null,
  },
  {
    label: "agent wait median",
    column: "agent_wait_median_ms",
    kind: "duration",
    when: (r) => (r.time.agentWait?.calendar ?? null) !== null,
  },
  { label: "on-hold median", column: "on_hold_median_ms", kind: "duration", when: (r) => (r.time.onHold?.calendar ?? null) !== null },
];

/** The segment columns shown for this report (also used by the CSV `segments` table). */
export function segmentColumns(report: Report): typeof SEGMENT_COLUMNS {
  return SEGMENT_COLUMNS.filter((c) => c.when === undefined || c.when(report));
}

function segmentBlocks(report: Report, absent: readonly AbsentInput[]): Block[] {
  if (report.segments.length === 0) return [];
  const metrics = segmentColumns(report);
  const blocks: Block[] = [{ type: "heading", text: "Segments" }];
  for (const seg of report.segments) {
    // A dimension the export lacks would show every ticket in one "(none)" segment.
    const lacking = seg.dimensions.flatMap((d) => absentNote(absent, `segments.${d}`));
    if (lacking.length > 0) {
      blocks.push(...lacking);
      continue;
    }
    const columns: Column[] = [
      ...seg.dimensions.map((d): Column => ({ label: d })),
      ...metrics.map((m): Column => ({ label: m.label, kind: m.kind })),
    ];
    const rows = seg.segments.map((s): CellValue[] => {
      const figures = segmentFigures(s);
      return [...s.key, ...metrics.map((m) => figures[m.column])];
    });
    const caption = `By ${seg.dimensions.join(" × ")}${seg.overlapping ? " (a ticket may be in several segments)" : ""}`;
    blocks.push({ type: "table", caption, columns, rows });
    const n = seg.responsesNotJoined;
    const out = `${String(n)} survey response${n === 1 ? " is" : "s are"} in no segment here (no ticket id of a ticket in this export`;
    if (n > 0) blocks.push({ type: "note", text: `${out}, and no ${seg.dimensions.join(" × ")} field on the response).` });
  }
  return blocks;
}

function volumeBlocks(report: Report, absent: readonly AbsentInput[]): Block[] {
  const v = report.volume;
  if (v === null) return [];
  const columns: Column[] = [
    { label: v.unit },
    { label: "created", kind: "count" },
    { label: "resolved", kind: "count" },
    { label: "messages in", kind: "count" },
    { label: "messages out", kind: "count" },
    { label: "active", kind: "count" },
    { label: "backlog", kind: "count" },
  ];
  const rows = v.buckets.map((b): CellValue[] => [b.label, b.created, b.resolved, b.messagesIn, b.messagesOut, b.active, b.backlog]);
  rows.push(["total", v.totals.created, v.totals.resolved, v.totals.messagesIn, v.totals.messagesOut, null, null]);
  return [
    { type: "heading", text: `Volume per ${v.unit}` },
    { type: "table", columns, rows },
    { type: "note", text: `Backlog at the start of the range: ${String(v.backlogAtStart)}. Buckets in ${report.parameters.timeZone}.` },
    ...statusBlocks(report, absent),
  ];
}

/** The statuses at each bucket end (the source article's unassigned, open, pending, resolved). */
function statusBlocks(report: Report, absent: readonly AbsentInput[]): Block[] {
  const v = report.volume;
  const noAssignee = isAbsentIn(absent, "unassigned");
  if (v === null) return [];
  const s = v.statuses;
  const columns: Column[] = [
    { label: v.unit },
    { label: "unassigned", kind: "count" },
    { label: "open", kind: "count" },
    { label: "pending", kind: "count" },
    { label: "unresolved", kind: "count" },
    { label: "resolved", kind: "count" },
  ];
  const rows = s.buckets.map((b): CellValue[] => [
    b.label,
    noAssignee ? null : b.unassigned,
    b.byStatus.new + b.byStatus.open + b.byStatus.on_hold,
    b.byStatus.pending,
    b.unresolved,
    b.resolved,
  ]);
  const unknown = s.buckets.some((b) => b.assignmentUnknown > 0);
  const notes = [
    `Open (new, open, on hold) and pending come from the ${String(s.withHistory)} tickets with a status history; the ${String(s.withoutHistory)} without one count only in unresolved and resolved.`,
  ];
  if (unknown) notes.push("Unresolved tickets with an assignee but no assignment time are not counted as unassigned.");
  for (const note of absentNote(absent, "unassigned")) if (note.type === "note") notes.push(note.text);
  return [
    { type: "heading", text: "Statuses at the end of each bucket" },
    { type: "table", columns, rows },
    { type: "note", text: notes.join(" ") },
  ];
}

const HOUR_LABELS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0"));

function peakBlocks(report: Report): Block[] {
  const p = report.peaks;
  if (p === null) return [];
  const facts = [];
  if (p.busiestHour !== null)
    facts.push({
      label: "Busiest hour",
      value: `${HOUR_LABELS[p.busiestHour.hour] as string}:00`,
      note: `${(p.busiestHour.average ?? 0).toFixed(2)} tickets per day on average`,
    });
  if (p.busiestDay !== null)
    facts.push({
      label: "Busiest day",
      value: p.busiestDay.weekday,
      note: `${(p.busiestDay.average ?? 0).toFixed(2)} tickets per day on average`,
    });
  if (p.busiestSlot !== null) {
    facts.push({
      label: "Busiest slot",
      value: `${p.busiestSlot.weekday} ${HOUR_LABELS[p.busiestSlot.hour] as string}:00`,
      note: `${(p.busiestSlot.average ?? 0).toFixed(2)} tickets on average`,
    });
  }
  facts.push({
    label: `Top ${String(p.top.hours.length)} hours`,
    value: p.top.hours.map((h) => `${HOUR_LABELS[h] as string}:00`).join(", "),
    note: p.top.share === null ? "" : `${String(p.top.count)} tickets, ${(p.top.share * 100).toFixed(1)}% of ${String(p.total)}`,
  });
  return [
    { type: "heading", text: "Peak hours" },
    {
      type: "heatmap",
      caption: `Tickets created by weekday and hour (${report.parameters.timeZone})`,
      rowLabels: p.weekdays,
      columnLabels: HOUR_LABELS,
      values: p.cells.map((row) => row.map((slot) => slot.sum)),
    },
    { type: "facts", facts },
  ];
}

function typeBlocks(report: Report, absent: readonly AbsentInput[]): Block[] {
  const t = report.types;
  if (isAbsentIn(absent, "types")) return [{ type: "heading", text: "Ticket types" }, ...absentNote(absent, "types")];
  if (t.shares.length === 0) return [];
  const blocks: Block[] = [
    { type: "heading", text: "Ticket types" },
    {
      type: "table",
      columns: [{ label: "type" }, { label: "tickets", kind: "count" }, { label: "share", kind: "fraction" }],
      rows: t.shares.map((s) => [s.type, s.count, s.share]),
    },
  ];
  if (t.change !== null) {
    blocks.push({
      type: "table",
      caption: "Change from the comparison period",
      columns: [
        { label: "type" },
        { label: "before", kind: "count" },
        { label: "now", kind: "count" },
        { label: "change", kind: "count" },
        { label: "relative", kind: "fraction" },
        { label: "share change", kind: "fraction" },
      ],
      rows: t.change.map((c) => [c.type, c.baseline, c.period, c.change, c.relativeChange, c.shareChange]),
    });
  }
  if (t.newTypes !== null && t.newTypes.length > 0) {
    blocks.push({
      type: "note",
      text: `New types (not in the comparison period): ${t.newTypes.map((n) => `${n.type} (${String(n.count)})`).join(", ")}.`,
    });
  }
  return blocks;
}

/** An amount of money for reading: `236,682`, `1,234.50` (no currency: the input's). */
function moneyText(value: number): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(2);
  const [whole = "", fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function customerBlocks(report: Report): Block[] {
  const c = report.customers;
  if (c === null) return [];
  const periods = Array.from({ length: c.periods }, (_, i) => i + 1);
  const columns: Column[] = [
    { label: "cohort" },
    { label: "size", kind: "count" },
    ...periods.map((p): Column => ({ label: `+${String(p)}`, kind: "fraction" })),
  ];
  const rows = c.rows.map((r): CellValue[] => [r.label, r.size, ...periods.map((p) => r.fractions[p - 1] ?? null)]);
  rows.push(["average (size-weighted)", null, ...periods.map((p) => c.curve.find((x) => x.period === p)?.retention ?? null)]);
  const last = [...c.curve].reverse().find((x) => x.retention !== null);
  const blocks: Block[] = [
    { type: "heading", text: "Customer retention by cohort" },
    { type: "table", caption: "Share of each cohort still active N periods after its start (churn = 1 − retention)", columns, rows },
  ];
  if (last !== undefined && last.retention !== null) {
    blocks.push({
      type: "note",
      text: `After ${String(last.period)} periods: retention ${(last.retention * 100).toFixed(1)}%, churn ${((1 - last.retention) * 100).toFixed(1)}% (${String(last.cohorts)} cohorts).`,
    });
  }
  const risk = c.revenueAtRisk;
  if (risk !== null) {
    blocks.push({
      type: "facts",
      facts: [
        {
          label: "Revenue at risk",
          value: moneyText(risk.value),
          note: `${String(risk.lostCustomers)} lost customers × ${moneyText(risk.valuePerCustomer)} per customer (--value-per-customer); lost = each cohort's size minus its customers active in the last period observed`,
        },
      ],
    });
  } else {
    blocks.push({ type: "note", text: "Revenue at risk: give the value of one customer with --value-per-customer." });
  }
  return blocks;
}

/** The kind of a compared metric, from its path. */
export function kindOfMetric(path: string): ValueKind {
  if (/nps\.score$/.test(path)) return "points";
  if (/(rate|share|compliance|csat\.score|Share|value)$/.test(path) && !/repliesToResolve/.test(path)) return "fraction";
  if (/^time\./.test(path) && !/repliesToResolve/.test(path)) return "duration";
  if (/mean$/.test(path) && /ces/.test(path)) return "score";
  return "count";
}

function comparisonBlocks(report: Report, absent: readonly AbsentInput[]): Block[] {
  const c = report.comparison;
  if (c === null) return [];
  // Figures not in this export are left out (the "Not in this export" section lists them).
  const changes = c.changes.filter((ch) => absentForPath(absent, ["report", ...ch.metric.split(".")]) === undefined);
  const rows: CellValue[][] = [];
  for (const ch of changes) {
    rows.push([ch.metric, ch.current, ch.previous, ch.change, ch.relativeChange, testText(ch.test)]);
  }
  // Each row has its own kind: render the values as text here.
  const kindRows = changes.map((ch) => kindOfMetric(ch.metric));
  const noise = changes.filter((ch) => ch.test !== null && !ch.test.significant).map((ch) => ch.metric);
  const level = levelText(report.parameters.confidenceLevel);
  return [
    { type: "heading", text: "Compared with the previous period" },
    {
      type: "table",
      caption: `${c.period.from} .. ${c.period.to} against ${c.compareTo.from} .. ${c.compareTo.to}`,
      columns: [
        { label: "metric" },
        { label: "now", kind: "number" },
        { label: "before", kind: "number" },
        { label: "change", kind: "number" },
        { label: "relative", kind: "fraction" },
        { label: "significance" },
      ],
      rows: rows.map((row, i) => row.map((cell, j) => (j >= 1 && j <= 3 ? asText(cell, kindRows[i] as ValueKind, j === 3) : cell))),
    },
    {
      type: "note",
      text:
        `Significance: two-sided tests at the ${level} level (p < ${formatValue(Math.max(0, 1 - report.parameters.confidenceLevel), "number")}): two-proportion z-test for rates, shares, CSAT and SLA compliance, two-sample z-test for NPS; other metrics are not tested.` +
        (noise.length === 0 ? "" : ` Not significant (may be noise): ${noise.join(", ")}.`),
    },
  ];
}

function asText(value: CellValue, kind: ValueKind, signed: boolean): CellValue {
  if (typeof value !== "number") return value;
  const text = formatValue(value, kind);
  return signed && value > 0 ? `+${text}` : text;
}

function skippedBlocks(report: Report): Block[] {
  const lines = Object.entries(report.skipped)
    .map(([metric, reasons]) => [metric, Object.entries(reasons).filter(([, n]) => n > 0)] as const)
    .filter(([, reasons]) => reasons.length > 0)
    .map(([metric, reasons]) => `${metric}: ${reasons.map(([r, n]) => `${r} ${String(n)}`).join(", ")}`);
  if (lines.length === 0) return [];
  return [{ type: "heading", text: "Left out (counted, never averaged)" }, ...lines.map((text): Block => ({ type: "note", text }))];
}

/** The detail sections as blocks. */
export function detailBlocks(doc: CliDocument): Block[] {
  const r = doc.report;
  return [
    ...segmentBlocks(r, doc.absent),
    ...leaderboardBlocks(r, doc.absent),
    ...volumeBlocks(r, doc.absent),
    ...peakBlocks(r),
    ...typeBlocks(r, doc.absent),
    ...customerBlocks(r),
    ...comparisonBlocks(r, doc.absent),
    ...skippedBlocks(r),
  ];
}
