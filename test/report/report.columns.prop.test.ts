/**
 * The report fills only the batch columns its metrics declare (`TicketMetric.columns`): for every
 * metric of the composition, on random tickets, the result from a batch filled with just that
 * metric's columns equals the result from a batch with every column. A metric that reads a
 * column it does not declare sees it as absent and fails here. Also: `pushTicket` writes an
 * unread column as absent, so a reused batch never shows a previous row's value.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ALL_BATCH_COLUMNS, BATCH_COLUMNS, pushTicket } from "../../src/models/pushTicket.ts";
import { ticketBatch, type TicketBatch } from "../../src/models/ticketBatch.ts";
import type { Ticket } from "../../src/models/index.ts";
import { compileOptions } from "../../src/report/_options.ts";
import { reportPlan } from "../../src/report/composition.ts";
import { addScopeRows, createScope, observeRows, plan, planColumns, planFacts, scopeResult } from "../../src/report/_engine.ts";
import { ticket } from "./arbitraries.ts";
import { FULL, HOURLY, PLAIN } from "./configs.ts";

const config = fc.constantFrom(FULL, PLAIN, HOURLY);

/** The result of `metrics` over `tickets` pushed into one batch with `columns` filled. */
function resultWith(p: ReturnType<typeof plan>, tickets: readonly Ticket[], columns: number): unknown {
  const batch: TicketBatch = ticketBatch(Math.max(1, tickets.length));
  for (const t of tickets) pushTicket("test", batch, t, columns);
  const rows = Int32Array.from({ length: batch.length }, (_, i) => i);
  const facts = planFacts(p, batch.capacity);
  const scope = createScope(p);
  observeRows(p, facts, batch, rows, batch.length);
  addScopeRows(p, scope, facts, batch, rows, batch.length);
  return scopeResult(p, scope);
}

describe("declared batch columns", () => {
  test.prop([config, fc.array(ticket, { maxLength: 30 })], { numRuns: 40 })(
    "each metric reads only the columns it declares",
    (options, ts) => {
      const c = compileOptions("test", options);
      const whole = reportPlan(c, c.judgeAt, "test");
      const valid = ts.filter((t) => !Number.isNaN(t.createdAt.getTime()));
      for (const name of whole.names) {
        const single = plan({ [name]: whole.metrics[name] as NonNullable<(typeof whole.metrics)[typeof name]> });
        const declared = planColumns(single);
        expect(declared, name).not.toBe(ALL_BATCH_COLUMNS);
        expect(resultWith(single, valid, declared), name).toEqual(resultWith(single, valid, ALL_BATCH_COLUMNS));
      }
    },
  );

  it("writes the columns it does not read as absent", () => {
    const batch = ticketBatch(1);
    const full: Ticket = {
      id: "1",
      status: "solved",
      createdAt: new Date("2026-01-01T00:00:00Z"),
      solvedAt: new Date("2026-01-01T02:00:00Z"),
      firstResponseAt: new Date("2026-01-01T01:00:00Z"),
      channel: "email",
      assignee: "ana",
      reopens: 1,
      satisfaction: "good",
      tags: ["a"],
    };
    pushTicket("test", batch, full);
    expect([batch.solvedAt[0], batch.firstResponseAt[0], batch.labels.channel[0], batch.reopens[0], batch.rating[0]]).toEqual([
      Date.parse("2026-01-01T02:00:00Z"),
      Date.parse("2026-01-01T01:00:00Z"),
      0,
      1,
      1,
    ]);
    batch.length = 0;
    pushTicket("test", batch, full, BATCH_COLUMNS.channel);
    expect(batch.labels.channel[0]).toBe(0);
    expect([batch.solvedAt[0], batch.firstResponseAt[0], batch.reopens[0], batch.rating[0]]).toEqual([NaN, NaN, NaN, NaN]);
    expect([batch.labels.assignee[0], batch.tags[0], batch.source[0]]).toEqual([-1, undefined, full]);
  });

  it("checks only the instants it reads", () => {
    const bad = { id: "9", status: "open", createdAt: new Date("2026-01-01T00:00:00Z"), assignedAt: new Date(Number.NaN) } as Ticket;
    expect(() => pushTicket("test", ticketBatch(1), bad)).toThrow(/assignedAt of ticket 9/);
    expect(() => pushTicket("test", ticketBatch(1), bad, BATCH_COLUMNS.solvedAt)).not.toThrow();
  });
});
