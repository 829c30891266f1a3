// Issue 17, point 7: `cx-metrics report FILE --preset twcs --by brand`. On the hand-built
// test/fixtures/io/twcs-threads.csv (figures worked by hand in test/io/readThreads.test.ts) and on
// the real 5,000-row head of "Customer Support on Twitter" (CX_REAL_DATA), whose per-brand first
// response figures are checked against an independent computation: a plain loop over the CSV
// parsed by papaparse, its own thread walk, Date.parse for Twitter's dates, its own R-7 quantile.
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { needsRealData, realDataPath } from "../_support/realData.ts";
import { cli, json, repo } from "./_run.ts";

const FIXTURE = repo("test/fixtures/io/twcs-threads.csv");
const REAL = "real/twcs_head5000.csv";

interface Figures {
  readonly count: number;
  readonly mean: number;
  readonly median: number;
  readonly p90: number;
}

interface Segment {
  readonly key: string[];
  readonly tickets: number;
  readonly time: {
    readonly firstResponse: {
      readonly calendar: null | { count: number; mean: number; median: number; p: { p: number; value: number }[] };
    };
  };
}

/** The brand segments' first response figures, in seconds, from the command's JSON. */
function brandFigures(doc: { report: { segments: { dimensions: string[]; segments: Segment[] }[] } }): Map<string, Figures | null> {
  const seg = doc.report.segments.find((s) => s.dimensions.join() === "brand");
  const out = new Map<string, Figures | null>();
  for (const s of seg?.segments ?? []) {
    const c = s.time.firstResponse.calendar;
    out.set(
      s.key[0] as string,
      c === null
        ? null
        : { count: c.count, mean: c.mean / 1000, median: c.median / 1000, p90: (c.p.find((q) => q.p === 0.9)?.value ?? NaN) / 1000 },
    );
  }
  return out;
}

const run = (file: string, ...rest: string[]) =>
  cli(["report", file, "--preset", "twcs", "--by", "brand", "--format", "json", "-q", ...rest]);

