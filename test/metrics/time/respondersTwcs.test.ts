// Per-responder figures on real data (issue 17, item 5): the public "Customer Support on Twitter"
// sample (real/twcs_head5000.csv) read by the twcs preset, whose brand replies carry the brand
// account as authorId. Every figure is checked against a loop written here from the messages in
// time order (not the library's turn rule), and the headline figures are stated.
import { beforeAll, describe, expect, it } from "vitest";
import { readThreads } from "../../../src/io/index.ts";
import { openFile } from "../../../src/io/node/index.ts";
import { responders, type RespondersSummary } from "../../../src/metrics/time/index.ts";
import type { Ticket } from "../../../src/models/index.ts";
import { needsRealData, realDataPath } from "../../_support/realData.ts";

const FILE = "real/twcs_head5000.csv";

interface Naive {
  replies: number;
  tickets: number;
  first: number[];
  turns: number[];
}

/** R-7 median of a list. */
function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) / 2;
  const lo = s[Math.floor(h)] as number;
  return lo + (h - Math.floor(h)) * ((s[Math.ceil(h)] as number) - lo);
}

/** The responders by a plain walk over each ticket's public messages, sorted by time (stable). */
function naive(tickets: readonly Ticket[]): Map<string, Naive> {
  const out = new Map<string, Naive>();
  const of = (id: string): Naive => {
    let n = out.get(id);
    if (n === undefined) out.set(id, (n = { replies: 0, tickets: 0, first: [], turns: [] }));
    return n;
  };
  for (const t of tickets) {
    const list = [...(t.messages ?? [])].filter((m) => m.public && (m.author === "customer" || m.author === "agent"));
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    const seen = new Set<string>();
    let waiting: number | undefined;
    let firstDone = false;
    const firstCustomer = list.find((m) => m.author === "customer")?.at.getTime();
    for (const m of list) {
      if (m.author === "customer") {
        waiting ??= m.at.getTime();
        continue;
      }
      const id = m.authorId ?? "(unknown)";
      of(id).replies++;
      if (!seen.has(id)) of(id).tickets++;
      seen.add(id);
      if (waiting === undefined) continue;
      of(id).turns.push(m.at.getTime() - waiting);
      if (!firstDone && firstCustomer !== undefined) {
        // A customer-started thread: from the earlier of creation and the first customer tweet.
        of(id).first.push(m.at.getTime() - Math.min(t.createdAt.getTime(), firstCustomer));
        firstDone = true;
      }
      waiting = undefined;
    }
  }
  return out;
}

describe("responders on real Twitter support threads (twcs_head5000.csv)", needsRealData(FILE), () => {
  let tickets: Ticket[];
  let r: RespondersSummary;
  beforeAll(async () => {
    const result = await readThreads(openFile(realDataPath(FILE)), { preset: "twcs" });
    tickets = [];
    for await (const t of result.records) tickets.push(t);
    r = responders(tickets);
  });

  it("every brand account's replies, tickets, first responses and reply times equal the plain walk", () => {
    const want = naive(tickets);
    const got = new Map(r.responders.map((x) => [x.responder as string, x]));
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [id, n] of want) {
      const x = got.get(id);
      expect([id, x?.replies, x?.tickets, x?.firstResponse?.count ?? 0, x?.replyTime?.count ?? 0]).toEqual([
        id,
        n.replies,
        n.tickets,
        n.first.length,
        n.turns.length,
      ]);
      if (n.first.length > 0) expect(x?.firstResponse?.median).toBe(median(n.first));
      if (n.turns.length > 0) expect(x?.replyTime?.median).toBe(median(n.turns));
    }
  });

  it("headline figures: 1,285 customer threads, all answered, by 74 accounts; 2,143 replies, none without an author", () => {
    expect(tickets).toHaveLength(1285);
    expect([r.tickets, r.answered, r.responders.length]).toEqual([1285, 1285, 74]);
    expect(r.unknown).toBeUndefined();
    expect(r.responders.reduce((s, x) => s + x.replies, 0)).toBe(2143);
    // The busiest account: 204 replies on 170 threads; its 170 first responses have the median
    // 591 s, the figure examples/twitter-brands.md gives ChipotleTweets as a brand (the brand of a
    // thread is the first account to reply, so the two credits agree).
    const top = r.responders[0];
    expect([top?.responder, top?.replies, top?.tickets, top?.firstResponse?.count, top?.firstResponse?.median]).toEqual([
      "ChipotleTweets",
      204,
      170,
      170,
      591_000,
    ]);
    // A reply that ends no customer turn (a second tweet in a row) is a reply sent without a reply time.
    const amazon = r.responders.find((x) => x.responder === "AmazonHelp");
    expect([amazon?.replies, amazon?.replyTime?.count]).toEqual([190, 186]);
  });
});
