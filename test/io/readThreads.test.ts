// readThreads: messages linked by reply ids read into conversations. The hand-built
// test/fixtures/io/twcs-threads.csv is written in the layout of the public "Customer Support on
// Twitter" data set (pandas index column, Twitter's date layout, float reply ids, response
// lists, bare CRs inside an unquoted text field); every figure below is worked out by hand from
// its 23 rows.
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readThreads, readTickets, type ThreadReadResult } from "../../src/io/index.ts";
import { openFile } from "../../src/io/node/index.ts";
import { firstResponseTime, summarizeDurations } from "../../src/metrics/time/index.ts";
import type { Ticket } from "../../src/models/index.ts";

const FIXTURE = new URL("../fixtures/io/twcs-threads.csv", import.meta.url).pathname;
const SECOND = 1000;
/** The `code` of an error (InputFormatError, MetricRangeError), else `undefined`. */
const codeOf = (error: unknown): string | undefined => (error as { code?: string } | null)?.code;
const named = (name: string, text: string) => ({ name, stream: () => Readable.from([Buffer.from(text)]) });

async function collect(result: ThreadReadResult): Promise<Ticket[]> {
  const out: Ticket[] = [];
  for await (const ticket of result.records) out.push(ticket);
  return out;
}

/** First response times by brand, in seconds, in ticket order. */
function frtByBrand(tickets: readonly Ticket[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const ticket of tickets) {
    const r = firstResponseTime(ticket);
    if (r.kind !== "measured") continue;
    (out[ticket.brand ?? "(none)"] ??= []).push(r.ms / SECOND);
  }
  return out;
}

