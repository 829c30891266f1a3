/**
 * Issue 12: "Survey figures appear in every segment, whether they come from ticket ratings or
 * from a survey file joined by ticket id." Known answers on test/fixtures/cli/join (six
 * tickets, eleven answers), worked out by hand in that folder's README.md; the files are read
 * with the Node readers of src/io. CSAT on 1–5 counts 4 and 5 as satisfied and NPS groups 9–10
 * / 7–8 / 0–6, as "8 valori ale serviciului clienți pe care fiecare companie trebuie să le
 * urmărească în 2022" and Reichheld's definition (docs/guide/definitions.md).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readSurveyResponses, readTickets } from "../../src/io/index.ts";
import type { SurveyResponse, Ticket } from "../../src/models/index.ts";
import { report, reportAccumulator, type Report, type ReportOptions, type SegmentationJson } from "../../src/report/index.ts";
import { codeOf } from "../_support/errors.ts";
import { openFile } from "../../src/io/node/index.ts";

const file = (name: string): string => new URL(`../fixtures/cli/join/${name}`, import.meta.url).pathname;

async function all<T>(records: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of records) out.push(r);
  return out;
}

const options: ReportOptions = {
  asOf: new Date("2026-10-03T00:00:00Z"),
  timeZone: "UTC",
  segments: ["type", "assignee", "brand", "tag", { name: "first", key: (t) => t.id === "101" }],
  leaderboard: { by: "csat", minSample: 1 },
};

let tickets: Ticket[] = [];
let responses: SurveyResponse[] = [];
let r: Report;

beforeAll(async () => {
  tickets = await all((await readTickets(openFile(file("tickets.csv")))).records);
  responses = await all((await readSurveyResponses(openFile(file("responses.csv")))).records);
  r = report({ tickets, responses }, options);
});

/** `key → [tickets, CSAT, NPS, survey responses]` of a segmentation. */
function figures(seg: SegmentationJson | undefined): Record<string, [number, number | null, number | null, number]> {
  const out: Record<string, [number, number | null, number | null, number]> = {};
  for (const s of seg?.segments ?? [])
    out[s.key.join("|")] = [s.tickets, s.survey?.csat?.score ?? null, s.survey?.nps?.score ?? null, s.survey?.responses ?? 0];
  return out;
}

describe("responses joined to their tickets by ticket id: known answers", () => {
  it("reads the fixture whole", () => {
    expect(tickets).toHaveLength(6);
    expect(responses).toHaveLength(11);
    expect(responses.filter((x) => x.ticketId === undefined)).toHaveLength(1);
  });

  it("input: 9 joined, 2 not (no ticket id; ticket 999 not in the file)", () => {
    expect(r.input).toMatchObject({ responses: 11, responsesInScope: 11, responsesJoined: 9, responsesNotJoined: 2 });
  });

  it("per type: CSAT, NPS and CES of the answers to each type's tickets", () => {
    const byType = r.segments[0];
    expect(byType?.surveySegmented).toBe(true);
    expect(byType?.responsesNotJoined).toBe(2);
    expect(figures(byType)).toEqual({
      question: [3, 2 / 3, 100, 4],
      billing: [2, 0, 0, 4],
      incident: [1, null, 0, 1],
    });
    const billing = byType?.segments.find((s) => s.key[0] === "billing");
    expect(billing?.survey?.ces).toEqual([expect.objectContaining({ scale: { min: 1, max: 7 }, count: 1, mean: 3 })]);
    expect(billing?.survey?.csatSource).toBe("responses");
    expect(byType?.segments.find((s) => s.key[0] === "incident")?.survey?.csatSource).toBeNull();
  });

  it("per assignee: the ticket's assignee wins over the answer's agent; the unjoined fall back on their agent", () => {
    const byAgent = r.segments[1];
    expect(byAgent?.responsesNotJoined).toBe(0);
    expect(figures(byAgent)).toEqual({
      Ana: [3, 2 / 3, 0, 5],
      Bob: [2, 1 / 2, 100, 4],
      Cy: [1, 1, 0, 2],
    });
    // The leaderboard reads the same per-agent segments.
    expect(r.leaderboard.rows.map((row) => [row.agent, row.csat])).toEqual([
      ["Cy", 1],
      ["Ana", 2 / 3],
      ["Bob", 1 / 2],
    ]);
  });

  it("per brand, per tag and per custom key: every dimension is the ticket's", () => {
    expect(figures(r.segments[2])).toEqual({
      acme: [3, 1 / 2, 50, 4],
      zeta: [2, 0, 0, 4],
      "(none)": [1, 1, null, 1],
    });
    // Untagged: CSAT 2, 4, 1 → 1/3; NPS 6, 9, 8 → (1 − 1) / 3 = 0.
    expect(figures(r.segments[3])).toEqual({ "(none)": [5, 1 / 3, 0, 7], vip: [1, 1, 100, 2] });
    expect(figures(r.segments[4])).toEqual({ false: [5, 1 / 3, 0, 7], true: [1, 1, 100, 2] });
  });

  it("the same report from the accumulator with the responses added first, in any order of tickets", () => {
    const acc = reportAccumulator(options);
    const s = acc.create();
    for (const x of [...responses].reverse()) acc.addResponse(s, x);
    for (const t of [...tickets].reverse()) acc.add(s, t);
    expect(acc.result(s)).toEqual(r);
  });

  it("a response added after its ticket is not joined: it falls back, or is counted (the documented order)", () => {
    const acc = reportAccumulator(options);
    const s = acc.create();
    for (const t of tickets) acc.add(s, t);
    for (const x of responses) acc.addResponse(s, x);
    const late = acc.result(s);
    expect(late.input).toMatchObject({ responsesJoined: 0, responsesNotJoined: 11 });
    expect(late.segments[0]?.surveySegmented).toBe(false);
    expect(late.segments[0]?.responsesNotJoined).toBe(11);
    expect(late.segments[0]?.segments.every((seg) => seg.survey === null)).toBe(true);
    // By assignee every answer goes by its own agent: Zed gets a segment of 0 tickets.
    expect(figures(late.segments[1]).Zed).toEqual([0, 0, null, 1]);
  });

  it("result does not change the state: waiting responses are placed in copies", () => {
    const acc = reportAccumulator(options);
    const s = acc.create();
    for (const x of responses) acc.addResponse(s, x);
    const before = JSON.stringify(acc.toJSON(s));
    const early = acc.result(s);
    // No ticket yet: all 10 answers with a ticket id wait; by assignee they are placed by agent.
    expect(early.input).toMatchObject({ responsesJoined: 0, responsesNotJoined: 11 });
    expect(early.segments[1]?.segments.reduce((n, seg) => n + (seg.survey?.responses ?? 0), 0)).toBe(11);
    expect(JSON.stringify(acc.toJSON(s))).toBe(before);
    for (const t of tickets) acc.add(s, t);
    expect(acc.result(s)).toEqual(r);
  });
});

