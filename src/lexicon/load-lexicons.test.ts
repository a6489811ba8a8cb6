// What a user of the vocabulary would notice: the countries, cities, regions, organizations and titles news names,
// resolved the way news means them, and a clear error naming the file when a lexicon is malformed.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { CountryEntry, Lexicon } from './lexicon.js';
import { LEXICON_FILES, LexiconError, compileLexicon, loadCountriesSync, loadLexicons, loadLexiconsSync } from './load-lexicons.js';

const lexicon: Lexicon = loadLexiconsSync();
const lexiconDir = fileURLToPath(new URL('../../lexicons/', import.meta.url));

function country(code: string): CountryEntry {
  const found = lexicon.countries.find((entry) => entry.code === code);
  if (!found) throw new Error(`no country ${code}`);
  return found;
}

const lower = (text: string): string => text.toLowerCase();

describe('countries', () => {
  it('knows Pakistan by code, capital and demonym', () => {
    const pakistan = country('PAK');
    expect(pakistan.name).toBe('Pakistan');
    expect(pakistan.capitals).toContain('Islamabad');
    expect(pakistan.demonyms).toEqual(expect.arrayContaining(['Pakistani', 'Pakistanis']));
  });

  it('knows the United States by the names news uses', () => {
    const usa = country('USA');
    expect(usa.name).toBe('United States');
    expect(usa.aliases).toEqual(expect.arrayContaining(['US', 'U.S.', 'America']));
    expect(usa.demonyms).toEqual(expect.arrayContaining(['American', 'Americans']));
  });

  it('knows Iran and Qatar with their capitals', () => {
    expect(country('IRN').name).toBe('Iran');
    expect(country('IRN').capitals).toContain('Tehran');
    expect(country('QAT').name).toBe('Qatar');
    expect(country('QAT').capitals).toContain('Doha');
  });

  it('uses news names where the package name is odd, keeping the package name as an alias', () => {
    expect(country('GBR').name).toBe('Britain');
    expect(country('GBR').aliases).toEqual(expect.arrayContaining(['UK', 'United Kingdom']));
    expect(country('TUR').name).toBe('Turkey');
    expect(country('TUR').aliases).toContain('Türkiye');
    expect(country('MMR').aliases).toContain('Burma');
    expect(country('CZE').aliases).toContain('Czechia');
  });

  it('gives plural demonyms, but none to adjectives', () => {
    expect(country('GBR').demonyms).toEqual(expect.arrayContaining(['British', 'Briton', 'Britons']));
    expect(country('FRA').demonyms).toEqual(['French']);
    expect(country('CHE').demonyms).toEqual(['Swiss']);
    expect(country('CHN').demonyms).toEqual(['Chinese']);
  });

  it('gives each demonym and name to one country only', () => {
    const owners = new Map<string, string>();
    for (const entry of lexicon.countries) {
      for (const form of [entry.name, ...entry.aliases, ...entry.demonyms]) {
        expect(owners.get(lower(form)) ?? entry.code, `${form} of ${entry.code}`).toBe(entry.code);
        owners.set(lower(form), entry.code);
      }
    }
    expect(owners.get('american')).toBe('USA');
    expect(owners.get('congolese')).toBe('COD');
  });

  it('has no ISO alpha-2 codes or foreign-script spellings as aliases', () => {
    const aliases = lexicon.countries.flatMap((entry) => entry.aliases);
    expect(aliases.filter((alias) => /^[A-Z]{2}$/.test(alias) && alias !== 'US' && alias !== 'UK')).toEqual([]);
    expect(aliases.filter((alias) => /[^\u0020-\u00ff’]/u.test(alias))).toEqual([]);
  });
});

