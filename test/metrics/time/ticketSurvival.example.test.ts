import { beforeAll, describe, expect, it } from "vitest";
import { readTickets } from "../../../src/io/index.ts";
import { openFile } from "../../../src/io/node/index.ts";
import { resolutionSurvival, resolutionTime, resolutionTimes, summarizeDurations } from "../../../src/metrics/time/index.ts";
import type { Ticket } from "../../../src/models/index.ts";

/** The example export (examples/data/tickets.csv): issue 15's "40 of the 163 November tickets". */
const FILE = new URL("../../../examples/data/tickets.csv", import.meta.url).pathname;
let november: Ticket[] = [];
let asOf = new Date(0);

beforeAll(async () => {
  const tickets: Ticket[] = [];
  for await (const t of (await readTickets(openFile(FILE))).records) tickets.push(t);
  // As the command does without --as-of: 1 ms after the latest timestamp in the data.
  let latest = -Infinity;
  for (const t of tickets)
    for (const d of [t.createdAt, t.firstResponseAt, t.firstSolvedAt, t.solvedAt]) if (d) latest = Math.max(latest, d.getTime());
  asOf = new Date(latest + 1);
  const from = Date.parse("2026-11-01T00:00:00+02:00");
  const to = Date.parse("2026-12-01T00:00:00+02:00");
  november = tickets.filter((t) => t.createdAt.getTime() >= from && t.createdAt.getTime() < to);
});

/** The median by brute force: walk the sorted times, S ×= (1 − d/n) at each event time, first S ≤ 0.5. */
function bruteMedian(observations: { ms: number; event: boolean }[]): number | undefined {
  const sorted = [...observations].sort((a, b) => a.ms - b.ms);
  let s = 1;
  for (const t of [...new Set(sorted.filter((o) => o.event).map((o) => o.ms))]) {
    const n = sorted.filter((o) => o.ms >= t).length;
    const d = sorted.filter((o) => o.event && o.ms === t).length;
    s *= 1 - d / n;
    if (s <= 0.5) return t;
  }
  return undefined;
}

describe("resolutionSurvival on the example export (November)", () => {
  it("counts the 40 open tickets of 163 instead of dropping them", () => {
    const s = resolutionSurvival(november, { asOf, percentiles: [0.9] });
    expect(november.length).toBe(163);
    expect([s.counted, s.observed, s.censored]).toEqual([163, 123, 40]);
    expect(resolutionTimes(november).values.length).toBe(123);
    // The median with the open tickets is later than the plain median of the resolved ones only.
    const km = s.calendar?.median.value as number;
    const plain = summarizeDurations(resolutionTimes(november).values)?.median as number;
    expect(km).toBeGreaterThan(plain);
    // …and is what the product-limit formula gives, computed independently here.
    const observations = november.map((t) => {
      const r = resolutionTime(t);
      return r.kind === "measured" && r.end.getTime() < asOf.getTime()
        ? { ms: r.ms, event: true }
        : { ms: asOf.getTime() - t.createdAt.getTime(), event: false };
    });
    expect(km).toBe(bruteMedian(observations));
    // With 40 of 163 still open, fewer than 90 % can be resolved yet: no 90th percentile (R: NA).
    expect(s.calendar?.percentiles[0]?.value).toBeUndefined();
  });
});
