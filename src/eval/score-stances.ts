// Stance scoring against NewsMTSC-style gold (../shared/eval/README.md): one sentence per row, each with person
// mentions labelled negative, neutral or positive (how the sentence treats that person). Reads a polarity for each
// gold target off the annotation's stances toward that person and scores the three classes. Pure functions, no I/O;
// run-eval.ts is the shell around them.
import type { Annotation, Polarity } from '../model/annotation.js';
import { typeScore } from './score-entities.js';
import { toUtf16Offsets } from '../text/code-points.js';
import type { TypeScore } from './score-entities.js';
import type { Goal } from './score-claims.js';

export const POLARITY_CLASSES = ['negative', 'neutral', 'positive'] as const;
export type GoldPolarity = (typeof POLARITY_CLASSES)[number];

/** A span in UTF-16 code units, 0-based and end-exclusive. */
export interface Range {
  start: number;
  end: number;
}

/** A gold target: a person mention, its polarity, and the further mentions of the same person in the sentence. */
export interface GoldTarget extends Range {
  text: string;
  polarity: GoldPolarity;
  mentions: Range[];
}

export interface StanceSentence {
  id: string;
  text: string;
  targets: GoldTarget[];
}

/** A predicted stance in UTF-16 units, with the mentions of its target actor when it has one. */
export interface PredictedStance {
  id: string;
  polarity: Polarity;
  target: Range & { text: string };
  /** Mentions of target.actor in the text; empty when the target is no actor. */
  actorMentions: Range[];
  holder: string | null;
  cue: string;
}

/** A gold target with the polarity predicted for it and the stances that polarity was read from. */
export interface TargetResult {
  sentence: StanceSentence;
  target: GoldTarget;
  predicted: GoldPolarity;
  stances: PredictedStance[];
  /** The stances disagreed and no polarity had a majority, so the target was read as neutral. */
  tie: boolean;
}

export interface PolarityScore {
  targets: number;
  /** Mean of the three classes' F1, each class weighing the same whatever its size. */
  macroF1: number;
  accuracy: number;
  byClass: Record<GoldPolarity, TypeScore>;
  /** confusion[gold][predicted] = number of targets. */
  confusion: Record<GoldPolarity, Record<GoldPolarity, number>>;
}

export interface StanceScore {
  sentences: number;
  predictedStances: number;
  /** Gold targets that at least one stance counted for. */
  targetsWithStance: number;
  /** Gold targets whose stances tied (read as neutral). */
  ties: number;
  annotate: PolarityScore;
  /** Predicting neutral for every target: the floor any stance reader must clear. */
  alwaysNeutral: PolarityScore;
  goals: Goal[];
}

/** The target for stances. */
export const STANCE_TARGETS = { macroF1: 0.55 } as const;

const FROM_STANCE: Record<Polarity, GoldPolarity> = { oppose: 'negative', support: 'positive', neutral: 'neutral' };

/** The annotation's stances in UTF-16 units; a target actor brings along its mentions, so that any of them counts. */
export function predictStances(
  annotation: Pick<Annotation, 'stances' | 'actors'>,
  text: string,
  toUtf16: (codePoint: number) => number = toUtf16Offsets(text),
): PredictedStance[] {
  const range = (s: Range): Range => ({ start: toUtf16(s.start), end: toUtf16(s.end) });
  const mentions = new Map(annotation.actors.map((a) => [a.id, a.mentions]));
  return annotation.stances.map((s) => {
    const target = range(s.target);
    return {
      id: s.id,
      polarity: s.polarity,
      target: { ...target, text: text.slice(target.start, target.end) },
      actorMentions: s.target.actor === null ? [] : (mentions.get(s.target.actor) ?? []).map(range),
      holder: s.holder === null ? null : s.holder.text,
      cue: s.cue.text,
    };
  });
}

