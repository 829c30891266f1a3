// Run with `node examples/node-esm/index.mjs` after `npm run build`.
import { nps, MetricRangeError } from "cx-metrics";

console.log("NPS", nps([10, 9, 9, 8, 7, 6, 3])); // ≈ 14.29
try {
  nps([11]);
} catch (error) {
  if (error instanceof MetricRangeError) console.log(error.code, error.message);
}
