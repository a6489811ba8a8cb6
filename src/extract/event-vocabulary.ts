// Compiles the event lexicon (lexicons/events.yaml, lexicons/cameo.yaml) and the user's event words into look-up
// tables keyed by inflected word forms, once per annotator: matching a sentence is then map look-ups, no parsing.
import type { CameoEntry, Lexicon, TriggerEntry, UserVocabulary } from '../lexicon/lexicon.js';
import { phraseTable } from './cue-vocabulary.js';
import type { PhraseTable } from './cue-vocabulary.js';

/** Inflection, supplied by the nlp layer (compromise's conjugator), so that this module stays free of compromise. */
export interface Inflect {
  verbForms(infinitive: string): string[];
  nounForms(singular: string): string[];
}

/** A trigger compiled: the accepted forms of each of its words, and its constraints as sets. */
export interface Pattern {
  entry: TriggerEntry;
  words: ReadonlySet<string>[];
  object: ReadonlySet<string>;
  after: ReadonlySet<string>;
  /** Where it comes from: the user's config, then the hand-kept events.yaml, then the generated CAMEO 2.0 verbs; at
   *  equal constraint and length, the higher rank wins. */
  origin: PatternOrigin;
  /** An assembly verb (events.yaml assembly_verbs): a demonstration only with protesters as its subject. */
  assembly?: boolean;
}

export type PatternOrigin = 'config' | 'lexicon' | 'cameo';

export const ORIGIN_RANK: Record<PatternOrigin, number> = { config: 2, lexicon: 1, cameo: 0 };

export interface EventVocabulary {
  /** Patterns by a form of their first word. */
  verbs: ReadonlyMap<string, Pattern[]>;
  nouns: ReadonlyMap<string, Pattern[]>;
  /** Light verbs ("hold", "carry out"), by a form of their first word. */
  light: PhraseTable<null>;
  /** Forms of the verbs whose subject receives a reaction ("drew condemnation"). */
  receive: ReadonlySet<string>;
  /** Whether a trigger's events go both ways ("met", "clashed", "signed an agreement"): by code, then by word. */
  isReciprocal(pattern: Pattern): boolean;
  /** Whether a compound source that does it does it to each other ("A and B renewed ties"). */
  isJoint(pattern: Pattern): boolean;
  /** Whether its destination is its target and place: a visit, an arrival ("arrived in India"). */
  movesTo(pattern: Pattern): boolean;
  /** Whether it is harm done to people ("killed", "wounded"): a person or group as target makes it news. */
  harms(pattern: Pattern): boolean;
  /** Forms of the things an attack can hit (buildings, vehicles, places). */
  physicalTargets: ReadonlySet<string>;
  /** Whether an actor is a crowd in protest ("protesters", "Palestinian rioters"), by the last word of its name. */
  isProtester(f: { ref: { list: string; key: string } }): boolean;
  /** Whether an actor is aircraft ("warplanes", "Russian jets"), by the noun its key ends with. */
  isAerial(f: { ref: { list: string; key: string } }): boolean;
  /** Whether a noun trigger names a lasting state (war, conflict) rather than an occurrence. */
  isState(pattern: Pattern): boolean;
  /** Forms of the nouns that are no one when they kill or destroy (tsunami, flood, disease). */
  nonAgents: ReadonlySet<string>;
  /** Figures of speech that start with a trigger verb ("shoot to fame", "battle it out"). */
  figurative: PhraseTable<null>;
  figurativeModifiers: ReadonlySet<string>;
  /** The words that make a trigger jargon, by the trigger's first word ("shoot" among film words). */
  jargon: ReadonlyMap<string, ReadonlySet<string>>;
  /** Forms of the objects that make a violent verb a figure of speech ("fought cancer"). */
  figurativeObjects: ReadonlySet<string>;
  codebook: ReadonlyMap<string, CameoEntry>;
}

