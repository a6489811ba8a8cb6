// Tests of the pure event scoring on invented gold rows and hand-built annotations: no annotator, no gold files.
import { describe, expect, it } from 'vitest';
import type { Actor, Annotation, EventAnnotation } from '../model/annotation.js';
import { isReachable, matchCodings, predictCodings, scoreEvents, scoreRow } from './score-events.js';
import type { GoldCoding, PetrarchRow, PredictedCoding } from './score-events.js';

function actor(id: string, code: string | null, type: Actor['type'] = 'country'): Actor {
  const name = id.replace(/(^|-)([a-z])/g, (_m, sep: string, c: string) => (sep ? ' ' : '') + c.toUpperCase());
  return { id, name, type, code, mentions: [{ text: name, start: 0, end: name.length, sentence: 0, via: 'name' }] };
}

let nextEvent = 0;
function event(code: string, source: string[], target: string[], trigger = 'met'): EventAnnotation {
  nextEvent++;
  return {
    id: `e${nextEvent}`,
    trigger: { text: trigger, start: 10, end: 10 + trigger.length },
    sentence: 0,
    code,
    category: 'CONSULT',
    quadClass: 'verbal-cooperation',
    goldstein: 1,
    source,
    target,
    place: null,
    date: null,
    modality: 'asserted',
  };
}

const ACTORS: Actor[] = [
  actor('valdoria', 'VLD'),
  actor('kestria', 'KST'),
  actor('kestrian-army', 'KSTMIL', 'organization'),
  actor('kestrian-senate', 'KSTLEG', 'organization'),
  actor('marrow-guild', null, 'organization'),
  actor('velt-council', 'vltgov', 'organization'),
];

function annotation(events: EventAnnotation[], actors: Actor[] = ACTORS): Pick<Annotation, 'actors' | 'events'> {
  return { actors, events };
}

function gold(eventcode: string, sourcecode: string, targetcode: string): GoldCoding {
  return { eventcode, sourcecode, targetcode };
}

function row(id: string, expected: GoldCoding[], extra: Partial<PetrarchRow> = {}): PetrarchRow {
  return {
    id,
    category: 'ALPHA',
    date: '2001-02-03',
    text: 'Valdoria met Kestria.',
    expected_events: expected,
    expect_no_events: false,
    expected_error: null,
    ...extra,
  };
}

describe('predictCodings', () => {
  it('codes every (source, target) pair of an event with the root and three-letter actor codes', () => {
    const prediction = predictCodings(annotation([event('042', ['valdoria'], ['kestria', 'kestrian-army'], 'visited')]));
    expect(prediction.codings.map((c) => [c.root, c.source, c.target, c.code, c.trigger])).toEqual([
      ['04', 'VLD', 'KST', '042', 'visited'],
      ['04', 'VLD', 'KST', '042', 'visited'],
    ]);
    expect(prediction.codings[1]?.targetActor).toEqual({ id: 'kestrian-army', name: 'Kestrian Army', code: 'KSTMIL' });
    expect(prediction).toMatchObject({ oneSided: 0, actorless: 0, uncoded: 0 });
  });

  it('counts one-sided and actorless events apart, without coding them', () => {
    const prediction = predictCodings(
      annotation([event('190', ['valdoria'], []), event('112', [], ['kestria']), event('010', [], [])]),
    );
    expect(prediction).toEqual({ codings: [], oneSided: 2, actorless: 1, uncoded: 0 });
  });

  it('skips and counts pairs whose actor has no code or is not among the actors', () => {
    const prediction = predictCodings(
      annotation([event('036', ['marrow-guild', 'valdoria'], ['kestria', 'nowhere'])]),
    );
    expect(prediction.codings.map((c) => [c.source, c.target])).toEqual([['VLD', 'KST']]);
    expect(prediction.uncoded).toBe(3);
  });

  it('collapses identical codings of one sentence, but keeps actors that differ past three letters', () => {
    const prediction = predictCodings(
      annotation([
        event('040', ['valdoria'], ['kestria'], 'met'),
        event('043', ['valdoria'], ['kestria'], 'talks'), // same root, same dyad: PETRARCH emits it once
        event('040', ['kestrian-senate', 'kestrian-army'], ['valdoria']),
        event('040', ['kestrian-army'], ['valdoria']),
      ]),
    );
    expect(prediction.codings.map((c) => [c.root, c.sourceActor.code, c.targetActor.code, c.trigger])).toEqual([
      ['04', 'VLD', 'KST', 'met'],
      ['04', 'KSTLEG', 'VLD', 'met'],
      ['04', 'KSTMIL', 'VLD', 'met'],
    ]);
  });
});

