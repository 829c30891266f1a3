/**
 * The Report as blocks for the table and Markdown formats: the overview (parameters, input,
 * gates, survey, ticket counts, times, SLA). ./sectionsDetail.ts adds the rest.
 *
 * @internal
 * @module
 */
import type { DurationMetricJson, DurationSummaryWithIntervalJson, MetricSetJson } from "../report/types.ts";
import type { CliDocument } from "./document.ts";
import { formatValue, type CellValue } from "./format.ts";
import type { FileSummary } from "./inputs.ts";
import { levelText, withInterval } from "./intervals.ts";
import type { Block, Column, Fact } from "./render/blocks.ts";
import type { AbsentInput } from "./inputsNeeded.ts";
import { absentBlocks, absentNote, absentRowsNote, isAbsentIn } from "./sectionsAbsent.ts";
import { detailBlocks } from "./sectionsDetail.ts";
import { gateBlocks } from "./sectionsGates.ts";
import { survivalBlocks } from "./sectionsSurvival.ts";
import { contactFacts } from "./sectionsContacts.ts";
import { botsBlocks, respondersBlocks } from "./sectionsResponders.ts";
import { reasons, slaBlocks } from "./sectionsSla.ts";

const pct = (p: number): string => `p${String(Math.round(p * 1000) / 10)}`;

function header(doc: CliDocument): Block[] {
  const { input, report } = doc;
  const p = report.parameters;
  const facts: Fact[] = [
    {
      label: "As of",
      value: p.asOf,
      note:
        input.asOfSource === "data"
          ? "(just after the latest timestamp in the data, not the clock; set --as-of)"
          : input.asOfSource === "none"
            ? "(no timestamps in the data; set --as-of)"
            : "(--as-of)",
    },
    { label: "Time zone", value: p.timeZone, note: input.timeZoneSource === "default" ? "(default; set --timezone)" : "(--timezone)" },
    {
      label: "Period",
      value: p.period === null ? "all tickets" : `${p.period.from} .. ${p.period.to}`,
      ...(p.period === null ? {} : { note: "(created in [from, to))" }),
    },
  ];
  if (p.compareTo !== null) facts.push({ label: "Compared with", value: `${p.compareTo.from} .. ${p.compareTo.to}` });
  facts.push(
    { label: "Tickets in scope", value: report.input.ticketsInScope, kind: "count", note: `of ${String(report.input.tickets)} read` },
    { label: "Business hours", value: p.businessHours ? "yes (--schedule)" : "no (calendar time only)" },
    {
      label: "Confidence",
      value: levelText(p.confidenceLevel),
      note: "(--confidence) intervals: NPS Wald on +1/0/-1 scores, rates Wilson, duration means log-scale t, medians and percentiles order statistics; changes tested at p < 1 - level",
    },
    { label: "Preset", value: input.preset },
  );
  return [
    { type: "title", text: "cx-metrics report" },
    { type: "facts", facts },
  ];
}

function inputBlocks(doc: CliDocument): Block[] {
  const rows: CellValue[][] = [];
  const add = (role: string, file: FileSummary | null): void => {
    if (file === null) return;
    rows.push([role, file.path, file.read, file.used, file.rejected, file.excluded, file.blankLines]);
  };
  add("tickets", doc.input.tickets);
  add("messages", doc.input.messages);
  add("responses", doc.input.responses);
  add("cohorts", doc.input.cohorts);
  add("events", doc.input.events);
  const columns: Column[] = [
    { label: "file" },
    { label: "path" },
    { label: "rows read", kind: "count" },
    { label: "used", kind: "count" },
    { label: "rejected", kind: "count" },
    { label: "excluded", kind: "count" },
    { label: "blank lines", kind: "count" },
  ];
  const blocks: Block[] = [
    { type: "heading", text: "Input" },
    { type: "table", columns, rows },
  ];
  const m = doc.input.messages;
  if (m !== null)
    blocks.push({ type: "note", text: `Messages attached to tickets: ${String(m.attached)}; matching no ticket: ${String(m.unmatched)}.` });
  const e = doc.input.events;
  if (e !== null) {
    const before = e.beforeCreated > 0 ? `; before their ticket's creation: ${String(e.beforeCreated)}` : "";
    blocks.push({
      type: "note",
      text: `Ticket history (${e.preset}): changes attached to tickets: ${String(e.attached)}; matching no ticket: ${String(e.unmatched)}${before}.`,
    });
  }
  if (doc.input.tickets.precomputed > 0) {
    blocks.push({
      type: "note",
      text: `${String(doc.input.tickets.precomputed)} tickets carry durations computed by the helpdesk (see "Helpdesk-computed durations").`,
    });
  }
  return blocks;
}

