// What the claims model reads of a sentence: per token a coarse part of speech, the punctuation around it, whether the
// claim lexicon knows it and whether the rules made a cue of it; and from these the feature strings of the three
// decisions it makes (is this token part of a cue, is this token the source of that cue, is it in its content).
// Everything per token is computed once per sentence; the feature strings are built only for the tokens asked about.
// At inference the features are hashed from their parts (cueHashes, partHashes) without building their strings: the
// trainer and explain read the strings, and claims.test.ts checks that both give the same hashes.
import type { Token } from '../../nlp/create-nlp.js';
import { extendHash, hashFeature } from '../linear-model.js';
import type { SentenceView } from '../../extract/sentence-view.js';
import type { ClaimVocabulary } from '../../extract/cue-vocabulary.js';
import { matchPhrase, startsPhrase } from '../../extract/cue-vocabulary.js';

/** The model's labels: outside a cue, a cue's first token, a cue's further token, the source, the content. */
export const CLAIM_LABELS = ['other', 'cue-begin', 'cue-inside', 'source', 'content'] as const;
export const OTHER = 0;
export const CUE_BEGIN = 1;
export const CUE_INSIDE = 2;
export const SOURCE = 3;
export const CONTENT = 4;

/** A span of tokens, [from, to). */
export interface TokenSpan {
  from: number;
  to: number;
}

/** A cue the rules made, with how they read it (its reason slug). */
export interface RuleCue extends TokenSpan {
  reason: string;
}

const POS: readonly (readonly [string, string])[] = [
  ['Pronoun', 'PRP'],
  ['Modal', 'MD'],
  ['Copula', 'BE'],
  ['Auxiliary', 'AUX'],
  ['Gerund', 'VBG'],
  ['Participle', 'VBN'],
  ['PastTense', 'VBD'],
  ['Infinitive', 'VB'],
  ['PresentTense', 'VBZ'],
  ['Verb', 'V'],
  ['ProperNoun', 'NNP'],
  ['Plural', 'NNS'],
  ['Noun', 'NN'],
  ['Adjective', 'JJ'],
  ['Date', 'DATE'],
  ['Adverb', 'RB'],
  ['Preposition', 'IN'],
  ['Determiner', 'DT'],
  ['Conjunction', 'CC'],
  ['Value', 'CD'],
  ['QuestionWord', 'WH'],
];

/** A coarse part of speech from compromise's tags: the first of POS that the token has. */
export function coarseTag(t: Token): string {
  for (const [tag, name] of POS) if (t.tags.has(tag)) return name;
  return 'X';
}

/** The punctuation around a token, as a short code: an opening quote before it, and after it a closing quote, comma,
 *  colon, dash, bracket or sentence end. */
