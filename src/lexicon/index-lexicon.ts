// Indexes the loaded lexicon for look-up by surface form: one map from a normalised name to what it can mean.
// Built once per process; pure.
import type { CityEntry, CountryEntry, KnownActor, Lexicon, OrganizationEntry, RegionEntry, Role, UserActor, UserVocabulary } from './lexicon.js';

export type LexiconHit =
  | { kind: 'country'; country: CountryEntry; via: 'name' | 'alias' }
  | { kind: 'capital'; country: CountryEntry; city: CityEntry | null; name: string }
  | { kind: 'demonym'; country: CountryEntry }
  | { kind: 'city'; city: CityEntry }
  | { kind: 'region'; region: RegionEntry; via: 'name' | 'alias' }
  | { kind: 'region-demonym'; region: RegionEntry }
  | { kind: 'organization'; organization: OrganizationEntry; via: 'name' | 'alias' }
  /** An actor from the user's config that is not a country: a person, organization or group. */
  | { kind: 'actor'; actor: UserActor; via: 'name' | 'alias' }
  /** A person or body of the event coders' dictionaries, coded by the role of a date (roleOn). */
  | { kind: 'known'; actor: KnownActor; via: 'name' | 'alias' };

export interface LexiconIndex {
  /** Every meaning of a normalised surface form, most specific first (country before capital before city …). */
  lookup(surface: string): readonly LexiconHit[];
  /** The CAMEO sector of a title ('' for plain honorifics), or undefined. Titles may span several words. */
  titleSector(surface: string): string | undefined;
  /** False when no title of one or more words, written from this word on, can be in the lexicon: the word is not the
   *  first word of a title (and not one the look-up drops, such as a leading "the"). Lets a search for titles skip
   *  the words of a sentence that start none. */
  mayStartTitle(word: string): boolean;
  /** Longest title in words, to bound the search. */
  maxTitleWords: number;
  /** A lower-case agent noun ("police", "gunmen", "security forces", "prime minister"): its CAMEO sector ('' for an
   *  honorific) and its lemma, the form that names one agent whatever its number ("gunmen" and "gunman" → gunman). */
  agent(surface: string): AgentEntry | undefined;
  /** As mayStartTitle, for agent nouns. */
  mayStartAgent(word: string): boolean;
  maxAgentWords: number;
  countryByCode(code: string): CountryEntry | undefined;
  isStopName(surface: string): boolean;
}

export interface AgentEntry {
  /** The CAMEO code the agent adds to its country's: after it (COP → PAKCOP), or before it when `prefix`. */
  sector: string;
  prefix: boolean;
  lemma: string;
}

/** The code of a known actor on a date: the role that covers the date, else the undated default; with no date, the
 *  latest role (the one that starts last, an open end beating a closed one), else the default. `why` says which. */
export function roleOn(actor: { code: string | null; roles?: readonly Role[] }, date: string | null): { code: string | null; why: 'on-date' | 'latest' | 'default'; role?: Role } {
  const roles = actor.roles ?? [];
  if (date !== null) {
    const covering = roles.filter((r) => (r.from === null || r.from <= date) && (r.to === null || date <= r.to));
    const role = covering[covering.length - 1];
    return role ? { code: role.code, why: 'on-date', role } : { code: actor.code, why: 'default' };
  }
  let latest: Role | undefined;
  for (const r of roles) {
    const later = !latest || (r.from ?? '') > (latest.from ?? '') || ((r.from ?? '') === (latest.from ?? '') && r.to === null);
    if (later) latest = r;
  }
  return latest ? { code: latest.code, why: 'latest', role: latest } : { code: actor.code, why: 'default' };
}

/** Printable ASCII, which NFC leaves as it is: the look-ups of every word skip normalize(), their slowest step. */
const ASCII = /^[ -~]*$/;

/** Normalises a surface form for look-up: curly quotes, case, spaces, a leading "the". */
export function normalizeName(surface: string): string {
  return (ASCII.test(surface) ? surface : surface.normalize('NFC'))
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '');
}

