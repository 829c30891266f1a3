/**
 * The command with responders and bots (issue 17, items 5 and 6) on the example export and its
 * messages file: the JSON figures against an independent loop over the messages CSV, the
 * responder leaderboard, the rendered sections, the CSV table, the gates and the option errors.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, DATA } from "./_run.ts";
import type { Report } from "../../src/report/index.ts";

const BASE = ["report", DATA.tickets, "--messages", DATA.messages, "--timezone", "Europe/Bucharest", "-q"];

/** The messages file read by hand: per ticket, its rows in time order (ties in file order). */
function messagesByTicket(): Map<string, { at: number; author: string; isPublic: boolean; authorId: string }[]> {
  const rows = readFileSync(DATA.messages, "utf8").trim().split("\n").slice(1);
  const out = new Map<string, { at: number; author: string; isPublic: boolean; authorId: string }[]>();
  for (const line of rows) {
    const [ticket, at, author, isPublic, authorId] = line.split(",") as [string, string, string, string, string];
    const list = out.get(ticket) ?? [];
    list.push({ at: Date.parse(at), author, isPublic: isPublic === "true", authorId });
    out.set(ticket, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.at - b.at);
  return out;
}

describe("cx-metrics report with responders and bots", () => {
  let json: { report: Report };
  beforeAll(async () => {
    const r = await cli([...BASE, "--format", "json"]);
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
  });

  it("replies per responder, tickets touched, bot tickets and handoffs equal a loop over the messages file", () => {
    const byTicket = messagesByTicket();
    const replies = new Map<string, number>();
    const touched = new Map<string, Set<string>>();
    let botTickets = 0;
    let handoffs = 0;
    for (const [ticket, list] of byTicket) {
      for (const m of list) {
        if (m.author !== "agent" || !m.isPublic) continue;
        replies.set(m.authorId, (replies.get(m.authorId) ?? 0) + 1);
        touched.set(m.authorId, (touched.get(m.authorId) ?? new Set()).add(ticket));
      }
      const firstBot = list.findIndex((m) => m.author === "bot" && m.isPublic);
      if (firstBot < 0) continue;
      botTickets++;
      if (list.slice(firstBot + 1).some((m) => m.author === "agent" && m.isPublic)) handoffs++;
    }
    const responders = json.report.responders;
    expect(Object.fromEntries(responders.responders.map((x) => [x.responder, x.replies]))).toEqual(Object.fromEntries(replies));
    expect(Object.fromEntries(responders.responders.map((x) => [x.responder, x.tickets]))).toEqual(
      Object.fromEntries([...touched].map(([k, v]) => [k, v.size])),
    );
    expect(responders.unknown).toBeNull(); // every agent row of the file has an author_id
    // Not vacuous: six agents, 750 public replies (the file has 791 agent rows, 41 of them private notes), 62 bot tickets, 58 handed off.
    expect([...replies.values()].reduce((a, b) => a + b, 0)).toBe(750);
    expect([botTickets, handoffs]).toEqual([62, 58]);
    expect(json.report.bots).toMatchObject({ botTickets: 62, handoffs: 58, resolvedWithBot: 54, botResolved: 0, resolutionRate: 0 });
  });

  it("--leaderboard-by responder --rank-by replyTimeMedian ranks the authors; the markdown shows the sections", async () => {
    const r = await cli([...BASE, "--format", "json", "--leaderboard-by", "responder", "--rank-by", "replyTimeMedian"]);
    const board = JSON.parse(r.stdout).report.leaderboard;
    expect(board).toMatchObject({ of: "responder", by: "replyTimeMedian", order: "asc", unknownResponder: { tickets: 0, replies: 0 } });
    const values = board.rows.map((x: { value: number }) => x.value);
    expect(values).toEqual([...values].sort((a: number, b: number) => a - b));
    expect(board.rows[0]).toMatchObject({ agent: "Andrei Pavel", rank: 1, replies: 137, sample: 137 });
    const md = await cli([...BASE, "--format", "markdown", "--leaderboard-by", "responder"]);
    expect(md.stdout).toContain("## Responders\n");
    expect(md.stdout).toContain("## Bots\n");
    expect(md.stdout).toContain("## Responders ranked\n");
    expect(md.stdout).toContain(
      "| Handoff rate | 93.5% (95% CI 84.6% to 97.5%) | 58 of 62 tickets with a bot message got a human reply after the bot |",
    );
  });

  it("--bot-first-response handoff and --exclude-bot-time reach the bots figures", async () => {
    const r = await cli([...BASE, "--format", "json", "--bot-first-response", "handoff", "--exclude-bot-time"]);
    const b = JSON.parse(r.stdout).report.bots;
    expect(b.firstResponse.from).toBe("handoff");
    expect(b.resolution.botTimeExcluded).toBe(true);
    // From the handoff is never longer than from the request; without the bot's time never longer than the whole.
    expect(b.firstResponse.summary.total).toBeLessThanOrEqual(json.report.bots.firstResponse.summary?.total ?? 0);
    expect(b.resolution.summary.total).toBeLessThanOrEqual(json.report.bots.resolution.summary?.total ?? 0);
  });

  it("--format csv --table responders", async () => {
    const r = await cli([...BASE, "--format", "csv", "--table", "responders"]);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("responder,tickets,replies,first_responses,first_response_median_ms,reply_times,reply_time_median_ms,clock");
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^Andrei Pavel,70,137,70,/);
  });

  it("gates bots.handoffRate and bots.resolutionRate; missing (no data) without a messages file", async () => {
    const pass = await cli([...BASE, "--format", "json", "--gate", "bots.handoffRate >= 0.9"]);
    expect(pass.code).toBe(0);
    const fail = await cli([...BASE, "--format", "json", "--gate", "bots.resolutionRate >= 0.1"]);
    expect(fail.code).toBe(1);
    const absent = await cli([
      "report",
      DATA.tickets,
      "--timezone",
      "Europe/Bucharest",
      "-q",
      "--format",
      "json",
      "--gate",
      "bots.handoffRate >= 0.9",
    ]);
    expect(absent.code).toBe(1);
    expect(JSON.parse(absent.stdout).gates[0]).toMatchObject({ status: "missing" });
  });

  it("E_CLI_OPTION_VALUE for a bad --leaderboard-by or --bot-first-response; a ranking a responder board cannot read", async () => {
    const who = await cli([...BASE, "--leaderboard-by", "team"]);
    expect(who.code).toBe(2);
    expect(who.stderr).toContain('--leaderboard-by must be one of assignee, responder, got "team"');
    const from = await cli([...BASE, "--bot-first-response", "customer"]);
    expect(from.stderr).toContain('--bot-first-response must be one of request, handoff, got "customer"');
    const rank = await cli([...BASE, "--leaderboard-by", "responder", "--rank-by", "csat"]);
    expect(rank.code).toBe(2);
    expect(rank.stderr).toContain(
      'leaderboard.by must be one of tickets, firstResponseMedian, replyTimeMedian when leaderboard.of is "responder"',
    );
  });
});
