/**
 * The input layer of the `cx-metrics` command (Node only): streaming readers for CSV, JSON
 * and NDJSON exports (optionally gzip-compressed) that map helpdesk columns to the models
 * through presets and account for every record.
 *
 * @packageDocumentation
 */
export type { ColumnMap, InputFormat, InputInfo, InputSource, ReadOptions, ReadResult, ReadStats, Reject, TicketPreset } from "./types.ts";
export type { StatusMap } from "./_options.ts";
export { INPUT_FORMAT_CODES, InputFormatError } from "./InputFormatError.ts";
export type { InputFormatCode, InputFormatDetails } from "./InputFormatError.ts";
export { readCsv } from "./readCsv.ts";
export type { CsvRecord, ReadCsvOptions } from "./readCsv.ts";
export { readTickets } from "./readTickets.ts";
export type { MessageJoin, ReadTicketsOptions, TicketReadResult } from "./readTickets.ts";
export { readMessages } from "./readMessages.ts";
export type { ReadMessagesOptions, TicketMessage } from "./readMessages.ts";
export { readSurveyResponses } from "./readSurveyResponses.ts";
export type { ReadSurveyResponsesOptions } from "./readSurveyResponses.ts";
export { readCohorts } from "./readCohorts.ts";
export type { ReadCohortsOptions } from "./readCohorts.ts";
export { writeRejectsCsv } from "./writeRejectsCsv.ts";
