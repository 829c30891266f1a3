/**
 * The agent leaderboard, read from the `assignee` segmentation's results.
 *
 * @internal
 * @module
 */
import { byCodeUnit as byCode } from "../_lib/counts.ts";
import { MISSING_KEY } from "../_lib/group.ts";
import type { LeaderboardJson, LeaderboardMetric, LeaderboardRowJson } from "./types.ts";
import type { SelectedSegmentJson as SegmentJson } from "./selectedTypes.ts";

/** Whether more (`desc`) or less (`asc`) is better for each ranked metric. @internal */
export const LEADERBOARD_ORDER: Readonly<Record<LeaderboardMetric, "asc" | "desc">> = {
  tickets: "desc",
  firstResponseMedian: "asc",
  resolutionMedian: "asc",
  csat: "desc",
  oneTouchShare: "desc",
};

/**
 * Builds the leaderboard from the per-agent segments (key `[agent]`). An agent is ranked when
 * the ranked metric has a value and at least `minSample` observations; equal values share a
 * rank (1, 2, 2, 4).
 *
 * @internal
 */
export function leaderboard(
  segments: readonly SegmentJson[],
  by: LeaderboardMetric,
  minSample: number,
  business: boolean,
): LeaderboardJson {
  const clock = business ? "business" : "calendar";
  let unassignedTickets = 0;
  const rows: Omit<LeaderboardRowJson, "rank" | "unrankedReason">[] = [];
  for (const s of segments) {
    const agent = s.key[0] as string;
    if (agent === MISSING_KEY) {
      unassignedTickets += s.tickets;
      continue;
    }
    const frt = s.time.firstResponse?.[clock] ?? null;
    const res = s.time.resolutionFinal?.[clock] ?? null;
    const csat = s.survey?.csat ?? null;
    const ot = s.time.oneTouch ?? { share: null, resolved: 0 };
    const metric = {
      tickets: { value: s.tickets, sample: s.tickets },
      firstResponseMedian: { value: frt?.median ?? null, sample: frt?.count ?? 0 },
      resolutionMedian: { value: res?.median ?? null, sample: res?.count ?? 0 },
      csat: { value: csat?.score ?? null, sample: csat?.total ?? 0 },
      oneTouchShare: { value: ot.share, sample: ot.resolved },
    }[by];
    rows.push({
      agent,
      sample: metric.sample,
      value: metric.value,
      tickets: s.tickets,
      firstResponseMedian: frt?.median ?? null,
      resolutionMedian: res?.median ?? null,
      csat: csat?.score ?? null,
      oneTouchShare: ot.share,
    });
  }
  const order = LEADERBOARD_ORDER[by];
  const better = (a: number, b: number): number => (order === "asc" ? a - b : b - a);
  const eligible = rows.filter((r) => r.value !== null && r.sample >= minSample);
  eligible.sort((a, b) => better(a.value as number, b.value as number) || byCode(a.agent, b.agent));
  const ranked: LeaderboardRowJson[] = [];
  eligible.forEach((r, i) => {
    const previous = ranked[i - 1];
    const rank = previous !== undefined && previous.value === r.value ? (previous.rank as number) : i + 1;
    ranked.push({ ...r, rank, unrankedReason: null });
  });
  const unranked: LeaderboardRowJson[] = rows
    .filter((r) => !(r.value !== null && r.sample >= minSample))
    .sort((a, b) => byCode(a.agent, b.agent))
    .map((r) => ({ ...r, rank: null, unrankedReason: r.value === null ? "noData" : "belowMinSample" }));
  return { by, order, minSample, clock, rows: [...ranked, ...unranked], unassignedTickets };
}
