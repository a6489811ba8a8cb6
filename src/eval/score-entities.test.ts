// Tests of the pure entity scoring on hand-made predictions: no annotator, no gold files.
import { describe, expect, it } from 'vitest';
import type { Actor, Annotation, Mention, Place } from '../model/annotation.js';
import {
  combineScores,
  matchSpans,
  predictEntitySpans,
  scoreSpans,
  typeScore,
} from './score-entities.js';
import { toUtf16Offsets } from '../text/code-points.js';
import type { EntitySpan, GoldEntity } from './score-entities.js';

function mention(text: string, start: number, via: Mention['via'] = 'name'): Mention {
  return { text, start, end: start + [...text].length, sentence: 0, via };
}

function actor(name: string, type: Actor['type'], mentions: Mention[]): Actor {
  return { id: name.toLowerCase().replace(/\W+/g, '-'), name, type, code: null, mentions };
}

function place(name: string, mentions: Mention[]): Place {
  return { id: name.toLowerCase().replace(/\W+/g, '-'), name, type: 'city', country: null, mentions };
}

function annotation(actors: Actor[], places: Place[] = []): Pick<Annotation, 'actors' | 'places'> {
  return { actors, places };
}

describe('toUtf16Offsets', () => {
  it('is the identity on text without astral characters', () => {
    const map = toUtf16Offsets('Pakistan and Iran');
    expect(map(0)).toBe(0);
    expect(map(17)).toBe(17);
    expect(() => map(18)).toThrow(RangeError);
  });

  it('shifts offsets after an emoji by one unit per astral character', () => {
    const text = '🙂 Pakistan and 🇮🇷 Iran';
    const map = toUtf16Offsets(text);
    expect(map(2)).toBe(3); // "Pakistan": code point 2, UTF-16 unit 3
    expect(map(10)).toBe(11);
    const iran = [...text].indexOf('I');
    expect(text.slice(map(iran), map(iran + 4))).toBe('Iran');
    expect(map([...text].length)).toBe(text.length);
    expect(() => map([...text].length + 1)).toThrow(RangeError);
    expect(() => map(-1)).toThrow(RangeError);
  });
});

describe('predictEntitySpans', () => {
  it('converts code-point mentions to UTF-16 spans', () => {
    const text = '🙂 Pakistan';
    const spans = predictEntitySpans(annotation([actor('Pakistan', 'country', [mention('Pakistan', 2)])]), text);
    expect(spans).toEqual([{ start: 3, end: 11, type: 'LOC' }]);
    expect(text.slice(3, 11)).toBe('Pakistan');
  });

  it('maps person → PER, organization → ORG, country and places → LOC, and skips groups', () => {
    const spans = predictEntitySpans(
      annotation(
        [
          actor('Imran Khan', 'person', [mention('Imran Khan', 0)]),
          actor('United Nations', 'organization', [mention('United Nations', 20)]),
          actor('Pakistan', 'country', [mention('Pakistan', 40)]),
          actor('police', 'group', [mention('police', 60)]),
        ],
        [place('Lahore', [mention('Lahore', 70)])],
      ),
      'x'.repeat(100),
    );
    expect(spans).toEqual([
      { start: 0, end: 10, type: 'PER' },
      { start: 20, end: 34, type: 'ORG' },
      { start: 40, end: 48, type: 'LOC' },
      { start: 70, end: 76, type: 'LOC' },
    ]);
  });

  it('excludes demonym mentions (CoNLL tags them MISC)', () => {
    const spans = predictEntitySpans(
      annotation([actor('Pakistan', 'country', [mention('Pakistani', 0, 'demonym'), mention('Pakistan', 20)])]),
      'x'.repeat(40),
    );
    expect(spans).toEqual([{ start: 20, end: 28, type: 'LOC' }]);
  });

  it('counts an identical span once, but keeps a span predicted with two types', () => {
    const spans = predictEntitySpans(
      annotation(
        [actor('Pakistan', 'country', [mention('Pakistan', 0)]), actor('Pakistan Inc', 'organization', [mention('Pakistan', 0)])],
        [place('Pakistan', [mention('Pakistan', 0)])],
      ),
      'Pakistan',
    );
    expect(spans).toEqual([
      { start: 0, end: 8, type: 'ORG' },
      { start: 0, end: 8, type: 'LOC' },
    ]);
    // Against LOC gold, the ORG reading is a false positive.
    const score = scoreSpans([{ start: 0, end: 8, type: 'LOC' }], spans);
    expect(score.byType.LOC).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(score.byType.ORG).toMatchObject({ tp: 0, fp: 1, fn: 0 });
  });
});

