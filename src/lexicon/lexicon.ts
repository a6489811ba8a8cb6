// The shape of our vocabulary once loaded: what lexicons/*.yaml hold, typed. Pure data, no I/O.
import type { ActorType, Polarity, QuadClass } from '../model/annotation.js';
import type { KnownActors } from './known-actors.js';

/** A country or territory (ISO 3166-1). */
export interface CountryEntry {
  /** ISO 3166-1 alpha-3, e.g. PAK. */
  code: string;
  /** Canonical English short name, e.g. Pakistan. */
  name: string;
  /** Other names news uses: official name, "U.S.", "America", "Britain". */
  aliases: string[];
  /** Capital cities, e.g. [Islamabad]. */
  capitals: string[];
  /** Demonyms and adjectival forms, singular and plural: Pakistani, Pakistanis. */
  demonyms: string[];
}

/** A city (or town) with its country. */
export interface CityEntry {
  name: string;
  /** ISO alpha-3 of its country. */
  country: string;
  aliases: string[];
}

/** A region, continent, body of water or other named area. */
export interface RegionEntry {
  name: string;
  type: 'region' | 'continent' | 'water' | 'facility' | 'other';
  /** ISO alpha-3 of the containing country; null if it spans countries or is disputed. */
  country: string | null;
  aliases: string[];
  /** Demonyms/adjectives that point to the region (European, Kashmiri). */
  demonyms: string[];
}

/** An organization: international bodies, news agencies, armed forces, parties, companies. */
export interface OrganizationEntry {
  name: string;
  /** Acronyms and other names: UN, U.N., United Nations Organization. */
  aliases: string[];
  /** CAMEO-style code where one exists (IGOUNO, NATO→IGOWSTNAT); null otherwise. */
  code: string | null;
  /** Country it belongs to (ISO alpha-3) or null for international ones. */
  country: string | null;
}

/** A title that marks a person or a sector of a country's actors: "Army Chief" → MIL. */
export interface TitleEntry {
  /** The title as written, e.g. "Prime Minister". */
  title: string;
  /** CAMEO sector code the title implies: GOV, MIL, JUD, LEG, ... (three-letter groups). "" (empty) means a person's
   *  title with no sector: Mr, Dr, Sir mark a person and say nothing about the role. */
  sector: string;
}

/** A person or body of the event coders' dictionaries (lexicons/phoenix-actors.yaml, from PETRARCH2's Phoenix
 *  dictionaries): its names and the CAMEO codes of the roles it held, with their dates. */
export interface KnownActor {
  name: string;
  type: ActorType;
  /** Other names, matched as written (case-insensitive). */
  aliases: string[];
  /** The code outside every dated role (Phoenix's undated default); null when none. */
  code: string | null;
  /** Dated roles in the dictionary's order: a code and its first and last day (ISO), null for an open end. */
  roles: Role[];
  /** The Phoenix file it comes from. */
  from: 'countries' | 'international' | 'milnonstate';
}

export interface Role {
  code: string;
  from: string | null;
  to: string | null;
}

/** An agent noun of the Phoenix agents dictionary (lexicons/phoenix-agents.yaml): "police officers" → COP. */
export interface AgentNoun {
  /** Lower case, as written in news: "police officers", "warplanes". */
  agent: string;
  /** The code the agent adds: after its country's (COP → PAKCOP), or before it when `prefix` (IGO …). */
  code: string;
  prefix: boolean;
}

/** Everything our plugin teaches compromise, and what the extractors resolve names against. */
export interface Lexicon {
  countries: CountryEntry[];
  cities: CityEntry[];
  regions: RegionEntry[];
  /** How many of `regions`, from the first, come from the generated regions.yaml; the rest are regions-extra.yaml's.
   *  Only `annotate explain` reads it, to name the file a region's entry is in. */
  generatedRegions: number;
  organizations: OrganizationEntry[];
  /** People and bodies with dated codes, from the Phoenix dictionaries (generated): names indexed, entries built on
   *  demand (known-actors.ts). */
  knownActors: KnownActors;
  titles: TitleEntry[];
  /** Agent nouns from the Phoenix dictionaries (generated); the hand-kept titles come first. */
  agents: AgentNoun[];
  /** Words that look like names but are not entities in news text (Drew as a verb is handled by grammar; these are
   *  capitalised words such as "Monday" or "Reuters-style" boilerplate that must never become an entity). */
  stopNames: string[];
  /** The CAMEO codebook: every code with its name and Goldstein value; roots carry their quad class. */
  cameo: CameoEntry[];
  /** Words and phrases that report events (lexicons/events.yaml, hand-kept). */
  triggers: TriggerEntry[];
  /** Verbs of PETRARCH2's CAMEO 2.0 dictionary (lexicons/cameo-verbs.yaml, generated): a hand entry wins over one of
   *  these with the same words and constraint. */
  cameoTriggers: TriggerEntry[];
  /** Verbs that carry an event noun without being events ("held talks", "carried out airstrikes"). */
  lightVerbs: string[];
  /** Verbs whose subject is the target of the reaction noun they govern ("drew condemnation from India"). */
  receiveVerbs: string[];
  /** What decides, beyond the words, whether and how often a trigger reports an event (lexicons/events.yaml). */
  eventRules: EventRules;
  /** Words that attribute statements, and the hedges that weaken them (lexicons/claims.yaml). */
  claims: ClaimCues;
  /** Words that express positions (lexicons/stances.yaml). */
  stances: StanceCues;
  /** A short stable hash of all of the above, written into annotator.lexicon. */
  hash: string;
}