const NO_SURVEY = "No survey responses or ticket ratings in scope (give responses with --responses).";

function surveyBlocks(set: MetricSetJson, absent: readonly AbsentInput[]): Block[] {
  const s = set.survey;
  const blocks: Block[] = [{ type: "heading", text: "Survey scores" }];
  if (s === null || (s.responses === 0 && s.csat === null))
    return [...blocks, ...absentNote(absent, "csat"), { type: "note", text: NO_SURVEY }];
  const facts: Fact[] = [];
  if (s.nps !== null) {
    facts.push({
      label: "NPS",
      value: withInterval(s.nps.score, s.nps.interval, "points"),
      note: `${String(s.nps.total)} answers: ${String(s.nps.promoters)} promoters, ${String(s.nps.passives)} passives, ${String(s.nps.detractors)} detractors`,
    });
  } else facts.push({ label: "NPS", value: null, note: "no NPS answers" });
  if (s.csat !== null)
    facts.push({
      label: "CSAT",
      value: withInterval(s.csat.score, s.csat.interval, "fraction"),
      note: `${String(s.csat.satisfied)} satisfied of ${String(s.csat.total)}${s.csatSource === "ticketRatings" ? " ticket ratings (no CSAT survey responses)" : ""}`,
    });
  else facts.push({ label: "CSAT", value: null, note: isAbsentIn(absent, "csat") ? "not in this export" : "no CSAT answers" });
  const ratings = set.ratings;
  if (ratings.offered > 0)
    facts.push({
      label: "Survey response rate",
      value: ratings.responseRate,
      kind: "fraction",
      note: `${String(ratings.rated)} tickets rated of ${String(ratings.offered)} offered a survey`,
    });
  if (s.ces.length === 0) facts.push({ label: "CES", value: null, note: "no CES answers" });
  for (const c of s.ces) {
    facts.push({
      label: `CES (${String(c.scale.min)}-${String(c.scale.max)})`,
      value: c.mean,
      kind: "score",
      note: `mean of ${String(c.count)} answers; easy ${formatValue(c.easyShare, "fraction")}`,
    });
  }
  facts.push({ label: "Responses", value: s.responses, kind: "count" });
  return [...blocks, { type: "facts", facts }];
}

