import { describe, expect, test } from "vitest";
import type { SurveyResponse, Ticket } from "../../src/models/index.ts";
import { report, reportAccumulator, type ReportOptions } from "../../src/report/index.ts";

const H = 3_600_000;
const START = Date.parse("2026-03-02T08:00:00Z");

/** A solved ticket created `i` hours after START, resolved after `hours`. */
function solved(id: string, assignee: string | undefined, channel: string, hours: number, i: number): Ticket {
  const createdAt = new Date(START + i * H);
  const solvedAt = new Date(createdAt.getTime() + hours * H);
  return {
    id,
    createdAt,
    status: "solved",
    channel,
    type: "question",
    priority: "normal",
    ...(assignee === undefined ? {} : { assignee }),
    firstResponseAt: new Date(createdAt.getTime() + H / 2),
    solvedAt,
    firstSolvedAt: solvedAt,
  };
}

// The acceptance fixture of issue 15 item 3. Phone is the slow channel, chat the fast one.
// A answers only phone (7 h, 9 h), B only chat (2 h, 4 h), C both (phone 11 h, 13 h; chat 1 h, 1 h).
// One unassigned phone ticket (100 h) is not part of the team reference.
const TICKETS: readonly Ticket[] = [
  solved("a1", "A", "phone", 7, 0),
  solved("a2", "A", "phone", 9, 1),
  solved("b1", "B", "chat", 2, 2),
  solved("b2", "B", "chat", 4, 3),
  solved("c1", "C", "phone", 11, 4),
  solved("c2", "C", "phone", 13, 5),
  solved("c3", "C", "chat", 1, 6),
  solved("c4", "C", "chat", 1, 7),
  solved("u1", undefined, "phone", 100, 8),
];

const options: ReportOptions = {
  asOf: new Date("2026-04-01T00:00:00Z"),
  timeZone: "UTC",
  leaderboard: { by: "resolutionMeanAdjusted", minSample: 2 },
};

