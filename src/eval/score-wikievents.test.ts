// Tests of the WikiEvents scoring on an invented document and hand-built events: no annotator, no gold files.
import { describe, expect, it } from 'vitest';
import type { Annotation, EventAnnotation } from '../model/annotation.js';
import { groupOfType, readEvents, scoreWikiDoc, scoreWikiEvents } from './score-wikievents.js';
import type { Party, PredictedEvent, WikiDoc, WikiEvent } from './score-wikievents.js';

const TEXT = 'Rebels shelled Varn, killing two guards. The rebels then met envoys. Police arrested a courier.';

const at = (word: string, from = 0): { start: number; end: number; text: string } => {
  const start = TEXT.indexOf(word, from);
  if (start < 0) throw new Error(`no ${word}`);
  return { start, end: start + word.length, text: word };
};

function gold(id: string, type: string, trigger: string, args: [role: string, entity: string][] = []): WikiEvent {
  return {
    id,
    type,
    trigger: at(trigger),
    arguments: args.map(([role, entity]) => {
      const e = ENTITIES.find((x) => x.id === entity)!;
      return { role, entityId: e.id, start: e.start, end: e.end, text: TEXT.slice(e.start, e.end) };
    }),
  };
}

const ENTITIES = [
  { id: 'T1', ...at('Rebels'), cluster: 'C1' },
  { id: 'T2', ...at('rebels'), cluster: 'C1' },
  { id: 'T3', ...at('Varn'), cluster: null },
  { id: 'T4', ...at('guards'), cluster: null },
  { id: 'T5', ...at('envoys'), cluster: null },
  { id: 'T6', ...at('courier'), cluster: null },
];

const DOC: WikiDoc = {
  id: 'doc',
  text: TEXT,
  entities: ENTITIES.map(({ id, start, end, cluster }) => ({ id, start, end, cluster })),
  events: [
    gold('E1', 'Conflict.Attack.Unspecified', 'shelled', [['Attacker', 'T2'], ['Target', 'T3'], ['Place', 'T3']]),
    gold('E2', 'Life.Die.Unspecified', 'killing', [['Victim', 'T4']]),
    gold('E3', 'Contact.Contact.Meet', 'met', [['Participant', 'T5']]),
    gold('E4', 'Justice.ArrestJailDetain.Unspecified', 'arrested', [['Detainee', 'T6']]),
    gold('E5', 'Movement.Transportation.Unspecified', 'courier'),
  ],
};

const party = (word: string, from = 0): Party => ({ name: word, mentions: [at(word, from)] });

function predicted(id: string, code: string, trigger: string, source: Party[] = [], target: Party[] = []): PredictedEvent {
  return { id, code, root: code.slice(0, 2), trigger: at(trigger), source, target, place: null };
}

describe('groupOfType', () => {
  it('maps KAIROS types by whole leading segments', () => {
    expect(groupOfType('Conflict.Attack.DetonateExplode')).toBe('fight');
    expect(groupOfType('Life.Injure.Unspecified')).toBe('fight');
    expect(groupOfType('Justice.Convict.Unspecified')).toBe('legal');
    expect(groupOfType('Contact.Contact.Meet')).toBe('meet');
    expect(groupOfType('Contact.Contact.Broadcast')).toBeNull();
    expect(groupOfType('Conflict.AttackPlan')).toBeNull();
    expect(groupOfType('Movement.Transportation.Unspecified')).toBeNull();
  });
});

