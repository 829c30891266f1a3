import { describe, expect, it } from "vitest";
import { erlangA, erlangC } from "../../../src/metrics/staffing/index.ts";
import { codeOf } from "../../_support/errors.ts";
import { naiveAnsweredWithin, naiveQueue } from "./_naive.ts";

const GMR = "Garnett, Mandelbaum & Reiman (2002), Designing a call center with impatient customers, MSOM 4(3)";
const traffic = { arrivals: 100, averageHandleTime: 180, patience: 120, targetAnswerTime: 20 };

describe("erlangA", () => {
  it(`14 agents, 10 Erlangs, mean patience 120 s: agrees with a naive birth–death model and partial-fraction waits (${GMR})`, () => {
    const r = erlangA(14, traffic);
    const lambda = 100 / 1800;
    const mu = 1 / 180;
    const theta = 1 / 120;
    const q = naiveQueue(14, lambda, mu, theta, 300);
    expect(r.probabilityOfWaiting).toBeCloseTo(q.probabilityOfWaiting, 12);
    expect(r.averageQueueLength).toBeCloseTo(q.averageQueueLength, 12);
    // P(abandon) = θ·E[Q]/λ (abandonments per second over arrivals per second).
    expect(r.probabilityOfAbandonment).toBeCloseTo((theta * q.averageQueueLength) / lambda, 12);
    // Service level: answered at once, plus those who wait in position k and are answered within 20 s.
    let sl = 1 - q.probabilityOfWaiting;
    for (let k = 1; k <= 30; k++) sl += q.pi[14 + k - 1]! * naiveAnsweredWithin(k, 14 * mu, theta, 20);
    expect(r.serviceLevel).toBeCloseTo(sl, 10);
    expect(r.occupancy).toBeCloseTo(q.averageBusy / 14, 12);
  });

  it("matches an independent CTMC computation (SciPy expm of the absorbing chain per queue position): Pw 0.1269763, P(ab) 0.0228393, SL 0.9327296", () => {
    const r = erlangA(14, traffic);
    expect(Math.abs(r.probabilityOfWaiting - 0.12697634007979533)).toBeLessThan(1e-12);
    expect(Math.abs(r.probabilityOfAbandonment - 0.022839286531818766)).toBeLessThan(1e-12);
    expect(Math.abs(r.serviceLevel - 0.9327295806980598)).toBeLessThan(1e-10);
  });

  it("approaches Erlang C as patience grows (N > A): within 1e−4 at a mean patience of 10⁶ s", () => {
    const c = erlangC(14, traffic);
    const a = erlangA(14, { ...traffic, patience: 1e6 });
    expect(Math.abs(a.probabilityOfWaiting - c.probabilityOfWaiting)).toBeLessThan(1e-4);
    expect(Math.abs(a.serviceLevel - c.serviceLevel)).toBeLessThan(1e-4);
    expect(Math.abs(a.averageSpeedOfAnswer - c.averageSpeedOfAnswer)).toBeLessThan(1e-2);
    expect(a.probabilityOfAbandonment).toBeLessThan(1e-4);
  });

  it("stays stable with fewer agents than Erlangs: 900 agents for 1000 Erlangs lose about 1 − N/A = 10 % (fluid limit, GMR 2002)", () => {
    const r = erlangA(900, { arrivals: 10_000, averageHandleTime: 180, patience: 60 });
    expect(r.probabilityOfAbandonment).toBeGreaterThan(0.1);
    expect(r.probabilityOfAbandonment).toBeLessThan(0.11);
    expect(r.occupancy).toBeLessThanOrEqual(1);
    expect(r.occupancy).toBeGreaterThan(0.99);
  });

  it("counts the answered contacts' wait in ASA and everyone's in averageWait (Little: E[Q] = λ·averageWait)", () => {
    const r = erlangA(12, traffic);
    expect(r.averageQueueLength).toBeCloseTo((100 / 1800) * r.averageWait, 12);
    expect(r.probabilityOfAbandonment).toBeCloseTo(r.averageWait / 120, 12);
  });

  it("has nobody waiting with zero arrivals", () => {
    expect(erlangA(2, { ...traffic, arrivals: 0 })).toMatchObject({
      probabilityOfWaiting: 0,
      probabilityOfAbandonment: 0,
      serviceLevel: 1,
      averageWait: 0,
    });
  });

  it("throws E_AGENTS_RANGE for 0 agents", () => {
    expect(codeOf(() => erlangA(0, traffic))).toBe("E_AGENTS_RANGE erlangA: agents must be an integer ≥ 1, got 0");
  });

  it("throws E_PATIENCE_RANGE", () => {
    expect(codeOf(() => erlangA(3, { ...traffic, patience: Number.POSITIVE_INFINITY }))).toBe(
      "E_PATIENCE_RANGE erlangA: patience must be a finite number of seconds > 0, got Infinity",
    );
  });

  it("throws E_ERLANG_A_STATES when agents ≤ A and patience is millions of handle times", () => {
    expect(codeOf(() => erlangA(5, { ...traffic, patience: 1e12 }))).toMatch(/^E_ERLANG_A_STATES erlangA: /);
  });

  it("throws the traffic codes (E_ARRIVALS_RANGE)", () => {
    expect(codeOf(() => erlangA(3, { ...traffic, arrivals: Number.NaN }))).toMatch(/^E_ARRIVALS_RANGE erlangA: /);
  });
});
