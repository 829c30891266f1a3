/**
 * The report's customers and repeat contacts through the command on the example export:
 * `--repeat-window`, the `customers.*` gates, the table output, and the tickets table agreeing
 * with the figures (distinct requester ids, the repeat rate recomputed from its rows).
 */
import { describe, expect, it } from "vitest";
import { cli, DATA, FULL, json } from "./_run.ts";

const BASE = ["report", DATA.tickets, "--timezone", "Europe/Bucharest", "--as-of", "2026-12-01T00:00:00Z"];

/** The `id`, `created_at` and `requester_id` cells of a tickets-table CSV (the example has no quoted cells in those columns). */
function requesterRows(csv: string): { created: number; requester: string }[] {
  const [header, ...lines] = csv.trim().split("\n");
  const names = (header as string).split(",");
  const at = names.indexOf("created_at");
  const who = names.indexOf("requester_id");
  return lines.map((line) => {
    const cells = line.split(",");
    return { created: Date.parse(cells[at] as string), requester: cells[who] as string };
  });
}

describe("report: customers and repeat contacts", () => {
  it("counts customers and judges repeats with the default 7-day window, as the tickets table shows", async () => {
    const doc = json(await cli([...BASE, "--format", "json"]));
    const c = doc.report.contacts;
    expect(c.window).toBe(7 * 86_400_000);
    expect(c.judgedAt).toBe("2026-12-01T00:00:00.000Z");
    const rows = requesterRows((await cli([...BASE, "--format", "csv", "--table", "tickets"])).stdout);
    const withId = rows.filter((r) => r.requester !== "");
    expect(c.customers).toBe(new Set(withId.map((r) => r.requester)).size);
    expect(c.contacts).toBe(withId.length);
    expect(c.skipped.noRequester).toBe(rows.length - withId.length);
    // The rate from the table's rows by the definition: a later ticket of the same requester within 7 days.
    const week = 7 * 86_400_000;
    const asOf = Date.parse("2026-12-01T00:00:00Z");
    const judged = withId.filter((r) => r.created + week <= asOf);
    const repeated = judged.filter((r) =>
      withId.some((o) => o.requester === r.requester && o.created > r.created && o.created <= r.created + week),
    );
    expect([c.repeated, c.judged, c.windowOpen]).toEqual([repeated.length, judged.length, withId.length - judged.length]);
    expect(c.repeatRate).toBe(repeated.length / judged.length);
    expect(c.repeated).toBeGreaterThan(0);
  });

  it("--repeat-window changes the window; gates read customers.*", async () => {
    const wide = json(await cli([...BASE, "--format", "json", "--repeat-window", "30d"])).report.contacts;
    const narrow = json(await cli([...BASE, "--format", "json", "--repeat-window", "1d"])).report.contacts;
    expect(wide.window).toBe(30 * 86_400_000);
    expect(wide.repeated / wide.judged).toBeGreaterThan(narrow.repeated / narrow.judged);
    const pass = await cli([...BASE, "--format", "json", "--gate", "customers.repeatRate <= 90%", "--gate", "customers.count >= 1"]);
    expect(pass.code).toBe(0);
    const fail = await cli([...BASE, "--format", "json", "--gate", "customers.contactsPerCustomer <= 1"]);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toMatch(/FAIL\s+customers\.contactsPerCustomer <= 1/);
  });

  it("shows the figures in the table output", async () => {
    const r = await cli([...FULL, "--format", "markdown"]);
    expect(r.stdout).toMatch(/\| Customers \| 200 \|/);
    expect(r.stdout).toMatch(/\| Repeat contacts \(7d 00h\) \| 21\.1% /);
  });

  it("refuses a window that is not a positive duration (E_CLI_OPTION_VALUE)", async () => {
    for (const bad of ["x", "0", "1y"]) {
      const r = await cli([...BASE, "--repeat-window", bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--repeat-window must be a positive duration such as 7d, 72h or 1w");
    }
  });
});
