/**
 * The reasons the readers give, each completing the sentence "`<column>` …". They follow
 * the wording of the model schemas' reasons (src/models/schemas/reasons.ts) but are kept
 * here so the input layer does not depend on that module's internals.
 *
 * @internal
 * @module
 */
export const REASONS = {
  required: "is required",
  array: "must be an array",
  object: "must be an object",
  string: "must be a string",
  id: "must be a non-empty string or a finite number",
  finite: "must be a finite number",
  count: "must be a non-negative integer",
  boolean: 'must be true or false (also "true" or "false")',
  tags: "must be an array of strings or a comma-separated string",
  status: "must be a ticket status (new, open, pending, on_hold, solved, closed) or a known helpdesk status name",
  satisfaction: 'must be "good", "bad" or a finite number',
  author: "must be customer, agent, bot or system",
  kind: "must be nps, csat or ces",
  period: "must be day, week, month, quarter or year",
  scaleOrder: "must be less than scale.max",
  scoreRange: "must be within the scale, from scale.min to scale.max",
  npsScale: "must be { min: 0, max: 10 } for an nps survey",
  npsScore: "must be an integer for an nps survey",
  activeSize: "must be at most size",
} as const;
