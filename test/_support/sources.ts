/**
 * The titles of the seed articles (../shared/seeds/README.md) that known-answer tests cite by
 * name: one copy instead of one per test file.
 */

/** Romanian seed article. */
export const ROMANIAN = "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022";
/** Spanish seed article. */
export const SPANISH = "Métricas para servicio al cliente ¡12 Indispensables!";
/** Dutch seed article. */
export const DUTCH = "Top 3 Statistieken om de kwaliteit van de klantenservice te meten";
/** Arabic seed article. */
export const ARABIC = "4 مقاييس دعم العملاء التي تدفع النمو";

/** The CCH worked example of Erlang C (Call Centre Helper). */
export const CALL_CENTRE_HELPER = "Call Centre Helper, 'Erlang C formula – made simple with an easy worked example'";