function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * The stances whose target is the gold target's person: the stance's target span, or a mention of its target actor,
 * overlaps the gold span or one of the gold's further mentions of the same person. The further mentions let a stance
 * toward "the senator" count when the gold marks "Senator Vale" later in the sentence as the same person.
 */
export function stancesFor(target: GoldTarget, stances: readonly PredictedStance[]): PredictedStance[] {
  const person = [target, ...target.mentions];
  return stances.filter((s) => person.some((p) => overlaps(s.target, p) || s.actorMentions.some((m) => overlaps(m, p))));
}

/**
 * The polarity a set of stances gives a target: none → neutral; else the polarity most of them have. Any tie is read
 * as neutral: one support against one oppose says the sentence is mixed about the person, and a tie with neutral
 * has neutral among the leaders anyway.
 */
export function votePolarity(polarities: readonly Polarity[]): { polarity: GoldPolarity; tie: boolean } {
  const counts = new Map<GoldPolarity, number>();
  for (const p of polarities) counts.set(FROM_STANCE[p], (counts.get(FROM_STANCE[p]) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first === undefined) return { polarity: 'neutral', tie: false };
  if (second !== undefined && second[1] === first[1]) return { polarity: 'neutral', tie: true };
  return { polarity: first[0], tie: false };
}

/** Every gold target of a sentence with the polarity the predicted stances give it. */
export function scoreSentence(sentence: StanceSentence, stances: readonly PredictedStance[]): TargetResult[] {
  return sentence.targets.map((target) => {
    const counted = stancesFor(target, stances);
    const { polarity, tie } = votePolarity(counted.map((s) => s.polarity));
    return { sentence, target, predicted: polarity, stances: counted, tie };
  });
}

function perClass<T>(make: (c: GoldPolarity) => T): Record<GoldPolarity, T> {
  return { negative: make('negative'), neutral: make('neutral'), positive: make('positive') };
}

/** Accuracy, per-class P/R/F1, macro-F1 and the confusion matrix of (gold, predicted) pairs. */
export function scorePolarities(pairs: readonly { gold: GoldPolarity; predicted: GoldPolarity }[]): PolarityScore {
  const confusion = perClass(() => perClass(() => 0));
  for (const { gold, predicted } of pairs) confusion[gold][predicted]++;
  const byClass = perClass((c) => {
    const tp = confusion[c][c];
    const predicted = POLARITY_CLASSES.reduce((n, g) => n + confusion[g][c], 0);
    const gold = POLARITY_CLASSES.reduce((n, p) => n + confusion[c][p], 0);
    return typeScore(tp, predicted - tp, gold - tp);
  });
  const correct = POLARITY_CLASSES.reduce((n, c) => n + confusion[c][c], 0);
  return {
    targets: pairs.length,
    // Over all three classes even when one is absent from the gold: its F1 is then 0, as typeScore defines it.
    macroF1: POLARITY_CLASSES.reduce((total, c) => total + byClass[c].f1, 0) / POLARITY_CLASSES.length,
    accuracy: pairs.length === 0 ? 0 : correct / pairs.length,
    byClass,
    confusion,
  };
}

/** Scores every gold target of the sentences, and the always-neutral baseline on the same targets. */
export function scoreStances(results: readonly TargetResult[], sentences: number, predictedStances: number): StanceScore {
  const annotate = scorePolarities(results.map((r) => ({ gold: r.target.polarity, predicted: r.predicted })));
  return {
    sentences,
    predictedStances,
    targetsWithStance: results.filter((r) => r.stances.length > 0).length,
    ties: results.filter((r) => r.tie).length,
    annotate,
    alwaysNeutral: scorePolarities(results.map((r) => ({ gold: r.target.polarity, predicted: 'neutral' as const }))),
    goals: [
      { name: 'macro-F1', value: annotate.macroF1, target: STANCE_TARGETS.macroF1, met: annotate.macroF1 >= STANCE_TARGETS.macroF1 },
    ],
  };
}
