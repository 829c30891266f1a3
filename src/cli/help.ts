/**
 * The help texts of `cx-metrics --help` and `cx-metrics report --help`.
 *
 * @internal
 * @module
 */
import { GATE_ALIASES } from "./gateAliases.ts";

/** `cx-metrics --help`. */
export const MAIN_HELP = `cx-metrics: customer-service KPIs from helpdesk exports

Usage:
  cx-metrics report <tickets-file> [options]   compute the KPI report (see: cx-metrics report --help)
  cx-metrics merge <partial.json>... [options] the report of partials (report --partial FILE), with gates
  cx-metrics staffing <file> [options]         agents needed per interval of the week (Erlang C / A)
  cx-metrics sql --dialect D --as-of T         the metrics as SQL for a warehouse (see: cx-metrics sql --help)
  cx-metrics schedule-table --schedule F --range A..B   a schedule's opening intervals as CSV (for sql --schedule)
  cx-metrics --help                            this help
  cx-metrics --version                         the version

Example:
  cx-metrics report tickets.csv --responses responses.csv --by channel,assignee
  cx-metrics report export.csv --preset zendesk-csv --timezone Europe/Bucharest \\
    --gate "frt.median <= 4h" --gate "csat >= 80%" --format markdown

Exit codes: 0 ok, 1 a gate failed, 2 usage or input error, 3 internal error.
Docs: docs/guide/cli.md
`;

const aliasLines = (): string => {
  const names = GATE_ALIASES.filter((a) => !a.name.includes(".business.")).map((a) => a.name);
  const lines: string[] = [];
  let line = "   ";
  for (const name of names) {
    if (line.length + name.length + 2 > 96) {
      lines.push(line);
      line = "   ";
    }
    line += ` ${name},`;
  }
  lines.push(line.replace(/,$/, ""));
  return lines.join("\n");
};