function ticketBlocks(set: MetricSetJson, absent: readonly AbsentInput[]): Block[] {
  const c = set.counts;
  const r = c.resolutionRate;
  const b = c.backlog;
  const ot = set.time.oneTouch;
  const noReplies = absent.find((x) => x.metric === "oneTouch")?.message;
  const noReopens = absent.find((x) => x.metric === "reopens")?.message;
  const facts: Fact[] = [
    { label: "Tickets", value: set.tickets, kind: "count" },
    {
      label: "Resolution rate",
      value: withInterval(r.value, r.interval, "fraction"),
      note: `${String(r.resolved)} resolved of ${String(r.received)} received, judged at ${r.judgedAt}`,
    },
    {
      label: "Backlog",
      value: b.count,
      kind: "count",
      note:
        b.threshold === null
          ? "no resolution time to average for the threshold"
          : `unresolved and open longer than ${formatValue(b.threshold, "duration")} (the average resolution time); ${String(b.unresolved)} unresolved in all`,
    },
    {
      label: "One-touch resolution",
      value: noReplies === undefined ? withInterval(ot.share, ot.interval, "fraction") : null,
      note: noReplies ?? `${String(ot.oneTouch)} of ${String(ot.resolved)} resolved tickets with one public reply`,
    },
    {
      label: "Replies to resolve (median)",
      value: set.time.repliesToResolve?.median ?? null,
      kind: "number",
      ...(noReplies === undefined ? {} : { note: noReplies }),
    },
    {
      label: "Reopen rate",
      value: noReopens === undefined ? withInterval(set.reopens.rate, set.reopens.interval, "fraction") : null,
      note:
        noReopens ??
        (set.reopens.solved === 0
          ? "no solved ticket with a reopens count"
          : `${String(set.reopens.reopened)} of ${String(set.reopens.solved)} solved tickets reopened; ${formatValue(set.reopens.reopensPerTicket, "number")} reopens per solved ticket`),
    },
    ...contactFacts(set.contacts, absent),
  ];
  const statuses = (["new", "open", "pending", "on_hold", "solved", "closed"] as const).map((s): CellValue[] => [
    s,
    c.statuses[s],
    set.tickets === 0 ? null : c.statuses[s] / set.tickets,
  ]);
  // Without an assignee column every unsolved ticket would count as unassigned: a note says so instead.
  if (!isAbsentIn(absent, "unassigned"))
    statuses.push(["unassigned (unsolved)", c.statuses.unassigned, set.tickets === 0 ? null : c.statuses.unassigned / set.tickets]);
  const blocks: Block[] = [
    { type: "heading", text: "Tickets" },
    { type: "facts", facts },
    {
      type: "table",
      caption: "Status counts",
      columns: [{ label: "status" }, { label: "tickets", kind: "count" }, { label: "share", kind: "fraction" }],
      rows: statuses,
    },
    ...absentNote(absent, "unassigned"),
    ...absentNote(absent, "channelMix"),
  ];
  if (c.channelMix !== null && !isAbsentIn(absent, "channelMix")) {
    const rows = c.channelMix.channels.map((ch): CellValue[] => [ch.channel, ch.count, ch.share]);
    if (c.channelMix.withoutChannel.count > 0)
      rows.push(["(no channel)", c.channelMix.withoutChannel.count, c.channelMix.withoutChannel.share]);
    blocks.push({
      type: "table",
      caption: "Channel mix",
      columns: [{ label: "channel" }, { label: "tickets", kind: "count" }, { label: "share", kind: "fraction" }],
      rows,
    });
  }
  return blocks;
}

const DURATION_LABELS: readonly (readonly [keyof MetricSetJson["time"], string])[] = [
  ["firstResponse", "First response"],
  ["responses", "Response (every turn)"],
  ["resolutionFirst", "First resolution"],
  ["resolutionFinal", "Resolution (final)"],
  ["assignment", "Assignment"],
  ["requesterWait", "Requester wait"],
  ["agentWork", "Agent work"],
  ["agentWait", "Agent wait"],
  ["onHold", "On hold"],
];

function summaryCells(s: DurationSummaryWithIntervalJson | null, percentiles: readonly number[]): CellValue[] {
  if (s === null) return [0, null, null, null, ...percentiles.map(() => null), null];
  const ci =
    s.meanInterval === null ? null : `${formatValue(s.meanInterval.lower, "duration")} to ${formatValue(s.meanInterval.upper, "duration")}`;
  return [s.count, s.median, s.mean, ci, ...percentiles.map((p) => s.p.find((q) => q.p === p)?.value ?? null), s.max];
}

/** A signed duration, e.g. `+45m` or `−2h`. */
const signed = (ms: number): string => (ms === 0 ? "0" : `${ms > 0 ? "+" : "−"}${formatValue(Math.abs(ms), "duration")}`);

/** One row per duration metric whose tickets carry both values. */
function reconciliationRows(report: MetricSetJson): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const [key, label] of DURATION_LABELS) {
    const r = (report.time[key] as DurationMetricJson).reconciliation;
    if (r === null) continue;
    const largest = r.largest.map((t) => `${t.id}: ${signed(t.difference)}`).join(", ");
    rows.push([label, r.compared, r.agreeing, signed(r.medianDifference), largest === "" ? "none" : largest]);
  }
  return rows;
}

