import fc from "fast-check";

// The TZ=… projects re-run the zone-sensitive suites under another host zone. The "all"
// project runs every property at full strength; here fewer runs per property keep the
// matrix affordable while still exercising each property under each zone. Runs after
// fast-check.ts: keep its seed.
fc.configureGlobal({ ...fc.readConfigureGlobal(), numRuns: 25 });
