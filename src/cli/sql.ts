/**
 * `cx-metrics sql --dialect D --as-of T`: prints the report's metrics as SQL over the warehouse
 * schema (docs/guide/warehouse.md), one statement per metric, or the schema itself.
 *
 * @internal
 * @module
 */
import { PERCENTILES } from "./report.ts";
import { parseArgs } from "node:util";
import { isValidTimeZone } from "../_lib/zone.ts";
import {
  metricSql,
  scheduleIntervalRows,
  schemaSql,
  SQL_DIALECTS,
  SQL_METRICS,
  toSql,
  type SqlDialect,
  type SqlMetricName,
  type SqlOptions,
} from "../sql/index.ts";
import { loadSchedule, loadSlaPolicy } from "./config.ts";
import type { WarehouseTable } from "../sql/index.ts";
import { CliError, EXIT } from "./errors.ts";
import type { CliIo } from "./io.ts";
import { parseInstant, parsePeriod } from "./values.ts";

/** `cx-metrics sql --help`. */
export const SQL_HELP = `Usage: cx-metrics sql --dialect D --as-of T [options]

Prints the report's metrics as SQL over the warehouse schema (tables tickets, messages, events,
survey_responses; docs/guide/warehouse.md): one statement per metric, each computing the figures
cx-metrics report computes. DuckDB and PostgreSQL output is tested equal to the report on those
engines; BigQuery and Snowflake output is generated and parsed, not executed.

Options:
      --dialect D          duckdb, postgres, bigquery or snowflake (required)
      --as-of T            the moment of the backlog (and of the resolution rate without
                           --period): ISO 8601, or a date in --timezone (required)
      --timezone ZONE      IANA zone of the daily volume and of naive times (default UTC)
      --period FROM..TO    tickets created (responses answered) in [FROM, TO)
      --metric NAME        one metric only: ${Object.keys(SQL_METRICS).join(", ")}
      --table T=RELATION   read table T from RELATION (repeatable), e.g.
                           --table "tickets={{ ref('stg_tickets') }}" in a dbt model
      --schema             print the CREATE TABLE statements of the schema instead
      --schedule FILE      business hours too: the duration summaries gain business_* columns,
                           read from the table schedule_intervals (cx-metrics schedule-table)
      --sla FILE           SLA compliance too (queries slaCompliance and slaByChannel); business
                           targets fall due by schedule_intervals: the expansion of the
                           policy's schedule, else of --schedule
  -h, --help               this help

Example:
  cx-metrics sql --dialect duckdb --as-of 2026-04-01 --timezone Europe/Bucharest > metrics.sql
`;

/** `cx-metrics schedule-table --help`. */
export const SCHEDULE_TABLE_HELP = `Usage: cx-metrics schedule-table --schedule FILE --range FROM..TO [--timezone ZONE]

Writes the opening intervals of a schedule in [FROM, TO) as CSV (opens_at,closes_at, UTC
instants in ISO 8601): the rows of the warehouse table schedule_intervals that
cx-metrics sql --schedule reads. DST, holidays and date overrides are resolved here, by the
calendar code that measures business time in cx-metrics report. Cover every instant the
tickets reach (first creation to last solve). Naive dates in --range are read in --timezone
(default UTC).

Example:
  cx-metrics schedule-table --schedule schedule.json --range 2026-01-01..2027-01-01 > schedule_intervals.csv
`;

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  dialect: { type: "string" },
  "as-of": { type: "string" },
  timezone: { type: "string" },
  "time-zone": { type: "string" },
  period: { type: "string" },
  metric: { type: "string" },
  table: { type: "string", multiple: true },
  schema: { type: "boolean" },
  schedule: { type: "string" },
  sla: { type: "string" },
} as const;

const HINT = 'Run "cx-metrics sql --help" for the options';
const TABLES: readonly WarehouseTable[] = ["tickets", "messages", "events", "survey_responses"];

const bad = (message: string): CliError => new CliError("E_CLI_OPTION_VALUE", message, HINT);

function choice<T extends string>(option: string, text: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw bad(`${option} must be one of ${allowed.join(", ")}, got ${JSON.stringify(text)}`);
}