/** `cx-metrics report --help`. */
export function reportHelp(): string {
  return `Usage: cx-metrics report <tickets-file> [options]

Computes the KPI report of a helpdesk ticket export: survey scores (NPS, CSAT, CES), ticket
counts, resolution rate, backlog, channel mix, first response / response / resolution times
(calendar and business hours), SLA compliance, per-segment tables, the agent leaderboard,
volume per period, the peak-hours heatmap, cohort retention, and CI gates.

<tickets-file> is a path (.csv, .tsv, .json, .ndjson/.jsonl, any of them gzip-compressed) or
- for standard input. Files are streamed; every row is used or rejected, never dropped.

Input:
  -p, --preset NAME        generic (default), zendesk-csv, zendesk-json, freshdesk-csv, intercom-json,
                           chatwoot-json, helpscout-json, zammad-json, gorgias-json; threads, twcs:
                           messages linked by reply ids read into conversations (twcs: the
                           Customer Support on Twitter data set; brand = the account that replied)
      --input-format F     csv, json or ndjson, when the name and content do not tell (stdin)
      --messages FILE      messages (ticket_id, at, author, public) attached to the tickets
      --events FILE        ticket history (ticket_id, at, field, value): status, assignee, group,
                           priority changes attached to the tickets by id
      --events-preset NAME generic, zendesk-json (ticket events or audits), fivetran
                           (ticket_field_history CSV), chatwoot (reporting_events);
                           default: the first whose columns fit
      --responses FILE     survey answers (kind, score, scale_min, scale_max, answered_at, ...)
      --cohorts FILE       customer cohorts (label, start, size, period, active_1..active_N)
      --map FIELD=COLUMN   read a ticket field from another column (repeatable); FIELD= unmaps.
                           A duration takes a unit: firstReply=COL:h (ms, s, min, h, d, h:mm:ss;
                           without one, the unit the column's name states, as "(hours)" or
                           "in minutes", else an error). Dates and ids from two columns:
                           createdAt=Date+Time (joined by a space), id=Mailbox+Number (by /)
      --status-map NAME=S  map a helpdesk status name to new|open|pending|on_hold|solved|closed
                           (repeatable; alias --status)
      --timezone ZONE      IANA zone of naive timestamps and of every calendar bucket
                           (required by zendesk-csv and freshdesk-csv; default UTC otherwise;
                           alias --time-zone)
      --date-format LAYOUT  timestamps that are not ISO 8601, in date-fns parse tokens, e.g.
                           "dd/MM/yyyy HH:mm" or "EEE MMM dd HH:mm:ss xx yyyy" (every input file;
                           ISO values are still read; without an offset token, read in --timezone)

Report:
      --as-of TIME         judge backlog and running SLA clocks at TIME (ISO 8601; a naive time
                           is read in --timezone). Default: 1 ms after the latest timestamp in
                           the data, never the clock (files are then read twice; standard input
                           is held in memory until the end)
      --by DIMS            segments, comma-separated: channel, assignee (or agent), group, type,
                           priority, brand, tag, period (the --bucket a ticket was created in);
                           join two with + for a cross table (channel+priority)
      --period FROM..TO    only tickets created in [FROM, TO), e.g. 2026-10-01..2026-11-01
      --compare-to FROM..TO  compare with another period (needs --period)
      --bucket UNIT        volume buckets: hour, day (default), week, month
      --schedule FILE      business hours (JSON Schedule) for business-time figures
      --sla FILE           SLA policy (JSON: { "name", "targets": [{ "metric", "within": "4h", ... }] })
      --rank-by METRIC     leaderboard: tickets (default), firstResponseMedian, resolutionMedian,
                           csat, oneTouchShare; fair figures with rank certainty:
                           firstResponseMeanAdjusted, resolutionMeanAdjusted, csatAdjusted,
                           oneTouchShareAdjusted (adjusted for channel × type × priority),
                           csatShrunk, oneTouchShareShrunk (shrunk towards the team);
                           replyTimeMedian (median response time of customer turns)
      --min-sample N       leaderboard: fewest observations for a rank (default 10)
      --leaderboard-by WHO leaderboard of: assignee (default) or responder (the author_id of
                           public agent replies in --messages; ranks tickets, firstResponseMedian
                           or replyTimeMedian)
      --bot-first-response FROM  bots: the handed-off tickets' human first response from the
                           request (default) or from the handoff (the last bot message)
      --exclude-bot-time   bots: the handed-off tickets' resolution time from the handoff
      --confidence LEVEL   confidence level of the intervals shown next to NPS, CSAT, rates and
                           mean times, and of the significance of --compare-to changes
                           (0.9 or 90%; default 0.95)
      --quantiles Q        how duration percentiles are computed: exact (default; every duration
                           kept, 8 bytes each), sketch (relative error 1 %, flat memory), or
                           sketch:0.5% (any relative error between 0 and 1)
      --value-per-customer AMOUNT  money one lost customer is worth (e.g. 243): adds revenue
                           at risk (lost customers of the --cohorts × AMOUNT); no default
      --repeat-window D    repeat-contact window (default 7d): another ticket of the same
                           requester within D after a ticket makes it a repeat contact

Output:
  -f, --format F           table (default on a terminal), markdown, json (default otherwise), csv,
                           html (one self-contained page: tables and charts as inline SVG)
      --table NAME         with --format csv: segments (default), buckets, heatmap, cohorts,
                           responders, gates, rejects, absent (figures not in this export),
                           tickets (one row per ticket: every per-ticket figure and skip reason)
  -o, --output FILE        write the report to FILE (the format follows .json/.md/.csv/.html if not given)
      --rejects FILE       write every rejected row of every file to FILE (CSV)
      --max-rejects N      rejected-row problems listed on stderr per file (default 20)
  -q, --quiet              no input summary or progress on stderr (errors still print)
      --partial FILE       write the accumulator state of this part of the data to FILE (- for
                           stdout) instead of a report, for "cx-metrics merge"; needs --as-of,
                           and takes no output or gate option (merge does)
      --strict             any rejected row fails the run (exit 2)
      --mermaid            with --format markdown: trend charts (Mermaid xychart-beta) of tickets
                           created and resolved per bucket and the median first response per
                           period (adds --by period)
      --max-rejected SHARE  fail the run (exit 1, like a failed gate) when more than SHARE of
                           the ticket rows are rejected (5% or 0.05); without it, a warning is
                           printed above 5% (even with --quiet)

Gates (CI):
      --gate "EXPR"        a target that must hold (repeatable), e.g. "nps >= 30", "frt.median <= 4h"
      --fail-if "EXPR"     a condition that fails the run, e.g. "sla.compliance < 95%"
      --gates FILE         gates from a JSON file: ["nps >= 30", { "failIf": "backlog > 20" }]
      --baseline FILE      an earlier run's --format json output, for --fail-if-worse
      --fail-if-worse "METRIC [by] P%"
                           a regression gate (repeatable): fail when a median or percentile of
                           a time metric is worse than in --baseline by more than P% and the
                           worsening is significant at --confidence, e.g. "frt.median 10%"
      --allow-missing      a gate on a known metric that has no data (exit 1), or whose input
                           is not in this export (exit 2), is skipped instead of failing
                           (a skipped gate is not counted as passed)

  EXPR is <metric> <op> <value>; op is one of < <= > >= == !=; value is a number (30, 0.9),
  a percentage (90% = 0.9) or a duration (45s, 30m, 4h, 2d, 1w, 1h30m). Metrics:
${aliasLines()}
    (each time metric also as NAME.business.STAT with --schedule), any of them scoped to a
    segment as NAME[channel=email] (needs --by channel), or a dotted path into the JSON
    report (counts.backlog.unresolved, sla.byChannel[channel=email].compliance).
  Every gate is checked before anything is read: an unknown name or path, or a target that
  can never fail or never pass (rate > 150%, nps >= -100), is a usage error (exit 2).

Exit codes: 0 ok, 1 a gate failed (or --max-rejected exceeded), 2 usage or input error (no
ticket row usable, --strict with rejected rows, or a gate on a metric not in this export),
3 internal error.
`;
}

