// Type tests: toRows' overloads give each table's own row type; every row type is a plain
// Record of strings, numbers, booleans and null; REPORT_TABLE_COLUMNS lists every key of each.
import { describe, expectTypeOf, it } from "vitest";
import {
  REPORT_TABLE_COLUMNS,
  toRows,
  type BucketRow,
  type CohortRow,
  type HeatmapRow,
  type Report,
  type ReportTable,
  type ReportTableRows,
  type ResponderRow,
  type SegmentRow,
  type SelectedReport,
} from "../../src/index.ts";

declare const full: Report;
declare const selected: SelectedReport;
declare const table: ReportTable;

type Plain = Record<string, string | number | boolean | null>;
/** The keys of T that REPORT_TABLE_COLUMNS leaves out (never when it lists them all). */
type Missing<T extends ReportTable> = Exclude<keyof ReportTableRows[T], (typeof REPORT_TABLE_COLUMNS)[T][number]>;

describe("toRows: types", () => {
  it("one overload per table", () => {
    expectTypeOf(toRows(full, "segments")).toEqualTypeOf<SegmentRow[]>();
    expectTypeOf(toRows(selected, "buckets")).toEqualTypeOf<BucketRow[]>();
    expectTypeOf(toRows(full, "heatmap")).toEqualTypeOf<HeatmapRow[]>();
    expectTypeOf(toRows(selected, "cohorts")).toEqualTypeOf<CohortRow[]>();
    expectTypeOf(toRows(full, "responders")).toEqualTypeOf<ResponderRow[]>();
    expectTypeOf(toRows(full, table)).toEqualTypeOf<(SegmentRow | BucketRow | HeatmapRow | CohortRow | ResponderRow)[]>();
    // @ts-expect-error: not a table
    toRows(full, "tickets");
  });

  it("rows are plain records, ready for a data frame", () => {
    expectTypeOf<SegmentRow>().toExtend<Plain>();
    expectTypeOf<BucketRow>().toExtend<Plain>();
    expectTypeOf<HeatmapRow>().toExtend<Plain>();
    expectTypeOf<CohortRow>().toExtend<Plain>();
  });

  it("REPORT_TABLE_COLUMNS lists every column of every table", () => {
    expectTypeOf<Missing<"segments">>().toBeNever();
    expectTypeOf<Missing<"buckets">>().toBeNever();
    expectTypeOf<Missing<"heatmap">>().toBeNever();
    expectTypeOf<Missing<"cohorts">>().toBeNever();
  });
});
