/**
 * Facts providers of the metrics that read a ticket's whole conversation (responders, bots): one
 * per-ticket function, observed once per row (with the conversation memo on), its result kept per
 * row; one provider per caller and schedule, so a composition reads each ticket once.
 *
 * @internal
 * @module
 */
import type { Schedule } from "../../models/schedule.ts";
import type { Ticket } from "../../models/ticket.ts";
import { rowTicket, type FactsProvider, type TicketBatch } from "../../models/ticketBatch.ts";
import { beginObserving, endObserving } from "./conversation.ts";
import { providerCache } from "./_providerCache.ts";

/** The per-ticket facts of a batch's rows: `undefined` for a row without messages. @internal */
export interface RowFacts<T> {
  readonly rows: (T | undefined)[];
}

/**
 * The provider factory of `read` (`name` for messages): `(schedule, fn)` gives the same provider
 * for the same schedule object and caller name.
 *
 * @internal
 */
export function messageFacts<T>(
  name: string,
  read: (fn: string, ticket: Ticket, schedule: Schedule | undefined) => T | undefined,
): (schedule: Schedule | undefined, fn: string) => FactsProvider<RowFacts<T>> {
  const make = (schedule: Schedule | undefined, fn: string): FactsProvider<RowFacts<T>> => ({
    name: schedule === undefined ? name : `${name} (business hours)`,
    create: (capacity) => ({ rows: new Array<T | undefined>(capacity) }),
    observe: (f, batch: TicketBatch, row) => {
      const ticket = rowTicket(batch, row);
      beginObserving(ticket);
      try {
        f.rows[row] = read(fn, ticket, schedule);
      } finally {
        endObserving();
      }
    },
  });
  return providerCache(make);
}