describe("fair leaderboard: mix-adjusted resolution time", () => {
  const r = report({ tickets: TICKETS }, options);
  const row = (agent: string) => r.leaderboard.rows.find((x) => x.agent === agent)!;

  test("the adjusted rank differs from the raw rank, as computed by hand", () => {
    // Team (assigned tickets): phone (7 + 9 + 11 + 13)/4 = 10 h, chat (2 + 4 + 1 + 1)/4 = 2 h, overall 48/8 = 6 h.
    // A: O = 16 h, E = 2 × 10 = 20 h, O/E = 0.8, adjusted 6 × 0.8 = 4.8 h (crude mean 8 h, median 8 h).
    // B: O = 6 h,  E = 2 × 2 = 4 h,   O/E = 1.5, adjusted 9 h (crude 3 h, median 3 h).
    // C: O = 26 h, E = 20 + 4 = 24 h, O/E = 13/12, adjusted 6.5 h (crude 6.5 h, median (1 + 11)/2 = 6 h).
    expect(r.leaderboard).toMatchObject({
      by: "resolutionMeanAdjusted",
      order: "asc",
      strata: ["channel", "type", "priority"],
      unassignedTickets: 1,
    });
    expect(r.leaderboard.rows.map((x) => [x.agent, x.rank, x.rawRank, x.value])).toEqual([
      ["A", 1, 3, 4.8 * H],
      ["C", 2, 2, 6.5 * H],
      ["B", 3, 1, 9 * H],
    ]);
    // The plain ranking by the median puts B first and A last.
    const plain = report({ tickets: TICKETS }, { ...options, leaderboard: { by: "resolutionMedian", minSample: 2 } });
    expect(plain.leaderboard.rows.map((x) => [x.agent, x.rank, x.value])).toEqual([
      ["B", 1, 3 * H],
      ["C", 2, 6 * H],
      ["A", 3, 8 * H],
    ]);
    expect(plain.leaderboard).toMatchObject({ strata: null, certainty: null });
    expect(plain.leaderboard.rows.every((x) => x.adjusted === null && x.rawRank === null && x.certainty === null)).toBe(true);
    expect(row("A").adjusted!.resolutionMean).toMatchObject({
      value: 4.8 * H,
      crude: 8 * H,
      count: 2,
      observed: 16 * H,
      expected: 20 * H,
      ratio: 0.8,
    });
    expect(row("B").adjusted!.resolutionMean).toMatchObject({ value: 9 * H, crude: 3 * H, observed: 6 * H, expected: 4 * H, ratio: 1.5 });
    expect(row("C").adjusted!.resolutionMean).toMatchObject({ value: 6.5 * H, crude: 6.5 * H, observed: 26 * H, expected: 24 * H });
    // First response is 30 min everywhere: adjusted = crude = 30 min, O/E = 1.
    expect(row("A").adjusted!.firstResponseMean).toMatchObject({ value: H / 2, crude: H / 2, ratio: 1 });
  });

  test("the adjusted interval is the agent's log-scale mean interval scaled by adjusted / mean", () => {
    // A: 7 h and 9 h: mean 8 h, s = √2 h, se = 1 h; t(0.975, 1) = 12.706204736174707 (R qt(0.975, 1)).
    // factor = exp(t · se / mean) = exp(12.7062 / 8); interval 4.8 h / factor … 4.8 h × factor.
    const factor = Math.exp(12.706204736174707 / 8);
    const a = row("A").adjusted!.resolutionMean!;
    expect(a.lower! / H).toBeCloseTo(4.8 / factor, 9);
    expect(a.upper! / H).toBeCloseTo(4.8 * factor, 9);
  });

  test("rank certainty: probabilities in [0, 1], rank intervals within 1…3, the same on every run", () => {
    expect(r.leaderboard.certainty).toEqual({ draws: 4000, seed: 1, confidenceLevel: 0.95 });
    for (const x of r.leaderboard.rows) {
      expect(x.certainty!.probability).toBeGreaterThan(0);
      expect(x.certainty!.probability).toBeLessThan(1);
      expect(x.certainty!.lower).toBeGreaterThanOrEqual(1);
      expect(x.certainty!.upper).toBeLessThanOrEqual(3);
    }
    // Draws are log-normal with σ = se / mean: A 1/8 (7 h, 9 h), B 1/3 (2 h, 4 h), C 3.2/6.5 ≈ 0.49
    // (1, 1, 11, 13 h). A (4.8 h) may lose first place to C (6.5 h) but hardly falls to third.
    expect(r.leaderboard.rows.map((x) => [x.agent, x.certainty!.lower, x.certainty!.upper])).toEqual([
      ["A", 1, 2],
      ["C", 1, 3],
      ["B", 1, 3],
    ]);
    expect(report({ tickets: TICKETS }, options).leaderboard).toEqual(r.leaderboard);
  });

  test("chunks folded separately, serialised and merged give the same board (the strata segmentation merges by key)", () => {
    const acc = reportAccumulator(options);
    const a = acc.create();
    const b = acc.create();
    TICKETS.forEach((t, i) => acc.add(i % 2 === 0 ? a : b, t));
    const merged = acc.merge(acc.fromJSON(JSON.parse(JSON.stringify(acc.toJSON(a)))), b);
    const whole = acc.result(merged);
    expect(whole.leaderboard).toEqual(r.leaderboard);
    // The strata segmentation is the board's own, not a requested one.
    expect(whole.segments).toEqual([]);
  });

  test("with more tickets per agent, the same mix gives a near-certain adjusted order", () => {
    // Ten copies of the fixture: the same means, se ÷ √10 (and t with 19 degrees of freedom).
    const many = Array.from({ length: 10 }, (_, k) => TICKETS.map((t) => ({ ...t, id: `${t.id}-${String(k)}` }))).flat();
    const big = report({ tickets: many }, { ...options, leaderboard: { by: "resolutionMeanAdjusted", minSample: 2 } });
    expect(big.leaderboard.rows.map((x) => [x.agent, x.rank, x.rawRank])).toEqual([
      ["A", 1, 3],
      ["C", 2, 2],
      ["B", 3, 1],
    ]);
    for (const x of big.leaderboard.rows) expect(x.certainty!.probability).toBeGreaterThan(0.85);
  });
});

