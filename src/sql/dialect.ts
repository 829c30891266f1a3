/**
 * The dialect layer of the SQL forms: the few expressions that differ between DuckDB,
 * PostgreSQL, BigQuery and Snowflake (column types, epoch milliseconds of a timestamp, the R-7
 * percentile, the local calendar day in a time zone, literals). Everything else the metric
 * definitions write is SQL every one of the four reads. Pure string building: no engine, no I/O.
 *
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";

/**
 * The SQL dialects the metric definitions are rendered for. `duckdb` and `postgres` are executed
 * by the test suite (DuckDB in-process, PostgreSQL as PGlite); `bigquery` and `snowflake` are
 * generated, parsed and snapshotted but not executed (docs/guide/warehouse.md).
 *
 * @category SQL
 */
export type SqlDialect = "duckdb" | "postgres" | "bigquery" | "snowflake";

/** Every {@link SqlDialect}. @category SQL */
export const SQL_DIALECTS: readonly SqlDialect[] = ["duckdb", "postgres", "bigquery", "snowflake"];

/**
 * The logical type of a warehouse column; {@link columnType} gives each dialect's name for it.
 * `timestamp` is an instant (time-zone aware where the engine distinguishes), `bigint` a 64-bit
 * integer, `double` an IEEE double.
 *
 * @category SQL
 */
export type SqlColumnType = "text" | "timestamp" | "bigint" | "double" | "boolean";

const TYPES: Readonly<Record<SqlDialect, Readonly<Record<SqlColumnType, string>>>> = {
  duckdb: { text: "VARCHAR", timestamp: "TIMESTAMPTZ", bigint: "BIGINT", double: "DOUBLE", boolean: "BOOLEAN" },
  postgres: { text: "text", timestamp: "timestamptz", bigint: "bigint", double: "double precision", boolean: "boolean" },
  bigquery: { text: "STRING", timestamp: "TIMESTAMP", bigint: "INT64", double: "FLOAT64", boolean: "BOOL" },
  snowflake: { text: "VARCHAR", timestamp: "TIMESTAMP_TZ", bigint: "NUMBER(19, 0)", double: "DOUBLE", boolean: "BOOLEAN" },
};

/**
 * Throws `E_OPTION_VALUE` unless `dialect` is one of {@link SQL_DIALECTS}.
 *
 * @internal
 */
