/**
 * Ticket satisfaction ratings as each helpdesk exports them, read into the ticket's
 * `satisfaction`, `satisfactionScale` and `satisfactionOffered` together: a rating reader
 * returns a {@link Rating} (or nothing), and readTickets spreads it onto the ticket.
 *
 * @internal
 * @module
 */
import type { SurveyScale } from "../models/survey.ts";
import type { TicketSatisfaction } from "../models/ticket.ts";
import { MetricRangeError } from "../_lib/errors.ts";
import type { ColumnMap } from "./types.ts";
import { bad, readNumber, type Reader } from "./_values.ts";

/** What a rating reader gives: the ticket fields it fills. @internal */
export interface Rating {
  readonly satisfaction?: TicketSatisfaction;
  readonly satisfactionScale?: SurveyScale;
  readonly satisfactionOffered?: boolean;
}

const GOOD: Rating = { satisfaction: "good", satisfactionOffered: true };
const BAD: Rating = { satisfaction: "bad", satisfactionOffered: true };
const OFFERED: Rating = { satisfactionOffered: true };

/** Reasons of the rating readers, each completing "`<column>` …". @internal */
export const RATING_REASONS = {
  zendesk: 'must be Good, Bad, Offered or Unoffered (also "Good with comment", "Bad with comment")',
  freshdesk:
    "must be a Freshdesk survey rating (Extremely Happy, Very Happy, Happy, Neutral, Unhappy, Very Unhappy, Extremely Unhappy; classic Awesome, Just Okay, Not Good; or its API value 103 … -103)",
  generic: 'must be "good", "bad", "offered", "unoffered" or a finite number',
} as const;

/**
 * Zendesk's CSAT score (ticket CSV "Satisfaction Score", API `satisfaction_rating.score`):
 * Good / Bad (with or without comment) are ratings of an offered survey; Offered is a
 * survey sent and not answered; Unoffered is no survey.
 *
 * @see https://developer.zendesk.com/api-reference/ticketing/ticket-management/satisfaction_ratings/
 * @internal
 */
export const readZendeskRating: Reader = (raw) => {
  if (typeof raw !== "string") return bad(RATING_REASONS.zendesk);
  switch (
    raw
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, " ")
  ) {
    case "good":
    case "good with comment":
    case "good without comment":
      return GOOD;
    case "bad":
    case "bad with comment":
    case "bad without comment":
      return BAD;
    case "offered":
      return OFFERED;
    case "unoffered":
      return undefined;
    default:
      return bad(RATING_REASONS.zendesk);
  }
};

/** Freshdesk's seven rating levels (API values 103 … -103) on a 1–7 scale. */
const FRESHDESK_SCALE: SurveyScale = { min: 1, max: 7 };
const FRESHDESK_LABELS = new Map<string, number>([
  ["extremely unhappy", 1],
  ["very unhappy", 2],
  ["unhappy", 3],
  ["neutral", 4],
  ["happy", 5],
  ["very happy", 6],
  ["extremely happy", 7],
  // The classic survey's three answers, with the API values 103, 100 and -103.
  ["awesome", 7],
  ["just okay", 4],
  ["not good", 1],
]);
const FRESHDESK_API = new Map<number, number>([
  [-103, 1],
  [-102, 2],
  [-101, 3],
  [100, 4],
  [101, 5],
  [102, 6],
  [103, 7],
]);
const freshdeskRatings = new Map<number, Rating>(
  [1, 2, 3, 4, 5, 6, 7].map((n) => [n, { satisfaction: n, satisfactionScale: FRESHDESK_SCALE }]),
);

/**
 * Freshdesk's survey result: a label of the custom survey (Extremely Unhappy … Extremely
 * Happy) or of the classic one (Not Good, Just Okay, Awesome), or the API's value (-103 …
 * 103), as 1–7 on the seven levels the API defines.
 *
 * @see https://developers.freshdesk.com/api/#satisfaction-ratings
 * @internal
 */
