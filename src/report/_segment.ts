/**
 * Segmentations: which segment(s) a ticket or a response belongs to, keyed through the
 * grouping mechanism of `src/_lib/group.ts` (`groupKey`, `compositeKey`, `splitKey`). A
 * segmentation's state (./_segments.ts) holds one scope state of the composition per key.
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import { compositeKey, groupKey, splitKey, type KeyFn } from "../_lib/group.ts";
import type { SurveyResponse } from "../models/survey.ts";
import type { Ticket } from "../models/ticket.ts";
import type { BatchLabel } from "../models/ticketBatch.ts";
import type { CustomDimension, SegmentDimension, SegmentKey } from "./types.ts";

/** A compiled segmentation. @internal */
export interface Segmentation {
  /** The dimension names. */
  readonly dimensions: readonly string[];
  /** `true` when a ticket may be in several segments (a tag dimension). */
  readonly overlapping: boolean;
  /** `true` when responses can be segmented (every dimension has a response key). */
  readonly survey: boolean;
  /** The segment keys of a ticket (one, or several with tags; tags deduplicated). */
  readonly ticketKeys: (ticket: Ticket) => readonly string[];
  /** The segment key of a response; only when `survey`. */
  readonly responseKey: (response: SurveyResponse) => string;
  /** The batch labels of the dimensions when every one is a built-in label (no tag, no custom key). */
  readonly labels: readonly BatchLabel[] | undefined;
  /** `true` when the first dimension is `period`: segments are listed in time order, not by size. */
  readonly chronological: boolean;
}

const DIMENSIONS: readonly SegmentDimension[] = ["assignee", "group", "channel", "type", "priority", "brand", "tag", "period"];

/**
 * The calendar buckets the `period` dimension reads (the report's `bucket` in its `timeZone`).
 *
 * @internal
 */
export interface PeriodBuckets {
  /** The label of the bucket holding epoch ms `ms`. */
  readonly label: (ms: number) => string;
}

const TICKET_KEY: Readonly<Record<Exclude<SegmentDimension, "tag" | "period">, KeyFn<Ticket>>> = {
  assignee: (t) => t.assignee,
  group: (t) => t.group,
  channel: (t) => t.channel,
  type: (t) => t.type,
  priority: (t) => t.priority,
  brand: (t) => t.brand,
};

const RESPONSE_KEY: Readonly<Partial<Record<SegmentDimension, KeyFn<SurveyResponse>>>> = {
  assignee: (r) => r.agent,
  channel: (r) => r.channel,
};

interface Part {
  readonly name: string;
  readonly label: BatchLabel | undefined;
  readonly ticket: KeyFn<Ticket> | "tag";
  readonly response: KeyFn<SurveyResponse> | undefined;
}

function part(fn: string, dimension: SegmentDimension | CustomDimension, periods: PeriodBuckets): Part {
  if (typeof dimension === "string") {
    if (!DIMENSIONS.includes(dimension)) {
      throw new MetricRangeError(
        "E_SEGMENT_KEY",
        `${fn}: a segment dimension must be one of ${DIMENSIONS.join(", ")} or { name, key }, got ${JSON.stringify(dimension)}`,
      );
    }
    if (dimension === "period") {
      // Tickets reach segments with a valid createdAt only; responses with a valid answeredAt.
      return {
        name: dimension,
        label: undefined,
        ticket: (t) => periods.label(t.createdAt.getTime()),
        response: (r) => periods.label(r.answeredAt.getTime()),
      };
    }
    return {
      name: dimension,
      label: dimension === "tag" ? undefined : dimension,
      ticket: dimension === "tag" ? "tag" : TICKET_KEY[dimension],
      response: RESPONSE_KEY[dimension],
    };
  }
  if (
    dimension === null ||
    typeof dimension !== "object" ||
    typeof dimension.name !== "string" ||
    dimension.name === "" ||
    typeof dimension.key !== "function"
  ) {
    throw new MetricRangeError(
      "E_SEGMENT_KEY",
      `${fn}: a custom segment dimension must have a non-empty name and a key function, got ${String(dimension)}`,
    );
  }
  return { name: dimension.name, label: undefined, ticket: dimension.key, response: dimension.responseKey };
}

function tagKeys(ticket: Ticket): string[] {
  const tags = ticket.tags;
  if (tags === undefined || tags.length === 0) return [groupKey(undefined)];
  return [...new Set(tags.map((t) => groupKey(t)))];
}

/**
 * Compiles a {@link SegmentKey} (`period` labels buckets with `periods`); throws `E_SEGMENT_KEY`
 * for an unknown or malformed dimension or an empty list.
 *
 * @internal
 */
export function compileSegmentation(fn: string, key: SegmentKey, periods: PeriodBuckets): Segmentation {
  const list =
    typeof key === "string" || !Array.isArray(key)
      ? [key as SegmentDimension | CustomDimension]
      : (key as readonly (SegmentDimension | CustomDimension)[]);
  if (list.length === 0) throw new MetricRangeError("E_SEGMENT_KEY", `${fn}: a segment key must name at least one dimension, got []`);
  const parts = list.map((d) => part(fn, d, periods));
  const overlapping = parts.some((p) => p.ticket === "tag");
  const survey = parts.every((p) => p.response !== undefined);
  const single = overlapping ? undefined : compositeKey<Ticket>(...parts.map((p) => p.ticket as KeyFn<Ticket>));
  const ticketKeys = (ticket: Ticket): readonly string[] => {
    if (single !== undefined) return [single(ticket)];
    let keys: string[][] = [[]];
    for (const p of parts) {
      const values = p.ticket === "tag" ? tagKeys(ticket) : [groupKey(p.ticket(ticket))];
      keys = keys.flatMap((prefix) => values.map((v) => [...prefix, v]));
    }
    return keys.map((k) => JSON.stringify(k));
  };
  const responseKey = survey ? compositeKey<SurveyResponse>(...parts.map((p) => p.response as KeyFn<SurveyResponse>)) : () => "";
  const labels = parts.every((p) => p.label !== undefined) ? parts.map((p) => p.label as BatchLabel) : undefined;
  const chronological = typeof list[0] === "string" && list[0] === "period";
  return { dimensions: parts.map((p) => p.name), overlapping, survey, ticketKeys, responseKey, labels, chronological };
}

/** The parts of a segment key. @internal */
export const keyParts = splitKey;
