// scripts/convert-phoenix.mjs on small dictionaries written for these tests (invented people and groups in the
// Phoenix format): dates, synonyms, inline restrictions, the alias rules, agents' plurals and markers, and that a
// run gives the same bytes twice.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ACTOR_FILES,
  AGENT_FILE,
  convertActors,
  convertAgents,
  displayName,
  makeCommonWordTest,
  makeContext,
  parseActorDictionary,
  parseAgentDictionary,
  parseDate,
  parseRestriction,
  phraseWords,
  pluralOf,
  run,
  type ActorEntry,
} from '../scripts/convert-phoenix.mjs';

const isCommonWord = makeCommonWordTest();

const AGENTS = [
  '# an invented agents file',
  '!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON',
  '',
  'GARDENER [~AGR] # a regular plural',
  'PATROL_DEPUTY [~COP]',
  'CORN_MERCHANT [~BUS]',
  'HARBOUR_POLICE {} [~COP]',
  'SHEEPFOLD_THIEF {SHEEPFOLD_THIEVES} [~CRM]',
  'LIGHTHOUSE!PERSON! [~CVL]',
  'TREATY_WATCHERS_OF [IGO~]',
  'CANAL_COMPAN [~BUS]',
  'CANAL_COMPANY [~BUS]',
  'WEAVER [~LAB]',
  'WEAVER [~CVL]',
  'ORPHAN_WITHOUT_A_CODE',
].join('\n');

const context = makeContext({
  titles: [
    { title: 'Chancellor', sector: 'GOV' },
    { title: 'Prime Minister', sector: 'GOV' },
  ],
  countries: [
    { code: 'AAA', demonyms: ['Arcadian', 'Arcadians'] },
    { code: 'BBB', demonyms: ['Borovian', 'Borovians'] },
  ],
  agentRecords: parseAgentDictionary(AGENTS),
  isCommonWord,
});

function convert(files: { from: ActorEntry['from']; text: string }[]) {
  return convertActors(
    files.map(({ from, text }) => ({ from, ...parseActorDictionary(text) })),
    context,
  );
}

const byName = (entries: ActorEntry[], name: string) => entries.find((entry) => entry.name === name);

describe('dates', () => {
  it('reads eight-digit dates and six-digit ones with 00–30 as 20YY and the rest as 19YY', () => {
    expect(parseDate('19951103')).toBe('1995-11-03');
    expect(parseDate('951103')).toBe('1995-11-03');
    expect(parseDate('051122')).toBe('2005-11-22');
    expect(parseDate('300630')).toBe('2030-06-30');
    expect(parseDate('310630')).toBe('1931-06-30');
  });

  it('refuses impossible days and lengths other than six or eight digits', () => {
    expect(parseDate('19970229')).toBeNull();
    expect(parseDate('20000229')).toBe('2000-02-29');
    expect(parseDate('881340')).toBeNull();
    expect(parseDate('2004017')).toBeNull();
    expect(parseDate('1920030320')).toBeNull();
  });

  it('reads <date, >date and date-date restrictions as open or closed ranges', () => {
    expect(parseRestriction('AAAGOV <010615')).toEqual({ code: 'AAAGOV', from: null, to: '2001-06-15' });
    expect(parseRestriction('AAAGOV >010615')).toEqual({ code: 'AAAGOV', from: '2001-06-15', to: null });
    expect(parseRestriction('AAAGOV  > 010615')).toEqual({ code: 'AAAGOV', from: '2001-06-15', to: null });
    expect(parseRestriction('AAAELI 19680101-990701')).toEqual({ code: 'AAAELI', from: '1968-01-01', to: '1999-07-01' });
    expect(parseRestriction('AAAELI')).toEqual({ code: 'AAAELI', from: null, to: null });
    expect(parseRestriction('AAAGOV 20100101')).toHaveProperty('error');
    expect(parseRestriction('AAAGOV 120301-110301')).toHaveProperty('error');
  });
});

