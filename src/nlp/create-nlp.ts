// The only module that imports compromise. It teaches compromise our vocabulary through the plugin API (words and
// tags) and turns a parse into plain tokens with UTF-16 offsets, so that the extractors never see compromise itself.
import { createRequire } from 'node:module';
import type compromise from 'compromise';
import datesPlugin from 'compromise-dates';
import type { Lexicon } from '../lexicon/lexicon.js';

// compromise's one-file build (what `require` resolves to) rather than the 456 modules its `import` resolves to: the
// same code of the same pinned version, loaded in two thirds of the time (0.13 s less at every process start).
// compromise-dates stays an import: its one-file build bundles an older spacetime than the one installed.
const nlp = createRequire(import.meta.url)('compromise') as typeof compromise;

// compromise-dates without its hook: the date taggers then run only where we ask for dates (sentences that report an
// event), instead of on every parse, which costs a quarter of compromise's time on news.
nlp.extend({ ...datesPlugin, hooks: [] });

// compromise's last step on every parse groups words into noun and verb chunks; nothing of ours reads them (the
// extractors chunk names and phrases themselves), and the step is a fifteenth of the parse.
const hooks = (nlp.world() as unknown as { hooks: string[] }).hooks;
if (hooks.includes('chunks')) hooks.splice(hooks.indexOf('chunks'), 1);

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
  const parse: ParseFn = (body, offset) => toTokens(retagLowerCaseNames(nlp(body)), offset);
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

/**
 * compromise reads some verbs as first names whatever their case: "which drew condemnation" tags "drew" as a person.
 * A name in news is capitalised, so a lower-case "name" is the verb it spells.
 */
function retagLowerCaseNames(doc: ReturnType<typeof nlp>): ReturnType<typeof nlp> {
  // Most articles have no such word: a look at the tags finds that out for a fraction of what the match costs.
  if (!hasLowerCaseName(doc)) return doc;
  const names = doc.match('(#Person|#FirstName)').not('@isTitleCase');
  if (names.found) names.unTag('Person').unTag('FirstName').unTag('ProperNoun').tag('Verb', 'lower-case-name-is-a-verb');
  return doc;
}

/** Whether a word tagged as a name is not in title case (compromise's @isTitleCase test, on the same text). */
function hasLowerCaseName(doc: ReturnType<typeof nlp>): boolean {
  for (const terms of (doc as unknown as { document: CompromiseTerm[][] }).document) {
    for (const t of terms) if ((t.tags.has('Person') || t.tags.has('FirstName')) && !TITLE_CASE.test(t.text)) return true;
  }
  return false;
}

const TITLE_CASE = /^\p{Lu}[a-z'\u00C0-\u00FF]/u;

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
      if (t.text === '') {
        // A contraction's hidden half: "didn't" is "did" + an empty "not". Keep the negation on the word written.
        const previous = tokens[tokens.length - 1];
        if (previous && t.tags.has('Negative')) previous.tags = new Set([...previous.tags, 'Negative']);
        continue;
      }
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

type Transform = {
  verb: { conjugate(word: string, model: unknown): Record<string, string> };
  noun: { toPlural(word: string, model: unknown): string };
};

function transforms(): { t: Transform; model: unknown } {
  const world = nlp.world() as unknown as { methods: { two: { transform: Transform } }; model: unknown };
  return { t: world.methods.two.transform, model: world.model };
}

/** Every inflected form of a verb given in the infinitive: visit → visits, visited, visiting. */
export function verbForms(infinitive: string): string[] {
  const { t, model } = transforms();
  const forms = new Set([infinitive]);
  for (const [tense, form] of Object.entries(t.verb.conjugate(infinitive, model))) {
    if (tense !== 'FutureTense' && form && !form.includes(' ')) forms.add(form);
  }
  // The conjugator leaves some regular verbs uninflected ("tweet", "rumor", "slam"): add the regular forms then.
  if (forms.size < 4 && /^[a-z]+$/.test(infinitive)) {
    const stem = infinitive.replace(/e$/, '');
    const doubled = /[^aeiou][aeiou][bdgmnprt]$/.test(infinitive) && infinitive.length <= 4 ? infinitive + infinitive.slice(-1) : stem;
    forms.add(/(s|sh|ch|x|z)$/.test(infinitive) ? `${infinitive}es` : /[^aeiou]y$/.test(infinitive) ? `${infinitive.slice(0, -1)}ies` : `${infinitive}s`);
    forms.add(/[^aeiou]y$/.test(infinitive) ? `${infinitive.slice(0, -1)}ied` : `${doubled}ed`);
    forms.add(`${doubled}ing`);
  }
  return [...forms];
}

/** A noun and its plural (or, for a plural-only noun written as such, itself): airstrike → airstrikes. */
export function nounForms(noun: string): string[] {
  const { t, model } = transforms();
  return [...new Set([noun, t.noun.toPlural(noun, model)])];
}

/** A date expression in a sentence, resolved against an anchor date. */
export interface DateMention {
  text: string;
  /** ISO date of the first day. */
  date: string;
  /** Length in days (1 for "on Thursday", 7 for "next week"). */
  days: number;
  /** The expression is a bare weekday ("Thursday", "on Monday"), which news uses for the nearest such day. */
  weekday: boolean;
}

interface DateJson {
  text: string;
  dates?: { start?: string; end?: string };
}

const DAY_MS = 86_400_000;

/** Dates a sentence mentions, resolved by compromise-dates against `anchor` (YYYY-MM-DD), never against today. */
export function findDates(sentence: string, anchor: string): DateMention[] {
  const doc = nlp(sentence) as unknown as { compute(name: string): { dates(o: object): { json(): DateJson[] } } };
  const out: DateMention[] = [];
  for (const d of doc.compute('dates').dates({ today: anchor, timezone: 'UTC' }).json()) {
    const start = d.dates?.start;
    const end = d.dates?.end;
    if (!start || !end) continue;
    const days = Math.round((Date.parse(end) - Date.parse(start)) / DAY_MS);
    const text = d.text.trim().replace(/[.,;:!?]+$/, '');
    out.push({ text, date: start.slice(0, 10), days, weekday: /^(on )?(mon|tues|wednes|thurs|fri|satur|sun)day$/i.test(text) });
  }
  return out;
}
