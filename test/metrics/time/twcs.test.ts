import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_FIRST_RESPONSE_TARGETS, slaCompliance } from "../../../src/metrics/sla/index.ts";
import { firstResponseTimes, responseTimes, summarizeDurations } from "../../../src/metrics/time/index.ts";
import type { Message, Ticket } from "../../../src/models/index.ts";
import { needsRealData, realDataPath } from "../../_support/realData.ts";
import { HOUR, ROMANIAN } from "./_fixtures.ts";

// Customer Support on Twitter (Thought Vector, Kaggle), first 5,000 rows; see the data's real/README.md.
const FILE = "real/twcs_head5000.csv";

interface Tweet {
  readonly id: string;
  readonly inbound: boolean;
  readonly at: Date;
  readonly parent: string | undefined;
}

function load(): { rows: number; tweets: Tweet[] } {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(realDataPath(FILE), "utf8"), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const tweets = parsed.data.map((row): Tweet => {
    const parent = row.in_response_to_tweet_id ?? "";
    return {
      id: row.tweet_id as string,
      inbound: row.inbound === "True",
      at: new Date(Date.parse(row.created_at as string)), // "Tue Oct 31 22:10:47 +0000 2017": explicit offset
      parent: parent === "" ? undefined : String(Number(parent)), // written as a float ("3.0") by pandas
    };
  });
  return { rows: parsed.data.length, tweets };
}

/** One ticket per thread root (a tweet answering nothing), holding the root and all its descendants. */
function threads(tweets: readonly Tweet[]): { tickets: Ticket[]; broken: number } {
  const byId = new Map(tweets.map((t) => [t.id, t]));
  const children = new Map<string, Tweet[]>();
  for (const t of tweets) {
    if (t.parent === undefined) continue;
    const list = children.get(t.parent) ?? [];
    list.push(t);
    children.set(t.parent, list);
  }
  const tickets: Ticket[] = [];
  let threaded = 0;
  for (const root of tweets) {
    if (root.parent !== undefined) continue;
    const messages: Message[] = [];
    const stack = [root];
    while (stack.length > 0) {
      const t = stack.pop() as Tweet;
      messages.push({ at: t.at, author: t.inbound ? "customer" : "agent", public: true });
      stack.push(...(children.get(t.id) ?? []));
    }
    threaded += messages.length;
    tickets.push({ id: root.id, createdAt: root.at, status: "open", channel: "social", messages });
  }
  // Tweets whose chain leads to a parent outside the 5,000 rows cannot be threaded: counted, not dropped silently.
  expect([...byId.keys()].length).toBe(tweets.length);
  return { tickets, broken: tweets.length - threaded };
}

describe("first response times on real Twitter support threads (twcs_head5000.csv)", needsRealData(FILE), () => {
  let rows: number, tweets: Tweet[], tickets: Ticket[], broken: number, frt: ReturnType<typeof firstResponseTimes>;
  beforeAll(() => {
    ({ rows, tweets } = load());
    ({ tickets, broken } = threads(tweets));
    frt = firstResponseTimes(tickets);
  });

  it("parses 5,000 rows, keeping the row with bare CRs inside an unquoted field (README quirk)", () => {
    expect(rows).toBe(5000);
    expect(tweets.filter((t) => t.inbound).length).toBe(2778);
    expect(tweets.every((t) => !Number.isNaN(t.at.getTime()))).toBe(true);
  });

  it("threads every tweet or counts it as cut off from its thread", () => {
    expect(tickets.length).toBe(1306);
    expect(broken).toBe(18); // replies whose chain leads to a tweet outside the first 5,000 rows
    expect(tickets.reduce((n, t) => n + (t.messages?.length ?? 0), 0) + broken).toBe(5000);
  });

  it("accounts for every thread: answered, unanswered, or with no customer tweet", () => {
    expect(frt.values.length + frt.skipped.unanswered + frt.skipped.noCustomerMessage + frt.anomalies.length).toBe(tickets.length);
    expect(frt.anomalies).toEqual([]);
    expect(frt.values.length).toBe(1306); // every thread in the sample got a brand reply
    expect(frt.sources.fields).toBe(0);
  });

  it("agrees with the README's recipe (first brand reply after the opening customer tweet) on time-ordered threads", () => {
    let compared = 0;
    frt.ids.forEach((id, i) => {
      const ticket = tickets.find((t) => t.id === id) as Ticket;
      const times = (ticket.messages ?? []).map((m) => m.at.getTime());
      const rootFirst = times.every((x) => x >= ticket.createdAt.getTime());
      const opensWithCustomer = (ticket.messages?.[0]?.author ?? "") === "customer";
      if (!rootFirst || !opensWithCustomer) return;
      const brand = (ticket.messages ?? []).filter((m) => m.author === "agent").map((m) => m.at.getTime());
      expect(frt.values[i]).toBe(Math.min(...brand) - ticket.createdAt.getTime());
      compared++;
    });
    expect(compared).toBe(1285); // every thread opened by a customer; the other 21 were opened by a brand
  });

  it(`averages as total first response time / first responses (${ROMANIAN}) and shows the README's old outliers`, () => {
    const s = summarizeDurations(frt.values, { percentiles: [0.9], target: HOUR });
    expect(s).toBeDefined();
    const naiveMean = [...frt.values].reduce((a, b) => a + b, 0) / frt.values.length;
    expect(s?.mean).toBeCloseTo(naiveMean, 3);
    expect(s?.median).toBe(813_000); // 13 min 33 s
    expect(s?.withinTarget).toBe(941 / 1306);
    expect(s?.max).toBeGreaterThan(365 * 24 * HOUR); // tweets from 2011 answered in 2017
  });

  it("gives a first-response SLA achievement equal to the share within 1 h (social media default target)", () => {
    const asOf = new Date(Math.max(...tweets.map((t) => t.at.getTime())));
    const sla = slaCompliance(tickets, { policy: { targets: DEFAULT_FIRST_RESPONSE_TARGETS }, asOf });
    const within = frt.values.filter((v) => v <= HOUR).length;
    expect(sla.byMetric.firstResponse.achieved).toBe(within);
    expect(sla.byMetric.firstResponse.achieved + sla.byMetric.firstResponse.breached + sla.byMetric.firstResponse.running).toBe(
      frt.values.length + frt.skipped.unanswered,
    );
    expect(sla.skipped.noTarget).toBe(2 * tickets.length); // no next-response or resolution targets
  });

  it("reads every customer turn of the threads", () => {
    const r = responseTimes(tickets);
    expect(r.values.length).toBeGreaterThanOrEqual(frt.values.length);
    expect(r.skipped.noMessages).toBe(0);
  });
});
