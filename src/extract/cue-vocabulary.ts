// Compiles the claim and stance lexicons (lexicons/claims.yaml, lexicons/stances.yaml) into phrase tables keyed by
// inflected word forms, once per annotator, and matches them against a sentence: a look-up per token, no parsing.
import type { Polarity } from '../model/annotation.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { Inflect } from './event-vocabulary.js';
import type { SentenceView } from './sentence-view.js';

/** A word or phrase compiled: the accepted forms of each of its words, and what it stands for. */
export interface Phrase<T> {
  /** The phrase as the lexicon writes it ("say", "point out", "according to"). */
  lemma: string;
  words: ReadonlySet<string>[];
  value: T;
}

/** Phrases by a form of their first word. */
export type PhraseTable<T> = ReadonlyMap<string, Phrase<T>[]>;

export interface ClaimVocabulary {
  /** Reporting verbs; the value says whether the verb hedges what it reports. */
  verbs: PhraseTable<{ hedging: boolean }>;
  nouns: PhraseTable<null>;
  sourcePhrases: PhraseTable<null>;
  /** Past participles of the impersonal verbs ("believed", "said"). */
  impersonal: ReadonlySet<string>;
  hedges: PhraseTable<null>;
}

export interface StanceVocabulary {
  verbs: PhraseTable<Polarity>;
  nouns: PhraseTable<Polarity>;
  positionNouns: PhraseTable<null>;
  positionAdjectives: ReadonlyMap<string, Polarity>;
  /** The polarity a coded event implies, by CAMEO code: the longest listed prefix decides. */
  eventPolarity(code: string): Polarity | null;
}

type Inflection = 'verb' | 'noun' | 'none';

/** Verbs inflect their first word ("pointed out"), nouns their last ("peace activists"), other phrases nothing. */
export function phraseTable<T>(entries: Iterable<readonly [string, T]>, inflection: Inflection, inflect: Inflect): PhraseTable<T> {
  const table = new Map<string, Phrase<T>[]>();
  for (const [lemma, value] of entries) {
    const parts = lemma.split(' ');
    const words = parts.map((word, k): ReadonlySet<string> => {
      if (inflection === 'verb' && k === 0) return new Set(inflect.verbForms(word));
      if (inflection === 'noun' && k === parts.length - 1) return new Set(inflect.nounForms(word));
      return new Set([word]);
    });
    const phrase: Phrase<T> = { lemma, words, value };
    for (const form of words[0]!) table.set(form, [...(table.get(form) ?? []), phrase]);
  }
  return table;
}

/** Whether a phrase of the table begins with token i's word: matchPhrase finds nothing where this is false, so a
 *  caller tests it before the grammar checks that decide whether to match at all. */
export function startsPhrase<T>(s: SentenceView, i: number, table: PhraseTable<T>): boolean {
  return table.has(s.norm(i)) || table.has(s.tokens[i]?.normal ?? '');
}

/** The longest phrase of the table that starts at token i and runs over consecutive words of one clause. */
export function matchPhrase<T>(s: SentenceView, i: number, table: PhraseTable<T>): { phrase: Phrase<T>; to: number } | null {
  const candidates = table.get(s.norm(i)) ?? table.get(s.tokens[i]?.normal ?? '');
  if (!candidates) return null;
  let best: { phrase: Phrase<T>; to: number } | null = null;
  for (const phrase of candidates) {
    let k = i;
    const ok = phrase.words.every((forms, n) => {
      if (k >= s.tokens.length || (n > 0 && s.breaksAfter(k - 1))) return false;
      if (!forms.has(s.norm(k)) && !forms.has(s.tokens[k]!.normal)) return false;
      k++;
      return true;
    });
    if (ok && (!best || k > best.to)) best = { phrase, to: k };
  }
  return best;
}

export function compileClaimVocabulary(lexicon: Lexicon, inflect: Inflect): ClaimVocabulary {
  const cues = lexicon.claims;
  const hedging = new Set(cues.hedgingVerbs);
  const none = (list: readonly string[]): [string, null][] => list.map((w) => [w, null]);
  return {
    verbs: phraseTable(cues.verbs.map((v) => [v, { hedging: hedging.has(v) }] as const), 'verb', inflect),
    nouns: phraseTable(none(cues.nouns), 'noun', inflect),
    sourcePhrases: phraseTable(none(cues.sourcePhrases), 'none', inflect),
    impersonal: new Set(cues.impersonal.flatMap((v) => inflect.verbForms(v))),
    hedges: phraseTable(none(cues.hedges), 'none', inflect),
  };
}

export function compileStanceVocabulary(lexicon: Lexicon, inflect: Inflect): StanceVocabulary {
  const cues = lexicon.stances;
  const byPolarity = (map: Record<Polarity, string[]>): [string, Polarity][] =>
    (Object.entries(map) as [Polarity, string[]][]).flatMap(([polarity, words]) => words.map((w): [string, Polarity] => [w, polarity]));
  const prefixes = [...cues.events].sort((a, b) => b.prefix.length - a.prefix.length);
  return {
    verbs: phraseTable(byPolarity(cues.verbs), 'verb', inflect),
    nouns: phraseTable(byPolarity(cues.nouns), 'noun', inflect),
    positionNouns: phraseTable(cues.positions.nouns.map((n) => [n, null] as const), 'noun', inflect),
    positionAdjectives: new Map(byPolarity(cues.positions.adjectives)),
    eventPolarity: (code) => prefixes.find((p) => code.startsWith(p.prefix))?.polarity ?? null,
  };
}
