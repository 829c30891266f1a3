// Runs the built package in Deno: `npx deno run --allow-read examples/deno/main.ts`
// (after `npm run build`). In a notebook or your own project, import from "npm:cx-metrics".
import { businessTimeBetween, churnRate, nps, wilsonInterval } from "../../dist/index.js";

const schedule = { timeZone: "Europe/Bucharest", weekly: { mon: [["09:00", "17:00"]] as const } };
const hours = businessTimeBetween(new Date("2026-11-23T06:00:00Z"), new Date("2026-11-24T06:00:00Z"), schedule) / 3_600_000;
console.log(JSON.stringify({ nps: nps([10, 9, 8, 3]), churn: churnRate(2_000, 400), hours, wilson: wilsonInterval(81, 263)?.lower }));

// The CI runs this file; a wrong number must fail it.
if (nps([10, 9, 8, 3]) !== 25 || hours !== 8) throw new Error("cx-metrics gave a wrong answer under Deno");
