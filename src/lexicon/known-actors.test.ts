// The Phoenix actors' table: what the build saves is what a process reads back, and an entry is built only when a
// name of it is looked up.
import { describe, expect, it } from 'vitest';
import { KnownActors } from './known-actors.js';
import type { KnownActor } from './lexicon.js';
import { indexLexicon, normalizeName, roleOn } from './index-lexicon.js';
import { loadLexiconsSync } from './load-lexicons.js';

const entries: KnownActor[] = [
  { name: 'Ada Quill', type: 'person', aliases: ['Quill', 'A. Quill'], code: 'XYZELI', roles: [{ code: 'XYZGOV', from: '2001-02-03', to: null }], from: 'countries' },
  { name: 'Brass Front', type: 'organization', aliases: [], code: 'XYZREB', roles: [], from: 'milnonstate' },
];

describe('KnownActors', () => {
  it('gives back every entry as it was given, through the rows the build saves', () => {
    const table = new KnownActors(JSON.parse(JSON.stringify(KnownActors.fromEntries(entries, normalizeName))));
    expect([table.at(0), table.at(1)]).toEqual(entries);
    expect(table.indexOf(table.at(1))).toBe(1);
    expect(table.length).toBe(2);
  });

  it('finds each name, normalised, with its actors and whether it is their name or an alias', () => {
    const table = new KnownActors(JSON.parse(JSON.stringify(KnownActors.fromEntries([...entries, { ...entries[1]!, name: 'Quill', aliases: ['Brass Front'] }], normalizeName))));
    expect(table.find('ada quill')).toEqual([{ actor: 0, via: 'name' }]);
    expect(table.find('a. quill')).toEqual([{ actor: 0, via: 'alias' }]);
    expect(table.find('quill')).toEqual([{ actor: 0, via: 'alias' }, { actor: 2, via: 'name' }]);
    expect(table.find('brass front')).toEqual([{ actor: 1, via: 'name' }, { actor: 2, via: 'alias' }]);
    expect(table.find('Ada Quill')).toEqual([]); // keys are normalised before the look-up
    expect(table.find('zz')).toEqual([]);
    expect(table.find('')).toEqual([]);
  });

  it('is looked up after the gazetteers: a name the bundled lexicon knows keeps its meaning first', () => {
    const lexicon = loadLexiconsSync();
    const index = indexLexicon({ ...lexicon, knownActors: KnownActors.fromEntries([{ ...entries[0]!, aliases: ['Paris'] }], normalizeName) });
    expect(index.lookup('Paris')[0]?.kind).toBe('capital');
    expect(index.lookup('Paris').at(-1)?.kind).toBe('known');
    const known = index.lookup('Ada Quill')[0];
    expect(known?.kind === 'known' && roleOn(known.actor, '2005-01-01').code).toBe('XYZGOV');
    expect(known?.kind === 'known' && roleOn(known.actor, '1999-01-01').code).toBe('XYZELI');
  });
});