describe('cities', () => {
  it('places Tehran in Iran and Islamabad in Pakistan', () => {
    expect(lexicon.cities.find((city) => city.name === 'Tehran')?.country).toBe('IRN');
    expect(lexicon.cities.find((city) => city.name === 'Islamabad')?.country).toBe('PAK');
  });

  it('keeps the city news means when several share a name', () => {
    expect(lexicon.cities.find((city) => city.name === 'London')?.country).toBe('GBR');
    expect(lexicon.cities.find((city) => city.name === 'Birmingham')?.country).toBe('GBR');
    expect(lexicon.cities.find((city) => city.name === 'Athens')?.country).toBe('GRC');
  });

  it('has no duplicate city names', () => {
    const names = lexicon.cities.map((city) => lower(city.name));
    expect(names.length).toBe(new Set(names).size);
  });

  it('names no city like a stop name or a country', () => {
    const taken = new Set([
      ...lexicon.stopNames.map(lower),
      ...lexicon.countries.flatMap((entry) => [entry.name, ...entry.aliases].map(lower)),
    ]);
    const clashes = lexicon.cities.flatMap((city) =>
      [city.name, ...city.aliases].filter((form) => taken.has(lower(form))),
    );
    expect(clashes).toEqual([]);
  });

  it('leaves out towns named like common words, but not famous cities named like people', () => {
    const names = new Set(lexicon.cities.map((city) => city.name));
    for (const word of ['Nice', 'Reading', 'Mobile', 'Split', 'Orange', 'Of', 'Bath']) {
      expect(names).not.toContain(word);
    }
    for (const city of ['Florence', 'Sydney', 'Charlotte', 'Sofia']) expect(names).toContain(city);
  });

  it('spells national capitals both ways where news does', () => {
    expect(lexicon.cities.find((city) => city.name === 'Washington')?.aliases).toContain('Washington D.C.');
    expect(lexicon.cities.find((city) => city.name === 'Kyiv')?.aliases).toContain('Kiev');
  });
});

describe('regions, organizations, titles', () => {
  it('knows Kashmir as a disputed region', () => {
    const kashmir = lexicon.regions.find((region) => region.name === 'Kashmir');
    expect(kashmir).toMatchObject({ type: 'region', country: null });
    expect(kashmir?.demonyms).toContain('Kashmiri');
  });

  it('knows US states and the Middle East', () => {
    const california = lexicon.regions.find((region) => region.name === 'California');
    expect(california).toMatchObject({ type: 'region', country: 'USA' });
    expect(lexicon.regions.find((region) => region.name === 'Middle East')?.demonyms).toContain('Middle Eastern');
    expect(lexicon.regions.find((region) => region.name === 'Strait of Hormuz')?.type).toBe('water');
  });

  it('has no region twice', () => {
    const names = lexicon.regions.map((region) => region.name);
    expect(names.length).toBe(new Set(names).size);
  });

  it('knows NATO and the UN with their acronyms and CAMEO codes', () => {
    const nato = lexicon.organizations.find((organization) => organization.name === 'NATO');
    expect(nato).toMatchObject({ code: 'IGOWSTNAT', country: null });
    expect(nato?.aliases).toContain('North Atlantic Treaty Organization');
    const un = lexicon.organizations.find((organization) => organization.name === 'United Nations');
    expect(un).toMatchObject({ code: 'IGOUNO', country: null });
    expect(un?.aliases).toEqual(expect.arrayContaining(['UN', 'U.N.']));
  });

  it('codes national bodies with their country', () => {
    const isi = lexicon.organizations.find((organization) => organization.aliases.includes('ISI'));
    expect(isi).toMatchObject({ code: 'PAKSPY', country: 'PAK' });
  });

  it('maps titles to sectors: Army Chief is military, Mr is a person with no sector', () => {
    expect(lexicon.titles.find((title) => title.title === 'Army Chief')?.sector).toBe('MIL');
    expect(lexicon.titles.find((title) => title.title === 'Prime Minister')?.sector).toBe('GOV');
    expect(lexicon.titles.find((title) => title.title === 'Mr')?.sector).toBe('');
  });

  it('lists days and months as stop names', () => {
    expect(lexicon.stopNames).toEqual(expect.arrayContaining(['Monday', 'January', 'May']));
  });
});

