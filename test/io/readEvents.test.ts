// readEvents: the generic events file, Zendesk's incremental ticket events and ticket audits,
// Fivetran's ticket_field_history; the accounting (read = used + rejected + excluded) counted
// by hand on each fixture; the join to tickets through readTickets; every error code.
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../src/_lib/errors.ts";
import { InputFormatError, readEvents, readTickets, type ReadResult, type TicketEvent } from "../../src/io/index.ts";
import { openFile } from "../../src/io/node/index.ts";
import type { Ticket } from "../../src/models/index.ts";

const fixture = (file: string): string => new URL(`../fixtures/events/${file}`, import.meta.url).pathname;
const named = (name: string, text: string) => ({ name, stream: () => Readable.from([Buffer.from(text)]) });

async function all<T>(result: { records: AsyncIterable<T> }): Promise<T[]> {
  const out: T[] = [];
  for await (const record of result.records) out.push(record);
  return out;
}

/** An event as a compact row: ticket, ISO time, field, value (status or value, "" when cleared), author. */
const row = (e: TicketEvent): string[] => [
  e.ticketId,
  e.change.at.toISOString(),
  e.field,
  e.field === "status" ? e.change.status : (e.change.value ?? ""),
  e.change.authorId ?? "",
];

const accounting = (r: ReadResult<unknown>) => ({
  read: r.stats.read,
  used: r.stats.used,
  rejected: r.stats.rejected,
  excluded: r.stats.excluded,
  excludedBy: r.stats.excludedBy,
});

describe("the generic events file (test/fixtures/events/events.csv, 17 records counted by hand)", () => {
  it("reads status changes through the generic status table and the other fields as text; rejects and excludes the rest, naming them", async () => {
    const result = await readEvents(openFile(fixture("events.csv")));
    const events = await all(result);
    expect(events.map(row)).toEqual([
      ["T1", "2026-03-02T09:00:00.000Z", "status", "open", "a1"],
      ["T1", "2026-03-02T09:00:00.000Z", "assignee", "a1", "a1"],
      ["T1", "2026-03-02T08:00:00.000Z", "status", "new", ""],
      ["T1", "2026-03-02T11:00:00.000Z", "status", "pending", "a1"],
      ["T1", "2026-03-02T12:00:00.000Z", "priority", "high", ""],
      ["T1", "2026-03-02T13:00:00.000Z", "assignee", "", "a1"],
      ["T1", "2026-03-02T13:00:00.000Z", "status", "solved", "a1"],
      ["T2", "2026-03-01T23:00:00.000Z", "status", "open", "bot-7"],
      ["T2", "2026-03-02T10:00:00.000Z", "group", "Billing", ""],
      ["T9", "2026-03-02T10:00:00.000Z", "status", "open", ""],
    ]);
    // author_role: the messages file's roles and synonyms (admin → agent); cleared = no value key.
    expect(events.map((e) => e.authorRole ?? "")).toEqual(["agent", "agent", "", "agent", "system", "agent", "agent", "bot", "", ""]);
    expect(Object.hasOwn(events[5]?.change ?? {}, "value")).toBe(false);
    expect(accounting(result)).toEqual({ read: 17, used: 10, rejected: 6, excluded: 1, excludedBy: { deleted: 1 } });
    expect(result.rejects.map((r) => [r.record, r.column, r.value])).toEqual([
      [10, "value", "Escalated"],
      [12, "field", "tags"],
      [13, "value", ""],
      [14, "ticket_id", "T1"],
      [16, "at", "2026-03-02 10:00:00"],
      [17, "author_role", "robot"],
    ]);
    const reasons = result.rejects.map((r) => r.reason);
    expect(reasons[0]).toContain('--status-map "Escalated=CATEGORY"');
    expect(reasons[1]).toBe("must be status, assignee, group or priority (also assignee_id, group_id)");
    expect(reasons[2]).toBe("is required for a status change");
    expect(reasons[3]).toBe("must not repeat a change; record 7 has the same ticket, time, field and value");
  });

  it("takes the status map as readTickets does, and the time zone for naive times", async () => {
    const result = await readEvents(openFile(fixture("events.csv")), { statusMap: ["Escalated=open"], timeZone: "Europe/Madrid" });
    await all(result);
    expect(accounting(result)).toEqual({ read: 17, used: 12, rejected: 4, excluded: 1, excludedBy: { deleted: 1 } });
  });

  it("reads the same events from NDJSON and from a column map", async () => {
    const ndjson = [
      { ticket_id: 5, at: "2026-03-02T09:00:00Z", field: "group_id", value: 77 },
      { ticket_id: 5, at: "2026-03-02T10:00:00Z", field: "status", value: "hold" },
    ]
      .map((o) => JSON.stringify(o))
      .join("\n");
    const fromJson = await all(await readEvents(named("h.ndjson", ndjson)));
    expect(fromJson.map(row)).toEqual([
      ["5", "2026-03-02T09:00:00.000Z", "group", "77", ""],
      ["5", "2026-03-02T10:00:00.000Z", "status", "on_hold", ""],
    ]);
    const csv = "Ticket,When,What,To\n5,2026-03-02T10:00:00Z,status,hold\n";
    const mapped = await all(await readEvents(named("h.csv", csv), { map: ["ticketId=Ticket", "at=When", "field=What", "value=To"] }));
    expect(mapped.map(row)).toEqual([["5", "2026-03-02T10:00:00.000Z", "status", "on_hold", ""]]);
  });
});

