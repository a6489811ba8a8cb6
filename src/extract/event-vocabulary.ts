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
  verbs: PatternTable;
  nouns: PatternTable;
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
  // Thousands of entries share their words: inflect each word once.
  const verbForms = memo(inflect.verbForms);
  const nounForms = memo(inflect.nounForms);
  // The generated verbs repeat one object list across a whole synonym block: one set per distinct list, inflected
  // when a sentence first asks it (most of CAMEO 2.0's verbs never occur in a given article).
  const nounSets = new Map<string, ReadonlySet<string>>();
  const nounSet = (words: readonly string[]): ReadonlySet<string> => {
    const key = words.join('|');
    let set = nounSets.get(key);
    if (!set) nounSets.set(key, (set = words.length === 0 ? EMPTY : new LazyForms(words, nounForms)));
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
  // Triggers are filed by the set of forms of their first word (one set per word and way of inflecting it) and
  // compiled into patterns when a sentence first holds one of those forms: an article meets a few dozen of the
  // fifteen thousand.
  const verbDrafts = new Map<ReadonlySet<string>, Draft[]>();
  const nounDrafts = new Map<ReadonlySet<string>, Draft[]>();
  let seq = 0;
  const add = (entry: TriggerEntry, origin: PatternOrigin, assembly = false): void => {
    const parts = entry.words.split(' ');
    const first = entry.kind === 'verb' ? formsOf(parts[0]!, 'verb') : formsOf(parts[0]!, parts.length === 1 ? 'noun' : 'none');
    const drafts = entry.kind === 'verb' ? verbDrafts : nounDrafts;
    const list = drafts.get(first);
    const draft: Draft = { entry, origin, assembly, seq: seq++, pattern: null };
    if (list) list.push(draft);
    else drafts.set(first, [draft]);
  };
  const compile = (d: Draft): Pattern => {
    const { entry, origin, assembly } = d;
    const parts = entry.words.split(' ');
    const words = parts.map((word, k): ReadonlySet<string> => {
      if (entry.kind === 'verb') return formsOf(word, k === 0 ? 'verb' : 'none');
      return formsOf(word, k === parts.length - 1 ? 'noun' : 'none');
    });
    return { entry, words, object: nounSet(entry.object), after: afterSet(entry.after), origin, ...(assembly ? { assembly } : {}) };
  };
  for (const entry of vocabulary?.events ?? []) add(entry, 'config');
  for (const entry of lexicon.triggers) add(entry, 'lexicon');
  for (const entry of lexicon.cameoTriggers) add(entry, 'cameo');
  for (const words of lexicon.eventRules.assemblyVerbs) add({ code: '141', kind: 'verb', words, object: [], after: [] }, 'lexicon', true);
  const verbs = new PatternTable(verbDrafts, compile);
  const nouns = new PatternTable(nounDrafts, compile);

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

/** A trigger filed by the forms of its first word, with its pattern once compiled. */
interface Draft {
  entry: TriggerEntry;
  origin: PatternOrigin;
  assembly: boolean;
  /** Its place in the order triggers were read (config, events.yaml, CAMEO 2.0): lists keep it. */
  seq: number;
  pattern: Pattern | null;
}

/** The patterns whose first word takes a form, compiled on first look-up. A form two words share ("left": leave,
 *  left) lists the patterns of both in the order they were read, as if each had been filed under each of its forms. */
export class PatternTable {
  private readonly byForm = new Map<string, Draft[][]>();
  private readonly compiled = new Map<string, readonly Pattern[]>();

  constructor(
    drafts: ReadonlyMap<ReadonlySet<string>, Draft[]>,
    private readonly compile: (draft: Draft) => Pattern,
  ) {
    for (const [forms, list] of drafts) {
      for (const form of forms) {
        const held = this.byForm.get(form);
        if (held) held.push(list);
        else this.byForm.set(form, [list]);
      }
    }
  }

  get(form: string): readonly Pattern[] | undefined {
    let patterns = this.compiled.get(form);
    if (patterns) return patterns;
    const lists = this.byForm.get(form);
    if (!lists) return undefined;
    const drafts = lists.length === 1 ? lists[0]! : lists.flat().sort((x, y) => x.seq - y.seq);
    patterns = drafts.map((d) => (d.pattern ??= this.compile(d)));
    this.compiled.set(form, patterns);
    return patterns;
  }
}

/** A set of inflected forms made on first use. */
class LazyForms implements ReadonlySet<string> {
  private forms: Set<string> | null = null;
  constructor(
    private readonly words: readonly string[],
    private readonly inflect: (word: string) => string[],
  ) {}
  private get set(): Set<string> {
    return (this.forms ??= new Set(this.words.flatMap(this.inflect)));
  }
  get size(): number {
    return this.set.size;
  }
  has(form: string): boolean {
    return this.set.has(form);
  }
  forEach(f: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    this.set.forEach((v) => f(v, v, this));
  }
  entries(): SetIterator<[string, string]> {
    return this.set.entries();
  }
  keys(): SetIterator<string> {
    return this.set.keys();
  }
  values(): SetIterator<string> {
    return this.set.values();
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.set.values();
  }
}

const EMPTY: ReadonlySet<string> = new Set();

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
