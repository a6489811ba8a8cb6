// Converts the Phoenix actor and agent dictionaries of PETRARCH2 (https://github.com/openeventdata/petrarch2, MIT)
// into lexicons/phoenix-actors.yaml and lexicons/phoenix-agents.yaml, with the source's licence beside them in
// lexicons/PHOENIX-LICENSE.txt. Run with `node scripts/convert-phoenix.mjs [--git-dir <petrarch2 .git or checkout>]
// [--commit <sha>]`; `--out <dir>` writes elsewhere than lexicons/ (reading titles.yaml and countries.yaml there), and
// `--explain-types <file>` saves the rule that typed each actor, for review.
//
// The dictionary format is the one docs/source/dictionaries.rst of that repository describes; this is our own reader
// of it. Deterministic by construction: the same source bytes give the same output bytes (no dates, code-unit
// sorting, a fixed-seed sample). What it keeps, drops and finds odd is printed, by reason, for review.
//
// The parsing and naming functions are exported for test/convert-phoenix.test.ts; main() runs only when the file is
// executed, not when it is imported.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, isMap, isSeq, parse } from 'yaml';

export const REPOSITORY = 'https://github.com/openeventdata/petrarch2';
export const DEFAULT_GIT_DIR = '/work/.mirror/openeventdata+petrarch2/repo/.git';
export const DEFAULT_COMMIT = '676801cd9cb2924bbbad09f86d15c9323e7097bf';
const DICTIONARIES = 'petrarch2/data/dictionaries';

/** The actor files, with the `from` each entry records. */
export const ACTOR_FILES = [
  { from: 'countries', path: `${DICTIONARIES}/Phoenix.Countries.actors.txt` },
  { from: 'international', path: `${DICTIONARIES}/Phoenix.International.actors.txt` },
  { from: 'milnonstate', path: `${DICTIONARIES}/Phoenix.MilNonState.actors.txt` },
];
export const AGENT_FILE = `${DICTIONARIES}/Phoenix.agents.txt`;

const LEXICONS = new URL('../lexicons/', import.meta.url);

/** A CAMEO actor code: one or more three-letter groups. */
const CODE = /^[A-Z]{3}(?:[A-Z]{3})*$/;

/** Code-unit order: the same everywhere, unlike localeCompare. */
const compareText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const keyOf = (text) => text.toLowerCase();

// ---------------------------------------------------------------------------------------------------------------
// lines

/** The line without its comment: the format's comments start at `#` (anywhere) or are `<!-- … -->` on one line. */
export function stripComment(line) {
  let text = line.replace(/<!--.*?-->/g, '');
  const hash = text.indexOf('#');
  if (hash >= 0) text = text.slice(0, hash);
  return text.replace(/\s+$/, '');
}

// ---------------------------------------------------------------------------------------------------------------
// dates and restrictions

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * An ISO date (YYYY-MM-DD) from the dictionaries' YYYYMMDD or YYMMDD, or null when it is not one. Six-digit years
 * 00–30 are 20YY and the others 19YY, as the format's reader has them. Other lengths (PETRARCH would read the first
 * six or eight digits of them) are refused: in these files they are typos whose intended date cannot be told.
 */
export function parseDate(digits) {
  if (!/^\d{6}(?:\d{2})?$/.test(digits)) return null;
  let year;
  let rest;
  if (digits.length === 8) {
    year = Number(digits.slice(0, 4));
    rest = digits.slice(4);
  } else {
    const yy = Number(digits.slice(0, 2));
    year = yy <= 30 ? 2000 + yy : 1900 + yy;
    rest = digits.slice(2);
  }
  const month = Number(rest.slice(0, 2));
  const day = Number(rest.slice(2, 4));
  if (month < 1 || month > 12 || day < 1) return null;
  const days = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * One restriction, the text inside `[...]`: a code, then optionally `<date` (before), `>date` (from) or
 * `date-date` (between; both ends inclusive). Returns `{ code, from, to }` (dates ISO or null, both null for an
 * undated code) or `{ error }`. The code is returned as written; checking it is the caller's business.
 */
export function parseRestriction(inner) {
  const parts = inner.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { error: 'empty restriction' };
  const code = parts[0];
  const spec = parts.slice(1).join('');
  if (spec === '') return { code, from: null, to: null };
  let from = null;
  let to = null;
  let match;
  if ((match = /^<(\d+)$/.exec(spec))) {
    to = parseDate(match[1]);
    if (to === null) return { error: `bad date "${match[1]}"`, code };
  } else if ((match = /^>(\d+)$/.exec(spec))) {
    from = parseDate(match[1]);
    if (from === null) return { error: `bad date "${match[1]}"`, code };
  } else if ((match = /^(\d+)-(\d+)$/.exec(spec))) {
    from = parseDate(match[1]);
    to = parseDate(match[2]);
    if (from === null || to === null) return { error: `bad date in "${spec}"`, code };
    if (to < from) return { error: `dates in reverse order "${spec}"`, code };
  } else {
    return { error: `unreadable date restriction "${spec}"`, code };
  }
  return { code, from, to };
}

/** The `[...]` groups of a piece of line, and what is left of it. A `}` closing a `[` counts as `]` (a typo). */
function takeBrackets(text) {
  const groups = [];
  const rest = text.replace(/\[([^\]}[]*)[\]}]?/g, (_, inner) => {
    groups.push(inner);
    return ' ';
  });
  return { groups, rest };
}

// ---------------------------------------------------------------------------------------------------------------
// actor dictionaries

/**
 * Reads an actor dictionary into records: `{ line, forms, restrictions, notes }`. A record is a primary line, its
 * `+` synonym lines, and its restriction lines (`[CODE ...]` on lines of their own, or inline after a phrase).
 * `forms` are the raw phrases (primary first); `restrictions` are `{ code, from, to, line }` in file order.
 * `notes` collects `{ reason, line, text }` for anything read with a repair or skipped.
 */
export function parseActorDictionary(text) {
  const records = [];
  const notes = [];
  let current = null;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = stripComment(raw);
    if (line.trim() === '') return;
    const trimmed = line.trim();
    const addRestrictions = (groups) => {
      for (const inner of groups) {
        const restriction = parseRestriction(inner);
        if ('error' in restriction) {
          notes.push({ reason: `restriction dropped: ${restriction.error}`, line: lineNumber, text: raw.trim() });
          continue;
        }
        current.restrictions.push({ ...restriction, line: lineNumber });
      }
    };
    if (trimmed.startsWith('[')) {
      if (current === null) {
        notes.push({ reason: 'restriction before any actor', line: lineNumber, text: raw.trim() });
        return;
      }
      const { groups, rest } = takeBrackets(trimmed);
      if (rest.trim() !== '') notes.push({ reason: 'text after a restriction ignored', line: lineNumber, text: raw.trim() });
      addRestrictions(groups);
      return;
    }
    const synonym = trimmed.startsWith('+');
    if (synonym && current === null) {
      notes.push({ reason: 'synonym before any actor', line: lineNumber, text: raw.trim() });
      return;
    }
    if (!synonym) {
      current = { line: lineNumber, forms: [], restrictions: [], notes: [] };
      records.push(current);
    }
    const { groups, rest } = takeBrackets(synonym ? trimmed.slice(1) : trimmed);
    if (synonym && groups.length > 0) {
      notes.push({ reason: 'restriction on a synonym line (applied to its actor)', line: lineNumber, text: raw.trim() });
    }
    if (/[\]}]/.test(rest)) notes.push({ reason: 'stray bracket removed from a phrase', line: lineNumber, text: raw.trim() });
    // A `+` inside a synonym joins two synonyms that lost their line break.
    // (B+H_OCEAN_CARRIERS is a name: a + between single letters stays.)
    const phrases = rest.replace(/[\]}]/g, ' ').split(/(?<=[A-Z_]{2})\+|\s\+/);
    if (phrases.length > 1) notes.push({ reason: 'two synonyms on one line, split at "+"', line: lineNumber, text: raw.trim() });
    for (const phrase of phrases) {
      if (phrase.replace(/[_\s]/g, '') !== '') current.forms.push(phrase.trim());
    }
    addRestrictions(groups);
  });
  return { records, notes };
}