describe("the twcs preset on a hand-built thread file", () => {
  it("accounts for all 23 records: 13 in conversations, 3 rejected, 7 excluded by reason", async () => {
    const result = await readThreads(openFile(FIXTURE), { preset: "twcs" });
    const tickets = await collect(result);
    expect(result.stats).toMatchObject({ read: 23, used: 13, rejected: 3, excluded: 7 });
    // 60 (a brand's tweet answering none) and 61 below it; 70 (answers 69, not in the file), 71
    // below it, and 92 (answers the rejected 90); 80 and 81 answer each other.
    expect(result.stats.excludedBy).toEqual({ "not opened by a customer": 2, "parent not found": 3, "reply cycle": 2 });
    expect(result.stats.read).toBe(result.stats.used + result.stats.rejected + result.stats.excluded);
    expect(tickets.reduce((n, t) => n + (t.messages?.length ?? 0), 0)).toBe(result.stats.used);
    // 50 lists 51 (not in the file); 13 lists 22, which answers 21.
    expect(result.threads).toEqual({ conversations: 5, answered: 4, severalResponders: 1, listedAbsent: 1, listConflicts: 1 });
  });

  it("rejects a contradicting weekday, a bad inbound flag and a repeated id, naming column and reason", async () => {
    const result = await readThreads(openFile(FIXTURE), { preset: "twcs" });
    await collect(result);
    expect(result.rejects).toEqual([
      {
        record: 20,
        line: 21,
        column: "created_at",
        value: "Mon Oct 31 15:00:00 +0000 2017",
        reason: "must name the weekday of its date (Tue, in Twitter's layout EEE MMM dd HH:mm:ss xx yyyy)",
      },
      {
        record: 21,
        line: 22,
        column: "inbound",
        value: "maybe",
        reason: "must be True or False (True: a customer's tweet to a brand; False: a brand's tweet)",
      },
      { record: 22, line: 23, column: "tweet_id", value: "10", reason: "must be unique; record 2 has the same id" },
    ]);
  });

  it("builds one ticket per customer tweet answering none, brand = the first account to reply", async () => {
    const tickets = await collect(await readThreads(openFile(FIXTURE), { preset: "twcs" }));
    expect(tickets.map((t) => [t.id, t.brand, t.requesterId, t.status, t.channel, t.messages?.length])).toEqual([
      ["10", "AcmeHelp", "c1", "open", "twitter", 4],
      ["20", "AcmeHelp", "c2", "open", "twitter", 3],
      ["30", "ZetaCare", "c3", "open", "twitter", 2],
      ["40", "AcmeHelp", "c4", "open", "twitter", 3], // AcmeHelp at 08:30 before ZetaCare at 09:00
      ["50", undefined, "c5", "new", "twitter", 1],
    ]);
    // Tweet 30 reads "14:00:00 +0200": 12:00 UTC; its text holds two bare CRs and the row is still one record.
    expect(tickets[2]?.createdAt.toISOString()).toBe("2017-10-31T12:00:00.000Z");
    expect(tickets[0]?.firstResponseAt?.toISOString()).toBe("2017-10-31T10:05:00.000Z");
    // Messages oldest first (the file lists 11 before 10), all public, the brand as agent.
    expect(tickets[0]?.messages?.map((m) => [m.at.toISOString().slice(11, 16), m.author, m.authorId])).toEqual([
      ["10:00", "customer", "c1"],
      ["10:05", "agent", "AcmeHelp"],
      ["10:20", "customer", "c1"],
      ["10:50", "agent", "AcmeHelp"],
    ]);
    // The other brand's reply stays in the conversation, with its own author.
    expect(tickets[3]?.messages?.map((m) => m.authorId)).toEqual(["c4", "AcmeHelp", "ZetaCare"]);
  });

  it("first response per brand, worked by hand: AcmeHelp 300 s, 2,400 s, 1,800 s; ZetaCare 30 s", async () => {
    const tickets = await collect(await readThreads(openFile(FIXTURE), { preset: "twcs" }));
    // 10 → 11: 10:00 → 10:05. 20 → 22: 09:00 → 09:40 (the customer's own follow-up 21 in between
    // is no reply). 40 → 42: 08:00 → 08:30. 30 → 31: 12:00:00 → 12:00:30 UTC. 50: unanswered.
    const byBrand = frtByBrand(tickets);
    expect(byBrand).toEqual({ AcmeHelp: [300, 2400, 1800], ZetaCare: [30] });
    const acme = summarizeDurations(
      (byBrand["AcmeHelp"] ?? []).map((s) => s * SECOND),
      { percentiles: [0.9] },
    );
    // mean (300 + 2400 + 1800) / 3 = 1500; median 1800; p90: h = 2 × 0.9 = 1.8 → 1800 + 0.8 × 600 = 2280.
    expect(acme?.count).toBe(3);
    expect(acme?.mean).toBe(1500 * SECOND);
    expect(acme?.median).toBe(1800 * SECOND);
    expect(acme?.p[0]?.value).toBeCloseTo(2280 * SECOND, 6);
  });

  it("reads the same from CRLF line breaks (a bare CR inside an unquoted field stays field content)", async () => {
    const lf = readFileSync(FIXTURE, "latin1");
    const crlf = lf.replace(/\n/g, "\r\n");
    expect(crlf.split("\r\r").length).toBe(2);
    const a = await readThreads(named("lf.csv", lf), { preset: "twcs" });
    const b = await readThreads(named("crlf.csv", crlf), { preset: "twcs" });
    const [ta, tb] = [await collect(a), await collect(b)];
    expect(tb).toEqual(ta);
    expect(b.stats).toEqual(a.stats);
    expect(b.rejects).toEqual(a.rejects);
  });

  it("readTickets with the twcs preset is readThreads", async () => {
    const viaTickets = await readTickets(openFile(FIXTURE), { preset: "twcs" });
    const tickets: Ticket[] = [];
    for await (const t of viaTickets.records) tickets.push(t);
    const direct = await collect(await readThreads(openFile(FIXTURE), { preset: "twcs" }));
    expect(tickets).toEqual(direct);
    expect(viaTickets.threads?.conversations).toBe(5);
    expect(viaTickets.input.fields).toEqual(["id", "createdAt", "status", "channel", "brand", "requesterId", "firstResponseAt"]);
  });
});

