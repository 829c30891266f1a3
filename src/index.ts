/**
 * cx-metrics: customer-service metrics computed exactly and transparently.
 *
 * Every metric is a small pure function; see docs/guide/definitions.md for the formulas.
 * The zod schemas and parse helpers live in the `cx-metrics/models` entry point.
 *
 * @packageDocumentation
 */
export { METRIC_ERROR_CODES, MetricRangeError } from "./_lib/errors.ts";
export type { MetricErrorCode } from "./_lib/errors.ts";
export type { DurationInput } from "./_lib/duration.ts";
export * from "./models/index.ts";
export * from "./metrics/survey/index.ts";
export * from "./metrics/volume/index.ts";
export * from "./metrics/time/index.ts";
export * from "./metrics/sla/index.ts";
export * from "./metrics/customers/index.ts";
export * from "./metrics/stats/index.ts";
export * from "./metrics/staffing/index.ts";
export * from "./report/index.ts";
export type { Accumulator, MetricAccumulator, StateJson } from "./_lib/accumulator.ts";
export {
  BATCH_LABELS,
  COLUMNS,
  labelCode,
  labelDictionaries,
  labelDictionary,
  RATING_NO_SCALE,
  RATING_OFFERED,
  rowTicket,
  statusAt,
  ticketBatch,
  type BatchLabel,
  type FactsProvider,
  type LabelDictionary,
  type TicketBatch,
  type TicketMetric,
} from "./models/ticketBatch.ts";
export { addOneTicket, ALL_BATCH_COLUMNS, BATCH_COLUMNS, pushTicket } from "./models/pushTicket.ts";
export * from "./charts/index.ts";