// --- events ---------------------------------------------------------------------------------------------------

/** The four-way grouping of CAMEO roots (GDELT's QuadClass): which mapping we use is documented in the README. */
export type { QuadClass };

/** One code of the CAMEO event codebook: a root ("04") or a sub-code ("042", "1823"). */
export interface CameoEntry {
  /** The code as a string: two digits for a root, three or four for a sub-code. */
  code: string;
  /** The codebook's name: roots in capitals (CONSULT), sub-codes as written ("Make a visit"). */
  name: string;
  /** Goldstein conflict–cooperation value, −10 … +10. */
  goldstein: number;
  /** Roots only: the quad class of the root and all its sub-codes. */
  quadClass?: QuadClass;
}

/** A word or phrase that reports an event of a CAMEO code. */
export interface TriggerEntry {
  code: string;
  /** A verb (matched on its infinitive: "visit", "carry out", "pave the way") or a noun (matched on its singular:
   *  "visit", "air strike", "peace talks"). Several words match consecutive words of the sentence. */
  kind: 'verb' | 'noun';
  words: string;
  /** Verbs: the trigger counts only when one of these nouns heads its object ("sever" + ties|relations). */
  object: string[];
  /** Nouns: the trigger counts only right after one of these words, which join its span ("air" strike). */
  after: string[];
}

/** The event lexicon's rules beyond its words. Words and phrases are lower case; verbs are infinitives. */
export interface EventRules {
  /** Events done by both parties to each other, one per direction: by CAMEO code prefix, and by the trigger's first
   *  word ("clash"). */
  reciprocal: { codes: string[]; words: string[]; jointCodes: string[] };
  /** Verbs of going ("arrive", "leave for"): like a visit, their destination is their target and place. */
  visits: string[];
  /** Verbs of harm done to people ("kill", "wound"): a person or group as target makes the event news. */
  harmVerbs: string[];
  /** Things an attack can hit (buildings, vehicles, places): an attack on one is an act of force, whoever does it. */
  physicalTargets: string[];
  /** Agent nouns (lemmas) of crowds in protest: their fights are riots (145), force against them repression (175). */
  protesters: string[];
  /** Verbs that report a demonstration (141) when protesters are their subject ("gather", "take to the streets"). */
  assemblyVerbs: string[];
  /** Agent nouns (lemmas) of aircraft: their fights employ aerial weapons (195). */
  aerial: string[];
  /** Nouns of a lasting state (war, conflict): an event only with a participant of their own. */
  stateNouns: string[];
  /** Subjects that are no one: a flood or a disease that kills reports no event. */
  nonAgents: string[];
  /** Phrases that start with a trigger verb and are figures of speech ("shoot to fame", "battle it out"). */
  figurative: string[];
  /** Modifiers that make a conflict noun a figure of speech ("legal battle", "bidding war"). */
  figurativeModifiers: string[];
  /** Trades whose words make a trigger jargon: by the trigger's first word, the words of the sentence that do
   *  ("shoot" among film, footage, studio …). */
  jargon: Record<string, string[]>;
  /** Objects that make a violent verb a figure of speech ("fought cancer", "battled the blaze"). */
  figurativeObjects: string[];
}

// --- claims and stances -------------------------------------------------------------------------------------

/** Attribution vocabulary. Verbs are infinitives ("say", "point out"), nouns singular; the matcher inflects them. */
export interface ClaimCues {
  /** Reporting verbs: the subject is the source, the complement (that-clause, quotation, infinitive) the content. */
  verbs: string[];
  /** Reporting verbs that present what they report as uncertain (suggest, believe): also in `verbs`. */
  hedgingVerbs: string[];
  /** Nouns that attribute content to a possessor or a by/from/among phrase ("India's claim that …"). */
  nouns: string[];
  /** Phrases followed by the source: "according to", "in the words of". */
  sourcePhrases: string[];
  /** Verbs of sourceless impersonal passives: "it is believed that", "is said to". */
  impersonal: string[];
  /** Words and phrases that hedge a proposition (could, potentially, reportedly, "appear to"). */
  hedges: string[];
  /** Plural nouns naming groups that speak or take positions without a country: analysts, observers, critics. */
  groups: string[];
}

/** Stance vocabulary: what expresses support, opposition or a neutral position. */
export interface StanceCues {
  /** Verbs whose subject holds a position toward their object: condemn (oppose), welcome (support). */
  verbs: Record<Polarity, string[]>;
  /** Nouns of a position held by their possessor or by/from phrase: condemnation, support. */
  nouns: Record<Polarity, string[]>;
  /** Explicit positions: a position noun ("stance") qualified by an adjective of a polarity ("nuanced"). */
  positions: { nouns: string[]; adjectives: Record<Polarity, string[]> };
  /** CAMEO code prefixes whose events imply a position of their source toward their target (longest prefix wins). */
  events: { prefix: string; polarity: Polarity }[];
}

/** An actor the user adds through the config file (the PETRARCH test countries, a local militia …). */
export interface UserActor {
  name: string;
  aliases: string[];
  /** CAMEO-style code: a three-letter code for a country, longer for a sector or organization; null if none. Outside
   *  every dated role, this is the code. */
  code: string | null;
  type: ActorType;
  /** Dated roles (a minister from one day to another), as the Phoenix dictionaries give them: the role that covers the
   *  article's date codes the actor. Absent or empty when the actor has one code. */
  roles?: Role[];
}

/** Vocabulary added by the user on top of the bundled lexicons. */
export interface UserVocabulary {
  actors: UserActor[];
  events: TriggerEntry[];
}
