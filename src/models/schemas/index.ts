/**
 * `cx-metrics/models`: zod schemas for the models, and parse helpers that validate
 * untrusted rows (CSV or JSON records) at the boundary, coercing the forms helpdesk exports
 * use and reporting every rejected row with its field, value and reason.
 *
 * ```ts
 * import { safeParseTickets, TicketSchema, type Ticket } from "cx-metrics/models";
 * ```
 *
 * @packageDocumentation
 */
export type {
  AuthorRole,
  Call,
  CallOutcome,
  Cohort,
  CohortPeriod,
  FieldChange,
  Message,
  Schedule,
  ScheduleOverride,
  StatusChange,
  SurveyKind,
  SurveyResponse,
  SurveyScale,
  Ticket,
  TicketField,
  TicketSatisfaction,
  TicketStatus,
  TimeRange,
  Weekday,
} from "../index.ts";
export { CALL_OUTCOMES, TICKET_FIELDS, TICKET_STATUSES } from "../index.ts";
export { MessageSchema } from "./message.ts";
export { FieldChangeSchema, StatusChangeSchema, TicketSchema, TicketStatusSchema } from "./ticket.ts";
export { SurveyResponseSchema, SurveyScaleSchema } from "./survey.ts";
export { CohortSchema } from "./cohort.ts";
export { CallSchema } from "./call.ts";
export { ScheduleOverrideSchema, ScheduleSchema, TimeRangeSchema } from "./schedule.ts";
export { normalizeStatus } from "./normalizeStatus.ts";
export { MODEL_VALIDATION_CODES, ModelValidationError } from "./errors.ts";
export type { FieldIssue, ModelValidationCode, RowIssue } from "./errors.ts";
export type { ParseOptions, ParseRowsResult } from "./options.ts";
export { parseTicket } from "./parseTicket.ts";
export { safeParseTickets } from "./safeParseTickets.ts";
export { parseSurveyResponse } from "./parseSurveyResponse.ts";
export { safeParseSurveyResponses } from "./safeParseSurveyResponses.ts";
export { parseCohort } from "./parseCohort.ts";
export { safeParseCohorts } from "./safeParseCohorts.ts";
export { parseSchedule } from "./parseSchedule.ts";