describe('actor dictionaries', () => {
  const COUNTRIES = [
    '# comment line: IGNORED_ACTOR_ [XXX]',
    '',
    'ARCADIA_  [AAA]',
    '+ARCADIAN_',
    '+PORT_ARCADIA_ # a city',
    '',
    'MIRELA_VOSKOVA_  # CountryInfo.txt',
    '+CHANCELLOR_VOSKOVA_',
    '+MIRELA_IRENA_VOSKOVA_',
    '+ARCADIAN_CHANCELLOR_MIRELA_VOSKOVA',
    '+VOSKOVA',
    '+OLIVE',
    '+MV',
    '\t[AAAELI 720101-000101]',
    '\t[AAAGOV >051122]',
    '\t[AAAELI]',
    'TOMAS_DERRIK_',
    '\t[AAAGOV 19990101-20030101] # minister',
    '\t[---]',
    'NOBODY_WITHOUT_A_CODE_',
    'ARCADIAN_HARBOUR_POLICE_  [AAACOP]',
    'LONE_OFFICIAL_ [AAAGOV 900101-2004017]',
  ].join('\n');

  const INTERNATIONAL = [
    '# inline restrictions, as this file writes them',
    'ODRAN_KELLISH_\t[BBBGOV 910101-961231] [IGOUNO >970101] # later at the UN',
    'TREATY_OF_THE_NINE_ORGANIZATION_ [IGOTNO]',
    '+TNO',
  ].join('\n');

  const MILNONSTATE = [
    'SONS_OF_THE_GREY_VALLEY_ [BBBREB] #  invented',
    '+GREY_VALLEY_BRIGADE_',
    '+MARIA_VELKOV_ # its leader',
    '+PORT_ARCADIA_',
  ].join('\n');

  const result = convert([
    { from: 'countries', text: COUNTRIES },
    { from: 'international', text: INTERNATIONAL },
    { from: 'milnonstate', text: MILNONSTATE },
  ]);

  it('keeps the undated code as `code` and the dated ones as roles, in file order', () => {
    expect(byName(result.entries, 'Mirela Voskova')).toEqual({
      name: 'Mirela Voskova',
      type: 'person',
      aliases: ['Mirela Irena Voskova', 'Voskova'],
      code: 'AAAELI',
      roles: [
        ['AAAELI', '1972-01-01', '2000-01-01'],
        ['AAAGOV', '2005-11-22', null],
      ],
      from: 'countries',
    });
  });

  it('reads restrictions written on the primary line', () => {
    expect(byName(result.entries, 'Odran Kellish')).toMatchObject({
      type: 'person',
      code: null,
      roles: [
        ['BBBGOV', '1991-01-01', '1996-12-31'],
        ['IGOUNO', '1997-01-01', null],
      ],
      from: 'international',
    });
  });

  it('drops --- and entries left with neither a code nor roles, and skips country blocks', () => {
    expect(byName(result.entries, 'Tomas Derrik')?.roles).toEqual([['AAAGOV', '1999-01-01', '2003-01-01']]);
    const names = result.entries.map((entry) => entry.name);
    expect(names).not.toContain('Nobody Without a Code');
    expect(names).not.toContain('Lone Official');
    expect(names).not.toContain('Arcadia');
    expect(names).not.toContain('Ignored Actor');
    expect(result.counts.get('skipped: country block (bare country code)')).toBe(1);
  });

  it('drops title + name aliases, one-word common words and words shorter than three letters', () => {
    const aliases = byName(result.entries, 'Mirela Voskova')?.aliases ?? [];
    expect(aliases).not.toContain('Chancellor Voskova');
    expect(aliases).not.toContain('Arcadian Chancellor Mirela Voskova');
    expect(aliases).not.toContain('Olive');
    expect(aliases).not.toContain('MV');
    expect(aliases).toContain('Mirela Irena Voskova');
  });

  it("drops a leader's name from a group's names, and keeps an organization's acronym in capitals", () => {
    // PORT_ARCADIA_ is held by the skipped Arcadian block only besides, so it is no one else's and stays.
    expect(byName(result.entries, 'Sons of the Grey Valley')).toMatchObject({
      type: 'organization',
      aliases: ['Grey Valley Brigade', 'Port Arcadia'],
    });
    expect(byName(result.entries, 'Treaty of the Nine Organization')).toMatchObject({ type: 'organization', aliases: ['TNO'], code: 'IGOTNO' });
  });

  it('sorts by name', () => {
    const names = result.entries.map((entry) => entry.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('drops an alias shared by entries of different countries', () => {
    const shared = convert([
      { from: 'countries', text: 'KARO_MENDT_\n+THE_OLD_FOX_\n\t[AAAGOV >100101]\nLUDO_FARR_\n+THE_OLD_FOX_\n\t[BBBGOV >100101]' },
    ]);
    expect(byName(shared.entries, 'Karo Mendt')?.aliases).toEqual([]);
    expect(byName(shared.entries, 'Ludo Farr')?.aliases).toEqual([]);
    expect(shared.counts.get('alias dropped: shared by entries of different countries')).toBe(2);
  });
});

describe('names', () => {
  it('turns underscores into spaces, drops the trailing underscore and keeps parenthesised acronyms apart', () => {
    expect(phraseWords('GREY_VALLEY_FRONT_(GVF)_')).toEqual({ words: ['GREY', 'VALLEY', 'FRONT'], acronyms: ['GVF'], dropped: [] });
    expect(phraseWords('ILKA_DOREN (ACTING_')).toMatchObject({ words: ['ILKA', 'DOREN'], dropped: ['(ACTING'] });
  });

  it('writes names in news casing: particles lower case inside, ayn apostrophes, Korean given names', () => {
    expect(displayName(['ABU', 'SAMIR', "'ADIL", 'AL-WARDANI'])).toBe("Abu Samir 'Adil al-Wardani");
    expect(displayName(['PIETER', 'VAN', 'DER', 'HOEK'])).toBe('Pieter van der Hoek');
    expect(displayName(['SEAN', "O'DWYER"])).toBe("Sean O'Dwyer");
    expect(displayName(['HAN', 'SO-YEON'], { lowerAfterHyphen: true })).toBe('Han So-yeon');
    expect(displayName(['GVF', 'COUNCIL'], { isAcronym: (word) => word === 'GVF' })).toBe('GVF Council');
  });
});

describe('agents', () => {
  const parsed = parseAgentDictionary(AGENTS);
  const { entries, counts } = convertAgents(parsed, { isCommonWord });
  const agents = entries.map((entry) => entry.agent);

  it('forms regular plurals, none after {} and the given one inside {…}', () => {
    expect(agents).toEqual(expect.arrayContaining(['gardener', 'gardeners', 'patrol deputy', 'patrol deputies', 'corn merchants']));
    expect(agents).toContain('harbour police');
    expect(agents).not.toContain('harbour polices');
    expect(agents).toEqual(expect.arrayContaining(['sheepfold thief', 'sheepfold thieves']));
    expect(agents).not.toContain('sheepfold thiefs');
    expect(pluralOf('ALLEY_KEY')).toBe('ALLEY_KEYS');
    expect(pluralOf('BOX_WATCH')).toBe('BOX_WATCHES');
  });

  it('expands substitution markers into every listed form, without further plurals', () => {
    expect(agents).toEqual(
      expect.arrayContaining(['lighthouseman', 'lighthousemen', 'lighthousewoman', 'lighthousewomen', 'lighthouseperson']),
    );
    expect(agents).not.toContain('lighthousepersons');
  });

  it('tells [~CODE] (sector, after the actor code) from [CODE~] (prefix, before it)', () => {
    expect(entries).toContainEqual({ agent: 'gardener', sector: 'AGR' });
    expect(entries).toContainEqual({ agent: 'treaty watchers of', prefix: 'IGO' });
    expect(agents).not.toContain('treaty watchers ofs');
  });

  it('drops stems, entries without a code and comments, and keeps the first code of a form', () => {
    expect(agents).not.toContain('canal compan');
    expect(agents).toContain('canal company');
    expect(counts.get('dropped: stem, not a whole word')).toBe(1);
    expect(counts.get('dropped: no code')).toBe(1);
    expect(entries).toContainEqual({ agent: 'weaver', sector: 'LAB' });
    expect(agents.some((agent) => agent.includes('regular'))).toBe(false);
  });

  it('sorts the forms', () => {
    expect(agents).toEqual([...agents].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('a run', () => {
  const root = mkdtempSync(join(tmpdir(), 'convert-phoenix-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes the same bytes twice, with the source and licence in the headers', () => {
    const source = join(root, 'petrarch2');
    const out = join(root, 'lexicons');
    mkdirSync(join(source, 'petrarch2/data/dictionaries'), { recursive: true });
    mkdirSync(out);
    const licence = '# The MIT License (MIT)\n#\n# Copyright (c) 2014 Open Event Data Alliance\n#\n# Permission is granted.\n\n';
    writeFileSync(join(source, AGENT_FILE), `${licence}${AGENTS}\n`);
    const [countries, international, milnonstate] = ACTOR_FILES.map((file) => join(source, file.path));
    writeFileSync(countries!, 'ILSE_MARKOW_\n+ILSE_M._MARKOW_\n\t[AAAGOV 100101-141231]\n');
    writeFileSync(international!, 'GREEN_RIVER_FUND_ [NGOENV]\n');
    writeFileSync(milnonstate!, 'RIVER_BAND_MOVEMENT_ [BBBREB]\n');
    writeFileSync(join(out, 'titles.yaml'), '- {title: Chancellor, sector: GOV}\n');
    writeFileSync(join(out, 'countries.yaml'), '- {code: AAA, name: Arcadia, aliases: [], capitals: [], demonyms: [Arcadian]}\n');

    const argv = ['--git-dir', source, '--commit', '0123456789abcdef0123456789abcdef01234567', '--out', out];
    const read = () => ['phoenix-actors.yaml', 'phoenix-agents.yaml', 'PHOENIX-LICENSE.txt'].map((file) => readFileSync(join(out, file), 'utf8'));
    const report = run(argv);
    const first = read();
    expect(run(argv)).toEqual(report);
    expect(read()).toEqual(first);

    const [actors, agents, licenceText] = first;
    for (const text of [actors, agents]) {
      expect(text).toContain('Generated by scripts/convert-phoenix.mjs');
      expect(text).toContain('https://github.com/openeventdata/petrarch2 at commit 0123456789abcdef0123456789abcdef01234567');
      expect(text).toContain('Copyright (c) 2014 Open Event Data Alliance');
    }
    expect(actors).toContain('- {name: Ilse Markow, type: person, aliases: [Ilse M. Markow], code: null, roles: [[AAAGOV, 2010-01-01, 2014-12-31]], from: countries}');
    expect(licenceText).toBe('The MIT License (MIT)\n\nCopyright (c) 2014 Open Event Data Alliance\n\nPermission is granted.\n');
  });
});
