/**
 * The KPI report of the example export in examples/data/, computed with the library's
 * functions one by one: `npx tsx examples/metrics-one-by-one.ts`. (`npm run demo` runs the
 * `cx-metrics report` command on the same files; this script shows how to call each metric.)
 */
import {
  backlog,
  ces,
  cesEasyShare,
  channelMix,
  churnRate,
  csat,
  firstResponseTimes,
  npsBreakdown,
  oneTouchResolution,
  resolutionRate,
  resolutionTimes,
  responseTimes,
  retentionMatrix,
  retentionRate,
  slaCompliance,
  summarizeDurations,
  ticketsByStatus,
  DEFAULT_FIRST_RESPONSE_TARGETS,
  type Schedule,
  type SlaPolicy,
  type SurveyResponse,
  type Ticket,
} from "../src/index.ts";
import { readCohorts, readSurveyResponses, readTickets } from "../src/io/index.ts";
import { openFile } from "../src/io/node/index.ts";

const data = (name: string): string => new URL(`data/${name}`, import.meta.url).pathname;
const timeZone = "Europe/Bucharest";

const ticketsRead = await readTickets(openFile(data("tickets.csv")), { messages: openFile(data("messages.csv")), timeZone });
const tickets: Ticket[] = [];
for await (const t of ticketsRead.records) tickets.push(t);
const responsesRead = await readSurveyResponses(openFile(data("responses.csv")), { timeZone });
const responses: SurveyResponse[] = [];
for await (const r of responsesRead.records) responses.push(r);
const cohortsRead = await readCohorts(openFile(data("cohorts.csv")), { timeZone });
const cohorts = [];
for await (const c of cohortsRead.records) cohorts.push(c);

const asOf = new Date("2026-11-20T00:00:00+02:00");
const pct = (x: number | undefined): string => (x === undefined ? "n/a" : `${(x * 100).toFixed(1)} %`);
const dur = (ms: number | undefined): string => {
  if (ms === undefined) return "n/a";
  const m = ms / 60_000;
  return m < 90 ? `${m.toFixed(1)} min` : `${(m / 60).toFixed(1)} h`;
};
const line = (label: string, value: string): void => console.log(`  ${label.padEnd(34)} ${value}`);

console.log("cx-metrics demo: KPI report for examples/data (time zone Europe/Bucharest, as of 2026-11-20)\n");
console.log("Input");
for (const [name, read] of [
  ["tickets.csv", ticketsRead],
  ["responses.csv", responsesRead],
  ["cohorts.csv", cohortsRead],
] as const) {
  line(name, `rows read ${read.stats.read}, used ${read.stats.used}, rejected ${read.stats.rejected}`);
  for (const r of read.rejects) line("", `  record ${r.record}, column ${r.column}: ${r.reason} (${JSON.stringify(r.value)})`);
}

console.log("\nSurvey");
const scores = (kind: SurveyResponse["kind"]): number[] => responses.filter((r) => r.kind === kind).map((r) => r.score);
const breakdown = npsBreakdown(scores("nps"));
line(
  "NPS",
  breakdown
    ? `${breakdown.nps.toFixed(1)} (${breakdown.promoters} promoters, ${breakdown.passives} passives, ${breakdown.detractors} detractors)`
    : "n/a",
);
line("CSAT (top-2-box on 1-5)", `${pct(csat(scores("csat")))} of ${scores("csat").length}`);
const cesScores = scores("ces");
line("CES (mean on 1-7, higher is easier)", `${ces(cesScores)?.toFixed(2) ?? "n/a"}; easy ${pct(cesEasyShare(cesScores))}`);

console.log("\nTickets");
const rate = resolutionRate(tickets, { from: new Date("2026-11-01T00:00:00+02:00"), to: asOf });
line("resolution rate, 1-19 Nov", `${pct(rate.value)} (${rate.resolved} of ${rate.received})`);
const statuses = ticketsByStatus(tickets);
line(
  "statuses",
  `new ${statuses.new}, open ${statuses.open}, pending ${statuses.pending}, on hold ${statuses.on_hold}, solved ${statuses.solved}, closed ${statuses.closed}; unassigned ${statuses.unassigned}`,
);
const bl = backlog(tickets, { asOf });
line("backlog (open > mean resolution time)", `${bl.count ?? "n/a"} of ${bl.unresolved} unresolved (threshold ${dur(bl.threshold)})`);
const mix = channelMix(tickets);
line("channel mix", mix ? mix.channels.map((c) => `${c.channel} ${pct(c.share)}`).join(", ") : "n/a");

console.log("\nTimes (calendar | business hours Mon-Fri 09:00-18:00)");
const schedule: Schedule = {
  timeZone,
  weekly: {
    mon: [["09:00", "18:00"]],
    tue: [["09:00", "18:00"]],
    wed: [["09:00", "18:00"]],
    thu: [["09:00", "18:00"]],
    fri: [["09:00", "18:00"]],
  },
  holidays: ["2026-11-30", "2026-12-01"],
};
for (const [label, calendar, business] of [
  ["first response", firstResponseTimes(tickets), firstResponseTimes(tickets, { schedule })],
  ["every response", responseTimes(tickets), responseTimes(tickets, { schedule })],
  ["resolution (final)", resolutionTimes(tickets), resolutionTimes(tickets, { schedule })],
] as const) {
  const c = summarizeDurations(calendar.values);
  const b = summarizeDurations(business.values);
  line(label, `n ${c?.count ?? 0}: mean ${dur(c?.mean)}, median ${dur(c?.median)} | mean ${dur(b?.mean)}, median ${dur(b?.median)}`);
}
const touch = oneTouchResolution(tickets);
line("one-touch resolution", `${pct(touch.share)} of ${touch.resolved} resolved`);

console.log("\nSLA (first response targets from the Romanian article; resolution 48 h)");
const policy: SlaPolicy = {
  targets: [...DEFAULT_FIRST_RESPONSE_TARGETS, { metric: "resolution", within: { hours: 48 } }],
};
const sla = slaCompliance(tickets, { policy, asOf });
for (const [metric, tally] of Object.entries(sla.byMetric)) {
  line(metric, `${pct(tally.compliance)} (${tally.achieved} met, ${tally.breached} breached, ${tally.running} running)`);
}

console.log("\nCustomers (monthly cohorts)");
const matrix = retentionMatrix(cohorts);
for (const row of matrix?.rows ?? []) {
  line(
    row.label,
    `${String(row.size).padStart(4)}  ${row.fractions.map((f) => (f === undefined ? "    " : `${Math.round(f * 100)}%`.padStart(4))).join(" ")}`,
  );
}
const jan = cohorts[0];
if (jan) {
  const last = jan.active[jan.active.length - 1] ?? 0;
  line("Jan cohort churn to date", pct(churnRate(jan.size, jan.size - last)));
  line("Jan cohort retention to date", pct(retentionRate(jan.size, last, 0)));
}