describe("--preset twcs --by brand on the hand-built thread file", () => {
  it("every record used or reported; AcmeHelp 3 first responses (mean 1500 s, median 1800 s, p90 2280 s), ZetaCare 1 (30 s)", async () => {
    const r = await run(FIXTURE);
    expect(r.code).toBe(0);
    const doc = json(r);
    expect(doc.input.preset).toBe("twcs");
    expect(doc.input.tickets).toMatchObject({ read: 23, used: 13, rejected: 3, excluded: 7 });
    expect(doc.input.tickets.excludedBy).toEqual({ "not opened by a customer": 2, "parent not found": 3, "reply cycle": 2 });
    expect(doc.input.tickets.threads).toEqual({ conversations: 5, answered: 4, severalResponders: 1, listedAbsent: 1, listConflicts: 1 });
    const figures = brandFigures(doc);
    expect(figures.get("AcmeHelp")).toEqual({ count: 3, mean: 1500, median: 1800, p90: expect.closeTo(2280, 6) as number });
    expect(figures.get("ZetaCare")).toEqual({ count: 1, mean: 30, median: 30, p90: 30 });
    // The unanswered conversation has no brand: it is counted under (none), with no first response.
    expect(figures.get("(none)")).toBeNull();
    // A thread's tickets carry their messages: reply counts are not reported absent.
    expect(doc.absent.map((a: { metric: string }) => a.metric)).not.toContain("firstResponse");
  });

  it("--status-map and --messages are refused with the twcs preset", async () => {
    const r = await cli(["report", FIXTURE, "--preset", "twcs", "--status-map", "x=open", "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--status-map cannot be used with --preset twcs/);
    const m = await cli(["report", FIXTURE, "--preset", "twcs", "--messages", FIXTURE, "-q"]);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/--messages cannot be used with --preset twcs: its conversations/);
  });
});

/** The independent computation: conversations and first responses by a plain loop over the parsed CSV. */
function independent(text: string): { rows: number; byBrand: Map<string, number[]>; inConversations: number; brands: Set<string> } {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const rows = parsed.data;
  const tweets = new Map<string, { author: string; inbound: boolean; at: number; parent: string; record: number }>();
  rows.forEach((row, record) => {
    const parent = row["in_response_to_tweet_id"] ?? "";
    tweets.set(row["tweet_id"] as string, {
      author: row["author_id"] as string,
      inbound: row["inbound"] === "True",
      at: Date.parse(row["created_at"] as string),
      parent: parent === "" ? "" : String(Math.trunc(Number(parent))),
      record,
    });
  });
  const members = new Map<string, string[]>();
  for (const id of tweets.keys()) {
    let at = id;
    let steps = 0;
    let root: string | undefined;
    for (;;) {
      const t = tweets.get(at);
      if (t === undefined || steps++ > tweets.size) break;
      if (t.parent === "") {
        if (t.inbound) root = at;
        break;
      }
      at = t.parent;
    }
    if (root !== undefined) members.set(root, [...(members.get(root) ?? []), id]);
  }
  const byBrand = new Map<string, number[]>();
  let inConversations = 0;
  for (const [root, ids] of members) {
    inConversations += ids.length;
    const start = tweets.get(root)?.at as number;
    let first: { at: number; record: number; author: string } | undefined;
    for (const id of ids) {
      const t = tweets.get(id);
      if (t === undefined || t.inbound) continue;
      if (first === undefined || t.at < first.at || (t.at === first.at && t.record < first.record)) first = t;
    }
    if (first !== undefined) byBrand.set(first.author, [...(byBrand.get(first.author) ?? []), (first.at - start) / 1000]);
  }
  const brands = new Set([...tweets.values()].filter((t) => !t.inbound).map((t) => t.author));
  return { rows: rows.length, byBrand, inConversations, brands };
}

/** R-7 (linear) quantile of sorted values. */
function r7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

describe("--preset twcs --by brand on the real twcs_head5000.csv", needsRealData(REAL), () => {
  let doc: ReturnType<typeof json>;
  let ref: ReturnType<typeof independent>;
  beforeAll(async () => {
    const r = await run(realDataPath(REAL));
    expect(r.code).toBe(0);
    doc = json(r);
    ref = independent(readFileSync(realDataPath(REAL), "utf8"));
  });

  it("uses or reports all 5,000 tweets: 4,852 in 1,285 conversations, 130 under brand tweets answering none, 18 cut off", () => {
    expect(ref.rows).toBe(5000);
    expect(doc.input.tickets).toMatchObject({ read: 5000, used: 4852, rejected: 0, excluded: 148 });
    expect(doc.input.tickets.excludedBy).toEqual({ "not opened by a customer": 130, "parent not found": 18 });
    expect(doc.input.tickets.used).toBe(ref.inConversations);
    expect(doc.report.counts.statuses.total).toBe(1285);
    expect(doc.input.tickets.threads).toEqual({
      conversations: 1285,
      answered: 1285,
      severalResponders: 1,
      listedAbsent: 2624,
      listConflicts: 0,
    });
  });

  it("74 of the 76 brand accounts answered a conversation; the other 2 only wrote in threads that start with their own tweet", () => {
    const figures = brandFigures(doc);
    expect(ref.brands.size).toBe(76);
    expect(figures.size).toBe(74);
    expect([...ref.brands].filter((b) => !figures.has(b)).sort()).toEqual(["LondonMidland", "Safaricom_Care"]);
  });

  it("per brand: count, mean, median and p90 of the first response (s) equal the independent computation", () => {
    const figures = brandFigures(doc);
    expect([...figures.keys()].sort()).toEqual([...ref.byBrand.keys()].sort());
    for (const [brand, values] of ref.byBrand) {
      const sorted = [...values].sort((a, b) => a - b);
      const got = figures.get(brand);
      expect(got?.count, brand).toBe(sorted.length);
      expect(got?.mean, brand).toBeCloseTo(sorted.reduce((a, b) => a + b, 0) / sorted.length, 6);
      expect(got?.median, brand).toBeCloseTo(r7(sorted, 0.5), 6);
      expect(got?.p90, brand).toBeCloseTo(r7(sorted, 0.9), 6);
    }
    // The largest brand, as examples/twitter-brands.md shows it.
    expect(figures.get("ChipotleTweets")).toEqual({
      count: 170,
      mean: expect.closeTo(5217.594, 3) as number,
      median: 591,
      p90: expect.closeTo(779.4, 6) as number,
    });
  });
});
