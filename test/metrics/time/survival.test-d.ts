// Type tests: the public signatures of the survival estimates (from the root barrel).
import { describe, expectTypeOf, it } from "vitest";
import {
  firstResponseSurvival,
  kaplanMeier,
  resolutionSurvival,
  type FirstResponseSurvivalExclusion,
  type KaplanMeierEstimate,
  type ResolutionSurvivalExclusion,
  type TicketSurvival,
  resolutionSurvivalAccumulator,
  type SurvivalAccumulator,
  type TicketMetric,
  type SurvivalState,
  type SurvivalFacts,
} from "../../../src/index.ts";

describe("survival signatures", () => {
  it("kaplanMeier returns an estimate or undefined, never a bare number", () => {
    expectTypeOf(kaplanMeier([{ ms: 1, event: true }])).toEqualTypeOf<KaplanMeierEstimate | undefined>();
    expectTypeOf<KaplanMeierEstimate["median"]["value"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<KaplanMeierEstimate["steps"][number]["lower"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<KaplanMeierEstimate["restrictedMean"]>().toEqualTypeOf<{
      readonly horizon: number;
      readonly value: number;
      readonly standardError: number;
    }>();
  });

  it("the ticket estimates require asOf and name their exclusion reasons", () => {
    const asOf = new Date(0);
    expectTypeOf(resolutionSurvival([], { asOf })).toEqualTypeOf<TicketSurvival<ResolutionSurvivalExclusion>>();
    expectTypeOf(firstResponseSurvival([], { asOf })).toEqualTypeOf<TicketSurvival<FirstResponseSurvivalExclusion>>();
    expectTypeOf<TicketSurvival<ResolutionSurvivalExclusion>["excluded"]>().toEqualTypeOf<
      Readonly<Record<ResolutionSurvivalExclusion, number>>
    >();
    // @ts-expect-error asOf is required: no hidden clock
    resolutionSurvival([], {});
    // @ts-expect-error firstResponseSurvival has no until option
    firstResponseSurvival([], { asOf, until: "first" });
  });

  it("the accumulators are TicketMetrics the report engine drives batch-wise", () => {
    const acc = resolutionSurvivalAccumulator({ asOf: new Date(0) });
    expectTypeOf(acc).toEqualTypeOf<SurvivalAccumulator<ResolutionSurvivalExclusion>>();
    expectTypeOf(acc).toExtend<TicketMetric<SurvivalState, TicketSurvival<ResolutionSurvivalExclusion>, SurvivalFacts>>();
  });
});
