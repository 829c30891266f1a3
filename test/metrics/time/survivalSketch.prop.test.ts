/**
 * Survival under `quantiles: { relativeError: α }`: the estimate is exactly the Kaplan–Meier
 * estimate of the same tickets' times rounded to their sketch buckets' representatives (the
 * module statement of src/_lib/sketchBins.ts), it merges and serialises like the exact one, and
 * a state of the other kind or of another α is refused.
 */
import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  firstResponseSurvivalAccumulator,
  resolutionSurvivalAccumulator,
  type SurvivalAccumulator,
  type TicketSurvivalOptions,
} from "../../../src/metrics/time/index.ts";
import { estimateSurvivalOf } from "../../../src/metrics/time/kaplanMeier.ts";
import { sketchStore } from "../../../src/_lib/quantileSketch.ts";
import { sketchRound } from "../../../src/_lib/sketchBins.ts";
import type { Ticket, TicketStatus } from "../../../src/models/index.ts";
import { errorCodeOf } from "../../_support/errors.ts";
import { cutsArb, foldAll, wholeAndParts } from "../../_support/accumulators.ts";
import { MINUTE, OFFICE } from "./_fixtures.ts";

const BASE = Date.UTC(2024, 0, 1, 6, 0);
const ASOF = new Date(BASE + 10 * 24 * 60 * MINUTE);
const STATUSES: TicketStatus[] = ["new", "open", "pending", "solved", "closed"];

/** Tickets whose times spread over five orders of magnitude (seconds to days), ties common. */
const ticketsArb = fc
  .array(
    fc.record({
      created: fc.integer({ min: 0, max: 12 * 24 * 60 }),
      solveAfter: fc.option(fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 5 * 24 * 60 * 60 }))),
      replyAfter: fc.option(fc.integer({ min: 0, max: 24 * 60 * 60 })),
      status: fc.constantFrom(...STATUSES),
    }),
    { maxLength: 60 },
  )
  .map((rows) =>
    rows.map(({ created, solveAfter, replyAfter, status }, i): Ticket => {
      const createdAt = new Date(BASE + created * MINUTE);
      const plus = (s: number | null): Date | undefined => (s === null ? undefined : new Date(createdAt.getTime() + s * 1000));
      const solvedAt = plus(solveAfter);
      const firstResponseAt = plus(replyAfter);
      return {
        id: String(i),
        createdAt,
        status,
        ...(solvedAt === undefined ? {} : { solvedAt }),
        ...(firstResponseAt === undefined ? {} : { firstResponseAt }),
      };
    }),
  );
const alphaArb = fc.constantFrom(0.001, 0.01, 0.05, 0.2);
const options = { asOf: ASOF, percentiles: [0.25, 0.9], schedule: OFFICE };
/** Both accumulators, typed alike for the loops (their exclusion reasons differ). */
const makers = [resolutionSurvivalAccumulator, firstResponseSurvivalAccumulator] as unknown as ((
  o: TicketSurvivalOptions,
) => SurvivalAccumulator<string>)[];

