/**
 * The report's `contacts` is `repeatContacts` of the tickets in scope, judged at the as-of or the
 * period's end if earlier: on random tickets with requesters, in the whole scope, in every
 * segment and in the comparison period.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { repeatContacts } from "../../src/metrics/customers/index.ts";
import type { Ticket } from "../../src/models/index.ts";
import { report, toJson, type ReportOptions } from "../../src/report/index.ts";
import { ticket } from "./arbitraries.ts";
import { FULL, PLAIN } from "./configs.ts";

/** The report tests' tickets, most with one of a few requesters (so repeats happen). */
const withRequester: fc.Arbitrary<Ticket> = fc
  .tuple(ticket, fc.option(fc.constantFrom("r1", "r2", "r3", "r4", ""), { nil: undefined, freq: 5 }))
  .map(([t, requesterId]) => (requesterId === undefined ? t : { ...t, requesterId }));

const inRange = (t: Ticket, r: { from: Date; to: Date } | undefined): boolean =>
  !Number.isNaN(t.createdAt.getTime()) && (r === undefined || (t.createdAt >= r.from && t.createdAt < r.to));

function expected(tickets: readonly Ticket[], options: ReportOptions, range: { from: Date; to: Date } | undefined, window: number) {
  const until = Math.min(options.asOf.getTime(), range?.to.getTime() ?? Number.POSITIVE_INFINITY);
  const r = repeatContacts(
    tickets.filter((t) => inRange(t, range)),
    { asOf: new Date(until), window },
  );
  const i = r.interval;
  return {
    ...toJson(r),
    interval: i === undefined ? null : { lower: i.lower, upper: i.upper, confidenceLevel: i.confidenceLevel, method: i.method },
  };
}

describe("report contacts", () => {
  test.prop(
    [
      fc.constantFrom(FULL, PLAIN),
      fc.array(withRequester, { maxLength: 50 }),
      fc.constantFrom(undefined, 86_400_000, 3 * 86_400_000, 10 * 86_400_000),
    ],
    { numRuns: 40 },
  )("equals repeatContacts of the tickets in scope, in each scope", (options, tickets, window) => {
    const r = report({ tickets }, { ...options, ...(window === undefined ? {} : { repeatWindow: window }) });
    const w = window ?? 7 * 86_400_000;
    const strip = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
    expect(strip(r.contacts)).toEqual(strip(expected(tickets, options, options.period, w)));
    if (options.compareTo !== undefined)
      expect(strip(r.comparison?.previous.contacts)).toEqual(strip(expected(tickets, options, options.compareTo, w)));
    // Each channel segment: the segment's own tickets.
    const channels = r.segments.find((s) => s.dimensions.length === 1 && s.dimensions[0] === "channel");
    for (const seg of channels?.segments ?? []) {
      const key = seg.key[0];
      const mine = tickets.filter((t) => (t.channel === undefined || t.channel === "" ? "(none)" : t.channel) === key);
      expect(strip(seg.contacts)).toEqual(strip(expected(mine, options, options.period, w)));
    }
  });
});