describe("Zendesk JSON (preset zendesk-json)", () => {
  // Written from the Incremental Ticket Event Export reference
  // (https://developer.zendesk.com/api-reference/ticketing/ticket-management/incremental_exports/#incremental-ticket-event-export)
  // and the Ticket Audit events reference
  // (https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-audit-events-reference/).
  it("incremental ticket events: one record per child event; Create and Change of status, assignee_id, group_id, priority used", async () => {
    const result = await readEvents(openFile(fixture("zendesk-ticket-events.json")), { preset: "zendesk-json" });
    const events = await all(result);
    expect(events.map(row)).toEqual([
      ["35436", "2026-03-02T07:15:00.000Z", "status", "new", "20978392"],
      ["35436", "2026-03-02T07:15:00.000Z", "priority", "high", "20978392"],
      ["35436", "2026-03-02T07:30:00.000Z", "status", "open", "235323"],
      ["35436", "2026-03-02T07:30:00.000Z", "assignee", "235323", "235323"],
      ["35436", "2026-03-02T09:00:00.000Z", "group", "98738", "235323"],
      ["35436", "2026-03-02T13:15:00.000Z", "status", "solved", "235323"],
      ["35437", "2026-03-02T08:00:00.000Z", "status", "new", "20978393"],
      ["35437", "2026-03-02T08:00:00.000Z", "assignee", "", "20978393"],
      ["35437", "2026-03-02T10:00:00.000Z", "status", "on_hold", "235324"],
      ["35438", "2026-03-02T06:00:00.000Z", "status", "new", "1"],
      ["99999", "2026-03-02T08:00:00.000Z", "status", "open", "1"],
    ]);
    expect(accounting(result)).toEqual({
      read: 19,
      used: 11,
      rejected: 1,
      excluded: 7,
      excludedBy: { comment: 3, otherField: 2, otherEvent: 1, deleted: 1 },
    });
    expect(result.rejects.map((r) => [r.column, r.value])).toEqual([["value", "escalated"]]);
  });

  it("ticket audits: the documented audit example's shape, Create events giving the initial values", async () => {
    const result = await readEvents(openFile(fixture("zendesk-audits.json")), { preset: "zendesk-json" });
    const events = await all(result);
    expect(events.map(row)).toEqual([
      ["47", "2009-07-20T22:55:29.000Z", "status", "new", "35436"],
      ["47", "2009-07-20T22:55:29.000Z", "assignee", "", "35436"],
      ["47", "2009-07-21T09:00:00.000Z", "status", "open", "35439"],
      ["47", "2009-07-21T09:00:00.000Z", "assignee", "35439", "35439"],
      ["47", "2009-07-21T09:00:00.000Z", "group", "88", "35439"],
      ["47", "2009-07-21T12:30:00.000Z", "status", "solved", "35439"],
      ["47", "2009-07-21T12:30:00.000Z", "priority", "urgent", "35439"],
    ]);
    expect(accounting(result)).toEqual({
      read: 10,
      used: 7,
      rejected: 0,
      excluded: 3,
      excludedBy: { comment: 1, otherField: 1, otherEvent: 1 },
    });
  });

  it("reads one update per NDJSON line, and a single audit ({ audit })", async () => {
    const line = (id: number, status: string) =>
      JSON.stringify({
        id,
        ticket_id: 1,
        created_at: `2026-01-0${String(id)}T00:00:00Z`,
        updater_id: 2,
        child_events: [{ status, event_type: "Change" }],
      });
    const ndjson = await all(await readEvents(named("e.ndjson", `${line(1, "open")}\n${line(2, "solved")}\n`), { preset: "zendesk-json" }));
    expect(ndjson.map(row)).toEqual([
      ["1", "2026-01-01T00:00:00.000Z", "status", "open", "2"],
      ["1", "2026-01-02T00:00:00.000Z", "status", "solved", "2"],
    ]);
    const single = {
      audit: {
        ticket_id: 3,
        created_at: "2026-01-01T00:00:00Z",
        author_id: 4,
        events: [{ type: "Change", field_name: "status", value: "pending" }],
      },
    };
    const audit = await all(await readEvents(named("a.json", JSON.stringify(single)), { preset: "zendesk-json" }));
    // A tracked field whose value is not a string or a number (an array, an object) is rejected, not turned into text.
    const odd = { ticket_id: 1, created_at: "2026-01-01T00:00:00Z", child_events: [{ status: ["open"], event_type: "Change" }] };
    const rejected = await readEvents(named("o.json", JSON.stringify(odd)), { preset: "zendesk-json" });
    expect(await all(rejected)).toEqual([]);
    expect(rejected.rejects.map((r) => [r.column, r.reason])).toEqual([["value", "must be a string or a number"]]);
    expect(audit.map(row)).toEqual([["3", "2026-01-01T00:00:00.000Z", "status", "pending", "4"]]);
  });
});

