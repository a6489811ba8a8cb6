// Tests of the pure stance scoring on sentences written for these tests and hand-built annotations: no annotator,
// no gold files.
import { describe, expect, it } from 'vitest';
import type { Actor, Annotation, Polarity, StanceAnnotation } from '../model/annotation.js';
import { predictStances, scorePolarities, scoreSentence, scoreStances, stancesFor, votePolarity } from './score-stances.js';
import type { GoldPolarity, GoldTarget, PredictedStance, Range, StanceSentence, TargetResult } from './score-stances.js';

const TEXT = 'Senator Vale praised Mayor Orrin, while the mayor’s rival, Ambassador Quill, was silent.';

/** The `nth` occurrence of `phrase` in `text`, in UTF-16 units. */
function range(phrase: string, text = TEXT, nth = 0): Range {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" not in the text`);
  return { start, end: start + phrase.length };
}

function target(phrase: string, polarity: GoldPolarity, further: Range[] = [], text = TEXT): GoldTarget {
  return { ...range(phrase, text), text: phrase, polarity, mentions: further };
}

function stance(polarity: Polarity, on: Range, actorMentions: Range[] = []): PredictedStance {
  return { id: 's1', polarity, target: { ...on, text: '' }, actorMentions, holder: null, cue: 'praised' };
}

describe('votePolarity', () => {
  it('maps oppose to negative, support to positive, neutral to neutral, and no stance to neutral', () => {
    expect(votePolarity(['oppose']).polarity).toBe('negative');
    expect(votePolarity(['support']).polarity).toBe('positive');
    expect(votePolarity(['neutral']).polarity).toBe('neutral');
    expect(votePolarity([])).toEqual({ polarity: 'neutral', tie: false });
  });

  it('takes the majority, and reads a tie as neutral', () => {
    expect(votePolarity(['support', 'oppose', 'support'])).toEqual({ polarity: 'positive', tie: false });
    expect(votePolarity(['oppose', 'neutral', 'oppose'])).toEqual({ polarity: 'negative', tie: false });
    expect(votePolarity(['support', 'oppose'])).toEqual({ polarity: 'neutral', tie: true });
    expect(votePolarity(['oppose', 'neutral'])).toEqual({ polarity: 'neutral', tie: true });
  });
});

describe('stancesFor', () => {
  const orrin = target('Mayor Orrin', 'positive');

  it('counts a stance whose target span overlaps the gold target', () => {
    const on = stance('support', range('Orrin'));
    const elsewhere = stance('oppose', range('Quill'));
    expect(stancesFor(orrin, [on, elsewhere])).toEqual([on]);
  });

  it('counts a stance whose target actor has a mention overlapping the gold target', () => {
    // The stance names "the mayor"; the actor it resolved to is also mentioned as "Mayor Orrin".
    const viaActor = stance('support', range('the mayor'), [range('Mayor Orrin'), range('the mayor')]);
    const otherActor = stance('oppose', range('the mayor'), [range('Ambassador Quill')]);
    expect(stancesFor(orrin, [viaActor, otherActor])).toEqual([viaActor]);
  });

  it('counts a stance on a further mention the gold gives for the same person', () => {
    const further = target('Mayor Orrin', 'positive', [range('the mayor')]);
    const onFurther = stance('support', range('the mayor'));
    expect(stancesFor(further, [onFurther])).toEqual([onFurther]);
    expect(stancesFor(orrin, [onFurther])).toEqual([]);
  });
});

