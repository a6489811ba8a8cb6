// Tests of the PETRARCH actor dictionary mapping on small dictionaries written for these tests (invented names and
// codes, never the gold files): each rule of the format, and what the vocabulary gets out of it.
import { describe, expect, it } from 'vitest';
import { displayName, parsePetrarchActors, parsePetrarchDictionary } from './petrarch-actors.js';
import type { UserActor } from '../lexicon/lexicon.js';

function byName(actors: UserActor[], name: string): UserActor | undefined {
  return actors.find((a) => a.name === name);
}

describe('parsePetrarchActors: entries, synonyms and comments', () => {
  it('reads NAME [CODE] entries and their +synonyms, with underscores as spaces', () => {
    const actors = parsePetrarchActors(['VELMORA [VLM]', '+VELMORAN', '+PORT_ASHEN', '', 'KESTREL_ISLES [KST]'].join('\n'));
    expect(actors).toEqual([
      { name: 'Velmora', aliases: ['Velmoran', 'Port Ashen'], code: 'VLM', type: 'country' },
      { name: 'Kestrel Isles', aliases: [], code: 'KST', type: 'country' },
    ]);
  });

  it('takes codes from indented lines after the name, even after synonyms and comment lines', () => {
    const text = [
      'ORVANDE_LEAGUE  # an entry with its codes below',
      '+THE_LEAGUE',
      '\t[IGOORV]',
      '',
      'TARQUIN  ',
      '\t[TRQ]',
    ].join('\n');
    expect(parsePetrarchActors(text)).toEqual([
      { name: 'Orvande League', aliases: ['The League'], code: 'IGOORV', type: 'organization' },
      { name: 'Tarquin', aliases: [], code: 'TRQ', type: 'country' },
    ]);
  });

  it('drops # comments but not the # inside a bracketed code, and skips <!-- --> blocks over several lines', () => {
    const text = [
      '<!-- HEADER OF AN INVENTED DICTIONARY -->',
      '<!--',
      'NOT_AN_ENTRY [NOT]',
      '# still inside the block -->',
      'BRALLOW [BRL] # qq 01/02/03',
      '<! -- a malformed opener is a comment too -->',
      'CINDERMOOR [CND]#no space before the comment',
      '# HIDDEN_ENTRY [HID]',
    ].join('\n');
    const actors = parsePetrarchActors(text);
    expect(actors.map((a) => [a.name, a.code])).toEqual([
      ['Brallow', 'BRL'],
      ['Cindermoor', 'CND'],
    ]);
  });

  it('closes an entry at a blank line, so a stray synonym after it attaches to nothing', () => {
    const actors = parsePetrarchActors(['DUNMARSH [DNM]', '', '+ORPHANED_SYNONYM', 'ELLENFORD [ELF]'].join('\n'));
    expect(byName(actors, 'Dunmarsh')?.aliases).toEqual([]);
    expect(actors.some((a) => a.aliases.includes('Orphaned Synonym') || a.name === 'Orphaned Synonym')).toBe(false);
  });

  it('keeps a comment line between code lines inside the entry (date-restricted codes often have one)', () => {
    const text = ['FENWICK_THE_ELDER', '\t[FNW < 900101]', '#\t[old note]', '\t[FNWGOV > 900101]', ''].join('\n');
    expect(parsePetrarchActors(text)).toEqual([
      {
        name: 'Fenwick the Elder',
        aliases: [],
        code: 'FNWGOV',
        type: 'organization',
        roles: [
          { code: 'FNW', from: null, to: '1990-01-01' },
          { code: 'FNWGOV', from: '1990-01-01', to: null },
        ],
      },
    ]);
  });
});

describe('parsePetrarchActors: dated roles', () => {
  it('keeps each date restriction as a role, so that the sentence date picks the code', () => {
    const text = ['GARRICK [GRR]', '\t[GRK < 950101]', '\t[GRKGOV 19950101 - 19991231]', '\t[GRKREB > 20000101]'].join('\n');
    expect(parsePetrarchActors(text)[0]?.roles).toEqual([
      { code: 'GRK', from: null, to: '1995-01-01' },
      { code: 'GRKGOV', from: '1995-01-01', to: '1999-12-31' },
      { code: 'GRKREB', from: '2000-01-01', to: null },
    ]);
  });

  it('leaves out a restriction whose date cannot be read, and gives no roles to an entry without any', () => {
    const text = ['HALDOR [HLD]', '\t[HLDMIL 2008013-20090101]', '\t[HLDGOV >20090101]', '', 'IVAR [IVR]', ''].join('\n');
    const [haldor, ivar] = parsePetrarchActors(text);
    expect(haldor?.roles).toEqual([{ code: 'HLDGOV', from: '2009-01-01', to: null }]);
    expect(ivar).not.toHaveProperty('roles');
  });
});