describe('scoreSpans', () => {
  const gold: GoldEntity[] = [
    { start: 0, end: 10, type: 'PER', text: 'Imran Khan' },
    { start: 20, end: 34, type: 'ORG' },
    { start: 40, end: 48, type: 'LOC' },
    { start: 50, end: 59, type: 'MISC' },
  ];

  it('counts exact matches as true positives', () => {
    const predicted: EntitySpan[] = [
      { start: 0, end: 10, type: 'PER' },
      { start: 20, end: 34, type: 'ORG' },
      { start: 40, end: 48, type: 'LOC' },
    ];
    const score = scoreSpans(gold, predicted);
    for (const type of ['PER', 'ORG', 'LOC'] as const) {
      expect(score.byType[type]).toEqual({ gold: 1, predicted: 1, tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    }
    expect(score.micro).toMatchObject({ tp: 3, fp: 0, fn: 0, f1: 1 });
  });

  it('counts a span off by one as both a false positive and a false negative', () => {
    const score = scoreSpans(gold, [{ start: 0, end: 11, type: 'PER' }]);
    expect(score.byType.PER).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
    const startOff = scoreSpans(gold, [{ start: 1, end: 10, type: 'PER' }]);
    expect(startOff.byType.PER).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('counts a wrong type as a false positive of that type and a false negative of the gold type', () => {
    const score = scoreSpans(gold, [{ start: 20, end: 34, type: 'LOC' }]);
    expect(score.byType.LOC).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(score.byType.ORG).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(score.micro).toMatchObject({ tp: 0, fp: 1, fn: 3 });
  });

  it('ignores MISC gold: neither missed nor matched', () => {
    const score = scoreSpans([{ start: 50, end: 59, type: 'MISC' }], []);
    expect(score.micro).toMatchObject({ gold: 0, tp: 0, fp: 0, fn: 0 });
    // A prediction on a MISC span is simply a false positive of the predicted type.
    const onMisc = scoreSpans([{ start: 50, end: 59, type: 'MISC' }], [{ start: 50, end: 59, type: 'LOC' }]);
    expect(onMisc.byType.LOC).toMatchObject({ tp: 0, fp: 1, fn: 0 });
  });

  it('deduplicates repeated predictions', () => {
    const span: EntitySpan = { start: 0, end: 10, type: 'PER' };
    const match = matchSpans(gold, [span, { ...span }]);
    expect(match.tp).toEqual([span]);
    expect(match.fp).toEqual([]);
  });

  it('micro-averages from summed counts (hand-computed example)', () => {
    // PER: tp 2, fp 1, fn 0 → P 2/3, R 1;   ORG: tp 0, fp 1, fn 1 → P 0, R 0;   LOC: tp 1, fp 0, fn 2 → P 1, R 1/3.
    // micro: tp 3, fp 2, fn 3 → P 3/5 = 0.6, R 3/6 = 0.5, F1 = 2·0.6·0.5 / 1.1 = 6/11.
    const g: GoldEntity[] = [
      { start: 0, end: 5, type: 'PER' },
      { start: 10, end: 15, type: 'PER' },
      { start: 20, end: 25, type: 'ORG' },
      { start: 30, end: 35, type: 'LOC' },
      { start: 40, end: 45, type: 'LOC' },
      { start: 50, end: 55, type: 'LOC' },
      { start: 60, end: 65, type: 'MISC' },
    ];
    const p: EntitySpan[] = [
      { start: 0, end: 5, type: 'PER' },
      { start: 10, end: 15, type: 'PER' },
      { start: 60, end: 65, type: 'PER' },
      { start: 20, end: 26, type: 'ORG' },
      { start: 30, end: 35, type: 'LOC' },
    ];
    const score = scoreSpans(g, p);
    expect(score.byType.PER).toMatchObject({ tp: 2, fp: 1, fn: 0, recall: 1 });
    expect(score.byType.PER.precision).toBeCloseTo(2 / 3, 12);
    expect(score.byType.PER.f1).toBeCloseTo(0.8, 12);
    expect(score.byType.ORG).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
    expect(score.byType.LOC).toMatchObject({ tp: 1, fp: 0, fn: 2, precision: 1 });
    expect(score.byType.LOC.f1).toBeCloseTo(0.5, 12);
    expect(score.micro).toMatchObject({ gold: 6, predicted: 5, tp: 3, fp: 2, fn: 3 });
    expect(score.micro.precision).toBeCloseTo(0.6, 12);
    expect(score.micro.recall).toBeCloseTo(0.5, 12);
    expect(score.micro.f1).toBeCloseTo(6 / 11, 12);
  });

  it('combines documents by summing counts, not by averaging their F1', () => {
    const a = scoreSpans([{ start: 0, end: 5, type: 'PER' }], [{ start: 0, end: 5, type: 'PER' }]); // F1 1
    const b = scoreSpans(
      [
        { start: 0, end: 5, type: 'PER' },
        { start: 10, end: 15, type: 'PER' },
        { start: 20, end: 25, type: 'PER' },
      ],
      [],
    ); // F1 0
    const total = combineScores([a, b]);
    expect(total.byType.PER).toEqual(typeScore(1, 0, 3));
    expect(total.micro.recall).toBeCloseTo(0.25, 12);
    expect(total.micro.f1).toBeCloseTo(0.4, 12);
  });

  it('reports zeros, not NaN, when there is nothing to score', () => {
    expect(scoreSpans([], []).micro).toEqual({ gold: 0, predicted: 0, tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 });
  });
});
