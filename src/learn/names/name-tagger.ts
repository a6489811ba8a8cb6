// The learned names layer's tagger: a greedy left-to-right BIO tagger over compromise's tokens (labels B/I × PER,
// ORG, LOC, MISC, and O), the previous label as a feature. What the trainer learns from and what inference runs are
// the same functions here, so the features cannot drift apart. The features are the word, its shape and affixes, its
// neighbours, compromise's tags, our lexicon's hits, the article's own evidence (the word written in lower case
// elsewhere) and the rules' verdict on the token (the type classify-names gave the span it is in).
import type { Token } from '../../nlp/create-nlp.js';
import type { LexiconIndex } from '../../lexicon/index-lexicon.js';
import { extendHash, hashFeature } from '../linear-model.js';
import type { LinearModel } from '../linear-model.js';

export const NAME_LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type NameType = 'PER' | 'ORG' | 'LOC' | 'MISC';
const O = 0;

/** The rules' verdict on one token: the type of the finding it is in, and the rule that made it. */
export interface RuleMark {
  /** person, organization, country, group, place-city, place-region, … */
  type: string;
  /** The token begins the finding. */
  begins: boolean;
  reason: string;
  strength: string;
}

/** A sentence as the tagger reads it. */
export interface TagInput {
  tokens: readonly Token[];
  /** The rules' verdict per token (undefined: in no finding). */
  rules: readonly (RuleMark | undefined)[];
}

/** What the whole article says about its words. */
export interface ArticleEvidence {
  /** Words (lower case) written in lower case somewhere in the article. */
  lower: ReadonlySet<string>;
  /** Words (lower case) written capitalised somewhere other than the start of a sentence. */
  capitalised: ReadonlySet<string>;
  /** The article reports sport. */
  sports: boolean;
}

/** A span the tagger found: token indexes in its sentence, and its type. */
export interface TaggedSpan {
  first: number;
  last: number;
  type: NameType;
  /** The features of the decision on its first token, for explain (made on demand). */
  features(): string[];
  label: number;
  margin: number;
}

const UPPER_START = /^\p{Lu}/u;
const HAS_LETTER = /\p{L}/u;
const POSSESSIVE = /['’]s$/i;
const BREAK = /[,.;:!?()[\]{}"“”«»|/\\—–]/;

/** The compromise tags worth a feature: names, and the parts of speech that say a capital is not one. */
const TAGS = [
  'ProperNoun', 'Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific', 'Place', 'City', 'Country',
  'Region', 'Organization', 'Acronym', 'Demonym', 'Noun', 'Plural', 'Verb', 'Adjective', 'Adverb', 'Value', 'Date',
  'Title', 'CapitalCity', 'CountryName', 'Determiner', 'Preposition', 'Pronoun', 'Conjunction', 'Possessive',
];

/** The word without a possessive ending. */
export function bareWord(t: Token): string {
  return POSSESSIVE.test(t.text) ? t.text.slice(0, -2) : t.text;
}

/** The word's shape: upper → X, lower → x, digit → d, runs of one kind written once ("U.S." → X.X., "McCain" → XxXx). */
export function shape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    // ASCII without changing case (the same answers, and most words are ASCII).
    const code = ch.charCodeAt(0);
    const c =
      code < 128
        ? code >= 48 && code <= 57 ? 'd' : code >= 65 && code <= 90 ? 'X' : code >= 97 && code <= 122 ? 'x' : ch
        : ch >= '0' && ch <= '9' ? 'd' : ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch;
    if (c !== last) out += c;
    last = c;
    if (out.length > 8) break;
  }
  return out;
}

/** The article's evidence about its words, from its sentences. */
export function articleEvidence(sentences: readonly (readonly Token[])[], sports: boolean): ArticleEvidence {
  return evidenceOfFacts(sentences, sentences.map(sentenceFacts), sports);
}

