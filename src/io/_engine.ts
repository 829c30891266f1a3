/**
 * The reading engine shared by every model reader: open the input, resolve the preset's
 * columns (throwing {@link InputFormatError} at once when required ones are missing), then
 * read each record with hand guards, build the model, and account for every record. What a
 * reader tells it is in ./_modelSpec.ts, column resolution in ./_columns.ts, the batch view
 * of a result in ./_batches.ts (re-exported here).
 *
 * @internal
 * @module
 */
import { InputFormatError } from "./InputFormatError.ts";
import { csvBatches, type CsvCounters, type CsvRow } from "./_csv.ts";
import { jsonItems, JsonSyntaxError, ndjsonItems } from "./_json.ts";
import { openInput, type OpenedInput } from "./_open.ts";
import { Invalid, isMissing, showValue } from "./_values.ts";
import { checkDateFormat, withDateFormat } from "./dateFormat.ts";
import type { InputInfo, InputSource, ReadOptions, ReadResult, ReadStats, Reject } from "./types.ts";
import { REASONS } from "../_lib/reasons.ts";
import { batched, withBatches, type RecordBatch } from "./recordBatches.ts";
import { checkDuplicates, columnsRead, compileCsv, compileJson, presence, settlePresence, type Compiled } from "./_columns.ts";
import type { Built, ModelSpec } from "./_modelSpec.ts";

export { recordBatches, withBatches, type RecordBatch } from "./recordBatches.ts";
export {
  applyColumnMap,
  type BuildIssue,
  type Built,
  type FieldSpec,
  type MapRules,
  type ModelSpec,
  type RecordValues,
  type SlotValues,
} from "./_modelSpec.ts";

interface Item {
  readonly record: number;
  readonly line?: number;
  readonly data?: unknown;
  readonly problem?: string;
}

async function* expand(
  items: AsyncIterable<{ record: number; line?: number; value?: unknown; problem?: string }>,
  unwrap: ModelSpec<unknown>["unwrap"],
): AsyncGenerator<Item> {
  let record = 0;
  for await (const item of items) {
    if (item.problem !== undefined) {
      yield item.line === undefined
        ? { record: ++record, problem: item.problem }
        : { record: ++record, line: item.line, problem: item.problem };
      continue;
    }
    const inner = unwrap?.(item.value);
    if (inner !== undefined) {
      for (const data of inner) yield { record: ++record, data };
      continue;
    }
    yield item.line === undefined ? { record: ++record, data: item.value } : { record: ++record, line: item.line, data: item.value };
  }
}

async function* withFirst<T>(first: T | undefined, rest: AsyncIterator<T>): AsyncGenerator<T> {
  if (first !== undefined) yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
    yield next.value;
  }
}

function syntaxError(spec: ModelSpec<unknown>, error: unknown): unknown {
  if (!(error instanceof JsonSyntaxError)) return error;
  return new InputFormatError("E_INPUT_SYNTAX", `${spec.fn}: ${error.message}`, {
    preset: spec.preset,
    found: [],
    expected: [],
    missing: [],
  });
}

/**
 * An error of the input itself (a damaged gzip stream, a record past the size limit), thrown
 * by the layers below without a function name, with `spec`'s name and preset and, when
 * records were read before it, how many: they have been handed over and counted.
 */
function streamError(spec: ModelSpec<unknown>, error: unknown, stats: ReadStats): unknown {
  if (!(error instanceof InputFormatError) || error.preset !== "") return syntaxError(spec, error);
  const before = stats.read === 0 ? "" : ` (${String(stats.read)} record${stats.read === 1 ? "" : "s"} read before it)`;
  return new InputFormatError(error.code, `${spec.fn}: ${error.message}${before}`, {
    preset: spec.preset,
    found: error.found,
    expected: [],
    missing: [],
    ...(error.input === undefined ? {} : { input: error.input }),
  });
}

