/** Survey fixtures shared by the survey and stats tests. */
import { fc } from "@fast-check/vitest";

/** `times` copies of `score`. */
export function repeat(score: number, times: number): number[] {
  return Array.from({ length: times }, () => score);
}

/** A scale of 5 to 11 points starting between −5 and 5, a threshold on it, and 1 to 100 scores on it. */
export const scaledScores = fc
  .record({ min: fc.integer({ min: -5, max: 5 }), points: fc.integer({ min: 5, max: 11 }) })
  .chain(({ min, points }) => {
    const max = min + points - 1;
    return fc.record({
      scale: fc.constant({ min, max }),
      threshold: fc.integer({ min, max }),
      scores: fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 100 }),
    });
  });
