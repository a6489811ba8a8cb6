// Claim scoring against PolNeAR-style gold (../shared/eval/README.md): each article comes with its attributions, each
// a source, a cue and a content given as lists of fragments. Maps an Annotation's claims onto UTF-16 spans, pairs
// predicted and gold cues one to one, and scores cues (exact spans), sources (span overlap) and contents (token
// overlap). Pure functions, no I/O; run-eval.ts is the shell around them.
import type { Annotation, Span } from '../model/annotation.js';
import { typeScore } from './score-entities.js';
import { toUtf16Offsets } from '../text/code-points.js';
import type { TypeScore } from './score-entities.js';

/** A piece of the article in UTF-16 code units (JavaScript string indices), 0-based and end-exclusive. */
export interface Fragment {
  start: number;
  end: number;
  text: string;
}

/** One gold attribution. Source is empty for a sourceless one; cue is almost always one fragment, content often several. */
export interface GoldAttribution {
  id: string;
  source: Fragment[];
  cue: Fragment[];
  content: Fragment[];
}

/** One gold article. */
export interface ClaimDoc {
  id: string;
  text: string;
  /** Anchor date (YYYY-MM-DD) or null. */
  date: string | null;
  attributions: GoldAttribution[];
}

/** A predicted claim in UTF-16 units; content holds the claim's content and then its continues, as one list. */
export interface PredictedClaim {
  id: string;
  source: Fragment | null;
  cue: Fragment;
  content: Fragment[];
}

export type CueMode = 'exact' | 'overlap';

export interface CuePair {
  gold: GoldAttribution;
  predicted: PredictedClaim;
}

/** How one article's gold and predicted cues pair up. */
export interface CueMatch {
  pairs: CuePair[];
  /** Predicted claims whose cue matched no gold attribution. */
  fp: PredictedClaim[];
  /** Gold attributions no predicted cue matched. */
  fn: GoldAttribution[];
}

/** Source counts of one article or of the whole set. */
export interface SourceCounts {
  /** Gold attributions that have a source. */
  withSource: number;
  /** …of which cue-matched (exact) by a claim whose source overlaps a gold source fragment. */
  found: number;
  /** …of which cue-matched (exact) at all, whatever the predicted source. */
  matchedWithSource: number;
  /** Gold attributions without a source. */
  sourceless: number;
  /** …of which cue-matched (exact). */
  sourcelessMatched: number;
  /** …of which the matching claim has no source either. */
  sourcelessNone: number;
}

/** Token counts over the cue-matched (exact) pairs. */
export interface ContentCounts {
  pairs: number;
  predictedTokens: number;
  goldTokens: number;
  /** Tokens in both the predicted and the gold content of the same pair. */
  overlap: number;
}

/** A scored article. */
export interface ClaimDocResult {
  doc: ClaimDoc;
  predicted: PredictedClaim[];
  exact: CueMatch;
  lenient: CueMatch;
  source: SourceCounts;
  content: ContentCounts;
  /** Exact cue pairs whose gold has a source that the predicted source misses (none, or no overlap). */
  wrongSource: CuePair[];
}

export interface CueWordCount {
  word: string;
  count: number;
}

/** A figure the issue sets a target for, and whether it reaches it. */
export interface Goal {
  name: string;
  value: number;
  /** The figure must reach at least this. */
  target: number;
  met: boolean;
}

export interface ClaimScore {
  documents: number;
  goldAttributions: number;
  /** Gold attributions without a cue fragment: counted in the gold, never matchable. */
  goldWithoutCue: number;
  predictedClaims: number;
  /** The score: predicted cue span equal to a gold cue fragment. */
  cue: TypeScore;
  /** Diagnostic: predicted and gold cue spans overlap. */
  cueLenient: TypeScore;
  source: SourceCounts & {
    /** found / withSource. */
    recall: number;
    /** found / matchedWithSource: how often the source is right when the cue is. */
    accuracyOnMatched: number;
  };
  content: ContentCounts & { precision: number; recall: number; f1: number };
  /** Lower-cased cue text of the gold attributions missed (exact), most frequent first. */
  missedCueWords: CueWordCount[];
  /** Lower-cased cue text of the predicted claims that matched nothing (exact), most frequent first. */
  spuriousCueWords: CueWordCount[];
  goals: Goal[];
}

/** The targets for claims. */
export const CLAIM_TARGETS = { cueF1: 0.7, sourceRecall: 0.6, contentF1: 0.7 } as const;

