// A field built from two columns: a date and a time of day (`createdAt=Date+Time`, joined by a
// space) and an id in two parts (`id=Mailbox+Number`, joined by "/"). The whole text is tried as
// one column first, so a column whose name holds "+" still works.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { InputFormatError, readMessages, readTickets, type ReadResult } from "../../src/io/index.ts";

async function collect<T>(result: ReadResult<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of result.records) out.push(item);
  return out;
}

const csv = (text: string): Readable => Readable.from([text]);

describe("a date and a time of day", () => {
  const text = [
    "Mailbox,Number,Date,Time,State",
    "support,1,2017-10-31,22:10:47,open",
    "billing,1,2017-11-01,08:00,open",
    "support,2,2017-11-02,,open",
    "support,3,,09:00,open",
    "support,4,,,open",
  ].join("\n");

  it("joins the two columns (naive: in timeZone) and names both in rejects", async () => {
    const result = await readTickets(csv(text), {
      format: "csv",
      timeZone: "Europe/Bucharest",
      map: ["id=Mailbox+Number", "createdAt=Date+Time", "status=State"],
    });
    const tickets = await collect(result);
    expect(tickets.map((t) => [t.id, t.createdAt.toISOString()])).toEqual([
      ["support/1", "2017-10-31T20:10:47.000Z"],
      ["billing/1", "2017-11-01T06:00:00.000Z"],
    ]);
    expect(result.rejects).toEqual([
      {
        record: 3,
        line: 4,
        column: "Date+Time",
        value: '{"Date":"2017-11-02","Time":""}',
        reason: 'must have a value in both "Date" and "Time" ("Time" is blank)',
      },
      {
        record: 4,
        line: 5,
        column: "Date+Time",
        value: '{"Date":"","Time":"09:00"}',
        reason: 'must have a value in both "Date" and "Time" ("Date" is blank)',
      },
      { record: 5, line: 6, column: "Date+Time", value: "", reason: "is required" },
    ]);
  });

  it("takes the date layout over the joined value", async () => {
    const result = await readTickets(csv("id,Day,Hour,status\n1,31/10/2017,22:10,open\n2,31/10/2017,25:10,open\n"), {
      format: "csv",
      timeZone: "UTC",
      dateFormat: "dd/MM/yyyy HH:mm",
      map: ["createdAt=Day+Hour"],
    });
    expect((await collect(result)).map((t) => t.createdAt.toISOString())).toEqual(["2017-10-31T22:10:00.000Z"]);
    expect(result.rejects).toEqual([
      {
        record: 2,
        line: 3,
        column: "Day+Hour",
        value: "31/10/2017 25:10",
        reason: 'must match the date format "dd/MM/yyyy HH:mm" (or be ISO 8601)',
      },
    ]);
  });

  it("a missing part is a missing column (E_INPUT_COLUMNS names it)", async () => {
    const error = await readTickets(csv(text), { format: "csv", map: ["createdAt=Date+Hour", "status=State", "id=Number"] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as InputFormatError).code).toBe("E_INPUT_COLUMNS");
    expect((error as InputFormatError).missing).toEqual(["Hour"]);
  });

  it("a column whose name holds '+' is read whole", async () => {
    const result = await readTickets(csv('id,"Created (UTC+0)",status\n1,2017-10-31T22:10:00Z,open\n'), {
      format: "csv",
      map: ["createdAt=Created (UTC+0)"],
    });
    expect((await collect(result)).map((t) => t.createdAt.toISOString())).toEqual(["2017-10-31T22:10:00.000Z"]);
    // A field that may not be joined keeps "+" as part of the name.
    const tags = await readTickets(csv('id,created_at,status,"A+B"\n1,2017-10-31T22:10:00Z,open,x\n'), {
      format: "csv",
      map: ["channel=A+B"],
    });
    expect((await collect(tags)).map((t) => t.channel)).toEqual(["x"]);
  });

  it("JSON: two paths; numbers joined as written", async () => {
    const json = JSON.stringify([{ mailbox: { id: 7 }, number: 12, day: "2017-10-31", at: "22:10:00Z", status: "open" }]);
    const result = await readTickets(Readable.from([json]), { format: "json", map: ["id=mailbox.id+number", "createdAt=day+at"] });
    expect((await collect(result)).map((t) => [t.id, t.createdAt.toISOString()])).toEqual([["7/12", "2017-10-31T22:10:00.000Z"]]);
  });

  it("the messages file: ticket id and time from two columns", async () => {
    const text = "box,num,day,time,author,public\nsupport,1,2017-10-31,22:10:00Z,agent,true\n";
    const result = await readMessages(csv(text), { format: "csv", map: ["ticketId=box+num", "at=day+time"] });
    expect((await collect(result)).map((m) => [m.ticketId, m.message.at.toISOString()])).toEqual([
      ["support/1", "2017-10-31T22:10:00.000Z"],
    ]);
  });
});
