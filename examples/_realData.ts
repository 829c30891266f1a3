/**
 * Where the public data sets live (`real/`, `exports/`): the directory in the environment
 * variable `CX_REAL_DATA` if it is set, else `../shared/data` beside the repository (resolved
 * from the repository root, not the working directory). The examples and the test helper
 * (test/_support/realData.ts) both use this one rule. Not an example: .ci/examples skips `_` files.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The data directory, as an absolute path (it may not exist). */
export function realDataDir(): string {
  const fromEnv = process.env["CX_REAL_DATA"];
  if (fromEnv !== undefined && fromEnv !== "") return resolve(fromEnv);
  return fileURLToPath(new URL("../../shared/data", import.meta.url));
}

/** Says where the data directory came from, for "not found" messages. */
export function realDataSource(): string {
  const fromEnv = process.env["CX_REAL_DATA"];
  return fromEnv !== undefined && fromEnv !== "" ? `CX_REAL_DATA=${realDataDir()}` : `${realDataDir()} (the default; set CX_REAL_DATA)`;
}
