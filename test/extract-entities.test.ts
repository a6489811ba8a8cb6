// Tables of sentences and what a reader expects annotate to find in them — and not to find.
import { describe, expect, it } from 'vitest';
import { sharedAnnotator } from './helpers.js';
import type { Annotation } from '../src/model/annotation.js';

function annotate(text: string): Annotation {
  return sharedAnnotator().annotate(text);
}

/** `list:type:name[:code]` for every entity with a mention of `text`. */
function found(text: string): string[] {
  const doc = annotate(text);
  return [
    ...doc.actors.map((a) => `actor:${a.type}:${a.name}${a.code ? ':' + a.code : ''}`),
    ...doc.places.map((p) => `place:${p.type}:${p.name}${p.country ? ':' + p.country : ''}`),
  ];
}

describe('actors and places: positive cases', () => {
  it.each([
    ['Pakistan has broached the topic with Iran.', ['actor:country:Pakistan:PAK', 'actor:country:Iran:IRN']],
    ['The meeting came months after Pakistan’s airstrikes in the region.', ['actor:country:Pakistan:PAK']],
    ['Islamabad and Doha have been jointly working on a memorandum.', ['actor:country:Pakistan:PAK', 'actor:country:Qatar:QAT']],
    ['The Army Chief visited Tehran last week.', ['actor:person:Army Chief', 'place:city:Tehran:IRN']],
    ['Pakistan raised the issue of Kashmir.', ['actor:country:Pakistan:PAK', 'place:region:Kashmir']],
    ['Talks were held in India and Pakistan.', ['place:country:India:IND', 'place:country:Pakistan:PAK']],
    ['Prime Minister Shehbaz Sharif met the delegation.', ['actor:person:Shehbaz Sharif']],
    ['The United Nations and NATO issued statements.', ['actor:organization:United Nations:IGOUNO']],
    ['The U.S. and Israel are in conflict with Iran.', ['actor:country:United States:USA', 'actor:country:Israel:ISR', 'actor:country:Iran:IRN']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expect.arrayContaining(expected));
  });

  it('resolves a country, its possessive, its demonym and its capital to one actor with each mention’s via', () => {
    const doc = annotate('Pakistan acted. Pakistan’s army moved. Pakistani officials spoke. Islamabad’s role grew.');
    const pakistan = doc.actors.find((a) => a.code === 'PAK');
    expect(pakistan?.mentions.map((m) => [m.text, m.via])).toEqual([
      ['Pakistan', 'name'],
      ['Pakistan', 'name'],
      ['Pakistani', 'demonym'],
      ['Islamabad', 'capital'],
    ]);
  });

  it('gives the Pakistani Army Chief the sector code PAKMIL', () => {
    const doc = annotate('In a significant move, the Pakistani Army Chief recently visited Tehran.');
    expect(doc.actors.find((a) => a.code === 'PAKMIL')).toMatchObject({ type: 'person' });
  });

  it('links a surname to the full name said earlier', () => {
    const doc = annotate('Phil Simmons took four wickets on Friday. Simmons then stepped in.');
    const simmons = doc.actors.filter((a) => a.type === 'person');
    expect(simmons).toHaveLength(1);
    expect(simmons[0]?.mentions.map((m) => m.text)).toEqual(['Phil Simmons', 'Simmons']);
  });
});

describe('actors and places: false positives', () => {
  it.each([
    ['Pakistan’s airstrikes drew condemnation from India.', 'Drew'],
    ['The plan drew criticism from analysts.', 'Drew'],
    ['On Monday the talks resumed.', 'Monday'],
    ['In May the committee met.', 'May'],
    ['However, the talks failed.', 'However'],
    ['The meeting ended early.', 'The meeting'],
  ])('%s has no entity named %s', (text, name) => {
    expect(found(text).some((e) => e.toLowerCase().includes(name.toLowerCase()))).toBe(false);
  });

  it('no span carries punctuation, quotes or a possessive', () => {
    const doc = annotate('“Iran,” he said. Pakistan’s army, India\'s navy (and “Qatar”) met in Doha.');
    for (const e of [...doc.actors, ...doc.places]) {
      for (const m of e.mentions) expect(m.text).toMatch(/^[\p{L}][\p{L}\p{M} .-]*[\p{L}.]$/u);
    }
  });
});

describe('offsets', () => {
  it('counts code points: an emoji before a name shifts it by one, not two', () => {
    const text = '🙂🙂 Pakistan and Iran met in Doha.';
    const doc = annotate(text);
    const cp = [...text];
    const pakistan = doc.actors.find((a) => a.code === 'PAK')!.mentions[0]!;
    expect(pakistan.start).toBe(3);
    expect(cp.slice(pakistan.start, pakistan.end).join('')).toBe('Pakistan');
  });

  it('skips YAML front matter of .md files but counts offsets from the start of the file', () => {
    const text = '---\ntitle: Talks\ndate: 2024-05-02\n---\nIran spoke.';
    const doc = sharedAnnotator().annotate(text, { path: 'a.md' });
    expect(doc.source).toMatchObject({ title: 'Talks', date: '2024-05-02' });
    const iran = doc.actors.find((a) => a.code === 'IRN')!.mentions[0]!;
    expect(text.slice(iran.start, iran.end)).toBe('Iran');
    expect(sharedAnnotator().annotate('---\ntitle: Iran\n---\n', { path: 'b.md' }).actors).toEqual([]);
  });
});