/** How many cue words the frequency tables keep. */
export const CUE_WORDS = 20;

function fragment(span: Span, text: string, toUtf16: (codePoint: number) => number): Fragment {
  const start = toUtf16(span.start);
  const end = toUtf16(span.end);
  return { start, end, text: text.slice(start, end) };
}

/**
 * The annotation's claims in UTF-16 units, in cue order. A split quotation's parts (content, then continues) form
 * one content list, as PolNeAR gives a split content as several fragments; empty parts are dropped.
 */
export function predictClaims(
  annotation: Pick<Annotation, 'claims'>,
  text: string,
  toUtf16: (codePoint: number) => number = toUtf16Offsets(text),
): PredictedClaim[] {
  return annotation.claims
    .map((claim) => ({
      id: claim.id,
      source: claim.source === null ? null : fragment(claim.source, text, toUtf16),
      cue: fragment(claim.cue, text, toUtf16),
      content: [claim.content, ...claim.continues].filter((s) => s.end > s.start).map((s) => fragment(s, text, toUtf16)),
    }))
    .sort((a, b) => a.cue.start - b.cue.start || a.cue.end - b.cue.end);
}

/** Characters two spans share; 0 when they only touch. */
function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** How well a predicted cue fits a gold attribution: 0 = no match, else the larger the better. */
function cueFit(gold: GoldAttribution, cue: Fragment, mode: CueMode): number {
  let best = 0;
  for (const g of gold.cue) {
    // PolNeAR gives almost every cue as one fragment; when it gives several ("did … say"), a prediction that names
    // any of them exactly has found the cue.
    if (mode === 'overlap') best = Math.max(best, overlap(g, cue));
    else if (g.start === cue.start && g.end === cue.end) return 1;
  }
  return best;
}

/**
 * Pairs predicted claims with gold attributions one to one, greedily: predictions in cue order each take the
 * unmatched gold attribution their cue fits best (the largest overlap when lenient; the first in gold order on a
 * tie). A second claim on the same cue is a false positive unless the gold also has a second attribution there.
 */
export function matchCues(gold: readonly GoldAttribution[], predicted: readonly PredictedClaim[], mode: CueMode): CueMatch {
  const taken = new Set<GoldAttribution>();
  const pairs: CuePair[] = [];
  const fp: PredictedClaim[] = [];
  for (const p of predicted) {
    let best: GoldAttribution | null = null;
    let bestFit = 0;
    for (const g of gold) {
      if (taken.has(g)) continue;
      const fit = cueFit(g, p.cue, mode);
      if (fit > bestFit) [best, bestFit] = [g, fit];
    }
    if (best === null) fp.push(p);
    else {
      taken.add(best);
      pairs.push({ gold: best, predicted: p });
    }
  }
  return { pairs, fp, fn: gold.filter((g) => !taken.has(g)) };
}

/** Whether the predicted source overlaps one of the gold source fragments; a missing source never does. */
export function sourceMatches(pair: CuePair): boolean {
  const source = pair.predicted.source;
  return source !== null && pair.gold.source.some((g) => overlap(g, source) > 0);
}

