/**
 * Word lists for speaker attribution. wink-nlp (like every package that ships offline)
 * does not find PERSON names reliably, so attribution is rules over these lists.
 */

const set = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

/** Verbs that report speech or writing, in the forms news text uses. */
export const REPORTING_VERBS = set(`
  said says say stated states noted notes told tells wrote writes warned warns warning
  echoed echoes maintained maintains confirmed confirms emphasized emphasised emphasizes
  emphasises emphasizing questioned asked announced announces reported reports claimed claims
  claiming added adds argued argues insisted insists asserted asserts declared declares denied
  deny denies explained explains stressed stresses predicted vowed acknowledged admitted
  believes believe referred urged suggested commented responded replied tweeted posted
`);

/** Words that name an office or a job: they make a phrase a role ("Foreign Minister"). */
export const ROLE_WORDS = set(`
  president minister commander chairman chairwoman chair secretary chancellor premier
  leader head chief deputy vice general adviser advisor aide spokesman spokeswoman
  spokesperson envoy ambassador senator governor mayor king queen prince pope colonel
  captain sergeant admiral director analyst strategist columnist commentator journalist
  correspondent editor reporter expert economist researcher scholar professor lawmaker
  deputy member official officer representative diplomat negotiator prosecutor judge
  speaker founder ceo executive manager coordinator observer author writer historian
`);

/** Role words that describe a person's trade, not an office: "the analyst" is the last one speaking. */
export const GENERIC_ROLE_WORDS = set(`
  analyst expert columnist commentator observer journalist correspondent author writer
  economist researcher scholar historian official officer reporter editor strategist
`);

/** Nouns that refer back to a news outlet: "The publication said". */
export const OUTLET_NOUNS = set(`
  publication newspaper paper outlet daily agency broadcaster magazine website channel tabloid
`);

/** Adjectives and qualifiers that may stand in a role phrase. */
export const ROLE_QUALIFIERS = set(`
  former then now acting interim senior top presidential political military foreign defense
  defence interior economic national chief first prime and of for the to on
`);

/**
 * Capitalised words that are not part of a person's name: function words that start a
 * sentence, months, titles, institutions, places and nationalities news text is full of.
 */
export const SENTENCE_WORDS = set(`
  The A An In On At As By For From Of To With After Before But And Or If When While Since
  Until Following According However Instead Meanwhile Predictably Importantly Today Now Nearly
  Over Given Two Three Four Five Some Officials Is What Will Can Why How Who It He She They We
  I This That These Those Their His Her Its Our My Your Not No Yes Also Then There Here Both
  Each Every All Any Many Most Such Only Just Even Still Yet Already Again Last Next Earlier
  Later During Despite Although Though Because Under Against Between Among Amid Without Within
  Mr Mrs Ms Dr Sir Lord Lady Saint St
  January February March April May June July August September October November December
  Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
  Saturday Sunday Spring Summer Autumn Winter
`);

/** Capitalised titles, institutions, places and nationalities: they may stand in a role. */
export const TITLE_AND_PLACE_WORDS = set(`
  President Presidential Prime Minister Foreign Defense Defence Secretary Chairman Chairwoman
  Deputy General Gen Commander Chief Head Adviser Advisor Aide Spokesman Spokeswoman
  Spokesperson Ambassador Senator Sen Governor Gov Mayor King Queen Prince Princess Pope
  Colonel Col Lt Lieutenant Captain Capt Sergeant Admiral Director Analyst Political
  Columnist Professor Prof Vice Speaker Representative Rep Chancellor Premier Leader Former
  Council Security Federation Office Staff Armed Forces Force Army Navy Ministry Department
  Agency Center Centre Institute University Committee Commission Parliament Congress Senate
  Assembly Government Kremlin White House Union Nations United States Republic Party Bank
  Court Police Service Services Group Post Times News Journal Press Policy Affairs National
  International European Guard Fund Organization Organisation Foundation Association
  Russian Russia Russians Ukrainian Ukraine Ukrainians American America Americans Europe
  Western West Eastern East Northern North Southern South French France German Germany British
  Britain Chinese China Kyiv Kiev Moscow Kursk Doha Qatari Qatar Turkish Turkey Istanbul Minsk
  Washington London Paris Berlin Beijing Israel Israeli Gaza Iran Iranian Syria Syrian
  Belarus Belarusian Poland Polish Donbas Donetsk Luhansk Crimea Kharkiv Odesa Pokrovsk
  Brussels Geneva Vienna Rome Italy Italian Spain Spanish Japan Japanese India Indian
  New York Los Angeles San Francisco Tel Aviv Hong Kong Soviet Baltic Black Sea Asia Africa
  Middle Pacific Atlantic Arctic Christmas Easter Internet Telegram Facebook Twitter
`);

export const NON_NAME_WORDS = new Set([...SENTENCE_WORDS, ...TITLE_AND_PLACE_WORDS]);

/** Lower-case particles inside names: Ursula von der Leyen, Charles de Gaulle. */
export const NAME_PARTICLES = set("von van der den de da di del la le bin al ibn");

export const PRONOUNS = set("he she they");
