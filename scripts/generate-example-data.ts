/**
 * Writes the example helpdesk export in examples/data/ from a fixed seed, so the files are
 * reproducible: `npx tsx scripts/generate-example-data.ts`.
 *
 * The data are invented but shaped like a real small support team: a working-hours
 * arrival curve with a Monday peak, email-heavy channel mix, chat answered in minutes and
 * email in hours, a few reopened tickets, bots and internal notes in the conversations,
 * and a few deliberately bad rows (to show that the readers report them).
 */
import { writeFileSync } from "node:fs";
import { createRandom } from "../src/_lib/random.ts";

const rand = createRandom(20261125);
const pick = <T>(items: readonly (readonly [T, number])[]): T => {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
};
const expo = (mean: number): number => -Math.log(1 - rand()) * mean;
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// Europe/Bucharest is UTC+2 in winter (after 2026-10-25) and UTC+3 in summer.
const offsetOf = (ms: number): number => (ms < Date.UTC(2026, 9, 25, 1) ? 3 : 2);
function iso(ms: number): string {
  const off = offsetOf(ms);
  const local = new Date(ms + off * HOUR).toISOString().slice(0, 19);
  return `${local}+0${off}:00`;
}

const agents = ["Ana Popescu", "Mihai Ionescu", "Elena Dumitru", "Radu Stan", "Ioana Marin", "Andrei Pavel"];
const groups: Record<string, string> = {
  "Ana Popescu": "Tier 1",
  "Mihai Ionescu": "Tier 1",
  "Elena Dumitru": "Tier 1",
  "Radu Stan": "Tier 2",
  "Ioana Marin": "Tier 2",
  "Andrei Pavel": "Billing",
};
const channels = [
  ["email", 45],
  ["chat", 25],
  ["phone", 12],
  ["web", 10],
  ["social", 8],
] as const;
const types = [
  ["question", 40],
  ["incident", 25],
  ["problem", 10],
  ["billing", 15],
  ["feature_request", 10],
] as const;
const priorities = [
  ["low", 20],
  ["normal", 55],
  ["high", 20],
  ["urgent", 5],
] as const;
const firstReplyMean: Record<string, number> = { chat: 2 * MIN, phone: 3 * MIN, social: 40 * MIN, email: 5 * HOUR, web: 6 * HOUR };

// Arrivals: 2026-10-01 .. 2026-11-20 local, weekday-heavy, 08:00-20:00 mostly.
const start = Date.UTC(2026, 8, 30, 21); // 2026-10-01 00:00 +03:00
const end = Date.UTC(2026, 10, 19, 22); // 2026-11-20 00:00 +02:00
const asOf = end;

