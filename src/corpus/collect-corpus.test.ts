// The corpus model behind both the terminal summary and the HTML report: what is merged, counted and ordered.
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation.js';
import { makeAnnotation } from '../../test/make-annotation.js';
import { collectCorpus } from './collect-corpus.js';
import type { CorpusDocument } from './collect-corpus.js';

const doc = (annotation: Annotation): CorpusDocument => ({ annotation, annotationFile: `${annotation.source.path}.yaml`, text: null, notice: null });

describe('collectCorpus', () => {
  const corpus = collectCorpus([
    doc(makeAnnotation({
      path: 'a.txt',
      date: '2024-05-01',
      actors: [['egypt', 'Egypt', 'EGY', 3], ['jordan', 'Jordan', 'JOR', 1]],
      events: [['egypt', 'jordan', 'verbal-cooperation', null], ['egypt', 'jordan', 'verbal-cooperation', '2024-04-30']],
      stances: [['egypt', 'support', 'The Plan', null], [null, 'oppose', 'the plan', null]],
    })),
    doc(makeAnnotation({
      path: 'b.txt',
      actors: [['jordan', 'Jordan', 'JOR', 2], ['egypt', 'Egypt', 'EGY', 1], ['israel', 'Israel', 'ISR', 5]],
      events: [['jordan', 'egypt', 'material-conflict', null]],
      stances: [['egypt', 'support', 'the  plan', null], ['jordan', 'oppose', 'Israel', 'israel'], ['jordan', 'support', 'it', null]],
    })),
  ]);

  it('merges the actors of every file by id, counting mentions and articles, most mentioned first', () => {
    expect(corpus.actors.map((a) => [a.name, a.mentions, a.articles])).toEqual([
      ['Israel', 5, [1]],
      ['Egypt', 4, [0, 1]],
      ['Jordan', 3, [0, 1]],
    ]);
  });

  it('counts event dyads by direction and quad class, with the actors as indexes of the table', () => {
    const name = (i: number): string => corpus.actors[i]?.name ?? '?';
    expect(corpus.dyads.map((d) => `${name(d.source)}>${name(d.target)} ${d.quadClass} ${d.count}`)).toEqual([
      'Egypt>Jordan verbal-cooperation 2',
      'Jordan>Egypt material-conflict 1',
    ]);
  });

  it('dates an event by the text, else by its article, and counts the rest as undated', () => {
    expect(corpus.dated.map((d) => [d.date, d.fromArticle])).toEqual([
      ['2024-04-30', false],
      ['2024-05-01', true],
    ]);
    expect(corpus.totals.undatedEvents).toBe(1);
  });

  it('groups stances by holder, polarity and target, one target whatever its case and spacing, leaving out holderless ones and pronoun targets', () => {
    expect(corpus.stances.map((s) => [s.holder, s.polarity, s.target, s.count])).toEqual([
      [{ actor: 1 }, 'support', { text: 'The Plan' }, 2],
      [{ actor: 2 }, 'oppose', { actor: 0 }, 1],
    ]);
    expect(corpus.totals).toMatchObject({ articles: 2, actors: 3, events: 3, stances: 5, unattributedStances: 1, pronounTargets: 1 });
  });

  it('gives an actor the name most files give it', () => {
    const renamed = collectCorpus([
      doc(makeAnnotation({ path: 'a.txt', actors: [['un', 'UN', null, 1]] })),
      doc(makeAnnotation({ path: 'b.txt', actors: [['un', 'United Nations', null, 1]] })),
      doc(makeAnnotation({ path: 'c.txt', actors: [['un', 'United Nations', null, 1]] })),
    ]);
    expect(renamed.actors[0]?.name).toBe('United Nations');
  });
});
