/**
 * The responder leaderboard (`leaderboard.of: "responder"`), read from the main scope's
 * responders figures: one row per `authorId` of a public agent reply, ranked as the assignee
 * board is (./_leaderboard.ts `rankRows`).
 *
 * @internal
 * @module
 */
import type { RespondersSummary } from "../metrics/time/responders.ts";
import { LEADERBOARD_ORDER, rankRows, type LeaderboardSettings, type Row } from "./_leaderboard.ts";
import type { LeaderboardJson, LeaderboardMetric } from "./types.ts";

/** The metrics a responder board ranks by (the responders figures hold no resolution, CSAT or one-touch per responder). @internal */
export const RESPONDER_RANKINGS: readonly LeaderboardMetric[] = ["tickets", "firstResponseMedian", "replyTimeMedian"];

/**
 * The responder board of `responders` (the scope's figures; `undefined` when not computed, then
 * the board has no rows). A row's `tickets` are the tickets the responder replied on, `sample` the
 * observations of the ranked figure (tickets, first responses credited, turns answered).
 *
 * @internal
 */
export function responderLeaderboard(responders: RespondersSummary | undefined, settings: LeaderboardSettings): LeaderboardJson {
  const { by, minSample } = settings;
  const order = LEADERBOARD_ORDER[by];
  const rows: Row[] = (responders?.responders ?? []).map((r) => {
    const first = r.firstResponse;
    const turns = r.replyTime;
    const [value, sample] =
      by === "firstResponseMedian"
        ? [first?.median ?? null, first?.count ?? 0]
        : by === "replyTimeMedian"
          ? [turns?.median ?? null, turns?.count ?? 0]
          : [r.tickets, r.tickets];
    return {
      agent: r.responder as string,
      value,
      sample,
      tickets: r.tickets,
      firstResponseMedian: first?.median ?? null,
      resolutionMedian: null,
      csat: null,
      oneTouchShare: null,
      replyTimeMedian: turns?.median ?? null,
      replies: r.replies,
      adjusted: null,
      shrunk: { csat: null, oneTouchShare: null },
      raw: null,
      distribution: undefined,
    };
  });
  const unknown = responders?.unknown;
  return {
    of: "responder",
    by,
    order,
    minSample,
    clock: responders?.clock ?? (settings.business ? "business" : "calendar"),
    rows: rankRows(rows, order, minSample, undefined),
    unassignedTickets: 0,
    unknownResponder: { tickets: unknown?.tickets ?? 0, replies: unknown?.replies ?? 0 },
    strata: null,
    priors: { csat: null, oneTouchShare: null },
    certainty: null,
  };
}