describe('predictStances', () => {
  function stanceAnnotation(text: string, phrase: string, actor: string | null): StanceAnnotation {
    const unit = text.indexOf(phrase);
    const start = [...text.slice(0, unit)].length; // code points
    return {
      id: 's1',
      holder: null,
      target: { text: phrase, start, end: start + [...phrase].length, actor, event: null },
      polarity: 'support',
      cue: { text: 'praised', start: 0, end: 0 },
      via: 'verb',
      event: null,
      sentence: 0,
    };
  }

  it('converts code points to UTF-16 units, so that emoji before the target do not shift it off the gold', () => {
    const text = '🙂🙂🙂🙂🙂🙂 Vale praised Orrin.';
    const annotation: Pick<Annotation, 'stances' | 'actors'> = { stances: [stanceAnnotation(text, 'Orrin', null)], actors: [] };
    const predicted = predictStances(annotation, text);
    expect(predicted[0]?.target).toEqual({ ...range('Orrin', text), text: 'Orrin' });
    const sentence: StanceSentence = { id: 'x', text, targets: [target('Orrin', 'positive', [], text)] };
    expect(scoreSentence(sentence, predicted).map((r) => r.predicted)).toEqual(['positive']);
  });

  it('brings along the mentions of the target actor, converted too', () => {
    const text = '🙂 Vale praised the mayor. Mayor Orrin smiled.';
    const start = [...text.slice(0, text.indexOf('Mayor Orrin'))].length;
    const orrin: Actor = {
      id: 'orrin',
      name: 'Orrin',
      type: 'person',
      code: null,
      mentions: [{ text: 'Mayor Orrin', start, end: start + 11, sentence: 1, via: 'name' }],
    };
    const predicted = predictStances({ stances: [stanceAnnotation(text, 'the mayor', 'orrin')], actors: [orrin] }, text);
    expect(predicted[0]?.actorMentions).toEqual([range('Mayor Orrin', text)]);
  });
});

describe('scorePolarities', () => {
  it('computes per-class P/R/F1, accuracy, macro-F1 and the confusion matrix', () => {
    const pairs: { gold: GoldPolarity; predicted: GoldPolarity }[] = [
      { gold: 'negative', predicted: 'negative' },
      { gold: 'negative', predicted: 'neutral' },
      { gold: 'neutral', predicted: 'neutral' },
      { gold: 'neutral', predicted: 'positive' },
      { gold: 'positive', predicted: 'positive' },
      { gold: 'positive', predicted: 'positive' },
    ];
    const score = scorePolarities(pairs);
    expect(score.confusion).toEqual({
      negative: { negative: 1, neutral: 1, positive: 0 },
      neutral: { negative: 0, neutral: 1, positive: 1 },
      positive: { negative: 0, neutral: 0, positive: 2 },
    });
    // negative P 1/1 R 1/2 F1 2/3; neutral P 1/2 R 1/2 F1 1/2; positive P 2/3 R 2/2 F1 4/5.
    expect(score.byClass.negative.f1).toBeCloseTo(2 / 3);
    expect(score.byClass.neutral).toMatchObject({ gold: 2, predicted: 2, tp: 1, precision: 0.5, recall: 0.5 });
    expect(score.byClass.positive.precision).toBeCloseTo(2 / 3);
    expect(score.byClass.positive.f1).toBeCloseTo(0.8);
    expect(score.macroF1).toBeCloseTo((2 / 3 + 0.5 + 0.8) / 3);
    expect(score.accuracy).toBeCloseTo(4 / 6);
  });
});

describe('scoreStances', () => {
  function result(gold: GoldPolarity, predicted: GoldPolarity, tie = false): TargetResult {
    const sentence: StanceSentence = { id: 'x', text: TEXT, targets: [] };
    return { sentence, target: target('Orrin', gold), predicted, stances: [], tie };
  }

  it('scores the always-neutral baseline on the same targets, apart from the predictions', () => {
    const results = [
      result('negative', 'negative'),
      result('negative', 'neutral'),
      result('neutral', 'neutral', true),
      result('neutral', 'neutral'),
      result('neutral', 'positive'),
      result('positive', 'neutral'),
    ];
    const score = scoreStances(results, 4, 3);
    // Always neutral: 3 of 6 right; neutral P 3/6 R 3/3 F1 2/3, the other classes 0: macro-F1 2/9.
    expect(score.alwaysNeutral.accuracy).toBeCloseTo(0.5);
    expect(score.alwaysNeutral.macroF1).toBeCloseTo(2 / 9);
    expect(score.alwaysNeutral.byClass.neutral.predicted).toBe(6);
    expect(score.annotate.accuracy).toBeCloseTo(3 / 6);
    expect(score.annotate.byClass.negative.f1).toBeCloseTo(2 / 3);
    expect(score.annotate.macroF1).not.toBeCloseTo(score.alwaysNeutral.macroF1);
    expect(score).toMatchObject({ sentences: 4, predictedStances: 3, ties: 1, targetsWithStance: 0 });
    expect(score.goals).toEqual([{ name: 'macro-F1', value: score.annotate.macroF1, target: 0.55, met: false }]);
  });
});