// ---------------------------------------------------------------------------------------------------------------
// names: from a raw phrase to the words and display form news uses

/** Words written in lower case inside a name (never as its first word). */
const PARTICLES = new Set(
  'al el ul ud wal wa bin bint ibn de del della dei der den di da das do dos du la le les van von ter te y e of the and for on in at to a an en et des'.split(
    ' ',
  ),
);
/** Particles after a hyphen: al-Qatari, Zia-ul-Haq, Nasir-ud-Din. */
const HYPHEN_PARTICLES = new Set(['al', 'el', 'ul', 'ud', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'ed', 'ibn', 'bin', 'e']);
const ROMAN = /^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI)$/;

/**
 * The words of a raw phrase: `_` and blanks separate words; a trailing `_` is dropped; a backtick (an ayn) becomes
 * an apostrophe; a parenthesised acronym is returned apart (`ADEN_ARMY_(AAIA)` → words ADEN ARMY, acronym AAIA), any
 * other parenthesised or unclosed `(...` part is dropped, and so is everything after a comma ("SMITH, BARON_X").
 */
export function phraseWords(phrase) {
  let text = phrase.replace(/[`´‘’]/g, "'").replace(/_/g, ' ');
  const acronyms = [];
  const dropped = [];
  text = text.replace(/\(([^()]*)\)/g, (_, inner) => {
    const word = inner.trim();
    if (/^[A-Za-z]{2,8}$/.test(word)) acronyms.push(word.toUpperCase());
    else dropped.push(`(${inner})`);
    return ' ';
  });
  const open = text.indexOf('(');
  if (open >= 0) {
    dropped.push(text.slice(open).trim());
    text = text.slice(0, open);
  }
  const comma = text.indexOf(',');
  if (comma >= 0) {
    dropped.push(text.slice(comma).trim());
    text = text.slice(0, comma);
  }
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(/^-+|-+$/g, ''))
    .filter((word) => word !== '' && word !== '-');
  return { words: words.map((word) => word.toUpperCase()), acronyms, dropped };
}

function capitalize(part) {
  if (part === '') return part;
  const lower = part.toLowerCase();
  // O'Brien, D'Alema; 'Aziz (a leading ayn)
  let match;
  if ((match = /^([a-z])'([a-z].*)$/.exec(lower))) return `${match[1].toUpperCase()}'${match[2][0].toUpperCase()}${match[2].slice(1)}`;
  if ((match = /^(['"]+)([a-z].*)$/.exec(lower))) return `${match[1]}${match[2][0].toUpperCase()}${match[2].slice(1)}`;
  if ((match = /^mc([a-z])(.+)$/.exec(lower))) return `Mc${match[1].toUpperCase()}${match[2]}`;
  return lower[0].toUpperCase() + lower.slice(1);
}

/** One syllable of romanised Korean: Ban, Ki, Moon, Jong, Hwa. */
const KOREAN_SYLLABLE = /^(?:CH|KK|TT|PP|SS|JJ|HW|WH|[BCDGHJKMNPRSTWY])?[AEIOUWY]{1,3}(?:NG|[NMLKPT])?$/;

/** A name written as Korean names are: two or three words of single syllables, one a hyphenated pair (BAN_KI-MOON). */
export function isKoreanName(words) {
  if (words.length < 2 || words.length > 3) return false;
  const hyphenated = words.filter((word) => word.includes('-'));
  if (hyphenated.length !== 1) return false;
  return words.every((word) => {
    const parts = word.split('-');
    return parts.length <= 2 && parts.every((part) => KOREAN_SYLLABLE.test(part) && !HYPHEN_PARTICLES.has(part.toLowerCase()));
  });
}

/**
 * The display form of a name's words in news casing. `isAcronym(word)` says which words stay upper case (IAEA);
 * particles inside a name are lower case (al, bin, de, van); `lowerAfterHyphen` writes Korean given names as news
 * does (Ban Ki-moon, Kim Jong-un).
 */
export function displayName(words, { isAcronym = () => false, lowerAfterHyphen = false } = {}) {
  return words
    .map((word, index) => {
      if (/^\d+(?:ST|ND|RD|TH|S)$/.test(word)) return word.toLowerCase(); // 1st, 20th, 1920s
      if (/\d/.test(word)) return word; // M-19, 17N: codes, not words
      if (/^(?:[A-Z]\.)+[A-Z]?$/.test(word) && word.length > 2) return word; // U.N., U.S.A.
      if (/^[A-Z]\.$/.test(word)) return word; // an initial
      if (ROMAN.test(word) && index > 0) return word;
      if (isAcronym(word.replace(/\./g, ''))) return word;
      // Parts between "-", "/" and "&" are cased one by one: al-Qatari, Wendy's/Arby's, H&Q.
      const pieces = word.split(/([-/&])/);
      return pieces
        .map((part, pieceIndex) => {
          if (pieceIndex % 2 === 1 || part === '') return part;
          const partIndex = pieceIndex / 2;
          const afterHyphen = partIndex > 0 && pieces[pieceIndex - 1] === '-';
          const lower = part.toLowerCase();
          if (partIndex === 0 && index > 0 && PARTICLES.has(lower)) return lower;
          if (afterHyphen && HYPHEN_PARTICLES.has(lower)) return lower;
          if (partIndex > 0 && (isAcronym(part) || ROMAN.test(part))) return part;
          if (partIndex === 0 && ROMAN.test(part) && pieces.length > 1) return part;
          if (afterHyphen && lowerAfterHyphen) return lower;
          return capitalize(part);
        })
        .join('');
    })
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// the vocabulary the rules consult

/** Proper-noun tags of compromise's lexicon: a word with one of these is a name, not a common word. */
function properNounTags(nlp) {
  const tagSet = nlp.model().one.tagSet;
  return new Set(
    Object.keys(tagSet).filter((tag) => tag === 'ProperNoun' || (tagSet[tag].parents ?? []).includes('ProperNoun')),
  );
}

/** A test of single words against compromise's own lexicon: true for common English words (a non-proper tag). */
export function makeCommonWordTest() {
  const nlp = createRequire(import.meta.url)('compromise');
  const lexicon = nlp.model().one.lexicon;
  const proper = properNounTags(nlp);
  const isCommon = (word) => {
    const tags = lexicon[word.toLowerCase()];
    if (tags === undefined) return false;
    return [].concat(tags).some((tag) => !proper.has(tag));
  };
  /** Any word compromise knows, common or proper (China, Paris): not an acronym. */
  isCommon.isKnown = (word) => lexicon[word.toLowerCase()] !== undefined;
  return isCommon;
}

/** Title and office words in foreign languages and forms news quotes, beside those of titles.yaml and the agents. */
const FOREIGN_TITLES =
  'kanzler bundeskanzler bundeskanzlerin kanzlerin bundespraesident bundesprasident praesident president presidente ' +
  'presidenta premier premiere ministre ministro ministerpraesident sheikh shaikh sheik emir amir mullah maulana ' +
  'mawlana mawlawi maulvi ayatollah hojatoleslam imam king queen prince princess sultan shah raja rajah maharaja ' +
  'dato datuk tan sri tun haji hajji hadji pak ibu monsieur madame senor senora herr frau dr mr mrs ms sir lord ' +
  'lady dame baron baroness count duke general gen lieutenant lt colonel col major maj captain capt admiral adm ' +
  'marshal field brigadier commander cmdr chief head leader former ex acting deputy vice interim late new elected ' +
  'designate senior top supreme grand secretary-general secretary general chairman chairwoman chair speaker ' +
  'governor mayor senator rep representative ambassador envoy minister spokesman spokeswoman foreign defense ' +
  'defence interior finance prime state first lady opposition rebel militant cleric pope cardinal archbishop bishop ' +
  'patriarch rabbi reverend rev father';

/**
 * Words that, put in front of a name, make a title-and-name alias (CHANCELLOR_MERKEL): the words of lexicons/
 * titles.yaml, of the single-word agents (PRESIDENT, MINISTER), the demonyms of lexicons/countries.yaml, and the
 * foreign and common titles above. Function words are left out so that "Army of X" is never read as a title.
 */
export function buildTitleWords({ titles, countries, agentWords }) {
  const words = new Set();
  const add = (text) => {
    for (const word of text.toLowerCase().split(/[\s]+/)) {
      if (word !== '' && !PARTICLES.has(word)) words.add(word.replace(/\.$/, ''));
    }
  };
  for (const { title } of titles) add(title);
  for (const country of countries) for (const demonym of country.demonyms ?? []) add(demonym);
  for (const word of agentWords) add(word);
  add(FOREIGN_TITLES);
  for (const extra of ['u.n.', 'u.n', 'u.s', 'un', 'united', 'nations', 'states', 'u.s.', 'us', 'uk', 'eu', 'gov', 'sen', 'rep']) words.add(extra);
  return words;
}

// ---------------------------------------------------------------------------------------------------------------
// types

/** Plural nouns of people, which end the names of groups ("Afghan National Army Soldiers"): the last words of the
 *  agents' plural forms and the plural demonyms of lexicons/countries.yaml. */
export function pluralPeopleWords({ agentRecords, countries }) {
  const words = new Set(['people', 'police', 'troops', 'forces', 'militia', 'militias', 'clergy', 'youth']);
  for (const record of agentRecords.records) {
    for (const form of record.forms.slice(1)) {
      const last = form.replace(/[_\s]+/g, ' ').trim().toLowerCase().split(' ').pop();
      if (last && /(?:ers|ors|ists|ians|ants|ents|ees|men|ives|ites)$/.test(last)) words.add(last);
    }
  }
  for (const country of countries) for (const demonym of country.demonyms ?? []) if (/s$/.test(demonym)) words.add(demonym.toLowerCase());
  return words;
}

/** Words that make a name an organization wherever they stand in it. */
const ORG_WORDS = new Set(
  (
    'party parties army armies forces force ministry ministries commission front brigade brigades movement movements ' +
    'council agency bank company companies corp corporation inc ltd llc plc organization organisation organizations ' +
    'union association network group groups committee league alliance coalition federation institute institution ' +
    'university college foundation fund trust society church court tribunal parliament assembly congress senate ' +
    'police guard guards corps battalion battalions regiment division office department bureau authority service ' +
    'services airlines airline airways systems industries industry holdings partners news times radio television tv ' +
    'press center centre program programme project mission secretariat board cabinet government administration ' +
    'embassy school academy hospital cells cell nuclei nucleus faction factions army jihad jamaat jamaah jamiat ' +
    'mujahideen mujahidin tanzim harakat hizb hezbollah hizbollah lashkar jaish jaysh tehrik tehreek ittehad ' +
    'brotherhood fraternity legion legions squad squads command commandos unit units cartel clan tribe tribes ' +
    'guerrilla guerrillas militia militias resistance revolution revolutionary liberation solidarity initiative ' +
    'conference forum institute observatory watch international global worldwide foundation mobile motors energy ' +
    'oil petroleum gas electric pharmaceuticals pharma bancorp financial capital insurance communications telecom ' +
    'media magazine journal gazette post herald tribune daily broadcasting channel agency consortium enterprises ' +
    'enterprise limited co gmbh ag sa spa nv bv group council directorate ministry cooperative coop federal national ' +
    'republic kingdom state states club fellowship cross roja rouge parishad sangh sena samaj morcha dal palace house'
  ).split(' '),
);


/** Codes of international and non-state organizations and companies. */
const ORG_CODE = /^(?:IGO|NGO|NGM|MNC|IMG|UAF|INT|REB|MED|BUS)/;

/** First names compromise knows, and the words that start Arabic and other names. */
function makePersonWordTest() {
  const nlp = createRequire(import.meta.url)('compromise');
  const lexicon = nlp.model().one.lexicon;
  const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);
  const NAME_STARTS = new Set(
    'abu abd abdul abdel abdal abdullah ahmed ahmad mohammed mohammad muhammad mohamed mohamad mullah sheikh shaikh sayyid sayed syed haji hajji maulana mawlana mawlawi ibn bin umm'.split(
      ' ',
    ),
  );
  return (word) => {
    const lower = word.toLowerCase();
    if (NAME_STARTS.has(lower)) return true;
    const tags = lexicon[lower];
    return tags !== undefined && [].concat(tags).some((tag) => NAME_TAGS.has(tag));
  };
}

/**
 * The type of an entry, with the rule that decided it: person | organization | group. Phoenix does not say; the
 * rules, first match wins: organization words in any of its names → organization; a name ending in a plural noun
 * of people → group; MilNonState → organization unless the name is clearly a person's; dated roles and a
 * personal-looking name → person; IGO/NGO/MNC/… codes → organization; the CountryInfo part of the countries file
 * (leaders) → person; otherwise organization.
 */
export function inferType({ from, names, code, roles, isPersonWord, groupWords = new Set(), titleWords = new Set() }) {
  // A person's synonyms carry offices (NATIONAL_SECURITY_ADVISER_X): with dated roles only the primary name counts.
  const wordLists = (roles.length > 0 ? names.slice(0, 1) : names).map((words) => words.map((word) => word.toLowerCase()));
  if (wordLists.some((words) => words.some((word) => ORG_WORDS.has(word) || word.split('-').some((part) => ORG_WORDS.has(part))))) {
    return { type: 'organization', rule: 'organization word' };
  }
  const primary = wordLists[0] ?? [];
  const last = primary[primary.length - 1] ?? '';
  const generic = (word) => titleWords.has(word) || PARTICLES.has(word) || groupWords.has(word);
  const codes = [code, ...roles.map((role) => role[0])].filter(Boolean);
  if (primary.length > 1 && roles.length === 0 && groupWords.has(last) && primary.every(generic) && !codes.some((c) => ORG_CODE.test(c))) {
    return { type: 'group', rule: 'generic words ending in a plural noun of people' };
  }
  if (primary.length > 1 && primary.every((word) => titleWords.has(word) || PARTICLES.has(word))) {
    return { type: 'organization', rule: 'an office: title words only' };
  }
  // MilNonState lists a group's leaders among its names: only its primary name says what it is.
  const personal = (from === 'milnonstate' ? names.slice(0, 1) : names).some(
    (words) => words.length >= 2 && words.length <= 6 && isPersonWord(words[0]) && !words.some((word) => /\d/.test(word)),
  );
  const shapeOfName = primary.length >= 1 && primary.length <= 12 && !primary.some((word) => /\d/.test(word));
  if (from === 'milnonstate') {
    return personal ? { type: 'person', rule: 'milnonstate, personal name' } : { type: 'organization', rule: 'milnonstate' };
  }
  if (roles.length > 0 && (personal || shapeOfName)) return { type: 'person', rule: 'dated roles, name-shaped' };
  // Companies are often named after people (Tim Hortons, John Hancock): an MNC code settles it.
  if (codes.some((c) => c.startsWith('MNC'))) return { type: 'organization', rule: 'company code' };
  if (codes.some((c) => ORG_CODE.test(c))) {
    return personal ? { type: 'person', rule: 'organization code, but a personal name' } : { type: 'organization', rule: 'organization code' };
  }
  if (personal) return { type: 'person', rule: 'personal name' };
  // Undated entries of the countries file are leaders (elites, opposition) or institutions (Bundestag, Knesset).
  if (from === 'countries' && code !== null && /(?:ELI|OPP)$/.test(code)) return { type: 'person', rule: 'countries file, elite or opposition code' };
  if (from === 'international' && primary.length >= 2 && primary.length <= 4 && shapeOfName) return { type: 'person', rule: 'international, no organization code, name-shaped' };
  return { type: 'organization', rule: 'default' };
}

// ---------------------------------------------------------------------------------------------------------------
// actors: records → entries

/** The country a code names: its first three letters. */
const countryOf = (code) => code.slice(0, 3);

/** A code cleaned of stray characters, or null with the reason it is dropped. */
export function cleanCode(raw) {
  const code = raw.replace(/[\]}]/g, '').trim();
  if (/^-+$/.test(code)) return { code: null, reason: 'null code ---' };
  if (CODE.test(code)) return { code };
  const upper = code.toUpperCase();
  if (CODE.test(upper)) return { code: upper, odd: `code "${raw}" upper-cased` };
  const letters = upper.replace(/\d+/g, '');
  if (letters !== upper && CODE.test(letters)) return { code: letters, odd: `code "${raw}" read without its digits as ${letters}` };
  return { code: null, reason: `malformed code "${raw}"`, odd: true };
}

/** Acronyms that are also English words (US) or whose long form is not in the files. */
const KNOWN_ACRONYMS = new Set(['US', 'UK', 'UN', 'EU', 'AU', 'USA', 'UAE', 'USSR', 'OAS', 'OPEC', 'ASEAN', 'NATO']);
/** Abbreviations without a vowel that are written in lower case: Ltd, Jr. */
const NOT_ACRONYMS = new Set(['LTD', 'JR', 'SR', 'ST', 'MR', 'MRS', 'MS', 'DR', 'MT', 'FT', 'BHD', 'PTY', 'HQ']);

/** Two consonants English words start with. */
const ONSETS = new Set('BL BR CH CL CR DR DW FL FR GH GL GN GR KH KL KN KR PH PL PR PS QU SC SH SK SL SM SN SP SQ ST SW SZ TH TR TS TW WH WR ZH'.split(' '));

/** Splits a word into the letters of a possible acronym: IAEA, U.N. → UN. */
const lettersOf = (word) => word.replace(/\./g, '');

/**
 * Words that stand for acronyms in organizations' names: parenthesised ones, ones without a vowel, and ones spelled
 * by the initials of some longer form in the files (NATO, IAEA), unless the word is also a word of a person's name
 * in the files (ABU, ALI) or an ordinary word.
 */
export function makeAcronymTest({ forms, personWords, isCommonWord, parenthesised }) {
  const initials = new Set();
  const FUNCTION = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'la', 'du', 'des', 'et', 'y', 'el', 'al', 'to', 'a']);
  for (const form of forms) {
    const words = form.flatMap((word) => word.split('-'));
    if (words.length < 2) continue;
    const letters = words.map((word) => lettersOf(word)).filter((word) => /^[A-Z]/.test(word));
    initials.add(letters.map((word) => word[0]).join(''));
    initials.add(
      letters
        .filter((word) => !FUNCTION.has(word.toLowerCase()))
        .map((word) => word[0])
        .join(''),
    );
  }
  return (word) => {
    const letters = lettersOf(word);
    if (!/^[A-Z]+$/.test(letters) || letters.length < 2) return false;
    if (KNOWN_ACRONYMS.has(letters)) return true;
    if (NOT_ACRONYMS.has(letters)) return false;
    if (parenthesised.has(letters) && letters.length <= 6 && !isCommonWord(letters) && !isCommonWord.isKnown?.(letters)) return true;
    if (!/[AEIOUY]/.test(letters)) return true;
    if (letters.length > 6 || PARTICLES.has(letters.toLowerCase()) || ORG_WORDS.has(letters.toLowerCase())) return false;
    if (isCommonWord(letters) || isCommonWord.isKnown?.(letters)) return false;
    if (letters.length >= 3 && personWords.has(letters)) return false;
    if (initials.has(letters)) return true;
    // Letters no English word starts with (MBIA, DTS) or four consonants in a row (OHCHR) spell an acronym.
    const onset = /^[^AEIOUY]{2}/.exec(letters)?.[0];
    if (onset !== undefined && !ONSETS.has(onset)) return true;
    return /[^AEIOUY]{4}/.test(letters);
  };
}

/**
 * Converts the records of the actor files into entries. `context` carries the vocabulary the rules consult:
 * `{ titleWords, isCommonWord, countryCodes }`. Returns `{ entries, counts, examples, odd, typeRules }`.
 */
export function convertActors(files, context) {
  const counts = new Map();
  const examples = new Map();
  const odd = [];
  const count = (reason, example) => {
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
    if (example !== undefined) {
      const list = examples.get(reason) ?? [];
      if (list.length < 8) list.push(example);
      examples.set(reason, list);
    }
  };
  const { titleWords, isCommonWord } = context;
  const isPersonWord = makePersonWordTest();

  // 1. Read every record into codes, roles and word lists.
  const drafts = [];
  for (const { from, records, notes } of files) {
    for (const note of notes) {
      count(`${from}: ${note.reason}`, `line ${note.line}: ${note.text}`);
      if (/dropped|before any|ignored/.test(note.reason)) odd.push(`${from} line ${note.line}: ${note.reason}: ${note.text}`);
    }
    for (const record of records) {
      let code = null;
      const roles = [];
      const extraDefaults = [];
      for (const restriction of record.restrictions) {
        const cleaned = cleanCode(restriction.code);
        if (cleaned.odd) odd.push(`${from} line ${restriction.line}: ${typeof cleaned.odd === 'string' ? cleaned.odd : cleaned.reason}`);
        if (cleaned.code === null) {
          count(`restriction dropped: ${cleaned.reason.replace(/ ".*"$/, '')}`, `${from} line ${restriction.line}: ${restriction.code}`);
          continue;
        }
        if (restriction.from === null && restriction.to === null) {
          if (code === null) code = cleaned.code;
          else if (cleaned.code !== code) extraDefaults.push(cleaned.code);
        } else {
          roles.push([cleaned.code, restriction.from, restriction.to]);
        }
      }
      if (extraDefaults.length > 0) {
        count('second undated code ignored (the first one wins, as in PETRARCH)', `${from} line ${record.line}: ${code} then ${extraDefaults.join(', ')}`);
      }
      const forms = [];
      const acronyms = [];
      for (const phrase of record.forms) {
        const { words, acronyms: found, dropped } = phraseWords(phrase);
        if (dropped.length > 0) count('part of a phrase dropped (parenthesis or after a comma)', `${from} line ${record.line}: ${phrase}`);
        if (words.length > 0) forms.push(words);
        acronyms.push(...found);
      }
      for (const acronym of acronyms) forms.push([acronym]);
      if (forms.length === 0) {
        count('record without a phrase', `${from} line ${record.line}`);
        continue;
      }
      drafts.push({ from, line: record.line, forms, acronyms, code, roles });
    }
  }

  // 2. Country blocks: names, cities and provinces of a country under its bare code. Our gazetteers have places.
  const actors = [];
  for (const draft of drafts) {
    const codes = [draft.code, ...draft.roles.map((role) => role[0])].filter((c) => c !== null);
    if (codes.length === 0) {
      count('dropped: no usable code and no roles', `${draft.from} line ${draft.line}: ${draft.forms[0].join('_')}`);
      continue;
    }
    const isTerritory = (c) => c.length === 6 && (context.countryCodes.has(c.slice(3)) || !context.sectorCodes.has(c.slice(3)));
    if (draft.from === 'countries' && draft.roles.length === 0 && codes.every(isTerritory)) {
      count('skipped: territory block (country + territory code)', `${draft.forms[0].join('_')} [${codes.join(' ')}]`);
      continue;
    }
    if (draft.from === 'countries' && (codes.every((c) => c.length === 3) || codes.some((c) => context.countryCodes.has(c)))) {
      count('skipped: country block (bare country code)', `${draft.forms[0].join('_')} [${codes.join(' ')}] with ${draft.forms.length - 1} synonyms`);
      if (!codes.every((c) => context.countryCodes.has(c))) {
        count('country block with a code not in countries.yaml (historical state, CAMEO region, or USR/YUG/UNR-style role)', `${draft.forms[0].join('_')} [${codes.join(' ')}]`);
      }
      continue;
    }
    actors.push(draft);
  }

  // 3. Types, then acronyms (only organizations keep upper-case words), then display names.
  const personWords = new Set();
  const typeRules = [];
  const typed = actors.map((draft) => {
    const { type, rule } = inferType({
      from: draft.from,
      names: draft.forms,
      code: draft.code,
      roles: draft.roles,
      isPersonWord,
      groupWords: context.groupWords,
      titleWords,
    });
    count(`type ${type}: ${rule}`);
    typeRules.push(`${type}\t${rule}\t${draft.from}\t${[draft.code, ...draft.roles.map((r) => r[0])].filter(Boolean).join(',')}\t${draft.forms.map((w) => w.join('_')).join(' | ')}`);
    if (type === 'person') for (const words of draft.forms) for (const word of words) personWords.add(lettersOf(word));
    return { ...draft, type };
  });
  const parenthesised = new Set(typed.flatMap((draft) => draft.acronyms));
  const isAcronym = makeAcronymTest({ forms: typed.flatMap((draft) => draft.forms), personWords, isCommonWord, parenthesised });
  const noAcronym = () => false;

  const entries = [];
  for (const draft of typed) {
    const codes = [draft.code, ...draft.roles.map((role) => role[0])].filter((c) => c !== null);
    const korean = codes.some((c) => /^(?:KOR|PRK)/.test(c)) || draft.forms.some(isKoreanName);
    const shown = draft.forms.map((words) => ({
      words,
      text: displayName(words, { isAcronym: draft.type === 'organization' ? isAcronym : noAcronym, lowerAfterHyphen: korean && draft.type === 'person' }),
    }));
    const otherNames = new Set(shown.map((form) => keyOf(form.text)));
    /** A title, office or demonym words followed by another name of the entry: GERMAN_CHANCELLOR_ANGELA_MERKEL. */
    //    Only people's names are read so; the primary form is kept when what follows the title is one word
    //    (DEAN_BARROW is a name, not the dean of BARROW).
    const isTitleWord = (word) => {
      const bare = word.replace(/\.$/, '');
      return titleWords.has(bare) || bare.split('-').every((part) => titleWords.has(part));
    };
    /** Title words may be joined by function words: Secretary of State, Minister for the Interior. */
    const inTitle = (word, position) => isTitleWord(word) || (position > 0 && PARTICLES.has(word));
    const isTitled = (form, index) => {
      if (draft.type !== 'person') return false;
      const lower = form.text.toLowerCase().split(' ');
      for (let i = 1; i < lower.length; i++) {
        if (!inTitle(lower[i - 1], i - 1)) return false;
        if (PARTICLES.has(lower[i - 1])) continue;
        const rest = lower.slice(i);
        if (index === 0 && rest.length === 1) continue;
        if (rest.every(isTitleWord)) continue;
        const text = rest.join(' ');
        if (otherNames.has(text)) return true;
        if (index !== 0 && shown[0].text.toLowerCase().endsWith(` ${text}`)) return true; // PRESIDENT_KARZAI of HAMID_KARZAI
      }
      return false;
    };
    const kept = [];
    for (const [index, form] of shown.entries()) {
      if (isTitled(form, index)) {
        count('alias dropped: title + another name of the entry', form.text);
        continue;
      }
      if (
        draft.type === 'organization' &&
        index > 0 &&
        form.words.length >= 2 &&
        form.words.length <= 4 &&
        isPersonWord(form.words[0]) &&
        !form.words.some((word) => ORG_WORDS.has(word.toLowerCase())) &&
        !keyOf(shown[0].text).startsWith(keyOf(form.words.slice(0, 2).join(' ')))
      ) {
        count("alias dropped: a person's name among an organization's names (its leader)", `${form.text} (of ${shown[0].text})`);
        continue;
      }
      if (draft.type === 'person' && index > 0 && form.words.some((word) => ORG_WORDS.has(word.toLowerCase()))) {
        count("alias dropped: names a body, not the person (Obama Administration)", `${form.text} (of ${shown[0].text})`);
        continue;
      }
      if (form.words.length === 1) {
        const word = lettersOf(form.words[0]);
        if (word.length < 3 && !(draft.type === 'organization' && isAcronym(form.words[0]))) {
          count('alias dropped: one word shorter than 3 letters', form.text);
          continue;
        }
        if (isCommonWord(word) && !(draft.type === 'organization' && isAcronym(form.words[0]))) {
          count('alias dropped: one common English word (compromise lexicon)', form.text);
          continue;
        }
      }
      kept.push(form.text);
    }
    if (kept.length === 0) {
      count('dropped: no name left after the alias rules', `${draft.from} line ${draft.line}: ${draft.forms.map((w) => w.join('_')).join(' | ')}`);
      continue;
    }
    const seen = new Set();
    const unique = kept.filter((text) => {
      if (seen.has(keyOf(text))) return false;
      seen.add(keyOf(text));
      return true;
    });
    if (unique.length < kept.length) count('alias dropped: same as another form of the entry (case-insensitive)', undefined);
    entries.push({
      name: unique[0],
      type: draft.type,
      aliases: unique.slice(1),
      code: draft.code,
      roles: draft.roles,
      from: draft.from,
      countries: new Set(codes.map(countryOf)),
      line: draft.line,
    });
  }

  // 4. A form held by several entries that have no country in common is ambiguous: dropped as an alias of all of
  //    them (a name stays, and is reported).
  const holders = new Map();
  for (const entry of entries) {
    for (const form of new Set([entry.name, ...entry.aliases].map(keyOf))) {
      const list = holders.get(form) ?? [];
      list.push(entry.countries);
      holders.set(form, list);
    }
  }
  const ambiguous = (form) => {
    const list = holders.get(keyOf(form));
    if (list.length < 2) return null;
    const common = [...list[0]].filter((country) => list.every((set) => set.has(country)));
    if (common.length > 0) return null;
    return [...new Set(list.flatMap((set) => [...set]))].sort(compareText).join(', ');
  };
  const ambiguousNames = new Set();
  for (const entry of entries) {
    entry.aliases = entry.aliases.filter((alias) => {
      const countries = ambiguous(alias);
      if (countries === null) return true;
      count('alias dropped: shared by entries of different countries', `${alias} (${countries})`);
      return false;
    });
    const countries = ambiguous(entry.name);
    if (countries !== null) ambiguousNames.add(`${entry.name} (${countries})`);
  }
  for (const name of [...ambiguousNames].sort(compareText)) count('kept, but the name is shared by entries of different countries', name);

  // 5. Identical entries (same name, type, code and roles) are merged; the rest are sorted by name, then code.
  const byKey = new Map();
  for (const entry of entries) {
    const key = JSON.stringify([keyOf(entry.name), entry.type, entry.code, entry.roles]);
    const earlier = byKey.get(key);
    if (earlier === undefined) {
      byKey.set(key, entry);
      continue;
    }
    count('merged: same name, type, code and roles as an earlier entry', `${entry.name} (${entry.from} line ${entry.line})`);
    const seen = new Set([earlier.name, ...earlier.aliases].map(keyOf));
    for (const alias of [entry.name, ...entry.aliases]) {
      if (!seen.has(keyOf(alias))) {
        earlier.aliases.push(alias);
        seen.add(keyOf(alias));
      }
    }
  }
  const result = [...byKey.values()]
    .sort(
      (a, b) =>
        compareText(a.name, b.name) ||
        compareText(a.code ?? '', b.code ?? '') ||
        compareText(JSON.stringify(a.roles), JSON.stringify(b.roles)) ||
        compareText(a.from, b.from),
    )
    .map(({ name, type, aliases, code, roles, from }) => ({ name, type, aliases, code, roles, from }));
  return { entries: result, counts, examples, odd, typeRules };
}

// ---------------------------------------------------------------------------------------------------------------
// agents

/** Last words after which a phrase takes no plural: prepositions and articles. */
const NO_PLURAL = new Set(['in', 'at', 'for', 'to', 'of', 'on', 'from', 'with', 'the', 'a', 'an', 'and', 'or']);

/** Words ending in "man" whose plural is not "men". */
const MAN_PLURAL_S = new Set(['human', 'german', 'roman', 'ottoman', 'shaman', 'caiman', 'talisman', 'walkman']);

/**
 * The regular plural of a phrase (its last word): the format's rule, in correct English where that rule would
 * misspell: -y after a consonant → -ies, after a vowel → -ys; -s -x -z -ch -sh → -es; -man → -men; else -s.
 */
export function pluralOf(phrase) {
  const match = /^(.*?)([A-Za-z'.-]+)$/.exec(phrase);
  if (!match) return null;
  const [, head, word] = match;
  const lower = word.toLowerCase();
  // Abbreviations (LT.), words already plural (MEN, ISLAMISTS, NGOS) and phrases ending in a preposition
  // (OBSERVERS_IN) have none.
  if (lower.endsWith('.') || /(?:men|people|police)$/.test(lower) || (/[^su]s$/.test(lower) && !/is$/.test(lower)) || NO_PLURAL.has(lower)) return null;
  let plural;
  if (/[^aeiou]y$/.test(lower)) plural = `${word.slice(0, -1)}IES`;
  else if (/(?:s|x|z|ch|sh)$/.test(lower)) plural = `${word}ES`;
  else if (/man$/.test(lower) && !MAN_PLURAL_S.has(lower)) plural = `${word.slice(0, -3)}MEN`;
  else plural = `${word}S`;
  return head + plural;
}

/** What PETRARCH's own rule gives (for the report of where ours differs). */
function petrarchPluralOf(phrase) {
  if (phrase.endsWith('Y')) return `${phrase.slice(0, -1)}IES`;
  if (phrase.endsWith('S')) return `${phrase}ES`;
  return `${phrase}S`;
}

/** Letters a truncated stem is completed with elsewhere in the file: COMPAN → COMPANY, INDUSTR → INDUSTRIES. */
const STEM_COMPLETIONS = ['Y', 'IES'];

/**
 * Reads the agents dictionary: substitution sets (`!PERSON! = MAN, MEN, …`), then records
 * `phrase {plural} [~CODE]` or `[CODE~]`. Returns `{ records, notes }`; each record is
 * `{ line, forms, code, kind: 'sector' | 'prefix', stem }` with forms in upper case and underscores as written.
 */
export function parseAgentDictionary(text) {
  const markers = new Map();
  const records = [];
  const notes = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = stripComment(raw).trim();
    if (line === '') return;
    const note = (reason) => notes.push({ reason, line: lineNumber, text: raw.trim() });
    const definition = /^!([A-Z]+)!\s*=\s*(.*)$/.exec(line);
    if (definition) {
      markers.set(
        definition[1],
        definition[2]
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
      );
      return;
    }
    const open = line.indexOf('[');
    if (open < 0) {
      note('dropped: no code');
      return;
    }
    const codeText = line
      .slice(open + 1)
      .replace(/[\]}].*$/, '')
      .trim();
    if (!line.slice(open).includes(']')) note('code closed with "}" read as "]"');
    let phrase = line.slice(0, open).trim();
    let plural;
    const brace = phrase.indexOf('{');
    if (brace >= 0) {
      const close = phrase.indexOf('}', brace);
      if (close < 0) {
        note('dropped: "{" without "}"');
        return;
      }
      plural = phrase.slice(brace + 1, close).trim();
      phrase = phrase.slice(0, brace).trim();
    }
    const kind = codeText.startsWith('~') ? 'sector' : codeText.endsWith('~') ? 'prefix' : null;
    const code = codeText.replace(/~/g, '').trim();
    if (kind === null || !CODE.test(code)) {
      note(`dropped: code "${codeText}" is neither [~CODE] nor [CODE~]`);
      return;
    }
    // A marker between letters on both sides (AD!MINIST!RATION) is a search-and-replace accident: read the letters.
    if (/[A-Z]![A-Z]+![A-Z]/.test(phrase)) {
      phrase = phrase.replace(/([A-Z])!([A-Z]+)!([A-Z])/g, '$1$2$3');
      note('marker inside a word read as its letters');
    }
    let forms;
    if (/![A-Z]+!/.test(phrase)) {
      forms = [phrase];
      let unknown = null;
      for (const [, name] of phrase.matchAll(/!([A-Z]+)!/g)) {
        const values = markers.get(name);
        if (values === undefined) {
          unknown = name;
          break;
        }
        forms = forms.flatMap((form) => values.map((value) => form.replace(`!${name}!`, value)));
      }
      if (unknown !== null) {
        note(`dropped: substitution marker !${unknown}! is not defined`);
        return;
      }
      if (plural !== undefined && plural !== '') note('plural given with a substitution marker ignored (markers give every form)');
    } else {
      const noPlural = plural === '' || /_$/.test(phrase);
      const base = phrase.replace(/_+$/, '');
      forms = [base];
      if (plural !== undefined && plural !== '') forms.push(plural.replace(/_+$/, ''));
      else if (!noPlural) {
        const regular = pluralOf(base);
        if (regular === null) note('no regular plural (abbreviation, plural already, ends in a number or preposition)');
        else forms.push(regular);
      }
    }
    const written = plural === undefined || plural === '' ? forms.slice(0, /![A-Z]+!/.test(phrase) ? forms.length : 1) : forms;
    records.push({ line: lineNumber, phrase, forms, written, code, kind });
  });
  return { records, notes };
}

