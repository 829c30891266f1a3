/**
 * The stable reasons the schemas, the parse helpers and the file readers give, each completing the sentence
 * "`<field>` …". docs/guide/models.md lists them.
 *
 * @internal
 * @module
 */
export const REASONS = {
  required: "is required",
  undefinedOptional: "must be left out rather than set to undefined (the models use exactOptionalPropertyTypes)",
  object: "must be an object",
  array: "must be an array",
  string: "must be a string",
  nonEmptyString: "must be a non-empty string",
  id: "must be a non-empty string or a finite number",
  date: "must be a valid Date",
  count: "must be a non-negative integer",
  integer: "must be an integer",
  boolean: 'must be true or false (also "true" or "false")',
  tags: "must be an array of strings or a comma-separated string",
  status: "must be a ticket status (new, open, pending, on_hold, solved, closed) or a known helpdesk status name",
  satisfaction: 'must be "good", "bad" or a finite number',
  author: "must be customer, agent, bot or system",
  field: "must be assignee, group or priority",
  kind: "must be nps, csat or ces",
  period: "must be day, week, month, quarter or year",
  scaleOrder: "must be less than scale.max",
  scoreRange: "must be within the scale, from scale.min to scale.max",
  npsScale: "must be { min: 0, max: 10 } for an nps survey",
  activeSize: "must be at most size",
  finite: "must be a finite number",
  npsScore: "must be an integer for an nps survey",
  timeZone: "must be a valid IANA time zone",
  clockStart: "must be a time HH:MM from 00:00 to 23:59",
  clockEnd: "must be a time HH:MM from 00:00 to 24:00",
  emptyRange: "must differ from the start of the range",
  timeRange: "must be a [start, end] pair of HH:MM strings",
  localDate: "must be a date YYYY-MM-DD that exists",
  duplicateOverride: "must not repeat the date of an earlier override",
  weekday: "is not a weekday (mon, tue, wed, thu, fri, sat, sun)",
} as const;

/** The reason for a ticket id seen before, naming the first row that has it. */
export function duplicateIdReason(firstRow: number): string {
  return `must be unique; row ${String(firstRow)} has the same id`;
}
