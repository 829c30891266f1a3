// `cx-metrics report --rank-by` with the fair figures (issue 15 item 3): mix-adjusted and shrunk
// rankings on the demo export, in JSON and as the Markdown table.
import { describe, expect, it } from "vitest";
import { cli, FULL, json } from "./_run.ts";

describe("--rank-by a fair figure", () => {
  it("resolutionMeanAdjusted: the JSON board carries adjusted figures, raw ranks and rank certainty; the table shows them", async () => {
    const r = await cli([...FULL, "--rank-by", "resolutionMeanAdjusted", "--min-sample", "5", "--format", "json", "-q"]);
    expect(r.code).toBe(0);
    const lb = json(r).report.leaderboard;
    expect(lb).toMatchObject({ by: "resolutionMeanAdjusted", order: "asc", strata: ["channel", "type", "priority"], clock: "business" });
    expect(lb.certainty).toEqual({ draws: 4000, seed: 1, confidenceLevel: 0.95 });
    const ranked = lb.rows.filter((x: { rank: number | null }) => x.rank !== null);
    expect(ranked.length).toBe(6);
    for (const row of ranked) {
      const f = row.adjusted.resolutionMean;
      // value = team mean × O / E, and the row's value is it.
      expect(row.value).toBe(f.value);
      expect(f.observed / f.count).toBeCloseTo(f.crude, 6);
      expect(f.lower).toBeLessThan(f.value);
      expect(f.upper).toBeGreaterThan(f.value);
      expect(row.certainty.probability).toBeGreaterThanOrEqual(0);
      expect(row.certainty.probability).toBeLessThanOrEqual(1);
    }
    // The team reference: Σ O / Σ E over every assigned agent is 1 (E is spread by the team's own stratum means).
    const all = lb.rows
      .filter((x: { adjusted: unknown }) => x.adjusted !== null)
      .map((x: { adjusted: { resolutionMean: { observed: number; expected: number } } }) => x.adjusted.resolutionMean);
    const o = all.reduce((s: number, f: { observed: number }) => s + f.observed, 0);
    const e = all.reduce((s: number, f: { expected: number }) => s + f.expected, 0);
    expect(o / e).toBeCloseTo(1, 9);
    // The raw ranks are the ranks of the plain means, among the same agents.
    const byCrude = [...ranked].sort((a, b) => a.adjusted.resolutionMean.crude - b.adjusted.resolutionMean.crude).map((x) => x.agent);
    expect(
      ranked
        .map((x: { rawRank: number; agent: string }) => [x.rawRank, x.agent])
        .sort((a: [number], b: [number]) => a[0] - b[0])
        .map((x: [number, string]) => x[1]),
    ).toEqual(byCrude);
    // The same run gives the same board (seeded).
    const again = await cli([...FULL, "--rank-by", "resolutionMeanAdjusted", "--min-sample", "5", "--format", "json", "-q"]);
    expect(json(again).report.leaderboard).toEqual(lb);

    const md = await cli([...FULL, "--rank-by", "resolutionMeanAdjusted", "--min-sample", "5", "--format", "markdown", "-q"]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(
      "| rank | agent | tickets | FRT median (bh) | resolution median (bh) | CSAT | one-touch | resolution mean (bh) | resolution mean adj. (bh) | 95% interval | raw rank | P(rank) | rank 95% |",
    );
    expect(md.stdout).toContain(
      "Adjusted for each agent's mix of channel × type × priority (indirect standardisation: team figure × observed / expected).",
    );
  });

  it("csatShrunk: ranks by the posterior mean and states the team prior", async () => {
    const r = await cli([...FULL, "--rank-by", "csatShrunk", "--min-sample", "3", "--format", "json", "-q"]);
    expect(r.code).toBe(0);
    const lb = json(r).report.leaderboard;
    expect(lb.strata).toBeNull();
    const prior = lb.priors.csat;
    expect(prior.alpha / (prior.alpha + prior.beta)).toBeCloseTo(prior.mean, 12);
    for (const row of lb.rows.filter((x: { rank: number | null }) => x.rank !== null)) {
      expect(row.value).toBe(row.shrunk.csat.value);
      // Between the agent's own CSAT and the team's.
      expect(row.value).toBeGreaterThanOrEqual(Math.min(row.csat, prior.mean) - 1e-12);
      expect(row.value).toBeLessThanOrEqual(Math.max(row.csat, prior.mean) + 1e-12);
      expect(row.adjusted).toBeNull();
    }
    const md = await cli([...FULL, "--rank-by", "csatShrunk", "--min-sample", "3", "--format", "markdown", "-q"]);
    expect(md.stdout).toMatch(/\| CSAT shrunk \| 95% interval \| raw rank \| P\(rank\) \| rank 95% \|/);
    expect(md.stdout).toMatch(
      /Shrunk towards the team by beta-binomial empirical Bayes \(team \d+\.\d%, weighing as [\d.]+ answers, (pooled|method of moments)\)/,
    );
  });

  it("an unknown --rank-by lists the fair values", async () => {
    const r = await cli([...FULL, "--rank-by", "fairest"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("resolutionMeanAdjusted");
    expect(r.stderr).toContain("oneTouchShareShrunk");
  });
});
