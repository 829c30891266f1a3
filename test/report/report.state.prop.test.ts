/**
 * The report's state serialises: tickets and responses split at random into k parts, each part
 * folded, serialised (JSON.stringify), read back by another accumulator of the same options and
 * merged, give the report of the whole, deep-equal, for every section (scope, segments,
 * comparison, volume, peaks, types). A state of other options is refused.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { reportAccumulator, type ReportOptions } from "../../src/report/index.ts";
import type { SurveyResponse, Ticket } from "../../src/models/index.ts";
import { BASE, response, ticket } from "./arbitraries.ts";
import { errorCodeOf } from "../_support/errors.ts";

const DAY = 86_400_000;
const options: ReportOptions = {
  asOf: new Date(BASE + 45 * DAY),
  timeZone: "Europe/Bucharest",
  period: { from: new Date(BASE + 14 * DAY), to: new Date(BASE + 42 * DAY) },
  compareTo: { from: new Date(BASE), to: new Date(BASE + 14 * DAY) },
  segments: ["channel", ["type", "priority"], "tag"],
  schedule: { timeZone: "Europe/Bucharest", weekly: { mon: [["09:00", "17:00"]], wed: [["09:00", "17:00"]], fri: [["10:00", "18:00"]] } },
  slaPolicy: {
    name: "S",
    targets: [
      { metric: "firstResponse", within: { hours: 4 } },
      { metric: "resolution", within: { hours: 48 } },
    ],
  },
  percentiles: [0.5, 0.9],
};

function partsReport(ts: readonly Ticket[], rs: readonly SurveyResponse[], cuts: readonly number[]) {
  const bounds = [...new Set([0, ...cuts.map((c) => Math.min(ts.length, c)), ts.length])].sort((a, b) => a - b);
  let merged;
  const reader = reportAccumulator(options);
  for (let i = 0; i + 1 < bounds.length || i === 0; i++) {
    const acc = reportAccumulator(options);
    const s = acc.create();
    for (const t of ts.slice(bounds[i] ?? 0, bounds[i + 1] ?? ts.length)) acc.add(s, t);
    if (i === 0) for (const r of rs) acc.addResponse(s, r);
    const back = reader.fromJSON(JSON.parse(JSON.stringify(acc.toJSON(s))));
    merged = merged === undefined ? back : reader.merge(merged, back);
    if (bounds.length <= 2) break;
  }
  return reader.result(merged as ReturnType<typeof reader.create>);
}

describe("reportAccumulator state JSON", () => {
  test.prop([fc.array(ticket, { maxLength: 60 }), fc.array(response, { maxLength: 20 }), fc.array(fc.nat({ max: 60 }), { maxLength: 4 })], {
    numRuns: 40,
  })("parts serialised, read back and merged equal the whole", (ts, rs, cuts) => {
    const acc = reportAccumulator(options);
    const whole = acc.create();
    for (const t of ts) acc.add(whole, t);
    for (const r of rs) acc.addResponse(whole, r);
    expect(partsReport(ts, rs, cuts)).toEqual(acc.result(whole));
  });

  it("refuses a state of other options, and a malformed one", () => {
    const a = reportAccumulator(options);
    const json = a.toJSON(a.create());
    const b = reportAccumulator({ ...options, percentiles: [0.95] });
    expect(errorCodeOf(() => b.fromJSON(json))).toBe("E_STATE_FORMAT");
    expect(errorCodeOf(() => a.fromJSON({ ...json, main: { tickets: -1, metrics: {} } }))).toBe("E_STATE_FORMAT");
    expect(errorCodeOf(() => a.fromJSON({ ...json, volume: null }))).toBe("E_STATE_FORMAT");
    expect(errorCodeOf(() => a.fromJSON({ ...json, segments: [] }))).toBe("E_STATE_FORMAT");
  });
});
