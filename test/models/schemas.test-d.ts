// Type tests: each schema's output is exactly its model, both ways, under
// exactOptionalPropertyTypes (optional keys are `?: T`, never `T | undefined`).
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import {
  CallSchema,
  CohortSchema,
  MessageSchema,
  parseCohort,
  parseSchedule,
  parseSurveyResponse,
  parseTicket,
  safeParseTickets,
  ScheduleOverrideSchema,
  ScheduleSchema,
  StatusChangeSchema,
  SurveyResponseSchema,
  SurveyScaleSchema,
  TicketSchema,
  TicketStatusSchema,
  TimeRangeSchema,
  type Call,
  type Cohort,
  type Message,
  type ParseRowsResult,
  type Schedule,
  type ScheduleOverride,
  type StatusChange,
  type SurveyResponse,
  type SurveyScale,
  type Ticket,
  type TicketStatus,
  type TimeRange,
} from "../../src/models/schemas/index.ts";
import type { RowSchemas } from "../../src/models/schemas/rows.ts";

describe("schema outputs and models are assignable both ways", () => {
  it("Ticket", () => {
    expectTypeOf<z.output<typeof TicketSchema>>().toExtend<Ticket>();
    expectTypeOf<Ticket>().toExtend<z.output<typeof TicketSchema>>();
    expectTypeOf<z.output<RowSchemas["ticket"]>>().toExtend<Ticket>();
    expectTypeOf<Ticket>().toExtend<z.output<RowSchemas["ticket"]>>();
  });

  it("Message and StatusChange", () => {
    expectTypeOf<z.output<typeof MessageSchema>>().toExtend<Message>();
    expectTypeOf<Message>().toExtend<z.output<typeof MessageSchema>>();
    expectTypeOf<z.output<typeof StatusChangeSchema>>().toExtend<StatusChange>();
    expectTypeOf<StatusChange>().toExtend<z.output<typeof StatusChangeSchema>>();
    expectTypeOf<z.output<typeof TicketStatusSchema>>().toEqualTypeOf<TicketStatus>();
  });

  it("SurveyResponse", () => {
    expectTypeOf<z.output<typeof SurveyResponseSchema>>().toExtend<SurveyResponse>();
    expectTypeOf<SurveyResponse>().toExtend<z.output<typeof SurveyResponseSchema>>();
    expectTypeOf<z.output<typeof SurveyScaleSchema>>().toExtend<SurveyScale>();
    expectTypeOf<SurveyScale>().toExtend<z.output<typeof SurveyScaleSchema>>();
    expectTypeOf<z.output<RowSchemas["survey"]>>().toExtend<SurveyResponse>();
    expectTypeOf<SurveyResponse>().toExtend<z.output<RowSchemas["survey"]>>();
  });

  it("Call", () => {
    expectTypeOf<z.output<typeof CallSchema>>().toExtend<Call>();
    expectTypeOf<Call>().toExtend<z.output<typeof CallSchema>>();
  });

  it("Cohort", () => {
    expectTypeOf<z.output<typeof CohortSchema>>().toExtend<Cohort>();
    expectTypeOf<Cohort>().toExtend<z.output<typeof CohortSchema>>();
    expectTypeOf<z.output<RowSchemas["cohort"]>>().toExtend<Cohort>();
    expectTypeOf<Cohort>().toExtend<z.output<RowSchemas["cohort"]>>();
  });

  it("Schedule, ScheduleOverride and TimeRange", () => {
    expectTypeOf<z.output<typeof ScheduleSchema>>().toExtend<Schedule>();
    expectTypeOf<Schedule>().toExtend<z.output<typeof ScheduleSchema>>();
    expectTypeOf<z.output<typeof ScheduleOverrideSchema>>().toExtend<ScheduleOverride>();
    expectTypeOf<ScheduleOverride>().toExtend<z.output<typeof ScheduleOverrideSchema>>();
    expectTypeOf<z.output<typeof TimeRangeSchema>>().toExtend<TimeRange>();
    expectTypeOf<TimeRange>().toExtend<z.output<typeof TimeRangeSchema>>();
  });
});

describe("exactOptionalPropertyTypes: optional keys do not admit undefined", () => {
  it("rejects an explicit undefined in the schema outputs", () => {
    type T = z.output<typeof TicketSchema>;
    expectTypeOf<{ id: string; createdAt: Date; status: "open"; assignee: undefined }>().not.toExtend<T>();
    expectTypeOf<{ id: string; createdAt: Date; status: "open" }>().toExtend<T>();
    expectTypeOf<T["assignee"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Required<T>["assignee"]>().toEqualTypeOf<string>();
    expectTypeOf<Required<z.output<typeof CohortSchema>>["period"]>().toEqualTypeOf<"day" | "week" | "month" | "quarter" | "year">();
  });
});

describe("parse helper signatures", () => {
  it("return the models", () => {
    expectTypeOf(parseTicket).returns.toEqualTypeOf<Ticket>();
    expectTypeOf(parseSurveyResponse).returns.toEqualTypeOf<SurveyResponse>();
    expectTypeOf(parseCohort).returns.toEqualTypeOf<Cohort>();
    expectTypeOf(parseSchedule).returns.toEqualTypeOf<Schedule>();
    expectTypeOf(safeParseTickets).returns.toEqualTypeOf<ParseRowsResult<Ticket>>();
    expectTypeOf(parseTicket).parameter(1).toEqualTypeOf<{ readonly timeZone?: string } | undefined>();
  });
});
