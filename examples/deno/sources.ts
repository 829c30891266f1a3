// Deno can read the TypeScript sources directly (relative imports carry .ts extensions):
// `npx deno run --allow-read --allow-env examples/deno/sources.ts`.
import { addBusinessTime, nps } from "../../src/index.ts";

const schedule = { timeZone: "America/Los_Angeles", weekly: { fri: [["09:00", "17:00"]] as const } };
const due = addBusinessTime(new Date("2026-11-27T23:00:00Z"), 3_600_000, schedule); // Fri 15:00 PST + 1 h
console.log(JSON.stringify({ nps: nps([10, 9, 8, 3]), due: due.toISOString() }));
if (due.toISOString() !== "2026-11-28T00:00:00.000Z") throw new Error("cx-metrics sources gave a wrong answer under Deno");
