// The export fixtures of test/fixtures/exports/<preset>/, each written from the vendor's
// documented format (the folder's README cites the pages): the tickets the reader gives
// (statuses, exclusions, ratings and their scales, the helpdesk's durations), and the
// figures of expected.json recomputed here from those tickets with plain loops, so that a
// reader that drops a rating, a duration or an exclusion fails here before the command's
// end-to-end test. Sources:
// - Zendesk ticket CSV export: https://support.zendesk.com/hc/en-us/articles/4408886165402
// - Zendesk tickets / ticket metrics / incremental exports / satisfaction ratings:
//   https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/
//   https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/
//   https://developer.zendesk.com/documentation/ticketing/managing-tickets/using-the-incremental-export-api/
//   https://developer.zendesk.com/api-reference/ticketing/ticket-management/satisfaction_ratings/
// - Freshdesk: https://developers.freshdesk.com/api/#tickets, https://developers.freshdesk.com/api/#satisfaction-ratings
// - Intercom: https://developers.intercom.com/docs/references/rest-api/api.intercom.io/conversations/conversation
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readTickets, type ReadTicketsOptions, type TicketPreset, type TicketReadResult } from "../../src/io/index.ts";
import type { Ticket } from "../../src/models/index.ts";
import { openFile } from "../../src/io/node/index.ts";

interface Expected {
  readonly file: string;
  readonly preset: TicketPreset;
  readonly args: readonly string[];
  readonly read: number;
  readonly used: number;
  readonly rejected: number;
  readonly excluded: number;
  readonly excludedBy: Readonly<Record<string, number>>;
  readonly frtMedianMs: number;
  readonly resolutionMedianMs: number;
  readonly csat: number;
  readonly reopenRate: number | null;
}

const folder = (preset: string): string => new URL(`../fixtures/exports/${preset}/`, import.meta.url).pathname;
const expectedOf = (preset: string): Expected => JSON.parse(readFileSync(`${folder(preset)}expected.json`, "utf8")) as Expected;

/** The reader options the command builds from the fixture's extra arguments. */
function optionsOf(e: Expected): ReadTicketsOptions {
  const map: string[] = [];
  let timeZone: string | undefined;
  for (let i = 0; i < e.args.length; i += 2) {
    const [flag, value] = [e.args[i], e.args[i + 1] as string];
    if (flag === "--timezone") timeZone = value;
    else if (flag === "--map") map.push(value);
    else throw new Error(`exportFixtures: no option for ${String(flag)}`);
  }
  return { preset: e.preset, ...(timeZone === undefined ? {} : { timeZone }), ...(map.length === 0 ? {} : { map }) };
}

