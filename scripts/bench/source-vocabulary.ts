/**
 * The word lists the source generator draws from: places, outlets, people and
 * the fixed phrases of FBI sweep reporting. Speakers other than FBI directors
 * are invented names: generated articles must not put words in real mouths
 * beyond what the seed articles already quote.
 */

export interface Place {
  /** City as written in running text. */
  city: string;
  /** Full state name. */
  state: string;
  /** AP state abbreviation used in datelines ('N.C.'). */
  ap: string;
  /** True for the cities AP datelines write alone ('DENVER'). */
  standalone: boolean;
  /** Other cities in the state, for 'conducted operations in A, B and C'. */
  nearby: readonly string[];
}

export const places: readonly Place[] = [
  { city: 'Charlotte', state: 'North Carolina', ap: 'N.C.', standalone: false, nearby: ['Raleigh', 'Fayetteville', 'Lumberton', 'Greensboro', 'Durham'] },
  { city: 'Raleigh', state: 'North Carolina', ap: 'N.C.', standalone: false, nearby: ['Charlotte', 'Fayetteville', 'Wilmington', 'Gastonia'] },
  { city: 'Columbia', state: 'South Carolina', ap: 'S.C.', standalone: false, nearby: ['Charleston', 'Greenville', 'Spartanburg', 'Myrtle Beach'] },
  { city: 'Denver', state: 'Colorado', ap: 'Colo.', standalone: true, nearby: ['Aurora', 'Colorado Springs', 'Pueblo', 'Fort Collins'] },
  { city: 'Atlanta', state: 'Georgia', ap: 'Ga.', standalone: true, nearby: ['Savannah', 'Macon', 'Augusta', 'Columbus'] },
  { city: 'Chicago', state: 'Illinois', ap: 'Ill.', standalone: true, nearby: ['Springfield', 'Rockford', 'Peoria', 'Joliet'] },
  { city: 'Houston', state: 'Texas', ap: 'Texas', standalone: true, nearby: ['Dallas', 'San Antonio', 'El Paso', 'Austin', 'Fort Worth'] },
  { city: 'Dallas', state: 'Texas', ap: 'Texas', standalone: true, nearby: ['Houston', 'Fort Worth', 'Arlington', 'Plano'] },
  { city: 'El Paso', state: 'Texas', ap: 'Texas', standalone: false, nearby: ['Midland', 'Odessa', 'Lubbock'] },
  { city: 'Los Angeles', state: 'California', ap: 'Calif.', standalone: true, nearby: ['San Diego', 'Sacramento', 'Fresno', 'Oakland', 'Long Beach'] },
  { city: 'San Diego', state: 'California', ap: 'Calif.', standalone: true, nearby: ['Los Angeles', 'Riverside', 'San Bernardino'] },
  { city: 'Sacramento', state: 'California', ap: 'Calif.', standalone: false, nearby: ['Stockton', 'Oakland', 'San Jose', 'Fresno'] },
  { city: 'Seattle', state: 'Washington', ap: 'Wash.', standalone: true, nearby: ['Tacoma', 'Spokane', 'Everett', 'Yakima'] },
  { city: 'Portland', state: 'Oregon', ap: 'Ore.', standalone: false, nearby: ['Salem', 'Eugene', 'Medford'] },
  { city: 'Phoenix', state: 'Arizona', ap: 'Ariz.', standalone: true, nearby: ['Tucson', 'Mesa', 'Flagstaff', 'Yuma'] },
  { city: 'Las Vegas', state: 'Nevada', ap: 'Nev.', standalone: true, nearby: ['Reno', 'Henderson', 'Carson City'] },
  { city: 'Salt Lake City', state: 'Utah', ap: 'Utah', standalone: true, nearby: ['Provo', 'Ogden', 'St. George'] },
  { city: 'Albuquerque', state: 'New Mexico', ap: 'N.M.', standalone: false, nearby: ['Santa Fe', 'Las Cruces', 'Farmington'] },
  { city: 'Oklahoma City', state: 'Oklahoma', ap: 'Okla.', standalone: true, nearby: ['Tulsa', 'Norman', 'Lawton'] },
  { city: 'Kansas City', state: 'Missouri', ap: 'Mo.', standalone: false, nearby: ['St. Louis', 'Springfield', 'Columbia', 'Joplin'] },
  { city: 'St. Louis', state: 'Missouri', ap: 'Mo.', standalone: true, nearby: ['Kansas City', 'Springfield', 'Jefferson City'] },
  { city: 'Minneapolis', state: 'Minnesota', ap: 'Minn.', standalone: true, nearby: ['St. Paul', 'Duluth', 'Rochester', 'Bloomington'] },
  { city: 'Milwaukee', state: 'Wisconsin', ap: 'Wis.', standalone: true, nearby: ['Madison', 'Green Bay', 'Kenosha'] },
  { city: 'Detroit', state: 'Michigan', ap: 'Mich.', standalone: true, nearby: ['Grand Rapids', 'Flint', 'Lansing', 'Kalamazoo'] },
  { city: 'Cleveland', state: 'Ohio', ap: 'Ohio', standalone: true, nearby: ['Columbus', 'Cincinnati', 'Toledo', 'Akron', 'Dayton'] },
  { city: 'Indianapolis', state: 'Indiana', ap: 'Ind.', standalone: true, nearby: ['Fort Wayne', 'Evansville', 'Gary', 'South Bend'] },
  { city: 'Louisville', state: 'Kentucky', ap: 'Ky.', standalone: false, nearby: ['Lexington', 'Bowling Green', 'Covington'] },
  { city: 'Nashville', state: 'Tennessee', ap: 'Tenn.', standalone: false, nearby: ['Memphis', 'Knoxville', 'Chattanooga'] },
  { city: 'Memphis', state: 'Tennessee', ap: 'Tenn.', standalone: false, nearby: ['Nashville', 'Jackson', 'Knoxville'] },
  { city: 'New Orleans', state: 'Louisiana', ap: 'La.', standalone: true, nearby: ['Baton Rouge', 'Shreveport', 'Lafayette'] },
  { city: 'Jackson', state: 'Mississippi', ap: 'Miss.', standalone: false, nearby: ['Gulfport', 'Biloxi', 'Hattiesburg'] },
  { city: 'Birmingham', state: 'Alabama', ap: 'Ala.', standalone: false, nearby: ['Montgomery', 'Mobile', 'Huntsville'] },
  { city: 'Miami', state: 'Florida', ap: 'Fla.', standalone: true, nearby: ['Tampa', 'Orlando', 'Jacksonville', 'Fort Lauderdale'] },
  { city: 'Tampa', state: 'Florida', ap: 'Fla.', standalone: false, nearby: ['Orlando', 'Miami', 'St. Petersburg', 'Lakeland'] },
  { city: 'Richmond', state: 'Virginia', ap: 'Va.', standalone: false, nearby: ['Norfolk', 'Virginia Beach', 'Roanoke', 'Alexandria'] },
  { city: 'Baltimore', state: 'Maryland', ap: 'Md.', standalone: true, nearby: ['Annapolis', 'Frederick', 'Rockville'] },
  { city: 'Philadelphia', state: 'Pennsylvania', ap: 'Pa.', standalone: true, nearby: ['Pittsburgh', 'Harrisburg', 'Allentown', 'Erie'] },
  { city: 'Newark', state: 'New Jersey', ap: 'N.J.', standalone: false, nearby: ['Jersey City', 'Trenton', 'Paterson', 'Atlantic City'] },
  { city: 'Albany', state: 'New York', ap: 'N.Y.', standalone: false, nearby: ['Buffalo', 'Rochester', 'Syracuse', 'Yonkers'] },
  { city: 'Boston', state: 'Massachusetts', ap: 'Mass.', standalone: true, nearby: ['Worcester', 'Springfield', 'Lowell'] },
  { city: 'Hartford', state: 'Connecticut', ap: 'Conn.', standalone: false, nearby: ['New Haven', 'Bridgeport', 'Stamford'] },
  { city: 'Omaha', state: 'Nebraska', ap: 'Neb.', standalone: false, nearby: ['Lincoln', 'Grand Island', 'Kearney'] },
  { city: 'Anchorage', state: 'Alaska', ap: 'Alaska', standalone: false, nearby: ['Fairbanks', 'Juneau', 'Wasilla'] },
  { city: 'Honolulu', state: 'Hawaii', ap: 'Hawaii', standalone: true, nearby: ['Hilo', 'Kahului', 'Kailua'] },
];

