// Date layouts (`dateFormat`, date-fns parse tokens: https://date-fns.org/docs/parse), kept off
// the ISO fast path. The layouts are those issue 12 names: `Tue Oct 31 22:10:47 +0000 2017`
// (the created_at of Twitter data, as in the twcs_head5000.csv real data set) and `31/10/2017 22:10`.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readSurveyResponses, readTickets, type ReadResult } from "../../src/io/index.ts";
import { dateFormatProblem } from "../../src/io/dateFormat.ts";
import type { Ticket } from "../../src/models/index.ts";
import { MetricRangeError } from "../../src/_lib/errors.ts";
import { needsRealData, realDataPath } from "../_support/realData.ts";
import { openFile } from "../../src/io/node/index.ts";

async function collect<T>(result: ReadResult<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of result.records) out.push(item);
  return out;
}

const iso = (tickets: readonly Ticket[]): string[] => tickets.map((t) => t.createdAt.toISOString());

function tickets(createdAt: readonly string[]): Readable {
  const rows = createdAt.map((at, i) => `${String(i + 1)},"${at}",open`);
  return Readable.from([`id,created_at,status\n${rows.join("\n")}\n`]);
}

describe("dateFormat in readTickets", () => {
  it("reads a layout with an offset (no time zone needed), and ISO values still", async () => {
    const result = await readTickets(
      tickets(["Tue Oct 31 22:10:47 +0000 2017", "Wed Nov 01 08:00:00 +0200 2017", "2017-11-02T10:00:00Z"]),
      {
        format: "csv",
        dateFormat: "EEE MMM dd HH:mm:ss xx yyyy",
      },
    );
    expect(iso(await collect(result))).toEqual(["2017-10-31T22:10:47.000Z", "2017-11-01T06:00:00.000Z", "2017-11-02T10:00:00.000Z"]);
    expect(result.rejects).toEqual([]);
  });

  it("reads a layout without an offset in timeZone, whatever the host's zone (DST included)", async () => {
    const result = await readTickets(tickets(["31/10/2017 22:10", "30/06/2017 09:00", "2017-07-01 09:00"]), {
      format: "csv",
      dateFormat: "dd/MM/yyyy HH:mm",
      timeZone: "Europe/Bucharest",
    });
    // Bucharest: UTC+2 in winter time (31 Oct 2017), UTC+3 in summer time; naive ISO values too.
    expect(iso(await collect(result))).toEqual(["2017-10-31T20:10:00.000Z", "2017-06-30T06:00:00.000Z", "2017-07-01T06:00:00.000Z"]);
  });

  it("rejects a naive layout's values without timeZone, as naive ISO values are", async () => {
    const result = await readTickets(tickets(["31/10/2017 22:10"]), { format: "csv", dateFormat: "dd/MM/yyyy HH:mm" });
    expect(await collect(result)).toEqual([]);
    expect(result.rejects).toEqual([
      {
        record: 1,
        line: 2,
        column: "created_at",
        value: "31/10/2017 22:10",
        reason: "has no UTC offset; pass the timeZone option to read it as local time in that zone",
      },
    ]);
  });

  it("rejects a value that matches neither the layout nor ISO 8601, naming the column, the value and the layout", async () => {
    const result = await readTickets(tickets(["31/10/2017 22:10", "2017/10/31 22:10", "31/13/2017 22:10", "12"]), {
      format: "csv",
      dateFormat: "dd/MM/yyyy HH:mm",
      timeZone: "UTC",
    });
    expect(iso(await collect(result))).toEqual(["2017-10-31T22:10:00.000Z"]);
    const reason = 'must match the date format "dd/MM/yyyy HH:mm" (or be ISO 8601)';
    expect(result.rejects).toEqual([
      { record: 2, line: 3, column: "created_at", value: "2017/10/31 22:10", reason },
      { record: 3, line: 4, column: "created_at", value: "31/13/2017 22:10", reason },
      // Not read as epoch milliseconds when a layout is given.
      { record: 4, line: 5, column: "created_at", value: "12", reason },
    ]);
  });

  it("applies to every timestamp the preset or the map reads, and to the messages file", async () => {
    const text = "id,created_at,status,solved\n1,31/10/2017 22:10,solved,01/11/2017 08:00\n";
    const messages = "ticket_id,at,author,public\n1,31/10/2017 23:00,agent,true\n";
    const result = await readTickets(Readable.from([text]), {
      format: "csv",
      map: ["solvedAt=solved"],
      dateFormat: "dd/MM/yyyy HH:mm",
      timeZone: "UTC",
      messages: Readable.from([messages]),
    });
    const [ticket] = await collect(result);
    expect(ticket?.solvedAt?.toISOString()).toBe("2017-11-01T08:00:00.000Z");
    expect(ticket?.messages?.map((m) => m.at.toISOString())).toEqual(["2017-10-31T23:00:00.000Z"]);
    expect(result.messages?.rejects).toEqual([]);
  });

  it("survey answers take it too", async () => {
    const text = "kind,score,answered_at\nnps,9,31/10/2017 22:10\n";
    const result = await readSurveyResponses(Readable.from([text]), { format: "csv", dateFormat: "dd/MM/yyyy HH:mm", timeZone: "UTC" });
    expect((await collect(result)).map((r) => r.answeredAt.toISOString())).toEqual(["2017-10-31T22:10:00.000Z"]);
  });

  it("leaves epoch seconds (Intercom) alone", async () => {
    const json = JSON.stringify([{ id: "1", created_at: 1509487847, state: "open" }]);
    const result = await readTickets(Readable.from([json]), { format: "json", preset: "intercom-json", dateFormat: "dd/MM/yyyy HH:mm" });
    expect(iso(await collect(result))).toEqual(["2017-10-31T22:10:47.000Z"]);
  });
});