export const readFreshdeskRating: Reader = (raw) => {
  let level: number | undefined;
  if (typeof raw === "number") level = FRESHDESK_API.get(raw);
  else if (typeof raw === "string") {
    const s = raw.trim().toLowerCase().replace(/\s+/g, " ");
    level = FRESHDESK_LABELS.get(s) ?? (/^-?\d+$/.test(s) ? FRESHDESK_API.get(Number(s)) : undefined);
  }
  const rating = level === undefined ? undefined : freshdeskRatings.get(level);
  return rating ?? bad(RATING_REASONS.freshdesk);
};

/**
 * A numeric rating on `scale` (Intercom's `conversation_rating.rating` 1–5, a mapped column
 * with a stated scale); out-of-scale numbers are rejected.
 *
 * @internal
 */
export function readScaledRating(scale: SurveyScale, where: string): Reader {
  const reason = `must be a number from ${String(scale.min)} to ${String(scale.max)} (${where})`;
  return (raw) => {
    const n = readNumber(raw);
    if (typeof n !== "number" || n < scale.min || n > scale.max) return bad(reason);
    return { satisfaction: n, satisfactionScale: scale } satisfies Rating;
  };
}

/** Intercom's conversation rating: 1 to 5 stars. @internal */
export const readIntercomRating: Reader = readScaledRating({ min: 1, max: 5 }, "Intercom rates conversations 1 to 5");

/**
 * A rating column without a stated scale (the generic preset, `--map satisfaction=COL`):
 * good / bad (an answered binary survey), offered / unoffered, or a number, kept without a
 * scale (so not used for CSAT until a scale is stated with `COL:MIN-MAX`).
 *
 * @internal
 */
export const readGenericRating: Reader = (raw) => {
  if (typeof raw === "string") {
    switch (raw.trim().toLowerCase()) {
      case "good":
        return GOOD;
      case "bad":
        return BAD;
      case "offered":
        return OFFERED;
      case "unoffered":
        return undefined;
    }
  }
  const n = readNumber(raw);
  return typeof n === "number" ? ({ satisfaction: n } satisfies Rating) : bad(RATING_REASONS.generic);
};

const SCALE_SUFFIX = /:\s*(-?\d+)\s*-\s*(-?\d+)\s*$/;

/**
 * Takes a stated scale off the satisfaction entry of a column map: `satisfaction=COL:1-5`
 * (or `{ satisfaction: "COL:1-5" }`) becomes the column `COL` and the scale 1–5. Other
 * entries are left as they are. Throws `E_MAP_ENTRY` for a scale whose bounds are not
 * integers with min < max.
 *
 * @internal
 */
export function splitRatingScale(fn: string, map: ColumnMap | undefined): { map: ColumnMap | undefined; scale?: SurveyScale } {
  if (map === undefined) return { map };
  let scale: SurveyScale | undefined;
  const strip = (column: string): string => {
    const m = SCALE_SUFFIX.exec(column);
    if (m === null) return column;
    const min = Number(m[1]);
    const max = Number(m[2]);
    if (!(min < max)) {
      throw new MetricRangeError(
        "E_MAP_ENTRY",
        `${fn}: a satisfaction scale must look like COLUMN:MIN-MAX with integers MIN < MAX, got ${JSON.stringify(column)}`,
      );
    }
    scale = { min, max };
    return column.slice(0, m.index).trim();
  };
  const isRating = (field: string): boolean => field.trim() === "satisfaction";
  let out: ColumnMap;
  if (Array.isArray(map)) {
    out = (map as readonly string[]).map((entry) => {
      const at = typeof entry === "string" ? entry.indexOf("=") : -1;
      return at > 0 && isRating(entry.slice(0, at)) ? `${entry.slice(0, at)}=${strip(entry.slice(at + 1))}` : entry;
    });
  } else {
    const copy: Record<string, string> = {};
    for (const [field, column] of Object.entries(map as Readonly<Record<string, string>>)) {
      copy[field] = isRating(field) && typeof column === "string" ? strip(column) : column;
    }
    out = copy;
  }
  return scale === undefined ? { map: out } : { map: out, scale };
}

/** `true` for a {@link Rating} object (rather than a bare `"good"` / number of an older reader). @internal */
export function isRating(value: unknown): value is Rating {
  return typeof value === "object" && value !== null;
}
