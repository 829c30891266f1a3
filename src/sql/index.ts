/**
 * `cx-metrics/sql`: the report's metrics as SQL over a documented warehouse schema, for DuckDB,
 * PostgreSQL, BigQuery and Snowflake (docs/guide/warehouse.md). Pure string building: it runs
 * anywhere the core runs.
 *
 * @module
 */
export { columnType, SQL_DIALECTS, type SqlColumnType, type SqlDialect } from "./dialect.ts";
export { schemaSql, WAREHOUSE_SCHEMA, type WarehouseColumn, type WarehouseTable } from "./schema.ts";
export { scheduleIntervalRows, warehouseRows, type WarehouseRow, type WarehouseRows } from "./rows.ts";
export type { SqlOptions } from "./context.ts";
export { metricSql, SQL_METRICS, toSql, type SqlMetricName } from "./metricSql.ts";
export { MetricRangeError } from "../_lib/errors.ts";
