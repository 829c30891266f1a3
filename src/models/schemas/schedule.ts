import { z } from "zod";
import { isLocalDate } from "../../_lib/timestamp.ts";
import { isValidTimeZone } from "../../_lib/zone.ts";
import { expect, expectOptional } from "./fields.ts";
import { REASONS } from "../../_lib/reasons.ts";

const START_RE = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const END_RE = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

const clockStart = z.string({ error: expect(REASONS.clockStart) }).regex(START_RE, { error: REASONS.clockStart });
const clockEnd = z.string({ error: expect(REASONS.clockEnd) }).regex(END_RE, { error: REASONS.clockEnd });
const localDate = z.string({ error: expect(REASONS.localDate) }).refine(isLocalDate, { error: REASONS.localDate });

/**
 * A {@link TimeRange}: a `[start, end]` pair of `"HH:MM"` strings on the 24-hour clock,
 * `start` from `00:00` to `23:59`, `end` from `00:00` to `24:00`, and `end ≠ start` (an
 * equal pair would be ambiguous between nothing and a whole day; write
 * `["00:00", "24:00"]` for a whole day). An `end` before `start` crosses midnight.
 *
 * @category Models
 */
export const TimeRangeSchema = z
  .tuple([clockStart, clockEnd], { error: expect(REASONS.timeRange) })
  .superRefine((range, ctx) => {
    if (range[0] === range[1]) ctx.addIssue({ code: "custom", path: [1], message: REASONS.emptyRange, input: range[1] });
  })
  .readonly();

const hours = z.array(TimeRangeSchema, { error: expect(REASONS.array) }).readonly();
const optionalHours = z
  .array(TimeRangeSchema, { error: expectOptional(REASONS.array) })
  .readonly()
  .exactOptional();

/**
 * A {@link ScheduleOverride}: `date` a `"YYYY-MM-DD"` date that exists, `hours` a list of
 * {@link TimeRange}s (empty when closed).
 *
 * @category Models
 */
export const ScheduleOverrideSchema = z.object({ date: localDate, hours }, { error: expect(REASONS.object) });

const weekly = z.strictObject(
  {
    mon: optionalHours,
    tue: optionalHours,
    wed: optionalHours,
    thu: optionalHours,
    fri: optionalHours,
    sat: optionalHours,
    sun: optionalHours,
  },
  { error: expect(REASONS.object) },
);

const overrides = z
  .array(ScheduleOverrideSchema, { error: expectOptional(REASONS.array) })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((override, i) => {
      if (seen.has(override.date)) {
        ctx.addIssue({ code: "custom", path: [i, "date"], message: REASONS.duplicateOverride, input: override.date });
      }
      seen.add(override.date);
    });
  })
  .readonly();

/**
 * The {@link Schedule} model exactly: `timeZone` an IANA zone the runtime knows (checked
 * with `Intl.DateTimeFormat`), `weekly` an object whose only keys are `mon` … `sun`, each
 * a list of {@link TimeRange}s; `holidays` `"YYYY-MM-DD"` dates that exist; `overrides`
 * with distinct dates. Overlapping ranges within a day are not rejected.
 *
 * @example
 * ```ts
 * ScheduleSchema.parse({ timeZone: "Europe/Bucharest", weekly: { mon: [["09:00", "17:00"]] } }).weekly.mon;
 * // => [["09:00", "17:00"]]
 * ```
 * @category Models
 */
export const ScheduleSchema = z.object(
  {
    timeZone: z.string({ error: expect(REASONS.timeZone) }).refine(isValidTimeZone, { error: REASONS.timeZone }),
    weekly,
    holidays: z
      .array(localDate, { error: expectOptional(REASONS.array) })
      .readonly()
      .exactOptional(),
    overrides: overrides.exactOptional(),
  },
  { error: expect(REASONS.object) },
);
