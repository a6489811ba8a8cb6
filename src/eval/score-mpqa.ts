// Stance scoring against MPQA 2.0 (opinions in world news, one sentence per gold record; ../shared/eval/README.md).
// An article is its sentences joined with "\n" in sent_index order, annotated whole. The gold stances are the
// opinions whose polarity_raw is sentiment-pos/neg or agree-pos/neg and that have a target (pos → support,
// neg → oppose); arguing, intention and speculation are claims or plans, not stances, and are not scored.
//
//   found      a gold stance is found by an annotate stance of the same polarity whose target span overlaps the
//              gold target. Recall = found / gold stances.
//   precision  annotate stances that find some gold stance / all annotate stances (neutral ones included: they can
//              never match, and MPQA marks no neutral stance).
//   with holder the same, and the stance's holder span overlaps the gold holder where the gold has one; a gold
//              holder of null (the writer, or someone outside the sentence) takes any holder, or none.
// Matching is not one to one: one stance can find two gold opinions on the same target, as MPQA often annotates
// the same attitude through two expressions. Pure functions, no I/O; evaluate-mpqa.ts is the shell around them.
import type { Annotation, Polarity } from '../model/annotation.js';
import { toUtf16Offsets } from '../text/code-points.js';
import type { Range } from './read-gold.js';

export type StancePolarity = 'support' | 'oppose';

/** The polarity_raw values scored, and the stance polarity each stands for. */
export const SCORED_POLARITIES: Readonly<Record<string, StancePolarity>> = {
  'sentiment-pos': 'support',
  'agree-pos': 'support',
  'sentiment-neg': 'oppose',
  'agree-neg': 'oppose',
};

export interface Span extends Range {
  text: string;
}

/** An MPQA opinion with spans relative to its sentence, as the gold gives them. */
export interface MpqaOpinion {
  holder: Span | null;
  target: Span | null;
  expression: Span | null;
  polarityRaw: string | null;
}

export interface MpqaSentence {
  id: string;
  docId: string;
  index: number;
  text: string;
  opinions: MpqaOpinion[];
}

/** A gold stance in article offsets (UTF-16 units). */
export interface GoldStance {
  /** Index of the sentence in its article. */
  sentence: number;
  polarity: StancePolarity;
  polarityRaw: string;
  target: Span;
  /** Null: the writer, or someone outside the sentence. */
  holder: Span | null;
  expression: Span | null;
}

/** An article made of its gold sentences: the text annotate reads, and where each sentence starts in it. */
export interface MpqaArticle {
  id: string;
  text: string;
  sentences: { id: string; start: number; end: number; opinions: MpqaOpinion[] }[];
  gold: GoldStance[];
  /** Every opinion of the article, scored or not. */
  opinions: number;
}

/** An annotate stance in UTF-16 units of the article. */
export interface PredictedStance {
  id: string;
  polarity: Polarity;
  target: Span;
  holder: Span | null;
  cue: Span;
}

export interface GoldResult {
  stance: GoldStance;
  /** The first stance (in text order) that finds it, and the first that finds it with the holder; null if none. */
  foundBy: PredictedStance | null;
  foundWithHolderBy: PredictedStance | null;
}

export interface PredictedResult {
  stance: PredictedStance;
  right: boolean;
  rightWithHolder: boolean;
}

export interface MpqaArticleResult {
  article: MpqaArticle;
  gold: GoldResult[];
  predicted: PredictedResult[];
}

