/**
 * What a call throws, for the error-code tests: one copy instead of one per test file. Files
 * that had a local `codeOf` returning only the code import {@link errorCodeOf} under that name.
 */
import { expect } from "vitest";
import { MetricRangeError } from "../../src/_lib/errors.ts";
import { CliError } from "../../src/cli/errors.ts";

/** `"CODE message"` of the {@link MetricRangeError} that `f` throws, or `"did not throw"`; any other error is rethrown. */
export function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    if (error instanceof MetricRangeError) return `${error.code} ${error.message}`;
    throw error;
  }
  return "did not throw";
}

/** The code of the {@link MetricRangeError} that `f` throws, or `undefined` when it returns; any other error is rethrown. */
export function errorCodeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (error) {
    if (error instanceof MetricRangeError) return error.code;
    throw error;
  }
  return undefined;
}

/** The code and message of the {@link MetricRangeError} that `f` must throw (the test fails otherwise). */
export function rangeErrorOf(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(MetricRangeError);
    const e = error as MetricRangeError;
    return { code: e.code, message: e.message };
  }
  throw new Error("expected a MetricRangeError");
}

/** The code of the {@link CliError} that `f` throws, or `undefined` when it returns; any other error is rethrown. */
export function cliCodeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (error) {
    if (error instanceof CliError) return error.code;
    throw error;
  }
  return undefined;
}