function timeBlocks(doc: CliDocument): Block[] {
  const { report } = doc;
  const percentiles = report.parameters.percentiles;
  const columns: Column[] = [
    { label: "metric" },
    { label: "clock" },
    { label: "source" },
    { label: "measured", kind: "count" },
    { label: "median", kind: "duration" },
    { label: "mean", kind: "duration" },
    { label: `mean ${levelText(report.parameters.confidenceLevel)} CI` },
    ...percentiles.map((p): Column => ({ label: pct(p), kind: "duration" })),
    { label: "max", kind: "duration" },
    { label: "skipped", kind: "count" },
    { label: "anomalies", kind: "count" },
  ];
  const rows: CellValue[][] = [];
  const notes: string[] = [];
  for (const [key, label] of DURATION_LABELS) {
    if (isAbsentIn(doc.absent, key)) continue;
    const m = report.time[key] as DurationMetricJson;
    const skipped = Object.values(m.skipped).reduce((a, b) => a + b, 0);
    const anomalies = Object.values(m.anomalies).reduce((a, b) => a + b, 0);
    rows.push([label, "calendar", m.source, ...summaryCells(m.calendar, percentiles), skipped, anomalies]);
    if (report.parameters.businessHours)
      rows.push([label, "business", m.source, ...summaryCells(m.business, percentiles), skipped, anomalies]);
    const detail = [reasons(m.skipped), reasons(m.anomalies)].filter((t) => t !== "").join("; ");
    if (detail !== "") notes.push(`${label}: ${detail}.`);
  }
  const blocks: Block[] = [
    { type: "heading", text: "Response and resolution times" },
    { type: "table", columns, rows },
  ];
  blocks.push(...absentRowsNote(doc.absent, DURATION_LABELS));
  if (notes.length > 0)
    blocks.push({
      type: "note",
      text: `Not measured (skipped; anomalies contradict themselves and are never averaged): ${notes.join(" ")}`,
    });
  const reconciled = reconciliationRows(report);
  if (reconciled.length > 0)
    blocks.push({
      type: "table",
      caption: "Timestamps against the helpdesk's own durations (tickets with both; agreeing: within a minute)",
      columns: [
        { label: "metric" },
        { label: "compared", kind: "count" },
        { label: "agreeing", kind: "count" },
        { label: "median difference (helpdesk − timestamps)" },
        { label: "differ most (id: difference)" },
      ],
      rows: reconciled,
    });
  if (doc.helpdesk !== null) {
    const hd = Object.entries(doc.helpdesk).map(([field, s]): CellValue[] => [field, s.count, s.median, s.mean, s.max]);
    blocks.push({
      type: "table",
      caption: "Helpdesk-computed durations (as exported; compare with the recomputed times above)",
      columns: [
        { label: "field" },
        { label: "tickets", kind: "count" },
        { label: "median", kind: "duration" },
        { label: "mean", kind: "duration" },
        { label: "max", kind: "duration" },
      ],
      rows: hd,
    });
  }
  return blocks;
}

/** The whole document as blocks, in reading order. */
export function documentBlocks(doc: CliDocument): Block[] {
  return [
    ...header(doc),
    ...gateBlocks(doc),
    ...inputBlocks(doc),
    ...absentBlocks(doc),
    ...surveyBlocks(doc.report, doc.absent),
    ...ticketBlocks(doc.report, doc.absent),
    ...timeBlocks(doc),
    ...survivalBlocks(doc),
    ...respondersBlocks(doc),
    ...botsBlocks(doc),
    ...slaBlocks(doc.report, doc.report.parameters.confidenceLevel),
    ...["sla", "sla.firstResponse", "sla.nextResponse", "sla.resolution"].flatMap((m) => absentNote(doc.absent, m)),
    ...detailBlocks(doc),
  ];
}
