/**
 * US places a regional figure can be scoped to: the states (with AP
 * abbreviations, for datelines such as 'CHARLOTTE, N.C.'), the larger cities,
 * and the dateline's own city. 'In the state' refers back to the last state
 * named before it.
 */

const states: readonly (readonly [name: string, abbreviation: string | null])[] = [
  ['Alabama', 'Ala.'],
  ['Alaska', null],
  ['Arizona', 'Ariz.'],
  ['Arkansas', 'Ark.'],
  ['California', 'Calif.'],
  ['Colorado', 'Colo.'],
  ['Connecticut', 'Conn.'],
  ['Delaware', 'Del.'],
  ['Florida', 'Fla.'],
  ['Georgia', 'Ga.'],
  ['Hawaii', null],
  ['Idaho', null],
  ['Illinois', 'Ill.'],
  ['Indiana', 'Ind.'],
  ['Iowa', null],
  ['Kansas', 'Kan.'],
  ['Kentucky', 'Ky.'],
  ['Louisiana', 'La.'],
  ['Maine', null],
  ['Maryland', 'Md.'],
  ['Massachusetts', 'Mass.'],
  ['Michigan', 'Mich.'],
  ['Minnesota', 'Minn.'],
  ['Mississippi', 'Miss.'],
  ['Missouri', 'Mo.'],
  ['Montana', 'Mont.'],
  ['Nebraska', 'Neb.'],
  ['Nevada', 'Nev.'],
  ['New Hampshire', 'N.H.'],
  ['New Jersey', 'N.J.'],
  ['New Mexico', 'N.M.'],
  ['New York', 'N.Y.'],
  ['North Carolina', 'N.C.'],
  ['North Dakota', 'N.D.'],
  ['Ohio', null],
  ['Oklahoma', 'Okla.'],
  ['Oregon', 'Ore.'],
  ['Pennsylvania', 'Pa.'],
  ['Rhode Island', 'R.I.'],
  ['South Carolina', 'S.C.'],
  ['South Dakota', 'S.D.'],
  ['Tennessee', 'Tenn.'],
  ['Texas', null],
  ['Utah', null],
  ['Vermont', 'Vt.'],
  ['Virginia', 'Va.'],
  ['Washington', 'Wash.'],
  ['West Virginia', 'W.Va.'],
  ['Wisconsin', 'Wis.'],
  ['Wyoming', 'Wyo.'],
  ['Puerto Rico', 'P.R.'],
  ['District of Columbia', 'D.C.'],
];

/** USPS codes, as releases write them in datelines ('Mobile, AL -'); matched in capitals only. */
const postalCodes = new Map(
  Object.entries({
    AL: 'Alabama',
    AK: 'Alaska',
    AZ: 'Arizona',
    AR: 'Arkansas',
    CA: 'California',
    CO: 'Colorado',
    CT: 'Connecticut',
    DE: 'Delaware',
    FL: 'Florida',
    GA: 'Georgia',
    HI: 'Hawaii',
    ID: 'Idaho',
    IL: 'Illinois',
    IN: 'Indiana',
    IA: 'Iowa',
    KS: 'Kansas',
    KY: 'Kentucky',
    LA: 'Louisiana',
    ME: 'Maine',
    MD: 'Maryland',
    MA: 'Massachusetts',
    MI: 'Michigan',
    MN: 'Minnesota',
    MS: 'Mississippi',
    MO: 'Missouri',
    MT: 'Montana',
    NE: 'Nebraska',
    NV: 'Nevada',
    NH: 'New Hampshire',
    NJ: 'New Jersey',
    NM: 'New Mexico',
    NY: 'New York',
    NC: 'North Carolina',
    ND: 'North Dakota',
    OH: 'Ohio',
    OK: 'Oklahoma',
    OR: 'Oregon',
    PA: 'Pennsylvania',
    RI: 'Rhode Island',
    SC: 'South Carolina',
    SD: 'South Dakota',
    TN: 'Tennessee',
    TX: 'Texas',
    UT: 'Utah',
    VT: 'Vermont',
    VA: 'Virginia',
    WA: 'Washington',
    WV: 'West Virginia',
    WI: 'Wisconsin',
    WY: 'Wyoming',
    PR: 'Puerto Rico',
    DC: 'District of Columbia',
  }),
);

/** The cities that host the FBI's field offices: 'FBI Omaha' is the Omaha field office. */
export const fieldOfficeCities = new Set([
  'Albany',
  'Albuquerque',
  'Anchorage',
  'Atlanta',
  'Baltimore',
  'Birmingham',
  'Boston',
  'Buffalo',
  'Charlotte',
  'Chicago',
  'Cincinnati',
  'Cleveland',
  'Columbia',
  'Dallas',
  'Denver',
  'Detroit',
  'El Paso',
  'Honolulu',
  'Houston',
  'Indianapolis',
  'Jackson',
  'Jacksonville',
  'Kansas City',
  'Knoxville',
  'Las Vegas',
  'Little Rock',
  'Los Angeles',
  'Louisville',
  'Memphis',
  'Miami',
  'Milwaukee',
  'Minneapolis',
  'Mobile',
  'Newark',
  'New Haven',
  'New Orleans',
  'New York',
  'Norfolk',
  'Oklahoma City',
  'Omaha',
  'Philadelphia',
  'Phoenix',
  'Pittsburgh',
  'Portland',
  'Richmond',
  'Sacramento',
  'Salt Lake City',
  'San Antonio',
  'San Diego',
  'San Francisco',
  'San Juan',
  'Seattle',
  'Springfield',
  'St. Louis',
  'Tampa',
]);