describe('scoreWikiDoc', () => {
  const events = [
    predicted('e1', '194', 'shelled', [party('Rebels')], [party('Varn')]),
    predicted('e2', '040', 'killing'), // overlaps a fight trigger with a cooperation root: wrong, and E2 missed
    predicted('e3', '040', 'met', [party('rebels')], [party('envoys')]),
    predicted('e4', '0841', 'courier'), // overlaps only a type not scored, root not judged: not judged
    predicted('e5', '190', 'guards'), // a fight root where no gold trigger is: judged, wrong
  ];
  const result = scoreWikiDoc(DOC, events);

  it('finds a gold event by an overlapping trigger whose root is in its group, and only then', () => {
    expect(result.gold.map((g) => [g.event.id, g.group, g.matchedBy?.id ?? null])).toEqual([
      ['E1', 'fight', 'e1'],
      ['E2', 'fight', null],
      ['E3', 'meet', 'e3'],
      ['E4', 'arrest', null],
      ['E5', null, null],
    ]);
    expect(result.gold[1]?.overlapping.map((p) => p.id)).toEqual(['e2']);
  });

  it('judges an event where it overlaps a mapped gold trigger or has a conflict root, and leaves the rest alone', () => {
    expect(result.predicted.map((p) => [p.event.id, p.verdict])).toEqual([
      ['e1', 'right'],
      ['e2', 'wrong'],
      ['e3', 'right'],
      ['e4', 'not judged'],
      ['e5', 'wrong'],
    ]);
  });

  it('takes an argument as right through a coreferent mention, and a participant on either side', () => {
    const [attack] = result.gold;
    expect(attack?.arguments.map((a) => [a.argument.role, a.side, a.right])).toEqual([
      ['Attacker', 'source', true], // gold "rebels" (T2), predicted "Rebels" (T1): the same cluster
      ['Target', 'target', true],
      ['Place', 'place', false], // the event has no place
    ]);
    expect(result.gold[2]?.arguments.map((a) => [a.side, a.right])).toEqual([['either', true]]);
  });

  it('sums recall, precision over judged events, and argument accuracy', () => {
    const score = scoreWikiEvents([result]);
    expect(score.triggers).toMatchObject({ found: 2, recall: 0.5, judged: 4, right: 2, precision: 0.5 });
    expect(score).toMatchObject({ goldEvents: 5, mappedEvents: 4, predictedEvents: 5, notJudged: 1 });
    expect(score.onGoldTriggers).toEqual({ events: 3, right: 2, precision: 2 / 3 });
    expect(score.notScored).toEqual({ 'Movement.Transportation': 1 });
    expect(score.byGroup.fight).toMatchObject({ gold: 2, found: 1, recall: 0.5, arguments: { gold: 3, right: 2 } });
    expect(score.arguments.place).toEqual({ gold: 1, right: 0, emptySide: 1 });
    expect(score.arguments.all).toEqual({ gold: 4, right: 3, accuracy: 0.75 });
  });
});

describe('readEvents', () => {
  it('converts code points to UTF-16 units and brings each party’s mentions', () => {
    const text = '🙂 Rebels shelled Varn.';
    // In code points "Rebels" is 2–8 and "shelled" 9–16; in UTF-16 one more each.
    const event: EventAnnotation = {
      id: 'e1',
      trigger: { text: 'shelled', start: 9, end: 16 },
      sentence: 0,
      code: '194',
      category: 'FIGHT',
      quadClass: 'material-conflict',
      goldstein: -10,
      source: ['rebels'],
      target: [],
      place: 'varn',
      date: null,
      modality: 'asserted',
    };
    const annotation: Pick<Annotation, 'actors' | 'places' | 'events'> = {
      actors: [{ id: 'rebels', name: 'Rebels', type: 'group', code: null, mentions: [{ text: 'Rebels', start: 2, end: 8, sentence: 0, via: 'name' }] }],
      places: [{ id: 'varn', name: 'Varn', type: 'city', country: null, mentions: [{ text: 'Varn', start: 17, end: 21, sentence: 0, via: 'name' }] }],
      events: [event],
    };
    const [e] = readEvents(annotation, text);
    expect(e?.trigger).toEqual({ start: 10, end: 17, text: 'shelled' });
    expect(e?.source).toEqual([{ name: 'Rebels', mentions: [{ start: 3, end: 9 }] }]);
    expect(e?.place).toEqual({ name: 'Varn', mentions: [{ start: 18, end: 22 }] });
    expect(e?.root).toBe('19');
  });
});
