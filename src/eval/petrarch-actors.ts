// Maps a PETRARCH actor dictionary (the format of ../shared/eval/PETR.Validate.actors.txt, inherited from TABARI) onto
// our config vocabulary, so that the PETRARCH gold set can be scored with the actors its sentences are about. The
// dictionary is read at run time by run-eval.ts and never copied. Pure: text in, actors out.
//
// The format, as far as we use it:
//   NAME [CODE]                 an entry; underscores stand for spaces, a trailing one asks for a whole-word match
//   NAME                        an entry whose codes follow on indented lines:
//   +SYNONYM                      another name of the entry above
//       [CODE]                    a code of the entry above
//       [CODE <YYMMDD]            a code that applies before, after (>) or between (A - B) dates: a dated role
//   # …                         a comment to the end of the line (not inside brackets: [###] is a code)
//   <!-- … -->                  a comment, possibly over several lines
//   (blank line)                closes the entry above
import type { Role, UserActor } from '../lexicon/lexicon.js';
import { parseGoldDate } from './parse-gold-date.js';

/** An entry we could not turn into an actor, and why; for the eval's summary line. */
export interface SkippedEntry {
  name: string;
  /** 1-based line of the entry's name in the dictionary. */
  line: number;
  reason: 'discard code' | 'no code' | 'duplicate name';
}

export interface PetrarchDictionary {
  actors: UserActor[];
  skipped: SkippedEntry[];
}

/** The dictionary's actors in our vocabulary format; see parsePetrarchDictionary for what is left out and why. */
export function parsePetrarchActors(text: string): UserActor[] {
  return parsePetrarchDictionary(text).actors;
}

interface RawEntry {
  name: string;
  line: number;
  aliases: string[];
  codes: string[];
}

/**
 * Parses the dictionary into actors, in the order of the file. An entry becomes one actor whose name and aliases are
 * displayed in title case (acronyms kept, see displayName) and whose code is normalised to our three-letter groups
 * (see chooseCode and normalizeCode). Left out, and listed in `skipped`: entries coded with a discard marker
 * ([---], [+++], [###]: a discarded actor is not an actor), entries with no code at all, and entries whose name an
 * earlier entry already holds (the first wins, as it does for aliases).
 */
export function parsePetrarchDictionary(text: string): PetrarchDictionary {
  const entries = readEntries(text);
  const actors: UserActor[] = [];
  const skipped: SkippedEntry[] = [];
  const taken = new Set<string>();
  for (const entry of entries) {
    const name = displayName(entry.name);
    const raw = chooseCode(entry.codes);
    if (raw === null) {
      skipped.push({ name, line: entry.line, reason: 'no code' });
      continue;
    }
    const code = normalizeCode(raw);
    if (code === 'discard') {
      skipped.push({ name, line: entry.line, reason: 'discard code' });
      continue;
    }
    const key = nameKey(name);
    if (key === '' || taken.has(key)) {
      skipped.push({ name, line: entry.line, reason: 'duplicate name' });
      continue;
    }
    taken.add(key);
    const aliases: string[] = [];
    for (const alias of entry.aliases) {
      const shown = displayName(alias, code);
      const aliasKey = nameKey(shown);
      if (aliasKey === '' || taken.has(aliasKey)) continue;
      taken.add(aliasKey);
      aliases.push(shown);
    }
    const type = code !== null && code.length === 3 ? 'country' : 'organization';
    const roles = datedRoles(entry.codes);
    actors.push({ name: displayName(entry.name, code), aliases, code, type, ...(roles.length > 0 ? { roles } : {}) });
  }
  return { actors, skipped };
}