/** Cities reporting names without a state; others count when the text adds ', State' or the dateline names them. */
const cities = new Set(
  [
    'New York City',
    'Los Angeles',
    'Chicago',
    'Houston',
    'Phoenix',
    'Philadelphia',
    'San Antonio',
    'San Diego',
    'Dallas',
    'San Jose',
    'Austin',
    'Jacksonville',
    'Fort Worth',
    'Columbus',
    'Charlotte',
    'San Francisco',
    'Indianapolis',
    'Seattle',
    'Denver',
    'Boston',
    'El Paso',
    'Nashville',
    'Detroit',
    'Oklahoma City',
    'Portland',
    'Las Vegas',
    'Memphis',
    'Louisville',
    'Baltimore',
    'Milwaukee',
    'Albuquerque',
    'Tucson',
    'Fresno',
    'Sacramento',
    'Kansas City',
    'Atlanta',
    'Miami',
    'Raleigh',
    'Omaha',
    'Minneapolis',
    'Tulsa',
    'Cleveland',
    'New Orleans',
    'Tampa',
    'Orlando',
    'Pittsburgh',
    'Cincinnati',
    'St. Louis',
    'Newark',
    'Buffalo',
    'Richmond',
    'Salt Lake City',
    'Birmingham',
    'Honolulu',
    'Anchorage',
    'Greensboro',
    'Durham',
    'Fayetteville',
    'Baton Rouge',
    'Little Rock',
    'Jackson',
  ].map((city) => city.toLowerCase()),
);

const stateNames = states.map(([name]) => name);
const abbreviationToState = new Map(states.flatMap(([name, abbreviation]) => (abbreviation ? [[abbreviation.toLowerCase(), name] as const] : [])));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const stateAlternatives = stateNames.map(escapeRegExp).join('|');
const abbreviationAlternatives = [
  ...states.flatMap(([, abbreviation]) => (abbreviation ? [escapeRegExp(abbreviation)] : [])),
  // Any two capitals: one alternative is much cheaper than fifty, and findPlaces checks the code.
  '[A-Z]{2}(?![\\p{L}.])',
].join('|');

/** The state a name, AP abbreviation or postal code stands for ('N.C.', 'NC' → 'North Carolina'), else undefined. */
export function stateFor(text: string): string | undefined {
  const trimmed = text.trim();
  return stateNames.find((name) => name.toLowerCase() === trimmed.toLowerCase()) ?? abbreviationToState.get(trimmed.toLowerCase()) ?? postalCodes.get(trimmed);
}

/** Where the text names a state, for resolving a later 'in the state'. */
// ASCII word boundaries: state names are ASCII, and a look-behind at every position was slow.
const statePattern = new RegExp(`\\b(${stateAlternatives})\\b`, 'g');

export function statesNamed(sentence: string): { state: string; start: number }[] {
  return [...sentence.matchAll(statePattern)].map((match) => ({ state: match[1]!, start: match.index }));
}

/** A regional phrase in a sentence: 'in North Carolina', 'in the state', 'in Charlotte'. */
export interface PlaceHit {
  region: string;
  start: number;
  end: number;
}

export interface PlaceContext {
  /** The last state named before this sentence (or given by the dateline), for 'in the state'; asked only when needed. */
  stateBefore: () => string | null;
  /** The dateline's city in lower case ('charlotte'), which counts as a known place. */
  datelineCity: string | null;
}

const placePattern = new RegExp(
  `\\b(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Ww]ithin|[Aa]round)\\s+(?:all\\s+of\\s+)?(?:(the\\s+state(?:\\s+of\\s+(${stateAlternatives}))?)|(${stateAlternatives})|((?:\\p{Lu}[\\p{L}.’'-]*\\s+){0,2}\\p{Lu}[\\p{L}’'-]*)(?:,\\s+(${stateAlternatives}|${abbreviationAlternatives}))?)(?![\\p{L}])`,
  'gu',
);

/** Regional phrases in a sentence, in order. A state or city followed by a capitalised word is an organisation's name, not a place. */
export function findPlaces(sentence: string, context: PlaceContext): PlaceHit[] {
  const hits: PlaceHit[] = [];
  for (const match of sentence.matchAll(placePattern)) {
    const end = match.index + match[0].length;
    if (/^\s+\p{Lu}/u.test(sentence.slice(end))) continue;
    const [, theState, ofState, state, city, cityState] = match;
    let region: string | undefined;
    if (theState !== undefined) {
      region = ofState ?? statesNamed(sentence.slice(0, match.index)).at(-1)?.state ?? context.stateBefore() ?? undefined;
    } else if (state !== undefined) region = state;
    else if (city !== undefined) {
      const isCounty = /\sCounty$/.test(city);
      if (cityState !== undefined && stateFor(cityState) === undefined) continue;
      if (cityState !== undefined) region = `${city}, ${cityState}`;
      else if (isCounty || cities.has(city.toLowerCase()) || city.toLowerCase() === context.datelineCity) region = city;
    }
    if (region !== undefined) hits.push({ region, start: match.index, end });
  }
  return hits;
}