/**
 * Attributes the decoder's replaced UTF-8 sequences not yet attributed to the columns of
 * `batch`: each field holding U+FFFD takes as many as it holds, up to the number pending
 * (the decoder runs ahead of the parser, so a batch's replacements are already counted).
 */
function attributeReplacements(
  batch: readonly Item[],
  decoding: OpenedInput["decoding"],
  stats: ReadStats,
  attributed: { n: number },
  columnOf: (item: Item, index: number) => string | undefined,
): void {
  let pending = decoding.invalidUtf8 - attributed.n;
  if (pending <= 0) return;
  const add = (column: string, n: number): void => {
    stats.invalidUtf8ByColumn[column] = (stats.invalidUtf8ByColumn[column] ?? 0) + n;
    attributed.n += n;
    pending -= n;
  };
  for (const item of batch) {
    const data = item.data;
    const fields: [string | undefined, unknown][] = Array.isArray(data)
      ? data.map((value, i) => [columnOf(item, i), value])
      : typeof data === "object" && data !== null
        ? Object.entries(data)
        : [];
    for (const [column, value] of fields) {
      if (pending <= 0) return;
      if (typeof value !== "string" || !value.includes("\uFFFD")) continue;
      let n = 0;
      for (let at = value.indexOf("\uFFFD"); at >= 0; at = value.indexOf("\uFFFD", at + 1)) n++;
      add(column ?? "(other)", Math.min(n, pending));
    }
  }
}

/**
 * Reads `input` as `spec` describes. Opens the input and checks its columns before it
 * returns, so a wrong file throws at once.
 *
 * @internal
 */