describe('matchCodings', () => {
  const predicted = (events: EventAnnotation[]): PredictedCoding[] => predictCodings(annotation(events)).codings;

  it('finds a gold coding by root and the first three letters of each actor code, whatever the case', () => {
    const match = matchCodings(
      [gold('0421', 'VLDGOV', 'kst'), gold('051', 'VLT', 'KST')],
      predicted([event('043', ['valdoria'], ['kestrian-army']), event('057', ['velt-council'], ['kestria'])]),
    );
    expect(match.tp.map((t) => [t.gold.eventcode, t.predicted.code])).toEqual([
      ['0421', '043'],
      ['051', '057'],
    ]);
    expect(match.fp).toEqual([]);
    expect(match.fn).toEqual([]);
  });

  it('counts a wrong root, a wrong actor or swapped roles as a false positive and a false negative', () => {
    for (const wrong of [
      event('050', ['valdoria'], ['kestria']),
      event('040', ['valdoria'], ['velt-council']),
      event('040', ['kestria'], ['valdoria']),
    ]) {
      const match = matchCodings([gold('040', 'VLD', 'KST')], predicted([wrong]));
      expect([match.tp.length, match.fp.length, match.fn.length]).toEqual([0, 1, 1]);
    }
  });

  it('matches one to one: two gold codings need two predictions', () => {
    const twoGold = [gold('041', 'KSTLEG', 'VLD'), gold('041', 'KSTGOV', 'VLD')];
    const one = matchCodings(twoGold, predicted([event('041', ['kestrian-senate'], ['valdoria'])]));
    expect([one.tp.length, one.fp.length, one.fn.length]).toEqual([1, 0, 1]);
    const two = matchCodings(twoGold, predicted([event('041', ['kestrian-senate', 'kestrian-army'], ['valdoria'])]));
    expect([two.tp.length, two.fp.length, two.fn.length]).toEqual([2, 0, 0]);
    const senateAndArmy = predicted([event('041', ['kestrian-senate', 'kestrian-army'], ['valdoria'])]);
    const extra = matchCodings([twoGold[0] as GoldCoding], senateAndArmy);
    expect([extra.tp.length, extra.fp.length, extra.fn.length]).toEqual([1, 1, 0]);
  });
});

describe('isReachable', () => {
  it('accepts CAMEO roots 01–20 between codes that start with three letters', () => {
    expect(isReachable(gold('010', 'VLD', 'KST'))).toBe(true);
    expect(isReachable(gold('2041', 'VLDMIL', 'KSTREB'))).toBe(true);
  });

  it('rejects test-only roots, actors without a country and quoted actors', () => {
    expect(isReachable(gold('903', 'VLD', 'KST'))).toBe(false);
    expect(isReachable(gold('377', 'VLD', 'KST'))).toBe(false);
    expect(isReachable(gold('000', 'VLD', 'KST'))).toBe(false);
    expect(isReachable(gold('040', '---GOV', 'KST'))).toBe(false);
    expect(isReachable(gold('040', 'VLD', '---'))).toBe(false);
    expect(isReachable(gold('040', '"THE HARBOUR BOARD"', 'KST'))).toBe(false);
  });
});

describe('scoreEvents', () => {
  const results = [
    // ALPHA: one hit, one miss (a test-only root), one false positive.
    scoreRow(
      row('alpha-1', [gold('040', 'VLD', 'KST'), gold('903', 'VLD', 'KST')]),
      predictCodings(annotation([event('040', ['valdoria'], ['kestria']), event('190', ['kestria'], ['valdoria'])])),
    ),
    // ALPHA: nothing predicted; a reachable miss.
    scoreRow(row('alpha-2', [gold('120', 'KST', 'VLD')]), predictCodings(annotation([event('112', ['kestria'], [])]))),
    // BETA: two sentences that should code nothing; one gets two spurious codings and an uncoded pair.
    scoreRow(
      row('beta-1', [], { category: 'BETA', expect_no_events: true }),
      predictCodings(annotation([event('040', ['valdoria'], ['kestria', 'kestrian-army', 'marrow-guild'])])),
    ),
    scoreRow(row('beta-2', [], { category: 'BETA', expect_no_events: true }), predictCodings(annotation([]))),
  ];

  it('sums true positives, false positives and false negatives over the rows', () => {
    const score = scoreEvents(results);
    expect(score.rows).toBe(4);
    expect(score.overall).toMatchObject({ gold: 3, predicted: 4, tp: 1, fp: 3, fn: 2 });
    expect(score.overall.precision).toBeCloseTo(1 / 4);
    expect(score.overall.recall).toBeCloseTo(1 / 3);
    expect(score.overall.f1).toBeCloseTo((2 * (1 / 4) * (1 / 3)) / (1 / 4 + 1 / 3));
  });

  it('scores each gold category apart, in alphabetical order', () => {
    const score = scoreEvents([...results].reverse());
    expect(Object.keys(score.byCategory)).toEqual(['ALPHA', 'BETA']);
    expect(score.byCategory.ALPHA).toMatchObject({ rows: 2, gold: 3, tp: 1, fp: 1, fn: 2 });
    expect(score.byCategory.BETA).toMatchObject({ rows: 2, gold: 0, tp: 0, fp: 2, fn: 0, precision: 0, recall: 0, f1: 0 });
  });

  it('reports spurious codings per 10 sentences that expect none', () => {
    const score = scoreEvents(results);
    expect(score).toMatchObject({ noEventRows: 2, spuriousCodings: 2, spuriousPer10: 10 });
    expect(scoreEvents(results.slice(0, 2)).spuriousPer10).toBeNull();
  });

  it('reports recall on the reachable gold codings as a separate diagnostic', () => {
    // Reachable gold: 040 VLD→KST (found) and 120 KST→VLD (missed); 903 is a test-only root.
    expect(scoreEvents(results).reachable).toEqual({ gold: 2, found: 1, recall: 0.5 });
  });

  it('counts one-sided events and uncoded pairs without scoring them', () => {
    expect(scoreEvents(results)).toMatchObject({ oneSided: 1, actorless: 0, uncoded: 1 });
  });

  it('gives zeros, not NaN, for no rows', () => {
    const score = scoreEvents([]);
    expect(score.overall).toEqual({ gold: 0, predicted: 0, tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 });
    expect(score.reachable.recall).toBe(0);
    expect(score.byCategory).toEqual({});
  });
});
