/**
 * The report on the example export in examples/data (a helpdesk CSV export with messages,
 * survey responses and cohorts), read with the Node readers of src/io.
 */
import { describe, expect, test } from "vitest";
import { readCohorts, readSurveyResponses, readTickets } from "../../src/io/index.ts";
import type { Cohort, SurveyResponse, Ticket } from "../../src/models/index.ts";
import { report, reportAccumulator } from "../../src/report/index.ts";
import { openFile } from "../../src/io/node/index.ts";

const data = (file: string): string => new URL(`../../examples/data/${file}`, import.meta.url).pathname;

async function all<T>(records: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of records) out.push(r);
  return out;
}

describe("report on examples/data", () => {
  test("every ticket, response and cohort is accounted for, and the report is JSON", async () => {
    const tickets: Ticket[] = await all(
      (await readTickets(openFile(data("tickets.csv")), { messages: openFile(data("messages.csv")) })).records,
    );
    const responses: SurveyResponse[] = await all((await readSurveyResponses(openFile(data("responses.csv")))).records);
    const cohorts: Cohort[] = await all((await readCohorts(openFile(data("cohorts.csv")), { timeZone: "Europe/Bucharest" })).records);
    expect(tickets.length).toBeGreaterThan(300);
    expect(cohorts.length).toBe(10);
    const options = {
      asOf: new Date("2026-12-01T00:00:00Z"),
      timeZone: "Europe/Bucharest",
      period: { from: new Date("2026-09-30T21:00:00Z"), to: new Date("2026-10-31T22:00:00Z") },
      compareTo: { from: new Date("2026-08-31T21:00:00Z"), to: new Date("2026-09-30T21:00:00Z") },
      segments: ["channel", "assignee", ["channel", "type"]] as const,
      leaderboard: { by: "firstResponseMedian" as const, minSample: 5 },
      schedule: {
        timeZone: "Europe/Bucharest",
        weekly: {
          mon: [["09:00", "18:00"]],
          tue: [["09:00", "18:00"]],
          wed: [["09:00", "18:00"]],
          thu: [["09:00", "18:00"]],
          fri: [["09:00", "18:00"]],
        },
      } as const,
      slaPolicy: {
        targets: [
          { metric: "firstResponse" as const, within: { hours: 4 } },
          { metric: "resolution" as const, within: { hours: 48 } },
        ],
      },
    };
    const r = report({ tickets, responses, cohorts }, options);
    expect(r.input.tickets).toBe(tickets.length);
    expect(r.input.responses).toBe(responses.length);
    // Every ticket is in the period, in compareTo, or counted as outside.
    const outside = r.skipped.tickets?.outsidePeriod ?? 0;
    expect(r.tickets + (r.comparison?.previous.tickets ?? 0) + outside + (r.skipped.tickets?.invalidCreatedAt ?? 0)).toBe(tickets.length);
    expect(r.tickets).toBeGreaterThan(0);
    // Segments partition the scope.
    for (const seg of r.segments) expect(seg.segments.reduce((a, s) => a + s.tickets, 0)).toBe(r.tickets);
    expect(r.time.firstResponse.calendar).not.toBeNull();
    expect(r.time.firstResponse.business).not.toBeNull();
    expect(r.sla?.compliance).not.toBeNull();
    expect(r.leaderboard.rows.some((row) => row.rank === 1)).toBe(true);
    expect(r.customers?.rows).toHaveLength(cohorts.length);
    expect(r.volume?.buckets).toHaveLength(31);
    expect(r.volume?.totals.created).toBe(r.tickets);
    expect(r.peaks?.total).toBe(r.tickets);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    // Streaming: the same report from two halves folded separately, each response in its
    // ticket's half and added before the tickets (the rule for parts: docs/guide/report.md).
    const acc = reportAccumulator(options);
    const a = acc.create();
    const b = acc.create();
    const half = (i: number): typeof a => (i < tickets.length / 2 ? a : b);
    const partOf = new Map(tickets.map((t, i) => [t.id, half(i)]));
    responses.forEach((x, i) => acc.addResponse(partOf.get(x.ticketId ?? "") ?? (i % 2 === 0 ? a : b), x));
    tickets.forEach((t, i) => acc.add(half(i), t));
    expect(r.input.responsesJoined).toBeGreaterThan(0);
    const merged = acc.result(acc.merge(a, b), cohorts);
    expect(merged.leaderboard).toEqual(r.leaderboard);
    expect({ ...merged, parameters: null }).toEqual({ ...r, parameters: null });
  });
});
