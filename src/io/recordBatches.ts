/**
 * Record batches: the records of a read handed over in batches (one await per batch instead of
 * one per record), for bulk consumers such as the command (src/cli imports it: a shared internal,
 * so its name says what it is rather than starting with `_`).
 *
 * @internal
 * @module
 */
import type { ReadResult } from "./types.ts";

/** Records per batch of the JSON readers. */
const BATCH = 512;

/**
 * Groups per-item iteration (the JSON readers) into batches of up to {@link BATCH}. When the
 * input fails part way (a truncated gzip, a read error), the items read before the failure
 * are still handed over, then the error is thrown, as item-by-item reading would.
 *
 * @internal
 */
export async function* batched<T>(items: AsyncIterator<T>): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for (;;) {
    let next: IteratorResult<T>;
    try {
      next = await items.next();
    } catch (error) {
      if (batch.length > 0) yield batch;
      throw error;
    }
    if (next.done === true) break;
    batch.push(next.value);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Models read together, with the record number of each. @internal */
export interface RecordBatch<T> {
  readonly models: readonly T[];
  readonly records: readonly number[];
}

const batchesOf = new WeakMap<object, () => AsyncIterable<RecordBatch<unknown>>>();

/**
 * The records of a {@link readModel} result in batches (one await per batch instead of one
 * per record), for bulk consumers such as the command. Like `records`, single use, and
 * exclusive with it. `undefined` for a result this module did not make.
 *
 * @internal
 */
export function recordBatches<T>(result: ReadResult<T>): AsyncIterable<RecordBatch<T>> | undefined {
  return batchesOf.get(result)?.() as AsyncIterable<RecordBatch<T>> | undefined;
}

/**
 * Registers `batches` as the batch view of `result` (for readers that wrap a
 * {@link readModel} result in a new object). @internal
 */
export function withBatches<R extends ReadResult<unknown>>(result: R, batches: () => AsyncIterable<RecordBatch<unknown>>): R {
  batchesOf.set(result, batches);
  return result;
}