describe('parsePetrarchActors: codes', () => {
  it('prefers the unrestricted code over date-restricted ones', () => {
    const text = ['GARRICK', '\t[GRK < 950101]', '\t[GRKGOV 19950101 - 19991231]', '\t[GRR]', '\t[GRKREB > 20000101]'].join('\n');
    expect(parsePetrarchActors(text)[0]?.code).toBe('GRR');
    const inline = parsePetrarchActors('HALDOR [HLD]  # default\n\t[HLDMIL 20080101-20090101]\n\t[HLDGOV >20090101]');
    expect(inline[0]?.code).toBe('HLD');
  });

  it('takes the last code when every code is date-restricted', () => {
    const text = ['IVERSTEAD', '\t[IVS < 950101]', '\t[IVSGOV 19950101 - 19991231]', '\t[IVSREB > 991231]'].join('\n');
    expect(parsePetrarchActors(text)[0]?.code).toBe('IVSREB');
    expect(parsePetrarchActors('JORVIK\n\t[JRV <911226]')[0]?.code).toBe('JRV');
  });

  it('skips an entry whose code is a discard marker, also when it is the code chosen among dated ones', () => {
    const dictionary = parsePetrarchDictionary(
      [
        'KALDAR [---]',
        'LUMEN [+++]',
        'MARROW [###]',
        'NETHERBY [NTB]',
        'OSWIN',
        '\t[--- < 950101]',
        '\t[OSW]',
        'PELL',
        '\t[PLL < 950101]',
        '\t[--- > 950101]',
      ].join('\n'),
    );
    expect(dictionary.actors.map((a) => a.name)).toEqual(['Netherby', 'Oswin']);
    expect(dictionary.actors[1]?.code).toBe('OSW');
    expect(dictionary.skipped).toEqual([
      { name: 'Kaldar', line: 1, reason: 'discard code' },
      { name: 'Lumen', line: 2, reason: 'discard code' },
      { name: 'Marrow', line: 3, reason: 'discard code' },
      { name: 'Pell', line: 8, reason: 'discard code' },
    ]);
  });

  it('upper-cases a lower-case code and takes the first of several codes A/B/C', () => {
    const actors = parsePetrarchActors('QUILLON [qln]\nRAVENSCAR [RVN/SCR/HLM]');
    expect(actors.map((a) => a.code)).toEqual(['QLN', 'RVN']);
  });

  it('keeps an actor whose code has no country ([---GOV]) or is not letters (G55) without a code', () => {
    const actors = parsePetrarchActors('SOREN_COUNCIL [---GOV]\nGROUP_OF_55 [G55]');
    expect(actors).toEqual([
      { name: 'Soren Council', aliases: [], code: null, type: 'organization' },
      { name: 'Group of 55', aliases: [], code: null, type: 'organization' },
    ]);
  });

  it('cuts a code whose length is not a multiple of 3 to whole three-letter groups', () => {
    const actors = parsePetrarchActors('TAVISH [TVSNO]\nUMBERLY [UMBGO]\nVANTH [VN]\nWESSEX_ARMS [WSXMILREB]');
    expect(actors.map((a) => [a.name, a.code, a.type])).toEqual([
      ['Tavish', 'TVS', 'country'],
      ['Umberly', 'UMB', 'country'],
      ['Vanth', null, 'organization'],
      ['Wessex Arms', 'WSXMILREB', 'organization'],
    ]);
  });

  it('types a three-letter code as a country and anything longer as an organization', () => {
    const actors = parsePetrarchActors('YARROW [YRW]\nYARROW_GUARD [YRWMIL]');
    expect(actors.map((a) => a.type)).toEqual(['country', 'organization']);
  });

  it('lists an entry without any code as skipped', () => {
    const dictionary = parsePetrarchDictionary('ZEPHYRINE\n\nABBOTSLEA [ABL]');
    expect(dictionary.actors.map((a) => a.name)).toEqual(['Abbotslea']);
    expect(dictionary.skipped).toEqual([{ name: 'Zephyrine', line: 1, reason: 'no code' }]);
  });
});