function tables(entries: readonly string[]): Partial<Record<WarehouseTable, string>> {
  const out: Partial<Record<WarehouseTable, string>> = {};
  for (const entry of entries) {
    const at = entry.indexOf("=");
    const relation = entry.slice(at + 1).trim();
    if (at <= 0 || relation === "")
      throw bad(`--table must look like TABLE=RELATION (tickets=analytics.tickets), got ${JSON.stringify(entry)}`);
    out[choice("--table", entry.slice(0, at).trim(), TABLES)] = relation;
  }
  return out;
}

/** Runs `cx-metrics sql`. */
export async function sqlCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new CliError("E_CLI_USAGE", error instanceof Error ? error.message : String(error), HINT);
  }
  if (values.help === true) {
    io.stdout.write(SQL_HELP);
    return EXIT.OK;
  }
  // The schedule is read (and refused when invalid) although the query only needs to know there is one.
  const schedule = values.schedule === undefined ? undefined : await loadSchedule(values.schedule);
  if (schedule !== undefined) scheduleIntervalRows(schedule, { from: new Date(0), to: new Date(0) });
  // As cx-metrics report reads it: a policy without a schedule of its own takes --schedule.
  const slaPolicy = values.sla === undefined ? undefined : await loadSlaPolicy(values.sla, schedule);
  if (values.dialect === undefined) throw new CliError("E_CLI_USAGE", `--dialect is required (${SQL_DIALECTS.join(", ")})`, HINT);
  const dialect: SqlDialect = choice("--dialect", values.dialect, SQL_DIALECTS);
  if (values.schema === true) {
    io.stdout.write(`${schemaSql(dialect)}\n`);
    return EXIT.OK;
  }
  if (values.timezone !== undefined && values["time-zone"] !== undefined && values.timezone !== values["time-zone"]) {
    throw new CliError("E_CLI_USAGE", "--timezone and --time-zone are the same option; give it once", HINT);
  }
  const timeZone = values.timezone ?? values["time-zone"] ?? "UTC";
  if (!isValidTimeZone(timeZone)) throw bad(`--timezone must be an IANA time zone (Europe/Bucharest), got ${JSON.stringify(timeZone)}`);
  if (values["as-of"] === undefined) throw new CliError("E_CLI_USAGE", "--as-of is required: the SQL has no clock of its own", HINT);
  const options: SqlOptions = {
    dialect,
    asOf: parseInstant("--as-of", values["as-of"], timeZone),
    timeZone,
    period: values.period === undefined ? undefined : parsePeriod("--period", values.period, timeZone),
    tables: tables(values.table ?? []),
    businessHours: values.schedule !== undefined,
    // The percentiles of `cx-metrics report`, so that the two give the same columns.
    percentiles: PERCENTILES,
    slaPolicy,
  };
  const metric = values.metric === undefined ? undefined : choice("--metric", values.metric, Object.keys(SQL_METRICS) as SqlMetricName[]);
  io.stdout.write(metric === undefined ? toSql(options) : `${metricSql(metric, options)};\n`);
  return EXIT.OK;
}

/** Runs `cx-metrics schedule-table`. */
export async function scheduleTableCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const hint = 'Run "cx-metrics schedule-table --help" for the options';
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        help: { type: "boolean", short: "h" },
        schedule: { type: "string" },
        range: { type: "string" },
        timezone: { type: "string" },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new CliError("E_CLI_USAGE", error instanceof Error ? error.message : String(error), hint);
  }
  if (values.help === true) {
    io.stdout.write(SCHEDULE_TABLE_HELP);
    return EXIT.OK;
  }
  if (values.schedule === undefined || values.range === undefined)
    throw new CliError("E_CLI_USAGE", "--schedule and --range are required", hint);
  const timeZone = values.timezone ?? "UTC";
  if (!isValidTimeZone(timeZone)) throw bad(`--timezone must be an IANA time zone (Europe/Bucharest), got ${JSON.stringify(timeZone)}`);
  const range = parsePeriod("--range", values.range, timeZone);
  const rows = scheduleIntervalRows(await loadSchedule(values.schedule), range);
  const lines = rows.map((r) => `${(r["opens_at"] as Date).toISOString()},${(r["closes_at"] as Date).toISOString()}`);
  io.stdout.write(`opens_at,closes_at\n${lines.map((l) => `${l}\n`).join("")}`);
  return EXIT.OK;
}
