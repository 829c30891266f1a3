/**
 * A small hand-built fixture whose expected numbers are worked out by hand in
 * report.test.ts. Times are UTC instants; the report's zone is Europe/Bucharest (UTC+2 in
 * winter), so 08:00Z is 10:00 local.
 */
import type { SurveyResponse, Ticket } from "../../src/models/index.ts";

const MIN = 60_000;
const at = (iso: string, plusMinutes = 0): Date => new Date(new Date(iso).getTime() + plusMinutes * MIN);

/** January 2026 in Bucharest: local midnight to local midnight. */
export const JANUARY = { from: new Date("2025-12-31T22:00:00Z"), to: new Date("2026-01-31T22:00:00Z") };
/** December 2025 in Bucharest. */
export const DECEMBER = { from: new Date("2025-11-30T22:00:00Z"), to: new Date("2025-12-31T22:00:00Z") };
export const AS_OF = new Date("2026-02-01T00:00:00Z");
export const ZONE = "Europe/Bucharest";

function ticket(
  id: string,
  created: string,
  fields: Omit<Ticket, "id" | "createdAt"> & { frt?: number; solved?: number; assigned?: number },
): Ticket {
  const { frt, solved, assigned, ...rest } = fields;
  return {
    id,
    createdAt: at(created),
    ...(frt === undefined ? {} : { firstResponseAt: at(created, frt) }),
    ...(solved === undefined ? {} : { solvedAt: at(created, solved), firstSolvedAt: at(created, solved) }),
    ...(assigned === undefined ? {} : { assignedAt: at(created, assigned) }),
    ...rest,
  };
}

/** Seven tickets in January, four in December (compareTo), one in November. */
export const TICKETS: readonly Ticket[] = [
  ticket("T1", "2026-01-05T08:00:00Z", {
    status: "solved",
    channel: "email",
    type: "question",
    priority: "normal",
    assignee: "Ana",
    tags: ["vip", "web"],
    frt: 30,
    solved: 120,
    assigned: 10,
    replies: 1,
  }),
  ticket("T2", "2026-01-05T09:00:00Z", {
    status: "closed",
    channel: "email",
    type: "question",
    priority: "normal",
    assignee: "Ana",
    tags: ["web"],
    frt: 60,
    solved: 240,
    assigned: 20,
    replies: 2,
  }),
  ticket("T3", "2026-01-06T10:00:00Z", {
    status: "solved",
    channel: "chat",
    type: "billing",
    priority: "high",
    assignee: "Bob",
    tags: [],
    frt: 10,
    solved: 30,
    assigned: 5,
    replies: 1,
  }),
  ticket("T4", "2026-01-06T11:00:00Z", {
    status: "open",
    channel: "chat",
    type: "billing",
    priority: "high",
    assignee: "Bob",
    frt: 20,
    assigned: 5,
    replies: 1,
  }),
  ticket("T5", "2026-01-07T12:00:00Z", { status: "new", channel: "chat", type: "question", priority: "normal" }),
  ticket("T6", "2026-01-07T13:00:00Z", {
    status: "pending",
    channel: "email",
    type: "incident",
    priority: "urgent",
    assignee: "Ana",
    frt: 90,
    assigned: 30,
    replies: 1,
  }),
  ticket("T7", "2026-01-08T14:00:00Z", {
    status: "solved",
    channel: "email",
    type: "incident",
    priority: "urgent",
    assignee: "Bob",
    solved: 90,
    assigned: 5,
    messages: [
      { at: at("2026-01-08T14:00:00Z"), author: "customer", public: true },
      { at: at("2026-01-08T14:00:00Z", 15), author: "agent", public: true },
      { at: at("2026-01-08T14:00:00Z", 60), author: "customer", public: true },
      { at: at("2026-01-08T14:00:00Z", 75), author: "agent", public: true },
    ],
  }),
  ticket("P1", "2025-12-10T10:00:00Z", {
    status: "solved",
    channel: "email",
    type: "question",
    assignee: "Ana",
    frt: 40,
    solved: 100,
    replies: 1,
  }),
  ticket("P2", "2025-12-11T10:00:00Z", {
    status: "closed",
    channel: "chat",
    type: "billing",
    assignee: "Bob",
    frt: 5,
    solved: 20,
    replies: 1,
  }),
  ticket("P3", "2025-12-12T10:00:00Z", {
    status: "solved",
    channel: "chat",
    type: "question",
    assignee: "Bob",
    frt: 15,
    solved: 60,
    replies: 3,
  }),
  ticket("O2", "2025-12-20T10:00:00Z", { status: "open", channel: "email", type: "billing", assignee: "Ana" }),
  ticket("O1", "2025-11-01T10:00:00Z", {
    status: "solved",
    channel: "email",
    type: "question",
    assignee: "Ana",
    frt: 10,
    solved: 50,
    replies: 1,
  }),
];

const response = (
  kind: SurveyResponse["kind"],
  score: number,
  min: number,
  max: number,
  iso: string,
  agent?: string,
  channel?: string,
): SurveyResponse => ({
  kind,
  score,
  scale: { min, max },
  answeredAt: new Date(iso),
  ...(agent === undefined ? {} : { agent }),
  ...(channel === undefined ? {} : { channel }),
});

export const RESPONSES: readonly SurveyResponse[] = [
  response("csat", 5, 1, 5, "2026-01-05T12:00:00Z", "Ana", "email"),
  response("csat", 3, 1, 5, "2026-01-06T12:00:00Z", "Ana", "email"),
  response("csat", 1, 0, 1, "2026-01-07T12:00:00Z", "Bob", "chat"),
  response("nps", 9, 0, 10, "2026-01-08T12:00:00Z", "Bob", "chat"),
  response("nps", 6, 0, 10, "2026-01-09T12:00:00Z", "Ana", "email"),
  response("nps", 10, 0, 10, "2026-01-10T12:00:00Z"),
  response("ces", 6, 1, 7, "2026-01-10T13:00:00Z", "Bob", "chat"),
  response("csat", 4, 1, 5, "2025-12-15T12:00:00Z", "Ana", "email"),
  response("csat", 11, 1, 5, "2026-01-11T12:00:00Z", "Ana", "email"),
];