/** The words of an agent form, lower case: underscores and blanks become single spaces. */
const agentText = (form) => form.replace(/[_\s]+/g, ' ').trim().toLowerCase();

/**
 * Turns agent records into sorted, unique `{ agent, sector }` / `{ agent, prefix }` entries, dropping stems: records
 * whose last word is a truncation completed elsewhere in the file (INDUSTR, MINIST), not a word of its own.
 */
export function convertAgents({ records, notes }, { isCommonWord }) {
  const counts = new Map();
  const examples = new Map();
  const count = (reason, example) => {
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
    if (example !== undefined) {
      const list = examples.get(reason) ?? [];
      if (list.length < 12) list.push(example);
      examples.set(reason, list);
    }
  };
  for (const note of notes) count(note.reason, `line ${note.line}: ${note.text}`);

  const fileWords = new Set();
  for (const record of records) for (const form of record.written) for (const word of agentText(form).split(' ')) fileWords.add(word.toUpperCase());
  const isStem = (record) => {
    const words = agentText(record.forms[0]).toUpperCase().split(' ');
    const last = words[words.length - 1];
    if (!/^[A-Z]+$/.test(last) || /[AEIOU]$/.test(last) || /(?:OR|ER)$/.test(last) || isCommonWord(last)) return false;
    if (STEM_COMPLETIONS.some((ending) => fileWords.has(last + ending))) return true;
    // MINIST (→ MINISTER, MINISTRY): an -ist that is no agent noun, since the file never gives it a plural.
    return /IST$/.test(last) && fileWords.has(`${last}ER`) && !fileWords.has(`${last}S`);
  };

  const byAgent = new Map();
  let differentPlurals = 0;
  for (const record of records) {
    if (isStem(record)) {
      count('dropped: stem, not a whole word', `line ${record.line}: ${record.phrase}`);
      continue;
    }
    if (record.forms.length === 2 && !/![A-Z]+!/.test(record.phrase) && !/[{]/.test(record.phrase)) {
      const base = record.forms[0];
      if (petrarchPluralOf(base) !== record.forms[1] && !/_$/.test(record.phrase)) differentPlurals++;
    }
    for (const form of record.forms) {
      const agent = agentText(form);
      if (agent === '') continue;
      const earlier = byAgent.get(agent);
      const value = { agent, [record.kind]: record.code, line: record.line };
      if (earlier === undefined) {
        byAgent.set(agent, value);
        continue;
      }
      const same = earlier.sector === value.sector && earlier.prefix === value.prefix;
      if (same) count('duplicate form (same code) merged');
      else {
        const show = (v) => (v.sector !== undefined ? `[~${v.sector}]` : `[${v.prefix}~]`);
        count('form with two codes: the first in file order kept', `${agent}: ${show(earlier)} line ${earlier.line}, ${show(value)} line ${value.line}`);
      }
    }
  }
  if (differentPlurals > 0) counts.set('plurals spelled in English where PETRARCH\'s rule would not (-ys, -ches, -men, …)', differentPlurals);
  const entries = [...byAgent.values()]
    .sort((a, b) => compareText(a.agent, b.agent))
    .map(({ agent, sector, prefix }) => (sector !== undefined ? { agent, sector } : { agent, prefix }));
  return { entries, counts, examples };
}

// ---------------------------------------------------------------------------------------------------------------
// output

/** YAML text of a list with one entry per line, in flow style, with the given comment header. */
export function toYaml(header, list) {
  const doc = new Document(list, { aliasDuplicateObjects: false });
  if (isSeq(doc.contents)) {
    for (const item of doc.contents.items) if (isMap(item)) item.flow = true;
  }
  const comment = header.map((line) => `# ${line}`.trimEnd()).join('\n');
  const body = list.length === 0 ? '[]\n' : doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `${comment}\n${body}`;
}

export function headerOf({ paths, commit, what }) {
  return [
    'Generated by scripts/convert-phoenix.mjs — do not edit; re-run `node scripts/convert-phoenix.mjs`.',
    what,
    `Source: ${REPOSITORY} at commit ${commit},`,
    ...paths.map((path, index) => `  ${path}${index === paths.length - 1 ? '.' : ','}`),
    'Licence: MIT, Copyright (c) 2014 Open Event Data Alliance; the full notice is in lexicons/PHOENIX-LICENSE.txt.',
    '',
  ];
}

/** The MIT notice as the dictionaries' headers state it (the comment marks taken off). */
export function licenceFrom(text) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /The MIT License/.test(line));
  if (start < 0) return null;
  const notice = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith('#')) break;
    notice.push(line.replace(/^#\s?/, '').trimEnd());
  }
  while (notice.length > 0 && notice[notice.length - 1] === '') notice.pop();
  return `${notice.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// input

/** Reads files of the source at a commit: from a git directory (bare or .git), or from a plain checkout. */
export function openSource(location, commit) {
  const path = resolve(location);
  const isGitDir = existsSync(join(path, 'HEAD')) && existsSync(join(path, 'objects'));
  const dotGit = join(path, '.git');
  if (isGitDir || existsSync(dotGit)) {
    const gitDir = isGitDir ? path : dotGit;
    if (!isGitDir && statSync(dotGit).isFile()) {
      // a worktree's .git file: read the checkout as it is
      return openCheckout(path, commit);
    }
    const sha = execFileSync('git', ['--git-dir', gitDir, 'rev-parse', '--verify', `${commit}^{commit}`], { encoding: 'utf8' }).trim();
    return {
      commit: sha,
      read: (file) => execFileSync('git', ['--git-dir', gitDir, 'show', `${sha}:${file}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
    };
  }
  return openCheckout(path, commit);
}