/** Splits the dictionary into entries: names, synonyms and the bracketed codes of each, comments removed. */
function readEntries(text: string): RawEntry[] {
  const entries: RawEntry[] = [];
  let current: RawEntry | null = null;
  let inBlock = false;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((rawLine, i) => {
      const visible = stripComments(rawLine, inBlock);
      inBlock = visible.inBlock;
      const line = visible.text.trimEnd();
      if (line.trim() === '') {
        // A line that held only a comment keeps the entry open (codes may follow it); a truly blank one closes it.
        if (rawLine.trim() === '') current = null;
        return;
      }
      const body = line.trim();
      if (body.startsWith('+')) {
        const alias = body.slice(1).replace(/\[[^\]]*\]/g, '').trim();
        if (current !== null && alias !== '') current.aliases.push(alias);
        return;
      }
      const codes = [...body.matchAll(/\[([^\]]*)\]/g)].map((m) => (m[1] ?? '').trim());
      if ((/^\s/.test(line) || body.startsWith('[')) && current !== null) {
        current.codes.push(...codes);
        return;
      }
      const name = body.replace(/\[[^\]]*\]/g, '').replace(/\{[^}]*\}/g, '').trim();
      if (name === '') return;
      current = { name, line: i + 1, aliases: [], codes };
      entries.push(current);
    });
  return entries;
}

/**
 * The part of a line outside comments: `<!-- … -->` blocks, which may span lines (the dictionaries also hold a
 * malformed opener, "<! --", that PETRARCH skips as well), and `#` to the end of the line, except inside brackets
 * ([###] is a code). `inBlock` says whether the line starts inside a block comment, and the result whether the next
 * one does.
 */
function stripComments(line: string, inBlock: boolean): { text: string; inBlock: boolean } {
  let text = '';
  let rest = line;
  let open = inBlock;
  for (;;) {
    if (open) {
      const close = rest.indexOf('-->');
      if (close < 0) return { text, inBlock: true };
      rest = rest.slice(close + 3);
      open = false;
    }
    const start = /<!\s*--/.exec(rest);
    const hash = commentStart(rest);
    if (start === null || (hash >= 0 && hash < start.index)) {
      return { text: text + (hash >= 0 ? rest.slice(0, hash) : rest), inBlock: false };
    }
    text += rest.slice(0, start.index);
    rest = rest.slice(start.index + start[0].length);
    open = true;
  }
}

/** Where a `#` comment starts in a line, or -1; a `#` inside brackets is no comment ([###] is a code). */
function commentStart(line: string): number {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '#' && depth === 0) return i;
  }
  return -1;
}

/**
 * Picks the code outside an entry's dated roles (datedRoles): the unrestricted code if there is one, and otherwise
 * the last one listed (the dictionaries list restrictions in date order, so the last is the most recent). Returns the
 * code without its restriction, or null when the entry has none.
 */
function chooseCode(codes: readonly string[]): string | null {
  const parsed = codes
    .map((c) => /^(\S+?)\s*(?:[<>]\s*\d+|\d+\s*-\s*\d+)?$/.exec(c))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ code: m[1] ?? '', restricted: m[0].trim() !== (m[1] ?? '') }));
  const open = parsed.find((p) => !p.restricted);
  return (open ?? parsed[parsed.length - 1])?.code ?? null;
}

/**
 * The entry's date-restricted codes as dated roles ("ABC < 950601" until that day, "ABCGOV 19950601 - 19991231"
 * between two, "ABCREB >991231" from one), in the file's order, so that the annotator codes the actor by the role of
 * the sentence's date; a restriction whose code or date cannot be read is left out.
 */
function datedRoles(codes: readonly string[]): Role[] {
  const out: Role[] = [];
  for (const c of codes) {
    const m = /^(\S+?)\s*(?:<\s*(\d+)|>\s*(\d+)|(\d+)\s*-\s*(\d+))$/.exec(c);
    if (!m) continue;
    const code = normalizeCode(m[1] ?? '');
    if (code === null || code === 'discard') continue;
    const day = (v: string | undefined): string | null | undefined => (v === undefined ? null : (parseGoldDate(v) ?? undefined));
    const from = day(m[3] ?? m[4]);
    const to = day(m[2] ?? m[5]);
    if (from === undefined || to === undefined) continue;
    out.push({ code, from, to });
  }
  return out;
}

