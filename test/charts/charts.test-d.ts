// Type tests: every chart accepts the report (full and selected) and the metric results it
// names, with no cast; a spec is JSON (no Date, no undefined in its data).
import { describe, expectTypeOf, it } from "vitest";
import type {
  ChartDatum,
  ChartSpec,
  DurationChartReport,
  DurationChartRow,
  PeakHoursChartInput,
  RetentionChartInput,
  SlaChartSummary,
  SlaChartTally,
  SurveyChartReport,
  SurveyChartSummary,
  VolumeChartInput,
} from "../../src/charts/index.ts";
import type {
  DurationSummary,
  PeakHoursResult,
  RetentionMatrix,
  SlaComplianceResult,
  SlaSummary,
  SurveySummary,
  ValueSummary,
  VolumeByPeriodResult,
} from "../../src/index.ts";
import type { CustomersJson, PeaksJson, Report, SelectedReport, SlaJson, VolumeJson } from "../../src/report/index.ts";

describe("chart inputs", () => {
  it("volume: the report, its section, volumeByPeriod", () => {
    expectTypeOf<VolumeByPeriodResult>().toExtend<VolumeChartInput>();
    expectTypeOf<VolumeJson>().toExtend<VolumeChartInput>();
    expectTypeOf<Report>().toExtend<{ readonly volume: VolumeChartInput | null }>();
    expectTypeOf<SelectedReport>().toExtend<{ readonly volume: VolumeChartInput | null }>();
  });

  it("peaks: the report, its section, peakHours", () => {
    expectTypeOf<PeakHoursResult>().toExtend<PeakHoursChartInput>();
    expectTypeOf<PeaksJson>().toExtend<PeakHoursChartInput>();
    expectTypeOf<Report>().toExtend<{ readonly peaks: PeakHoursChartInput | null }>();
  });

  it("durations: the report, summarizeDurations and ValueSummary rows", () => {
    expectTypeOf<Report>().toExtend<DurationChartReport>();
    expectTypeOf<{ label: string; summary: DurationSummary | undefined }>().toExtend<DurationChartRow>();
    expectTypeOf<{ label: string; summary: ValueSummary | undefined }>().toExtend<DurationChartRow>();
  });

  it("SLA: slaCompliance, the accumulator's summary, the report's section", () => {
    expectTypeOf<SlaComplianceResult>().toExtend<SlaChartSummary>();
    expectTypeOf<SlaSummary>().toExtend<SlaChartSummary>();
    expectTypeOf<SlaJson>().toExtend<SlaChartSummary>();
    expectTypeOf<SlaJson["byMetric"]["resolution"]>().toExtend<SlaChartTally>();
  });

  it("retention: the report, its section, retentionMatrix", () => {
    expectTypeOf<RetentionMatrix>().toExtend<RetentionChartInput>();
    expectTypeOf<CustomersJson>().toExtend<RetentionChartInput>();
    expectTypeOf<Report>().toExtend<{ readonly customers: RetentionChartInput | null }>();
  });

  it("survey: the report, SurveySummary", () => {
    expectTypeOf<Report>().toExtend<SurveyChartReport>();
    expectTypeOf<SurveySummary>().toExtend<SurveyChartSummary>();
  });
});

describe("chart output", () => {
  it("data rows hold strings, numbers and null only", () => {
    expectTypeOf<ChartSpec["data"]["values"][number]>().toEqualTypeOf<ChartDatum>();
    expectTypeOf<ChartDatum[string]>().toEqualTypeOf<string | number | null>();
  });
});
