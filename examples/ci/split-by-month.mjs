// Writes one month of a ticket export (and the messages and survey responses of its tickets) to
// a directory, as a helpdesk's API would give it month by month. examples/ci/merge-monthly.yml
// runs it on the example export; with your own data, download each month's export instead.
//
//   node examples/ci/split-by-month.mjs MONTH OUT_DIR TICKETS.csv [MESSAGES.csv] [RESPONSES.csv]
//
// MONTH is YYYY-MM, the month of the tickets' creation (the first 7 characters of `created_at`);
// messages go with their ticket (`ticket_id`), responses too. A row whose creation date cannot be
// read goes to the month of the file's first ticket, so the command still reports it as rejected.
// Plain CSV splitting by lines: the example files have no line breaks inside quoted fields.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [month, out, ticketsPath, messagesPath, responsesPath] = process.argv.slice(2);
if (!/^\d{4}-\d{2}$/.test(month ?? "") || out === undefined || ticketsPath === undefined) {
  console.error("usage: node split-by-month.mjs YYYY-MM OUT_DIR TICKETS.csv [MESSAGES.csv] [RESPONSES.csv]");
  process.exit(2);
}

const table = (path) => {
  const [header, ...rows] = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((line) => line !== "");
  return { header, columns: header.split(","), rows };
};
const write = (name, header, rows) => writeFileSync(join(out, name), `${[header, ...rows].join("\n")}\n`);

mkdirSync(out, { recursive: true });
const tickets = table(ticketsPath);
const idAt = tickets.columns.indexOf("id");
const createdAt = tickets.columns.indexOf("created_at");
const firstMonth = tickets.rows
  .map((row) => row.split(",")[createdAt])
  .find((c) => /^\d{4}-\d{2}/.test(c ?? ""))
  ?.slice(0, 7);
const monthOf = (row) => {
  const created = row.split(",")[createdAt] ?? "";
  return /^\d{4}-\d{2}-\d{2}T/.test(created) && !Number.isNaN(Date.parse(created)) ? created.slice(0, 7) : firstMonth;
};
const mine = tickets.rows.filter((row) => monthOf(row) === month);
const ids = new Set(mine.map((row) => row.split(",")[idAt]));
write("tickets.csv", tickets.header, mine);

for (const [path, name] of [
  [messagesPath, "messages.csv"],
  [responsesPath, "responses.csv"],
]) {
  if (path === undefined) continue;
  const t = table(path);
  const ticketAt = t.columns.indexOf("ticket_id");
  write(
    name,
    t.header,
    t.rows.filter((row) => ids.has(row.split(",")[ticketAt])),
  );
}
console.log(`${month}: ${mine.length} tickets`);
