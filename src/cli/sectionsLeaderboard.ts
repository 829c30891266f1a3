/**
 * The agent leaderboard as blocks: the plain figures, and when ranked by a fair figure
 * (mix-adjusted or shrunk), that figure with its interval, the raw rank and the rank certainty.
 *
 * @internal
 * @module
 */
import type { LeaderboardJson, LeaderboardMetric, LeaderboardRowJson } from "../report/types.ts";
import type { Report } from "../report/types.ts";
import { formatValue, type CellValue, type ValueKind } from "./format.ts";
import { levelText } from "./intervals.ts";
import type { AbsentInput } from "./inputsNeeded.ts";
import type { Block, Column } from "./render/blocks.ts";
import { absentNote, isAbsentIn } from "./sectionsAbsent.ts";
import { responderBoardBlocks } from "./sectionsResponders.ts";

/** A fair figure's column: label, kind, and where its value and interval are in a row. */
interface FairColumn {
  readonly label: string;
  readonly kind: ValueKind;
  /** The plain mean beside an adjusted mean (the table's plain columns are medians). */
  readonly crude?: string;
  readonly figure: (r: LeaderboardRowJson) => { value: number | null; lower: number | null; upper: number | null; crude?: number } | null;
}

const FAIR: Partial<Record<LeaderboardMetric, FairColumn>> = {
  firstResponseMeanAdjusted: {
    label: "FRT mean adj.",
    kind: "duration",
    crude: "FRT mean",
    figure: (r) => r.adjusted?.firstResponseMean ?? null,
  },
  resolutionMeanAdjusted: {
    label: "resolution mean adj.",
    kind: "duration",
    crude: "resolution mean",
    figure: (r) => r.adjusted?.resolutionMean ?? null,
  },
  csatAdjusted: { label: "CSAT adj.", kind: "fraction", figure: (r) => r.adjusted?.csat ?? null },
  oneTouchShareAdjusted: { label: "one-touch adj.", kind: "fraction", figure: (r) => r.adjusted?.oneTouchShare ?? null },
  csatShrunk: { label: "CSAT shrunk", kind: "fraction", figure: (r) => r.shrunk.csat },
  oneTouchShareShrunk: { label: "one-touch shrunk", kind: "fraction", figure: (r) => r.shrunk.oneTouchShare },
};

/** `lo to hi`, or `""` without bounds. */
function boundsText(f: { lower: number | null; upper: number | null } | null, kind: ValueKind): string {
  return f === null || f.lower === null || f.upper === null ? "" : `${formatValue(f.lower, kind)} to ${formatValue(f.upper, kind)}`;
}

/** The caption's sentence on how the fair figure was made. */
function fairNote(lb: LeaderboardJson, level: string): string {
  const certainty =
    lb.certainty === null
      ? ""
      : ` P(rank): share of ${String(lb.certainty.draws)} seeded draws in which the agent had this rank; rank interval: ${level} of them.`;
  if (lb.strata !== null) {
    return `Adjusted for each agent's mix of ${lb.strata.join(" × ")} (indirect standardisation: team figure × observed / expected).${certainty}`;
  }
  const prior = lb.by === "csatShrunk" ? lb.priors.csat : lb.priors.oneTouchShare;
  const weight =
    prior === null
      ? ""
      : ` (team ${formatValue(prior.mean, "fraction")}, weighing as ${formatValue(prior.strength, "number")} answers, ${prior.method})`;
  return `Shrunk towards the team by beta-binomial empirical Bayes${weight}.${certainty}`;
}

/** The leaderboard heading, table and notes. @internal */
export function leaderboardBlocks(report: Report, absent: readonly AbsentInput[]): Block[] {
  const lb = report.leaderboard;
  if (lb.of === "responder") return responderBoardBlocks(lb);
  if (isAbsentIn(absent, "leaderboard")) return [{ type: "heading", text: "Agents" }, ...absentNote(absent, "leaderboard")];
  if (lb.rows.length === 0) return [];
  const clock = lb.clock === "business" ? " (bh)" : "";
  const fair = FAIR[lb.by];
  const level = levelText(report.parameters.confidenceLevel);
  const columns: Column[] = [
    { label: "rank" },
    { label: "agent" },
    { label: "tickets", kind: "count" },
    { label: `FRT median${clock}`, kind: "duration" },
    { label: `resolution median${clock}`, kind: "duration" },
    { label: "CSAT", kind: "fraction" },
    { label: "one-touch", kind: "fraction" },
    ...(fair === undefined
      ? []
      : [
          ...(fair.crude === undefined ? [] : [{ label: `${fair.crude}${clock}`, kind: "duration" as const }]),
          { label: `${fair.label}${fair.kind === "duration" ? clock : ""}`, kind: fair.kind },
          { label: `${level} interval` },
          { label: "raw rank" },
          { label: "P(rank)", kind: "fraction" as const },
          { label: `rank ${level}` },
        ]),
  ];
  const rows = lb.rows.map((r): CellValue[] => {
    const f = fair?.figure(r) ?? null;
    return [
      r.rank === null ? (r.unrankedReason === "belowMinSample" ? `– (n=${String(r.sample)})` : "– (no data)") : String(r.rank),
      r.agent,
      r.tickets,
      r.firstResponseMedian,
      r.resolutionMedian,
      r.csat,
      r.oneTouchShare,
      ...(fair === undefined
        ? []
        : [
            ...(fair.crude === undefined ? [] : [f?.crude ?? null]),
            f?.value ?? null,
            boundsText(f, fair.kind),
            r.rawRank === null ? "" : String(r.rawRank),
            r.certainty?.probability ?? null,
            r.certainty === null ? "" : `${String(r.certainty.lower)}–${String(r.certainty.upper)}`,
          ]),
    ];
  });
  return [
    { type: "heading", text: "Agents" },
    {
      type: "table",
      caption: `Ranked by ${lb.by} (${lb.order === "desc" ? "more" : "less"} is better; at least ${String(lb.minSample)} observations)`,
      columns,
      rows,
    },
    ...(fair === undefined ? [] : [{ type: "note" as const, text: fairNote(lb, level) }]),
    ...(lb.unassignedTickets > 0 ? [{ type: "note" as const, text: `${String(lb.unassignedTickets)} tickets have no assignee.` }] : []),
  ];
}
