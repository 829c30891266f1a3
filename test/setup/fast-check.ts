import fc from "fast-check";
import { fastCheckSeed } from "../_support/seed.ts";

// Every property of the run starts from one seed (CX_FC_SEED, default 42), so a run is
// reproducible and a failure replays with the same seed. configureGlobal replaces the whole
// global configuration: with `isolate: false` this file runs again before each test file and
// resets what a previous file (or project setup) set; tz-matrix.ts adds to it afterwards.
fc.configureGlobal({ seed: fastCheckSeed() });