describe("survival with sketched times", () => {
  test.prop([ticketsArb, alphaArb])(
    "equals the exact estimate of the times rounded to their buckets' representatives",
    (tickets, alpha) => {
      const rounding = sketchStore(alpha);
      for (const make of makers) {
        const exact = make(options);
        const sketched = make({ ...options, quantiles: { relativeError: alpha } });
        const got = sketched.result(foldAll(sketched, tickets));
        // The exact times and flags, from the exact state's v1 JSON form.
        const state = exact.toJSON(foldAll(exact, tickets)) as unknown as { calendar: number[]; business: number[]; events: number[] };
        const want = exact.result(foldAll(exact, tickets));
        expect([got.counted, got.observed, got.censored, got.excluded]).toEqual([
          want.counted,
          want.observed,
          want.censored,
          want.excluded,
        ]);
        for (const [estimate, times] of [
          [got.calendar, state.calendar],
          [got.business, state.business],
        ] as const) {
          const rounded = estimateSurvivalOf(
            "test",
            times.map((ms) => sketchRound(rounding, ms)),
            state.events,
            { percentiles: [0.25, 0.9] },
          );
          expect(estimate).toEqual(rounded);
        }
      }
    },
  );

  test.prop([ticketsArb, alphaArb, cutsArb(60)])("merges and serialises: parts equal the whole", (tickets, alpha, cuts) => {
    for (const make of makers) {
      const acc = make({ ...options, quantiles: { relativeError: alpha } });
      const { whole, parts } = wholeAndParts(acc, tickets, cuts);
      expect(parts).toEqual(whole);
    }
  });

  test("a known answer: events at 100 ms and 1 s, a censoring at 500 ms, α = 1 %", () => {
    // γ = 1.01/0.99; bucket i = ⌈ln x / ln γ⌉; representative γ^i·0.99 (within 1 % of x).
    const lnGamma = Math.log1p(0.01) - Math.log1p(-0.01);
    const rep = (x: number): number => Math.exp(Math.ceil(Math.log(x) / lnGamma) * lnGamma + Math.log1p(-0.01));
    const at = (ms: number): Date => new Date(BASE + ms);
    const tickets: Ticket[] = [
      { id: "a", createdAt: at(0), status: "solved", solvedAt: at(100) },
      { id: "b", createdAt: at(0), status: "solved", solvedAt: at(1000) },
      { id: "c", createdAt: new Date(ASOF.getTime() - 500), status: "open" },
    ];
    const acc = resolutionSurvivalAccumulator({ asOf: ASOF, quantiles: { relativeError: 0.01 } });
    const r = acc.result(foldAll(acc, tickets));
    // Three at risk: S = 2/3 after the event at rep(100); the censoring at rep(500) leaves one at risk; S = 0 after rep(1000).
    expect(r.calendar?.steps.map((s) => [s.time, s.atRisk, s.events, s.censored, s.survival])).toEqual([
      [rep(100), 3, 1, 0, 1 - 1 / 3],
      [rep(500), 2, 0, 1, 1 - 1 / 3],
      [rep(1000), 1, 1, 0, 0],
    ]);
    expect(r.calendar?.median.value).toBe(rep(1000));
    expect(Math.abs(rep(1000) - 1000) / 1000).toBeLessThanOrEqual(0.01);
    expect(Math.abs(rep(100) - 100) / 100).toBeLessThanOrEqual(0.01);
  });

  test("a state of the other kind or of another α is refused, naming the field", () => {
    const tickets: Ticket[] = [{ id: "a", createdAt: new Date(BASE), status: "solved", solvedAt: new Date(BASE + 1000) }];
    const exact = resolutionSurvivalAccumulator({ asOf: ASOF });
    const one = resolutionSurvivalAccumulator({ asOf: ASOF, quantiles: { relativeError: 0.01 } });
    const two = resolutionSurvivalAccumulator({ asOf: ASOF, quantiles: { relativeError: 0.02 } });
    const sketchJson = one.toJSON(foldAll(one, tickets));
    expect(() => exact.fromJSON(sketchJson)).toThrow(/a state of sketched times .* does not merge into exact ones/);
    // Exact times read into a sketch accumulator: the sketches of those times (a sketch depends only on its values).
    expect(one.result(one.fromJSON(exact.toJSON(foldAll(exact, tickets))))).toEqual(one.result(foldAll(one, tickets)));
    expect(() => two.fromJSON(sketchJson)).toThrow(/eventCal must be a sketch of relative error 0\.02/);
    expect(errorCodeOf(() => resolutionSurvivalAccumulator({ asOf: ASOF, quantiles: { relativeError: 1 } }))).toBe("E_OPTION_VALUE");
  });

  test.prop([fc.constantFrom(1e-6, 1e-8, 1e-9), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 60 })])(
    "a tiny α and times far apart: the buckets walked are those used (no array over the gap), ties kept across both sketches",
    (alpha, solvedMs, openDays) => {
      // One ticket solved after `solvedMs` ms, one open for days: up to 2^31 buckets apart at α = 1e-9.
      const at = (ms: number): Date => new Date(BASE + ms);
      const tickets: Ticket[] = [
        { id: "a", createdAt: at(0), status: "solved", solvedAt: at(solvedMs) },
        { id: "b", createdAt: new Date(ASOF.getTime() - openDays * 86_400_000), status: "open" },
      ];
      const acc = resolutionSurvivalAccumulator({ asOf: ASOF, quantiles: { relativeError: alpha } });
      const r = acc.result(foldAll(acc, tickets));
      expect(r.calendar?.steps.map((s) => [s.atRisk, s.events, s.censored])).toEqual([
        [2, 1, 0],
        [1, 0, 1],
      ]);
      // At such an α a sketch spans a factor of about e^(786432·2α) before merging its lowest buckets (≈ 4.8 at 1e-6):
      // the event is then read at the common floor, still before the censoring.
      const [first, second] = r.calendar?.steps ?? [];
      expect(first?.time).toBeLessThan(second?.time as number);
      expect(Number.isFinite(first?.time)).toBe(true);
    },
  );

  test("buckets merged below one sketch's floor are read against the common floor: an early event stays before a later censoring", () => {
    // α = 1e-5: a sketch keeps 2^20 buckets, a factor of about e^15.7 ≈ 6.6e6 below its highest; the event at 10 ms and the
    // censorings at 50 and 60 ms are all below the floor set by the event at 3e9 ms (bucket 262,144, about 189 ms), so all three
    // tie at the floor (the event first), though the censorings' own sketch merged nothing.
    const at = (ms: number): Date => new Date(BASE + ms);
    const asOf = at(4e9);
    const tickets: Ticket[] = [
      { id: "a", createdAt: at(0), status: "solved", solvedAt: at(10) },
      { id: "b", createdAt: at(0), status: "solved", solvedAt: at(3e9) },
      { id: "c", createdAt: at(4e9 - 50), status: "open" },
      { id: "d", createdAt: at(4e9 - 60), status: "open" },
    ];
    const acc = resolutionSurvivalAccumulator({ asOf, quantiles: { relativeError: 1e-5 } });
    const steps = acc.result(foldAll(acc, tickets)).calendar?.steps ?? [];
    expect(steps.map((s) => [s.atRisk, s.events, s.censored, s.survival])).toEqual([
      [4, 1, 2, 0.75],
      [1, 1, 0, 0],
    ]);
  });
});
