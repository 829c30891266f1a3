import { MetricRangeError } from "../../../src/_lib/errors.ts";

/** `"<code> <message>"` of the MetricRangeError `f` throws, or "did not throw". */
export function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    if (error instanceof MetricRangeError) return `${error.code} ${error.message}`;
    throw error;
  }
  return "did not throw";
}
