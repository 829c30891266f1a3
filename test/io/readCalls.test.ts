import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { InputFormatError, readCalls } from "../../src/io/index.ts";
import { openFile } from "../../src/io/node/index.ts";
import type { Call } from "../../src/models/index.ts";
import { callStats } from "../../src/metrics/staffing/index.ts";
import { codeOf } from "../_support/errors.ts";

const FIXTURE = new URL("../fixtures/calls/small-call-log.csv", import.meta.url).pathname;
const text = (s: string): Readable => Readable.from([Buffer.from(s)]);

async function all(records: AsyncIterable<Call>): Promise<Call[]> {
  const out: Call[] = [];
  for await (const call of records) out.push(call);
  return out;
}

describe("readCalls, call-log preset, on test/fixtures/calls/small-call-log.csv (12 rows, worked by hand)", () => {
  it("reads 8 calls, excludes the phantom, rejects 3 rows with their record, line and column", async () => {
    const result = await readCalls(openFile(FIXTURE), { timeZone: "UTC", clockSkewTolerance: 1 });
    const calls = await all(result.records);
    expect(calls.map((c) => c.id)).toEqual(["1", "2", "3", "4", "5", "6", "7", "10"]);
    expect(result.stats).toMatchObject({ read: 12, used: 8, rejected: 3, excluded: 1, excludedBy: { phantom: 1 } });
    expect(result.rejects.map((r) => [r.record, r.line, r.column, r.value])).toEqual([
      [9, 10, "queue_exit", "09:49:00"],
      [11, 12, "service_start", "10:00:05"],
      [12, 13, "outcome", "maybe"],
    ]);
    expect(result.rejects[1]?.reason).toBe("must not be earlier than the queue exit (or the arrival) by more than clockSkewTolerance");
  });

  it("builds each call: waits from the queue times, handle times from the service times, skew, midnight crossing", async () => {
    const calls = await all((await readCalls(openFile(FIXTURE), { timeZone: "UTC", clockSkewTolerance: 1 })).records);
    const byId = new Map(calls.map((c) => [c.id, c]));
    expect(byId.get("1")).toEqual({
      id: "1",
      arrivedAt: new Date("2026-03-02T09:00:00Z"),
      outcome: "served",
      answeredAt: new Date("2026-03-02T09:00:00Z"),
      handleTime: 180_000,
      queue: "sales",
      agent: "ann",
    });
    expect(byId.get("3")).toMatchObject({ wait: 30_000, clockSkew: 1_000, handleTime: 120_000 });
    expect(byId.get("4")).toEqual({
      id: "4",
      arrivedAt: new Date("2026-03-02T09:15:00Z"),
      outcome: "abandoned",
      queuedAt: new Date("2026-03-02T09:15:00Z"),
      wait: 60_000,
      queue: "sales",
    });
    expect(byId.get("7")?.outcome).toBe("abandoned"); // "hang"
    // 23:59:00 → service 00:00:50 the next day: wait 50 s, handle 240 s.
    expect(byId.get("10")).toMatchObject({ wait: 50_000, handleTime: 240_000, answeredAt: new Date("2026-03-03T00:00:50Z") });
  });

  it("without tolerance the skewed call is rejected too; with 5 s call 11 is kept", async () => {
    const strict = await readCalls(openFile(FIXTURE), { timeZone: "UTC" });
    await all(strict.records);
    expect(strict.stats.rejected).toBe(4);
    const loose = await readCalls(openFile(FIXTURE), { timeZone: "UTC", clockSkewTolerance: 5 });
    await all(loose.records);
    expect(loose.stats.rejected).toBe(2);
  });

  it("callStats of the fixture, by hand (T = 20 s)", async () => {
    const calls = await all((await readCalls(openFile(FIXTURE), { timeZone: "UTC", clockSkewTolerance: 1 })).records);
    const s = callStats(calls);
    // served 1, 2, 3, 6, 10 (waits 0, 10, 30, 20, 50 s); abandoned in queue 4 (60 s), 7 (40 s); 5 before the queue.
    expect(s).toEqual({
      calls: 8,
      served: 5,
      abandoned: 2,
      abandonedBeforeQueue: 1,
      offered: 7,
      queued: 6,
      answeredWithinTarget: 3, // calls 1 (0 s), 2 (10 s), 6 (20 s)
      skewed: 1,
      agents: 3,
      targetAnswerTime: 20,
      averageSpeedOfAnswer: 22, // (0 + 10 + 30 + 20 + 50) / 5
      abandonmentRate: 2 / 7,
      serviceLevel: 3 / 7,
      queuedServiceLevel: 2 / 6, // calls 2 and 6 of the 6 queued
      averageHandleTime: 216, // (180 + 240 + 120 + 300 + 240) / 5
      patience: 105, // (10 + 30 + 60 + 20 + 40 + 50) / 2
    });
  });

  it("time of day without a date, naive times without a zone: rejected with the reason", async () => {
    const csv = "arrived_at,outcome\n09:00:00,served\n2026-03-02 09:00:00,served\n2026-03-02T09:00:00Z,served\n";
    const result = await readCalls(text(csv));
    const calls = await all(result.records);
    expect(calls).toHaveLength(1);
    expect(result.rejects.map((r) => [r.record, r.column, r.reason])).toEqual([
      [1, "arrived_at", "is a time of day and needs a date column (or a full timestamp)"],
      [2, "arrived_at", "has no UTC offset; pass the timeZone option to read it as local time in that zone"],
    ]);
  });

  it("refuses a missing outcome column at once, and bad options with their value", async () => {
    await expect(readCalls(text("arrived_at\n2026-03-02T09:00:00Z\n"))).rejects.toBeInstanceOf(InputFormatError);
    const bad = (options: object): Promise<string> =>
      readCalls(text("arrived_at,outcome\n"), options).then(
        () => "did not throw",
        (error: unknown) =>
          codeOf(() => {
            throw error;
          }),
      );
    expect(await bad({ clockSkewTolerance: -1 })).toBe(
      "E_OPTION_VALUE readCalls: clockSkewTolerance must be a finite number of seconds ≥ 0, got -1",
    );
    expect(await bad({ preset: "avaya" })).toBe("E_OPTION_VALUE readCalls: preset must be one of call-log, anonymous-bank, got avaya");
  });
});