/** Outlets as datelines credit them: network/station, a station alone, or a wire. */
export const outlets: readonly string[] = [
  'CBS/WNCN',
  'WBTV',
  'AP',
  'WRAL',
  'KUSA',
  'WJLA',
  'KHOU',
  'WFAA',
  'KTLA',
  'WGN',
  'WSB-TV',
  'KPRC',
  'WCVB',
  'KIRO',
  'KSDK',
  'WKYC',
  'WXYZ',
  'KSL',
  'NBC/WCNC',
  'ABC/WSOC',
  'FOX/WJZY',
  'CNN',
  'Reuters',
  'KOMO',
  'WPLG',
];

/** Stations named in running text ('told NBC Charlotte'). */
export const stationsInText: readonly string[] = [
  'NBC Charlotte',
  'WRAL',
  'the Associated Press',
  'CBS News',
  'KUSA',
  'the local station',
  'Channel 9',
  'ABC News',
];

export const firstNames: readonly string[] = [
  'Dana',
  'Marcus',
  'Elena',
  'Tobias',
  'Renee',
  'Gregory',
  'Priya',
  'Walter',
  'Janelle',
  'Hector',
  'Miriam',
  'Curtis',
  'Leah',
  'Damon',
  'Sofia',
  'Vincent',
  'Tamara',
  'Owen',
  'Beatrice',
  'Rafael',
  'Naomi',
  'Stuart',
  'Imani',
  'Colin',
];

