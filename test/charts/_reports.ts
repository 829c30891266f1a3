/**
 * Real inputs for the chart tests: the example export in examples/data (tickets with messages,
 * survey responses, cohorts) read with the readers of src/io, and reports of it.
 */
import { readCohorts, readSurveyResponses, readTickets } from "../../src/io/index.ts";
import { openFile } from "../../src/io/node/index.ts";
import type { Cohort, SlaPolicy, SurveyResponse, Ticket } from "../../src/models/index.ts";
import { report, type Report, type ReportOptions } from "../../src/report/index.ts";

const data = (file: string): string => new URL(`../../examples/data/${file}`, import.meta.url).pathname;

async function all<T>(records: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of records) out.push(r);
  return out;
}

/** The example export, read once. */
export interface ExampleData {
  readonly tickets: readonly Ticket[];
  readonly responses: readonly SurveyResponse[];
  readonly cohorts: readonly Cohort[];
}

let loaded: Promise<ExampleData> | undefined;

/** examples/data read with the Node readers (once per worker). */
export function exampleData(): Promise<ExampleData> {
  loaded ??= (async () => ({
    tickets: await all((await readTickets(openFile(data("tickets.csv")), { messages: openFile(data("messages.csv")) })).records),
    responses: await all((await readSurveyResponses(openFile(data("responses.csv")))).records),
    cohorts: await all((await readCohorts(openFile(data("cohorts.csv")), { timeZone: "Europe/Bucharest" })).records),
  }))();
  return loaded;
}

/** The SLA policy of the example (examples/data/sla.json, durations as objects). */
export const POLICY: SlaPolicy = {
  name: "Standard support",
  targets: [
    { metric: "firstResponse", within: { hours: 4 } },
    { metric: "firstResponse", within: { minutes: 5 }, channel: "chat" },
    { metric: "nextResponse", within: { days: 1 } },
    { metric: "resolution", within: { days: 3 } },
  ],
};

/** October 2026 in Bucharest. */
export const OCTOBER = { from: new Date("2026-09-30T21:00:00Z"), to: new Date("2026-10-31T22:00:00Z") };

/** The report options of the chart tests: October, daily buckets, a schedule, the SLA policy, three segmentations. */
export const OPTIONS: ReportOptions = {
  asOf: new Date("2026-12-01T00:00:00Z"),
  timeZone: "Europe/Bucharest",
  period: OCTOBER,
  bucket: "day",
  segments: ["channel", "assignee", ["channel", "type"]],
  percentiles: [0.5, 0.75, 0.9],
  schedule: {
    timeZone: "Europe/Bucharest",
    weekly: {
      mon: [["09:00", "18:00"]],
      tue: [["09:00", "18:00"]],
      wed: [["09:00", "18:00"]],
      thu: [["09:00", "18:00"]],
      fri: [["09:00", "18:00"]],
    },
  },
  slaPolicy: POLICY,
};

/** The report of the example export with {@link OPTIONS}. */
export async function exampleReport(options: ReportOptions = OPTIONS): Promise<Report> {
  const { tickets, responses, cohorts } = await exampleData();
  return report({ tickets, responses, cohorts }, options);
}