export async function readModel<T>(input: InputSource, options: ReadOptions, model: ModelSpec<T>): Promise<ReadResult<T>> {
  const dateFormat = checkDateFormat(model.fn, options.dateFormat);
  const spec = dateFormat === undefined ? model : withDateFormat(model, dateFormat);
  const opened = await openInput(spec.fn, input, options.format);
  if (opened.empty) {
    throw new InputFormatError("E_INPUT_EMPTY", `${spec.fn}: ${opened.name}: the file is empty`, {
      preset: spec.preset,
      found: [],
      expected: [],
      missing: [],
      input: opened.name,
    });
  }
  const stats: ReadStats = {
    read: 0,
    used: 0,
    rejected: 0,
    excluded: 0,
    excludedBy: {},
    blankLines: 0,
    invalidUtf8: 0,
    invalidUtf8ByColumn: {},
  };
  const attributed = { n: 0 };
  const fail = (error: unknown): unknown => streamError(spec as ModelSpec<unknown>, error, stats);
  const rejects: Reject[] = [];
  // InputInfo.fields and blankFields, filled in as the records are read (./_columns.ts).
  const provided = { fields: [] as string[], blankFields: [] as string[] };
  let compiled: Compiled[];
  let items: AsyncIterator<readonly Item[]>;
  let info: InputInfo;
  if (opened.format === "csv") {
    const counters: CsvCounters = { blankLines: 0 };
    const batches = csvBatches(opened.chunks, options.delimiter ?? opened.delimiterHint, counters, opened.name);
    let head: IteratorResult<CsvRow[]>;
    try {
      head = await batches.next();
    } catch (error) {
      throw fail(error);
    }
    const firstBatch = head.done === true ? [] : head.value;
    const header = firstBatch.length === 0 ? [] : (firstBatch[0]?.data ?? []).map((name) => name.replace(/^\uFEFF/, "").trim());
    if (header.length === 0) {
      throw new InputFormatError("E_INPUT_EMPTY", `${spec.fn}: ${opened.name}: the file is empty (no header line, only blank lines)`, {
        preset: spec.preset,
        found: [],
        expected: [],
        missing: [],
        input: opened.name,
      });
    }
    checkDuplicates(spec as ModelSpec<unknown>, opened.name, header);
    compiled = compileCsv(spec, header);
    if (spec.onlyColumns === true) counters.keep = columnsRead(compiled, header.length);
    info = {
      name: opened.name,
      format: "csv",
      gzip: opened.gzip,
      delimiter: counters.layout?.delimiter ?? ",",
      columns: header,
      ...provided,
    };
    const columnOf = (_item: Item, i: number): string | undefined => header[i];
    items = (async function* () {
      // CSV rows are items as they are: record, line, the fields as data, problem.
      stats.blankLines = counters.blankLines;
      if (firstBatch.length > 1) {
        const rows = firstBatch.slice(1);
        attributeReplacements(rows, opened.decoding, stats, attributed, columnOf);
        yield rows;
      }
      for (;;) {
        let next: IteratorResult<CsvRow[]>;
        try {
          next = await batches.next();
        } catch (error) {
          throw fail(error);
        }
        stats.blankLines = counters.blankLines;
        if (next.done === true) return;
        attributeReplacements(next.value, opened.decoding, stats, attributed, columnOf);
        yield next.value;
      }
    })();
  } else {
    const counters = { blankLines: 0 };
    const raw = opened.format === "json" ? jsonItems(opened.chunks, opened.name) : ndjsonItems(opened.chunks, counters);
    const expanded = expand(raw, spec.unwrap);
    let first: IteratorResult<Item>;
    try {
      first = await expanded.next();
    } catch (error) {
      throw fail(error);
    }
    const firstData = first.done === true ? undefined : first.value.data;
    compiled = compileJson(spec, firstData);
    const columns = typeof firstData === "object" && firstData !== null && !Array.isArray(firstData) ? Object.keys(firstData) : [];
    info = { name: opened.name, format: opened.format, gzip: opened.gzip, columns, ...provided };
    const rest = batched(withFirst(first.done === true ? undefined : first.value, expanded));
    items = (async function* () {
      try {
        for (;;) {
          const next = await rest.next();
          stats.blankLines = counters.blankLines;
          if (next.done === true) return;
          attributeReplacements(next.value, opened.decoding, stats, attributed, () => undefined);
          yield next.value;
        }
      } catch (error) {
        throw fail(error);
      }
    })();
  }

  const isJson = info.format !== "csv";
  const labelOf = new Map(compiled.map((c) => [c.key, c.labels[0] ?? c.key]));
  const reject = (item: Item, column: string, value: string, reason: string): void => {
    rejects.push(
      item.line === undefined
        ? { record: item.record, column, value, reason }
        : { record: item.record, line: item.line, column, value, reason },
    );
  };

  const keys = compiled.map((c) => c.key);
  const width = compiled.length;
  const { present, valued } = presence(keys, isJson, provided);
  const values: unknown[] = new Array<unknown>(width).fill(undefined);
  const raws: unknown[] = new Array<unknown>(width).fill(undefined);
  const buildOne = (values: readonly unknown[], raws: readonly unknown[], record: number): Built<T> => {
    if (spec.buildSlots !== undefined) return spec.buildSlots({ keys, values, raws, record });
    const byKey: Record<string, unknown> = {};
    const rawByKey: Record<string, unknown> = {};
    for (let slot = 0; slot < width; slot++) {
      if (values[slot] === undefined) continue;
      byKey[keys[slot] as string] = values[slot];
      rawByKey[keys[slot] as string] = raws[slot];
    }
    if (spec.build === undefined) throw new Error("unreachable: a model spec without build");
    return spec.build({ values: byKey, raws: rawByKey, record });
  };

  /** Reads one item: its model, or `undefined` when it is rejected (and accounted for). */
  function take(item: Item): T | undefined {
    stats.read++;
    // A malformed record is rejected; if its fields could be split, their issues are
    // reported too, so the reject lists every problem of the record.
    let failed = item.problem !== undefined;
    if (item.problem !== undefined) {
      reject(item, "(record)", "", item.problem);
      // No data, or none kept (a CSV record past the size limit): nothing more to check.
      if (item.data === undefined || (Array.isArray(item.data) && item.data.length === 0)) {
        stats.rejected++;
        return undefined;
      }
    }
    // Plain objects are safe here: their keys are field keys this module defines (the
    // column map only accepts known fields), never column names from the input.
    if (isJson && (typeof item.data !== "object" || item.data === null || Array.isArray(item.data))) {
      if (!failed) reject(item, "(record)", showValue(item.data), REASONS.object);
      stats.rejected++;
      return undefined;
    }
    // One pair of slot arrays for every record (`build` reads them and keeps nothing): every
    // slot is written below, the value or `undefined`.
    for (let slot = 0; slot < width; slot++) {
      const field = compiled[slot] as Compiled;
      const getters = field.getters;
      let raw = field.column >= 0 ? (item.data as readonly string[])[field.column] : (getters[0] as (data: unknown) => unknown)(item.data);
      let missing = isMissing(raw);
      let found = raw !== undefined;
      let j = 0;
      for (let k = 1; missing && k < getters.length; k++) {
        raw = (getters[k] as (data: unknown) => unknown)(item.data);
        missing = isMissing(raw);
        if (raw !== undefined) found = true;
        if (!missing) j = k;
      }
      if (found) present[slot] = 1;
      if (!missing) valued[slot] = 1;
      values[slot] = undefined;
      raws[slot] = undefined;
      if (missing) {
        if (field.required) {
          reject(item, field.labels[0] ?? field.key, showValue(raw), REASONS.required);
          failed = true;
        }
        continue;
      }
      const parsed = field.read(raw);
      if (parsed instanceof Invalid) {
        reject(item, field.labels[j] ?? field.key, showValue(raw), parsed.reason);
        failed = true;
      } else if (parsed !== undefined) {
        values[slot] = parsed;
        raws[slot] = raw;
      }
    }
    if (!failed) {
      const built = buildOne(values, raws, item.record);
      if (built.ok) {
        stats.used++;
        return built.value;
      }
      if ("excluded" in built) {
        stats.excluded++;
        stats.excludedBy[built.excluded] = (stats.excludedBy[built.excluded] ?? 0) + 1;
        return undefined;
      }
      for (const issue of built.issues) {
        const slot = keys.indexOf(issue.key);
        reject(item, labelOf.get(issue.key) ?? issue.key, showValue(slot < 0 ? undefined : raws[slot]), issue.reason);
      }
    }
    stats.rejected++;
    return undefined;
  }

  /** The replaced UTF-8 sequences, final at the end: those no column took count as "(other)". */
  const settle = (): void => {
    settlePresence(keys, { present, valued }, provided);
    stats.invalidUtf8 = opened.decoding.invalidUtf8;
    const rest = opened.decoding.invalidUtf8 - attributed.n;
    if (rest > 0) {
      stats.invalidUtf8ByColumn["(other)"] = (stats.invalidUtf8ByColumn["(other)"] ?? 0) + rest;
      attributed.n += rest;
    }
  };

  async function* batches(): AsyncGenerator<RecordBatch<T>> {
    try {
      for (;;) {
        const next = await items.next();
        stats.invalidUtf8 = attributed.n;
        if (next.done === true) {
          settle();
          return;
        }
        const models: T[] = [];
        const records: number[] = [];
        for (const item of next.value) {
          const model = take(item);
          if (model !== undefined) {
            models.push(model);
            records.push(item.record);
          }
        }
        if (models.length > 0) yield { models, records };
      }
    } finally {
      await opened.chunks.return?.(); // a consumer that stopped early releases the input (its file, its Web stream)
    }
  }

  async function* records(): AsyncGenerator<T> {
    for await (const batch of batches()) yield* batch.models;
  }

  return withBatches({ records: records(), stats, rejects, input: info }, batches);
}