export const lastNames: readonly string[] = [
  'Whitfield',
  'Okafor',
  'Lindqvist',
  'Brannon',
  'Castellano',
  'Hollis',
  'Nakamura',
  'Prewitt',
  'Delacroix',
  'Ashby',
  'Mendoza',
  'Calloway',
  'Forsythe',
  'Gutierrez',
  'Abernathy',
  'Kowalski',
  'Tran',
  'Pemberton',
  'Rasmussen',
  'Ellison',
];

/** Roles for invented officials; `{city}` is filled with a field office city. */
export const officialRoles: readonly string[] = [
  'executive assistant director of the FBI',
  'special agent in charge of the FBI’s {city} Field Office',
  'assistant director of the Victim Services Division',
  'a victim specialist on the {city} Field Office’s Innocence Lost Task Force',
  'supervisory special agent with the FBI’s Violent Crimes Against Children Section',
  'chief of the {city} Police Department’s vice unit',
];

export const monthNames: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** AP month abbreviations, used with a day ('Aug. 1', 'Oct. 12-15'). */
export const apMonths: readonly string[] = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

export const weekdays: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

export const numberWords: readonly string[] = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];

export const ordinalWords: readonly string[] = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

export const qualifiers: readonly string[] = ['more than', 'nearly', 'over', 'about', 'at least', 'almost'];

/** Roman numerals of the Operation Cross Country editions, I to XIII. */
export const romanEditions: readonly string[] = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII'];

/** The year each Operation Cross Country edition ran (several in 2009). */
export const editionYears: readonly number[] = [2008, 2009, 2009, 2009, 2010, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019];

/** Where the sweeps ran, as the reports list them. */
export const venues: readonly string[] = [
  'truck stops',
  'casinos',
  'on internet websites',
  'street corners',
  'hotels',
  'motels',
  'rest areas',
  'massage parlors',
];