describe('loading', () => {
  const temporary: string[] = [];
  afterEach(() => {
    for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function copyOfLexicons(): string {
    const dir = mkdtempSync(join(tmpdir(), 'annotate-lexicons-'));
    temporary.push(dir);
    for (const name of Object.values(LEXICON_FILES)) cpSync(join(lexiconDir, name), join(dir, name));
    return dir;
  }

  it('gives a short hash that the async loader agrees with', async () => {
    expect(lexicon.hash).toMatch(/^[0-9a-f]{12}$/);
    expect((await loadLexicons()).hash).toBe(lexicon.hash);
  });

  it('changes the hash when a file changes', () => {
    const dir = copyOfLexicons();
    expect(loadLexiconsSync(dir).hash).toBe(lexicon.hash);
    appendFileSync(join(dir, LEXICON_FILES.stopNames), '- Hogmanay\n');
    expect(loadLexiconsSync(dir).hash).not.toBe(lexicon.hash);
  });

  it('reads the lexicon the build compiled while its key matches, the same lexicon as the YAML gives', async () => {
    const dir = copyOfLexicons();
    const compiled = join(dir, 'lexicons.json');
    writeFileSync(compiled, compileLexicon(dir));
    expect(loadLexiconsSync(dir, { compiled })).toEqual(loadLexiconsSync(dir, { compiled: null }));
    // Marked, to see which one a load returns: the compiled file, not a fresh parse of the YAML.
    const marked = JSON.parse(readFileSync(compiled, 'utf8')) as { lexicon: Lexicon };
    marked.lexicon.stopNames.push('Compiled');
    writeFileSync(compiled, JSON.stringify(marked));
    expect(loadLexiconsSync(dir, { compiled }).stopNames).toContain('Compiled');
    expect((await loadLexicons(dir, { compiled })).stopNames).toContain('Compiled');
  });

  it('reads the YAML once a lexicon file differs from what the compiled lexicon was made from', () => {
    const dir = copyOfLexicons();
    const compiled = join(dir, 'lexicons.json');
    writeFileSync(compiled, compileLexicon(dir));
    appendFileSync(join(dir, LEXICON_FILES.stopNames), '- Hogmanay\n');
    const edited = loadLexiconsSync(dir, { compiled });
    expect(edited.stopNames).toContain('Hogmanay');
    expect(edited.hash).not.toBe(lexicon.hash);
    // A compiled file that is missing or not JSON is no error either.
    writeFileSync(compiled, '{');
    expect(loadLexiconsSync(dir, { compiled }).stopNames).toContain('Hogmanay');
    expect(loadLexiconsSync(dir, { compiled: join(dir, 'missing.json') }).stopNames).toContain('Hogmanay');
  });

  it('throws a LexiconError naming the file and the entry for a malformed entry', async () => {
    const dir = copyOfLexicons();
    const file = join(dir, LEXICON_FILES.cities);
    writeFileSync(file, readFileSync(file, 'utf8') + '- {name: Atlantis, country: atl, aliases: []}\n');
    const error = captureError(() => loadLexiconsSync(dir));
    expect(error).toBeInstanceOf(LexiconError);
    expect((error as LexiconError).file).toBe(file);
    expect((error as LexiconError).message).toContain('cities.yaml');
    expect((error as LexiconError).message).toContain('"Atlantis"');
    expect((error as LexiconError).message).toContain('country');
    await expect(loadLexicons(dir)).rejects.toThrow(LexiconError);
  });

  it('throws a LexiconError for a missing key, a wrong type, invalid YAML and a missing file', () => {
    const cases: [string, string][] = [
      [LEXICON_FILES.organizations, '- {name: Acme, aliases: []}\n'],
      [LEXICON_FILES.regionsExtra, '- {name: Atlantis, type: island, country: null, aliases: [], demonyms: []}\n'],
      [LEXICON_FILES.titles, '- {title: Grand Vizier, sector: gov}\n'],
      [LEXICON_FILES.countries, 'code: [unclosed\n'],
    ];
    for (const [name, text] of cases) {
      const dir = copyOfLexicons();
      writeFileSync(join(dir, name), text);
      const error = captureError(() => loadLexiconsSync(dir));
      expect(error, name).toBeInstanceOf(LexiconError);
      expect((error as LexiconError).file).toBe(join(dir, name));
      expect((error as LexiconError).message).toContain(name);
    }
    const dir = copyOfLexicons();
    rmSync(join(dir, LEXICON_FILES.titles));
    const missing = captureError(() => loadLexiconsSync(dir));
    expect(missing).toMatchObject({ name: 'LexiconError', file: join(dir, LEXICON_FILES.titles) });
  });

  it('reads the countries alone, as the full load does, and names countries.yaml when it is malformed', () => {
    expect(loadCountriesSync()).toEqual(lexicon.countries);
    const dir = copyOfLexicons();
    const file = join(dir, LEXICON_FILES.countries);
    writeFileSync(file, '- {code: pak, name: Pakistan, aliases: [], capitals: [], demonyms: []}\n');
    const error = captureError(() => loadCountriesSync(dir));
    expect(error).toMatchObject({ name: 'LexiconError', file });
    expect((error as LexiconError).message).toContain('ISO alpha-3');
    rmSync(file);
    expect(captureError(() => loadCountriesSync(dir))).toMatchObject({ name: 'LexiconError', file });
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
