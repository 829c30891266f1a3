/**
 * The options of `cx-metrics report` for the responders and bots figures (issue 17, items 5 and
 * 6): `--leaderboard-by assignee|responder`, `--bot-first-response request|handoff`,
 * `--exclude-bot-time`, and the report options they make.
 *
 * @internal
 * @module
 */
import type { ReportOptions } from "../report/index.ts";

/** Who the leaderboard ranks (`--leaderboard-by`). */
export const LEADERBOARD_OF = ["assignee", "responder"] as const;
/** Where the bots' human first response starts (`--bot-first-response`). */
export const BOT_FIRST_RESPONSE = ["request", "handoff"] as const;

/** The `parseArgs` options. */
export const RESPONDER_OPTIONS = {
  "leaderboard-by": { type: "string" },
  "bot-first-response": { type: "string" },
  "exclude-bot-time": { type: "boolean" },
} as const;

/** The parsed options. */
export interface ResponderArgs {
  /** `--leaderboard-by`; `undefined` when not given (assignee). */
  readonly leaderboardOf: (typeof LEADERBOARD_OF)[number] | undefined;
  /** `--bot-first-response`; `undefined` when not given (request). */
  readonly botFirstResponse: (typeof BOT_FIRST_RESPONSE)[number] | undefined;
  /** `--exclude-bot-time`. */
  readonly excludeBotTime: boolean;
}

/** The options' values, checked by `choice` (`E_CLI_OPTION_VALUE` naming the option). */
export function responderArgsOf(
  values: {
    readonly "leaderboard-by"?: string | undefined;
    readonly "bot-first-response"?: string | undefined;
    readonly "exclude-bot-time"?: boolean | undefined;
  },
  choice: <T extends string>(option: string, value: string | undefined, allowed: readonly T[]) => T | undefined,
): ResponderArgs {
  return {
    leaderboardOf: choice("leaderboard-by", values["leaderboard-by"], LEADERBOARD_OF),
    botFirstResponse: choice("bot-first-response", values["bot-first-response"], BOT_FIRST_RESPONSE),
    excludeBotTime: values["exclude-bot-time"] === true,
  };
}

/**
 * The report's `leaderboard` option from `--rank-by`, `--min-sample` and `--leaderboard-by`
 * (`undefined`: the defaults); `of` only when it is `responder`, so a default run's options (and
 * its partial files) are as before.
 */
export function leaderboardOption(
  args: ResponderArgs & { readonly rankBy: string | undefined; readonly minSample: number | undefined },
): ReportOptions["leaderboard"] {
  if (args.rankBy === undefined && args.minSample === undefined && args.leaderboardOf !== "responder") return undefined;
  return {
    by: (args.rankBy ?? "tickets") as NonNullable<ReportOptions["leaderboard"]>["by"],
    ...(args.minSample === undefined ? {} : { minSample: args.minSample }),
    ...(args.leaderboardOf === "responder" ? { of: "responder" as const } : {}),
  };
}

/** The report's `bots` option (`undefined` when neither option was given). */
export function botsOption(args: ResponderArgs): ReportOptions["bots"] {
  if (args.botFirstResponse === undefined && !args.excludeBotTime) return undefined;
  return {
    ...(args.botFirstResponse === undefined ? {} : { firstResponseFrom: args.botFirstResponse }),
    ...(args.excludeBotTime ? { excludeBotTime: true } : {}),
  };
}

/** The report's `leaderboard` and `bots` options of the arguments, each only when it is not the default. */
export function leaderboardAndBots(
  args: ResponderArgs & { readonly rankBy: string | undefined; readonly minSample: number | undefined },
): Pick<ReportOptions, "leaderboard" | "bots"> {
  const leaderboard = leaderboardOption(args);
  const bots = botsOption(args);
  return { ...(leaderboard === undefined ? {} : { leaderboard }), ...(bots === undefined ? {} : { bots }) };
}
