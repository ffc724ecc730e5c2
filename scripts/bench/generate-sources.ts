/**
 * Generates realistic raw sources for the benchmark, in the seeds' format:
 * UTF-8 paragraphs split by blank lines, an optional ' date YYYY-MM-DD '
 * first-line prefix and an optional dateline ('CHARLOTTE, N.C. — '). The
 * sentences recombine the patterns of the seed articles with varied
 * operations, editions, dates, places, outlets and figures. Each article has
 * its own seeded stream, so article i is the same whatever the count.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mixSeed, Random } from './random.ts';
import {
  apMonths,
  editionYears,
  firstNames,
  lastNames,
  monthNames,
  numberWords,
  officialRoles,
  ordinalWords,
  outlets,
  places,
  qualifiers,
  romanEditions,
  stationsInText,
  venues,
  weekdays,
  type Place,
} from './source-vocabulary.ts';

export interface GenerateOptions {
  /** How many sources. */
  count: number;
  /** The seed: the same seed gives the same texts. */
  seed: number;
  /** Index of the first source, so more can be generated later without repeating earlier ones. */
  first?: number;
}

export interface GeneratedSource {
  /** `000042_<16 hex of its SHA-256>.txt`, like the seeds' names. */
  fileName: string;
  text: string;
}

/** What one article is about; every sentence draws from it so the text is consistent. */
interface Story {
  rng: Random;
  kind: 'cross-country' | 'independence-day' | 'initiative';
  year: number;
  edition: number | null;
  misspell: boolean;
  opMonth: number;
  opStart: number;
  opEnd: number;
  pub: Date;
  place: Place;
  outlet: string | null;
  director: string;
  figures: {
    children: number;
    traffickers: number;
    adults: number;
    exploiters: number;
    missing: number;
    agencies: number;
    taskForces: number;
    fieldOffices: number;
    investigations: number;
    cumulativeChildren: number;
    cumulativeConvictions: number;
    stateArrests: number;
    stateAgencies: number;
    stateMinors: number;
    ncmecCases: number;
  };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const formatCount = (value: number): string => value.toLocaleString('en-US');

/** 'three' for 3 (up to twenty), else the numeral. */
function smallCount(value: number): string {
  return numberWords[value] ?? formatCount(value);
}

/** A count as reporters write it: sometimes qualified, sometimes in dozens. */
function countText(rng: Random, value: number): string {
  if (value % 12 === 0 && value <= 120 && rng.chance(0.5)) {
    const dozens = value / 12;
    return `${dozens === 1 ? 'a' : numberWords[dozens]} dozen`;
  }
  if (value >= 100 && rng.chance(0.35)) return `${rng.pick(qualifiers)} ${formatCount(roundTo(value, 50))}`;
  return formatCount(value);
}

/** 'an Aug. 1', 'a Sept. 3'. */
function withArticle(phrase: string): string {
  return `${/^[AEIOU]/.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

/** The words an article calls the operation by, varying from mention to mention. */
function operationName(story: Story): string {
  if (story.kind === 'independence-day') return 'Operation Independence Day';
  if (story.kind === 'initiative') return story.rng.pick(['the Innocence Lost National Initiative', 'Innocence Lost']);
  const base = story.misspell && story.rng.chance(0.6) ? 'Operation Cross County' : 'Operation Cross Country';
  return story.edition !== null && story.rng.chance(0.7) ? `${base} ${romanEditions[story.edition - 1]}` : base;
}

function directorFor(year: number, month: number): string {
  if (year < 2013 || (year === 2013 && month < 9)) return 'Robert S. Mueller III';
  if (year < 2017 || (year === 2017 && month < 8)) return 'James B. Comey';
  return 'Christopher Wray';
}

function lastName(fullName: string): string {
  return fullName.replace(/ III$/, '').split(' ').at(-1) ?? fullName;
}

function inventedPerson(rng: Random): string {
  return `${rng.pick(firstNames)} ${rng.pick(lastNames)}`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function planStory(rng: Random): Story {
  const roll = rng.next();
  const kind: Story['kind'] = roll < 0.6 ? 'cross-country' : roll < 0.85 ? 'independence-day' : 'initiative';
  let year = rng.int(2008, 2024);
  let edition: number | null = null;
  let opMonth = rng.int(1, 12);
  if (kind === 'cross-country') {
    edition = rng.chance(0.75) ? rng.int(1, romanEditions.length) : null;
    if (edition !== null) year = editionYears[edition - 1]!;
    opMonth = rng.pick([6, 7, 10]);
  } else if (kind === 'independence-day') {
    year = rng.int(2019, 2024);
    opMonth = 7;
  }
  const opStart = rng.int(1, 20);
  const opEnd = opStart + rng.int(3, 8);
  // Reports come out early the next month: 'last month', 'an Aug. 1 announcement'.
  const pub = new Date(Date.UTC(year, opMonth, rng.int(1, 14)));
  const years = year - 2008;
  const children = rng.int(50, 350);
  return {
    rng,
    kind,
    year,
    edition,
    misspell: kind === 'cross-country' && rng.chance(0.2),
    opMonth,
    opStart,
    opEnd,
    pub,
    place: rng.pick(places),
    outlet: rng.chance(0.45) ? rng.pick(outlets) : null,
    director: directorFor(pub.getUTCFullYear(), pub.getUTCMonth() + 1),
    figures: {
      children,
      traffickers: rng.int(60, 700),
      adults: rng.int(20, 400),
      exploiters: rng.int(40, 200),
      missing: rng.int(10, 90),
      agencies: rng.pick([100, 200, 300, 400, 500]) + rng.int(0, 3) * 25,
      taskForces: rng.int(70, 90),
      fieldOffices: rng.chance(0.7) ? 56 : rng.int(40, 55),
      investigations: rng.chance(0.4) ? 12 * rng.int(2, 6) : rng.int(15, 90),
      cumulativeChildren: 2500 + years * 300 + rng.int(0, 4) * 100,
      cumulativeConvictions: 1000 + years * 120 + rng.int(0, 4) * 100,
      stateArrests: rng.int(3, 40),
      stateAgencies: rng.int(4, 20),
      stateMinors: rng.int(1, 12),
      ncmecCases: rng.pick([250_000, 300_000, 350_000, 400_000]),
    },
  };
}

type Block = (story: Story) => string[];

/** The lead paragraph's sentences, without the dateline. */
const leads: readonly Block[] = [
  () => [
    'The FBI is cracking down on what it calls a national epidemic of kids caught up in sex trafficking.',
    'FBI agents and local police have been carrying out a nationwide sweep since last week to rescue children involving FBI field offices from all 50 states.',
  ],
  (s) => [
    `${capitalise(smallCount(s.figures.stateMinors))} children have been rescued from sex trafficking operations in ${s.place.city}, the FBI announced following a ${s.rng.pick(['month-long', 'weeklong', 'two-week'])} investigation in ${monthNames[s.opMonth - 1]}.`,
  ],
  (s) => [
    `More than ${formatCount(roundTo(s.figures.children + s.figures.adults, 100))} victims of sex trafficking were rescued last month during a nationwide FBI-led enforcement campaign, “${operationName(s)}.”`,
  ],
  (s) => [
    `The Federal Bureau of Investigation announced that a recent ${s.rng.pick(['month-long', 'two-week', 'weeklong'])} operation has seen the successful rescue of over ${formatCount(roundTo(s.figures.children + s.figures.adults, 100))} victims of sex trafficking.`,
  ],
  (s) => [
    `Federal agents and local police recovered ${formatCount(s.figures.children)} children and arrested ${formatCount(s.figures.traffickers)} suspected traffickers during ${operationName(s)}, a nationwide sweep, the FBI said ${s.rng.pick(weekdays)}.`,
  ],
];

const naming: readonly Block[] = [
  (s) => [
    `It’s called ${operationName(s)} – part of a national initiative called Innocence Lost.`,
    `So far, ${formatCount(s.figures.children)} kids have been recovered and ${formatCount(s.figures.traffickers)} alleged traffickers have been arrested this year.`,
  ],
  (s) => [
    `“${operationName(s)}” is a collaborative effort that took place last month, involved “nearly every FBI field office and their respective state and local partners,” according to a release from the FBI on ${monthNames[s.pub.getUTCMonth()]} ${s.pub.getUTCDate()}.`,
  ],
  (s) => [
    `The initiative during the month of ${monthNames[s.opMonth - 1]}, dubbed ${operationName(s)}, relied on more than ${formatCount(s.figures.agencies)} law enforcement agencies working on FBI Child Exploitation and Human Trafficking Task Forces in each of the Bureau’s ${s.figures.fieldOffices} field offices.`,
    `The sweep included undercover operations and has led to the opening of ${countText(s.rng, s.figures.investigations)} federal criminal investigations.`,
  ],
];

const national: readonly Block[] = [
  (s) => [
    `The nationwide investigation resulted in the arrest of ${formatCount(s.figures.traffickers)} traffickers and the rescue of ${formatCount(s.figures.children)} children.`,
    `An additional ${formatCount(s.figures.adults)} adult victims were also assisted.`,
  ],
  (s) => [
    `The campaign included the identification and arrest of ${s.rng.chance(0.5) ? 'more than five dozen' : countText(s.rng, s.figures.traffickers)} suspected human traffickers and ${formatCount(s.figures.exploiters)} individuals accused of child sexual exploitation and trafficking offenses, according to a release from the FBI.`,
  ],
  (s) => [
    `They also located ${formatCount(s.figures.children)} minor victims of child sex trafficking and sexual exploitation, and another ${formatCount(s.figures.missing)} children who had been reported missing.`,
  ],
  (s) => [
    `Of those people recovered in the sting, ${formatCount(s.figures.children)} of those ${formatCount(s.figures.children + s.figures.adults)} sex trafficking victims are children and the FBI says in its release the operation also rescued an additional ${formatCount(s.figures.missing)} children who had been reported missing.`,
  ],
];

const optional: readonly { rank: number; block: Block }[] = [
  { rank: 3, block: () => ['It is a coast-to-coast effort that has FBI agents and local police working together to make arrests and recover victims.'] },
  {
    rank: 4,
    block: (s) => [
      `According to the FBI, since the initiative began in 2003, more than ${formatCount(s.figures.cumulativeChildren)} children have been recovered and more than ${formatCount(s.figures.cumulativeConvictions)} people convicted for trafficking related crimes.`,
    ],
  },
  {
    rank: 5,
    block: (s) =>
      s.director === 'Christopher Wray' || s.rng.chance(0.5)
        ? [
            `“We at the FBI have no greater mission than to protect our nation’s children from harm. Unfortunately, the number of traffickers arrested—and the number of children recovered—reinforces why we need to continue to do this important work,” said FBI Director ${s.director}.`,
            '“This operation isn’t just about taking traffickers off the street. It’s about making sure we offer help and a way out to these young victims who find themselves caught in a vicious cycle of abuse.”',
          ]
        : [
            `“The FBI is fiercely focused on recovering child victims and arresting the sex traffickers who exploit them,” FBI Director ${s.director} said in a statement.`,
            '“Through operations like this, the FBI helps child victims escape the abusive life of sex trafficking.”',
          ],
  },
  {
    rank: 5,
    block: (s) => [
      `“Human trafficking is a grave violation of human rights that preys on the most vulnerable members of our society,” FBI Director ${s.director} said in ${withArticle(`${apMonths[s.pub.getUTCMonth()]} ${s.pub.getUTCDate()}`)} announcement of the arrests and recoveries.`,
      '“The FBI’s actions against this threat never waver as we continue to send our message that these atrocities will not be tolerated.”',
    ],
  },
  {
    rank: 6,
    block: (s) => [
      `“We see it everywhere. It’s pervasive and persistent and it’s national and it’s even international. We’re talking about those most vulnerable in our society, kids, children being exploited,” said ${inventedPerson(s.rng)}, ${s.rng.pick(officialRoles).replace('{city}', s.place.city)}.`,
    ],
  },
  {
    rank: 7,
    block: (s) => [
      `This most recent crackdown, which ran from ${apMonths[s.opMonth - 1]} ${s.opStart}-${s.opEnd}, resulted in ${s.figures.stateArrests} arrests in ${s.place.state}.`,
      `${capitalise(smallCount(s.figures.stateAgencies))} law enforcement agencies in the state conducted operations in ${listWords([s.place.city, ...s.rng.sample(s.place.nearby, 3)])}, according to the FBI.`,
    ],
  },
  {
    rank: 7.5,
    block: (s) => [
      `In addition to the ${s.figures.stateArrests} arrests in the state, ${smallCount(s.figures.stateMinors)} minor victims “were recovered or were offered assistance from the FBI’s Office of Victim Assistance, U.S. Attorney’s Victim Assistance, and other non-governmental organizations,” according to a press release from the bureau.`,
    ],
  },
  {
    rank: 8,
    block: (s) => [`Law enforcement personnel held operations in ${listWords(s.rng.sample(venues, 5))} as part of ${operationName(s)}, the FBI said.`],
  },
  {
    rank: 8,
    block: () => [
      'Agents worked with police in scanning various social media outlets and escort sites looking for children and teenagers who were posting themselves for commercial sex.',
      'The undercover agents would arrange to meet the minors.',
    ],
  },
  {
    rank: 8,
    block: () => [
      'Agents and analysts at FBI Headquarters and in the field worked closely with the National Center for Missing & Exploited Children (NCMEC) to identify young runaways, missing kids, and juveniles who may have been subjected to human trafficking.',
    ],
  },
  {
    rank: 9,
    block: (s) => {
      const other = s.rng.pick(places.filter((place) => place.state !== s.place.state));
      return [
        `${s.place.state} is ranked ${ordinalWords[s.rng.int(1, 20)]} nationwide when it comes to human trafficking cases.`,
        `${other.state} is ${s.rng.int(21, 45)}th.`,
      ];
    },
  },
  {
    rank: 9,
    block: (s) => [
      `The ${s.place.state} State Bureau of Investigation last year established a new unit to deal only with trafficking cases that agents say are the hardest to work.`,
      `“They are probably the hardest to work because your evidence is another human being that has been manipulated and brainwashed, if you will, and we’ve got to get them mentally 'ok' and willing to testify," ${inventedPerson(s.rng)}, the agent in charge of the unit, told ${s.rng.pick(stationsInText)}.`,
    ],
  },
  {
    rank: 10,
    block: (s) =>
      s.kind === 'independence-day'
        ? [
            'In past years, the FBI initiated weeklong coordinated nationwide sweeps under the name Operation Cross Country to arrest traffickers and recover underage victims.',
            'This year, FBI field offices had a longer time window to plan and execute operations as part of the national initiative, with the goal being to develop richer leads and intelligence, and more robust cases.',
          ]
        : [
            `This is the ${ordinalWords[Math.min(20, s.year - 2006)] ?? 'latest'} year that the enforcement initiative has taken place.`,
            'The sweep is coordinated among the FBI, other federal agencies, state and local police, and social services agencies across the country to find and assist victims of human trafficking, particularly child victims.',
          ],
  },
  {
    rank: 11,
    block: (s) => [
      'The FBI and NCMEC, along with the Department of Justice Child Exploitation and Obscenity Section, launched the Innocence Lost National Initiative in 2003 to combat sex trafficking of children in the U.S.',
      `The initiative includes ${s.figures.taskForces} Child Exploitation and Human Trafficking Task Forces that work year-round on efforts like those conducted during ${operationName(s)}.`,
      `To date, the collaboration has led to the recovery or identification of more than ${formatCount(s.figures.cumulativeChildren)} child victims and more than ${formatCount(s.figures.cumulativeConvictions)} criminal convictions of traffickers.`,
    ],
  },
  {
    rank: 12,
    block: (s) =>
      s.year >= 2018
        ? [
            `The FBI-led Operation Cross Country sweeps, which were held annually between 2008 and 2017, recovered more than ${formatCount(roundTo(s.figures.cumulativeChildren / 7, 100))} child victims and arrested nearly ${formatCount(roundTo(s.figures.cumulativeConvictions / 2, 100))} traffickers.`,
          ]
        : [
            'The two-week law enforcement initiative first grew out of the FBI in 2003 which desired to identify and recover minors who have been sexually exploited.',
            "It's grown into a joint task force with the FBI, local and state law enforcement agencies, and other agencies such as social services.",
          ],
  },
  {
    rank: 13,
    block: (s) => [
      `The operation is also in collaboration with the National Center for Missing and Exploited Children (NCMEC), a key partner in the initiative that has played a pivotal role in over ${formatCount(s.figures.ncmecCases)} cases of recovered missing children since its establishment in 1984.`,
    ],
  },
  {
    rank: 14,
    block: () => [
      'The FBI is pairing victim specialists with investigators.',
      'Their mission is to provide victims with resources to help them in their situations, according to the FBI.',
    ],
  },
  {
    rank: 14,
    block: (s) => {
      const where = s.rng.pick(places);
      const [noun, object, possessive, reflexive] = s.rng.chance(0.5) ? ['boy', 'him', 'his', 'himself'] : ['girl', 'her', 'her', 'herself'];
      return [
        `During a recent operation in ${where.city}, ${where.state}, a victim specialist was there while an agent and police detective interviewed a ${s.rng.int(14, 17)}-year-old ${noun} who had advertised ${reflexive} online, the FBI explained.`,
        `The victim specialist talked to the ${noun}, who was not arrested, about the inherent dangers of ${possessive} actions and plugged ${object} into the local network of resources designed to help ${object}.`,
      ];
    },
  },
  {
    rank: 15,
    block: (s) => [
      `“Our victim specialists, victim service coordinators, child and adolescent forensic interviewers, and other victim service professionals work collaboratively with special agents to ensure a trauma-informed, victim-centered approach is taken when engaging with victims,” said ${inventedPerson(s.rng)}, assistant director of the Victim Services Division.`,
      '“This is especially important when engaging with victims of human trafficking as it is a very complex, traumatic crime.”',
    ],
  },
  {
    rank: 15,
    block: () => [
      '“Law enforcement agencies conduct targeted operations to identify traffickers, their networks, and their victims,” the release reads.',
      '“FBI victim specialists, working alongside local agencies, then provide immediate support and access to the extensive resources that are available to all federal crime victims.”',
      'Resources for those victims may include counseling, medical services, housing, or job placement according to the FBI.',
    ],
  },
  {
    rank: 16,
    block: (s) => [
      `“Behind every statistic, there is a person with dreams, aspirations, and the right to live a life free from child sex trafficking and exploitation,” said NCMEC President and CEO ${inventedPerson(s.rng)}.`,
      '“We applaud the FBI and their partner law enforcement agencies for their unwavering dedication to protecting children.”',
    ],
  },
  {
    rank: 17,
    block: (s) => [
      `In ${s.rng.chance(0.5) ? 'his' : 'the'} remarks, Director ${lastName(s.director)} said the FBI’s focus on the issue is not confined to a single week or month each year.`,
      'The effort to find and stop traffickers and recover kids is ongoing and continuous.',
      `“Our agents, intelligence analysts, professional staff, and victim specialists work tirelessly before, during, and after these operations to make sure that victims get the help they need to reclaim their lives,” ${lastName(s.director)} said.`,
    ],
  },
  {
    rank: 18,
    block: () => [
      'While the large rescue missions draw attention to the issue of trafficking, the FBI and its partners work to investigate and stop trafficking every day.',
    ],
  },
  {
    rank: 18,
    block: () => [
      'The FBI says that while the short burst operation and its publicized success draws attention to the issue of human trafficking in America, the agency and its partners actually also work to investigate and stop trafficking “every day.”',
    ],
  },
  {
    rank: 19,
    block: (s) => {
      const locals = [s.place.city, ...s.rng.sample(s.place.nearby, s.rng.int(2, 4))].map((city) => `${city} Police Department`);
      return [
        `The following law enforcement agencies participated in ${operationName(s)} operations in ${s.place.state}: the FBI, Department of Homeland Security Investigations, ${locals.join(', ')}, ${s.place.state} State Bureau of Investigation, and United States Marshals Service.`,
      ];
    },
  },
];