const ticketRows: string[][] = [];
const messageRows: string[][] = [];
const surveyRows: string[][] = [];
let id = 1000;
for (let day = start; day < end; day += DAY) {
  const local = new Date(day + offsetOf(day) * HOUR + 12 * HOUR);
  const weekday = local.getUTCDay(); // 0 Sunday
  const base = weekday === 0 || weekday === 6 ? 2 : weekday === 1 ? 12 : 9;
  const count = Math.round(base * (0.7 + rand() * 0.6));
  for (let i = 0; i < count; i++) {
    const hour =
      weekday === 0 || weekday === 6
        ? 9 + rand() * 10
        : pick([
            [8, 1],
            [9, 3],
            [10, 4],
            [11, 4],
            [12, 2],
            [13, 3],
            [14, 4],
            [15, 3],
            [16, 3],
            [17, 2],
            [18, 1],
            [19, 1],
            [21, 0.5],
            [2, 0.2],
          ] as const) + rand();
    const created = Math.round(day + (offsetOf(day) === 3 ? 0 : HOUR) + hour * HOUR - (offsetOf(day) === 3 ? 0 : HOUR));
    const channel = pick(channels);
    const type = pick(types);
    const priority = pick(priorities);
    const agent = agents[Math.floor(rand() * agents.length)]!;
    const customer = `C${String(100 + Math.floor(rand() * 260)).padStart(4, "0")}`;
    const ticketId = String(id++);
    const messages: [number, string, string][] = [[created, "customer", "true"]];
    let t = created;
    if (channel === "chat" && rand() < 0.6) {
      t += 5_000;
      messages.push([t, "bot", "true"]);
    }
    const unassigned = created > asOf - 2 * DAY && rand() < 0.5;
    const assignedAt = unassigned ? undefined : created + expo(25 * MIN);
    let firstResponse: number | undefined;
    let solved: number | undefined;
    let firstSolved: number | undefined;
    let reopens = 0;
    let replies = 0;
    if (!unassigned) {
      const fr = created + expo(firstReplyMean[channel]!) * (priority === "urgent" ? 0.4 : 1);
      if (fr < asOf) {
        if (rand() < 0.15) messages.push([Math.round(fr - 60_000), "agent", "false"]);
        firstResponse = Math.round(fr);
        messages.push([firstResponse, "agent", "true"]);
        replies = 1;
        t = firstResponse;
        const turns = pick([
          [0, 45],
          [1, 30],
          [2, 15],
          [3, 10],
        ] as const);
        for (let k = 0; k < turns; k++) {
          const c = Math.round(t + expo(3 * HOUR));
          const a = Math.round(c + expo(firstReplyMean[channel]! * 1.2));
          if (a >= asOf) break;
          messages.push([c, "customer", "true"]);
          if (rand() < 0.2) messages.push([c + 30_000, "customer", "true"]);
          messages.push([a, "agent", "true"]);
          replies++;
          t = a;
        }
        const s = t + expo(type === "problem" ? 30 * HOUR : 6 * HOUR);
        const solveChance = created < asOf - 5 * DAY ? 0.97 : 0.6;
        if (s < asOf && rand() < solveChance) {
          firstSolved = Math.round(s);
          solved = firstSolved;
          if (rand() < 0.07) {
            reopens = 1;
            const back = Math.round(firstSolved + expo(20 * HOUR));
            const again = Math.round(back + expo(4 * HOUR));
            if (again < asOf) {
              messages.push([back, "customer", "true"]);
              messages.push([again, "agent", "true"]);
              replies++;
              solved = again + 10 * MIN;
            } else {
              solved = undefined;
            }
          }
        }
      }
    }
    let status: string;
    let closedAt: number | undefined;
    if (solved !== undefined) {
      if (asOf - solved > 4 * DAY) {
        status = "Closed";
        closedAt = solved + 4 * DAY;
      } else status = "Solved";
    } else if (unassigned) status = "New";
    else if (firstResponse !== undefined && rand() < 0.45) status = "Pending";
    else if (rand() < 0.15) status = "On-hold";
    else status = "Open";
    let satisfaction = "";
    if (solved !== undefined && rand() < 0.35) satisfaction = rand() < 0.86 ? "good" : "bad";
    const tags = [
      type === "billing" ? "invoice" : "",
      priority === "urgent" ? "vip" : "",
      channel === "chat" && rand() < 0.3 ? "mobile_app" : "",
    ]
      .filter(Boolean)
      .join(" ");
    ticketRows.push([
      ticketId,
      iso(created),
      status,
      channel,
      type,
      priority,
      unassigned ? "" : agent,
      unassigned ? "" : groups[agent]!,
      customer,
      assignedAt === undefined ? "" : iso(Math.round(assignedAt)),
      firstResponse === undefined ? "" : iso(firstResponse),
      firstSolved === undefined ? "" : iso(firstSolved),
      solved === undefined ? "" : iso(solved),
      closedAt === undefined ? "" : iso(closedAt),
      String(reopens),
      String(replies),
      satisfaction,
      tags,
    ]);
    messages.sort((a, b) => a[0] - b[0]);
    for (const [at, author, pub] of messages) {
      messageRows.push([ticketId, iso(at), author, pub, author === "agent" ? agent : author === "customer" ? customer : ""]);
    }
    if (solved !== undefined && rand() < 0.45) {
      const answered = iso(solved + Math.round(expo(6 * HOUR)));
      const good = satisfaction === "bad" ? 0.2 : 0.8;
      const kind = pick([
        ["nps", 45],
        ["csat", 40],
        ["ces", 15],
      ] as const);
      if (kind === "nps") {
        const score =
          rand() < good
            ? pick([
                [10, 3],
                [9, 3],
                [8, 3],
                [7, 1],
              ] as const)
            : Math.floor(rand() * 7);
        surveyRows.push(["nps", String(score), "0", "10", answered, ticketId, customer, agent, channel]);
      } else if (kind === "csat") {
        const score =
          rand() < good
            ? pick([
                [5, 5],
                [4, 4],
                [3, 1],
              ] as const)
            : pick([
                [1, 2],
                [2, 3],
                [3, 2],
              ] as const);
        surveyRows.push(["csat", String(score), "1", "5", answered, ticketId, customer, agent, channel]);
      } else {
        const score =
          rand() < good
            ? pick([
                [7, 3],
                [6, 4],
                [5, 2],
              ] as const)
            : pick([
                [1, 1],
                [2, 2],
                [3, 2],
                [4, 2],
              ] as const);
        surveyRows.push(["ces", String(score), "1", "7", answered, ticketId, customer, agent, channel]);
      }
    }
  }
}

