/**
 * The SQL forms of the survey section from `survey_responses`: NPS, CSAT and CES, with the
 * rules of src/metrics/survey (surveyResponsesAccumulator): a response with an unknown kind, a
 * scale whose ends are not integers with min < max, or a score that is not an integer on its
 * scale (NPS: from 0 to 10) is left out, as the report leaves it out.
 *
 * @internal
 * @module
 */
import { countIf, inPeriod, query, ratio, ticketCtes, type SqlContext } from "./context.ts";

/** The valid responses answered in the period (`surveyResponseProblem` is undefined). */
function validCtes(c: SqlContext): string[] {
  const onScale =
    "scale_min = FLOOR(scale_min) AND scale_max = FLOOR(scale_max) AND scale_min < scale_max AND score = FLOOR(score) AND score >= scale_min AND score <= scale_max";
  return [
    `answers AS (SELECT kind, score, scale_min, scale_max, ${c.d.epochMs("answered_at")} AS answered_ms FROM ${c.table("survey_responses")})`,
    `valid AS (SELECT * FROM answers WHERE ${inPeriod(c, "answered_ms")} AND kind IN ('nps', 'csat', 'ces') AND ${onScale} ` +
      `AND (kind <> 'nps' OR (score >= 0 AND score <= 10)))`,
  ];
}

/** npsResult: promoters 9–10, passives 7–8, detractors 0–6; `score` = (promoters − detractors) / total × 100. */
export function npsSql(c: SqlContext): string {
  const total = "COUNT(*)";
  const promoters = countIf("score >= 9");
  const passives = countIf("score >= 7 AND score <= 8");
  const detractors = countIf("score <= 6");
  return query(
    [...validCtes(c), `nps AS (SELECT score FROM valid WHERE kind = 'nps')`],
    `SELECT ${ratio(c, `${promoters} - ${detractors}`, total)} * 100 AS score, ${total} AS total, ${promoters} AS promoters, ` +
      `${passives} AS passives, ${detractors} AS detractors, ${ratio(c, promoters, total)} AS promoter_share, ` +
      `${ratio(c, passives, total)} AS passive_share, ${ratio(c, detractors, total)} AS detractor_share FROM nps`,
  );
}

/** `csatThreshold` of columns `scale_min`, `scale_max`. */
const CSAT_THRESHOLD = "CASE WHEN scale_max - scale_min + 1 >= 5 THEN scale_max - 1 ELSE scale_max END";

/** csatSatisfied: at least the top two points of a scale of 5 points or more, the top point of a smaller one. */
export function csatSql(c: SqlContext): string {
  const satisfied = countIf(`score >= ${CSAT_THRESHOLD}`);
  return query(
    [...validCtes(c), `csat AS (SELECT score, scale_min, scale_max FROM valid WHERE kind = 'csat')`],
    `SELECT ${ratio(c, satisfied, "COUNT(*)")} AS score, ${satisfied} AS satisfied, COUNT(*) AS total FROM csat`,
  );
}

/**
 * CES per scale (means on different scales do not mix), most answers first, then by `scale_min`,
 * `scale_max`: the count, the mean and the easy share (`cesEasy`: at least the floor of the
 * scale's middle plus one).
 */
export function cesSql(c: SqlContext): string {
  const easy = countIf("score >= FLOOR((scale_min + scale_max) / 2) + 1");
  return query(
    [...validCtes(c), `ces AS (SELECT score, scale_min, scale_max FROM valid WHERE kind = 'ces')`],
    `SELECT scale_min, scale_max, COUNT(*) AS count, ${c.d.double("SUM(score)")} / COUNT(*) AS mean, ${c.d.double(easy)} / COUNT(*) AS easy_share ` +
      `FROM ces GROUP BY scale_min, scale_max ORDER BY count DESC, scale_min, scale_max`,
  );
}

/**
 * ticketRatingsAccumulator: CSAT from the tickets' own satisfaction ratings, and the survey
 * response rate. A ticket is offered a survey when `satisfaction_offered` or it has a rating;
 * `"good"` / `"bad"` count as 1 / 0 on 0–1; a numeric rating needs its scale (`noScale`) and must
 * lie on it with min < max (`offScale`); satisfied as `csatSatisfied`. The report's survey CSAT
 * is this one when the scope has no CSAT response (`csatSource: "ticketRatings"`).
 */
export function ticketRatingsSql(c: SqlContext): string {
  const word = "COALESCE(satisfaction_rating IN ('good', 'bad'), FALSE)";
  const offered = `(COALESCE(satisfaction_offered, FALSE) OR ${word} OR satisfaction_score IS NOT NULL)`;
  const outcome =
    `CASE WHEN NOT ${offered} THEN NULL WHEN ${word} THEN 'rated' WHEN satisfaction_score IS NULL THEN 'offered' ` +
    `WHEN satisfaction_scale_min IS NULL OR satisfaction_scale_max IS NULL THEN 'noScale' ` +
    `WHEN satisfaction_score >= satisfaction_scale_min AND satisfaction_score <= satisfaction_scale_max AND satisfaction_scale_min < satisfaction_scale_max THEN 'rated' ` +
    `ELSE 'offScale' END`;
  const word01 = "CASE WHEN satisfaction_rating = 'good' THEN 1 ELSE 0 END";
  const ratings = [
    `ratings AS (SELECT ${outcome} AS outcome, CASE WHEN ${word} THEN ${word01} ELSE satisfaction_score END AS score, ` +
      `CASE WHEN ${word} THEN 0 ELSE satisfaction_scale_min END AS scale_min, CASE WHEN ${word} THEN 1 ELSE satisfaction_scale_max END AS scale_max FROM scope)`,
  ];
  const rated = countIf("outcome = 'rated'");
  const offeredCount = countIf("outcome IS NOT NULL");
  const satisfied = countIf(`outcome = 'rated' AND score >= ${CSAT_THRESHOLD}`);
  return query(
    [...ticketCtes(c), ...ratings],
    `SELECT ${ratio(c, satisfied, rated)} AS score, ${satisfied} AS satisfied, ${rated} AS total, ${offeredCount} AS offered, ` +
      `${ratio(c, rated, offeredCount)} AS response_rate, ${countIf("outcome = 'noScale'")} AS skipped_no_scale, ` +
      `${countIf("outcome = 'offScale'")} AS skipped_off_scale FROM ratings`,
  );
}
