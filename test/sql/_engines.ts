/**
 * Real SQL engines for the differential tests: DuckDB in-process (`@duckdb/node-api`) and
 * PostgreSQL as PGlite (PostgreSQL compiled to WebAssembly, in-process). Each creates the
 * warehouse schema with `schemaSql`, loads warehouse rows with literal INSERTs and returns
 * query results as plain objects (64-bit integers and numerics as numbers).
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { PGlite } from "@electric-sql/pglite";
import { dialectRules, quote, type SqlDialect } from "../../src/sql/dialect.ts";
import { schemaSql, WAREHOUSE_SCHEMA, type WarehouseRow, type WarehouseTable } from "../../src/sql/index.ts";

export type Row = Record<string, unknown>;

export interface Engine {
  readonly dialect: SqlDialect;
  /** Runs statements (no result). */
  exec(sql: string): Promise<void>;
  /** Runs one query. */
  rows(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}

/** A JS value of a result as a plain value: bigint and numeric text as numbers. */
function plain(value: unknown, column: string): unknown {
  if (typeof value === "bigint") return Number(value);
  if (
    typeof value === "string" &&
    column !== "day" &&
    column !== "channel" &&
    column !== "type" &&
    /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value)
  )
    return Number(value);
  if (value !== null && typeof value === "object" && "toDouble" in value && typeof value.toDouble === "function")
    return value.toDouble() as number;
  return value;
}

const plainRow = (r: Record<string, unknown>): Row => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v, k)]));

export async function duckdb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  return {
    dialect: "duckdb",
    exec: async (sql) => {
      await connection.run(sql);
    },
    rows: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS().map((r) => plainRow(r as Record<string, unknown>)),
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export async function postgres(): Promise<Engine> {
  const db = await PGlite.create();
  await db.exec("SET TIME ZONE 'UTC'");
  return {
    dialect: "postgres",
    exec: async (sql) => {
      await db.exec(sql);
    },
    rows: async (sql) => (await db.query<Record<string, unknown>>(sql)).rows.map(plainRow),
    close: async () => {
      await db.close();
    },
  };
}

/** A literal of a row value in `dialect`. */
function literal(dialect: SqlDialect, value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (value instanceof Date) return dialectRules("test", dialect).instant(value.getTime());
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
  return quote(String(value));
}

/** Creates the schema's tables (dropping earlier ones). */
export async function createSchema(engine: Engine): Promise<void> {
  for (const table of Object.keys(WAREHOUSE_SCHEMA)) await engine.exec(`DROP TABLE IF EXISTS ${table}`);
  await engine.exec(schemaSql(engine.dialect));
}

/** Empties the tables given and loads their `rows`. */
export async function load(engine: Engine, rows: Readonly<Partial<Record<WarehouseTable, readonly WarehouseRow[]>>>): Promise<void> {
  for (const [table, list] of Object.entries(rows) as [WarehouseTable, readonly WarehouseRow[]][]) {
    await engine.exec(`DELETE FROM ${table}`);
    if (list.length === 0) continue;
    const columns = WAREHOUSE_SCHEMA[table].map((c) => c.name);
    const values = list.map((r) => `(${columns.map((c) => literal(engine.dialect, r[c])).join(", ")})`);
    await engine.exec(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values.join(", ")}`);
  }
}