describe("Fivetran's Zendesk ticket_field_history as CSV (preset fivetran)", () => {
  // Columns as the Fivetran Zendesk connector writes them and dbt_zendesk reads them:
  // field_name, ticket_id, updated, value, user_id (fivetran/dbt_zendesk,
  // models/staging/stg_zendesk__ticket_field_history.sql and integration_tests/seeds/ticket_field_history_data.csv).
  it("keeps status, assignee_id, group_id, priority; other fields excluded; naive times in UTC", async () => {
    const result = await readEvents(openFile(fixture("fivetran-ticket-field-history.csv")), { preset: "fivetran" });
    const events = await all(result);
    expect(events.map(row)).toEqual([
      ["11071", "2020-08-28T11:01:27.000Z", "status", "new", ""],
      ["11071", "2020-08-28T11:01:27.000Z", "assignee", "1111", ""],
      ["11071", "2020-08-28T11:01:27.000Z", "priority", "normal", ""],
      ["11071", "2020-08-29T09:00:00.000Z", "status", "open", "1111"],
      ["11071", "2020-08-29T11:01:27.000Z", "status", "pending", "1111"],
      ["11071", "2020-09-02T11:01:27.000Z", "status", "on_hold", "2222"],
      ["11071", "2020-09-02T11:01:27.000Z", "group", "360000123", "2222"],
      ["11071", "2020-09-02T11:01:27.000Z", "assignee", "", "2222"],
      ["11071", "2020-09-05T11:01:27.000Z", "status", "solved", ""],
      ["102", "2020-02-10T08:36:38.000Z", "status", "solved", ""],
    ]);
    expect(accounting(result)).toEqual({ read: 14, used: 10, rejected: 2, excluded: 2, excludedBy: { otherField: 2 } });
    expect(result.rejects.map((r) => [r.record, r.column])).toEqual([
      [13, "ticket_id"],
      [14, "updated"],
    ]);
  });

  it("reads naive times in the time zone given instead of UTC", async () => {
    const events = await all(
      await readEvents(openFile(fixture("fivetran-ticket-field-history.csv")), { preset: "fivetran", timeZone: "America/New_York" }),
    );
    expect(events[0]?.change.at.toISOString()).toBe("2020-08-28T15:01:27.000Z");
  });
});

