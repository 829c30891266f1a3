/**
 * Tickets per type with each type's first creation, as an accumulator over a batch's columns.
 *
 * @module
 */
import { openState, stateJson, type StateJson } from "../../_lib/accumulator.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { MISSING_KEY, stateFor } from "../../_lib/group.ts";
import { COLUMNS, type TicketBatch, type TicketMetric } from "../../models/ticketBatch.ts";
import { addOneTicket, BATCH_COLUMNS } from "../../models/pushTicket.ts";
import type { TypeTally } from "./typeTallies.ts";

/**
 * The running state of {@link typeCountsAccumulator}: per type (`"(none)"` for none), the
 * tickets and the earliest creation.
 *
 * @category Volume
 */
export interface TypeCountsState {
  /** Per type key. @internal */
  readonly types: Map<string, TypeTally>;
}

const TYPES = "typeCounts";

/**
 * Tickets per type with each type's first creation, as an accumulator: what `typeShares`,
 * `newTypes` and `typeChange` read.
 *
 * @returns The accumulator; `result` maps each type (`"(none)"` for tickets without one) to its
 * tally (`period`: tickets; `firstSeen`: the earliest `createdAt` in epoch ms; `baseline`: 0).
 * @throws {@link MetricRangeError} while adding: `E_INVALID_DATE`, `E_UNKNOWN_STATUS`; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks Types exactly as written.
 * @example
 * ```ts
 * const acc = typeCountsAccumulator();
 * const s = acc.create();
 * acc.add(s, { id: "1", status: "open", type: "billing", createdAt: new Date("2026-01-05T09:00:00Z") });
 * acc.result(s).get("billing")?.period; // => 1
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (ticket types)
 * @category Volume
 */
export function typeCountsAccumulator(): TicketMetric<TypeCountsState, ReadonlyMap<string, TypeTally>, null> {
  const create = (): TypeCountsState => ({ types: new Map() });
  const addRows = (state: TypeCountsState, _f: null, batch: TicketBatch, rows: Int32Array, count: number): void => {
    const codes = batch.labels.type;
    const values = batch.dictionaries.type.values;
    let lastCode = -2;
    let t: TypeTally | undefined;
    for (let k = 0; k < count; k++) {
      const row = rows[k] as number;
      const code = codes[row] as number;
      if (code !== lastCode || t === undefined) {
        t = stateFor(state.types, code < 0 ? MISSING_KEY : (values[code] as string), () => ({
          baseline: 0,
          period: 0,
          firstSeen: Infinity,
        }));
        lastCode = code;
      }
      t.period++;
      const at = batch.createdAt[row] as number;
      if (at < t.firstSeen) t.firstSeen = at;
    }
  };
  return {
    name: TYPES,
    facts: COLUMNS,
    columns: BATCH_COLUMNS.type,
    create,
    add: addOneTicket("typeCountsAccumulator", COLUMNS, addRows),
    addRows,
    merge(a, b) {
      for (const [k, t] of b.types) {
        const x = stateFor(a.types, k, () => ({ baseline: 0, period: 0, firstSeen: Infinity }));
        x.period += t.period;
        x.firstSeen = Math.min(x.firstSeen, t.firstSeen);
      }
      return a;
    },
    result: (s) => s.types,
    toJSON(s): StateJson {
      return stateJson(TYPES, 1, { types: Object.fromEntries([...s.types].map(([k, t]) => [k, [t.period, t.firstSeen]])) });
    },
    fromJSON(json) {
      const o = openState(json, TYPES, 1);
      const s = create();
      const types = o.types;
      if (types === null || typeof types !== "object" || Array.isArray(types)) {
        throw new MetricRangeError("E_STATE_FORMAT", `${TYPES}.fromJSON: types must be an object, got ${JSON.stringify(types)}`);
      }
      for (const [k, v] of Object.entries(types as Record<string, unknown>)) {
        if (!Array.isArray(v) || v.length !== 2 || !Number.isSafeInteger(v[0]) || (v[0] as number) < 1 || !Number.isFinite(v[1])) {
          throw new MetricRangeError(
            "E_STATE_FORMAT",
            `${TYPES}.fromJSON: types.${k} must be [tickets ≥ 1, first creation ms], got ${JSON.stringify(v)}`,
          );
        }
        s.types.set(k, { baseline: 0, period: v[0] as number, firstSeen: v[1] as number });
      }
      return s;
    },
  };
}
