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
  /** From the user's config: preferred over the bundled lexicon. */
  user: boolean;
}

export interface EventVocabulary {
  /** Patterns by a form of their first word. */
  verbs: ReadonlyMap<string, Pattern[]>;
  nouns: ReadonlyMap<string, Pattern[]>;
  /** Light verbs ("hold", "carry out"), by a form of their first word. */
  light: PhraseTable<null>;
  /** Forms of the verbs whose subject receives a reaction ("drew condemnation"). */
  receive: ReadonlySet<string>;
  codebook: ReadonlyMap<string, CameoEntry>;
}

export function compileEventVocabulary(lexicon: Lexicon, vocabulary: UserVocabulary | undefined, inflect: Inflect): EventVocabulary {
  const verbs = new Map<string, Pattern[]>();
  const nouns = new Map<string, Pattern[]>();
  const nounSet = (words: readonly string[]): Set<string> => new Set(words.flatMap((w) => inflect.nounForms(w)));
  const add = (entry: TriggerEntry, user: boolean): void => {
    const parts = entry.words.split(' ');
    const words = parts.map((word, k): ReadonlySet<string> => {
      if (entry.kind === 'verb') return new Set(k === 0 ? inflect.verbForms(word) : [word]);
      return new Set(k === parts.length - 1 ? inflect.nounForms(word) : [word]);
    });
    const pattern: Pattern = { entry, words, object: nounSet(entry.object), after: new Set(entry.after), user };
    const map = entry.kind === 'verb' ? verbs : nouns;
    for (const form of words[0]!) {
      const list = map.get(form);
      if (list) list.push(pattern);
      else map.set(form, [pattern]);
    }
  };
  for (const entry of vocabulary?.events ?? []) add(entry, true);
  for (const entry of lexicon.triggers) add(entry, false);

  const light = phraseTable(lexicon.lightVerbs.map((v) => [v, null] as const), 'verb', inflect);
  const receive = new Set(lexicon.receiveVerbs.flatMap((v) => inflect.verbForms(v)));
  return { verbs, nouns, light, receive, codebook: new Map(lexicon.cameo.map((c) => [c.code, c])) };
}
