/**
 * The report's tables as plain rows for data tools: `npx tsx examples/report-tables.ts`.
 * Reads the example export, computes the report, and prints the channel segments (as
 * `console.table` would show a data frame) and the first weekly buckets as CSV.
 */
import { REPORT_TABLE_COLUMNS, report, toRows, type Ticket } from "../src/index.ts";
import { readTickets } from "../src/io/index.ts";
import { openFile } from "../src/io/node/index.ts";

const data = (name: string): string => new URL(`data/${name}`, import.meta.url).pathname;
const timeZone = "Europe/Bucharest";

const read = await readTickets(openFile(data("tickets.csv")), { messages: openFile(data("messages.csv")), timeZone });
const tickets: Ticket[] = [];
for await (const t of read.records) tickets.push(t);

const r = report({ tickets }, { asOf: new Date("2026-11-20T00:00:00+02:00"), timeZone, bucket: "week", segments: ["channel"] });

// One plain object per segment: ready for arquero's aq.from(rows) or Danfo's new dfd.DataFrame(rows).
const segments = toRows(r, "segments");
console.table(
  segments.map((s) => ({
    channel: s.segment,
    tickets: s.tickets,
    frt_median_minutes: s.first_response_median_ms === null ? null : Math.round(s.first_response_median_ms / 60_000),
  })),
);

// A CSV: the header is REPORT_TABLE_COLUMNS (also for an empty table); null is an empty cell.
const columns = REPORT_TABLE_COLUMNS.buckets;
const lines = [columns.join(","), ...toRows(r, "buckets").map((row) => columns.map((c) => String(row[c] ?? "")).join(","))];
console.log(lines.slice(0, 4).join("\n"));
if (segments.length === 0 || lines.length < 2) throw new Error("expected segments and buckets from the example export");
