import { beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/errors.ts";
import { needsRealData, realDataPath } from "../_support/realData.ts";
import { cli } from "./_run.ts";

// The figures documented in docs/guide/staffing.md ("The Anonymous Bank, August 1999"), from
// `cx-metrics staffing real/anonymous_bank_callcenter_1999-08.csv --preset anonymous-bank`.
// Data: Technion SEE "Anonymous Bank" (Brown et al. 2005, JASA 100(469)); counts of the raw
// file in the data's real/README.md §2: 42,078 calls, AGENT 31,402, HANG 10,366, PHANTOM 310.
const FILE = "real/anonymous_bank_callcenter_1999-08.csv";

interface Interval {
  weekday: string;
  start: string;
  arrivals: number;
  agents: number;
  measured: { serviceLevel: number; abandonmentRate: number };
  observed: { agents: number; predictedServiceLevel: number; measuredServiceLevel: number };
}
interface Doc {
  input: Record<string, unknown>;
  staffing: {
    calls: Record<string, number>;
    observed: { intervals: number; offered: number; measuredServiceLevel: number; predictedServiceLevel: number };
    intervals: Interval[];
    peakAgents: number;
    patience: number;
    averageHandleTime: number;
    days: number;
  };
}

describe("cx-metrics staffing on the Anonymous Bank call log (real data, documented figures)", needsRealData(FILE), () => {
  let erlangC: Doc;
  let erlangA: Doc;
  const at = (doc: Doc, weekday: string, start: string): Interval =>
    doc.staffing.intervals.find((i) => i.weekday === weekday && i.start === start) as Interval;

  beforeAll(async () => {
    const run = async (model: string): Promise<Doc> => {
      const r = await cli(["staffing", realDataPath(FILE), "--preset", "anonymous-bank", "--model", model, "--format", "json", "--quiet"]);
      expect(r.code).toBe(EXIT.OK);
      return JSON.parse(r.stdout) as Doc;
    };
    erlangC = await run("erlang-c");
    erlangA = await run("erlang-a");
  }, 60_000);

  it("accounts for every row: 41,456 calls used, 312 rejected (126 HANG rows with service times, 186 served more than 2 s before queue exit), 310 PHANTOM excluded", () => {
    expect(erlangC.input).toMatchObject({
      read: 42_078,
      used: 41_456,
      rejected: 312,
      excluded: 310,
      excludedBy: { phantom: 310 },
      timeZone: "Asia/Jerusalem",
    });
    const c = erlangC.staffing.calls;
    // AGENT 31,402 − 186 rejected; HANG 10,366 − 126 rejected = 7,183 in the queue + 3,057 in the voice menu.
    expect(c).toMatchObject({ calls: 41_456, served: 31_216, abandoned: 7_183, abandonedBeforeQueue: 3_057, offered: 38_399 });
    // 26,011 queued in the file, of which 310 PHANTOM and 255 rejected.
    expect(c["queued"]).toBe(25_446);
    // Service start 1 s (21,561 calls) or 2 s (2,751) before the queue exit / arrival: tolerated.
    expect(c["skewed"]).toBe(24_312);
    expect(c["agents"]).toBe(31);
  });

  it("measures ASA 73.8 s, abandonment 18.7 %, service level within 20 s 41.1 % of offered and 11.1 % of queued calls, AHT 184.0 s, patience 409.5 s", () => {
    const c = erlangC.staffing.calls;
    expect(c["averageSpeedOfAnswer"]).toBeCloseTo(73.786, 3);
    expect(c["abandonmentRate"]).toBeCloseTo(0.187062, 6);
    expect(c["serviceLevel"]).toBeCloseTo(0.410844, 6);
    expect(c["queuedServiceLevel"]).toBeCloseTo(0.110941, 6);
    expect(erlangC.staffing.averageHandleTime).toBeCloseTo(184.049, 3);
    expect(erlangC.staffing.patience).toBeCloseTo(409.51, 2);
    expect(erlangC.staffing.days).toBe(31);
  });

  it("at the agents seen, Erlang C predicts 54.8 % and Erlang A 66.1 % where 41.1 % was measured (878 half hours)", () => {
    expect(erlangC.staffing.observed).toMatchObject({ intervals: 878, offered: 38_356 });
    expect(erlangC.staffing.observed.measuredServiceLevel).toBeCloseTo(0.4113, 4);
    expect(erlangC.staffing.observed.predictedServiceLevel).toBeCloseTo(0.5484, 4);
    expect(erlangA.staffing.observed.predictedServiceLevel).toBeCloseTo(0.6612, 4);
  });

  it("Monday, per half hour: agents needed for 80 % in 20 s and predicted against measured", () => {
    const rows: [string, number, number, number, number][] = [
      // start, arrivals, Erlang C agents, Erlang A agents, measured SL
      ["07:00", 18.2, 4, 4, 0.659],
      ["09:30", 66.6, 11, 11, 0.369],
      ["10:00", 75.8, 13, 12, 0.38],
      ["11:00", 71.6, 10, 9, 0.243],
      ["22:30", 42, 7, 7, 0.243],
    ];
    for (const [start, arrivals, c, a, measured] of rows) {
      const row = at(erlangC, "mon", start);
      expect(row.arrivals).toBeCloseTo(arrivals, 6);
      expect(row.agents).toBe(c);
      expect(at(erlangA, "mon", start).agents).toBe(a);
      expect(row.measured.serviceLevel).toBeCloseTo(measured, 3);
    }
    const ten = at(erlangC, "mon", "10:00");
    expect(ten.observed.agents).toBe(10);
    expect(ten.observed.predictedServiceLevel).toBeCloseTo(0.323, 3);
    expect(at(erlangA, "mon", "10:00").observed.predictedServiceLevel).toBeCloseTo(0.476, 3);
    expect(erlangC.staffing.peakAgents).toBe(13);
  });
});