describe("the threads preset (this library's columns)", () => {
  const csv = [
    "id,at,author,in_reply_to,author_id",
    "m2,2026-03-02T09:01:00Z,bot,m1,helper-bot",
    "m1,2026-03-02T09:00:00Z,end-user,,alice",
    "m3,2026-03-02T09:20:00Z,agent,m2,dana",
    "m4,2026-03-02T10:00:00Z,customer,,bob",
    "",
  ].join("\n");

  it("a bot's message is no reply: the first response is the agent's, 20 min after the customer's", async () => {
    const result = await readThreads(named("t.csv", csv));
    const tickets = await collect(result);
    expect(tickets.map((t) => [t.id, t.brand, t.status, t.channel])).toEqual([
      ["m1", "dana", "open", "social"],
      ["m4", undefined, "new", "social"],
    ]);
    const r = firstResponseTime(tickets[0] as Ticket);
    expect(r.kind === "measured" && r.ms).toBe(20 * 60 * SECOND);
    expect(result.stats).toMatchObject({ read: 4, used: 4, rejected: 0, excluded: 0 });
  });

  it("reads NDJSON too, and a column map renames a field", async () => {
    const ndjson = [
      { id: 1, time: "2026-03-02T09:00:00Z", author: "customer", parent: null },
      { id: 2, time: "2026-03-02T09:05:00Z", author: "agent", parent: 1, author_id: "acme" },
    ]
      .map((o) => JSON.stringify(o))
      .join("\n");
    const result = await readThreads(named("t.ndjson", ndjson), { map: ["at=time", "inReplyTo=parent"], channel: "chat" });
    const tickets = await collect(result);
    expect(tickets.map((t) => [t.id, t.brand, t.channel, t.firstResponseAt?.toISOString()])).toEqual([
      ["1", "acme", "chat", "2026-03-02T09:05:00.000Z"],
    ]);
  });
});

describe("readThreads errors", () => {
  it("E_INPUT_COLUMNS without a reply link column (CSV at once, JSON once read)", async () => {
    await expect(readThreads(named("t.csv", "id,at,author\n1,2026-03-02T09:00:00Z,customer\n")).then(collect)).rejects.toSatisfy(
      (e: unknown) => codeOf(e) === "E_INPUT_COLUMNS" && /reply link column \("in_reply_to" or "inReplyTo"\)/.test(String(e)),
    );
    const ndjson = JSON.stringify({ id: 1, at: "2026-03-02T09:00:00Z", author: "customer" });
    expect(codeOf(await readThreads(named("t.ndjson", ndjson)).catch((e: unknown) => e))).toBe("E_INPUT_COLUMNS");
  });

  it("E_PRESET for an unknown preset; E_MAP_FIELD for a field threads do not have", async () => {
    expect(codeOf(await readThreads(named("t.csv", "x"), { preset: "zendesk-csv" as "twcs" }).catch((e: unknown) => e))).toBe("E_PRESET");
    expect(codeOf(await readThreads(named("t.csv", "x"), { map: ["status=x"] }).catch((e: unknown) => e))).toBe("E_MAP_FIELD");
  });

  it("E_OPTION_VALUE: readTickets with a thread preset takes no status map and no messages file", async () => {
    const statusMap = await readTickets(openFile(FIXTURE), { preset: "twcs", statusMap: ["x=open"] }).catch((e: unknown) => e);
    expect(codeOf(statusMap)).toBe("E_OPTION_VALUE");
    expect(String(statusMap)).toMatch(/statusMap must be left out with the twcs preset/);
    const messages = await readTickets(openFile(FIXTURE), { preset: "twcs", messages: openFile(FIXTURE) }).catch((e: unknown) => e);
    expect(codeOf(messages)).toBe("E_OPTION_VALUE");
  });
});