const DISCARD = /^(?:---|\+\+\+|###)+$/;

/**
 * Turns a PETRARCH code into ours (three-letter groups, upper case, /^([A-Z]{3})+$/):
 * - a discard marker alone (---, +++, ###) → 'discard': the entry is skipped;
 * - lower case → upper case ([abc] → ABC);
 * - several codes "A/B/C" → the first (our actor has one code; PETRARCH would code one event per code);
 * - a discard marker with a sector ([---GOV]: sector known, country not) → null: our codes must start with a
 *   country or an international group, so the actor is kept, uncoded, rather than given a country it does not have;
 * - anything else not made of letters (a code with digits) → null, for the same reason;
 * - a length that is not a multiple of 3 → cut to the largest multiple of 3 (ABCDE → ABC): the
 *   leading groups are the country and sector, the ones an evaluation compares; null if less than 3 letters remain.
 */
function normalizeCode(raw: string): string | null | 'discard' {
  const first = raw.split('/')[0] ?? '';
  if (DISCARD.test(first)) return 'discard';
  const code = first.toUpperCase();
  if (!/^[A-Z]+$/.test(code)) return null;
  const cut = code.slice(0, code.length - (code.length % 3));
  return cut === '' ? null : cut;
}

/** Lower-cased, space-collapsed form under which a name may appear only once in the vocabulary. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Small words written in lower case inside a name ("Fenwick the Elder", "Group of 55"), never first. */
const MINOR_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'de', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/**
 * The name as we display it: underscores become spaces, a trailing underscore (PETRARCH's whole-word marker) goes,
 * and words written in capitals are title-cased ("PORT_ASHEN" → "Port Ashen", "AL-VESTRA" → "Al-Vestra",
 * "FENWICK THE_ELDER" → "Fenwick the Elder"). Kept as written:
 * - dotted initials (Q.R., T.S.S.K, the J. in "Holt J. Bramwell") and words with digits;
 * - words without a vowel (QXV): they can only be read as letters;
 * - a name that is one short word, after an optional leading "The", when it reads as letters rather than as a word:
 *   two or three letters in a single syllable (IRF, BLO, OAE, EK), four letters with three consonants in a row
 *   (ULSK), or the very letters of the entry's code (ARA [ARA]). Two-syllable names stay words (Ivar, Odan), and so
 *   do four-letter ones without a cluster (Dree). The rule is a heuristic: a one-syllable three-letter word used as
 *   a name ("ELK") stays in capitals too. The lexicon
 *   index looks names up in lower case (normalizeName), so the case only changes what the annotation shows.
 */
export function displayName(raw: string, code: string | null = null): string {
  const words = raw.replace(/_+$/, '').replace(/_/g, ' ').trim().split(/\s+/).filter((w) => w !== '');
  const core = words.length > 1 && words[0]?.toUpperCase() === 'THE' ? words.slice(1) : words;
  const lone = core.length === 1 ? core[0] : undefined;
  return words
    .map((word, i) => {
      if (word === lone && readsAsLetters(word, code)) return word;
      if (i > 0 && MINOR_WORDS.has(word.toLowerCase()) && word === word.toUpperCase()) return word.toLowerCase();
      return titleCase(word);
    })
    .join(' ');
}

const VOWELS = /[AEIOUY]/;

function readsAsLetters(word: string, code: string | null): boolean {
  if (!/^[A-Z]{2,4}$/.test(word)) return false;
  const syllables = word.match(/[AEIOUY]+/g)?.length ?? 0;
  if (syllables <= 1 && word.length <= 3) return true;
  if (/[^AEIOUY]{3}/.test(word)) return true;
  return code !== null && code.startsWith(word) && word.length === 3;
}

/** Title-cases one word written in capitals; a word already in mixed case, or one read as letters, is kept. */
function titleCase(word: string): string {
  if (word !== word.toUpperCase()) return word; // someone chose the case ("McGonagall")
  if (/\d/.test(word) || /^(?:[A-Z]\.)+[A-Z]?\.?$/.test(word)) return word;
  if (/^MC[A-Z]{2,}$/.test(word)) return `Mc${titleCase(word.slice(2))}`; // MCFARQUAR → McFarquar
  return word
    .split('-')
    .map((part) => {
      if (!/[A-Z]/.test(part)) return part;
      if (!VOWELS.test(part) && part.length > 1) return part;
      // O'BRANNOCK → O'Brannock; VELMORA'S → Velmora's
      return part
        .toLowerCase()
        .replace(/^([^a-z]*)([a-z])/, (_m, pre: string, c: string) => pre + c.toUpperCase())
        .replace(/^([a-z])'([a-z])/i, (_m, a: string, b: string) => `${a.toUpperCase()}'${b.toUpperCase()}`);
    })
    .join('-');
}