describe('parsePetrarchActors: duplicates', () => {
  it('keeps the first entry of a name, ignoring case, underscores and a trailing underscore', () => {
    const dictionary = parsePetrarchDictionary('BRYNMOOR [BRY]\nBRYNMOOR_ [BRX]\nbrynmoor [BRZ]');
    expect(dictionary.actors).toEqual([{ name: 'Brynmoor', aliases: [], code: 'BRY', type: 'country' }]);
    expect(dictionary.skipped.map((s) => [s.line, s.reason])).toEqual([
      [2, 'duplicate name'],
      [3, 'duplicate name'],
    ]);
  });

  it('drops a synonym that an earlier entry already holds as a name or synonym', () => {
    const actors = parsePetrarchActors(
      ['CALDRIC [CLD]', '+CALDRICAN', 'CALDRIC_REPUBLIC [CLR]', '+CALDRICAN', '+CALDRIC', '+NEW_CALDRIC', '+NEW_CALDRIC'].join(
        '\n',
      ),
    );
    expect(actors).toEqual([
      { name: 'Caldric', aliases: ['Caldrican'], code: 'CLD', type: 'country' },
      { name: 'Caldric Republic', aliases: ['New Caldric'], code: 'CLR', type: 'country' },
    ]);
  });
});

describe('displayName', () => {
  it('turns capitals into title case, hyphenated parts included, and drops the whole-word underscore', () => {
    expect(displayName('DORVAL_HEIGHTS')).toBe('Dorval Heights');
    expect(displayName('EMBERFALL_')).toBe('Emberfall');
    expect(displayName('AL-VESTRA')).toBe('Al-Vestra');
    expect(displayName("O'BRANNOCK")).toBe("O'Brannock");
    expect(displayName('MCFARQUAR')).toBe('McFarquar');
  });

  it('writes small words in lower case inside a name, not first', () => {
    expect(displayName('FIRTH_OF_THE_GREY_WATER')).toBe('Firth of the Grey Water');
    expect(displayName('THE_GREY_WATER')).toBe('The Grey Water');
  });

  it('keeps dotted initials and words without a vowel as written', () => {
    expect(displayName('Q.R.')).toBe('Q.R.');
    expect(displayName('V.K.')).toBe('V.K.');
    expect(displayName('T.S.S.K')).toBe('T.S.S.K');
    expect(displayName('GENERAL_HOLT_J._BRAMWELL')).toBe('General Holt J. Bramwell');
    expect(displayName('QXV_BRANCH')).toBe('QXV Branch');
  });

  it('keeps a short name that reads as letters (an acronym) and title-cases one that reads as a word', () => {
    // One syllable in two or three letters, or three consonants in a row: read as letters.
    for (const acronym of ['IRF', 'BLO', 'OAE', 'EK', 'ULSK']) expect(displayName(acronym)).toBe(acronym);
    expect(displayName('EK_')).toBe('EK');
    expect(displayName('THE_KV')).toBe('The KV');
    expect(displayName('THE_EA')).toBe('The EA');
    // The same letters as the entry's code.
    expect(displayName('ARA', 'ARA')).toBe('ARA');
    expect(displayName('ARA')).toBe('Ara');
    // Two syllables, or four letters without a consonant cluster: a word.
    for (const [raw, shown] of [['IVAR', 'Ivar'], ['ODAN', 'Odan'], ['DREE', 'Dree'], ['TOLA', 'Tola']] as const) {
      expect(displayName(raw, 'XYZ')).toBe(shown);
    }
    // Only the whole name is judged: a short word inside a longer name is a word.
    expect(displayName('DURN_ELK_BAND')).toBe('Durn Elk Band');
  });

  it('keeps a word someone already wrote in mixed case', () => {
    expect(displayName('MacQuillan_Trust')).toBe('MacQuillan Trust');
  });
});
