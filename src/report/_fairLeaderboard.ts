/**
 * The fair leaderboard's figures: mix-adjusted figures (indirect standardisation over the
 * strata segmentation), rates shrunk towards the team (beta-binomial empirical Bayes) and rank
 * certainty (seeded draws). Composes the public functions of metrics/stats; no formula here.
 *
 * @internal
 * @module
 */
import { betaQuantile } from "../_lib/beta.ts";
import { MISSING_KEY } from "../_lib/group.ts";
import { studentTUpperQuantile } from "../_lib/special.ts";
import { betaBinomialShrinkage, type BetaBinomialShrinkage } from "../metrics/stats/betaBinomialShrinkage.ts";
import { indirectStandardization } from "../metrics/stats/indirectStandardization.ts";
import { rankProbabilities, type RankDistribution } from "../metrics/stats/rankProbabilities.ts";
import type {
  AdjustedFigureJson,
  LeaderboardAdjustedJson,
  LeaderboardPriorJson,
  RankCertaintyJson,
  ShrunkFigureJson,
} from "./comparisonTypes.ts";
import type { SelectedSegmentJson as SegmentJson } from "./selectedTypes.ts";

/** The strata of the adjusted figures, after the agent. @internal */
export const STRATA: readonly string[] = ["channel", "type", "priority"];

/** Rank-certainty draws and seed (fixed, so a report is reproducible). @internal */
export const CERTAINTY = { draws: 4000, seed: 1 } as const;

/** The adjusted figures. */
type AdjustedKey = keyof LeaderboardAdjustedJson;
/** The shrunk rates. */
type ShrunkKey = "csat" | "oneTouchShare";
type Clock = "calendar" | "business";

const DURATIONS: Readonly<Record<"firstResponseMean" | "resolutionMean", "firstResponse" | "resolutionFinal">> = {
  firstResponseMean: "firstResponse",
  resolutionMean: "resolutionFinal",
};

/** Where CSAT came from: the survey responses or the tickets' ratings (`survey.csatSource`). */
type CsatSource = "responses" | "ticketRatings" | null | undefined;

/**
 * Observations and their total (durations summed, or successes) of one figure in one segment.
 * CSAT is read from `source` (the agent's own CSAT source), so a stratum whose responses are
 * missing does not fall back on the tickets' ratings while the agent's CSAT is from responses.
 */
function tally(s: SegmentJson, key: AdjustedKey, clock: Clock, source?: CsatSource): { count: number; total: number } | undefined {
  if (key === "csat") {
    const c = source === undefined || s.survey?.csatSource === source ? s.survey?.csat : undefined;
    return c === undefined || c === null ? undefined : { count: c.total, total: c.satisfied };
  }
  if (key === "oneTouchShare") {
    const o = s.time.oneTouch;
    return o === undefined || o === null || o.resolved === 0 ? undefined : { count: o.resolved, total: o.oneTouch };
  }
  const d = s.time[DURATIONS[key]]?.[clock];
  return d === undefined || d === null ? undefined : { count: d.count, total: d.total };
}

/** A figure with what its rank certainty draws from. @internal */
export interface Drawn<J> {
  readonly json: J;
  readonly distribution: RankDistribution;
}

/** Per agent: the adjusted figures (JSON) and their draw distributions. @internal */
export type AdjustedByAgent = Map<string, { json: LeaderboardAdjustedJson; draws: Partial<Record<AdjustedKey, RankDistribution>> }>;

/**
 * The adjusted figures of every assigned agent, from the strata segmentation (key [agent,
 * channel, type, priority]); the reference is every assigned ticket. Intervals and draws: for a
 * mean, the log-scale interval of the agent's mean (its `meanInterval`) scaled by value / mean,
 * and a log-normal with the same spread; for a rate, the Jeffreys posterior Beta(x + ½, n − x + ½)
 * of the agent's rate scaled by reference · n / E. E is taken as known. CSAT cells use the
 * agent's own CSAT source (responses, or the tickets' ratings when the agent has no response).
 *
 * @internal
 */
