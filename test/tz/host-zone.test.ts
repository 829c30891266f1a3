import { describe, expect, it } from "vitest";

// Proves the TZ matrix is real: each TZ=… project runs with that host zone in effect, so the
// zone-sensitive suites really are exercised under it (a matrix that silently ran everything
// in one zone would pass this file only by failing it).
describe("host time zone of this test project", () => {
  it("is the zone the project names", () => {
    const expected = process.env["CX_EXPECTED_TZ"];
    expect(expected).toBeDefined();
    // 2026-07-01 has a distinct UTC offset in each zone of the matrix.
    const offsets: Record<string, number> = {
      UTC: 0,
      "America/Los_Angeles": 420,
      "Europe/Bucharest": -180,
      "Asia/Kolkata": -330,
      "Australia/Lord_Howe": -630,
    };
    expect(new Date("2026-07-01T00:00:00Z").getTimezoneOffset()).toBe(offsets[expected as string]);
  });
});
