/* eslint-disable @typescript-eslint/no-unused-expressions -- a feature is a tagged template sent to a sink (sink.f`w=${word}`): a statement by design */
// One sentence as the learned stances model reads it: what each word is (its form, tags, rating in the evaluative
// word list, negation before it, our stance lexicon and our rules' verdict on it), and the spans that can be the target
// or the holder of an evaluative expression, each with the features that describe it relative to the expression.
// Training (src/train/train-stances.ts) and inference (read-stances.ts) build the very same features from it. Pure:
// a sentence view and the stages' findings in, feature strings out; everything per word is computed once.
import type { Polarity } from '../../model/annotation.js';
import type { StanceVocabulary } from '../../extract/cue-vocabulary.js';
import { matchPhrase, startsPhrase } from '../../extract/cue-vocabulary.js';
import type { EventFinding } from '../../extract/find-events.js';
import type { SentenceView } from '../../extract/sentence-view.js';
import { headOf, phraseEndingAt, phraseStartingAt, verbGroup } from '../../extract/sentence-view.js';
import type { Valences } from './evaluative-words.js';
import { FNV_OFFSET, extendHash } from '../linear-model.js';

/** A span of the sentence's tokens, [from, to). */
export interface TokenSpan {
  from: number;
  to: number;
}

/** A possible target or holder of an expression: its tokens (null: the writer, for a holder) and its features. */
export interface Candidate {
  span: TokenSpan | null;
  features: string[];
}

/** A value in a feature: written as a template literal writes it. */
type Part = string | number | boolean;

/** Where the features of one decision go, each written as a tagged template (f`w=${word}`, at most four values): as
 *  strings (training, explain) or as their hashes (inference), which are extendHash over the same parts, so the hash of
 *  a feature equals hashFeature of its string without the string being built. */
export interface FeatureSink {
  f(parts: TemplateStringsArray, a?: Part, b?: Part, c?: Part, d?: Part): void;
}

/** The features as strings, as the trainer and explain read them. */
export class FeatureStrings implements FeatureSink {
  readonly list: string[] = [];

  f(parts: TemplateStringsArray, a?: Part, b?: Part, c?: Part, d?: Part): void {
    const n = parts.length - 1;
    let s = parts[0]!;
    if (n > 0) s += `${a}${parts[1]}`;
    if (n > 1) s += `${b}${parts[2]}`;
    if (n > 2) s += `${c}${parts[3]}`;
    if (n > 3) s += `${d}${parts[4]}`;
    this.list.push(s);
  }
}

/** The hash of each feature's text before its first value, by call site (a tagged template's parts are one array per
 *  site). */
const PREFIXES = new WeakMap<TemplateStringsArray, number>();

/** The features as hashes, in a buffer reused from one decision to the next (reset). */
export class FeatureHashes implements FeatureSink {
  hashes = new Uint32Array(64);
  count = 0;

  reset(): void {
    this.count = 0;
  }

  f(parts: TemplateStringsArray, a?: Part, b?: Part, c?: Part, d?: Part): void {
    const n = parts.length - 1;
    let h = PREFIXES.get(parts);
    if (h === undefined) PREFIXES.set(parts, (h = extendHash(FNV_OFFSET, parts[0]!)));
    if (n > 0) h = extendHash(extendHash(h, typeof a === 'string' ? a : String(a)), parts[1]!);
    if (n > 1) h = extendHash(extendHash(h, typeof b === 'string' ? b : String(b)), parts[2]!);
    if (n > 2) h = extendHash(extendHash(h, typeof c === 'string' ? c : String(c)), parts[3]!);
    if (n > 3) h = extendHash(extendHash(h, typeof d === 'string' ? d : String(d)), parts[4]!);
    if (this.count === this.hashes.length) {
      const grown = new Uint32Array(2 * this.count);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.count++] = h;
  }
}

/** The candidates of one decision (a target's or a holder's): their spans, and each one's features on demand. */
export interface CandidateSet {
  readonly spans: readonly (TokenSpan | null)[];
  features(i: number, sink: FeatureSink): void;
}

function toCandidates(set: CandidateSet): Candidate[] {
  return set.spans.map((span, i) => {
    const sink = new FeatureStrings();
    set.features(i, sink);
    return { span, features: sink.list };
  });
}

/** What the rules made of a word: the polarity of a stance whose cue covers it. */
export interface RuleVerdict {
  cue: TokenSpan;
  polarity: Polarity;
  target: TokenSpan | null;
  holder: TokenSpan | null;
}

