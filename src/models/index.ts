export type { AuthorRole, Message } from "./message.ts";
export type { StatusChange, Ticket, TicketSatisfaction, TicketStatus } from "./ticket.ts";
export { TICKET_STATUSES, isResolvedStatus } from "./ticket.ts";
export type { SurveyKind, SurveyResponse, SurveyScale } from "./survey.ts";
export type { Cohort, CohortPeriod } from "./cohort.ts";
export type { Schedule, ScheduleOverride, TimeRange, Weekday } from "./schedule.ts";
export type { SlaHours, SlaMetric, SlaPolicy, SlaTarget } from "./sla.ts";