/** The dateline that opens a story, when it has one: 'WASHINGTON (CBS/WNCN) — '. */
function dateline(story: Story): string {
  const rng = story.rng;
  if (rng.chance(0.3)) return '';
  const city = rng.chance(0.2) ? 'WASHINGTON' : story.place.city.toUpperCase();
  const where = city === 'WASHINGTON' || story.place.standalone ? city : `${city}, ${story.place.ap}`;
  return `${where}${story.outlet ? ` (${story.outlet})` : ''} — `;
}

/** One article's text from its own stream. */
function composeArticle(rng: Random): string {
  const story = planStory(rng);
  // Quotes hold several sentences, so the block count aims below the 15 to 40 sentences wanted.
  const target = rng.int(15, 33);
  const paragraphs: { rank: number; sentences: string[] }[] = [
    { rank: 0, sentences: rng.pick(leads)(story) },
    { rank: 1, sentences: rng.pick(naming)(story) },
    { rank: 2, sentences: rng.pick(national)(story) },
  ];
  let count = paragraphs.reduce((sum, paragraph) => sum + paragraph.sentences.length, 0);
  for (const { rank, block } of rng.shuffle(optional)) {
    if (count >= target) break;
    const sentences = block(story);
    paragraphs.push({ rank, sentences });
    count += sentences.length;
  }
  paragraphs.sort((a, b) => a.rank - b.rank);
  const body = paragraphs.map((paragraph) => paragraph.sentences.join(' '));
  body[0] = `${dateline(story)}${body[0]}`;
  const prefix = rng.chance(0.6) ? ` date ${isoDay(story.pub)} ` : '';
  return `${prefix}${body.join('\n\n')}\n`;
}

