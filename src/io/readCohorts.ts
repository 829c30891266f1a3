import type { Cohort, CohortPeriod } from "../models/cohort.ts";
import { REASONS } from "../_lib/reasons.ts";
import { applyColumnMap, readModel, type BuildIssue, type FieldSpec } from "./_engine.ts";
import { InputFormatError } from "./InputFormatError.ts";
import { checkTimeZone, parseColumnMap } from "./_options.ts";
import { bad, good, Invalid, IO_REASONS, readChoice, readCount, readId, readTimestamp, type Reader } from "./_values.ts";
import type { InputSource, ReadOptions, ReadResult } from "./types.ts";

/**
 * Options of {@link readCohorts}: the shared {@link ReadOptions}; `map` takes the fields
 * `label`, `start`, `period`, `size` (the `active_N` columns are found by name).
 *
 * @category Input
 */
export type ReadCohortsOptions = ReadOptions;

const FIELDS = ["label", "start", "period", "size"] as const;
const ACTIVE_RE = /^active[ _]?(\d+)$/i;

/** A JSON `active` array: counts, then optionally only `null`s (periods not yet observed). */
const readActiveArray: Reader = (raw) => {
  if (!Array.isArray(raw)) return bad(REASONS.array);
  const out: number[] = [];
  let ended = false;
  for (const item of raw as unknown[]) {
    if (item === null) {
      ended = true;
      continue;
    }
    if (ended) return bad(IO_REASONS.activeGap);
    const n = readCount(item);
    if (n instanceof Invalid) return n;
    out.push(n as number);
  }
  return good(out);
};

/**
 * Reads retention cohorts (columns `label`, `start`, `period`, `size`, `active_1` …
 * `active_N`, blanks for periods not yet observed; or JSON objects with an `active` array)
 * as a stream of {@link Cohort}s, rejecting and counting the rows that do not fit.
 *
 * @param input - The export: a {@link InputSource} (a Web `ReadableStream` of bytes, a `File`
 *   or `Blob`, an async iterable of bytes; in Node `openFile(path)` from `cx-metrics/io/node`).
 *   Its name (`.csv`, `.tsv`, `.json`, `.ndjson`, `.jsonl`, optionally `.gz`) or its first bytes
 *   decide the layout; gzip is recognised by its magic bytes.
 * @param options - {@link ReadCohortsOptions}; all optional, but a date-only `start`
 *   (`2026-01-01`) is a naive local time and needs `timeZone`.
 * @returns The cohorts (single-use async iterable) with the accounting; `read === used +
 *   rejected` once iterated. An empty file gives no cohorts.
 * @throws {@link InputFormatError} `E_INPUT_COLUMNS` at once when `label`, `start` or
 *   `size` is missing; `E_INPUT_SYNTAX` for JSON that is not an array or object.
 * @throws {@link InputFormatError} `E_INPUT_EMPTY`, `E_INPUT_ENCODING`, `E_INPUT_DUPLICATE_COLUMN`,
 *   `E_INPUT_GZIP`, `E_INPUT_LIMIT` for inputs that cannot be read (see `readTickets`).
 * @throws `MetricRangeError` (from `cx-metrics`) `E_OPTION_VALUE` at once when `input` is not a source (a path
 *   string is not: open it with `openFile`); `E_TIME_ZONE`, `E_MAP_ENTRY`, `E_MAP_FIELD` for bad options.
 * @remarks The `active_N` columns are taken in the order of N. Blanks must all come at the
 *   end of a row (a count after a blank rejects the row), and each count is at most `size`.
 *   `period` is day, week, month, quarter or year, and is left out when blank.
 * @example
 * ```ts
 * const { records } = await readCohorts(openFile("examples/data/cohorts.csv"), { timeZone: "UTC" });
 * for await (const cohort of records) console.log(cohort.label, cohort.active.length);
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Cohort_analysis}
 * @category Input
 */
export async function readCohorts(input: InputSource, options?: ReadCohortsOptions): Promise<ReadResult<Cohort>> {
  const fn = "readCohorts";
  const opts = options ?? {};
  const timeZone = checkTimeZone(fn, opts.timeZone);
  const map = parseColumnMap(fn, opts.map, FIELDS);
  const base: FieldSpec[] = [
    { key: "label", columns: ["label"], read: readId, required: true },
    { key: "start", columns: ["start"], read: readTimestamp(timeZone), required: true },
    { key: "period", columns: ["period"], read: readChoice(["day", "week", "month", "quarter", "year"], REASONS.period) },
    { key: "size", columns: ["size"], read: readCount, required: true },
    { key: "active", columns: ["active"], read: readActiveArray },
  ];
  const fields = applyColumnMap(fn, base, map, () => readId);
  let activeKeys: string[] = [];
  return readModel<Cohort>(input, opts, {
    fn,
    preset: "cohorts",
    fields,
    fromHeader: (header) => {
      const found = header
        .map((name) => ({ name, n: Number(ACTIVE_RE.exec(name)?.[1] ?? Number.NaN) }))
        .filter((c) => Number.isInteger(c.n))
        .sort((a, b) => a.n - b.n);
      for (let i = 1; i < found.length; i++) {
        if (found[i]?.n === found[i - 1]?.n) {
          throw new InputFormatError(
            "E_INPUT_COLUMNS",
            `readCohorts: columns ${JSON.stringify(found[i - 1]?.name)} and ${JSON.stringify(found[i]?.name)} both hold period ${String(found[i]?.n)}`,
            { preset: "cohorts", found: header, expected: ["label", "start", "size", "active_1", "active_2", "..."], missing: [] },
          );
        }
      }
      activeKeys = found.map((c) => `active.${String(c.n)}`);
      return found.map((c) => ({ key: `active.${String(c.n)}`, columns: [c.name], read: readCount }));
    },
    build: ({ values }) => {
      const size = values["size"] as number;
      const issues: BuildIssue[] = [];
      let active = values["active"] as number[] | undefined;
      const fromColumns = active === undefined;
      const activeKey = (i: number): string => (fromColumns ? (activeKeys[i] ?? "active") : "active");
      if (active === undefined) {
        active = [];
        let blank = false;
        for (const key of activeKeys) {
          const value = values[key] as number | undefined;
          if (value === undefined) blank = true;
          else if (blank) issues.push({ key, reason: IO_REASONS.activeGap });
          else active.push(value);
        }
      }
      active.forEach((n, i) => {
        if (n > size) issues.push({ key: activeKey(i), reason: REASONS.activeSize });
      });
      if (issues.length > 0) return { ok: false, issues };
      const period = values["period"] as CohortPeriod | undefined;
      const cohort: Cohort = {
        label: values["label"] as string,
        start: values["start"] as Date,
        size,
        active,
        ...(period === undefined ? {} : { period }),
      };
      return { ok: true, value: cohort };
    },
  });
}
