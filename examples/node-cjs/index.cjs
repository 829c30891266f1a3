// Run with `node examples/node-cjs/index.cjs` after `npm run build`.
const { nps } = require("cx-metrics");

console.log("NPS", nps([10, 9, 9, 8, 7, 6, 3])); // ≈ 14.29