const RANK: Record<LexiconHit['kind'], number> = {
  actor: 0,
  country: 0,
  organization: 1,
  capital: 2,
  demonym: 3,
  region: 4,
  'region-demonym': 5,
  city: 6,
  // Our own gazetteers and organizations first: a city or a body we list keeps its name.
  known: 7,
};

/**
 * Indexes the bundled lexicon and the user's vocabulary. User entries come first wherever a surface form has several
 * meanings: a user who says "Georgia" is their actor means it.
 */
export function indexLexicon(lexicon: Lexicon, vocabulary?: UserVocabulary): LexiconIndex {
  const map = new Map<string, LexiconHit[]>();
  const add = (surface: string, hit: LexiconHit): void => {
    const key = normalizeName(surface);
    if (key === '') return;
    const list = map.get(key);
    if (!list) map.set(key, [hit]);
    else if (!list.some((h) => sameHit(h, hit))) list.push(hit);
    // Acronyms are written with and without dots: U.S. / US, U.N. / UN.
    if (/^([a-z]\.){2,}$/.test(key)) add(key.replace(/\./g, ''), hit);
  };
  const cityByName = new Map<string, CityEntry>();
  for (const city of lexicon.cities) cityByName.set(`${city.country}:${normalizeName(city.name)}`, city);

  const userCountries: CountryEntry[] = [];
  for (const actor of vocabulary?.actors ?? []) {
    // A user's country behaves as ours do (an actor or a place by context); other actors are actors.
    if (actor.type === 'country' && actor.code !== null && actor.code.length === 3) {
      const country: CountryEntry = { code: actor.code, name: actor.name, aliases: actor.aliases, capitals: [], demonyms: [] };
      userCountries.push(country);
      add(actor.name, { kind: 'country', country, via: 'name' });
      for (const alias of actor.aliases) add(alias, { kind: 'country', country, via: 'alias' });
    } else {
      add(actor.name, { kind: 'actor', actor, via: 'name' });
      for (const alias of actor.aliases) add(alias, { kind: 'actor', actor, via: 'alias' });
    }
  }
  const userFirst = new Set(map.keys());

  for (const country of lexicon.countries) {
    add(country.name, { kind: 'country', country, via: 'name' });
    for (const alias of country.aliases) add(alias, { kind: 'country', country, via: 'alias' });
    for (const name of country.capitals) {
      add(name, { kind: 'capital', country, city: cityByName.get(`${country.code}:${normalizeName(name)}`) ?? null, name });
    }
    for (const d of country.demonyms) add(d, { kind: 'demonym', country });
  }
  for (const organization of lexicon.organizations) {
    add(organization.name, { kind: 'organization', organization, via: 'name' });
    for (const alias of organization.aliases) add(alias, { kind: 'organization', organization, via: 'alias' });
  }
  for (const region of lexicon.regions) {
    add(region.name, { kind: 'region', region, via: 'name' });
    for (const alias of region.aliases) add(alias, { kind: 'region', region, via: 'alias' });
    for (const d of region.demonyms) add(d, { kind: 'region-demonym', region });
  }
  for (const city of lexicon.cities) {
    add(city.name, { kind: 'city', city });
    for (const alias of city.aliases) add(alias, { kind: 'city', city });
  }
  for (const [key, list] of map) {
    if (list.length === 1) continue; // one meaning: in order already
    const user = userFirst.has(key) ? list.filter((h) => isUserHit(h, userCountries)) : [];
    const rest = list.filter((h) => !user.includes(h)).sort((a, b) => RANK[a.kind] - RANK[b.kind]);
    map.set(key, [...user, ...rest]);
  }

  const titles = new Map<string, string>();
  const firstWords = new Set<string>();
  let maxTitleWords = 1;
  for (const t of lexicon.titles) {
    const key = normalizeName(t.title);
    titles.set(key, t.sector);
    firstWords.add(key.split(' ')[0]!);
    maxTitleWords = Math.max(maxTitleWords, t.title.split(/\s+/).length);
  }
  // Agent nouns: the titles, read in lower case. Each names one agent with its singular where that is an agent too.
  const agents = new Map<string, AgentEntry>();
  const agentFirstWords = new Set<string>();
  let maxAgentWords = 1;
  const addAgent = (surface: string, entry: AgentEntry): void => {
    const key = normalizeName(surface);
    if (agents.has(key)) return;
    agents.set(key, entry);
    agentFirstWords.add(key.split(' ')[0]!);
    maxAgentWords = Math.max(maxAgentWords, key.split(' ').length);
  };
  for (const t of lexicon.titles) addAgent(t.title, { sector: t.sector, prefix: false, lemma: normalizeName(t.title) });
  for (const a of lexicon.agents) addAgent(a.agent, { sector: a.code, prefix: a.prefix, lemma: a.agent });
  for (const [key, entry] of agents) {
    const singular = singularOf(key);
    if (singular !== key && agents.get(singular)?.sector === entry.sector) entry.lemma = singular;
  }
  const countries = new Map([...lexicon.countries, ...userCountries].map((c) => [c.code, c]));
  const stop = new Set(lexicon.stopNames.map(normalizeName));
  const none: readonly LexiconHit[] = [];

  // The Phoenix actors (their names sorted and normalised in the table) come after everything else (RANK): a name's
  // list is extended with them on its first look-up, and their entries are built then.
  const extended = new Set<string>();
  const lookup = (surface: string): readonly LexiconHit[] => {
    const key = normalizeName(surface);
    if (!extended.has(key)) {
      extended.add(key);
      const found = lexicon.knownActors.find(key);
      if (found.length > 0) map.set(key, [...(map.get(key) ?? []), ...found.map(({ actor, via }): LexiconHit => ({ kind: 'known', actor: lexicon.knownActors.at(actor), via }))]);
    }
    return map.get(key) ?? none;
  };
  return {
    lookup,
    titleSector: (surface) => titles.get(normalizeName(surface)),
    mayStartTitle: (word) => {
      // A title's key is normalizeName of its words joined by spaces, which begins with normalizeName of the first
      // word, then a space or the end, unless that word normalizes to nothing, to several words or to a dropped "the".
      const first = normalizeName(word);
      return firstWords.has(first) || first === '' || first === 'the' || first.includes(' ');
    },
    maxTitleWords,
    agent: (surface) => agents.get(normalizeName(surface)),
    mayStartAgent: (word) => {
      const first = normalizeName(word);
      return agentFirstWords.has(first) || first === '' || first === 'the' || first.includes(' ');
    },
    maxAgentWords,
    countryByCode: (code) => countries.get(code),
    isStopName: (surface) => stop.has(normalizeName(surface)),
  };
}

/** The singular of a plural agent noun by the regular rules English agent nouns follow: gunmen → gunman,
 *  militias → militia, authorities → authority. A word the rules do not fit stays as it is (police). */
function singularOf(key: string): string {
  if (/men$/.test(key)) return key.replace(/men$/, 'man');
  if (/ies$/.test(key)) return key.replace(/ies$/, 'y');
  if (/[^s]s$/.test(key)) return key.slice(0, -1);
  return key;
}

function isUserHit(hit: LexiconHit, userCountries: readonly CountryEntry[]): boolean {
  return hit.kind === 'actor' || (hit.kind === 'country' && userCountries.includes(hit.country));
}

function sameHit(a: LexiconHit, b: LexiconHit): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'country':
    case 'demonym':
    case 'capital':
      return a.country === (b as typeof a).country;
    case 'city':
      return a.city === (b as typeof a).city;
    case 'region':
    case 'region-demonym':
      return a.region === (b as typeof a).region;
    case 'organization':
      return a.organization === (b as typeof a).organization;
    case 'actor':
    case 'known':
      return a.actor === (b as typeof a).actor;
  }
}
