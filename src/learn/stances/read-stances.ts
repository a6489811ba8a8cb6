// The learned stances model at work on one sentence: tags the words that express support or opposition, joins
// neighbours of one polarity into an expression, and picks for each expression its target and its holder (or the
// writer) among the sentence's spans. One model file holds the three decisions: the tagger's labels none / support /
// oppose, and one ranking label whose score orders the candidates of a target or a holder (their features never
// meet the tagger's: they carry their own prefixes). Pure; the weights come from models/stances.json.
import type { Polarity } from '../../model/annotation.js';
import type { Learned, LinearModel } from '../linear-model.js';
import type { Candidate, StanceSentence, TokenSpan } from './stance-sentence.js';

/** The model's labels, in the order of the weights file. `scratch` only takes the other side of ranking updates
 *  while training (see train-stances.ts); inference never reads it. */
export const STANCE_LABELS = ['none', 'support', 'oppose', 'rank', 'scratch'] as const;
export const NONE = 0;
export const RANK = 3;
export const SCRATCH = 4;

/** How far a polarity's score must pass `none` for a word to count as evaluative: trades recall for precision. */
export const MARGIN = 0;

export interface LearnedStance {
  cue: TokenSpan;
  polarity: Extract<Polarity, 'support' | 'oppose'>;
  target: TokenSpan;
  /** Null: the writer holds it. */
  holder: TokenSpan | null;
  learned: Learned[];
}

const isPolarity = (label: number): boolean => label === 1 || label === 2;

/** The best candidate by the ranking label, and its margin over the runner-up. */
export function rankCandidates(model: LinearModel, candidates: readonly Candidate[]): { best: number; margin: number } {
  let best = -1;
  let top = -Infinity;
  let second = -Infinity;
  candidates.forEach((c, k) => {
    const score = model.scores(c.features)[RANK]!;
    if (score > top) {
      second = top;
      top = score;
      best = k;
    } else if (score > second) second = score;
  });
  return { best, margin: second === -Infinity ? Infinity : top - second };
}

/** The stances the model reads in the sentence; `skip` leaves out expressions before their target and holder are
 *  sought (those the rules already read). */
export function readLearnedStances(x: StanceSentence, model: LinearModel, skip: (cue: TokenSpan) => boolean = () => false): LearnedStance[] {
  const out: LearnedStance[] = [];
  let open: { from: number; to: number; label: number; features: string[]; margin: number } | null = null;
  const close = (): void => {
    if (open && !skip(open)) out.push(...complete(x, model, open));
    open = null;
  };
  for (let k = 0; k < x.size; k++) {
    if (!x.eligible(k)) {
      if (open && k > open.to) close();
      continue;
    }
    const features = x.tokenFeatures(k);
    const scores = model.scores(features);
    const label = scores[2]! > scores[1]! ? 2 : 1;
    const margin = scores[label]! - scores[NONE]!;
    if (margin <= MARGIN) {
      close();
      continue;
    }
    // Neighbours of one polarity make one expression ("expressed concern"); keep the surest word's reasons.
    if (open && open.label === label && open.to === k) {
      open.to = k + 1;
      if (margin > open.margin) Object.assign(open, { features, margin });
    } else {
      close();
      open = { from: k, to: k + 1, label, features, margin };
    }
  }
  close();
  return out;
}

function complete(x: StanceSentence, model: LinearModel, e: { from: number; to: number; label: number; features: string[]; margin: number }): LearnedStance[] {
  const targets = x.targetCandidates(e.from, e.to);
  if (targets.length === 0) return [];
  const target = rankCandidates(model, targets);
  const chosenTarget = targets[target.best]!;
  // No one holds a position toward themselves: a holder overlapping the target is no candidate (the writer always is).
  const t = chosenTarget.span!;
  const holders = x.holderCandidates(e.from, e.to).filter((c) => c.span === null || c.span.to <= t.from || c.span.from >= t.to);
  const holder = rankCandidates(model, holders);
  const chosenHolder = holders[holder.best]!;
  if (!isPolarity(e.label)) return [];
  return [
    {
      cue: { from: e.from, to: e.to },
      polarity: e.label === 1 ? 'support' : 'oppose',
      target: chosenTarget.span!,
      holder: chosenHolder.span,
      learned: [
        model.explain(e.features, e.label, e.margin),
        { ...model.explain(chosenTarget.features, RANK, target.margin), label: 'target' },
        { ...model.explain(chosenHolder.features, RANK, holder.margin), label: chosenHolder.span ? 'holder' : 'holder: the writer' },
      ],
    },
  ];
}
