/**
 * Properties of the join of survey responses to their tickets by `ticketId`
 * (docs/guide/report.md, "Survey responses in segments"): a joined response lands in exactly
 * its ticket's segment(s), by every dimension; the unjoined fall back on a response key or are
 * counted; nothing is dropped; and parts folded with each ticket's responses in the ticket's
 * part, serialised and merged, equal the whole.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { groupKey } from "../../src/_lib/group.ts";
import type { SurveyResponse, Ticket } from "../../src/models/index.ts";
import { report, reportAccumulator, type ReportOptions } from "../../src/report/index.ts";
import { BASE, response, ticket } from "./arbitraries.ts";

const DAY = 86_400_000;
const options: ReportOptions = {
  asOf: new Date(BASE + 45 * DAY),
  timeZone: "Europe/Bucharest",
  period: { from: new Date(BASE + 7 * DAY), to: new Date(BASE + 42 * DAY) },
  compareTo: { from: new Date(BASE), to: new Date(BASE + 7 * DAY) },
  segments: ["type", "tag", "brand", ["channel", "priority"], "assignee", { name: "replies", key: (t) => t.replies }],
  leaderboard: { by: "csat", minSample: 1 },
};

/** The reference keys of a ticket per segmentation of `options`, as JSON arrays (one per segment; tags several). */
function keysOf(t: Ticket): string[][] {
  const one = (...values: unknown[]): string[] => [JSON.stringify(values.map((v) => groupKey(v as string | undefined)))];
  const tags = [...new Set((t.tags ?? []).map((x) => groupKey(x)))];
  return [
    one(t.type),
    (tags.length === 0 ? ["(none)"] : tags).map((x) => JSON.stringify([x])),
    one(t.brand),
    one(t.channel, t.priority),
    one(t.assignee),
    one(t.replies),
  ];
}

/** The response-key fallback of each segmentation (only assignee has one here). */
const responseKeyOf = (r: SurveyResponse): (string | undefined)[] => [
  undefined,
  undefined,
  undefined,
  undefined,
  JSON.stringify([groupKey(r.agent)]),
  undefined,
];

const tickets = fc.uniqueArray(ticket, { selector: (t) => t.id, maxLength: 40 });

/** Tickets, and responses each naming one of them, a missing ticket, or none. */
const linked = tickets.chain((ts) =>
  fc.array(fc.tuple(response, fc.nat(), fc.constantFrom("ticket", "ticket", "missing", "none")), { maxLength: 25 }).map((rs) => ({
    ts,
    rs: rs.map(([r, i, how]): SurveyResponse => {
      if (how === "none" || (how === "ticket" && ts.length === 0)) return r;
      return { ...r, ticketId: how === "ticket" ? (ts[i % ts.length] as Ticket).id : `missing-${String(i % 3)}` };
    }),
  })),
);

/** Whether a response is in the period (what the report's segments count). */
const inScope = (x: SurveyResponse): boolean => {
  const at = x.answeredAt.getTime();
  const p = options.period;
  return p !== undefined && at >= p.from.getTime() && at < p.to.getTime();
};

/** Whether a response is countable (the arbitraries make some off their scale). */
const countable = (x: SurveyResponse): boolean =>
  Number.isInteger(x.score) && x.score >= x.scale.min && x.score <= x.scale.max && (x.kind !== "nps" || (x.score >= 0 && x.score <= 10));

describe("report: responses joined by ticket id", () => {
  test.prop([linked], { numRuns: 60 })(
    "each response lands in exactly the segments the one rule names; the rest are counted",
    ({ ts, rs }) => {
      const r = report({ tickets: ts, responses: rs }, options);
      const byId = new Map(ts.map((t) => [t.id, t]));
      const placed = rs.filter((x) => countable(x) && inScope(x));
      const joined = placed.filter((x) => x.ticketId !== undefined && byId.has(x.ticketId));
      expect(r.input.responsesInScope).toBe(placed.length);
      expect(r.input.responsesJoined).toBe(joined.length);
      expect(r.input.responsesNotJoined).toBe(placed.length - joined.length);
      r.segments.forEach((seg, i) => {
        const expected = new Map<string, number>();
        let notJoined = 0;
        for (const x of placed) {
          const t = x.ticketId === undefined ? undefined : byId.get(x.ticketId);
          const keys = t !== undefined ? (keysOf(t)[i] as string[]) : [responseKeyOf(x)[i]].filter((k): k is string => k !== undefined);
          if (keys.length === 0) notJoined++;
          for (const k of keys) expected.set(k, (expected.get(k) ?? 0) + 1);
        }
        const actual = new Map<string, number>();
        for (const s of seg.segments) if ((s.survey?.responses ?? 0) > 0) actual.set(JSON.stringify(s.key), s.survey?.responses ?? 0);
        expect(actual, seg.dimensions.join("+")).toEqual(expected);
        expect(seg.responsesNotJoined).toBe(notJoined);
        expect(seg.surveySegmented).toBe(seg.dimensions[0] === "assignee" || joined.length > 0);
        if (!seg.overlapping) {
          const sum = seg.segments.reduce((n, s) => n + (s.survey?.responses ?? 0), 0);
          expect(sum + seg.responsesNotJoined).toBe(r.input.responsesInScope);
        }
      });
    },
  );

  test.prop([tickets.filter((ts) => ts.length > 0), response, fc.nat()], { numRuns: 60 })(
    "one response naming a ticket: survey figures in that ticket's segment(s) only, by every dimension",
    (ts, x, i) => {
      const t = ts[i % ts.length] as Ticket;
      const answered = { ...x, score: x.scale.min, answeredAt: new Date(BASE + 20 * DAY), ticketId: t.id };
      const r = report({ tickets: ts, responses: [answered] }, options);
      r.segments.forEach((seg, d) => {
        const withResponse = seg.segments.filter((s) => (s.survey?.responses ?? 0) > 0).map((s) => JSON.stringify(s.key));
        expect(withResponse.sort(), seg.dimensions.join("+")).toEqual([...(keysOf(t)[d] as string[])].sort());
      });
    },
  );

  test.prop([linked, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.nat()], { numRuns: 40 })(
    "parts, each ticket's responses in its part and first, serialised and merged, equal the whole",
    ({ ts, rs }, cuts, seed) => {
      const bounds = [...new Set([0, ...cuts.map((c) => c % (ts.length + 1)), ts.length])].sort((a, b) => a - b);
      const partOf = new Map<string, number>();
      ts.forEach((t, k) =>
        partOf.set(
          t.id,
          bounds.findIndex((b, j) => k >= b && k < (bounds[j + 1] ?? Infinity)),
        ),
      );
      // Responses without a ticket in the input are spread over one more part than the tickets'.
      const parts = bounds.length;
      const reader = reportAccumulator(options);
      let merged;
      for (let p = 0; p < parts; p++) {
        const acc = reportAccumulator(options);
        const s = acc.create();
        // Responses whose ticket is missing (or none) go to a part chosen by the seed.
        rs.forEach((x, k) => {
          const home = x.ticketId === undefined ? undefined : partOf.get(x.ticketId);
          if ((home ?? (seed + k) % parts) === p) acc.addResponse(s, x);
        });
        ts.forEach((t) => {
          if (partOf.get(t.id) === p) acc.add(s, t);
        });
        const back = reader.fromJSON(JSON.parse(JSON.stringify(acc.toJSON(s))));
        merged = merged === undefined ? back : reader.merge(merged, back);
      }
      expect(reader.result(merged as ReturnType<typeof reader.create>)).toEqual(report({ tickets: ts, responses: rs }, options));
    },
  );
});
