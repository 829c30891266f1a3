// Absent, not zero (issue 12, item 7): properties of the fields a reader says the input
// provides, and of the absent list built from them, over generated `generic` CSV and JSON
// inputs (docs/guide/cli.md, "generic") with any subset of the optional columns, some of
// them blank in every row.
import { Readable } from "node:stream";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { absentInputs, INPUT_NEEDS, type InputFile } from "../../src/cli/inputsNeeded.ts";
import { readTickets } from "../../src/io/index.ts";

/** Optional columns of the generic preset and a valid value of each. */
const OPTIONAL: readonly (readonly [column: string, field: string, value: string])[] = [
  ["channel", "channel", "email"],
  ["type", "type", "question"],
  ["assignee", "assignee", "Ana"],
  ["group", "group", "Tier 1"],
  ["assigned_at", "assignedAt", "2026-10-01T09:30:00Z"],
  ["first_response_at", "firstResponseAt", "2026-10-01T10:00:00Z"],
  ["solved_at", "solvedAt", "2026-10-01T12:00:00Z"],
  ["reopens", "reopens", "1"],
  ["replies", "replies", "2"],
  ["satisfaction", "satisfaction", "good"],
];

/** For each optional column: left out, present but blank in every row, or present with values. */
const layout = fc.array(fc.constantFrom("out", "blank", "filled"), { minLength: OPTIONAL.length, maxLength: OPTIONAL.length });

async function read(text: string, format: "csv" | "json"): Promise<{ fields: readonly string[]; blank: readonly string[] }> {
  const result = await readTickets(Readable.from([Buffer.from(text)]), { format });
  for await (const _ of result.records);
  return { fields: result.input.fields, blank: result.input.blankFields };
}

describe("the fields an input provides", () => {
  test.prop([layout, fc.integer({ min: 1, max: 4 })], { numRuns: 60 })(
    "CSV and JSON agree: a field is provided iff its column is there, blank iff no row has a value",
    async (kinds, rows) => {
      const kept = OPTIONAL.filter((_, i) => kinds[i] !== "out");
      const valueOf = (i: number): string =>
        kinds[OPTIONAL.indexOf(kept[i] as (typeof OPTIONAL)[number])] === "filled" ? (kept[i]?.[2] ?? "") : "";
      const header = ["id", "created_at", "status", ...kept.map(([column]) => column)];
      const records = Array.from({ length: rows }, (_, r) => [
        String(r + 1),
        "2026-10-01T09:00:00Z",
        "solved",
        ...kept.map((_, i) => valueOf(i)),
      ]);
      const csv = `${[header, ...records].map((row) => row.join(",")).join("\n")}\n`;
      // JSON: a blank column is a key written as null in every record.
      const json = JSON.stringify(records.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] === "" ? null : row[i]]))));
      const expected = kept.map(([, field]) => field);
      const expectedBlank = kept.filter((_, i) => valueOf(i) === "").map(([, field]) => field);
      for (const format of ["csv", "json"] as const) {
        const { fields, blank } = await read(format === "csv" ? csv : json, format);
        expect(fields.slice(3).sort()).toEqual([...expected].sort());
        expect([...blank].sort()).toEqual([...expectedBlank].sort());
      }
    },
  );

  test.prop([fc.subarray(OPTIONAL.map(([, field]) => field)), fc.boolean(), fc.boolean(), fc.boolean()])(
    "a figure is absent iff none of its fields and files is there; a blank field never makes it absent",
    (fields, messages, responses, events) => {
      const files: InputFile[] = [
        ...(messages ? ["messages" as const] : []),
        ...(responses ? ["responses" as const] : []),
        ...(events ? ["events" as const] : []),
      ];
      const absent = absentInputs({ fields: ["id", "createdAt", "status", ...fields], json: false, files, slaMetrics: [], dimensions: [] });
      for (const need of INPUT_NEEDS.filter((n) => n.sla === undefined)) {
        const given = need.fields.some((f) => fields.includes(f)) || need.files.some((f) => files.includes(f));
        expect([need.metric, absent.some((a) => a.metric === need.metric)]).toEqual([need.metric, !given]);
      }
      for (const a of absent) expect(a.message).toMatch(/^no .+ in this export/);
    },
  );
});