function punctuation(t: Token): string {
  // Most tokens stand between plain spaces: no pattern to try.
  if (t.pre === '' && (t.post === ' ' || t.post === '')) return '';
  let code = '';
  if (/[“"‘]/.test(t.pre)) code += '<q';
  if (/[([]/.test(t.pre)) code += '<(';
  const post = t.post;
  if (/[”"’]/.test(post)) code += 'q>';
  if (post.includes(',')) code += ',';
  if (post.includes(':')) code += ':';
  if (/[—–]|\s-\s/.test(post)) code += '-';
  if (/[)\]]/.test(post)) code += ')';
  if (/[.!?]/.test(post)) code += '.';
  if (/[;]/.test(post)) code += ';';
  return code;
}

/** How the claim lexicon knows a token: starts a reporting verb ("v"), a cue noun ("n"), a source phrase ("a"), or
 *  continues one ("+"); a hedge ("h"). */
function lexiconKinds(s: SentenceView, vocabulary: ClaimVocabulary): string[] {
  const kinds = s.tokens.map(() => '');
  const mark = (table: Parameters<typeof matchPhrase>[2], code: string): void => {
    for (let i = 0; i < s.tokens.length; i++) {
      if (!startsPhrase(s, i, table)) continue;
      const m = matchPhrase(s, i, table);
      if (!m) continue;
      kinds[i] += code;
      for (let k = i + 1; k < m.to; k++) kinds[k] += '+';
    }
  };
  mark(vocabulary.verbs, 'v');
  mark(vocabulary.nouns, 'n');
  mark(vocabulary.sourcePhrases, 'a');
  mark(vocabulary.hedges, 'h');
  for (let i = 0; i < s.tokens.length; i++) if (vocabulary.impersonal.has(s.norm(i))) kinds[i] += 'i';
  return kinds;
}

/** The hash of a feature's text so far followed by "|". */
function bar(hash: number): number {
  return extendHash(hash, '|');
}

/** The hashes of the constant beginnings of the cue features ("ww=" of `ww=${w1}|${w}`), and of the context features
 *  for each label before ("Lw=other|"). */
const C = {
  b: hashFeature('b'),
  w: hashFeature('w='),
  t: hashFeature('t='),
  w_1: hashFeature('w-1='),
  w1: hashFeature('w+1='),
  t_1: hashFeature('t-1='),
  t1: hashFeature('t+1='),
  ww: hashFeature('ww='),
  wn: hashFeature('wn='),
  ttt: hashFeature('ttt='),
  wt1: hashFeature('wt+1='),
  lex: hashFeature('lex='),
  lext: hashFeature('lext='),
  r: hashFeature('r='),
  rw: hashFeature('rw='),
  r_1: hashFeature('r-1='),
  r1: hashFeature('r+1='),
  p: hashFeature('p='),
  p_1: hashFeature('p-1='),
  pp: hashFeature('pp='),
  q: hashFeature('q='),
  pos: hashFeature('pos='),
  that: hashFeature('that='),
  L: CLAIM_LABELS.map((l) => hashFeature(`L=${l}`)),
  Lw: CLAIM_LABELS.map((l) => hashFeature(`Lw=${l}|`)),
  Lt: CLAIM_LABELS.map((l) => hashFeature(`Lt=${l}|`)),
  Lp: CLAIM_LABELS.map((l) => hashFeature(`Lp=${l}|`)),
};

/** The same for the part features, on each side of the cue (index 0 "L", 1 "R"): "Pw=L|", "Pd=R" … */
const sides = (name: string, end = '|'): number[] => ['L', 'R'].map((side) => hashFeature(`${name}=${side}${end}`));
const P = {
  p: hashFeature('P'),
  d: sides('Pd', ''),
  dt: sides('Pdt', ''),
  w: sides('Pw'),
  t: sides('Pt'),
  tt: sides('Ptt'),
  tn: sides('Ptn'),
  pu: sides('Pp'),
  pu1: sides('Pp-1'),
  b: sides('Pb'),
  bt: sides('Pbt'),
  bd: sides('Pbd', ''),
  cw: sides('Pcw'),
  cwt: sides('Pcwt'),
  cl: sides('Pcl'),
  q: sides('Pq'),
  a: sides('Pa'),
  n: sides('Pn'),
  nb: sides('Pnb'),
  e: sides('Pe'),
};

/** One sentence, read once for every decision the model makes in it. */
export class ClaimSentence {
  readonly n: number;
  readonly words: string[];
  readonly tags: string[];
  readonly punct: string[];
  readonly lexicon: string[];
  /** The rules' cue tag of each token: B, I or O, with the rule's reason on B. */
  readonly rule: string[];
  readonly quoted: boolean[];

  constructor(
    readonly view: SentenceView,
    vocabulary: ClaimVocabulary,
    quoted: ReadonlySet<Token>,
    ruleCues: readonly RuleCue[],
  ) {
    const { tokens } = view;
    this.n = tokens.length;
    this.words = tokens.map((_, k) => view.norm(k));
    this.tags = tokens.map(coarseTag);
    this.punct = tokens.map(punctuation);
    this.lexicon = lexiconKinds(view, vocabulary);
    this.quoted = tokens.map((t) => quoted.has(t));
    this.rule = tokens.map(() => 'O');
    for (const c of ruleCues) {
      this.rule[c.from] = `B:${c.reason}`;
      for (let k = c.from + 1; k < c.to; k++) this.rule[k] = 'I';
    }
  }

  /** Per token: a comma after it, a quotation mark around it, a finite verb, "that": counted from the sentence start,
   *  so that what lies between a token and a cue is two look-ups. */
  private counts: { comma: Int16Array; quote: Int16Array; verb: Int16Array; that: Int16Array } | undefined;

  private between(from: number, to: number): string {
    this.counts ??= this.count();
    const { comma, quote, verb, that } = this.counts;
    const has = (a: Int16Array): string => (a[to]! - a[from]! > 0 ? '1' : '0');
    return `c${has(comma)}q${has(quote)}v${has(verb)}t${has(that)}`;
  }

  private count(): { comma: Int16Array; quote: Int16Array; verb: Int16Array; that: Int16Array } {
    const n = this.n;
    const comma = new Int16Array(n + 1);
    const quote = new Int16Array(n + 1);
    const verb = new Int16Array(n + 1);
    const that = new Int16Array(n + 1);
    for (let k = 0; k < n; k++) {
      const p = this.punct[k]!;
      comma[k + 1] = comma[k]! + (p.includes(',') || p.includes(':') || p.includes('-') ? 1 : 0);
      quote[k + 1] = quote[k]! + (p.includes('q') ? 1 : 0);
      const t = this.tags[k]!;
      verb[k + 1] = verb[k]! + (t === 'VBD' || t === 'VBZ' || t === 'MD' || t === 'V' ? 1 : 0);
      that[k + 1] = that[k]! + (this.words[k] === 'that' ? 1 : 0);
    }
    return { comma, quote, verb, that };
  }

  /** The features of token j as a part of the claim whose cue is the tokens [from, to): its source, its content or
   *  neither. */
  partFeatures(j: number, cue: TokenSpan): string[] {
    const before = j < cue.from;
    const side = before ? 'L' : 'R';
    const d = before ? cue.from - j : j - cue.to + 1;
    const db = d <= 3 ? String(d) : d <= 5 ? '4' : d <= 10 ? '6' : '11';
    const w = this.word(j);
    const t = this.tag(j);
    const cw = this.words[cue.from]!;
    const lex = this.lexicon[cue.from]!.slice(0, 1);
    const between = before ? this.between(j, cue.from) : this.between(cue.to - 1, j);
    const actor = this.view.actorAt[j] ? 'A' : '';
    const next = this.word(cue.to);
    const sd = `${side}${db}`;
    return [
      'P',
      `Pd=${sd}`,
      `Pdt=${sd}|${t}`,
      `Pw=${side}|${w}`,
      `Pt=${side}|${t}`,
      `Ptt=${side}|${this.tag(j - 1)}|${t}`,
      `Ptn=${side}|${t}|${this.tag(j + 1)}`,
      `Pp=${side}|${this.punct[j]!}`,
      `Pp-1=${side}|${j > 0 ? this.punct[j - 1]! : '<s>'}`,
      `Pb=${side}|${between}`,
      `Pbt=${side}|${between}|${t}`,
      `Pbd=${sd}|${between}`,
      `Pcw=${side}|${cw}`,
      `Pcwt=${side}|${cw}|${t}`,
      `Pcl=${side}|${lex}|${this.rule[cue.from]!.slice(0, 1)}|${db}`,
      `Pq=${side}|${this.quoted[j] ? 'q' : ''}|${this.quoted[cue.from] ? 'q' : ''}`,
      `Pa=${side}|${actor}|${t}`,
      `Pn=${side}|${next}|${this.punct[cue.to - 1]!}`,
      `Pnb=${side}|${next}|${between}`,
      `Pe=${side}|${j === 0 ? 'first' : j === this.n - 1 ? 'last' : ''}`,
    ];
  }

  /** The hashes of partFeatures(j, cue), in their order, written to out from 0: the same sums in the model, without
   *  building the strings. Returns how many. */
  partHashes(j: number, cue: TokenSpan, out: Uint32Array): number {
    const before = j < cue.from;
    const s = before ? 0 : 1;
    const d = before ? cue.from - j : j - cue.to + 1;
    const db = d <= 3 ? String(d) : d <= 5 ? '4' : d <= 10 ? '6' : '11';
    const w = this.word(j);
    const t = this.tag(j);
    const cw = this.words[cue.from]!;
    const lex = this.lexicon[cue.from]!.slice(0, 1);
    const between = before ? this.between(j, cue.from) : this.between(cue.to - 1, j);
    const actor = this.view.actorAt[j] ? 'A' : '';
    const next = this.word(cue.to);
    out[0] = P.p;
    out[1] = extendHash(P.d[s]!, db);
    out[2] = extendHash(bar(extendHash(P.dt[s]!, db)), t);
    out[3] = extendHash(P.w[s]!, w);
    out[4] = extendHash(P.t[s]!, t);
    out[5] = extendHash(bar(extendHash(P.tt[s]!, this.tag(j - 1))), t);
    out[6] = extendHash(bar(extendHash(P.tn[s]!, t)), this.tag(j + 1));
    out[7] = extendHash(P.pu[s]!, this.punct[j]!);
    out[8] = extendHash(P.pu1[s]!, j > 0 ? this.punct[j - 1]! : '<s>');
    out[9] = extendHash(P.b[s]!, between);
    out[10] = extendHash(bar(extendHash(P.bt[s]!, between)), t);
    out[11] = extendHash(bar(extendHash(P.bd[s]!, db)), between);
    out[12] = extendHash(P.cw[s]!, cw);
    out[13] = extendHash(bar(extendHash(P.cwt[s]!, cw)), t);
    out[14] = extendHash(bar(extendHash(bar(extendHash(P.cl[s]!, lex)), this.rule[cue.from]!.slice(0, 1))), db);
    out[15] = extendHash(bar(extendHash(P.q[s]!, this.quoted[j] ? 'q' : '')), this.quoted[cue.from] ? 'q' : '');
    out[16] = extendHash(bar(extendHash(P.a[s]!, actor)), t);
    out[17] = extendHash(bar(extendHash(P.n[s]!, next)), this.punct[cue.to - 1]!);
    out[18] = extendHash(bar(extendHash(P.nb[s]!, next)), between);
    out[19] = extendHash(P.e[s]!, j === 0 ? 'first' : j === this.n - 1 ? 'last' : '');
    return 20;
  }

  /** A closed-class word that neither the claim lexicon nor the rules mark: it begins no cue. */
  closed(i: number): boolean {
    const t = this.tags[i]!;
    return (t === 'DT' || t === 'CC' || t === 'CD' || t === 'IN') && this.lexicon[i] === '' && this.rule[i] === 'O';
  }

  private word(k: number): string {
    return k < 0 ? '<s>' : k >= this.n ? '</s>' : this.words[k]!;
  }

  private tag(k: number): string {
    return k < 0 ? '<s>' : k >= this.n ? '</s>' : this.tags[k]!;
  }

  /** The features of token i as a cue token that do not depend on the label before it. */
  cueFeatures(i: number): string[] {
    const w = this.word(i);
    const t = this.tag(i);
    const w1 = this.word(i - 1);
    const t1 = this.tag(i - 1);
    const n1 = this.word(i + 1);
    const u1 = this.tag(i + 1);
    const rule = this.rule[i]!;
    const lex = this.lexicon[i]!;
    const p = this.punct[i]!;
    const p1 = i > 0 ? this.punct[i - 1]! : '<s>';
    const q = this.quoted[i] ? 'q' : '';
    const rest = i === this.n - 1 ? 'last' : i === 0 ? 'first' : i < 3 ? 'early' : '';
    const that = n1 === 'that' || this.word(i + 2) === 'that' ? 'that' : '';
    return [
      'b',
      `w=${w}`,
      `t=${t}`,
      `w-1=${w1}`,
      `w+1=${n1}`,
      `t-1=${t1}`,
      `t+1=${u1}`,
      `ww=${w1}|${w}`,
      `wn=${w}|${n1}`,
      `ttt=${t1}|${t}|${u1}`,
      `wt+1=${w}|${u1}`,
      `lex=${lex}`,
      `lext=${lex}|${t}`,
      `r=${rule}`,
      `rw=${rule.slice(0, 1)}|${w}`,
      `r-1=${i > 0 ? this.rule[i - 1]!.slice(0, 1) : '<s>'}`,
      `r+1=${i + 1 < this.n ? this.rule[i + 1]!.slice(0, 1) : '</s>'}`,
      `p=${p}`,
      `p-1=${p1}`,
      `pp=${p1}|${t}|${p}`,
      `q=${q}|${t}`,
      `pos=${rest}|${t}`,
      `that=${that}|${lex}`,
    ];
  }

  /** The hashes of cueFeatures(i) and then cueContext(this, i, previous), written to out from 0: the same sums in the
   *  model, without building the strings. Returns how many. */
  cueHashes(i: number, previous: number, out: Uint32Array): number {
    const w = this.word(i);
    const t = this.tag(i);
    const w1 = this.word(i - 1);
    const t1 = this.tag(i - 1);
    const n1 = this.word(i + 1);
    const u1 = this.tag(i + 1);
    const rule = this.rule[i]!;
    const lex = this.lexicon[i]!;
    const p = this.punct[i]!;
    const p1 = i > 0 ? this.punct[i - 1]! : '<s>';
    const rest = i === this.n - 1 ? 'last' : i === 0 ? 'first' : i < 3 ? 'early' : '';
    const that = n1 === 'that' || this.word(i + 2) === 'that' ? 'that' : '';
    out[0] = C.b;
    out[1] = extendHash(C.w, w);
    out[2] = extendHash(C.t, t);
    out[3] = extendHash(C.w_1, w1);
    out[4] = extendHash(C.w1, n1);
    out[5] = extendHash(C.t_1, t1);
    out[6] = extendHash(C.t1, u1);
    out[7] = extendHash(bar(extendHash(C.ww, w1)), w);
    out[8] = extendHash(bar(extendHash(C.wn, w)), n1);
    out[9] = extendHash(bar(extendHash(bar(extendHash(C.ttt, t1)), t)), u1);
    out[10] = extendHash(bar(extendHash(C.wt1, w)), u1);
    out[11] = extendHash(C.lex, lex);
    out[12] = extendHash(bar(extendHash(C.lext, lex)), t);
    out[13] = extendHash(C.r, rule);
    out[14] = extendHash(bar(extendHash(C.rw, rule.slice(0, 1))), w);
    out[15] = extendHash(C.r_1, i > 0 ? this.rule[i - 1]!.slice(0, 1) : '<s>');
    out[16] = extendHash(C.r1, i + 1 < this.n ? this.rule[i + 1]!.slice(0, 1) : '</s>');
    out[17] = extendHash(C.p, p);
    out[18] = extendHash(C.p_1, p1);
    out[19] = extendHash(bar(extendHash(bar(extendHash(C.pp, p1)), t)), p);
    out[20] = extendHash(bar(extendHash(C.q, this.quoted[i] ? 'q' : '')), t);
    out[21] = extendHash(bar(extendHash(C.pos, rest)), t);
    out[22] = extendHash(bar(extendHash(C.that, that)), lex);
    // cueContext
    out[23] = C.L[previous]!;
    out[24] = extendHash(C.Lw[previous]!, this.words[i]!);
    out[25] = extendHash(C.Lt[previous]!, this.tags[i]!);
    out[26] = extendHash(C.Lp[previous]!, i > 0 ? this.punct[i - 1]! : '');
    return 27;
  }
}

/** The label of the token before, joined with what most decides whether a cue goes on. */
export function cueContext(sentence: ClaimSentence, i: number, previous: number): string[] {
  const l = CLAIM_LABELS[previous]!;
  return [`L=${l}`, `Lw=${l}|${sentence.words[i]!}`, `Lt=${l}|${sentence.tags[i]!}`, `Lp=${l}|${i > 0 ? sentence.punct[i - 1]! : ''}`];
}

/** Reads the cues of a sentence left to right: each token takes the best label given the label before it (a cue
 *  goes on only after it began). `score` gives the labels' scores for a token's features. */
export function tagCues(sentence: ClaimSentence, score: (features: readonly string[]) => ArrayLike<number>, onToken?: (i: number, features: string[], label: number) => void): TokenSpan[] {
  let features: string[] = [];
  return walkCues(
    sentence,
    (i, previous) => score((features = [...sentence.cueFeatures(i), ...cueContext(sentence, i, previous)])),
    onToken && ((i, _previous, label) => onToken(i, features, label)),
  );
}

/** tagCues with the scores of token i after the label `previous` given by `score` (at inference: the model's scores
 *  of cueHashes, no string built). */
export function walkCues(sentence: ClaimSentence, score: (i: number, previous: number) => ArrayLike<number>, onToken?: (i: number, previous: number, label: number) => void): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let previous = OTHER;
  let open: TokenSpan | null = null;
  for (let i = 0; i < sentence.n; i++) {
    // Outside a cue, a determiner, conjunction, number or preposition that neither the lexicon nor the rules mark
    // begins none (in training too): most of a sentence's tokens are decided without a score.
    if (previous === OTHER && sentence.closed(i)) {
      if (open) spans.push(open);
      open = null;
      continue;
    }
    const s = score(i, previous);
    let label = s[CUE_BEGIN]! > s[OTHER]! ? CUE_BEGIN : OTHER;
    if (previous !== OTHER && s[CUE_INSIDE]! > s[label]!) label = CUE_INSIDE;
    onToken?.(i, previous, label);
    if (label === CUE_INSIDE && open) open.to = i + 1;
    else {
      if (open) spans.push(open);
      open = label === CUE_BEGIN ? { from: i, to: i + 1 } : null;
    }
    previous = label;
  }
  if (open) spans.push(open);
  return spans;
}

/** The parts of a claim the model reads around a cue: its source (a run of tokens, or none) and its content (the
 *  longest run, and a second run on the other side of the cue when a quotation is split by its attribution). */
export interface ClaimParts {
  source: TokenSpan | null;
  content: TokenSpan | null;
  continues: TokenSpan[];
}

/** The best of other, source and content in a token's scores; a tie goes to the first (as LinearModel.best). */
function bestPart(s: ArrayLike<number>): number {
  let best = OTHER;
  if (s[SOURCE]! > s[best]!) best = SOURCE;
  if (s[CONTENT]! > s[best]!) best = CONTENT;
  return best;
}

/** Labels every token outside the cue as source, content or neither, and joins them into spans: the source run
 *  nearest the cue, the content's longest run (a one-token gap does not break it). `score` gives the labels' scores
 *  of token j as a part of the claim (of partFeatures(j, cue), or at inference of partHashes). */
export function readParts(sentence: ClaimSentence, cue: TokenSpan, score: (j: number) => ArrayLike<number>): ClaimParts {
  const labels = new Int8Array(sentence.n);
  for (let j = 0; j < sentence.n; j++) labels[j] = j >= cue.from && j < cue.to ? OTHER : bestPart(score(j));
  const runs = (label: number, gap: number): TokenSpan[] => {
    const out: TokenSpan[] = [];
    for (let j = 0; j < sentence.n; j++) {
      if (labels[j] !== label) continue;
      const last = out[out.length - 1];
      const inCue = last !== undefined && last.to <= cue.from && j >= cue.to;
      if (last && j - last.to <= gap && !inCue) last.to = j + 1;
      else out.push({ from: j, to: j + 1 });
    }
    return out;
  };
  const distance = (r: TokenSpan): number => (r.to <= cue.from ? cue.from - r.to : r.from - cue.to);
  const sources = runs(SOURCE, 0).sort((a, b) => distance(a) - distance(b) || a.from - b.from);
  const contents = runs(CONTENT, 1).sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const content = contents[0] ?? null;
  const other = content ? contents.find((r) => r.to - r.from >= 3 && (r.to <= cue.from) !== (content.to <= cue.from)) : undefined;
  return { source: sources[0] ?? null, content, continues: other ? [other] : [] };
}

/** Words of a verb group that PolNeAR's cues take in before the reporting word: "has said", "did not respond",
 *  "could be expected", "also said". */
const GROUP_WORD = /^(has|have|had|is|are|was|were|be|been|being|am|did|does|do|will|would|could|can|should|may|might|must|not|n't|never|also|still|just|already|repeatedly|previously|often|now|then|again|once|later|even|only)$/;

/** Widens each cue back over the auxiliaries, negation and adverbs of its verb group that the tagger left out
 *  (the tagger often begins at the verb itself); a word that belongs to another cue, or a break, stops it. */
export function widenCues(sentence: ClaimSentence, spans: readonly TokenSpan[]): TokenSpan[] {
  return spans.map((span, n) => {
    const floor = n > 0 ? spans[n - 1]!.to : 0;
    let from = span.from;
    while (from > floor && GROUP_WORD.test(sentence.words[from - 1]!) && !/[,;:]/.test(sentence.punct[from - 1]!)) from--;
    return { from, to: span.to };
  });
}