describe("Chatwoot's reporting_events (preset chatwoot)", () => {
  // Names and columns as chatwoot/chatwoot app/listeners/reporting_event_listener.rb writes them:
  // the change happens at event_end_time; other events (first_response, reply_time, …) are
  // measurements, not changes.
  it("opened and bot handoff → open, resolved and bot resolved → resolved (solved); the rest excluded", async () => {
    const result = await readEvents(openFile(fixture("chatwoot-reporting-events.json")), { preset: "chatwoot" });
    const events = await all(result);
    expect(events.map(row)).toEqual([
      ["4101", "2026-05-04T09:02:00.000Z", "status", "open", ""],
      ["4101", "2026-05-04T10:00:00.000Z", "status", "solved", "11"],
      ["4101", "2026-05-04T12:00:00.000Z", "status", "open", "11"],
      ["4101", "2026-05-04T12:15:00.000Z", "status", "solved", "11"],
      ["4102", "2026-05-04T11:01:00.000Z", "status", "solved", ""],
    ]);
    expect(accounting(result)).toEqual({ read: 7, used: 5, rejected: 0, excluded: 2, excludedBy: { otherEvent: 2 } });
  });
});

describe("the join to tickets (readTickets with events)", () => {
  const tickets = [
    "id,created_at,status,solved_at",
    "T1,2026-03-02T08:00:00Z,solved,2026-03-02T13:00:00Z",
    "T2,2026-03-02T00:00:00Z,open,",
    "T3,2026-03-02T00:00:00Z,open,",
  ].join("\n");

  it("attaches status changes to statusHistory and the others to fieldHistory, in time order; counts unmatched and before-created changes", async () => {
    const result = await readTickets(named("t.csv", tickets), { events: openFile(fixture("events.csv")) });
    const read = await all(result);
    const byId = new Map(read.map((t) => [t.id, t]));
    const t1 = byId.get("T1") as Ticket;
    expect(t1.statusHistory?.map((s) => [s.at.toISOString(), s.status, s.authorId ?? ""])).toEqual([
      ["2026-03-02T08:00:00.000Z", "new", ""],
      ["2026-03-02T09:00:00.000Z", "open", "a1"],
      ["2026-03-02T11:00:00.000Z", "pending", "a1"],
      ["2026-03-02T13:00:00.000Z", "solved", "a1"],
    ]);
    expect(t1.fieldHistory?.map((f) => [f.at.toISOString(), f.field, f.value ?? null])).toEqual([
      ["2026-03-02T09:00:00.000Z", "assignee", "a1"],
      ["2026-03-02T12:00:00.000Z", "priority", "high"],
      ["2026-03-02T13:00:00.000Z", "assignee", null],
    ]);
    expect(byId.get("T3")?.statusHistory).toBeUndefined();
    const join = result.events;
    expect(
      join === undefined ? undefined : { ...join, rejects: join.rejects.length, stats: join.stats.used, input: join.input.format },
    ).toEqual({
      input: "csv",
      stats: 10,
      rejects: 6,
      attached: 9,
      unmatched: 1,
      beforeCreated: 1,
    });
  });

  it("property: histories sorted by time with ties in file order; attached + unmatched = used", async () => {
    const arb = fc.array(
      fc.record({ t: fc.constantFrom("A", "B", "Z"), m: fc.integer({ min: 0, max: 5 }), s: fc.constantFrom("new", "open", "pending") }),
      {
        minLength: 1,
        maxLength: 40,
      },
    );
    await fc.assert(
      fc.asyncProperty(arb, async (rows) => {
        const csv = [
          "ticket_id,at,field,value",
          ...rows.map((r, i) => `${r.t},2026-01-01T00:0${String(r.m)}:00Z,status,${r.s}#${String(i)}`),
        ].join("\n");
        // Each value carries its row number (#i), mapped back to its status, so that ties can be told apart.
        const statusMap = rows.map((r, i) => `${r.s}#${String(i)}=${r.s}`);
        const result = await readTickets(
          named("t.csv", "id,created_at,status\nA,2026-01-01T00:00:00Z,open\nB,2026-01-01T00:00:00Z,open\n"),
          {
            events: named("e.csv", csv),
            statusMap,
          },
        );
        const read = await all(result);
        for (const ticket of read) {
          // A repeat of an earlier row's ticket, time and status is rejected as a duplicate.
          const expected = rows
            .map((r, i) => ({ ...r, i }))
            .filter((r, i) => r.t === ticket.id && rows.findIndex((o) => o.t === r.t && o.m === r.m && o.s === r.s) === i)
            .sort((a, b) => a.m - b.m || a.i - b.i)
            .map((r) => `${String(r.m)}:${r.s}`);
          const got = (ticket.statusHistory ?? []).map((s) => `${String(s.at.getUTCMinutes())}:${s.status}`);
          expect(got).toEqual(expected);
        }
        const join = result.events;
        expect((join?.attached ?? 0) + (join?.unmatched ?? 0)).toBe(join?.stats.used);
        expect(join?.stats.read).toBe((join?.stats.used ?? 0) + (join?.stats.rejected ?? 0));
        const firsts = rows.filter((r, i) => rows.findIndex((o) => o.t === r.t && o.m === r.m && o.s === r.s) === i);
        expect(join?.unmatched).toBe(firsts.filter((r) => r.t === "Z").length);
      }),
      { seed: 17, numRuns: 60 },
    );
  });
});

describe("errors", () => {
  it("E_PRESET for an unknown preset, E_STATUS_MAP for a bad status map, E_MAP_FIELD for an unknown field", async () => {
    const source = named("e.csv", "ticket_id,at,field,value\n");
    const code = async (f: () => Promise<unknown>) =>
      f().then(
        () => "did not throw",
        (e: unknown) => (e instanceof MetricRangeError || e instanceof InputFormatError ? e.code : String(e)),
      );
    // @ts-expect-error: not a preset
    expect(await code(() => readEvents(source, { preset: "zendesk-csv" }))).toBe("E_PRESET");
    expect(await code(() => readEvents(source, { statusMap: ["x=waiting"] }))).toBe("E_STATUS_MAP");
    expect(await code(() => readEvents(source, { map: ["subject=Subject"] }))).toBe("E_MAP_FIELD");
    expect(await code(() => readEvents(named("e.csv", "ticket,at,field\n1,2,3\n")))).toBe("E_INPUT_COLUMNS");
    expect(await code(() => readEvents(openFile(fixture("zendesk-ticket-events.json"))))).toBe("E_INPUT_COLUMNS");
    expect(await code(() => readTickets(source, { preset: "twcs", events: source }))).toBe("E_OPTION_VALUE");
  });
});
