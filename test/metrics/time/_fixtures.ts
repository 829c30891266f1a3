import type { Message, Schedule, Ticket } from "../../../src/models/index.ts";
export { ROMANIAN, SPANISH, ARABIC } from "../../_support/sources.ts";

export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** Monday 2024-01-01 09:00 UTC plus `minutes`. */
export function at(minutes: number): Date {
  return new Date(Date.UTC(2024, 0, 1, 9, 0) + minutes * MINUTE);
}

/** A UTC instant from its parts (month 1–12). */
export function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date {
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
}

export const customer = (m: number): Message => ({ at: at(m), author: "customer", public: true });
export const agent = (m: number): Message => ({ at: at(m), author: "agent", public: true });
export const note = (m: number): Message => ({ at: at(m), author: "agent", public: false });
export const bot = (m: number): Message => ({ at: at(m), author: "bot", public: true });
export const system = (m: number): Message => ({ at: at(m), author: "system", public: true });

export function ticket(id: string, fields: Partial<Ticket> = {}): Ticket {
  return { id, createdAt: at(0), status: "open", ...fields };
}

/** Monday to Friday, 09:00–17:00 UTC. */
export const OFFICE: Schedule = {
  timeZone: "UTC",
  weekly: {
    mon: [["09:00", "17:00"]],
    tue: [["09:00", "17:00"]],
    wed: [["09:00", "17:00"]],
    thu: [["09:00", "17:00"]],
    fri: [["09:00", "17:00"]],
  },
};

/** Monday to Friday, 09:00–17:00 in Bucharest (UTC+2 in January). */
export const BUCHAREST: Schedule = { ...OFFICE, timeZone: "Europe/Bucharest" };

/** Runs `fn` and returns what it threw. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}
