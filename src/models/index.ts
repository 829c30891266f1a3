export type { AuthorRole, Message } from "./message.ts";
export type {
  FieldChange,
  HelpdeskDurationKey,
  HelpdeskDurations,
  StatusChange,
  Ticket,
  TicketField,
  TicketSatisfaction,
  TicketStatus,
} from "./ticket.ts";
export { HELPDESK_DURATION_KEYS, TICKET_FIELDS, TICKET_STATUSES, isResolvedStatus } from "./ticket.ts";
export type { SurveyKind, SurveyResponse, SurveyScale } from "./survey.ts";
export type { Cohort, CohortPeriod } from "./cohort.ts";
export type { Call, CallOutcome } from "./call.ts";
export { CALL_OUTCOMES } from "./call.ts";
export type { Schedule, ScheduleOverride, TimeRange, Weekday } from "./schedule.ts";
export type { SlaHours, SlaMetric, SlaPolicy, SlaTarget } from "./sla.ts";
