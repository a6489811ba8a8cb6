// The learned stances model at work on one sentence: tags the words that express support or opposition, joins
// neighbours of one polarity into an expression, and picks for each expression its target and its holder (or the
// writer) among the sentence's spans. One model file holds the three decisions: the tagger's labels none / support /
// oppose, and one ranking label whose score orders the candidates of a target or a holder (their features never
// meet the tagger's: they carry their own prefixes). Pure; the weights come from models/stances.json.
import type { Polarity } from '../../model/annotation.js';
import type { Learned, LinearModel } from '../linear-model.js';
import { FeatureHashes, FeatureStrings } from './stance-sentence.js';
import type { Candidate, CandidateSet, StanceSentence, TokenSpan } from './stance-sentence.js';

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
  /** The learned decisions behind it, for `annotate explain`: made on demand (their feature strings are built only
   *  then), since most runs never explain. */
  explain(): Learned[];
}

const isPolarity = (label: number): boolean => label === 1 || label === 2;

/** The best candidate by the ranking label, and its margin over the runner-up. */
export function rankCandidates(model: LinearModel, candidates: readonly Candidate[]): { best: number; margin: number } {
  return bestByScore(candidates.map((_, k) => k), (k) => model.scores(candidates[k]!.features)[RANK]!);
}

/** The index of the highest score (the first of equals) and its margin over the runner-up. */
function bestByScore(indices: readonly number[], score: (k: number) => number): { best: number; margin: number } {
  let best = -1;
  let top = -Infinity;
  let second = -Infinity;
  for (const k of indices) {
    const s = score(k);
    if (s > top) {
      second = top;
      top = s;
      best = k;
    } else if (s > second) second = s;
  }
  return { best, margin: second === -Infinity ? Infinity : top - second };
}

/** The best candidate of a set by the ranking label, among those `allowed`, and its margin over the runner-up: the
 *  same as rankCandidates over the set's feature strings, scored by their hashes. */
function rankSet(model: LinearModel, set: CandidateSet, allowed: readonly number[], sink: FeatureHashes): { best: number; margin: number } {
  return bestByScore(allowed, (k) => {
    sink.reset();
    set.features(k, sink);
    return model.scoresOfHashes(sink.hashes, sink.count)[RANK]!;
  });
}

/** The hashes of one decision's features: one buffer for every sentence (reading a sentence never starts another). */
const hashes = new FeatureHashes();

interface Expression {
  from: number;
  to: number;
  label: number;
  /** The surest word, whose reasons explain the expression. */
  word: number;
  margin: number;
}

/** The stances the model reads in the sentence; `skip` leaves out expressions before their target and holder are
 *  sought (those the rules already read). Features are scored by their hashes; their strings are built only if the
 *  stance is explained. */
export function readLearnedStances(x: StanceSentence, model: LinearModel, skip: (cue: TokenSpan) => boolean = () => false): LearnedStance[] {
  const out: LearnedStance[] = [];
  const sink = hashes;
  let open: Expression | null = null;
  const close = (): void => {
    if (open && !skip(open)) out.push(...complete(x, model, open, sink));
    open = null;
  };
  for (let k = 0; k < x.size; k++) {
    if (!x.eligible(k)) {
      if (open && k > open.to) close();
      continue;
    }
    sink.reset();
    x.tokenFeaturesTo(k, sink);
    const scores = model.scoresOfHashes(sink.hashes, sink.count);
    const label = scores[2]! > scores[1]! ? 2 : 1;
    const margin = scores[label]! - scores[NONE]!;
    if (margin <= MARGIN) {
      close();
      continue;
    }
    // Neighbours of one polarity make one expression ("expressed concern"); keep the surest word's reasons.
    if (open && open.label === label && open.to === k) {
      open.to = k + 1;
      if (margin > open.margin) Object.assign(open, { word: k, margin });
    } else {
      close();
      open = { from: k, to: k + 1, label, word: k, margin };
    }
  }
  close();
  return out;
}

function complete(x: StanceSentence, model: LinearModel, e: Expression, sink: FeatureHashes): LearnedStance[] {
  const targets = x.targets(e.from, e.to);
  if (targets.spans.length === 0) return [];
  const target = rankSet(model, targets, targets.spans.map((_, k) => k), sink);
  const chosenTarget = target.best;
  // No one holds a position toward themselves: a holder overlapping the target is no candidate (the writer always is).
  const t = targets.spans[chosenTarget]!;
  const holders = x.holders(e.from, e.to);
  const allowed: number[] = [];
  holders.spans.forEach((span, k) => {
    if (span === null || span.to <= t.from || span.from >= t.to) allowed.push(k);
  });
  const holder = rankSet(model, holders, allowed, sink);
  const chosenHolder = holder.best;
  if (!isPolarity(e.label)) return [];
  const holderSpan = holders.spans[chosenHolder]!;
  const features = (set: CandidateSet, k: number): string[] => {
    const strings = new FeatureStrings();
    set.features(k, strings);
    return strings.list;
  };
  return [
    {
      cue: { from: e.from, to: e.to },
      polarity: e.label === 1 ? 'support' : 'oppose',
      target: t,
      holder: holderSpan,
      explain: () => [
        model.explain(x.tokenFeatures(e.word), e.label, e.margin),
        { ...model.explain(features(targets, chosenTarget), RANK, target.margin), label: 'target' },
        { ...model.explain(features(holders, chosenHolder), RANK, holder.margin), label: holderSpan ? 'holder' : 'holder: the writer' },
      ],
    },
  ];
}