describe("the join's state", () => {
  it("serialises the waiting responses (format 4) and reads them back", () => {
    const acc = reportAccumulator(options);
    const s = acc.create();
    for (const x of responses) acc.addResponse(s, x);
    const json = JSON.parse(JSON.stringify(acc.toJSON(s))) as Record<string, unknown>;
    expect(json.v).toBe(4);
    expect((json.join as { pending: unknown[] }).pending).toHaveLength(10);
    const back = acc.fromJSON(json);
    for (const t of tickets) acc.add(back, t);
    expect(acc.result(back)).toEqual(r);
  });

  it("refuses states of earlier formats (1, 2: no survival metrics; 3: no issue 17 metrics) naming the version, and a malformed join", () => {
    const acc = reportAccumulator(options);
    const s = acc.create();
    for (const t of tickets) acc.add(s, t);
    const json = acc.toJSON(s) as Record<string, unknown>;
    const v1: Record<string, unknown> = { ...json, v: 1 };
    delete v1.join;
    expect(codeOf(() => acc.fromJSON(v1))).toMatch(
      /^E_STATE_FORMAT reportAccumulator.fromJSON: v must be 4 .*got 1, a state of an earlier version/,
    );
    expect(codeOf(() => acc.fromJSON({ ...json, v: 2 }))).toMatch(/got 2, a state of an earlier version without the metrics added since/);
    expect(codeOf(() => acc.fromJSON({ ...json, v: 3 }))).toMatch(/got 3, a state of an earlier version without the metrics added since/);
    expect(codeOf(() => acc.fromJSON({ ...json, v: 5 }))).toMatch(/^E_STATE_FORMAT report.fromJSON: v must be 4/);
    expect(acc.result(acc.fromJSON(json)).tickets).toBe(6);
    expect(codeOf(() => acc.fromJSON({ ...json, join: null }))).toMatch(/^E_STATE_FORMAT .*join must be an object/);
    const bad = { joined: 0, unlinked: 0, pending: [{ kind: "nps", score: 11, scale: { min: 0, max: 10 }, answeredAt: 0, ticketId: "1" }] };
    expect(codeOf(() => acc.fromJSON({ ...json, join: bad }))).toMatch(
      /^E_STATE_FORMAT .*join\.pending\[0\] is not a countable response \(scoreOutOfScale\)/,
    );
    const noId = { ...bad, pending: [{ kind: "nps", score: 9, scale: { min: 0, max: 10 }, answeredAt: 0, ticketId: "" }] };
    expect(codeOf(() => acc.fromJSON({ ...json, join: noId }))).toMatch(/ticketId must be a non-empty string/);
  });
});
