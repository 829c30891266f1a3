// The shared copy (kept here so that existing imports of ./_codeOf.ts keep working).
export { codeOf } from "../../_support/errors.ts";
