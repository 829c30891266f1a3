/**
 * The per-ticket facts of the survival metrics, computed ONCE per ticket (whatever the number of
 * survival metrics and segments that read them): for resolution (first or final solve) and first
 * response, whether the event happened by `asOf` or the ticket is censored there, or why it is
 * left out, and the time followed in calendar and, with a schedule, business milliseconds. The
 * events are the duration metrics' own (./events.ts, the same per-ticket rules as
 * `resolutionTime` and `firstResponseTime`), measured with ./measure.ts, in reusable slots.
 *
 * @internal
 * @module
 */
import type { Schedule } from "../../models/schedule.ts";
import { rowTicket, type FactsProvider, type TicketBatch } from "../../models/ticketBatch.ts";
import type { Ticket } from "../../models/ticket.ts";
import { beginObserving, endObserving } from "./conversation.ts";
import { firstResponseEvents, resolutionEvents, type Events } from "./events.ts";
import { durationSlot, measure } from "./measure.ts";

/** The survival parts, in facts order: bit `i` of {@link SurvivalFacts.needs} for part `i`. @internal */
export const SURVIVAL_PARTS = ["resolutionFinal", "resolutionFirst", "firstResponse"] as const;

/** A survival part. @internal */
export type SurvivalPart = (typeof SURVIVAL_PARTS)[number];

/** The bit of part `part` in {@link SurvivalFacts.needs}. @internal */
export function needsSurvival(part: SurvivalPart): number {
  return 1 << SURVIVAL_PARTS.indexOf(part);
}

/** Code of a ticket censored at `asOf`. @internal */
export const SURVIVAL_CENSORED = 0;
/** Code of a ticket whose event happened by `asOf`. @internal */
export const SURVIVAL_EVENT = 1;
/** The first exclusion code: `SURVIVAL_EXCLUDED + ` an index of {@link SURVIVAL_EXCLUSIONS}. @internal */
export const SURVIVAL_EXCLUDED = 2;

/** Every exclusion reason of the survival metrics (each metric reports its own subset). @internal */
export const SURVIVAL_EXCLUSIONS = [
  "startedAfterAsOf",
  "noSolveTime",
  "solvedBeforeCreated",
  "finalSolveBeforeFirstSolve",
  "noCustomerMessage",
  "responseBeforeCreated",
] as const;

const STARTED_AFTER = SURVIVAL_EXCLUDED + SURVIVAL_EXCLUSIONS.indexOf("startedAfterAsOf");

/** The facts of a batch's rows: index `row · 3 + part`. @internal */
export interface SurvivalFacts {
  /** {@link SURVIVAL_CENSORED}, {@link SURVIVAL_EVENT}, or {@link SURVIVAL_EXCLUDED} + a reason index. */
  readonly code: Uint8Array;
  /** Calendar ms followed (to the event, or to `asOf`). */
  readonly cal: Float64Array;
  /** Business ms followed (0 without a schedule). */
  readonly bus: Float64Array;
  /** The parts computed (bits of {@link needsSurvival}); the others are never written. */
  readonly needs: number;
}

const providers = new Map<
  string,
  { readonly calendar: FactsProvider<SurvivalFacts>; readonly business: WeakMap<Schedule, FactsProvider<SurvivalFacts>> }
>();

/**
 * The survival facts provider censoring at `asOf` (epoch ms), for `schedule` (`undefined`:
 * calendar time only), whose errors name `fn`. The same `fn`, `asOf` and schedule object give the
 * same provider, so a composition computes the facts once per ticket.
 *
 * @internal
 */
export function survivalFacts(schedule: Schedule | undefined, asOf: number, fn: string): FactsProvider<SurvivalFacts> {
  const key = `${String(asOf)} ${fn}`;
  let byKey = providers.get(key);
  if (byKey === undefined) {
    byKey = { calendar: makeProvider(undefined, asOf, fn), business: new WeakMap() };
    providers.set(key, byKey);
  }
  if (schedule === undefined) return byKey.calendar;
  let p = byKey.business.get(schedule);
  if (p === undefined) {
    p = makeProvider(schedule, asOf, fn);
    byKey.business.set(schedule, p);
  }
  return p;
}

function makeProvider(schedule: Schedule | undefined, cutoff: number, fn: string): FactsProvider<SurvivalFacts> {
  const asOf = new Date(cutoff);
  // One result slot per provider: `put` reads each result before the next call.
  const slot = durationSlot().events;

  function put(f: SurvivalFacts, at: number, ticket: Ticket, found: Events<string>): void {
    let code: number;
    if (found.kind !== "events") {
      // With no customer message by asOf and created after it, the ticket did not exist yet.
      const later = found.reason === "noCustomerMessage" && ticket.createdAt.getTime() > cutoff;
      code = later ? STARTED_AFTER : SURVIVAL_EXCLUDED + SURVIVAL_EXCLUSIONS.indexOf(found.reason as (typeof SURVIVAL_EXCLUSIONS)[number]);
    } else if (found.start.getTime() > cutoff) code = STARTED_AFTER;
    else {
      const end = found.end ?? asOf;
      f.code[at] = found.end === undefined ? SURVIVAL_CENSORED : SURVIVAL_EVENT;
      f.cal[at] = measure(found.start, end, undefined);
      f.bus[at] = schedule === undefined ? 0 : measure(found.start, end, schedule);
      return;
    }
    f.code[at] = code;
    f.cal[at] = 0;
    f.bus[at] = 0;
  }

  function observeTicket(f: SurvivalFacts, ticket: Ticket, row: number): void {
    const at = row * 3;
    const needs = f.needs;
    if ((needs & 1) !== 0) put(f, at, ticket, resolutionEvents(fn, ticket, "final", cutoff, slot));
    if ((needs & 2) !== 0) put(f, at + 1, ticket, resolutionEvents(fn, ticket, "first", cutoff, slot));
    if ((needs & 4) !== 0) put(f, at + 2, ticket, firstResponseEvents(fn, ticket, cutoff, slot));
  }

  return {
    name: schedule === undefined ? "survivalFacts" : "survivalFacts (business hours)",
    create: (capacity, needs = 7) => ({
      code: new Uint8Array(capacity * 3),
      cal: new Float64Array(capacity * 3),
      bus: new Float64Array(capacity * 3),
      needs,
    }),
    observe: (f, batch: TicketBatch, row) => {
      const ticket = rowTicket(batch, row);
      beginObserving(ticket);
      try {
        observeTicket(f, ticket, row);
      } finally {
        endObserving();
      }
    },
  };
}
