// Source: the status names of Zendesk's Tickets API (new, open, pending, hold, solved,
// closed; https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/), the
// statuses of the Kaggle "Customer Support Ticket Dataset" (Open, Pending Customer Response,
// Closed), and "Métricas para servicio al cliente ¡12 Indispensables!" (tickets by status).
import { describe, expect, it } from "vitest";
import { normalizeStatus, TICKET_STATUSES } from "../../src/models/schemas/index.ts";

describe("normalizeStatus", () => {
  it.each([
    ["New", "new"],
    ["Open", "open"],
    ["Pending", "pending"],
    ["Pending Customer Response", "pending"],
    ["Waiting on Customer", "pending"],
    ["On-hold", "on_hold"],
    ["On Hold", "on_hold"],
    ["on_hold", "on_hold"],
    ["Hold", "on_hold"],
    ["Waiting on Third Party", "on_hold"],
    ["Solved", "solved"],
    ["Resolved", "solved"],
    ["Closed", "closed"],
    ["  CLOSED ", "closed"],
    ["pending   customer_response", "pending"],
  ])("maps %j to %s", (raw, expected) => {
    expect(normalizeStatus(raw)).toBe(expected);
  });

  it("maps every category to itself", () => {
    for (const status of TICKET_STATUSES) expect(normalizeStatus(status)).toBe(status);
  });

  it.each(["Escalated", "", "opened", "in progress", "closed!", "__proto__", "constructor", "toString"])(
    "gives undefined for the unknown name %j",
    (raw) => {
      expect(normalizeStatus(raw)).toBeUndefined();
    },
  );

  it("gives undefined for a non-string at run time", () => {
    expect(normalizeStatus(42 as unknown as string)).toBeUndefined();
  });
});