export interface FoundScore {
  gold: number;
  found: number;
  predicted: number;
  right: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface MpqaScore {
  articles: number;
  sentences: number;
  /** Every gold opinion, and the scored ones by polarity_raw. */
  opinions: number;
  goldByRaw: Record<string, number>;
  /** Scored-polarity opinions left out for want of a target. */
  withoutTarget: number;
  /** Gold stances with a holder span (the others take any holder). */
  goldWithHolder: number;
  predictedNeutral: number;
  stances: FoundScore;
  withHolder: FoundScore;
  byPolarity: Record<StancePolarity, FoundScore>;
}

function shift(span: Span | null, offset: number): Span | null {
  return span === null ? null : { start: span.start + offset, end: span.end + offset, text: span.text };
}

/** The gold stance an opinion stands for, in article offsets; null when it is not scored. */
export function toGoldStance(opinion: MpqaOpinion, sentence: number, offset: number): GoldStance | null {
  const polarity = opinion.polarityRaw === null ? undefined : SCORED_POLARITIES[opinion.polarityRaw];
  if (polarity === undefined || opinion.target === null) return null;
  return {
    sentence,
    polarity,
    polarityRaw: opinion.polarityRaw!,
    target: shift(opinion.target, offset)!,
    holder: shift(opinion.holder, offset),
    expression: shift(opinion.expression, offset),
  };
}

/**
 * The articles the sentences make: grouped by doc_id (articles in the order they first appear), each article's
 * sentences in sent_index order joined with "\n", every gold span moved into the article's offsets.
 */
export function joinArticles(sentences: readonly MpqaSentence[]): MpqaArticle[] {
  const byDoc = new Map<string, MpqaSentence[]>();
  for (const s of sentences) {
    const list = byDoc.get(s.docId) ?? [];
    list.push(s);
    byDoc.set(s.docId, list);
  }
  return [...byDoc].map(([id, list]) => {
    const ordered = [...list].sort((a, b) => a.index - b.index);
    const parts: MpqaArticle['sentences'] = [];
    const gold: GoldStance[] = [];
    let offset = 0;
    ordered.forEach((s, k) => {
      parts.push({ id: s.id, start: offset, end: offset + s.text.length, opinions: s.opinions });
      for (const o of s.opinions) {
        const g = toGoldStance(o, k, offset);
        if (g !== null) gold.push(g);
      }
      offset += s.text.length + 1;
    });
    return {
      id,
      text: ordered.map((s) => s.text).join('\n'),
      sentences: parts,
      gold,
      opinions: ordered.reduce((n, s) => n + s.opinions.length, 0),
    };
  });
}

/** The annotation's stances in UTF-16 units. */
export function readStances(annotation: Pick<Annotation, 'stances'>, text: string): PredictedStance[] {
  const toUtf16 = toUtf16Offsets(text);
  const span = (s: Range): Span => {
    const start = toUtf16(s.start);
    const end = toUtf16(s.end);
    return { start, end, text: text.slice(start, end) };
  };
  return annotation.stances.map((s) => ({
    id: s.id,
    polarity: s.polarity,
    target: span(s.target),
    holder: s.holder === null ? null : span(s.holder),
    cue: span(s.cue),
  }));
}

function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

export function findsStance(p: PredictedStance, g: GoldStance): boolean {
  return p.polarity === g.polarity && overlaps(p.target, g.target);
}

export function findsWithHolder(p: PredictedStance, g: GoldStance): boolean {
  return findsStance(p, g) && (g.holder === null || (p.holder !== null && overlaps(p.holder, g.holder)));
}

export function scoreMpqaArticle(article: MpqaArticle, predicted: readonly PredictedStance[]): MpqaArticleResult {
  return {
    article,
    gold: article.gold.map((stance) => ({
      stance,
      foundBy: predicted.find((p) => findsStance(p, stance)) ?? null,
      foundWithHolderBy: predicted.find((p) => findsWithHolder(p, stance)) ?? null,
    })),
    predicted: predicted.map((stance) => ({
      stance,
      right: article.gold.some((g) => findsStance(stance, g)),
      rightWithHolder: article.gold.some((g) => findsWithHolder(stance, g)),
    })),
  };
}

function foundScore(gold: number, found: number, predicted: number, right: number): FoundScore {
  const precision = predicted === 0 ? 0 : right / predicted;
  const recall = gold === 0 ? 0 : found / gold;
  return { gold, found, predicted, right, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Sums the articles: recall, precision and F1 with and without the holder, per polarity, and what the gold holds. */
export function scoreMpqa(results: readonly MpqaArticleResult[]): MpqaScore {
  const goldByRaw = new Map<string, number>();
  let sentences = 0;
  let opinions = 0;
  let withoutTarget = 0;
  const gold = results.flatMap((r) => r.gold);
  const predicted = results.flatMap((r) => r.predicted);
  for (const { article } of results) {
    sentences += article.sentences.length;
    opinions += article.opinions;
    for (const s of article.sentences) {
      for (const o of s.opinions) {
        if (o.polarityRaw !== null && o.polarityRaw in SCORED_POLARITIES && o.target === null) withoutTarget++;
      }
    }
  }
  for (const g of gold) goldByRaw.set(g.stance.polarityRaw, (goldByRaw.get(g.stance.polarityRaw) ?? 0) + 1);
  const count = <T>(list: readonly T[], test: (x: T) => boolean): number => list.filter(test).length;
  const polarity = (p: StancePolarity): FoundScore => {
    const g = gold.filter((x) => x.stance.polarity === p);
    const s = predicted.filter((x) => x.stance.polarity === p);
    return foundScore(g.length, count(g, (x) => x.foundBy !== null), s.length, count(s, (x) => x.right));
  };
  return {
    articles: results.length,
    sentences,
    opinions,
    goldByRaw: Object.fromEntries([...goldByRaw].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    withoutTarget,
    goldWithHolder: count(gold, (x) => x.stance.holder !== null),
    predictedNeutral: count(predicted, (x) => x.stance.polarity === 'neutral'),
    stances: foundScore(gold.length, count(gold, (x) => x.foundBy !== null), predicted.length, count(predicted, (x) => x.right)),
    withHolder: foundScore(
      gold.length,
      count(gold, (x) => x.foundWithHolderBy !== null),
      predicted.length,
      count(predicted, (x) => x.rightWithHolder),
    ),
    byPolarity: { support: polarity('support'), oppose: polarity('oppose') },
  };
}
