/**
 * The survival summaries (Kaplan–Meier, open tickets censored at `asOf`) as blocks for the
 * table, Markdown and HTML formats, shown beside the plain response and resolution times:
 * "Resolution (open counted, Kaplan–Meier): median 17h 5m (95% CI 15h 21m to 19h 35m), 52 open
 * censored". Rounding happens here only.
 *
 * @internal
 * @module
 */
import type { MetricSetJson, SurvivalEstimateJson } from "../report/types.ts";
import type { CliDocument } from "./document.ts";
import { formatValue } from "./format.ts";
import { levelText } from "./intervals.ts";
import type { Block, Fact } from "./render/blocks.ts";
import type { AbsentInput } from "./inputsNeeded.ts";
import { isAbsentIn } from "./sectionsAbsent.ts";

const SURVIVALS = [
  ["firstResponseSurvival", "First response (unanswered counted, Kaplan–Meier)", "unanswered"],
  ["resolutionSurvival", "Resolution (open counted, Kaplan–Meier)", "open"],
] as const;

const duration = (ms: number | null): string => (ms === null ? "not reached" : formatValue(ms, "duration"));

/** `17h 5m (95% CI 15h 21m to 19h 35m)`; a bound the band does not reach reads "not reached". */
function quantileText(q: SurvivalEstimateJson["median"], level: number): string {
  if (q.value === null && q.lower === null && q.upper === null) return "not reached";
  return `${duration(q.value)} (${levelText(level)} CI ${duration(q.lower)} to ${duration(q.upper)})`;
}

/** The median with its interval, then the percentiles and the restricted mean. */
function estimateFact(label: string, e: SurvivalEstimateJson | null, waiting: string, counts: string): Fact {
  if (e === null) return { label, value: null, note: "(no ticket counted)" };
  const percentiles = e.percentiles.map((q) => `p${String(Math.round(q.p * 1000) / 10)} ${duration(q.value)}`);
  const mean = `restricted mean ${formatValue(e.restrictedMean.value, "duration")} (up to ${formatValue(e.restrictedMean.horizon, "duration")})`;
  return {
    label,
    value: `median ${quantileText(e.median, e.confidenceLevel)}, ${waiting}`,
    note: `(${[counts, ...percentiles, mean].join("; ")})`,
  };
}

/** The survival lines of one metric set (the period's, or a segment's). */
export function survivalFacts(set: MetricSetJson, businessHours: boolean, absent: readonly AbsentInput[]): Fact[] {
  const facts: Fact[] = [];
  for (const [key, label, what] of SURVIVALS) {
    const s = set.time[key] as MetricSetJson["time"][typeof key] | null;
    if (s === null || isAbsentIn(absent, key)) continue;
    const waiting = `${String(s.censored)} ${what} censored`;
    const counts = `${String(s.observed)} of ${String(s.counted)} tickets done by as-of`;
    facts.push(estimateFact(label, s.calendar, waiting, counts));
    if (businessHours) facts.push(estimateFact(`${label}, business hours`, s.business, waiting, counts));
  }
  return facts;
}

/** The survival block of the document: after the plain times, which drop the tickets still waiting. */
export function survivalBlocks(doc: CliDocument): Block[] {
  const facts = survivalFacts(doc.report, doc.report.parameters.businessHours, doc.absent);
  if (facts.length === 0) return [];
  return [
    { type: "facts", facts },
    {
      type: "note",
      text:
        "The times above average only the tickets answered or solved; these count the tickets still waiting at as-of as censored there " +
        "(Kaplan–Meier, Greenwood log intervals; a quantile is not reached while too many tickets still wait).",
    },
  ];
}
