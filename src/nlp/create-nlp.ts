// The only module that imports compromise. It teaches compromise our vocabulary through the plugin API (words and
// tags) and turns a parse into plain tokens with UTF-16 offsets, so that the extractors never see compromise itself.
import nlp from 'compromise';
import type { Lexicon } from '../lexicon/lexicon.js';

/** A word as the extractors see it. Offsets are UTF-16 units into the full article text. */
export interface Token {
  /** The word as written, without surrounding punctuation or whitespace. */
  text: string;
  /** Lower-cased, normalised form (compromise's `normal`; a possessive keeps its 's). */
  normal: string;
  /** Punctuation and whitespace before and after the word. */
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
  start: number;
  end: number;
  /** Sentence index and position in the sentence. */
  sentence: number;
  index: number;
}

export interface ParsedText {
  sentences: Token[][];
}

export type ParseFn = (body: string, offset: number) => ParsedText;

/** Tags our plugin adds to compromise's tag set. */
const TAGS = {
  Title: { isA: 'Noun' },
  CountryName: { isA: 'Country' },
  CapitalCity: { isA: 'City' },
} as const;

/** compromise keeps one global lexicon, so a plugin is installed once per vocabulary per process. */
const installed = new Map<string, ParseFn>();

export function createParser(lexicon: Lexicon): ParseFn {
  const cached = installed.get(lexicon.hash);
  if (cached) return cached;
  if (installed.size > 0) {
    // A second, different vocabulary in the same process would merge into the first: refuse rather than mislead.
    throw new Error('annotate: a different lexicon is already installed in this process');
  }
  nlp.plugin({ tags: TAGS, words: buildWords(lexicon) });
  const parse: ParseFn = (body, offset) => toTokens(nlp(body), offset);
  installed.set(lexicon.hash, parse);
  return parse;
}

/** compromise's own lexicon before our words, to avoid turning common words into places ("Reading", "Nice"). */
function buildWords(lexicon: Lexicon): Record<string, string> {
  const known = (nlp.model() as { one: { lexicon: Record<string, string> } }).one.lexicon;
  const words: Record<string, string> = {};
  const add = (name: string, tag: string, override = false): void => {
    const key = name.toLowerCase().replace(/[’]/g, "'");
    if (!/[a-z]/.test(key)) return;
    const existing = known[key];
    // Single common words keep compromise's reading; multi-word names and unknown words are ours.
    if (!override && !key.includes(' ') && existing !== undefined && !PROPER.has(existing)) return;
    words[key] = tag;
  };
  for (const c of lexicon.cities) {
    add(c.name, 'City');
    for (const a of c.aliases) add(a, 'City');
  }
  for (const r of lexicon.regions) {
    const tag = r.type === 'water' || r.type === 'facility' || r.type === 'other' ? 'Place' : 'Region';
    add(r.name.replace(/^the /i, ''), tag);
    for (const a of r.aliases) add(a.replace(/^the /i, ''), tag);
    for (const d of r.demonyms) add(d, 'Demonym');
  }
  for (const c of lexicon.countries) {
    add(c.name.replace(/^the /i, ''), 'CountryName', true);
    for (const a of c.aliases) if (a.length > 2 || a.includes('.')) add(a.replace(/^the /i, ''), 'CountryName');
    for (const cap of c.capitals) add(cap, 'CapitalCity');
    for (const d of c.demonyms) add(d, 'Demonym');
  }
  for (const o of lexicon.organizations) {
    add(o.name.replace(/^the /i, ''), 'Organization');
    for (const a of o.aliases) if (a.length > 1) add(a.replace(/^the /i, ''), 'Organization');
  }
  for (const t of lexicon.titles) if (t.title.includes(' ')) add(t.title, 'Title');
  return words;
}

const PROPER = new Set([
  'Country', 'City', 'Region', 'Place', 'Organization', 'Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName',
  'ProperNoun', 'Demonym', 'Acronym', 'Noun', 'Singular', 'Plural',
]);

interface CompromiseTerm {
  text: string;
  normal: string;
  pre: string;
  post: string;
  tags: Set<string>;
  offset: { start: number; length: number };
}

function toTokens(doc: ReturnType<typeof nlp>, offset: number): ParsedText {
  doc.compute('offset');
  const document = (doc as unknown as { document: CompromiseTerm[][] }).document;
  const sentences: Token[][] = [];
  for (const terms of document) {
    const sentence = sentences.length;
    const tokens: Token[] = [];
    for (const t of terms) {
      if (t.text === '') continue;
      const start = offset + t.offset.start;
      tokens.push({
        text: t.text,
        normal: t.normal,
        pre: t.pre,
        post: t.post,
        tags: t.tags,
        start,
        end: start + t.text.length,
        sentence,
        index: tokens.length,
      });
    }
    if (tokens.length > 0) sentences.push(tokens);
  }
  return { sentences };
}