// A few bad rows, as real exports have: an unknown status, a date that is not a date, a missing id.
ticketRows.push([
  "9001",
  "2026-11-18T25:61:00+02:00",
  "Open",
  "email",
  "question",
  "normal",
  "Radu Stan",
  "Tier 2",
  "C0999",
  "",
  "",
  "",
  "",
  "",
  "0",
  "0",
  "",
  "",
]);
ticketRows.push([
  "",
  "2026-11-18T10:00:00+02:00",
  "Open",
  "email",
  "question",
  "normal",
  "Radu Stan",
  "Tier 2",
  "C0998",
  "",
  "",
  "",
  "",
  "",
  "0",
  "0",
  "",
  "",
]);
surveyRows.push(["nps", "11", "0", "10", "2026-11-18T10:00:00+02:00", "", "C0997", "", "email"]);

const csv = (header: readonly string[], rows: readonly string[][]): string =>
  [header, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")).join("\n") + "\n";

writeFileSync(
  new URL("../examples/data/tickets.csv", import.meta.url),
  csv(
    [
      "id",
      "created_at",
      "status",
      "channel",
      "type",
      "priority",
      "assignee",
      "group",
      "requester_id",
      "assigned_at",
      "first_response_at",
      "first_solved_at",
      "solved_at",
      "closed_at",
      "reopens",
      "replies",
      "satisfaction",
      "tags",
    ],
    ticketRows,
  ),
);
writeFileSync(
  new URL("../examples/data/messages.csv", import.meta.url),
  csv(["ticket_id", "at", "author", "public", "author_id"], messageRows),
);
surveyRows.sort((a, b) => (a[4]! < b[4]! ? -1 : 1));
writeFileSync(
  new URL("../examples/data/responses.csv", import.meta.url),
  csv(["kind", "score", "scale_min", "scale_max", "answered_at", "ticket_id", "customer_id", "agent", "channel"], surveyRows),
);

// Monthly cohorts of customers who started with the product, Jan–Oct 2026, with the
// number still active in each month after the start (observed up to November 2026).
const cohortRows: string[][] = [];
for (let m = 0; m < 10; m++) {
  const size = 180 + Math.floor(rand() * 140);
  let active = size;
  const row = [`2026-${String(m + 1).padStart(2, "0")}`, `2026-${String(m + 1).padStart(2, "0")}-01`, "month", String(size)];
  const observed = 10 - m;
  for (let k = 1; k <= 10; k++) {
    if (k > observed) row.push("");
    else {
      active = Math.round(active * (k === 1 ? 0.78 + rand() * 0.08 : 0.9 + rand() * 0.07));
      row.push(String(active));
    }
  }
  cohortRows.push(row);
}
writeFileSync(
  new URL("../examples/data/cohorts.csv", import.meta.url),
  csv(["label", "start", "period", "size", ...Array.from({ length: 10 }, (_, k) => `active_${k + 1}`)], cohortRows),
);
console.log(`tickets ${ticketRows.length}, messages ${messageRows.length}, responses ${surveyRows.length}, cohorts ${cohortRows.length}`);