/** The article's evidence from its sentences and their facts (sentenceFacts), computed once for the tagger too. */
export function evidenceOfFacts(sentences: readonly (readonly Token[])[], facts: readonly SentenceFacts[], sports: boolean): ArticleEvidence {
  const lower = new Set<string>();
  const capitalised = new Set<string>();
  sentences.forEach((tokens, s) => {
    const { words, lowers, shouted } = facts[s]!;
    if (shouted) return;
    for (let i = 0; i < tokens.length; i++) {
      const w = words[i]!;
      if (!HAS_LETTER.test(w)) continue;
      if (UPPER_START.test(w)) {
        if (i > 0 && !/[:"“‘(]\s*$/.test(tokens[i - 1]!.post)) capitalised.add(lowers[i]!);
      } else lower.add(lowers[i]!);
    }
  });
  return { lower, capitalised, sports };
}

/** A sentence written in capitals (a headline): case says nothing there. */
export function isShouted(tokens: readonly Token[]): boolean {
  let words = 0;
  let upper = 0;
  for (const t of tokens) {
    if (!/\p{L}{2}/u.test(t.text)) continue;
    words++;
    if (t.text === t.text.toUpperCase()) upper++;
  }
  return words >= 3 && upper / words >= 0.8;
}

/** Per-sentence facts the features of every token read: computed once. */
export interface SentenceFacts {
  words: string[];
  lowers: string[];
  /** Each word's shape, made when a feature first reads it (shapeAt): most tokens are never decided. */
  shapes: (string | undefined)[];
  shouted: boolean;
}

export function sentenceFacts(tokens: readonly Token[]): SentenceFacts {
  const words = tokens.map(bareWord);
  return { words, lowers: words.map((w) => w.toLowerCase()), shapes: new Array<string | undefined>(words.length).fill(undefined), shouted: isShouted(tokens) };
}

function shapeAt(facts: SentenceFacts, i: number): string {
  return (facts.shapes[i] ??= shape(facts.words[i]!));
}

/** Whether the tagger decides this token (otherwise it is O): a capitalised word, or a word right after a name. */
function decides(word: string, previous: number): boolean {
  return previous !== O || UPPER_START.test(word);
}

function ruleFeature(mark: RuleMark | undefined): string {
  return mark ? `${mark.begins ? 'B' : 'I'}-${mark.type}` : 'O';
}

/** The features of token i, given the previous token's label. */
export function tokenFeatures(input: TagInput, facts: SentenceFacts, i: number, previous: number, index: LexiconIndex, article: ArticleEvidence): string[] {
  const t = input.tokens[i]!;
  const { words, lowers } = facts;
  const w = words[i]!;
  const lw = lowers[i]!;
  const sh = shapeAt(facts, i);
  const pl = NAME_LABELS[previous]!;
  const mark = input.rules[i];
  const rule = ruleFeature(mark);
  const f: string[] = [
    'bias',
    `w=${w}`,
    `lw=${lw}`,
    `sh=${sh}`,
    `p3=${lw.slice(0, 3)}`,
    `s3=${lw.slice(-3)}`,
    `pl=${pl}`,
    `pl|sh=${pl}|${sh}`,
    `r=${rule}`,
    `pl|r=${pl}|${rule}`,
    `w-1=${i > 0 ? lowers[i - 1] : '<s>'}`,
    `w+1=${i + 1 < words.length ? lowers[i + 1] : '</s>'}`,
    `sh-1=${i > 0 ? shapeAt(facts, i - 1) : '<s>'}`,
    `sh+1=${i + 1 < words.length ? shapeAt(facts, i + 1) : '</s>'}`,
    `w-2=${i > 1 ? lowers[i - 2] : '<s>'}`,
    `w+2=${i + 2 < words.length ? lowers[i + 2] : '</s>'}`,
    `r+1=${ruleFeature(input.rules[i + 1])}`,
  ];
  if (i === 0) f.push('first');
  if (facts.shouted) f.push('shouted', `shouted|r=${rule}`);
  const post = t.post.trim();
  if (post) f.push(`post=${post.slice(0, 2)}`);
  const pre = t.pre.trim();
  if (pre) f.push(`pre=${pre.slice(-2)}`);
  if (POSSESSIVE.test(t.text)) f.push('poss');
  for (const tag of TAGS) if (t.tags.has(tag)) f.push(`t=${tag}`);
  const hits = index.lookup(w);
  for (let k = 0; k < hits.length && k < 3; k++) f.push(`lx=${hits[k]!.kind}`);
  if (index.isStopName(w)) f.push('stop');
  if (index.titleSector(w) !== undefined) f.push('title');
  if (mark) f.push(`rr=${mark.reason}`, `rs=${mark.strength}`);
  if (article.lower.has(lw)) f.push('doc-lower', `doc-lower|sh=${sh}`);
  if (article.capitalised.has(lw)) f.push('doc-cap');
  if (article.sports) f.push(`sports|r=${rule}`, `sports|w=${w}`);
  return f;
}

/** Whether label l may follow label p: an I-X only after B-X or I-X. */
function allowedAfter(previous: number): (label: number) => boolean {
  return (label) => {
    if (label === O || label % 2 === 1) return true;
    return previous === label || previous === label - 1;
  };
}
const ALLOWED = NAME_LABELS.map((_, p) => allowedAfter(p));

/** Something that scores labels: the trained model at inference, the perceptron while training. */
export interface Scorer {
  best(features: readonly string[], allowed: (label: number) => boolean): { label: number; margin: number };
}

/** One decision of the walk: the label chosen for token i, and its margin. */
type Choose = (i: number, previous: number, allowed: (label: number) => boolean) => { label: number; margin: number };

/** The greedy left-to-right walk over a sentence, the same for training and both ways of scoring. */
function walk(input: TagInput, facts: SentenceFacts, choose: Choose, features: (i: number, previous: number) => string[]): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let previous = O;
  let open: TaggedSpan | null = null;
  for (let i = 0; i < input.tokens.length; i++) {
    let label = O;
    if (decides(facts.words[i]!, previous)) {
      // Punctuation between two words ends a name ("Foley (Munster)"), except an initial's full stop.
      const broken = i > 0 && ((BREAK.test(input.tokens[i - 1]!.post) && !/^\p{Lu}$/u.test(facts.words[i - 1]!)) || BREAK.test(input.tokens[i]!.pre));
      const best = choose(i, previous, ALLOWED[broken ? O : previous]!);
      label = best.label;
      if (label !== O && label % 2 === 1) {
        const at = i;
        const before = previous;
        open = { first: i, last: i, type: NAME_LABELS[label]!.slice(2) as NameType, features: () => features(at, before), label, margin: best.margin };
        spans.push(open);
      } else if (label !== O && open) open.last = i;
    }
    if (label === O) open = null;
    previous = label;
  }
  return spans;
}

/**
 * Tags one sentence greedily. `learn`, when given, is called with each decided token's features, its gold label and
 * the predicted one (training on the tagger's own predictions, so it sees its mistakes), and decoding goes on from the
 * prediction.
 */
export function tagSentence(
  input: TagInput,
  scorer: Scorer,
  index: LexiconIndex,
  article: ArticleEvidence,
  learn?: { gold: readonly number[]; update(features: string[], gold: number, predicted: number): void },
): TaggedSpan[] {
  const facts = sentenceFacts(input.tokens);
  const featuresOf = (i: number, previous: number) => tokenFeatures(input, facts, i, previous, index, article);
  return walk(
    input,
    facts,
    (i, previous, allowed) => {
      const features = featuresOf(i, previous);
      const best = scorer.best(features, allowed);
      if (learn) learn.update(features, learn.gold[i]!, best.label);
      return best;
    },
    featuresOf,
  );
}

/**
 * Tags one sentence as tagSentence does with the model as its scorer, the same labels and margins, without building a
 * feature string: each feature is hashed from the hashes of its constant parts (tokenHashes). Inference runs this;
 * training keeps the strings.
 */
export function tagSentenceByHashes(input: TagInput, facts: SentenceFacts, model: LinearModel, index: LexiconIndex, article: ArticleEvidence): TaggedSpan[] {
  return walk(
    input,
    facts,
    (i, previous, allowed) => bestOf(model.scoresOfHashes(HASHES, tokenHashes(input, facts, i, previous, index, article, HASHES)), allowed),
    (i, previous) => tokenFeatures(input, facts, i, previous, index, article),
  );
}

/** The best allowed label and its margin over the runner-up, as LinearModel.best: ties go to the lower index. */
function bestOf(scores: Float64Array, allowed: (label: number) => boolean): { label: number; margin: number } {
  let best = -1;
  let second = -Infinity;
  for (let l = 0; l < scores.length; l++) {
    if (!allowed(l)) continue;
    if (best < 0 || scores[l]! > scores[best]!) {
      if (best >= 0) second = Math.max(second, scores[best]!);
      best = l;
    } else second = Math.max(second, scores[l]!);
  }
  return { label: best, margin: second === -Infinity ? Infinity : scores[best]! - second };
}

/** The hashes of a token's features, reused by every decision (at most 64 features a token). */
const HASHES = new Uint32Array(96);

const h = hashFeature;
const H_BIAS = h('bias');
const H_W = h('w=');
const H_LW = h('lw=');
const H_SH = h('sh=');
const H_P3 = h('p3=');
const H_S3 = h('s3=');
const H_R = h('r=');
const H_W_1 = h('w-1=');
const H_W1 = h('w+1=');
const H_SH_1 = h('sh-1=');
const H_SH1 = h('sh+1=');
const H_W_2 = h('w-2=');
const H_W2 = h('w+2=');
const H_R1 = h('r+1=');
const H_FIRST = h('first');
const H_SHOUTED = h('shouted');
const H_SHOUTED_R = h('shouted|r=');
const H_POST = h('post=');
const H_PRE = h('pre=');
const H_POSS = h('poss');
const H_TAGS = TAGS.map((tag) => h(`t=${tag}`));
const H_LX = h('lx=');
const H_STOP = h('stop');
const H_TITLE = h('title');
const H_RR = h('rr=');
const H_RS = h('rs=');
const H_DOC_LOWER = h('doc-lower');
const H_DOC_LOWER_SH = h('doc-lower|sh=');
const H_DOC_CAP = h('doc-cap');
const H_SPORTS_R = h('sports|r=');
const H_SPORTS_W = h('sports|w=');
/** Per previous label: "pl=<label>", "pl|sh=<label>|", "pl|r=<label>|". */
const H_PL = NAME_LABELS.map((pl) => h(`pl=${pl}`));
const H_PL_SH = NAME_LABELS.map((pl) => h(`pl|sh=${pl}|`));
const H_PL_R = NAME_LABELS.map((pl) => h(`pl|r=${pl}|`));
const S = '<s>';
const E = '</s>';

/** The hash of prefix + ruleFeature(mark). */
function ruleHash(prefix: number, mark: RuleMark | undefined): number {
  return mark ? extendHash(extendHash(prefix, mark.begins ? 'B-' : 'I-'), mark.type) : extendHash(prefix, 'O');
}

/**
 * The hashes of tokenFeatures(input, facts, i, previous, index, article), written into out; returns their count. The
 * same multiset as the strings' hashes (names.test.ts checks it), so the model's scores are the same sums.
 */
export function tokenHashes(input: TagInput, facts: SentenceFacts, i: number, previous: number, index: LexiconIndex, article: ArticleEvidence, out: Uint32Array): number {
  const t = input.tokens[i]!;
  const { words, lowers } = facts;
  const n = words.length;
  const w = words[i]!;
  const lw = lowers[i]!;
  const sh = shapeAt(facts, i);
  const mark = input.rules[i];
  const x = extendHash;
  let k = 0;
  out[k++] = H_BIAS;
  out[k++] = x(H_W, w);
  out[k++] = x(H_LW, lw);
  out[k++] = x(H_SH, sh);
  out[k++] = x(H_P3, lw.slice(0, 3));
  out[k++] = x(H_S3, lw.slice(-3));
  out[k++] = H_PL[previous]!;
  out[k++] = x(H_PL_SH[previous]!, sh);
  out[k++] = ruleHash(H_R, mark);
  out[k++] = ruleHash(H_PL_R[previous]!, mark);
  out[k++] = x(H_W_1, i > 0 ? lowers[i - 1]! : S);
  out[k++] = x(H_W1, i + 1 < n ? lowers[i + 1]! : E);
  out[k++] = x(H_SH_1, i > 0 ? shapeAt(facts, i - 1) : S);
  out[k++] = x(H_SH1, i + 1 < n ? shapeAt(facts, i + 1) : E);
  out[k++] = x(H_W_2, i > 1 ? lowers[i - 2]! : S);
  out[k++] = x(H_W2, i + 2 < n ? lowers[i + 2]! : E);
  out[k++] = ruleHash(H_R1, input.rules[i + 1]);
  if (i === 0) out[k++] = H_FIRST;
  if (facts.shouted) {
    out[k++] = H_SHOUTED;
    out[k++] = ruleHash(H_SHOUTED_R, mark);
  }
  const post = t.post.trim();
  if (post) out[k++] = x(H_POST, post.slice(0, 2));
  const pre = t.pre.trim();
  if (pre) out[k++] = x(H_PRE, pre.slice(-2));
  if (POSSESSIVE.test(t.text)) out[k++] = H_POSS;
  for (let j = 0; j < TAGS.length; j++) if (t.tags.has(TAGS[j]!)) out[k++] = H_TAGS[j]!;
  const hits = index.lookup(w);
  for (let j = 0; j < hits.length && j < 3; j++) out[k++] = x(H_LX, hits[j]!.kind);
  if (index.isStopName(w)) out[k++] = H_STOP;
  if (index.titleSector(w) !== undefined) out[k++] = H_TITLE;
  if (mark) {
    out[k++] = x(H_RR, mark.reason);
    out[k++] = x(H_RS, mark.strength);
  }
  if (article.lower.has(lw)) {
    out[k++] = H_DOC_LOWER;
    out[k++] = x(H_DOC_LOWER_SH, sh);
  }
  if (article.capitalised.has(lw)) out[k++] = H_DOC_CAP;
  if (article.sports) {
    out[k++] = ruleHash(H_SPORTS_R, mark);
    out[k++] = x(H_SPORTS_W, w);
  }
  return k;
}

/** The gold labels of a sentence's tokens from character spans; counts the spans that do not fall on token edges. */
export function goldLabels(tokens: readonly Token[], entities: readonly { start: number; end: number; type: string }[]): { labels: number[]; misaligned: number; aligned: number } {
  const labels = tokens.map(() => O);
  let misaligned = 0;
  let aligned = 0;
  for (const e of entities) {
    const inside: number[] = [];
    for (let i = 0; i < tokens.length; i++) if (tokens[i]!.start < e.end && tokenEnd(tokens[i]!) > e.start) inside.push(i);
    if (inside.length === 0) continue;
    const first = inside[0]!;
    const last = inside[inside.length - 1]!;
    if (tokens[first]!.start === e.start && tokenEnd(tokens[last]!) === e.end) aligned++;
    else misaligned++;
    const b = NAME_LABELS.indexOf(`B-${e.type}` as (typeof NAME_LABELS)[number]);
    if (b < 0) continue;
    inside.forEach((i, k) => (labels[i] = k === 0 ? b : b + 1));
  }
  return { labels, misaligned, aligned };
}

/** Where a token's name ends: before a possessive 's. */
export function tokenEnd(t: Token): number {
  return POSSESSIVE.test(t.text) ? t.end - 2 : t.end;
}
