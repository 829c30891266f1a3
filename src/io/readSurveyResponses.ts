import type { SurveyKind, SurveyResponse } from "../models/survey.ts";
import { REASONS } from "../_lib/reasons.ts";
import { applyColumnMap, readModel, type BuildIssue, type FieldSpec } from "./_engine.ts";
import { checkTimeZone, ID_SEPARATOR, parseColumnMap } from "./_options.ts";
import { readChoice, readId, readNumber, readText, readTimestamp } from "./_values.ts";
import type { InputSource, ReadOptions, ReadResult } from "./types.ts";

/**
 * Options of {@link readSurveyResponses}: the shared {@link ReadOptions}; `map` takes the
 * fields `kind`, `score`, `scaleMin`, `scaleMax`, `answeredAt`, `ticketId`, `customerId`,
 * `agent`, `channel`.
 *
 * @category Input
 */
export type ReadSurveyResponsesOptions = ReadOptions;

/** Fields a column map may read from two columns (`A+B`): ids joined by `/`, a date and a time of day by a space. */
const JOINED_IDS = new Set(["ticketId", "customerId"]);

const FIELDS = ["kind", "score", "scaleMin", "scaleMax", "answeredAt", "ticketId", "customerId", "agent", "channel"] as const;

/**
 * Reads survey answers (columns `kind`, `score`, `scale_min`, `scale_max`, `answered_at`,
 * `ticket_id`, `customer_id`, `agent`, `channel`) as a stream of {@link SurveyResponse}s,
 * rejecting and counting the rows that do not fit.
 *
 * @param input - The export: a {@link InputSource} (a Web `ReadableStream` of bytes, a `File`
 *   or `Blob`, an async iterable of bytes; in Node `openFile(path)` from `cx-metrics/io/node`).
 *   Its name (`.csv`, `.tsv`, `.json`, `.ndjson`, `.jsonl`, optionally `.gz`) or its first bytes
 *   decide the layout; gzip is recognised by its magic bytes.
 * @param options - {@link ReadSurveyResponsesOptions}; all optional.
 * @returns The responses (single-use async iterable) with the accounting; `read === used +
 *   rejected` once iterated. An empty file gives no responses.
 * @throws {@link InputFormatError} `E_INPUT_COLUMNS` at once when `kind`, `score` or
 *   `answered_at` is missing; `E_INPUT_SYNTAX` for JSON that is not an array or object.
 * @throws {@link InputFormatError} `E_INPUT_EMPTY`, `E_INPUT_ENCODING`, `E_INPUT_DUPLICATE_COLUMN`,
 *   `E_INPUT_GZIP`, `E_INPUT_LIMIT` for inputs that cannot be read (see `readTickets`).
 * @throws `MetricRangeError` (from `cx-metrics`) `E_OPTION_VALUE` at once when `input` is not a source (a path
 *   string is not: open it with `openFile`); `E_TIME_ZONE`, `E_OPTION_VALUE` (`dateFormat`), `E_MAP_ENTRY`,
 *   `E_MAP_FIELD` for bad options.
 * @remarks The checks of the model: `kind` is nps, csat or ces; `scale_min < scale_max`;
 *   the score lies on the scale; an nps answer is an integer on 0–10. The scale may be left
 *   blank for nps (it is 0–10); other kinds need it.
 * @example
 * ```ts
 * const { records, stats, rejects } = await readSurveyResponses(openFile("examples/data/responses.csv"));
 * for await (const response of records) console.log(response.kind, response.score);
 * rejects[0].reason; // => "must be within the scale, from scale.min to scale.max"
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Net_promoter_score}
 * @category Input
 */
export async function readSurveyResponses(input: InputSource, options?: ReadSurveyResponsesOptions): Promise<ReadResult<SurveyResponse>> {
  const fn = "readSurveyResponses";
  const opts = options ?? {};
  const timeZone = checkTimeZone(fn, opts.timeZone);
  const map = parseColumnMap(fn, opts.map, FIELDS);
  const base: FieldSpec[] = [
    { key: "kind", columns: ["kind"], read: readChoice(["nps", "csat", "ces"], REASONS.kind), required: true },
    { key: "score", columns: ["score"], read: readNumber, required: true },
    { key: "scaleMin", columns: ["scale_min", "scaleMin"], read: readNumber },
    { key: "scaleMax", columns: ["scale_max", "scaleMax"], read: readNumber },
    { key: "answeredAt", columns: ["answered_at", "answeredAt"], read: readTimestamp(timeZone), required: true },
    { key: "ticketId", columns: ["ticket_id", "ticketId"], read: readId },
    { key: "customerId", columns: ["customer_id", "customerId"], read: readId },
    { key: "agent", columns: ["agent"], read: readText },
    { key: "channel", columns: ["channel"], read: readText },
  ];
  const fields = applyColumnMap(fn, base, map, () => readText, {
    joinWith: (key) => (JOINED_IDS.has(key) ? ID_SEPARATOR : key === "answeredAt" ? " " : undefined),
  });
  return readModel<SurveyResponse>(input, opts, {
    fn,
    preset: "survey responses",
    fields,
    build: ({ values }) => {
      const kind = values["kind"] as SurveyKind;
      const score = values["score"] as number;
      let min = values["scaleMin"] as number | undefined;
      let max = values["scaleMax"] as number | undefined;
      if (kind === "nps" && min === undefined && max === undefined) {
        min = 0;
        max = 10;
      }
      const issues: BuildIssue[] = [];
      if (min === undefined) issues.push({ key: "scaleMin", reason: REASONS.required });
      if (max === undefined) issues.push({ key: "scaleMax", reason: REASONS.required });
      if (min !== undefined && max !== undefined) {
        if (!(min < max)) issues.push({ key: "scaleMin", reason: REASONS.scaleOrder });
        else if (kind === "nps" && (min !== 0 || max !== 10)) issues.push({ key: "scaleMin", reason: REASONS.npsScale });
        else if (kind === "nps" && !Number.isInteger(score)) issues.push({ key: "score", reason: REASONS.npsScore });
        else if (score < min || score > max) issues.push({ key: "score", reason: REASONS.scoreRange });
      }
      if (issues.length > 0 || min === undefined || max === undefined) return { ok: false, issues };
      const response: Record<string, unknown> = { kind, score, scale: { min, max }, answeredAt: values["answeredAt"] };
      for (const key of ["ticketId", "customerId", "agent", "channel"] as const) {
        const value = values[key];
        if (value !== undefined) response[key] = value;
      }
      return { ok: true, value: response as unknown as SurveyResponse };
    },
  });
}