function openCheckout(path, commit) {
  let sha = commit;
  try {
    sha = execFileSync('git', ['-C', path, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout: the commit is the one given
  }
  return { commit: sha, read: (file) => readFileSync(join(path, file), 'utf8') };
}

function parseArgs(argv) {
  const options = { gitDir: DEFAULT_GIT_DIR, commit: DEFAULT_COMMIT, out: fileURLToPath(LEXICONS) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--git-dir') options.gitDir = value();
    else if (arg === '--commit') options.commit = value();
    else if (arg === '--out') options.out = value();
    else if (arg === '--explain-types') options.explainTypes = value();
    else throw new Error(`unknown argument ${arg} (usage: convert-phoenix.mjs [--git-dir <dir>] [--commit <sha>] [--out <lexicons dir>] [--explain-types <file>])`);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------------------------

/** A seeded generator (mulberry32): the samples are the same on every run. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sampleOf(list, size, random) {
  const pool = [...list];
  const picked = [];
  while (picked.length < size && pool.length > 0) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return picked;
}

function writeAtomic(path, text) {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

function printCounts(title, counts, examples, out) {
  out.push(`${title}:`);
  for (const [reason, n] of [...counts].sort((a, b) => compareText(a[0], b[0]))) {
    out.push(`  ${String(n).padStart(6)}  ${reason}`);
    for (const example of examples.get(reason) ?? []) out.push(`            e.g. ${example}`);
  }
}

/**
 * What the actor rules consult, from our hand-kept titles.yaml and the generated countries.yaml (their parsed lists)
 * and the parsed agents dictionary: title words, plural nouns of people, role codes, country codes.
 */
export function makeContext({ titles, countries, agentRecords, isCommonWord = makeCommonWordTest() }) {
  const agentWords = agentRecords.records
    .filter((record) => !/[_\s!]/.test(record.phrase.replace(/_+$/, '')))
    .flatMap((record) => record.forms.map(agentText));
  const titleWords = buildTitleWords({ titles, countries, agentWords });
  const groupWords = pluralPeopleWords({ agentRecords, countries });
  // The role codes of the agents and titles (GOV, MIL, ELI …): a six-letter code whose second half is none of them
  // is a territory's (USAASM, PSEGZA).
  const sectorCodes = new Set(
    [...agentRecords.records.map((record) => record.code), ...titles.map((title) => title.sector)].flatMap((code) => code.match(/[A-Z]{3}/g) ?? []),
  );
  for (const code of ['ELI', 'OPP', 'GOV', 'MIL', 'REB', 'IGO', 'NGO', 'MNC', 'UAF', 'SPY', 'COP', 'JUD', 'LEG', 'PTY']) sectorCodes.add(code);
  return { titleWords, isCommonWord, groupWords, sectorCodes, countryCodes: new Set(countries.map((country) => country.code)) };
}

/** Converts the source into the lexicon files of `out`; returns the lines of its report. */
export function run(argv) {
  const options = parseArgs(argv);
  const source = openSource(options.gitDir, options.commit);
  const hand = (file) => parse(readFileSync(join(options.out, file), 'utf8')) ?? [];
  const titles = hand('titles.yaml');
  const countries = hand('countries.yaml');
  const isCommonWord = makeCommonWordTest();

  const agentSource = source.read(AGENT_FILE);
  const agentRecords = parseAgentDictionary(agentSource);
  const context = makeContext({ titles, countries, agentRecords, isCommonWord });
  const actorFiles = ACTOR_FILES.map(({ from, path }) => ({ from, path, ...parseActorDictionary(source.read(path)) }));
  const actors = convertActors(actorFiles, context);
  const agents = convertAgents(agentRecords, { isCommonWord });

  const licence = licenceFrom(agentSource);
  if (licence === null) throw new Error(`${AGENT_FILE} has no MIT notice in its header`);

  const actorsPath = join(options.out, 'phoenix-actors.yaml');
  const agentsPath = join(options.out, 'phoenix-agents.yaml');
  writeAtomic(
    actorsPath,
    toYaml(
      [
        ...headerOf({
          paths: ACTOR_FILES.map((file) => file.path),
          commit: source.commit,
          what: 'Actors of the Phoenix dictionaries (people, organizations, groups); country blocks are left to our gazetteers.',
        }),
        'Each entry: name (news casing), type (inferred: person | organization | group), aliases, code (the undated',
        'default CAMEO code, or null), roles ([code, from, to], ISO dates or null for an open end, in file order), from',
        '(the Phoenix file: countries | international | milnonstate). docs/phoenix-lexicons.md says how it is made.',
        '',
      ],
      actors.entries,
    ),
  );
  writeAtomic(
    agentsPath,
    toYaml(
      [
        ...headerOf({ paths: [AGENT_FILE], commit: source.commit, what: 'Agent nouns of the Phoenix agents dictionary, every form spelled out.' }),
        'Each entry: agent (lower case), and either sector (PETRARCH [~CODE]: the code follows the actor code, as in',
        'police officers → PAKCOP) or prefix ([CODE~]: the code goes before it, as in human rights activists → NGM…).',
        '',
      ],
      agents.entries,
    ),
  );
  writeAtomic(join(options.out, 'PHOENIX-LICENSE.txt'), licence);
  if (options.explainTypes) writeAtomic(options.explainTypes, `${actors.typeRules.join('\n')}\n`);

  const report = [];
  report.push(`source: ${REPOSITORY} at ${source.commit}`);
  printCounts('actors', actors.counts, actors.examples, report);
  const byType = new Map();
  const byFrom = new Map();
  for (const entry of actors.entries) {
    byType.set(entry.type, (byType.get(entry.type) ?? 0) + 1);
    byFrom.set(entry.from, (byFrom.get(entry.from) ?? 0) + 1);
  }
  report.push(`phoenix-actors.yaml: ${actors.entries.length} entries`);
  for (const [type, n] of [...byType].sort((a, b) => compareText(a[0], b[0]))) report.push(`  ${String(n).padStart(6)}  ${type}`);
  for (const [from, n] of [...byFrom].sort((a, b) => compareText(a[0], b[0]))) report.push(`  ${String(n).padStart(6)}  from ${from}`);
  const withRoles = actors.entries.filter((entry) => entry.roles.length > 0).length;
  const aliases = actors.entries.reduce((sum, entry) => sum + entry.aliases.length, 0);
  report.push(`  ${String(withRoles).padStart(6)}  with dated roles; ${aliases} aliases in all`);
  const latest = actors.entries.flatMap((entry) => entry.roles.flatMap((role) => [role[1], role[2]])).filter(Boolean).sort(compareText);
  report.push(`  role dates run from ${latest[0]} to ${latest[latest.length - 1]}`);
  if (actors.odd.length > 0) {
    report.push('odd in the source:');
    for (const line of actors.odd) report.push(`  ${line}`);
  }
  const random = seeded(20140130);
  for (const type of ['person', 'organization', 'group']) {
    report.push(`samples of ${type}:`);
    for (const entry of sampleOf(actors.entries.filter((e) => e.type === type), 30, random)) {
      report.push(`  ${entry.name} [${entry.code ?? entry.roles.map((r) => r[0]).join(',')}] (${entry.from})`);
    }
  }
  printCounts('agents', agents.counts, agents.examples, report);
  const sectors = agents.entries.filter((entry) => 'sector' in entry).length;
  report.push(`phoenix-agents.yaml: ${agents.entries.length} forms (${sectors} sector, ${agents.entries.length - sectors} prefix)`);
  return report;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    for (const line of run(process.argv.slice(2))) console.log(line);
  } catch (error) {
    console.error(`convert-phoenix: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
