// Real-file test: the Kaggle "Customer Support Ticket Dataset" (suraj520), a synthetic
// export of 8,469 tickets; see the data's real/README.md. Counts from that README:
// status Pending Customer Response 2,881 / Open 2,819 / Closed 2,769; First Response Time
// filled for 5,650 rows; Time to Resolution for the 2,769 closed ones, 1,365 of them earlier
// than the first response.
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { safeParseTickets, type ParseRowsResult, type Ticket } from "../../src/models/schemas/index.ts";
import { TIMESTAMP_REASONS } from "../../src/_lib/timestamp.ts";
import { needsRealData, realDataPath } from "../_support/realData.ts";

const FILE = "real/customer_support_tickets.csv";

type CsvRow = Record<string, string>;

/** The dataset's columns mapped to ticket fields (a column preset in miniature). */
function toTicketRow(row: CsvRow): Record<string, unknown> {
  return {
    id: row["Ticket ID"],
    status: row["Ticket Status"],
    channel: row["Ticket Channel"],
    type: row["Ticket Type"],
    priority: row["Ticket Priority"],
    firstResponseAt: row["First Response Time"],
    solvedAt: row["Time to Resolution"],
    createdAt: row["Date of Purchase"],
  };
}

describe("customer_support_tickets.csv", needsRealData(FILE), () => {
  let csv: CsvRow[];
  let result: ParseRowsResult<Ticket>;

  beforeAll(() => {
    const parsed = Papa.parse<CsvRow>(readFileSync(realDataPath(FILE), "utf8"), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    csv = parsed.data;
    result = safeParseTickets(csv.map(toTicketRow), { timeZone: "UTC" });
  });

  it("parses all 8,469 rows with timeZone UTC", () => {
    expect(csv).toHaveLength(8469);
    expect(result).toMatchObject({ ok: true, rows: 8469, used: 8469, rejected: 0 });
    expect(result.issues).toEqual([]);
  });

  it("normalises the three statuses and keeps the raw names", () => {
    const counts = new Map<string, number>();
    for (const t of result.value) {
      const key = `${t.status}|${t.rawStatus ?? ""}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({
      "pending|Pending Customer Response": 2881,
      "open|Open": 2819,
      "closed|Closed": 2769,
    });
  });

  it("reads the naive timestamps in UTC and treats blank cells as absent", () => {
    const first = result.value[0];
    expect(first?.id).toBe("1");
    expect(first?.createdAt.toISOString()).toBe("2021-03-22T00:00:00.000Z");
    expect(first?.channel).toBe("Social media");
    expect(result.value.filter((t) => t.firstResponseAt !== undefined)).toHaveLength(5650);
    expect(result.value.filter((t) => t.solvedAt !== undefined)).toHaveLength(2769);
    expect(result.value.filter((t) => t.solvedAt !== undefined && t.status !== "closed")).toHaveLength(0);
  });

  it("keeps the 1,365 closed tickets resolved before their first response (the metrics report them)", () => {
    const contradictory = result.value.filter(
      (t) => t.solvedAt !== undefined && t.firstResponseAt !== undefined && t.solvedAt < t.firstResponseAt,
    );
    expect(contradictory).toHaveLength(1365);
  });

  it("rejects every row without timeZone, saying to pass one", () => {
    const strict = safeParseTickets(csv.map(toTicketRow));
    expect(strict).toMatchObject({ ok: false, rows: 8469, used: 0, rejected: 8469 });
    expect(strict.issues[0]).toEqual({ row: 0, field: "createdAt", value: "2021-03-22", reason: TIMESTAMP_REASONS.naive });
    expect(new Set(strict.issues.map((issue) => issue.reason))).toEqual(new Set([TIMESTAMP_REASONS.naive]));
  });
});
