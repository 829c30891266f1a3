import { describe, expect, test } from "vitest";
import { generateTickets } from "../../bench/generate.ts";
import { scalarPairs } from "../../bench/scalar.ts";

/**
 * The scalar benchmark's hand loops (bench/scalar.ts) must compute what their library
 * functions compute, or a ratio compares different work. The bench checks this on its 1M
 * inputs before timing; this test keeps it checked on every test run, on small inputs.
 */
describe("bench/scalar.ts: every hand loop equals its library function", () => {
  const tickets = [...generateTickets({ count: 2000, seed: 42, days: 90 })];
  const pairs = scalarPairs(tickets, 5000);

  test("every function the brief names has a pair", () => {
    expect(pairs.map((p) => p.name).sort()).toEqual(
      [
        "nps",
        "csat",
        "ces",
        "churnRate",
        "retentionRate",
        "firstResponseTimes",
        "resolutionTimes",
        "summarizeDurations",
        "resolutionRate",
        "backlog",
        "slaCompliance",
        "ticketsByStatus",
        "channelMix",
      ].sort(),
    );
  });

  test.each(pairs.map((p) => [p.name, p] as const))("%s", (_name, pair) => {
    expect(pair.agree(pair.library(), pair.hand())).toEqual([]);
  });

  const withBare = pairs.filter((p) => p.bare !== undefined);
  test("the functions returning more than a number have a number-only loop too", () => {
    expect(withBare.map((p) => p.name).sort()).toEqual([
      "churnRate",
      "firstResponseTimes",
      "resolutionTimes",
      "retentionRate",
      "slaCompliance",
    ]);
  });

  test.each(withBare.map((p) => [p.name, p] as const))("%s: the number-only loop equals the library's number", (_name, pair) => {
    expect((pair.agreeBare ?? pair.agree)(pair.library(), pair.bare?.())).toEqual([]);
  });

  test("the hand loops return the library's whole result: a changed id, skip or breach is reported", () => {
    const frt = pairs.find((p) => p.name === "firstResponseTimes");
    const sla = pairs.find((p) => p.name === "slaCompliance");
    if (frt === undefined || sla === undefined) throw new Error("missing pairs");
    const values = frt.hand() as { ids: string[]; skipped: { unanswered: number } };
    values.ids[0] = "changed";
    values.skipped.unanswered++;
    expect(frt.agree(frt.library(), values)).toEqual(["ids differ", expect.stringMatching(/^skipped: library .* vs hand /)]);
    const judged = sla.hand() as { breaches: unknown[] };
    expect(judged.breaches.length).toBeGreaterThan(0);
    judged.breaches.pop();
    expect(sla.agree(sla.library(), judged)).toEqual([expect.stringMatching(/^breaches differ/)]);
  });

  test("a disagreement is reported (the check is not vacuous)", () => {
    const nps = pairs.find((p) => p.name === "nps");
    const backlog = pairs.find((p) => p.name === "backlog");
    if (nps === undefined || backlog === undefined) throw new Error("missing pairs");
    expect(nps.agree(nps.library(), 12.5)).toHaveLength(1);
    const hand = backlog.hand() as { count: number; threshold: number };
    expect(backlog.agree(backlog.library(), { ...hand, count: hand.count + 1 })).toEqual([
      `count: library ${String(hand.count)} vs hand ${String(hand.count + 1)}`,
    ]);
  });
});