export function compileEventVocabulary(lexicon: Lexicon, vocabulary: UserVocabulary | undefined, inflect: Inflect): EventVocabulary {
  const verbs = new Map<string, Pattern[]>();
  const nouns = new Map<string, Pattern[]>();
  // Thousands of entries share their words: inflect each word once.
  const verbForms = memo(inflect.verbForms);
  const nounForms = memo(inflect.nounForms);
  // The generated verbs repeat one object list across a whole synonym block: one set per distinct list.
  const nounSets = new Map<string, Set<string>>();
  const nounSet = (words: readonly string[]): Set<string> => {
    const key = words.join('|');
    let set = nounSets.get(key);
    if (!set) nounSets.set(key, (set = new Set(words.flatMap(nounForms))));
    return set;
  };
  // … and one set of forms per word and way of inflecting it: fifteen thousand patterns share a few thousand words.
  const formSets = new Map<string, ReadonlySet<string>>();
  const formsOf = (word: string, inflected: 'verb' | 'noun' | 'none'): ReadonlySet<string> => {
    const key = `${inflected}:${word}`;
    let set = formSets.get(key);
    if (!set) formSets.set(key, (set = new Set(inflected === 'verb' ? verbForms(word) : inflected === 'noun' ? nounForms(word) : [word])));
    return set;
  };
  const afterSets = new Map<string, ReadonlySet<string>>();
  const afterSet = (words: readonly string[]): ReadonlySet<string> => {
    const key = words.join('|');
    let set = afterSets.get(key);
    if (!set) afterSets.set(key, (set = new Set(words)));
    return set;
  };
  const add = (entry: TriggerEntry, origin: PatternOrigin, assembly = false): void => {
    const parts = entry.words.split(' ');
    const words = parts.map((word, k): ReadonlySet<string> => {
      if (entry.kind === 'verb') return formsOf(word, k === 0 ? 'verb' : 'none');
      return formsOf(word, k === parts.length - 1 ? 'noun' : 'none');
    });
    const pattern: Pattern = { entry, words, object: nounSet(entry.object), after: afterSet(entry.after), origin, ...(assembly ? { assembly } : {}) };
    const map = entry.kind === 'verb' ? verbs : nouns;
    for (const form of words[0]!) {
      const list = map.get(form);
      if (list) list.push(pattern);
      else map.set(form, [pattern]);
    }
  };
  for (const entry of vocabulary?.events ?? []) add(entry, 'config');
  for (const entry of lexicon.triggers) add(entry, 'lexicon');
  for (const entry of lexicon.cameoTriggers) add(entry, 'cameo');
  for (const words of lexicon.eventRules.assemblyVerbs) add({ code: '141', kind: 'verb', words, object: [], after: [] }, 'lexicon', true);

  const light = phraseTable(lexicon.lightVerbs.map((v) => [v, null] as const), 'verb', inflect);
  const receive = new Set(lexicon.receiveVerbs.flatMap((v) => inflect.verbForms(v)));
  const rules = lexicon.eventRules;
  const reciprocalWords = new Set(rules.reciprocal.words);
  const states = new Set(rules.stateNouns);
  const visits = new Set(rules.visits);
  const harm = new Set(rules.harmVerbs);
  const protesters = new Set(rules.protesters);
  const aerial = new Set(rules.aerial);
  const none = (list: readonly string[]): [string, null][] => list.map((w) => [w, null]);
  return {
    verbs,
    nouns,
    light,
    receive,
    // By code only for the words of the hand table and the bare verbs of CAMEO 2.0 ("meet", "confer"): a generated
    // object pattern with such a code ("send" + message → 040) is no meeting.
    isReciprocal: (p) => (bySense(p) && rules.reciprocal.codes.some((c) => p.entry.code.startsWith(c))) || reciprocalWords.has(p.entry.words),
    isJoint: (p) => bySense(p) && rules.reciprocal.jointCodes.some((c) => p.entry.code.startsWith(c)),
    movesTo: (p) => p.entry.code.startsWith('042') || visits.has(p.entry.words),
    harms: (p) => p.entry.kind === 'verb' && harm.has(p.entry.words),
    physicalTargets: nounSet(rules.physicalTargets),
    // An agent's key ends with its noun ("agent:OPP:protesters", "office:GRCOPP:protesters"); a name would not
    // ("protesters in Lagos").
    isProtester: (f) => agentNoun(f, protesters),
    isAerial: (f) => agentNoun(f, aerial),
    isState: (p) => p.entry.kind === 'noun' && states.has(p.entry.words.split(' ').pop()!),
    nonAgents: nounSet(rules.nonAgents),
    figurative: phraseTable(none(rules.figurative), 'verb', inflect),
    figurativeModifiers: new Set(rules.figurativeModifiers),
    jargon: new Map(Object.entries(rules.jargon).map(([word, words]) => [word, new Set(words)])),
    figurativeObjects: nounSet(rules.figurativeObjects),
    codebook: new Map(lexicon.cameo.map((c) => [c.code, c])),
  };
}

function memo(f: (word: string) => string[]): (word: string) => string[] {
  const cache = new Map<string, string[]>();
  return (word) => {
    let forms = cache.get(word);
    if (!forms) cache.set(word, (forms = f(word)));
    return forms;
  };
}

/** Whether a pattern's code speaks for its words: any entry of the hand table or the config, a bare CAMEO 2.0 verb. */
function bySense(p: Pattern): boolean {
  return p.origin !== 'cameo' || p.object.size === 0;
}

/** Whether an actor is named by an agent noun of the list. An agent's key ends with its noun ("agent:OPP:protesters",
 *  "office:GRCOPP:protesters"); its name may not ("protesters in Lagos"). */
function agentNoun(f: { ref: { list: string; key: string } }, nouns: ReadonlySet<string>): boolean {
  if (f.ref.list !== 'actors' || !/^(agent|office)/.test(f.ref.key)) return false;
  const noun = f.ref.key.split(':').pop() ?? '';
  return nouns.has(lastWord(noun)) || nouns.has(singular(noun));
}

/** A phrase with its last word singular by the regular rule: "fighter jets" → fighter jet. */
function singular(phrase: string): string {
  return phrase.endsWith('s') && !phrase.endsWith('ss') ? phrase.slice(0, -1) : phrase;
}

/** The last word of a phrase, lower case and singular by the regular rule: "riot protesters" → protester. */
function lastWord(name: string): string {
  const word = name.toLowerCase().split(/\s+/).pop() ?? '';
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
