/**
 * Writes examples/data/events.csv, the ticket history of the example export, from
 * examples/data/tickets.csv and examples/data/messages.csv (no randomness: the same files give
 * the same history): `npx tsx scripts/generate-example-events.ts`.
 *
 * Per ticket: `New` at creation; the assignee and group at `assigned_at`; `Open` at the first of
 * the assignment and the first agent reply; `Pending` at an agent reply the customer answers
 * (and `Open` again at the customer's answer); `Solved` at `first_solved_at`, then for a reopened
 * ticket `Open` at the customer's next message (else half-way to the final solve) and `Solved` at
 * `solved_at`; `Closed` at `closed_at`. A ticket still unresolved ends in its exported status (a
 * last change at its last known instant). The two deliberately bad rows of tickets.csv get none.
 */
import { readFileSync, writeFileSync } from "node:fs";

const read = (name: string): string[][] =>
  readFileSync(new URL(`../examples/data/${name}`, import.meta.url), "utf8")
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));

interface Msg {
  readonly at: number;
  readonly iso: string;
  readonly author: string;
  readonly id: string;
}
const messages = new Map<string, Msg[]>();
for (const [ticket, at, author, pub, id] of read("messages.csv")) {
  if (ticket === undefined || at === undefined || author === undefined || pub !== "true") continue;
  const list = messages.get(ticket) ?? [];
  list.push({ at: Date.parse(at), iso: at, author, id: id ?? "" });
  messages.set(ticket, list);
}

const rows: string[] = ["ticket_id,at,field,value,author_id,author_role"];
for (const cols of read("tickets.csv")) {
  const [id, created, status, , , , assignee, group, requester, assigned, , firstSolved, solved, closed] = cols;
  if (id === undefined || id === "" || created === undefined || Number.isNaN(Date.parse(created))) continue;
  const out: [string, string, string, string, string][] = [];
  const add = (at: string, field: string, value: string, author: string, role: string): void => {
    out.push([at, field, value, author, role]);
  };
  let state = "New";
  const to = (at: string, value: string, author: string, role: string): void => {
    if (state === value) return;
    state = value;
    add(at, "status", value, author, role);
  };
  add(created, "status", "New", requester ?? "", "customer");
  const agent = assignee ?? "";
  if (assigned !== undefined && assigned !== "") {
    add(assigned, "assignee", agent, agent, "agent");
    add(assigned, "group", group ?? "", agent, "agent");
  }
  const list = (messages.get(id) ?? []).slice().sort((a, b) => a.at - b.at);
  const firstAgent = list.find((m) => m.author === "agent");
  const openAt = [assigned, firstAgent?.iso]
    .filter((t): t is string => t !== undefined && t !== "")
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  if (openAt !== undefined) to(openAt, "Open", agent, "agent");
  const firstSolveMs = firstSolved === undefined || firstSolved === "" ? Infinity : Date.parse(firstSolved);
  const solveMs = solved === undefined || solved === "" ? Infinity : Date.parse(solved);
  // The conversation up to the first solve, then (a reopened ticket) up to the final solve.
  const walk = (from: number, until: number): void => {
    const part = list.filter((m) => m.at >= from && m.at < until);
    part.forEach((m, i) => {
      const next = part[i + 1];
      if (m.author === "agent" && next?.author === "customer" && state === "Open") to(m.iso, "Pending", m.id, "agent");
      if (m.author === "customer" && state === "Pending") to(m.iso, "Open", m.id, "customer");
    });
  };
  walk(openAt === undefined ? Infinity : Date.parse(openAt), firstSolveMs);
  if (firstSolved !== undefined && firstSolved !== "") {
    to(firstSolved, "Solved", agent, "agent");
    if (solveMs > firstSolveMs && solved !== undefined) {
      const back = list.find((m) => m.author === "customer" && m.at > firstSolveMs && m.at < solveMs);
      const reopen = back?.iso ?? new Date((firstSolveMs + solveMs) / 2).toISOString();
      to(reopen, "Open", back?.id ?? requester ?? "", "customer");
      walk(Date.parse(reopen) + 1, solveMs);
      to(solved, "Solved", agent, "agent");
    }
  }
  if (closed !== undefined && closed !== "") to(closed, "Closed", "", "system");
  const last = out[out.length - 1]?.[0] ?? created;
  const exported = status === "On-hold" ? "On-hold" : (status ?? state);
  if (exported !== state && exported !== "Closed" && exported !== "Solved") to(last, exported, agent, "agent");
  for (const [at, field, value, author, role] of out) rows.push([id, at, field, value, author, role].join(","));
}
writeFileSync(new URL("../examples/data/events.csv", import.meta.url), `${rows.join("\n")}\n`);
console.log(`examples/data/events.csv: ${String(rows.length - 1)} changes`);