/** Start and end of every token of the text: maximal runs of letters and digits, in UTF-16 units. */
export function tokenize(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * The tokens of the text that the fragments touch, each named by its start. Tokens come from the whole text, so a
 * fragment that cuts a word in two still holds the same token as one that takes the whole word; overlapping
 * fragments count a token once.
 */
export function tokensIn(tokens: readonly { start: number; end: number }[], fragments: readonly Fragment[]): Set<number> {
  const found = new Set<number>();
  for (const t of tokens) if (fragments.some((f) => overlap(t, f) > 0)) found.add(t.start);
  return found;
}

/** Token counts of the content of each pair: predicted, gold, and shared. */
export function contentCounts(text: string, pairs: readonly CuePair[]): ContentCounts {
  const tokens = tokenize(text);
  const counts: ContentCounts = { pairs: pairs.length, predictedTokens: 0, goldTokens: 0, overlap: 0 };
  for (const { gold, predicted } of pairs) {
    const p = tokensIn(tokens, predicted.content);
    const g = tokensIn(tokens, gold.content);
    counts.predictedTokens += p.size;
    counts.goldTokens += g.size;
    for (const start of p) if (g.has(start)) counts.overlap++;
  }
  return counts;
}

function sourceCounts(gold: readonly GoldAttribution[], pairs: readonly CuePair[]): SourceCounts {
  const withSource = gold.filter((g) => g.source.length > 0).length;
  const matched = pairs.filter((p) => p.gold.source.length > 0);
  const sourcelessMatched = pairs.filter((p) => p.gold.source.length === 0);
  return {
    withSource,
    found: matched.filter(sourceMatches).length,
    matchedWithSource: matched.length,
    sourceless: gold.length - withSource,
    sourcelessMatched: sourcelessMatched.length,
    sourcelessNone: sourcelessMatched.filter((p) => p.predicted.source === null).length,
  };
}

/** Scores one article's predicted claims against its gold attributions. */
export function scoreClaimDoc(doc: ClaimDoc, predicted: readonly PredictedClaim[]): ClaimDocResult {
  const exact = matchCues(doc.attributions, predicted, 'exact');
  return {
    doc,
    predicted: [...predicted],
    exact,
    lenient: matchCues(doc.attributions, predicted, 'overlap'),
    source: sourceCounts(doc.attributions, exact.pairs),
    content: contentCounts(doc.text, exact.pairs),
    wrongSource: exact.pairs.filter((p) => p.gold.source.length > 0 && !sourceMatches(p)),
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** A cue as a table key: its fragments' text, lower-cased, white space collapsed. */
export function cueWord(fragments: readonly Fragment[]): string {
  if (fragments.length === 0) return '(no cue)';
  return fragments
    .map((f) => f.text)
    .join(' … ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The `limit` most frequent words, ties in alphabetical order so that runs compare line by line. */
export function topWords(words: Iterable<string>, limit: number): CueWordCount[] {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    .slice(0, limit);
}

function sum<T>(items: readonly T[], key: (item: T) => number): number {
  return items.reduce((total, item) => total + key(item), 0);
}

/** Adds up the named counts of several records. */
function sumCounts<K extends string>(items: readonly Record<K, number>[], keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, sum(items, (item) => item[k])])) as Record<K, number>;
}

function cueScore(results: readonly ClaimDocResult[], which: 'exact' | 'lenient'): TypeScore {
  const tp = sum(results, (r) => r[which].pairs.length);
  return typeScore(tp, sum(results, (r) => r[which].fp.length), sum(results, (r) => r[which].fn.length));
}

/** Sums the articles' counts (micro average) and computes the figures, the cue word tables and the goals. */
export function scoreClaims(results: readonly ClaimDocResult[]): ClaimScore {
  const cue = cueScore(results, 'exact');
  const sourceKeys = ['withSource', 'found', 'matchedWithSource', 'sourceless', 'sourcelessMatched', 'sourcelessNone'] as const;
  const source: SourceCounts = sumCounts(results.map((r) => r.source), sourceKeys);
  const contentKeys = ['pairs', 'predictedTokens', 'goldTokens', 'overlap'] as const;
  const content: ContentCounts = sumCounts(results.map((r) => r.content), contentKeys);
  const precision = ratio(content.overlap, content.predictedTokens);
  const recall = ratio(content.overlap, content.goldTokens);
  const sourceRecall = ratio(source.found, source.withSource);
  const contentF1 = f1(precision, recall);
  const goal = (name: string, value: number, target: number): Goal => ({ name, value, target, met: value >= target });
  return {
    documents: results.length,
    goldAttributions: sum(results, (r) => r.doc.attributions.length),
    goldWithoutCue: sum(results, (r) => r.doc.attributions.filter((a) => a.cue.length === 0).length),
    predictedClaims: sum(results, (r) => r.predicted.length),
    cue,
    cueLenient: cueScore(results, 'lenient'),
    source: { ...source, recall: sourceRecall, accuracyOnMatched: ratio(source.found, source.matchedWithSource) },
    content: { ...content, precision, recall, f1: contentF1 },
    missedCueWords: topWords(results.flatMap((r) => r.exact.fn.map((g) => cueWord(g.cue))), CUE_WORDS),
    spuriousCueWords: topWords(results.flatMap((r) => r.exact.fp.map((p) => cueWord([p.cue]))), CUE_WORDS),
    goals: [
      goal('cue F1 (exact)', cue.f1, CLAIM_TARGETS.cueF1),
      goal('source recall', sourceRecall, CLAIM_TARGETS.sourceRecall),
      goal('content overlap F1', contentF1, CLAIM_TARGETS.contentF1),
    ],
  };
}
