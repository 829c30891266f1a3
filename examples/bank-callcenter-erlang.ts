/**
 * Erlang C (and Erlang A) against a real call centre: the "Anonymous Bank" of the Technion
 * SEE Center, August 1999 (Brown et al. 2005, JASA 100(469)). For every half hour it measures
 * arrivals, mean handle time, the share answered within 20 s and the agents who worked, asks
 * Erlang C (and Erlang A, with the month's patience) what that many agents should achieve, and
 * prints how far apart prediction and reality are.
 *
 * Run: npx tsx examples/bank-callcenter-erlang.ts
 *
 * The data file is real/anonymous_bank_callcenter_1999-08.csv in the directory named by
 * CX_REAL_DATA (default: the shared data folder beside the repository, see examples/_realData.ts). Without it the example says so
 * and exits 0.
 *
 * Definitions used here (see docs/guide/staffing.md):
 * - A call is *offered to agents* if it was served (outcome AGENT) or hung up while queueing
 *   (HANG with a q_start); HANG calls that never queued left in the voice menu (VRU) and
 *   PHANTOM calls are ignored. Its arrival time is vru_exit (when it asked for an agent).
 * - Measured service level = offered calls answered within 20 s (q_time ≤ 20; served calls
 *   that never queued waited 0 s) / all offered calls. Abandoned calls count as not answered,
 *   which is what Erlang A's service level means; Erlang C has no abandonment.
 * - Handle time = mean ser_time of the served calls arriving in the half hour (the 19 rows
 *   with negative times in the source are skipped).
 * - Agents = distinct `server` names among the calls served in the half hour. This counts an
 *   agent who took one call as a full agent, so it overstates the staffing Erlang sees.
 * - The date column says 2010 but the data are August 1999 (see the data README); times are
 *   local times in Israel.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { erlangA, erlangC } from "../src/index.ts";
import { realDataDir, realDataSource } from "./_realData.ts";

const FILE = join(realDataDir(), "real/anonymous_bank_callcenter_1999-08.csv");
if (!existsSync(FILE)) {
  console.log(`skipped: ${FILE} not found (from ${realDataSource()}; set CX_REAL_DATA to the directory holding real/)`);
  process.exit(0);
}
const HALF_HOUR = 1800;
const TARGET = 20;

type Row = Record<string, string>;

function seconds(hms: string): number {
  const [h, m, s] = hms.split(":").map(Number) as [number, number, number];
  return h * 3600 + m * 60 + s;
}

interface Slot {
  day: number; // day of August 1999
  slot: number; // half hour of the day, 0–47
  offered: number;
  answeredInTime: number;
  abandoned: number;
  serviceSeconds: number;
  served: number;
  servers: Set<string>;
}

const text = readFileSync(FILE, "utf8");
const rows = Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;

const slots = new Map<string, Slot>();
let queuedSeconds = 0;
let queuedAbandons = 0;
let skippedNegative = 0;
for (const row of rows) {
  const outcome = row["outcome"];
  const queued = row["q_start"] !== "0:00:00";
  if (outcome === "PHANTOM" || (outcome === "HANG" && !queued)) continue;
  const qTime = Number(row["q_time"]);
  const serTime = Number(row["ser_time"]);
  if (qTime < 0 || serTime < 0) {
    skippedNegative++;
    continue;
  }
  const day = Number((row["date"] ?? "").slice(8, 10));
  const arrival = seconds(row["vru_exit"] ?? "0:00:00");
  const slot = Math.floor(arrival / HALF_HOUR);
  const key = `${String(day)}-${String(slot)}`;
  let s = slots.get(key);
  if (s === undefined) {
    s = { day, slot, offered: 0, answeredInTime: 0, abandoned: 0, serviceSeconds: 0, served: 0, servers: new Set() };
    slots.set(key, s);
  }
  s.offered++;
  if (queued) queuedSeconds += qTime;
  if (outcome === "AGENT") {
    s.served++;
    s.serviceSeconds += serTime;
    s.servers.add(row["server"] ?? "");
    if (!queued || qTime <= TARGET) s.answeredInTime++;
  } else {
    s.abandoned++;
    queuedAbandons++;
  }
}

// Exponential patience, maximum likelihood: abandonments / total time spent queueing.
const patience = queuedSeconds / queuedAbandons;

interface Compared {
  label: string;
  arrivals: number;
  aht: number;
  agents: number;
  intensity: number;
  measured: number;
  erlangC: number;
  erlangA: number;
  abandonMeasured: number;
  abandonErlangA: number;
  /** Served work / (agents × 30 min): how busy the counted agents really were. */
  occupancyMeasured: number;
}