const digestOf = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Yields `count` distinct sources. A text that repeats an earlier one of the
 * same run is drawn again from a further stream, so ingest never sees a
 * duplicate. Only digests are kept, so 100,000 texts do not stay in memory.
 */
export function* iterateSources({ count, seed, first = 0 }: GenerateOptions): Generator<GeneratedSource> {
  const seen = new Set<string>();
  for (let index = first; index < first + count; index += 1) {
    let attempt = 0;
    let text = composeArticle(new Random(mixSeed(seed, index)));
    let digest = digestOf(text);
    while (seen.has(digest)) {
      attempt += 1;
      text = composeArticle(new Random(mixSeed(seed ^ Math.imul(attempt, 0x632be5ab), index)));
      digest = digestOf(text);
    }
    seen.add(digest);
    yield { fileName: `${String(index).padStart(6, '0')}_${digest.slice(0, 16)}.txt`, text };
  }
}

/** `count` distinct sources, deterministic for the seed. */
export function generateSources(options: GenerateOptions): GeneratedSource[] {
  return [...iterateSources(options)];
}

/** Generates the sources straight into `directory` (created), one file each; returns the file names. */
export async function writeSources(directory: string, options: GenerateOptions): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const names: string[] = [];
  for (const source of iterateSources(options)) {
    await writeFile(path.join(directory, source.fileName), source.text, 'utf8');
    names.push(source.fileName);
  }
  return names;
}
