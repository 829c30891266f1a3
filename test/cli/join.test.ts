// Issue 12: "Survey figures appear in every segment, whether they come from ticket ratings or
// from a survey file joined by ticket id." The command on test/fixtures/cli/join (figures
// worked out by hand in that folder's README.md): `--responses` with ticket ids and
// `--by type` gives CSAT and NPS per type, and says how many answers were not joined.
import { describe, expect, it } from "vitest";
import { cli, json, repo } from "./_run.ts";

const TICKETS = repo("test/fixtures/cli/join/tickets.csv");
const RESPONSES = repo("test/fixtures/cli/join/responses.csv");
const args = (...rest: string[]): string[] => [
  "report",
  TICKETS,
  "--responses",
  RESPONSES,
  "--as-of",
  "2026-10-03T00:00:00Z",
  "-q",
  ...rest,
];

describe("--responses joined to the tickets by ticket id", () => {
  it("JSON: survey figures in each type segment; the joined and unjoined answers counted", async () => {
    const r = await cli(args("--format", "json", "--by", "type,assignee"));
    expect(r.code).toBe(0);
    const doc = json(r);
    expect(doc.report.input).toMatchObject({ responses: 11, responsesInScope: 11, responsesJoined: 9, responsesNotJoined: 2 });
    const [byType, byAgent] = doc.report.segments;
    expect(byType.surveySegmented).toBe(true);
    expect(byType.responsesNotJoined).toBe(2);
    const figures = (seg: { segments: { key: string[]; survey: { csat: { score: number } | null; nps: { score: number } | null } }[] }) =>
      Object.fromEntries(seg.segments.map((s) => [s.key.join("|"), [s.survey.csat?.score ?? null, s.survey.nps?.score ?? null]]));
    expect(figures(byType)).toEqual({ question: [2 / 3, 100], billing: [0, 0], incident: [null, 0] });
    // Ticket 103 is Ana's though the survey tool names Zed; the two unjoined answers go by their agent.
    expect(byAgent.responsesNotJoined).toBe(0);
    expect(figures(byAgent)).toEqual({ Ana: [2 / 3, 0], Bob: [1 / 2, 100], Cy: [1, 0] });
  });

  it("a gate on one type's CSAT reads the joined answers", async () => {
    const pass = await cli(args("--format", "json", "--by", "type", "--gate", "csat[type=question] >= 66%"));
    expect(pass.code).toBe(0);
    const fail = await cli(args("--format", "json", "--by", "type", "--gate", "csat[type=billing] >= 50%"));
    expect(fail.code).toBe(1);
  });

  it("table and markdown: CSAT and NPS columns per type, and a note on the answers not joined", async () => {
    for (const format of ["table", "markdown"]) {
      const r = await cli(args("--format", format, "--by", "type"));
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/CSAT/);
      expect(r.stdout).toContain(
        "2 survey responses are in no segment here (no ticket id of a ticket in this export, and no type field on the response).",
      );
    }
    const byAgent = await cli(args("--format", "table", "--by", "assignee"));
    expect(byAgent.stdout).not.toContain("in no segment here");
  });

  it("csv: the segments table carries each type's CSAT and NPS", async () => {
    const r = await cli(args("--format", "csv", "--by", "type"));
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    const header = (lines[0] ?? "").split(",");
    const row = (key: string): string[] => (lines.find((l) => l.startsWith(`type,${key},`)) ?? "").split(",");
    expect(row("billing")[header.indexOf("csat")]).toBe("0");
    expect(Number(row("question")[header.indexOf("csat")])).toBeCloseTo(2 / 3, 12);
    expect(row("question")[header.indexOf("nps")]).toBe("100");
  });
});
