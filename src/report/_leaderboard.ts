/**
 * The agent leaderboard, read from the `assignee` segmentation's results (and, for the
 * mix-adjusted figures, from the agent × channel × type × priority segmentation's).
 *
 * @internal
 * @module
 */
import { byCodeUnit as byCode } from "../_lib/counts.ts";
import { MISSING_KEY } from "../_lib/group.ts";
import type { RankDistribution } from "../metrics/stats/rankProbabilities.ts";
import { adjustedFigures, CERTAINTY, certainties, competitionRanks, shrunkFigures, STRATA } from "./_fairLeaderboard.ts";
import type { LeaderboardJson, LeaderboardMetric, LeaderboardRowJson } from "./types.ts";
import type { SelectedSegmentJson as SegmentJson } from "./selectedTypes.ts";

/** Whether more (`desc`) or less (`asc`) is better for each ranked metric. @internal */
export const LEADERBOARD_ORDER: Readonly<Record<LeaderboardMetric, "asc" | "desc">> = {
  tickets: "desc",
  firstResponseMedian: "asc",
  resolutionMedian: "asc",
  csat: "desc",
  oneTouchShare: "desc",
  firstResponseMeanAdjusted: "asc",
  resolutionMeanAdjusted: "asc",
  csatAdjusted: "desc",
  oneTouchShareAdjusted: "desc",
  csatShrunk: "desc",
  oneTouchShareShrunk: "desc",
  replyTimeMedian: "asc",
};

/** Whether a ranking needs the strata segmentation (a mix-adjusted figure). @internal */
export function needsStrata(by: LeaderboardMetric): boolean {
  return by.endsWith("Adjusted");
}

/** Whether a ranking is by a fair figure (adjusted or shrunk): it then has raw ranks and rank certainty. */
function isFair(by: LeaderboardMetric): boolean {
  return needsStrata(by) || by.endsWith("Shrunk");
}

/** The leaderboard's settings. @internal */
export interface LeaderboardSettings {
  readonly by: LeaderboardMetric;
  readonly minSample: number;
  /** Business time (with a schedule) or calendar time. */
  readonly business: boolean;
  /** The report's confidence level: every interval of the board. */
  readonly confidenceLevel: number;
}

/** A board row before ranking. @internal */
export type Row = Omit<LeaderboardRowJson, "rank" | "unrankedReason" | "rawRank" | "certainty"> & {
  /** The plain figure behind a fair one. */
  readonly raw: number | null;
  readonly distribution: RankDistribution | undefined;
};

/**
 * Builds the leaderboard from the per-agent segments (key `[agent]`) and, when ranked by a
 * mix-adjusted figure, the strata segments (key `[agent, channel, type, priority]`). An agent
 * is ranked when the ranked metric has a value and at least `minSample` observations; equal
 * values share a rank (1, 2, 2, 4).
 *
 * @internal
 */
