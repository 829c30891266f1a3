/**
 * The requesters of the tickets a report folds, coded once per ticket: a facts provider whose
 * dictionary (requester id → code, in order of first appearance) is shared by every scope folded
 * from the same facts (the whole period and each of its segments), so that a ticket's requester
 * is looked up once, not once per scope, and each id is held once.
 *
 * @internal
 * @module
 */
import { rowTicket, type FactsProvider, type TicketBatch } from "../../models/ticketBatch.ts";

/**
 * Requester ids and their codes (codes in order of first appearance).
 *
 * @category Customers
 */
export interface RequesterDictionary {
  /** Id → code. */
  readonly codes: Map<string, number>;
  /** The ids, by code. */
  readonly ids: string[];
}

/**
 * The per-ticket facts of `repeatContactsAccumulator`: each row's requester code, −1
 * without a requester.
 *
 * @category Customers
 */
export interface RequesterFacts {
  /** The requesters the codes refer to. */
  readonly dictionary: RequesterDictionary;
  /** Each row's code, −1 without a requester. */
  readonly code: Int32Array;
}

/** A new empty dictionary. @internal */
export function requesterDictionary(): RequesterDictionary {
  return { codes: new Map(), ids: [] };
}

/**
 * The code of `id` in `d`, added when new. A new id is kept as a copy of its own: an id read
 * from a file may be a slice of a whole chunk of the text, which the dictionary would otherwise
 * keep alive. @internal
 */
export function requesterCode(d: RequesterDictionary, id: string): number {
  let code = d.codes.get(id);
  if (code === undefined) {
    code = d.ids.length;
    const own = id.length < 13 ? id : ` ${id}`.slice(1);
    d.ids.push(own);
    d.codes.set(own, code);
  }
  return code;
}

/** A provider coding each row's `requesterId` (its own dictionary per facts object). @internal */
export function requesterFacts(): FactsProvider<RequesterFacts> {
  return {
    name: "requesters",
    create: (capacity) => ({ dictionary: requesterDictionary(), code: new Int32Array(capacity) }),
    observe(f, batch: TicketBatch, row) {
      const id = rowTicket(batch, row).requesterId;
      f.code[row] = id === undefined || id === "" ? -1 : requesterCode(f.dictionary, id);
    },
  };
}
