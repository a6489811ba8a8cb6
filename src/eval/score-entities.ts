// Entity scoring against CoNLL-style gold (../shared/eval/README.md): maps an Annotation onto PER/ORG/LOC spans in
// UTF-16 units and counts exact span + type matches. Pure functions, no I/O; run-eval.ts is the shell around them.
import type { Annotation, Mention } from '../model/annotation.js';
import { toUtf16Offsets } from '../text/code-points.js';

/** The entity types we score. CoNLL's fourth type, MISC, is never scored. */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A typed span, 0-based and end-exclusive, in UTF-16 code units (JavaScript string indices). */
export interface EntitySpan {
  start: number;
  end: number;
  type: EntityType;
}

/** A gold entity as the gold files give it; `type` may be anything (MISC, …), only PER/ORG/LOC are scored. */
export interface GoldEntity {
  start: number;
  end: number;
  type: string;
  text?: string;
}

export interface TypeScore {
  /** Gold spans of this type (tp + fn). */
  gold: number;
  /** Predicted spans of this type (tp + fp). */
  predicted: number;
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); 0 when nothing was predicted. */
  precision: number;
  /** tp / (tp + fn); 0 when there is no gold. */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
}

export interface EntityScore {
  byType: Record<EntityType, TypeScore>;
  /** Counts summed over PER, ORG and LOC, then P/R/F1 computed from the sums. */
  micro: TypeScore;
}

/** The spans behind a score, for error listings. */
export interface SpanMatch {
  tp: EntitySpan[];
  fp: EntitySpan[];
  fn: EntitySpan[];
}

const ORDER: Record<EntityType, number> = { PER: 0, ORG: 1, LOC: 2 };

function compareSpans(a: EntitySpan, b: EntitySpan): number {
  return a.start - b.start || a.end - b.end || ORDER[a.type] - ORDER[b.type];
}

const spanKey = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;

/** Drops repeated identical (start, end, type) spans and sorts by offset, then type. */
function dedupe(spans: readonly EntitySpan[]): EntitySpan[] {
  const seen = new Map<string, EntitySpan>();
  for (const s of spans) if (!seen.has(spanKey(s))) seen.set(spanKey(s), { start: s.start, end: s.end, type: s.type });
  return [...seen.values()].sort(compareSpans);
}

/**
 * The annotation's mentions as CoNLL-comparable spans in UTF-16 units (README mapping): person actors → PER,
 * organization actors → ORG, country actors and every place → LOC. Group actors are not scored, nor are mentions
 * made via a demonym (CoNLL tags "Pakistani" MISC, which is not scored) or via a bare title ("the Army Chief").
 *
 * Identical spans of the same type count once (a country is often both an actor and a place). The same span
 * predicted with two types is kept twice on purpose: at most one can match the gold, the other is a false positive,
 * so a type conflict costs precision instead of being resolved silently in our favour.
 *
 * `toUtf16` may be passed when the caller already built the converter for `text`.
 */
export function predictEntitySpans(
  annotation: Pick<Annotation, 'actors' | 'places'>,
  text: string,
  toUtf16: (codePoint: number) => number = toUtf16Offsets(text),
): EntitySpan[] {
  const spans: EntitySpan[] = [];
  const add = (mentions: readonly Mention[], type: EntityType): void => {
    for (const m of mentions) {
      // A demonym is MISC in CoNLL; an office without a name ("the Army Chief") is no named entity at all.
      if (m.via === 'demonym' || m.via === 'title') continue;
      spans.push({ start: toUtf16(m.start), end: toUtf16(m.end), type });
    }
  };
  for (const actor of annotation.actors) {
    if (actor.type === 'person') add(actor.mentions, 'PER');
    else if (actor.type === 'organization') add(actor.mentions, 'ORG');
    else if (actor.type === 'country') add(actor.mentions, 'LOC');
    // 'group' actors (the police, protesters, …) have no CoNLL counterpart.
  }
  for (const place of annotation.places) add(place.mentions, 'LOC');
  return dedupe(spans);
}

function isScoredType(type: string): type is EntityType {
  return type === 'PER' || type === 'ORG' || type === 'LOC';
}

/** Gold entities restricted to the scored types (MISC and anything else dropped), deduplicated and sorted. */
export function goldEntitySpans(gold: readonly GoldEntity[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  for (const g of gold) if (isScoredType(g.type)) spans.push({ start: g.start, end: g.end, type: g.type });
  return dedupe(spans);
}

/**
 * Splits gold and predicted spans into true positives, false positives and false negatives. A match needs the same
 * start, end and type; MISC (or any other unscored) gold is ignored. Both sides are deduplicated first.
 */
export function matchSpans(gold: readonly GoldEntity[], predicted: readonly EntitySpan[]): SpanMatch {
  const goldSpans = goldEntitySpans(gold);
  const goldKeys = new Set(goldSpans.map(spanKey));
  const predSpans = dedupe(predicted.filter((p) => isScoredType(p.type)));
  const predKeys = new Set(predSpans.map(spanKey));
  return {
    tp: predSpans.filter((p) => goldKeys.has(spanKey(p))),
    fp: predSpans.filter((p) => !goldKeys.has(spanKey(p))),
    fn: goldSpans.filter((g) => !predKeys.has(spanKey(g))),
  };
}

/** Builds a TypeScore from raw counts. */
export function typeScore(tp: number, fp: number, fn: number): TypeScore {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold: tp + fn, predicted: tp + fp, tp, fp, fn, precision, recall, f1 };
}

function scoreFromCounts(counts: Record<EntityType, { tp: number; fp: number; fn: number }>): EntityScore {
  const of = (c: { tp: number; fp: number; fn: number }): TypeScore => typeScore(c.tp, c.fp, c.fn);
  const sum = (key: 'tp' | 'fp' | 'fn'): number => ENTITY_TYPES.reduce((total, type) => total + counts[type][key], 0);
  return {
    byType: { PER: of(counts.PER), ORG: of(counts.ORG), LOC: of(counts.LOC) },
    micro: typeScore(sum('tp'), sum('fp'), sum('fn')),
  };
}

function zeroCounts(): Record<EntityType, { tp: number; fp: number; fn: number }> {
  return { PER: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 } };
}

/** Counts a match per type and micro-averages it. */
export function scoreMatch(match: SpanMatch): EntityScore {
  const counts = zeroCounts();
  for (const s of match.tp) counts[s.type].tp++;
  for (const s of match.fp) counts[s.type].fp++;
  for (const s of match.fn) counts[s.type].fn++;
  return scoreFromCounts(counts);
}

/** Scores one document's predictions against its gold: per type and micro-averaged, exact span + type. */
export function scoreSpans(gold: readonly GoldEntity[], predicted: readonly EntitySpan[]): EntityScore {
  return scoreMatch(matchSpans(gold, predicted));
}

/** Sums the counts of several scores (e.g. one per document) and recomputes P/R/F1: a corpus-level micro average. */
export function combineScores(scores: Iterable<EntityScore>): EntityScore {
  const counts = zeroCounts();
  for (const score of scores) {
    for (const type of ENTITY_TYPES) {
      const s = score.byType[type];
      counts[type].tp += s.tp;
      counts[type].fp += s.fp;
      counts[type].fn += s.fn;
    }
  }
  return scoreFromCounts(counts);
}
