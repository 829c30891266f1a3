// Survey answers and retention cohorts from their own files (examples/data, written by the
// project for the demo), with the model's checks applied by hand guards.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readCohorts, readSurveyResponses, InputFormatError } from "../../src/io/index.ts";
import type { Cohort, SurveyResponse } from "../../src/models/index.ts";
import { openFile } from "../../src/io/node/index.ts";

const example = (file: string): string => new URL(`../../examples/data/${file}`, import.meta.url).pathname;
const text = (s: string): Readable => Readable.from([Buffer.from(s)]);

describe("readSurveyResponses", () => {
  it("examples/data/responses.csv: every row used or rejected; the nps 11 row is rejected on score", async () => {
    const result = await readSurveyResponses(openFile(example("responses.csv")));
    const responses: SurveyResponse[] = [];
    for await (const r of result.records) responses.push(r);
    expect(result.stats).toEqual({
      read: 144,
      used: 143,
      rejected: 1,
      excluded: 0,
      excludedBy: {},
      blankLines: 0,
      invalidUtf8: 0,
      invalidUtf8ByColumn: {},
    });
    expect(result.rejects).toEqual([
      { record: 142, line: 143, column: "score", value: "11", reason: "must be within the scale, from scale.min to scale.max" },
    ]);
    expect(responses[0]).toEqual({
      kind: "ces",
      score: 6,
      scale: { min: 1, max: 7 },
      answeredAt: new Date("2026-10-01T05:36:26Z"),
      ticketId: "1001",
      customerId: "C0327",
      agent: "Ioana Marin",
      channel: "chat",
    });
  });

  it("applies the model's checks: scale order, nps scale and integers, and a scale for csat/ces", async () => {
    const result = await readSurveyResponses(
      text(
        "kind,score,scale_min,scale_max,answered_at\n" +
          "csat,3,5,1,2026-01-01T00:00:00Z\n" +
          "nps,7,1,10,2026-01-01T00:00:00Z\n" +
          "nps,7.5,,,2026-01-01T00:00:00Z\n" +
          "ces,3,,,2026-01-01T00:00:00Z\n" +
          "NPS,10,,,2026-01-01T00:00:00Z\n",
      ),
    );
    for await (const _ of result.records);
    expect(result.stats).toMatchObject({ read: 5, used: 1, rejected: 4 });
    expect(result.rejects.map((r) => [r.record, r.column, r.reason])).toEqual([
      [1, "scale_min", "must be less than scale.max"],
      [2, "scale_min", "must be { min: 0, max: 10 } for an nps survey"],
      [3, "score", "must be an integer for an nps survey"],
      [4, "scale_min", "is required"],
      [4, "scale_max", "is required"],
    ]);
  });
});

describe("readCohorts", () => {
  it("examples/data/cohorts.csv: blanks mark periods not yet observed", async () => {
    const result = await readCohorts(openFile(example("cohorts.csv")), { timeZone: "UTC" });
    const cohorts: Cohort[] = [];
    for await (const c of result.records) cohorts.push(c);
    expect(result.stats).toEqual({
      read: 10,
      used: 10,
      rejected: 0,
      excluded: 0,
      excludedBy: {},
      blankLines: 0,
      invalidUtf8: 0,
      invalidUtf8ByColumn: {},
    });
    expect(cohorts[0]).toEqual({
      label: "2026-01",
      start: new Date("2026-01-01T00:00:00Z"),
      size: 287,
      active: [229, 212, 197, 181, 168, 162, 148, 144, 134, 129],
      period: "month",
    });
    expect(cohorts.map((c) => c.active.length)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it("rejects a count after a blank and a count above size; reads the active_N columns in numeric order", async () => {
    const result = await readCohorts(
      text(
        "label,start,size,active_10,active_2,active_1\nA,2026-01-01T00:00:00Z,10,,5,6\nB,2026-02-01T00:00:00Z,10,3,,4\nC,2026-03-01T00:00:00Z,10,,,11\n",
      ),
    );
    const cohorts: Cohort[] = [];
    for await (const c of result.records) cohorts.push(c);
    expect(cohorts).toEqual([{ label: "A", start: new Date("2026-01-01T00:00:00Z"), size: 10, active: [6, 5] }]);
    expect(result.rejects.map((r) => [r.record, r.column, r.value, r.reason])).toEqual([
      [2, "active_10", "3", "must be blank when an earlier period is blank (blanks mark periods not yet observed)"],
      [3, "active_1", "11", "must be at most size"],
    ]);
  });

  it("reads JSON cohorts with an active array (null = not yet observed)", async () => {
    const result = await readCohorts(
      text(
        '[{"label":"A","start":"2026-01-01T00:00:00Z","size":5,"active":[4,3,null]},{"label":"B","start":"2026-01-01T00:00:00Z","size":5,"active":[null,3]}]',
      ),
      { format: "json" },
    );
    const cohorts: Cohort[] = [];
    for await (const c of result.records) cohorts.push(c);
    expect(cohorts.map((c) => c.active)).toEqual([[4, 3]]);
    expect(result.rejects[0]).toMatchObject({ record: 2, column: "active" });
  });

  it("a date-only start is naive local time: without timeZone the record is rejected", async () => {
    const result = await readCohorts(openFile(example("cohorts.csv")));
    for await (const _ of result.records);
    expect(result.stats.rejected).toBe(10);
    expect(result.rejects[0]).toMatchObject({ column: "start", value: "2026-01-01" });
  });

  it("throws E_INPUT_COLUMNS for a file without size", async () => {
    await expect(readCohorts(text("label,start\nA,2026-01-01T00:00:00Z\n"))).rejects.toBeInstanceOf(InputFormatError);
  });
});

describe("review findings", () => {
  it("refuses two columns that hold the same cohort period instead of silently overwriting one", async () => {
    const csv = "label,start,size,active_1,active1\nA,2026-01-01T00:00:00Z,10,8,7\n";
    await expect(readCohorts(Readable.from([csv]), { format: "csv" })).rejects.toThrow(/both hold period 1/);
  });
});
