/**
 * The fast-check seed of a test run: `CX_FC_SEED` if set (an integer), else {@link DEFAULT_SEED}.
 * test/setup/fast-check.ts applies it to every property; the totals line prints it.
 */

/** The seed used when `CX_FC_SEED` is not set. */
export const DEFAULT_SEED = 42;

/** The seed of this run; throws on a `CX_FC_SEED` that is not a 32-bit integer. */
export function fastCheckSeed(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env["CX_FC_SEED"]?.trim();
  if (raw === undefined || raw === "") return DEFAULT_SEED;
  const seed = Number(raw);
  if (!/^-?\d+$/.test(raw) || seed < -(2 ** 31) || seed > 2 ** 31 - 1) {
    throw new Error(`CX_FC_SEED must be an integer from -2147483648 to 2147483647, got ${raw}`);
  }
  return seed;
}

/** The line printed once per run. */
export function seedLine(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const seed = fastCheckSeed(env);
  return env["CX_FC_SEED"] === undefined || env["CX_FC_SEED"].trim() === ""
    ? `fast-check seed ${String(seed)} (set CX_FC_SEED to change)`
    : `fast-check seed ${String(seed)} (from CX_FC_SEED)`;
}
