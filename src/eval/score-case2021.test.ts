// Tests of the CASE 2021 scoring on invented snippets and hand-built events: no annotator, no gold files.
import { describe, expect, it } from 'vitest';
import type { Actor, EventAnnotation } from '../model/annotation.js';
import { goldOf, groupOf, readSnippetEvents, scoreCase, scoreSnippet } from './score-case2021.js';
import type { CaseSnippet, SnippetEvent } from './score-case2021.js';

function snippet(id: string, eventType: string): CaseSnippet {
  return { id, eventType, text: 'Rebels shelled the garrison at Varn.' };
}

function ev(code: string, trigger = 'shelled'): SnippetEvent {
  return { id: 'e1', code, trigger, source: ['Rebels'], target: [], group: groupOf(code) };
}

describe('groupOf and goldOf', () => {
  it('puts a code in its root group: 18–20 fight, 14 protest, 15 and 17 coerce, 01–08 cooperate', () => {
    expect(['190', '1831', '20', '183'].map(groupOf)).toEqual(['fight', 'fight', 'fight', 'fight']);
    expect(['141', '1723', '154', '042', '081', '010'].map(groupOf)).toEqual(['protest', 'coerce', 'coerce', 'cooperate', 'cooperate', 'cooperate']);
  });

  it('leaves roots 09–13 and 16 out of every group', () => {
    expect(['090', '112', '120', '130', '161'].map(groupOf)).toEqual([null, null, null, null, null]);
  });

  it('maps ACLED types onto groups, natural disasters onto none, anything else onto nothing scored', () => {
    expect(goldOf('AIR_STRIKE')).toBe('fight');
    expect(goldOf('PEACE_PROTEST')).toBe('protest');
    expect(goldOf('ARREST')).toBe('coerce');
    expect(goldOf('AGREEMENT')).toBe('cooperate');
    expect(goldOf('NATURAL_DISASTER')).toBe('none');
    expect(goldOf('ORG_CRIME')).toBeNull();
  });
});

describe('scoreSnippet', () => {
  it('finds a fight snippet with one event of root 19, whatever else it holds', () => {
    const r = scoreSnippet(snippet('s1', 'ARMED_CLASH'), [ev('040', 'talks'), ev('190')]);
    expect(r.found).toBe(true);
    expect(r.groups).toEqual(['fight', 'cooperate']);
    expect(r.falsePositives).toEqual(['cooperate']);
  });

  it('counts each other group once however many of its events a snippet holds', () => {
    const r = scoreSnippet(snippet('s2', 'PEACE_PROTEST'), [ev('173', 'arrested'), ev('173', 'detained'), ev('1724', 'banned')]);
    expect(r.found).toBe(false);
    expect(r.falsePositives).toEqual(['coerce']);
  });

  it('makes every group a false positive in a natural-disaster snippet, and none in a type not scored', () => {
    expect(scoreSnippet(snippet('s3', 'NATURAL_DISASTER'), [ev('0233', 'appealed')]).falsePositives).toEqual(['cooperate']);
    expect(scoreSnippet(snippet('s4', 'ORG_CRIME'), [ev('190')]).falsePositives).toEqual([]);
  });
});

describe('scoreCase', () => {
  const results = [
    scoreSnippet(snippet('a', 'ATTACK'), [ev('190')]), // fight found
    scoreSnippet(snippet('b', 'GRENADE'), []), // fight missed
    scoreSnippet(snippet('c', 'DIPLO'), [ev('174', 'expelled')]), // cooperate missed, coerce FP
    scoreSnippet(snippet('d', 'ARREST'), [ev('173', 'arrested'), ev('190', 'killed')]), // coerce found, fight FP
    scoreSnippet(snippet('e', 'NATURAL_DISASTER'), [ev('0233', 'appealed')]), // natural disaster with an event
    scoreSnippet(snippet('f', 'NATURAL_DISASTER'), []),
    scoreSnippet(snippet('g', 'OTHER'), [ev('190')]), // not scored
  ];
  const score = scoreCase(results);

  it('gives P/R/F1 over the snippets of a group: found / all, found / (found + other groups)', () => {
    expect(score.overall).toMatchObject({ tp: 2, fn: 2, fp: 2, recall: 0.5, precision: 0.5 });
    expect(score.scored).toBe(6);
    expect(score.snippets).toBe(7);
    expect(score.predictedEvents).toBe(6);
  });

  it('counts natural disasters apart, and adds their groups as false positives only in withNoEvent', () => {
    expect(score.noEvent).toEqual({ snippets: 2, withEvent: 1 });
    expect(score.withNoEvent).toMatchObject({ tp: 2, fp: 3, fn: 2 });
    expect(score.byGroup.cooperate.fp).toBe(0);
  });

  it('gives each group its snippets, those found and the false positives that fell into it', () => {
    expect(score.byGroup.fight).toMatchObject({ snippets: 2, tp: 1, fn: 1, fp: 1 });
    expect(score.byGroup.coerce).toMatchObject({ snippets: 1, tp: 1, fn: 0, fp: 1 });
    expect(score.byGroup.cooperate).toMatchObject({ snippets: 1, tp: 0, fn: 1 });
    expect(score.byGroup.protest).toMatchObject({ snippets: 0, tp: 0, fp: 0, recall: 0 });
  });

  it('tells which groups the events of each gold group fall into, and the types it did not score', () => {
    expect(score.confusion.fight).toMatchObject({ fight: 1, nothing: 1 });
    expect(score.confusion.cooperate).toMatchObject({ coerce: 1, cooperate: 0 });
    expect(score.confusion.none).toMatchObject({ cooperate: 1, nothing: 1 });
    expect(score.notScored).toEqual({ OTHER: 1 });
  });
});

describe('readSnippetEvents', () => {
  it('names the actors of each event and gives its group', () => {
    const actors: Actor[] = [
      { id: 'rebels', name: 'Rebels', type: 'group', code: null, mentions: [{ text: 'Rebels', start: 0, end: 6, sentence: 0, via: 'name' }] },
    ];
    const event: EventAnnotation = {
      id: 'e1',
      trigger: { text: 'shelled', start: 7, end: 14 },
      sentence: 0,
      code: '194',
      category: 'FIGHT',
      quadClass: 'material-conflict',
      goldstein: -10,
      source: ['rebels'],
      target: ['garrison'],
      place: null,
      date: null,
      modality: 'asserted',
    };
    expect(readSnippetEvents({ actors, events: [event] })).toEqual([
      { id: 'e1', code: '194', trigger: 'shelled', source: ['Rebels'], target: ['garrison'], group: 'fight' },
    ]);
  });
});
