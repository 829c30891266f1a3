/**
 * The responders and bots figures as blocks for the table and Markdown formats (issue 17, items
 * 5 and 6), and the responder leaderboard. Shown only when the run has conversations: a report
 * without messages prints no empty section.
 *
 * @internal
 * @module
 */
import type { ResponderFigures } from "../metrics/time/responders.ts";
import type { Json } from "../report/json.ts";
import type { LeaderboardJson } from "../report/types.ts";
import type { CliDocument } from "./document.ts";
import { formatValue, type CellValue } from "./format.ts";
import { withInterval } from "./intervals.ts";
import type { Block, Column, Fact } from "./render/blocks.ts";

type Figures = Json<ResponderFigures>;

const bh = (clock: string): string => (clock === "business" ? " (bh)" : "");

/** The "Responders" table: one row per responder, then the replies without an author. */
export function respondersBlocks(doc: CliDocument): Block[] {
  const r = doc.report.responders;
  if (r.answered === 0) return [];
  const clock = bh(r.clock);
  const columns: Column[] = [
    { label: "responder" },
    { label: "tickets", kind: "count" },
    { label: "replies", kind: "count" },
    { label: "first responses", kind: "count" },
    { label: `FRT median${clock}`, kind: "duration" },
    { label: "turns answered", kind: "count" },
    { label: `reply time median${clock}`, kind: "duration" },
  ];
  const row = (name: string, f: Figures): CellValue[] => [
    name,
    f.tickets,
    f.replies,
    f.firstResponse?.count ?? 0,
    f.firstResponse?.median ?? null,
    f.replyTime?.count ?? 0,
    f.replyTime?.median ?? null,
  ];
  const rows = r.responders.map((f) => row(f.responder ?? "(unknown)", f));
  if (r.unknown !== null) rows.push(row("(responder unknown)", r.unknown));
  return [
    { type: "heading", text: "Responders" },
    {
      type: "table",
      caption: `By the author of each public agent reply (${String(r.answered)} of ${String(r.tickets)} conversations answered); a first response and each reply time go to the author of the reply that ended the wait`,
      columns,
      rows,
    },
    ...(r.unknown === null
      ? []
      : [
          {
            type: "note" as const,
            text: `${String(r.unknown.replies)} replies name no author: counted as responder unknown, not dropped.`,
          },
        ]),
  ];
}

/** The "Bots" facts: the two rates and the handed-off tickets' times. */
export function botsBlocks(doc: CliDocument): Block[] {
  const b = doc.report.bots;
  if (b.botTickets === 0) return [];
  const clock = bh(b.clock);
  const facts: Fact[] = [
    {
      label: "Bot resolution rate",
      value: withInterval(b.resolutionRate, b.resolutionInterval, "fraction"),
      note: `${String(b.botResolved)} of ${String(b.resolvedWithBot)} resolved tickets with a bot message had no human reply`,
    },
    {
      label: "Handoff rate",
      value: withInterval(b.handoffRate, b.handoffInterval, "fraction"),
      note: `${String(b.handoffs)} of ${String(b.botTickets)} tickets with a bot message got a human reply after the bot`,
    },
    {
      label: `Human first response median${clock}`,
      value: b.firstResponse.summary?.median ?? null,
      kind: "duration",
      note: `handed-off tickets, from the ${b.firstResponse.from === "handoff" ? "handoff (last bot message)" : "customer's request"}; ${String(b.firstResponse.summary?.count ?? 0)} measured`,
    },
    {
      label: `Resolution median${clock}`,
      value: b.resolution.summary?.median ?? null,
      kind: "duration",
      note: `handed-off resolved tickets${b.resolution.botTimeExcluded ? ", the bot's time excluded" : ""}; ${String(b.resolution.summary?.count ?? 0)} measured`,
    },
  ];
  return [
    { type: "heading", text: "Bots" },
    { type: "facts", facts },
  ];
}

/** The responder leaderboard as a table (the assignee board is ./sectionsLeaderboard.ts). */
export function responderBoardBlocks(lb: LeaderboardJson): Block[] {
  if (lb.rows.length === 0) return [];
  const clock = bh(lb.clock);
  const rows = lb.rows.map((r): CellValue[] => [
    r.rank === null ? (r.unrankedReason === "belowMinSample" ? `– (n=${String(r.sample)})` : "– (no data)") : String(r.rank),
    r.agent,
    r.tickets,
    r.replies,
    r.firstResponseMedian,
    r.replyTimeMedian,
  ]);
  const unknown = lb.unknownResponder;
  return [
    { type: "heading", text: "Responders ranked" },
    {
      type: "table",
      caption: `Ranked by ${lb.by} (${lb.order === "desc" ? "more" : "less"} is better; at least ${String(lb.minSample)} observations)`,
      columns: [
        { label: "rank" },
        { label: "responder" },
        { label: "tickets", kind: "count" },
        { label: "replies", kind: "count" },
        { label: `FRT median${clock}`, kind: "duration" },
        { label: `reply time median${clock}`, kind: "duration" },
      ],
      rows,
    },
    ...(unknown === null || unknown.replies === 0
      ? []
      : [
          {
            type: "note" as const,
            text: `${formatValue(unknown.replies, "count")} replies on ${formatValue(unknown.tickets, "count")} tickets name no author (not ranked).`,
          },
        ]),
  ];
}