export function adjustedFigures(
  agents: readonly SegmentJson[],
  strata: readonly SegmentJson[],
  clock: Clock,
  level: number,
): AdjustedByAgent {
  const out: AdjustedByAgent = new Map();
  const byAgent = new Map(agents.map((s) => [s.key[0] as string, s]));
  const sources = new Map(agents.map((s) => [s.key[0] as string, s.survey?.csatSource]));
  const keys: readonly AdjustedKey[] = ["firstResponseMean", "resolutionMean", "csat", "oneTouchShare"];
  for (const a of byAgent.keys()) {
    if (a !== MISSING_KEY)
      out.set(a, { json: { firstResponseMean: null, resolutionMean: null, csat: null, oneTouchShare: null }, draws: {} });
  }
  const lowerP = (1 - level) / 2;
  for (const key of keys) {
    const cells = strata.flatMap((s) => {
      const t = s.key[0] === MISSING_KEY ? undefined : tally(s, key, clock, sources.get(s.key[0] as string));
      return t === undefined ? [] : [{ group: s.key[0] as string, stratum: JSON.stringify(s.key.slice(1)), ...t }];
    });
    const result = indirectStandardization(cells);
    for (const g of result.groups) {
      const entry = out.get(g.group);
      if (entry === undefined || g.crude === undefined) continue;
      const value = g.adjusted ?? null;
      let bounds: { lower: number | null; upper: number | null } = { lower: null, upper: null };
      let distribution: RankDistribution | undefined = value === null ? undefined : { kind: "point", value };
      if (value !== null && key !== "csat" && key !== "oneTouchShare") {
        const summary = byAgent.get(g.group)?.time[DURATIONS[key]]?.[clock];
        const interval = summary?.meanInterval ?? null;
        if (summary !== undefined && summary !== null && interval !== null && summary.mean > 0 && value > 0) {
          const scale = value / summary.mean;
          const sigma = Math.log(interval.upper / summary.mean) / studentTUpperQuantile(lowerP, summary.count - 1);
          const upper = scale * interval.upper;
          bounds = { lower: scale * interval.lower, upper: Number.isFinite(upper) ? upper : null };
          if (Number.isFinite(sigma)) distribution = { kind: "logNormal", mu: Math.log(value), sigma };
        } else if (interval !== null) bounds = { lower: value, upper: value };
      } else if (value !== null && result.reference !== undefined) {
        const scale = (result.reference * g.count) / g.expected;
        const alpha = g.observed + 0.5;
        const beta = g.count - g.observed + 0.5;
        bounds = { lower: scale * betaQuantile(lowerP, alpha, beta), upper: scale * betaQuantile(1 - lowerP, alpha, beta) };
        distribution = { kind: "beta", alpha, beta, scale };
      }
      const figure: AdjustedFigureJson = {
        value,
        crude: g.crude,
        count: g.count,
        observed: g.observed,
        expected: g.expected,
        ratio: g.ratio ?? null,
        ...bounds,
      };
      (entry.json as { -readonly [K in AdjustedKey]: AdjustedFigureJson | null })[key] = figure;
      if (distribution !== undefined) entry.draws[key] = distribution;
    }
  }
  return out;
}

/** Per agent: the shrunk rates with their posterior draws; and the priors. @internal */
export interface Shrunk {
  readonly byAgent: Map<string, Partial<Record<ShrunkKey, Drawn<ShrunkFigureJson>>>>;
  readonly priors: Record<ShrunkKey, LeaderboardPriorJson | null>;
}

/**
 * CSAT and one-touch share of every assigned agent shrunk towards the team by
 * {@link betaBinomialShrinkage} (the prior fitted to every assigned agent with answers).
 *
 * @internal
 */
export function shrunkFigures(agents: readonly SegmentJson[], clock: Clock, level: number): Shrunk {
  const assigned = agents.filter((s) => s.key[0] !== MISSING_KEY);
  const byAgent: Shrunk["byAgent"] = new Map(assigned.map((s) => [s.key[0] as string, {}]));
  const priors: Shrunk["priors"] = { csat: null, oneTouchShare: null };
  for (const key of ["csat", "oneTouchShare"] as const) {
    const counts = assigned.map((s) => {
      const t = tally(s, key, clock);
      return { successes: t?.total ?? 0, trials: t?.count ?? 0 };
    });
    const fit: BetaBinomialShrinkage | undefined = betaBinomialShrinkage(counts, { confidenceLevel: level });
    if (fit === undefined) continue;
    priors[key] = fit.prior;
    fit.rates.forEach((r, i) => {
      if (r.trials === 0) return;
      const entry = byAgent.get(assigned[i]?.key[0] as string);
      if (entry !== undefined) {
        entry[key] = {
          json: { value: r.value, lower: r.lower, upper: r.upper },
          distribution: r.alpha > 0 && r.beta > 0 ? { kind: "beta", alpha: r.alpha, beta: r.beta } : { kind: "point", value: r.value },
        };
      }
    });
  }
  return { byAgent, priors };
}

/**
 * Competition ranks (1, 2, 2, 4) of `values` (`asc`: smaller is better), in input order.
 *
 * @internal
 */
export function competitionRanks(values: readonly number[], order: "asc" | "desc"): number[] {
  const index = values.map((_, i) => i).sort((a, b) => (order === "asc" ? 1 : -1) * ((values[a] as number) - (values[b] as number)));
  const ranks: number[] = new Array<number>(values.length).fill(0);
  index.forEach((i, position) => {
    const previous = index[position - 1];
    ranks[i] = previous !== undefined && values[previous] === values[i] ? (ranks[previous] as number) : position + 1;
  });
  return ranks;
}

/**
 * The rank certainty of ranked agents (values and draws in rank order), by {@link rankProbabilities}
 * with {@link CERTAINTY}'s draws and seed.
 *
 * @internal
 */
export function certainties(
  ranked: readonly { value: number; distribution: RankDistribution }[],
  order: "asc" | "desc",
  level: number,
): RankCertaintyJson[] {
  return rankProbabilities(ranked, { order, ...CERTAINTY, confidenceLevel: level }).map((c) => ({
    probability: c.probability,
    lower: c.lower,
    upper: c.upper,
  }));
}