describe("fair leaderboard: CSAT shrunk towards the team", () => {
  const csat = (agent: string, score: number, i: number): SurveyResponse => ({
    kind: "csat",
    score,
    scale: { min: 1, max: 5 },
    answeredAt: new Date(START + i * 60_000),
    agent,
  });
  // A: one answer, satisfied (raw 1). B: 16 of 20 (0.8). C: 10 of 20 (0.5).
  const responses = [
    csat("A", 5, 0),
    ...Array.from({ length: 20 }, (_, i) => csat("B", i < 16 ? 5 : 2, i + 1)),
    ...Array.from({ length: 20 }, (_, i) => csat("C", i < 10 ? 4 : 1, i + 30)),
  ];
  const r = report({ tickets: TICKETS, responses }, { ...options, leaderboard: { by: "csatShrunk", minSample: 1 } });

  test("a single happy answer no longer tops the board", () => {
    // μ = 27/41. S = ((1 − μ)² + (0.8 − μ)² + (0.5 − μ)²)/3 = 0.05392…; h = (1 + 1/20 + 1/20)/3 = 0.36667;
    // S / (μ(1 − μ)) = 0.2398 < h, so ρ < 0: the agents differ no more than binomial noise and the
    // prior is pooled, Beta(27, 14) (strength 41). Posterior means: A (1 + 27)/(1 + 41) = 2/3,
    // B (16 + 27)/(20 + 41) = 43/61, C (10 + 27)/61 = 37/61.
    const prior = r.leaderboard.priors.csat!;
    expect(prior).toMatchObject({ mean: 27 / 41, strength: 41, method: "pooled" });
    expect(prior.alpha).toBeCloseTo(27, 12);
    expect(prior.beta).toBeCloseTo(14, 12);
    expect(r.leaderboard.rows.map((x) => [x.agent, x.rank, x.rawRank, x.csat])).toEqual([
      ["B", 1, 2, 0.8],
      ["A", 2, 1, 1],
      ["C", 3, 3, 0.5],
    ]);
    [43 / 61, 28 / 42, 37 / 61].forEach((v, i) => expect(r.leaderboard.rows[i]!.value).toBeCloseTo(v, 14));
    const b = r.leaderboard.rows[0]!.shrunk.csat!;
    expect(b.lower).toBeLessThan(43 / 61);
    expect(b.upper).toBeGreaterThan(43 / 61);
    expect(r.leaderboard.strata).toBeNull();
  });
});

describe("fair leaderboard: CSAT adjusted for the mix", () => {
  // Responses joined to their tickets (ticketId): A answers on phone tickets, B on chat tickets, C on both.
  const answer = (ticketId: string, agent: string, score: number, i: number): SurveyResponse => ({
    kind: "csat",
    score,
    scale: { min: 1, max: 5 },
    answeredAt: new Date(START + (20 + i) * H),
    agent,
    ticketId,
  });
  // Satisfied (4–5): A a1 yes, a2 yes → 2/2; B b1 yes, b2 no → 1/2; C c1 no, c2 no (phone), c3 yes, c4 yes (chat) → 2/4.
  // B's phone ticket b3 has a bad rating and no response: B's CSAT comes from responses, so that
  // stratum has no answer for B (it does not fall back on the rating as a lone scope would).
  const responses = [
    answer("a1", "A", 5, 0),
    answer("a2", "A", 4, 1),
    answer("b1", "B", 5, 2),
    answer("b2", "B", 2, 3),
    answer("c1", "C", 1, 4),
    answer("c2", "C", 2, 5),
    answer("c3", "C", 5, 6),
    answer("c4", "C", 5, 7),
  ];
  const tickets = [...TICKETS, { ...solved("b3", "B", "phone", 5, 9), satisfaction: "bad" as const }];
  const r = report({ tickets, responses }, { ...options, leaderboard: { by: "csatAdjusted", minSample: 2 } });

  test("expected satisfied answers from the team's rate per stratum, computed by hand", () => {
    // Team phone 2/4 = 0.5, chat 3/4 = 0.75, overall 5/8 = 0.625.
    // A: O 2, E 2 × 0.5 = 1, O/E 2, adjusted 1.25. B: O 1, E 1.5, adjusted 0.625 × 2/3 = 0.41667.
    // C: O 2, E 2 × 0.5 + 2 × 0.75 = 2.5, adjusted 0.625 × 0.8 = 0.5. Raw: A 1, B 0.5, C 0.5.
    expect(r.leaderboard.rows.map((x) => [x.agent, x.rank, x.rawRank])).toEqual([
      ["A", 1, 1],
      ["C", 2, 2],
      ["B", 3, 2],
    ]);
    const f = (agent: string) => r.leaderboard.rows.find((x) => x.agent === agent)!.adjusted!.csat!;
    expect(f("A")).toMatchObject({ value: 1.25, crude: 1, count: 2, observed: 2, expected: 1, ratio: 2 });
    expect(f("B")).toMatchObject({ crude: 0.5, count: 2, observed: 1, expected: 1.5 });
    expect(f("B").value).toBeCloseTo(0.625 / 1.5, 15);
    expect(f("C")).toMatchObject({ value: 0.5, crude: 0.5, count: 4, observed: 2, expected: 2.5, ratio: 0.8 });
    // Its interval: the Jeffreys posterior Beta(x + ½, n − x + ½) scaled by R · n / E (A: 0.625 × 2 / 1 = 1.25).
    expect(f("A").upper).toBeLessThanOrEqual(1.25);
    expect(f("A").lower).toBeGreaterThan(0);
  });
});
