// The command with a ticket history (--events, --events-preset): the acceptance run on a Zendesk
// incremental ticket events page written from Zendesk's documented format
// (https://developer.zendesk.com/api-reference/ticketing/ticket-management/incremental_exports/#incremental-ticket-event-export),
// every change used or reported and the JSON input section showing it; the status sections
// measuring what they could not before; detection of the layout; the errors.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, DATA, FULL, json, repo, tempDir } from "./_run.ts";

const TICKETS = repo("test/fixtures/io/zendesk-tickets.json");
const EVENTS = repo("test/fixtures/events/zendesk-ticket-events.json");
const FIVETRAN = repo("test/fixtures/events/fivetran-ticket-field-history.csv");
const EXAMPLE_EVENTS = repo("examples/data/events.csv");
const zendesk = (...more: string[]) => ["report", TICKETS, "--preset", "zendesk-json", ...more];

const HOUR = 3_600_000;

describe("--events with a Zendesk incremental ticket events page (the acceptance run)", () => {
  it("uses or reports every change, and the JSON input section shows it", async () => {
    const r = await cli(zendesk("--events", EVENTS, "--format", "json", "-q"));
    expect(r.code).toBe(0);
    const events = json(r).input.events;
    // 9 updates, 19 child events, counted by hand in test/io/readEvents.test.ts.
    expect(events).toMatchObject({
      path: EVENTS,
      format: "json",
      preset: "zendesk-json",
      presetSource: "detected",
      read: 19,
      used: 11,
      rejected: 1,
      excluded: 7,
      excludedBy: { comment: 3, otherField: 2, otherEvent: 1, deleted: 1 },
      // 35436's six changes and 35437's three; 35438 (a deleted ticket, excluded from the
      // tickets) and 99999 (absent) match no ticket.
      attached: 9,
      unmatched: 2,
      beforeCreated: 0,
    });
    expect(events.read).toBe(events.used + events.rejected + events.excluded);
    expect(events.attached + events.unmatched).toBe(events.used);
    expect(events.rejects).toEqual([
      {
        record: 16,
        column: "value",
        value: "escalated",
        reason: expect.stringContaining('map it with --status-map "escalated=CATEGORY"'),
      },
    ]);
  });

  it("the status sections measure the tickets with a history: requester wait agrees with Zendesk's own figure", async () => {
    const before = json(await cli(zendesk("--format", "json", "-q"))).report;
    const after = json(await cli(zendesk("--events", EVENTS, "--format", "json", "-q"))).report;
    // Without a history: the requester wait is Zendesk's exported figure only, statuses unknown over time.
    expect(before.time.requesterWait.sources).toEqual({ messages: 0, fields: 0, helpdesk: 1 });
    expect([before.volume.statuses.withHistory, before.volume.statuses.withoutHistory]).toEqual([0, 2]);
    // With it: 35436 was new 07:15–07:30 and open 07:30–13:15 (solved): 6 h of requester wait,
    // which is the metric set's requester_wait_time_in_minutes.calendar (360) in the tickets file.
    expect(after.time.requesterWait.sources).toEqual({ messages: 0, fields: 1, helpdesk: 0 });
    expect(after.time.requesterWait.calendar).toMatchObject({ count: 1, total: 6 * HOUR, median: 6 * HOUR });
    expect(after.time.requesterWait.reconciliation).toMatchObject({ compared: 1, agreeing: 1, medianDifference: 0 });
    expect([after.volume.statuses.withHistory, after.volume.statuses.withoutHistory]).toEqual([2, 0]);
    // 35437 went on hold at 10:00: the end of the day counts it under open (new, open, on hold).
    expect(after.volume.statuses.buckets[0].byStatus).toMatchObject({ on_hold: 1, solved: 1 });
  });

  it("the table shows the file, its join, and the problems on stderr", async () => {
    const r = await cli(zendesk("--events", EVENTS, "--format", "table"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/events +\S+zendesk-ticket-events\.json +19 +11 +1 +7/);
    expect(r.stdout).toContain("Ticket history (zendesk-json): changes attached to tickets: 9; matching no ticket: 2.");
    expect(r.stderr).toContain(
      `events ${EVENTS}: rows read 19, used 11, rejected 1, excluded 7 (3 comment, 2 otherField, 1 otherEvent, 1 deleted)`,
    );
    expect(r.stderr).toContain('record 16, column "value": unknown status "escalated"');
  });

  it("--status-map applies to the history as to the tickets; --rejects lists the history's problems", async () => {
    const mapped = json(await cli(zendesk("--events", EVENTS, "--status-map", "escalated=open", "--format", "json", "-q"))).input.events;
    expect([mapped.used, mapped.rejected, mapped.attached]).toEqual([12, 0, 10]);
    const out = join(tempDir(), "rejects.csv");
    await cli(zendesk("--events", EVENTS, "--rejects", out, "--format", "json", "-q"));
    expect(readFileSync(out, "utf8")).toContain('events,rejected,16,,value,escalated,"unknown status');
  });
});

describe("partial reports carry the history's accounting", () => {
  it("a partial made with --events merges into the run it came from", async () => {
    const part = join(tempDir(), "part.json");
    const asOf = ["--as-of", "2026-03-02T13:15:00.001Z"];
    expect((await cli(zendesk("--events", EVENTS, ...asOf, "--partial", part, "-q"))).code).toBe(0);
    const merged = json(await cli(["merge", part, "--format", "json", "-q"]));
    const whole = json(await cli(zendesk("--events", EVENTS, ...asOf, "--format", "json", "-q")));
    // As for every file, a merged run's listed rejects name their part's file (`path`).
    const rejects = whole.input.events.rejects.map((r: object) => ({ ...r, path: EVENTS }));
    expect(merged.input.events).toEqual({ ...whole.input.events, rejects });
    expect(merged.report.time.requesterWait).toEqual(whole.report.time.requesterWait);
  });
});

describe("the example export's history (examples/data/events.csv, scripts/generate-example-events.ts)", () => {
  it("gives the demo report the requester wait, agent work, agent wait and on-hold it lacked: measured on the 342 resolved tickets", async () => {
    const without = json(await cli([...FULL, "--format", "json", "-q"]));
    const withEvents = json(await cli([...FULL, "--events", EXAMPLE_EVENTS, "--format", "json", "-q"]));
    expect(without.report.time.requesterWait.calendar).toBeNull();
    expect(without.absent.map((a: { metric: string }) => a.metric)).toEqual(["requesterWait", "agentWork", "agentWait", "onHold"]);
    expect(withEvents.absent).toEqual([]);
    expect(withEvents.report.time.requesterWait.calendar.count).toBe(342);
    // Time in status from the same history (issue 17 item 2): every resolved ticket has a history.
    for (const figure of ["agentWork", "agentWait", "onHold"]) {
      expect(without.report.time[figure].calendar, figure).toBeNull();
      expect(withEvents.report.time[figure].calendar.count, figure).toBeGreaterThan(0);
    }
    expect(withEvents.report.skipped.requesterWait).toEqual({ noSolveTime: 0, noStatusHistory: 0, unresolved: 52 });
    expect(withEvents.input.events).toMatchObject({ read: 2975, used: 2975, rejected: 0, attached: 2975, unmatched: 0, beforeCreated: 0 });
    // The history ends in each ticket's exported status, so the status counts do not move.
    expect(withEvents.report.counts.statuses).toEqual(without.report.counts.statuses);
    const table = await cli([...FULL, "--events", EXAMPLE_EVENTS, "--format", "table", "-q"]);
    expect(table.stdout).toMatch(/Requester wait +calendar +timestamps +342 /);
  });
});

describe("the layout: --events-preset or detected", () => {
  const tickets = (): string => {
    const path = join(tempDir(), "tickets.csv");
    writeFileSync(path, "id,created_at,status,solved_at\n11071,2020-08-28T11:01:27Z,solved,2020-09-05T11:01:27Z\n");
    return path;
  };

  it("detects Fivetran's ticket_field_history; --events-preset says so instead", async () => {
    const detected = json(await cli(["report", tickets(), "--events", FIVETRAN, "--format", "json", "-q"])).input.events;
    expect(detected).toMatchObject({ preset: "fivetran", presetSource: "detected", read: 14, used: 10, attached: 9, unmatched: 1 });
    const given = json(await cli(["report", tickets(), "--events", FIVETRAN, "--events-preset", "fivetran", "--format", "json", "-q"]));
    expect(given.input.events).toMatchObject({ preset: "fivetran", presetSource: "option", attached: 9 });
    // new 08-28 11:01:27 → open 08-29 09:00 → pending 08-29 11:01:27 → on hold → solved: waiting while new or open, 24 h.
    expect(given.report.time.requesterWait.calendar.total).toBe(Date.parse("2020-08-29T11:01:27Z") - Date.parse("2020-08-28T11:01:27Z"));
  });

  it("a file no layout fits: E_INPUT_COLUMNS naming the events file and --events-preset", async () => {
    const r = await cli(["report", DATA.tickets, "--events", DATA.messages, "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`events file ${DATA.messages} does not fit the generic events layout: missing column "field"`);
    expect(r.stderr).toContain("--events-preset generic|zendesk-json|fivetran|chatwoot");
  });

  it("a wrong preset name, and --events with a thread preset, are usage errors", async () => {
    const bad = await cli(["report", DATA.tickets, "--events", EXAMPLE_EVENTS, "--events-preset", "zendesk"]);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      expect.stringContaining("--events-preset must be one of generic, zendesk-json, fivetran, chatwoot"),
    ]);
    const twcs = await cli(["report", repo("test/fixtures/io/twcs-threads.csv"), "--preset", "twcs", "--events", EXAMPLE_EVENTS]);
    expect([twcs.code, twcs.stderr]).toEqual([2, expect.stringContaining("--events cannot be used with --preset twcs")]);
  });
});
