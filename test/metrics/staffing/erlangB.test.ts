import { describe, expect, it } from "vitest";
import { erlangB } from "../../../src/metrics/staffing/index.ts";
import { codeOf } from "../../_support/errors.ts";

// erlang.com (Westbay Engineers), "How much traffic can a trunk group handle?":
// 15 lines engineered for 1 % blocking carry 8.108 Erlangs (the calculator shows 3 decimals).
const WESTBAY = "https://erlang.com/calculatormanual/howmuchtrafficcanatrunkgrouphandle.htm";

describe("erlangB", () => {
  it(`15 lines at 1 % blocking carry 8.108 Erlangs (${WESTBAY})`, () => {
    expect(erlangB(15, 8.108)).toBeCloseTo(0.01, 5);
    // The table's 8.108 is the load rounded to 3 decimals: 1 % lies between its neighbours.
    expect(erlangB(15, 8.1075)).toBeLessThan(0.01);
    expect(erlangB(15, 8.1085)).toBeGreaterThan(0.01);
  });

  it("agrees with the defining sum, by hand: B(1, A) = A/(1 + A); B(2, 1) = (1/2)/(1 + 1 + 1/2) = 0.2", () => {
    expect(erlangB(1, 3)).toBe(0.75);
    expect(erlangB(2, 1)).toBe(0.2);
    // B(3, 2) = (8/6) / (1 + 2 + 2 + 8/6) = (4/3) / (19/3) = 4/19
    expect(erlangB(3, 2)).toBeCloseTo(4 / 19, 15);
  });

  it("edges: no server loses everything, no load loses nothing, many servers underflow to 0 without NaN", () => {
    expect(erlangB(0, 5)).toBe(1);
    expect(erlangB(0, 0)).toBe(1);
    expect(erlangB(5, 0)).toBe(0);
    expect(erlangB(100_000, 1)).toBe(0);
    expect(erlangB(1000, 100_000)).toBeGreaterThan(0.99);
  });

  it("refuses bad arguments with a code naming the argument and value", () => {
    expect(codeOf(() => erlangB(-1, 1))).toBe("E_AGENTS_RANGE erlangB: agents must be an integer ≥ 0, got -1");
    expect(codeOf(() => erlangB(1.5, 1))).toBe("E_AGENTS_RANGE erlangB: agents must be an integer ≥ 0, got 1.5");
    expect(codeOf(() => erlangB(100_001, 1))).toBe("E_AGENTS_LIMIT erlangB: agents must be at most 100000, got 100001");
    expect(codeOf(() => erlangB(3, -0.5))).toBe("E_OFFERED_LOAD erlangB: offeredLoad must be a finite number of Erlangs ≥ 0, got -0.5");
    expect(codeOf(() => erlangB(3, Number.NaN))).toBe(
      "E_OFFERED_LOAD erlangB: offeredLoad must be a finite number of Erlangs ≥ 0, got NaN",
    );
    expect(codeOf(() => erlangB(3, 100_001))).toBe("E_TRAFFIC_LIMIT erlangB: offeredLoad must be at most 100000 Erlangs, got 100001");
  });
});
