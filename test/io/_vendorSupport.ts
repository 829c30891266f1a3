/** Shared by the vendor preset tests: the export fixtures (test/fixtures/exports/<preset>/) and a reader that collects. */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { readTickets, type InputSource, type ReadTicketsOptions, type TicketReadResult } from "../../src/io/index.ts";
import type { Ticket } from "../../src/models/index.ts";

/** The path of a file of an export fixture folder. */
export const exportFixture = (preset: string, file: string): string =>
  new URL(`../fixtures/exports/${preset}/${file}`, import.meta.url).pathname;

/** The hand-computed figures of an export fixture (its expected.json). */
export interface ExportExpected {
  readonly preset: string;
  readonly args: readonly string[];
  readonly read: number;
  readonly used: number;
  readonly rejected: number;
  readonly excluded: number;
  readonly frtMedianMs: number | null;
  readonly resolutionMedianMs: number | null;
  readonly csat: number | null;
  readonly reopenRate: number | null;
  readonly notes: string;
}

/** The expected.json of an export fixture. */
export const expectedOf = (preset: string): ExportExpected =>
  JSON.parse(readFileSync(exportFixture(preset, "expected.json"), "utf8")) as ExportExpected;

/** Reads every ticket, checking the row accounting (read = used + rejected + excluded). */
export async function readAll(input: InputSource, options: ReadTicketsOptions): Promise<{ tickets: Ticket[]; result: TicketReadResult }> {
  const result = await readTickets(input, options);
  const tickets: Ticket[] = [];
  for await (const ticket of result.records) tickets.push(ticket);
  const { read, used, rejected, excluded, excludedBy } = result.stats;
  expect(read).toBe(used + rejected + excluded);
  expect(Object.values(excludedBy).reduce((a, b) => a + b, 0)).toBe(excluded);
  expect(new Set(result.rejects.map((r) => r.record)).size).toBe(rejected);
  return { tickets, result };
}

/** The median of a list of numbers (R-7 at 0.5), for hand-checked figures. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(mid)] as number) + (sorted[Math.ceil(mid)] as number)) / 2;
}