export function checkDialect(fn: string, dialect: unknown): asserts dialect is SqlDialect {
  if (typeof dialect !== "string" || !(SQL_DIALECTS as readonly string[]).includes(dialect)) {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: dialect must be one of ${SQL_DIALECTS.join(", ")}, got ${String(dialect)}`);
  }
}

/**
 * The name a dialect gives a logical column type.
 *
 * @param dialect - The target dialect.
 * @param type - The logical type.
 * @returns The type as the dialect writes it in `CREATE TABLE` and `CAST`.
 * @throws {@link MetricRangeError} `E_OPTION_VALUE` for an unknown dialect.
 * @remarks Timestamps are instants: `TIMESTAMPTZ` (DuckDB), `timestamptz` (PostgreSQL),
 * `TIMESTAMP` (BigQuery, always UTC), `TIMESTAMP_TZ` (Snowflake).
 * @example
 * ```ts
 * columnType("postgres", "double"); // => "double precision"
 * columnType("bigquery", "bigint"); // => "INT64"
 * ```
 * @see {@link https://duckdb.org/docs/sql/data_types/overview | DuckDB data types}
 * @category SQL
 */
export function columnType(dialect: SqlDialect, type: SqlColumnType): string {
  checkDialect("columnType", dialect);
  return TYPES[dialect][type];
}

/** A string literal: single quotes, inner quotes doubled. @internal */
export function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The SQL expressions of one dialect. @internal */
export interface DialectRules {
  /** The dialect. */
  readonly name: SqlDialect;
  /** The type name of a logical type. */
  type(type: SqlColumnType): string;
  /** The epoch milliseconds (a 64-bit integer, NULL for NULL) of a timestamp expression. */
  epochMs(expr: string): string;
  /** A timestamp literal of an instant. */
  instant(ms: number): string;
  /** `expr` as a double (to divide in floating point, never by integer division). */
  double(expr: string): string;
  /** The R-7 quantile `p` of column `column` of relation `from`, as a scalar subquery (NULL on no rows). */
  quantile(from: string, column: string, p: number): string;
  /** The local calendar day (`YYYY-MM-DD` text) of a timestamp expression in an IANA zone. */
  localDay(expr: string, timeZone: string): string;
  /** A column alias, quoted where the dialect reserves the word (BigQuery's `NEW`). */
  alias(name: string): string;
  /**
   * A text expression to sort by in binary order (the report sorts labels by code unit):
   * PostgreSQL sorts by the database's collation otherwise (`en_US`: `chat` before `Email`).
   */
  binaryOrder(expr: string): string;
}

/** The aliases of the generated queries that BigQuery reserves (its lexical reference lists `NEW`). */
const BIGQUERY_RESERVED = new Set(["new"]);
const plainAlias = (name: string): string => name;
const asIs = (expr: string): string => expr;

const castTo = (dialect: SqlDialect) => (expr: string) => `CAST(${expr} AS ${TYPES[dialect].double})`;
const isoLiteral = (ms: number): string => quote(new Date(ms).toISOString());
const withinGroup = (from: string, column: string, p: number): string =>
  `(SELECT percentile_cont(${String(p)}) WITHIN GROUP (ORDER BY ${column}) FROM ${from})`;

const RULES: Readonly<Record<SqlDialect, DialectRules>> = {
  duckdb: {
    name: "duckdb",
    type: (t) => TYPES.duckdb[t],
    epochMs: (e) => `epoch_ms(${e})`,
    instant: (ms) => `CAST(${isoLiteral(ms)} AS TIMESTAMPTZ)`,
    double: castTo("duckdb"),
    quantile: (from, column, p) => `(SELECT quantile_cont(${column}, ${String(p)}) FROM ${from})`,
    localDay: (e, tz) => `strftime(timezone(${quote(tz)}, ${e}), '%Y-%m-%d')`,
    alias: plainAlias,
    binaryOrder: asIs,
  },
  postgres: {
    name: "postgres",
    type: (t) => TYPES.postgres[t],
    // EXTRACT returns numeric (exact) since PostgreSQL 14; floor drops microseconds, as the other engines do.
    epochMs: (e) => `CAST(floor(EXTRACT(EPOCH FROM ${e}) * 1000) AS bigint)`,
    instant: (ms) => `CAST(${isoLiteral(ms)} AS timestamptz)`,
    double: castTo("postgres"),
    quantile: withinGroup,
    localDay: (e, tz) => `to_char(${e} AT TIME ZONE ${quote(tz)}, 'YYYY-MM-DD')`,
    alias: plainAlias,
    binaryOrder: (expr) => `${expr} COLLATE "C"`,
  },
  bigquery: {
    name: "bigquery",
    type: (t) => TYPES.bigquery[t],
    epochMs: (e) => `UNIX_MILLIS(${e})`,
    instant: (ms) => `TIMESTAMP ${isoLiteral(ms)}`,
    double: castTo("bigquery"),
    // BigQuery's exact PERCENTILE_CONT is analytic only (no aggregate form; APPROX_QUANTILES is
    // approximate): the window over the whole relation, one value taken.
    quantile: (from, column, p) =>
      `(SELECT ANY_VALUE(q) FROM (SELECT PERCENTILE_CONT(CAST(${column} AS FLOAT64), ${String(p)}) OVER () AS q FROM ${from}))`,
    localDay: (e, tz) => `FORMAT_TIMESTAMP('%Y-%m-%d', ${e}, ${quote(tz)})`,
    alias: (name) => (BIGQUERY_RESERVED.has(name) ? `\`${name}\`` : name),
    binaryOrder: asIs,
  },
  snowflake: {
    name: "snowflake",
    type: (t) => TYPES.snowflake[t],
    epochMs: (e) => `DATE_PART(EPOCH_MILLISECOND, ${e})`,
    instant: (ms) => `CAST(${isoLiteral(ms)} AS TIMESTAMP_TZ)`,
    double: castTo("snowflake"),
    // Over doubles, as a precaution (not executed here): a NUMBER input may be answered in its own scale, losing the fraction.
    quantile: (from, column, p) => withinGroup(from, `CAST(${column} AS DOUBLE)`, p),
    localDay: (e, tz) => `TO_CHAR(CONVERT_TIMEZONE(${quote(tz)}, ${e}), 'YYYY-MM-DD')`,
    alias: plainAlias,
    binaryOrder: asIs,
  },
};

/** The rules of `dialect` (`E_OPTION_VALUE` for an unknown one). @internal */
export function dialectRules(fn: string, dialect: SqlDialect): DialectRules {
  checkDialect(fn, dialect);
  return RULES[dialect];
}