/** `cx-metrics merge --help`. */
export function mergeHelp(): string {
  return `Usage: cx-metrics merge <partial.json>... [options]

Merges partial reports, written by "cx-metrics report <part> --partial part.json --as-of TIME",
into the report of all the parts, and checks the gates: the same output, exit codes and gates
as "cx-metrics report" on all the data at once (apart from the input file list). Every partial
must have been made with the same options (time zone, --as-of, --period, --compare-to,
--bucket, --by, --schedule, --sla, --quantiles, ...): a difference is refused, naming it.

Output:
  -f, --format F           table (default on a terminal), markdown, json (default otherwise), csv, html
      --table NAME         with --format csv: segments (default), buckets, heatmap, cohorts,
                           responders, gates, rejects (the first --max-rejects of each part), absent
  -o, --output FILE        write the report to FILE (the format follows .json/.md/.csv/.html if not given)
  -q, --quiet              no input summary on stderr
      --strict             any rejected row in any part fails the run (exit 2)
      --mermaid            with --format markdown: trend charts (the partials need --by period,
                           which report --mermaid adds)
      --max-rejected SHARE  fail the run (exit 1) when more than SHARE of all ticket rows were rejected

Gates (CI): --gate, --fail-if, --gates FILE, --baseline FILE, --fail-if-worse, --allow-missing,
  as in "cx-metrics report --help".

Exit codes: 0 ok, 1 a gate failed, 2 usage or input error (a partial unreadable or made with
other options), 3 internal error.
`;
}

/** `cx-metrics staffing --help`. */
export function staffingHelp(): string {
  return `Usage: cx-metrics staffing <file> [options]

Agents needed per interval of the week: arrivals per interval averaged over the weeks in the
file, the average handle time (measured from a call log, or --aht), the callers' patience
(abandonments / time queued) → the fewest agents meeting the targets under Erlang C or Erlang A.
For call logs also the measured ASA, abandonment rate and service level, and the model's service
level at the agents who actually answered. Definitions: docs/guide/definitions.md.

Input:
  -p, --preset NAME        call-log (default), anonymous-bank, or a ticket preset (generic,
                           zendesk-csv, ...: arrivals from created_at; --aht required)
      --map FIELD=COLUMN   read a field from another column (repeatable)
      --timezone ZONE      IANA zone of the week's days and of naive times (default: the
                           preset's, anonymous-bank Asia/Jerusalem; else UTC)
      --date-format LAYOUT  timestamps that are not ISO 8601 (date-fns parse tokens)
      --input-format F     csv, json or ndjson
      --clock-skew-tolerance S  call logs: seconds a service start may precede the queue exit
                           (default: the preset's, call-log 0, anonymous-bank 2); earlier rejects

Model and targets (times: seconds, or 20s, 3m, 1h):
      --interval T         interval length, dividing a day (default 30m)
      --service-level X    share answered within --within (default 0.8 when no --asa; 80% works)
      --within T           the service level's answer time (default 20s)
      --asa T              maximum average speed of answer
      --model M            erlang-c (default) or erlang-a (with the measured or --patience)
      --shrinkage X        share of paid time not on the phones (default 0)
      --max-occupancy X    occupancy cap (default 1)
      --aht T              average handle time (default: measured from the call log)
      --patience T         mean patience for erlang-a (default: measured)

Output:
  -f, --format F           table, json or csv (default: table on a terminal, else json)
  -o, --output FILE        write there instead of standard output
      --chart FILE         write the Vega-Lite spec of agents per interval (staffingChart)
  -q, --quiet              no summary of the file on standard error

Exit codes: 0 ok, 2 usage or input error (no arrival, bad option), 3 internal error.
Docs: docs/guide/cli.md, docs/guide/staffing.md
`;
}
