/**
 * Readers of helpdesk exports, in every runtime (Node, Deno, Bun, browsers): streaming
 * readers for CSV, JSON and NDJSON exports (optionally gzip-compressed) that map helpdesk
 * columns to the models through presets and account for every record. They read Web
 * streams, `File`s and async iterables of bytes; in Node, `openFile(path)` from
 * `cx-metrics/io/node` opens a path.
 *
 * @packageDocumentation
 */
export type {
  ByteStream,
  ColumnMap,
  InputFormat,
  InputInfo,
  InputSource,
  NamedSource,
  ReadOptions,
  ReadResult,
  ReadStats,
  Reject,
  ThreadPreset,
  TicketPreset,
} from "./types.ts";
export type { StatusMap } from "./_options.ts";
export { INPUT_FORMAT_CODES, InputFormatError } from "./InputFormatError.ts";
export type { InputFormatCode, InputFormatDetails } from "./InputFormatError.ts";
export { readCsv } from "./readCsv.ts";
export type { CsvRecord, ReadCsvOptions } from "./readCsv.ts";
export { readTickets, TICKET_PRESETS } from "./readTickets.ts";
export type { EventJoin, MessageJoin, ReadTicketsOptions, TicketReadResult } from "./readTickets.ts";
export { EVENT_PRESETS, readEvents } from "./readEvents.ts";
export type { EventPreset, ReadEventsOptions, TicketEvent } from "./readEvents.ts";
export { readMessages } from "./readMessages.ts";
export { readThreads } from "./readThreads.ts";
export type { ReadThreadsOptions, ThreadReadResult } from "./readThreads.ts";
export type { ThreadStats } from "./_threads.ts";
export type { ReadMessagesOptions, TicketMessage } from "./readMessages.ts";
export { readSurveyResponses } from "./readSurveyResponses.ts";
export type { ReadSurveyResponsesOptions } from "./readSurveyResponses.ts";
export { readCohorts } from "./readCohorts.ts";
export type { ReadCohortsOptions } from "./readCohorts.ts";
export { CALL_PRESETS, readCalls } from "./readCalls.ts";
export type { CallPreset, CallReadResult, ReadCallsOptions } from "./readCalls.ts";
