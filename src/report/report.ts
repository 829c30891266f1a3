import type { Report, ReportInput, ReportOptions } from "./types.ts";
import type { Ticket } from "../models/ticket.ts";
import type { SelectedReport, SelectedReportOptions } from "./selectedTypes.ts";
import { makeReportAccumulator } from "./reportAccumulator.ts";

/**
 * The whole report in one pass: every metric of the library over the tickets (and survey
 * responses and cohorts) in scope, per segment, per agent and against a comparison period,
 * as one JSON-serialisable object.
 *
 * @param input - {@link ReportInput}: `tickets` (any iterable, read once), optional `responses` and `cohorts`.
 * @param options - {@link ReportOptions}: `asOf` and `timeZone` required; `schedule`,
 * `slaPolicy`, `segments`, `period`, `compareTo`, `bucket` (default `"day"`), `leaderboard`
 * (default by `tickets`, `minSample` 10), `percentiles` (default `[0.9]`), `topHours` (default 3),
 * `confidenceLevel` of every interval and significance test (default 0.95), `valuePerCustomer`
 * (default none: no revenue at risk), `repeatWindow` of `contacts` (default 7 days).
 * @returns The {@link Report} (`version: 1`). Metrics without data are `null`, never `NaN`;
 * an empty input gives a report of zero counts and `null` metrics.
 * @throws {@link MetricRangeError} as `reportAccumulator`: `E_INVALID_DATE`,
 * `E_TIME_ZONE`, `E_BUCKET_UNIT`, `E_PERIOD_ORDER`, `E_COMPARE_NEEDS_PERIOD`, `E_SEGMENT_KEY`,
 * `E_LEADERBOARD_METRIC`, `E_MIN_SAMPLE`, `E_FRACTION_RANGE`, `E_TOP_N`, `E_OPTION_VALUE`,
 * `E_CONFIDENCE_LEVEL`, `E_NOT_FINITE` / `E_VALUE_RANGE` (`valuePerCustomer`),
 * `E_BUCKET_LIMIT`, `E_UNKNOWN_STATUS` (a ticket's status is not a `TicketStatus`; the message
 * names the ticket), and the schedule, SLA-policy and cohort codes of the metrics.
 * @remarks Equal to folding the responses, then the tickets, into
 * {@link reportAccumulator}`(options)` and reading `result(state, input.cohorts)`. With a
 * `period`, only tickets created (and responses answered) in it are in scope; the volume
 * range is the period (older tickets still open count in the backlog). Without one, every
 * ticket is in scope and the volume range is the whole buckets from the earliest to the
 * latest `createdAt`. See docs/guide/report.md for every field, its unit and its source.
 * @example
 * ```ts
 * const r = report(
 *   { tickets: [
 *     { id: "1", createdAt: new Date("2026-01-05T09:00:00Z"), status: "solved", channel: "email",
 *       firstResponseAt: new Date("2026-01-05T09:30:00Z"), solvedAt: new Date("2026-01-05T11:00:00Z"), replies: 1 },
 *     { id: "2", createdAt: new Date("2026-01-05T10:00:00Z"), status: "open", channel: "chat" },
 *   ] },
 *   { asOf: new Date("2026-01-06T00:00:00Z"), timeZone: "UTC", segments: ["channel"] },
 * );
 * r.tickets;                                     // => 2
 * r.counts.resolutionRate.value;                 // => 0.5
 * r.time.firstResponse.calendar?.median;         // => 1800000
 * r.time.oneTouch.share;                         // => 1
 * r.segments[0]?.segments.map((s) => s.key[0]);  // => ["chat", "email"]
 * JSON.parse(JSON.stringify(r)).version;         // => 1
 * ```
 * @see Russian article on tying support to revenue (untitled; it opens "На прошлой неделе мы убедились…"; metrics team-wide and per agent, compared across channels and difficulty levels)
 * @category Report
 */
export function report(input: ReportInput, options: SelectedReportOptions): SelectedReport;
export function report(input: ReportInput, options: ReportOptions): Report;
export function report(input: ReportInput, options: ReportOptions): SelectedReport | Report {
  const acc = makeReportAccumulator("report", options);
  const state = acc.create();
  // Responses first: each joins its ticket's segments when the ticket is added (./_join.ts).
  if (input.responses !== undefined) for (const response of input.responses) acc.addResponse(state, response);
  const tickets = input.tickets;
  // An array by index: `for … of` allocates an iterator result per ticket when `add` is not inlined.
  if (Array.isArray(tickets)) for (let i = 0; i < tickets.length; i++) acc.add(state, tickets[i] as Ticket);
  else for (const ticket of tickets) acc.add(state, ticket);
  // Without `metrics` every metric is computed: no field is null for want of a selection.
  return acc.result(state, input.cohorts);
}
