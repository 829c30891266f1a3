// Runs the built package in Bun: `npx bun examples/bun/main.ts` (after `npm run build`).
import { churnRate, nps } from "../../dist/index.js";

console.log(JSON.stringify({ nps: nps([10, 9, 8, 3]), churn: churnRate(2_000, 400) }));

// The CI runs this file; a wrong number must fail it.
if (nps([10, 9, 8, 3]) !== 25 || churnRate(2_000, 400) !== 0.2) throw new Error("cx-metrics gave a wrong answer under Bun");