const compared: Compared[] = [];
for (const s of slots.values()) {
  if (s.served === 0) continue;
  const aht = s.serviceSeconds / s.served;
  const agents = s.servers.size;
  const traffic = { arrivals: s.offered, averageHandleTime: aht, intervalLength: HALF_HOUR, targetAnswerTime: TARGET };
  const c = erlangC(agents, traffic);
  const a = erlangA(agents, { ...traffic, patience });
  const hh = String(Math.floor(s.slot / 2)).padStart(2, "0");
  const mm = s.slot % 2 === 0 ? "00" : "30";
  compared.push({
    label: `1999-08-${String(s.day).padStart(2, "0")} ${hh}:${mm}`,
    arrivals: s.offered,
    aht,
    agents,
    intensity: c.trafficIntensity,
    measured: s.answeredInTime / s.offered,
    erlangC: c.serviceLevel,
    erlangA: a.serviceLevel,
    abandonMeasured: s.abandoned / s.offered,
    abandonErlangA: a.probabilityOfAbandonment,
    occupancyMeasured: s.serviceSeconds / (agents * HALF_HOUR),
  });
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`.padStart(7);
const busy = [...compared].sort((x, y) => y.arrivals - x.arrivals).slice(0, 10);
console.log(`Anonymous Bank, August 1999: ${String(rows.length)} rows, ${String(compared.length)} half hours with served calls`);
console.log(
  `mean patience (abandonments / queueing time): ${patience.toFixed(0)} s; rows skipped for negative times: ${String(skippedNegative)}\n`,
);
console.log("half hour          calls  AHT s  agents     A   measured SL  Erlang C  Erlang A   abandoned  Erlang A ab.");
for (const r of busy) {
  console.log(
    `${r.label}  ${String(r.arrivals).padStart(5)}  ${r.aht.toFixed(0).padStart(5)}  ${String(r.agents).padStart(6)}  ${r.intensity.toFixed(1).padStart(5)}  ${pct(r.measured).padStart(11)}  ${pct(r.erlangC).padStart(8)}  ${pct(r.erlangA).padStart(8)}  ${pct(r.abandonMeasured).padStart(10)}  ${pct(r.abandonErlangA).padStart(12)}`,
  );
}

function summary(name: string, selected: readonly Compared[]): void {
  const mae = (f: (r: Compared) => number): number => selected.reduce((sum, r) => sum + Math.abs(f(r) - r.measured), 0) / selected.length;
  const bias = (f: (r: Compared) => number): number => selected.reduce((sum, r) => sum + (f(r) - r.measured), 0) / selected.length;
  const unstable = selected.filter((r) => r.agents <= r.intensity).length;
  const mean = (f: (r: Compared) => number): number => selected.reduce((sum, r) => sum + f(r), 0) / selected.length;
  console.log(`${name}: ${String(selected.length)} half hours, agents ≤ A in ${String(unstable)}`);
  console.log(`  mean absolute error of SL:  Erlang C ${pct(mae((r) => r.erlangC))}   Erlang A ${pct(mae((r) => r.erlangA))}`);
  console.log(`  mean predicted − measured:  Erlang C ${pct(bias((r) => r.erlangC))}   Erlang A ${pct(bias((r) => r.erlangA))}`);
  console.log(
    `  mean measured SL ${pct(mean((r) => r.measured))}, abandoned ${pct(mean((r) => r.abandonMeasured))} (Erlang A ${pct(mean((r) => r.abandonErlangA))}), occupancy of the counted agents ${pct(mean((r) => r.occupancyMeasured))}`,
  );
}
console.log("");
summary("all", compared);
summary(
  "≥ 30 calls",
  compared.filter((r) => r.arrivals >= 30),
);
summary("busiest 10", busy);