export interface StanceSentenceInputs {
  s: SentenceView;
  /** The sentence's coded events. */
  events: readonly EventFinding[];
  /** The stances the rules read in the sentence, in tokens. */
  rules: readonly RuleVerdict[];
  vocabulary: StanceVocabulary;
  valences: Valences;
}

// Word lists as sets: the same answers as the anchored alternations they were, without running a regular expression
// per word.
const NEGATION = new Set(['not', 'never', "n't", 'no', 'without', 'nor', 'neither', 'hardly', 'barely', 'refuse', 'refused', 'refuses', 'refusing', 'declined', 'fail', 'failed', 'fails', 'lack', 'lacks', 'lacked']);
const THAT = new Set(['that', 'to', 'whether', 'how', 'what', 'if']);
const SPEECH = new Set(['say', 'says', 'said', 'saying', 'tell', 'told', 'tells', 'telling', 'add', 'added', 'adds', 'adding', 'state', 'stated', 'states', 'note', 'noted', 'notes', 'according', 'insist', 'insisted', 'insists', 'claim', 'claimed', 'claims', 'warn', 'warned', 'warns', 'believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'argue', 'argued', 'argues', 'declare', 'declared', 'declares', 'announce', 'announced', 'announces']);
/** How many words away from an expression its target or holder may start or end. */
const WINDOW = 20;
/** Clause-opening words: a word after them starts a new clause for the windows of evaluative words. */
const OPENS_CLAUSE = new Set(['but', 'while', 'whereas', 'although', 'though', 'because', 'since', 'however']);

/** Word classes in a few letters: enough for features, cheaper than the tag set. */
function wordClass(s: SentenceView, k: number): string {
  const tags = s.tokens[k]!.tags;
  if (tags.has('Auxiliary') || tags.has('Modal') || tags.has('Copula')) return 'A';
  if (tags.has('Pronoun')) return 'PR';
  if (tags.has('Verb')) return tags.has('Gerund') ? 'VG' : tags.has('PastTense') ? 'VD' : 'V';
  if (tags.has('ProperNoun')) return 'NP';
  if (tags.has('Noun')) return tags.has('Plural') ? 'NS' : 'N';
  if (tags.has('Adjective')) return 'J';
  if (tags.has('Adverb')) return 'R';
  if (tags.has('Preposition')) return 'P';
  if (tags.has('Determiner')) return 'D';
  if (tags.has('Conjunction')) return 'C';
  if (tags.has('Value')) return 'CD';
  return 'X';
}

/** A rating in one of six bands, or '' for a word the list does not rate. */
function band(v: number | undefined): string {
  if (v === undefined) return '';
  if (v <= -2) return 'n2';
  if (v < 0) return 'n1';
  if (v >= 2) return 'p2';
  return 'p1';
}

function distance(d: number): string {
  return d <= 2 ? String(d) : d <= 4 ? '3-4' : d <= 7 ? '5-7' : d <= 12 ? '8-12' : '13+';
}

function length(n: number): string {
  return n <= 1 ? '1' : n <= 3 ? '2-3' : n <= 6 ? '4-6' : n <= 12 ? '7-12' : '13+';
}

/** The sum of ratings in a window, as a sign and a size. */
function tone(sum: number): string {
  return sum <= -2 ? 'neg2' : sum < -0.5 ? 'neg' : sum >= 2 ? 'pos2' : sum > 0.5 ? 'pos' : 'none';
}

export class StanceSentence {
  readonly s: SentenceView;
  readonly size: number;
  /** Per token: the lower-case form, word class, rating band, negation before it, lexicon and rule polarity. */
  private readonly word: string[];
  private readonly cls: string[];
  private readonly rating: (number | undefined)[];
  private readonly negated: boolean[];
  private readonly lexicon: string[];
  private readonly rule: (RuleVerdict | undefined)[];
  /** Running sums of ratings, reset at clause breaks: the tone of the words after a token. */
  private readonly after: string[];
  /** The noun phrases of the sentence, left to right, with their parts ("the banning of dishes in Iran" → "the
   *  banning", "dishes in Iran", "Iran"). */
  private phraseList: TokenSpan[] | undefined;

  constructor(private readonly x: StanceSentenceInputs) {
    const { s } = x;
    this.s = s;
    const n = s.tokens.length;
    this.size = n;
    this.word = s.tokens.map((_, k) => s.norm(k));
    this.cls = s.tokens.map((_, k) => wordClass(s, k));
    this.rating = this.word.map((w) => x.valences.get(w));
    const negation = this.word.map((w, k) => NEGATION.has(w) || s.tokens[k]!.tags.has('Negative'));
    this.negated = this.word.map((_, k) => {
      for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
        if (negation[j]) return true;
        if (s.breaksAfter(j)) break;
      }
      return false;
    });
    this.lexicon = new Array<string>(n).fill('');
    const tables = [
      [x.vocabulary.verbs, 'v'],
      [x.vocabulary.nouns, 'n'],
    ] as const;
    for (let k = 0; k < n; k++) {
      for (const [table, kind] of tables) {
        if (!startsPhrase(s, k, table)) continue;
        const m = matchPhrase(s, k, table);
        if (m) for (let j = k; j < m.to; j++) this.lexicon[j] ||= `${kind}:${m.phrase.value}`;
      }
      const adjective = x.vocabulary.positionAdjectives.get(this.word[k]!);
      if (adjective) this.lexicon[k] ||= `j:${adjective}`;
    }
    this.rule = new Array<RuleVerdict | undefined>(n).fill(undefined);
    for (const r of x.rules) for (let j = r.cue.from; j < r.cue.to; j++) this.rule[j] ??= r;
    this.after = new Array<string>(n);
    let sum = 0;
    for (let k = n - 1; k >= 0; k--) {
      this.after[k] = tone(sum);
      const v = this.rating[k];
      if (v !== undefined) sum += this.negated[k] ? -v / 2 : v;
      if (s.breaksAfter(k - 1, false) || OPENS_CLAUSE.has(this.word[k]!)) sum = 0;
    }
  }

  /** Whether token k is (part of) a phrase of our stance lexicon with a negation before it ("did not condemn"): the
   *  rules read it as no stance. */
  deniedInLexicon(k: number): boolean {
    return this.lexicon[k] !== '' && this.negated[k]!;
  }

  /** Whether token k can be (part of) an evaluative expression the tagger reads: a content word that names no one. */
  eligible(k: number): boolean {
    const c = this.cls[k]!;
    if (c === 'D' || c === 'P' || c === 'C' || c === 'CD' || c === 'PR' || c === 'A') return false;
    if (this.s.actorAt[k] || this.s.placeAt[k]) return false;
    return /\p{L}/u.test(this.s.tokens[k]!.text);
  }

  /** The tagger's features of token k: is it (part of) an expression of support or opposition? */
  tokenFeatures(k: number): string[] {
    const sink = new FeatureStrings();
    this.tokenFeaturesTo(k, sink);
    return sink.list;
  }

  /** The tagger's features of token k, into a sink. */
  tokenFeaturesTo(k: number, sink: FeatureSink): void {
    const { word: w, cls: c } = this;
    const prev = k > 0 ? w[k - 1]! : '<s>';
    const next = k + 1 < this.size ? w[k + 1]! : '</s>';
    const b = band(this.rating[k]);
    const neg = this.negated[k] ? 'neg' : 'pos';
    const rule = this.rule[k];
    const wk = w[k]!;
    const ck = c[k]!;
    sink.f`bias`;
    sink.f`w=${wk}`;
    sink.f`c=${ck}`;
    sink.f`w-1=${prev}`;
    sink.f`w+1=${next}`;
    sink.f`c-1=${k > 0 ? c[k - 1]! : '<s>'}|c=${ck}`;
    sink.f`c+1=${k + 1 < this.size ? c[k + 1]! : '</s>'}|c=${ck}`;
    sink.f`w|w+1=${wk}|${next}`;
    sink.f`w-1|w=${prev}|${wk}`;
    sink.f`b=${b}|${neg}`;
    sink.f`b=${b}|c=${ck}`;
    sink.f`w|after=${wk}|${this.after[k]!}`;
    sink.f`c|after=${ck}|${this.after[k]!}|${neg}`;
    sink.f`lex=${this.lexicon[k]!}|${neg}`;
    sink.f`rule=${rule ? rule.polarity : ''}`;
    if (b !== '') sink.f`w|neg=${wk}|${neg}`;
  }

  /** The noun phrases of the sentence and their parts, computed once. */
  phrases(): readonly TokenSpan[] {
    if (this.phraseList) return this.phraseList;
    const { s } = this;
    const out: TokenSpan[] = [];
    const seen = new Set<string>();
    const add = (p: TokenSpan): void => {
      const key = `${p.from}:${p.to}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(p);
      }
    };
    const parts = (p: TokenSpan, depth: number): void => {
      add(p);
      const head = headOf(s, p.from, p.to);
      if (head >= p.to - 1 || depth > 2) return;
      add({ from: p.from, to: head + 1 });
      const rest = phraseStartingAt(s, head + 2);
      if (rest && rest.to <= p.to) parts(rest, depth + 1);
    };
    for (let k = 0; k < s.tokens.length; ) {
      const p = phraseStartingAt(s, k);
      if (p) {
        parts(p, 0);
        k = p.to;
      } else k++;
    }
    out.sort((a, b) => a.from - b.from || b.to - a.to);
    this.phraseList = out;
    return out;
  }

  /** The CAMEO root of the event whose trigger covers token k, or ''. */
  private eventRootAt(k: number): string {
    const t = this.s.tokens[k]!;
    const e = this.x.events.find((ev) => ev.start < t.end && t.start < ev.end);
    return e ? e.code.slice(0, 2) : '';
  }

  /** Whether a phrase lies outside the expression [a, b) and within WINDOW words of it: a target or a holder
   *  further off is rare, and each candidate costs its features. */
  private near(a: number, b: number, p: TokenSpan): boolean {
    return p.to <= a ? a - p.to <= WINDOW : p.from >= b && p.from - b <= WINDOW;
  }

  /** Where the clause around token k ends (exclusive): a strong break or the sentence's end, at most 30 words on. */
  private clauseEnd(k: number): number {
    const { s } = this;
    let e = k;
    while (e < this.size - 1 && e - k < 30 && !s.breaksAfter(e, false)) e++;
    return e + 1;
  }

  /** The subject phrase of the verb at token k, as the rules find it. */
  private subjectOf(k: number): TokenSpan | null {
    const group = verbGroup(this.s, k);
    let end = group.subjectEnd;
    if (end >= 0 && /^(who|which|that)$/.test(this.word[end]!)) end--;
    return phraseEndingAt(this.s, end);
  }

  /** What lies between the expression [a, b) and a span: verbs, breaks, "that". */
  private between(a: number, b: number, span: TokenSpan): { verbs: number; broken: boolean; that: boolean } {
    const from = span.to <= a ? span.to : b;
    const to = span.to <= a ? a : span.from;
    let verbs = 0;
    let broken = false;
    let that = false;
    for (let k = from; k < to; k++) {
      const c = this.cls[k]!;
      if (c === 'V' || c === 'VD' || c === 'VG') verbs++;
      if (THAT.has(this.word[k]!)) that = true;
    }
    for (let k = Math.max(0, from - 1); k < to; k++) if (this.s.breaksAfter(k)) broken = true;
    return { verbs: Math.min(verbs, 2), broken, that };
  }

  /** The spans that can be the target of the expression [a, b): noun phrases, and the clause after or before it. */
  targetCandidates(a: number, b: number): Candidate[] {
    return toCandidates(this.targets(a, b));
  }

  /** The targets of the expression [a, b), each one's features made on demand. */
  targets(a: number, b: number): CandidateSet {
    const { word: w, cls: c } = this;
    const aw = w[b - 1]!;
    const ac = c[b - 1]!;
    const spans: { span: TokenSpan; kind: string }[] = [];
    for (const p of this.phrases()) if (this.near(a, b, p)) spans.push({ span: p, kind: 'np' });
    // The clause after it ("said [the election was free]", "concern over [what he called violations]").
    let start = b;
    while (start < this.size && (THAT.has(w[start]!) || c[start] === 'P') && start - b < 2) start++;
    if (start < this.size) {
      const end = this.clauseEnd(start);
      if (end - start > 1) spans.push({ span: { from: start, to: end }, kind: 'cl' });
    }
    // The clause before it, up to the break before its subject ("“The plan is dead,” the minister said").
    for (let k = a - 1; k > 0; k--) {
      if (this.s.breaksAfter(k)) {
        let from = k;
        while (from > 0 && !this.s.breaksAfter(from - 1, false)) from--;
        if (k + 1 - from > 1) spans.push({ span: { from, to: k + 1 }, kind: 'clb' });
        break;
      }
    }
    const subject = this.subjectOf(a);
    const rule = this.rule[a];
    const afterOrder = spans.filter((x) => x.kind === 'np' && x.span.from >= b).map((x) => x.span.from);
    const beforeOrder = spans.filter((x) => x.kind === 'np' && x.span.to <= a).map((x) => x.span.to);
    const features = (i: number, sink: FeatureSink): void => {
      const { span, kind } = spans[i]!;
      const after = span.from >= b;
      const dir = after ? 'R' : 'L';
      const d = after ? span.from - b : a - span.to;
      const rank = after ? new Set(afterOrder.filter((f) => f < span.from)).size : new Set(beforeOrder.filter((t) => t > span.to)).size;
      const r = rank > 2 ? '3+' : String(rank);
      const head = headOf(this.s, span.from, span.to);
      const prep = span.from > 0 && c[span.from - 1] === 'P' ? w[span.from - 1]! : '-';
      const isSubject = subject !== null && subject.to === span.to;
      sink.f`t:bias`;
      sink.f`t:k=${kind}|${dir}`;
      sink.f`t:k=${kind}|${dir}|d=${distance(d)}`;
      sink.f`t:k=${kind}|${dir}|r=${r}`;
      sink.f`t:k=${kind}|len=${length(span.to - span.from)}`;
      sink.f`t:aw=${aw}|${kind}|${dir}|r=${r}`;
      sink.f`t:ac=${ac}|${kind}|${dir}|r=${r}`;
      sink.f`t:prep=${prep}|${dir}`;
      sink.f`t:aw=${aw}|prep=${prep}`;
      sink.f`t:ac=${ac}|prep=${prep}|${dir}`;
      sink.f`t:hc=${c[head]!}`;
      sink.f`t:hw=${w[head]!}`;
      sink.f`t:subj=${isSubject}|ac=${ac}`;
      sink.f`t:actor=${this.s.actorAt[head] ? this.s.actorAt[head].ref.type : '-'}`;
      sink.f`t:ev=${this.eventRootAt(head)}`;
      const between = this.between(a, b, span);
      sink.f`t:vb=${between.verbs}|${dir}`;
      sink.f`t:br=${between.broken}|${dir}`;
      sink.f`t:that=${between.that}|${dir}`;
      if (rule?.target && rule.target.from < span.to && span.from < rule.target.to) sink.f`t:rule`;
    };
    return { spans: spans.map((x) => x.span), features };
  }

  /** Who can hold the expression [a, b): the writer (span null), or a noun phrase of the sentence. */
  holderCandidates(a: number, b: number): Candidate[] {
    return toCandidates(this.holders(a, b));
  }

  /** The holders of the expression [a, b), each one's features made on demand. */
  holders(a: number, b: number): CandidateSet {
    const { word: w, cls: c, s } = this;
    const aw = w[b - 1]!;
    const ac = c[b - 1]!;
    const subject = this.subjectOf(a);
    const rule = this.rule[a];
    const spans = this.phrases().filter((p) => this.near(a, b, p));
    const beforeOrder = spans.filter((p) => p.to <= a).map((p) => p.to);
    const features = (i: number, sink: FeatureSink): void => {
      if (i === 0) {
        sink.f`h:null`;
        sink.f`h:null|aw=${aw}`;
        sink.f`h:null|ac=${ac}`;
        sink.f`h:null|subj=${subject !== null}`;
        return;
      }
      const span = spans[i - 1]!;
      const after = span.from >= b;
      const dir = after ? 'R' : 'L';
      const d = after ? span.from - b : a - span.to;
      const rank = after ? spans.filter((p) => p.from >= b && p.from < span.from).length : new Set(beforeOrder.filter((t) => t > span.to)).size;
      const r = rank > 2 ? '3+' : String(rank);
      const head = headOf(s, span.from, span.to);
      const prep = span.from > 0 && c[span.from - 1] === 'P' ? w[span.from - 1]! : '-';
      const next = span.to < this.size ? w[span.to]! : '</s>';
      const isSubject = subject !== null && subject.to === span.to;
      const possessor = span.to === a && /['’]s$/i.test(s.tokens[span.to - 1]!.text);
      const actor = s.actorAt[head];
      sink.f`h:bias`;
      sink.f`h:${dir}|d=${distance(d)}`;
      sink.f`h:${dir}|r=${r}`;
      sink.f`h:subj=${isSubject}`;
      sink.f`h:subj=${isSubject}|ac=${ac}`;
      sink.f`h:aw=${aw}|${dir}|r=${r}`;
      sink.f`h:poss=${possessor}`;
      sink.f`h:prep=${prep}|${dir}`;
      sink.f`h:hc=${c[head]!}`;
      sink.f`h:hw=${w[head]!}`;
      sink.f`h:actor=${actor ? actor.ref.type : '-'}`;
      sink.f`h:speaks=${SPEECH.has(next) || (span.to + 1 < this.size && SPEECH.has(w[span.to + 1]!))}`;
      sink.f`h:len=${length(span.to - span.from)}`;
      const between = this.between(a, b, span);
      sink.f`h:vb=${between.verbs}|${dir}`;
      sink.f`h:br=${between.broken}|${dir}`;
      sink.f`h:that=${between.that}|${dir}`;
      if (rule?.holder && rule.holder.from < span.to && span.from < rule.holder.to) sink.f`h:rule`;
    };
    return { spans: [null, ...spans], features };
  }
}