async function read(preset: string): Promise<{ e: Expected; result: TicketReadResult; tickets: Ticket[] }> {
  const e = expectedOf(preset);
  const result = await readTickets(openFile(`${folder(preset)}${e.file}`), optionsOf(e));
  const tickets: Ticket[] = [];
  for await (const ticket of result.records) tickets.push(ticket);
  return { e, result, tickets };
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const resolved = (t: Ticket): boolean => t.status === "solved" || t.status === "closed";

/** FRT per ticket: from the timestamps, else the helpdesk's calendar (then business) figure. */
const frtOf = (t: Ticket): number | undefined =>
  t.firstResponseAt !== undefined
    ? t.firstResponseAt.getTime() - t.createdAt.getTime()
    : (t.helpdesk?.firstReply ?? t.helpdesk?.firstReplyBusiness);

/** Resolution per resolved ticket: from the timestamps, else the helpdesk's calendar figure. */
const resolutionOf = (t: Ticket): number | undefined =>
  !resolved(t) ? undefined : t.solvedAt !== undefined ? t.solvedAt.getTime() - t.createdAt.getTime() : t.helpdesk?.fullResolution;

/** CSAT from ticket ratings: good / (good + bad), numeric ratings top-2-box on their scale. */
function csatOf(tickets: readonly Ticket[]): number | undefined {
  let satisfied = 0;
  let rated = 0;
  for (const t of tickets) {
    const s = t.satisfaction;
    if (s === undefined) continue;
    if (typeof s === "number") {
      if (t.satisfactionScale === undefined) continue;
      rated++;
      if (s >= t.satisfactionScale.max - 1) satisfied++;
    } else {
      rated++;
      if (s === "good") satisfied++;
    }
  }
  return rated === 0 ? undefined : satisfied / rated;
}

function reopenRateOf(tickets: readonly Ticket[]): number | null {
  if (!tickets.some((t) => t.reopens !== undefined)) return null;
  const solved = tickets.filter(resolved);
  return solved.filter((t) => (t.reopens ?? 0) > 0).length / solved.length;
}

const defined = <T>(values: readonly (T | undefined)[]): T[] => values.filter((v): v is T => v !== undefined);

describe.each(["generic", "zendesk-csv", "zendesk-json", "freshdesk-csv", "intercom-json"])("export fixture %s", (preset) => {
  it("gives the row accounting and the figures of expected.json", async () => {
    const { e, result, tickets } = await read(preset);
    const { read: r, used, rejected, excluded, excludedBy } = result.stats;
    expect({ read: r, used, rejected, excluded, excludedBy }).toEqual({
      read: e.read,
      used: e.used,
      rejected: e.rejected,
      excluded: e.excluded,
      excludedBy: e.excludedBy,
    });
    expect(median(defined(tickets.map(frtOf)))).toBe(e.frtMedianMs);
    expect(median(defined(tickets.map(resolutionOf)))).toBe(e.resolutionMedianMs);
    expect(csatOf(tickets)).toBeCloseTo(e.csat, 12);
    expect(reopenRateOf(tickets)).toBe(e.reopenRate);
  });
});

describe("export fixtures, ticket by ticket", () => {
  it("zendesk-csv: ratings say whether a survey was offered; minutes land on ticket.helpdesk; On-hold is on_hold", async () => {
    const { tickets } = await read("zendesk-csv");
    const byId = new Map(tickets.map((t) => [t.id, t]));
    expect(byId.get("5102")).toMatchObject({ satisfaction: "good", satisfactionOffered: true }); // "Good with comment"
    expect(byId.get("5103")).toMatchObject({ satisfaction: "bad", satisfactionOffered: true, reopens: 1, status: "closed" });
    expect(byId.get("5111")).toMatchObject({ satisfactionOffered: true });
    expect(byId.get("5111")).not.toHaveProperty("satisfaction"); // Offered, not answered
    expect(byId.get("5106")).not.toHaveProperty("satisfactionOffered"); // Unoffered
    expect(byId.get("5110")).toMatchObject({ status: "on_hold", rawStatus: "On-hold", channel: "phone" });
    expect(byId.get("5103")?.helpdesk).toEqual({
      firstReply: 120 * 60_000,
      firstReplyBusiness: 60 * 60_000,
      firstResolution: 300 * 60_000,
      firstResolutionBusiness: 300 * 60_000,
      fullResolution: 1440 * 60_000,
      fullResolutionBusiness: 720 * 60_000,
      agentWait: 0,
      agentWaitBusiness: 0,
      requesterWait: 1200 * 60_000,
      requesterWaitBusiness: 600 * 60_000,
      onHold: 240 * 60_000,
      onHoldBusiness: 120 * 60_000,
    });
    expect(byId.get("5109")).not.toHaveProperty("helpdesk"); // New: nothing measured yet
    // The business-hours FRT median the notes give.
    expect(median(defined(tickets.map((t) => t.helpdesk?.firstReplyBusiness)))).toBe(3_600_000);
  });

  it("zendesk-json: the deleted ticket is excluded and leaves no ticket; brands and offered ratings are read", async () => {
    const { tickets, result } = await read("zendesk-json");
    expect(tickets.map((t) => t.id)).not.toContain("7009");
    expect(result.rejects).toEqual([]);
    expect(new Set(tickets.map((t) => t.brand))).toEqual(new Set(["360000001001", "360000001002"]));
    const byId = new Map(tickets.map((t) => [t.id, t]));
    expect(byId.get("7010")).toMatchObject({ satisfactionOffered: true });
    expect(byId.get("7010")).not.toHaveProperty("satisfaction");
    expect(byId.get("7004")).not.toHaveProperty("satisfactionOffered"); // unoffered
    expect(byId.get("7007")).not.toHaveProperty("satisfactionOffered"); // null rating
    expect(byId.get("7007")).toMatchObject({ status: "on_hold", rawStatus: "hold" });
    expect(byId.get("7003")?.helpdesk).toMatchObject({
      firstReply: 90 * 60_000,
      firstReplyBusiness: 60 * 60_000,
      fullResolution: 1500 * 60_000,
    });
  });

  it("freshdesk-csv: its statuses, ratings on 1–7 with their scale, Product as brand, business-hour durations", async () => {
    const { tickets } = await read("freshdesk-csv");
    expect(tickets.map((t) => [t.rawStatus, t.status])).toEqual([
      ["Resolved", "solved"],
      ["Closed", "closed"],
      ["Open", "open"],
      ["Pending", "pending"],
      ["Waiting on Customer", "pending"],
      ["Waiting on Third Party", "on_hold"],
      ["Resolved", "solved"],
      ["Closed", "closed"],
    ]);
    const scale = { min: 1, max: 7 };
    expect(tickets.filter((t) => t.satisfaction !== undefined).map((t) => [t.satisfaction, t.satisfactionScale])).toEqual([
      [7, scale], // Extremely Happy
      [6, scale], // Very Happy
      [4, scale], // Neutral
      [7, scale], // Awesome (classic survey)
    ]);
    expect(new Set(tickets.map((t) => t.brand))).toEqual(new Set(["Portal", "Mobile App"]));
    expect(median(defined(tickets.map((t) => t.helpdesk?.fullResolutionBusiness)))).toBe(29_700_000);
    expect(tickets.every((t) => t.reopens === undefined)).toBe(true);
  });

  it("intercom-json: states, 1–5 ratings with their scale, statistics durations", async () => {
    const { tickets } = await read("intercom-json");
    expect(tickets.map((t) => t.status)).toEqual(["solved", "solved", "open", "pending", "solved", "open", "solved"]);
    expect(tickets.filter((t) => t.satisfaction !== undefined).map((t) => [t.satisfaction, t.satisfactionScale])).toEqual([
      [5, { min: 1, max: 5 }],
      [2, { min: 1, max: 5 }],
      [4, { min: 1, max: 5 }],
      [4, { min: 1, max: 5 }],
    ]);
    expect(tickets[6]?.helpdesk).toMatchObject({ firstReplyBusiness: 900_000, fullResolutionBusiness: 28_800_000 });
    expect(median(defined(tickets.map((t) => t.helpdesk?.fullResolutionBusiness)))).toBe(10_800_000);
  });

  it("generic: deleted and spam excluded, an unknown status rejected naming --status-map, the stated scale on every rating", async () => {
    const { tickets, result } = await read("generic");
    expect(result.rejects).toEqual([
      {
        record: 8,
        line: 9,
        column: "status",
        value: "Escalated",
        reason:
          'unknown status "Escalated" for the generic preset; map it with --status-map "Escalated=CATEGORY" (statusMap in code), CATEGORY one of new, open, pending, on_hold, solved, closed',
      },
    ]);
    expect(tickets.map((t) => t.id)).toEqual(["g-1", "g-2", "g-3", "g-4", "g-5", "g-9", "g-10"]);
    expect(tickets.filter((t) => t.satisfaction !== undefined).every((t) => t.satisfactionScale?.max === 5)).toBe(true);
    expect(tickets.find((t) => t.id === "g-9")).toMatchObject({ status: "solved", rawStatus: "Resolved", brand: "globex" });
  });
});