export function leaderboard(
  segments: readonly SegmentJson[],
  settings: LeaderboardSettings,
  strata?: readonly SegmentJson[],
): LeaderboardJson {
  const { by, minSample, confidenceLevel: level } = settings;
  const clock = settings.business ? "business" : "calendar";
  const shrunk = shrunkFigures(segments, clock, level);
  const adjusted = strata === undefined ? undefined : adjustedFigures(segments, strata, clock, level);
  let unassignedTickets = 0;
  const rows: Row[] = [];
  for (const s of segments) {
    const agent = s.key[0] as string;
    if (agent === MISSING_KEY) {
      unassignedTickets += s.tickets;
      continue;
    }
    const frt = s.time.firstResponse?.[clock] ?? null;
    const res = s.time.resolutionFinal?.[clock] ?? null;
    const turns = s.time.responses?.[clock] ?? null;
    const csat = s.survey?.csat ?? null;
    const ot = s.time.oneTouch ?? { share: null, resolved: 0 };
    const mine = shrunk.byAgent.get(agent) ?? {};
    const adj = adjusted?.get(agent);
    const fair = (key: "firstResponseMean" | "resolutionMean" | "csat" | "oneTouchShare") => {
      const f = adj?.json[key] ?? null;
      return { value: f?.value ?? null, sample: f?.count ?? 0, raw: f?.crude ?? null, distribution: adj?.draws[key] };
    };
    const shrunkMetric = (key: "csat" | "oneTouchShare", raw: number | null, sample: number) => {
      const f = mine[key];
      return { value: f?.json.value ?? null, sample, raw, distribution: f?.distribution };
    };
    const plain = (value: number | null, sample: number) => ({ value, sample, raw: null, distribution: undefined });
    const metric = {
      tickets: () => plain(s.tickets, s.tickets),
      firstResponseMedian: () => plain(frt?.median ?? null, frt?.count ?? 0),
      resolutionMedian: () => plain(res?.median ?? null, res?.count ?? 0),
      csat: () => plain(csat?.score ?? null, csat?.total ?? 0),
      oneTouchShare: () => plain(ot.share, ot.resolved),
      firstResponseMeanAdjusted: () => fair("firstResponseMean"),
      resolutionMeanAdjusted: () => fair("resolutionMean"),
      csatAdjusted: () => fair("csat"),
      oneTouchShareAdjusted: () => fair("oneTouchShare"),
      csatShrunk: () => shrunkMetric("csat", csat?.score ?? null, csat?.total ?? 0),
      oneTouchShareShrunk: () => shrunkMetric("oneTouchShare", ot.share, ot.resolved),
      replyTimeMedian: () => plain(turns?.median ?? null, turns?.count ?? 0),
    }[by]();
    rows.push({
      agent,
      ...metric,
      tickets: s.tickets,
      firstResponseMedian: frt?.median ?? null,
      resolutionMedian: res?.median ?? null,
      csat: csat?.score ?? null,
      oneTouchShare: ot.share,
      replyTimeMedian: turns?.median ?? null,
      replies: null,
      adjusted: adj?.json ?? null,
      shrunk: { csat: mine.csat?.json ?? null, oneTouchShare: mine.oneTouchShare?.json ?? null },
    });
  }
  const order = LEADERBOARD_ORDER[by];
  const fairRanking = isFair(by);
  return {
    of: "assignee",
    by,
    order,
    minSample,
    clock,
    rows: rankRows(rows, order, minSample, fairRanking ? level : undefined),
    unassignedTickets,
    unknownResponder: null,
    strata: adjusted === undefined ? null : [...STRATA],
    priors: shrunk.priors,
    certainty: fairRanking ? { ...CERTAINTY, confidenceLevel: level } : null,
  };
}

/**
 * Ranks board rows by their `value` (`order`: which way is better): rows with a value and at least
 * `minSample` observations get competition ranks (ties share a rank; equal values by name), the
 * others follow by name with the reason. With `level` (a fair figure), also the raw ranks and the
 * rank certainty at that level.
 *
 * @internal
 */
export function rankRows(rows: readonly Row[], order: "asc" | "desc", minSample: number, level: number | undefined): LeaderboardRowJson[] {
  const better = (a: number, b: number): number => (order === "asc" ? a - b : b - a);
  const eligible = rows.filter((r) => r.value !== null && r.sample >= minSample);
  eligible.sort((a, b) => better(a.value as number, b.value as number) || byCode(a.agent, b.agent));
  const ranks = competitionRanks(
    eligible.map((r) => r.value as number),
    order,
  );
  // The plain figure behind a fair one is there whenever the fair one is (both read the same answers).
  const rawRanks =
    level !== undefined
      ? competitionRanks(
          eligible.map((r) => r.raw ?? Number.NaN),
          order,
        )
      : undefined;
  const certainty =
    level !== undefined
      ? certainties(
          eligible.map((r) => ({ value: r.value as number, distribution: r.distribution ?? { kind: "point", value: r.value as number } })),
          order,
          level,
        )
      : undefined;
  const json = ({
    raw: _raw,
    distribution: _d,
    ...r
  }: Row): Omit<LeaderboardRowJson, "rank" | "unrankedReason" | "rawRank" | "certainty"> => r;
  const ranked: LeaderboardRowJson[] = eligible.map((r, i) => ({
    ...json(r),
    rank: ranks[i] as number,
    unrankedReason: null,
    rawRank: rawRanks?.[i] ?? null,
    certainty: certainty?.[i] ?? null,
  }));
  const unranked: LeaderboardRowJson[] = rows
    .filter((r) => !(r.value !== null && r.sample >= minSample))
    .sort((a, b) => byCode(a.agent, b.agent))
    .map((r) => ({
      ...json(r),
      rank: null,
      unrankedReason: r.value === null ? "noData" : "belowMinSample",
      rawRank: null,
      certainty: null,
    }));
  return [...ranked, ...unranked];
}