describe("invalid layouts", () => {
  it.each([
    ["", "is empty"],
    ["dd/MM/yyyy nn", `has "nn", which is not a date-fns token (quote literal text: 'at')`],
    ["YYYY-MM-dd", "uses YYYY (the week-numbering year); write yyyy for the calendar year"],
    ["yyyy-MM-DD", "uses D (the day of the year); write dd for the day of the month"],
    ["HH:mm", "must name a year (yyyy), a month (MM or MMM) and a day (dd), or an epoch timestamp (t, T)"],
    ["MM/yyyy", "must name a year (yyyy), a month (MM or MMM) and a day (dd), or an epoch timestamp (t, T)"],
  ])("%j: %s", (layout, problem) => {
    expect(dateFormatProblem(layout)).toBe(problem);
  });

  it.each(["dd/MM/yyyy HH:mm", "EEE MMM dd HH:mm:ss xx yyyy", "yyyy-MM-dd'T'HH:mm", "d.M.yyyy 'at' H:mm", "t", "MMMM do, yyyy"])(
    "%j is a layout",
    (layout) => {
      expect(dateFormatProblem(layout)).toBeUndefined();
    },
  );

  it("throws E_OPTION_VALUE at once, before reading", async () => {
    const error = await readTickets(tickets(["x"]), { format: "csv", dateFormat: "dd/MM/yyyy nn" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetricRangeError);
    expect((error as MetricRangeError).code).toBe("E_OPTION_VALUE");
    expect((error as Error).message).toBe(
      `readTickets: dateFormat must be a date layout in date-fns parse tokens (e.g. "dd/MM/yyyy HH:mm"), got "dd/MM/yyyy nn": it has "nn", which is not a date-fns token (quote literal text: 'at')`,
    );
    const responses = await readSurveyResponses(Readable.from(["kind,score,answered_at\n"]), { dateFormat: "HH:mm" }).catch(
      (e: unknown) => e,
    );
    expect((responses as MetricRangeError).code).toBe("E_OPTION_VALUE");
  });
});

describe("a real file in another layout", () => {
  it(
    "twcs_head5000.csv (Twitter customer support): all 5,000 created_at values read with EEE MMM dd HH:mm:ss xx yyyy",
    needsRealData("real/twcs_head5000.csv"),
    async () => {
      const result = await readTickets(openFile(realDataPath("real/twcs_head5000.csv")), {
        map: ["id=tweet_id", "createdAt=created_at", "status=inbound"],
        statusMap: ["True=open", "False=solved"],
        dateFormat: "EEE MMM dd HH:mm:ss xx yyyy",
      });
      const read = await collect(result);
      expect(result.rejects).toEqual([]);
      expect(read).toHaveLength(5000);
      expect(read[0]?.createdAt.toISOString()).toBe("2017-10-31T22:10:47.000Z");
      // The export's tweets are of 2017, with a few older ones quoted in threads (2011, 2016).
      const years = new Set(read.map((t) => t.createdAt.getUTCFullYear()));
      expect([...years].sort()).toEqual([2011, 2016, 2017]);
      // Without the layout every row is rejected.
      const without = await readTickets(openFile(realDataPath("real/twcs_head5000.csv")), {
        map: ["id=tweet_id", "createdAt=created_at", "status=inbound"],
        statusMap: ["True=open", "False=solved"],
      });
      await collect(without);
      expect(without.stats.rejected).toBe(5000);
    },
  );
});
