// Converts PETRARCH2's CAMEO 2.0 verb dictionary (petrarch2/data/dictionaries/CAMEO.2.0.txt, MIT licence) into
// trigger entries of the shape of lexicons/events.yaml, written to lexicons/cameo-verbs.yaml, and writes
// docs/cameo-verbs.md: what was kept and dropped and why, the conflicts inside the dictionary, and where it
// disagrees with our hand-kept table. Run with `node scripts/convert-cameo-verbs.mjs [--git-dir <dir>] [--commit <sha>]`
// after `npm run build` (the report asks our own conjugator which listed verb forms it would miss). --exclude
// <file> reads another file of hand-kept exceptions than scripts/cameo-verbs-exclude.yaml (the tests' own).
//
// The dictionary's format is documented in the petrarch2 repository (docs/source/dictionaries.rst) and read there by
// PETRreader.read_verb_dictionary; this is an independent reading of it. What cannot be expressed in our shape (one
// verb, optionally one object noun) is dropped and counted, never approximated silently.
//
// Deterministic by construction: the source is read from a fixed commit through git, lists are sorted by code units,
// and nothing depends on the clock, the locale or the machine. The parsing and conversion functions are exported for
// test/convert-cameo-verbs.test.ts; only main() touches git, files and the console.

import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

export const SOURCE = {
  url: 'https://github.com/openeventdata/petrarch2',
  commit: '676801cd9cb2924bbbad09f86d15c9323e7097bf',
  path: 'petrarch2/data/dictionaries/CAMEO.2.0.txt',
  gitDir: '/work/.mirror/openeventdata+petrarch2/repo/.git',
};

const ROOT = new URL('../', import.meta.url);

/** The hand-kept exceptions, beside this script. */
export const EXCLUDE_FILE = 'scripts/cameo-verbs-exclude.yaml';

/** TABARI's actor slots, kept in PETRARCH2's file: source ($), target (+), a skipped phrase (^), a compound actor
 *  (%). They say where the actors are, which our event stage finds by itself; they are no words to match. */
const ACTOR_MARKERS = new Set(['$', '+', '^', '%']);

/** A bare word right after the verb that belongs to it ("PUT * UP BARRICADE" is "put up" + barricade). */
const PARTICLES = new Set(['up', 'down', 'off', 'out', 'away', 'back', 'forward', 'aside', 'together']);

/** Words that cannot head an object: what is left of a TABARI pattern written without parentheses
 *  ("- * FROM $ TO +", "- * IDEA_OF", "- * IF"). */
const FUNCTION_WORDS = new Set(
  ('a an the of to for with in on at by from into onto upon over under against about after before between through ' +
    'toward towards across alongside among amid around during since until via within without despite as than that ' +
    'this these those if whether unless because while and or not no it its his her their them him himself herself ' +
    'itself themselves').split(' '),
);

/** Nouns kept as written: plurals that are a sense of their own (lexicons/events.yaml writes talks, sanctions,
 *  hostilities, relations) and words that only look plural. */
const PLURAL_ONLY = new Set(
  ('arms talks news headquarters relations ties sanctions hostilities demands series means goods remains whereabouts ' +
    'proceedings savings earnings surroundings premises authorities auspices barracks gallows odds thanks politics ' +
    'economics ethics physics bias christmas abrams lats litas species').split(' '),
);

/** Plurals the suffix rules would get wrong. */
const IRREGULAR_PLURALS = { lives: 'life', knives: 'knife', wives: 'wife', wolves: 'wolf', halves: 'half', crises: 'crisis', analyses: 'analysis', theses: 'thesis', people: 'people' };

/** Verbs this commit's file lists in an inflected form, with their infinitive (found by reading the file: the words
 *  of its verb lines that compromise's lexicon tags as past tense, participle, gerund or copula). FOUND stays: it is
 *  listed under ENACT, as in "found a party". */
export const INFLECTED_VERBS = {
  burnt: 'burn',
  deterring: 'deter',
  dispelling: 'dispel',
  forgave: 'forgive',
  forgiven: 'forgive',
  is: 'be',
  losing: 'lose',
  saw: 'see',
  touring: 'tour',
  worried: 'worry',
};

/** lexicons/events.yaml leaves these out on purpose (its header: reported speech is another stage's business). */
export const SPEECH_VERBS = ['say', 'tell', 'add', 'note', 'state', 'report', 'announce', 'claim', 'suggest'];

/** The words the team asked about: where they are in CAMEO 2.0 and with what codes. */
export const WATCH_WORDS = [
  'detain', 'arrest', 'storm', 'open fire', 'wound', 'pound', 'shell', 'bomb', 'kill', 'attack', 'protest',
  'demonstrate', 'rally', 'march', 'meet', 'sign', 'talk', 'negotiate', 'clash', 'abduct', 'kidnap', 'seize',
  'capture', 'raid', 'shoot', 'fire', 'ambush', 'torture', 'execute', 'deport', 'evacuate',
];

/** Code-unit order: the same everywhere, unlike localeCompare. */
export const compareText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------------------------
// reading the dictionary

/**
 * Reads the dictionary's text: synonym sets (`&NAME` and `+member` lines, before the VERB PATTERNS line), verb blocks
 * (`--- NAME [code] ---`, verb lines, `- …` pattern lines) and the transformations (`~` lines, only counted: they
 * rewrite one coded event into another, which a trigger list cannot say). Line numbers are 1-based.
 */
export function parseVerbDictionary(text) {
  const synsets = new Map();
  const blocks = [];
  const problems = [];
  let section = 'synsets';
  let synset = null;
  let block = null;
  let transformations = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    if (/^#+\s*VERB PATTERNS/.test(raw)) {
      section = 'verbs';
      return;
    }
    if (/^#+\s*TRANSFORMATIONS/.test(raw)) {
      section = 'transformations';
      return;
    }
    const line = raw.split('#')[0].trim();
    if (line === '') return;
    if (section === 'synsets') {
      if (line.startsWith('&')) {
        synset = { name: line.split(/\s+/)[0], members: [], line: lineNo };
        synsets.set(synset.name, synset);
      } else if (line.startsWith('+') && synset) {
        synset.members.push(parseSynsetMember(line.slice(1).trim(), synset.name));
      } else {
        problems.push({ line: lineNo, text: raw.trim(), reason: 'not a synset line' });
      }
      return;
    }
    if (section === 'transformations' || line.startsWith('~')) {
      if (line.startsWith('~')) transformations++;
      return;
    }
    if (line.startsWith('---')) {
      const header = /^---\s*(\S+)\s*\[([^\]]*)\]/.exec(line);
      if (!header) {
        problems.push({ line: lineNo, text: raw.trim(), reason: 'unreadable block header' });
        block = null;
        return;
      }
      block = { name: header[1], code: header[2].trim(), line: lineNo, verbs: [], patterns: [] };
      blocks.push(block);
      return;
    }
    if (!block) {
      problems.push({ line: lineNo, text: raw.trim(), reason: 'outside a verb block' });
      return;
    }
    if (line.startsWith('-')) {
      block.patterns.push({ line: lineNo, text: line.replace(/\s+/g, ' '), ...parsePatternLine(line.slice(1)) });
    } else {
      block.verbs.push({ line: lineNo, text: line.split(';')[0].trim(), ...parseVerbLine(line.split(';')[0]) });
    }
  });
  return { synsets, blocks, problems, transformations };
}

/** A synonym-set member: its words (underscores join them) and whether PETRARCH pluralises it (a trailing `_` on the
 *  member or on the set's name says it does not: a mass noun, a plural, a name). */
export function parseSynsetMember(text, setName) {
  const noPlural = text.endsWith('_') || setName.endsWith('_');
  const words = text
    .replace(/_+$/, '')
    .split('_')
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  return { text, words, noPlural };
}

/**
 * A verb line: `VERB`, `VERB {irregular forms}`, `VERB [code]`, or a multi-word verb whose inflected word carries a
 * `+` (`+ASK_FOR`, `WIRE_+TAP`). Returns the words, which one inflects, the listed forms, whether the braces are
 * present but empty (`{}`: PETRARCH then matches the phrase exactly as written), and the verb's own code (null: the
 * block's), or { error } for a line that is none of these.
 */
export function parseVerbLine(text) {
  // The verb stops at a space, a brace or a bracket: RECONVENE[---] is the verb RECONVENE with the code ---.
  const match = /^([^\s{[]+)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?\s*$/.exec(text.trim());
  if (!match) return { error: 'unreadable verb line' };
  const [, primary = '', forms, code] = match;
  const parts = primary.split('_').filter(Boolean);
  const marked = parts.map((part, k) => (part.startsWith('+') ? k : -1)).filter((k) => k >= 0);
  if (parts.length > 1 && marked.length !== 1) return { error: 'multi-word verb without one + on its inflected word' };
  if (parts.length === 1 && primary.includes('+') && !primary.startsWith('+')) return { error: 'unreadable verb line' };
  const words = parts.map((part) => part.replace(/^\+/, '').toLowerCase());
  const inflected = marked[0] ?? 0;
  const listed = (forms ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((form) => {
      const formParts = form.split('_').filter(Boolean);
      const at = formParts.findIndex((part) => part.startsWith('+'));
      return (formParts[at < 0 ? 0 : at] ?? '').replace(/^\+/, '').toLowerCase();
    });
  return {
    words,
    inflected,
    forms: listed,
    fixed: forms !== undefined && listed.length === 0,
    code: code === undefined ? null : code.trim(),
  };
}

/**
 * A pattern line without its leading `-`: `[pre-verb elements] * [post-verb elements] [code]`. Elements are bare
 * words (`AID`, `&FOOD`, `AIR_STRIKE`), braced phrases whose last word is the head (`{FINANCIAL AID}`) and
 * prepositional phrases (`(FOR AID)`, `(FOR {FINANCIAL AID})`, `(AGAINST)`). Actor markers ($ + ^ %) are left out.
 * Returns { pre, post, code } or { error }.
 */
export function parsePatternLine(text) {
  const body = text.trim();
  const open = body.lastIndexOf('[');
  const close = body.indexOf(']', open);
  if (open < 0 || close < 0) return { error: 'no code' };
  const code = body.slice(open + 1, close).trim();
  const halves = body.slice(0, open).split('*');
  if (halves.length !== 2) return { error: 'not one * between pre- and post-verb parts', code };
  const [before = '', after = ''] = halves.map((half) => half.split(/\s+/).filter(Boolean));
  const pre = readElements(before);
  const post = readElements(after);
  if (pre.error || post.error) return { error: pre.error ?? post.error, code };
  return { pre: pre.elements, post: post.elements, code };
}

function readElements(tokens) {
  const elements = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (ACTOR_MARKERS.has(token)) continue;
    if (token.startsWith('(')) {
      const end = tokens.findIndex((t, k) => k >= i && t.endsWith(')'));
      if (end < 0) return { error: 'unclosed (' };
      const inner = tokens.slice(i, end + 1).join(' ').slice(1, -1).trim().split(/\s+/).filter(Boolean);
      i = end;
      const [prep, ...rest] = inner;
      if (prep === undefined || ACTOR_MARKERS.has(prep)) return { error: 'preposition missing in ( )' };
      if (rest.some((t) => t.includes('(') || t.includes(')'))) return { error: 'nested ( )' };
      const nouns = readElements(rest);
      if (nouns.error) return nouns;
      elements.push({ type: 'prep', prep: prep.toLowerCase(), nouns: nouns.elements });
    } else if (token.startsWith('{')) {
      const end = tokens.findIndex((t, k) => k >= i && t.endsWith('}'));
      if (end < 0) return { error: 'unclosed {' };
      const words = tokens.slice(i, end + 1).join(' ').slice(1, -1).trim().split(/\s+/).filter(Boolean);
      i = end;
      if (words.length === 0) return { error: 'empty { }' };
      elements.push({ type: 'phrase', words });
    } else if (/[(){}]/.test(token)) {
      return { error: `stray bracket in "${token}"` };
    } else {
      elements.push({ type: 'word', text: token });
    }
  }
  return { elements };
}

// ---------------------------------------------------------------------------------------------------------------
// words

/** A noun in the singular, as our loader expects (the compile step adds plurals): suffix rules on the last word,
 *  with the exceptions above; the report lists no guesses, so the rules stay conservative. */
export function toSingular(noun) {
  const last = noun.split(' ').pop() ?? noun;
  const head = noun.slice(0, noun.length - last.length);
  const irregular = IRREGULAR_PLURALS[last];
  if (irregular) return `${head}${irregular}`;
  if (PLURAL_ONLY.has(last) || last.length <= 3) return noun;
  if (/men$/.test(last) && !/^(omen|specimen|regimen|abdomen|stamen|hymen)$/.test(last)) return `${head}${last.slice(0, -3)}man`;
  if (!last.endsWith('s') || /(ss|us|is|'s|gas)$/.test(last)) return noun;
  if (/[^aeiou]ies$/.test(last)) return `${head}${last.slice(0, -3)}y`;
  if (/(ch|sh|x|z|ss)es$/.test(last)) return `${head}${last.slice(0, -2)}`;
  return `${head}${last.slice(0, -1)}`;
}

const NOUN = /^[a-z0-9][a-z0-9'./-]*$/;

/**
 * The head nouns an element stands for: a word or the last word of a phrase (underscores join words, so AIR_STRIKE
 * is headed by strike), every member of a synonym set (`&X`), each of slash alternatives (`ATTACK/BOMBING`).
 * Returns { nouns } ({ noun, plural: false when not to be singularised }) or { error }.
 */
export function headsOf(element, synsets) {
  if (element.type === 'prep') {
    const nouns = element.nouns.filter((e) => !(e.type === 'word' && ACTOR_MARKERS.has(e.text)));
    if (nouns.length !== 1 || !nouns[0]) return { error: nouns.length === 0 ? 'preposition only' : 'several post-verb elements' };
    return headsOf(nouns[0], synsets);
  }
  const text = element.type === 'word' ? element.text : (element.words[element.words.length - 1] ?? '');
  const heads = [];
  for (const alternative of text.split('/').filter(Boolean)) {
    const last = alternative.split('_').filter(Boolean).pop() ?? '';
    if (last.startsWith('&')) {
      const set = synsets.get(last);
      if (!set) return { error: 'undefined synset' };
      for (const member of set.members) {
        const word = member.words[member.words.length - 1];
        if (word) heads.push({ noun: word, plural: !member.noPlural });
      }
    } else {
      heads.push({ noun: last.replace(/_+$/, '').toLowerCase(), plural: !last.endsWith('_') });
    }
  }
  const nouns = [];
  for (const { noun, plural } of heads) {
    if (FUNCTION_WORDS.has(noun)) return { error: 'no noun (a function word heads it)' };
    if (!NOUN.test(noun)) return { error: `unreadable noun "${noun}"` };
    nouns.push(plural ? toSingular(noun) : noun);
  }
  return { nouns: [...new Set(nouns)] };
}

/**
 * What a pattern can become in our shape: `{ particle, nouns, rank }`, where `particle` is a particle before the
 * noun that may extend the verb ("- * UP BARRICADE": "put up" + barricade; convertDictionary decides for which verbs)
 * and `nouns` is the object list; `rank` orders the shapes for conflicts (1 a bare noun, 2 a braced phrase, 3 a
 * prepositional phrase). Or `{ reason }` when it cannot be expressed. The code is checked elsewhere.
 */
export function expressPattern(pattern, synsets) {
  if (pattern.error) return { reason: `malformed (${pattern.error})` };
  if (pattern.pre.length > 0) return { reason: 'pre-verb nouns' };
  let post = pattern.post;
  let particle = null;
  const first = post[0];
  if (first?.type === 'word' && PARTICLES.has(first.text.toLowerCase())) {
    particle = first.text.toLowerCase();
    post = post.slice(1);
  }
  // A preposition without a noun only says where an actor stands ("- * {AIR RAID} (AGAINST)"): no word to match.
  const bare = (e) => e.type === 'prep' && e.nouns.length === 0;
  const nounElements = post.filter((e) => !bare(e));
  if (nounElements.length === 0) {
    // "- * OFF [046]" under a block of thirty verbs made "attack off", "assail off", "phone off": a particle alone
    // is no verb of its own unless the dictionary lists it as one ("+CALL_OFF [160]"), and then it has its own code.
    if (particle) return { reason: PARTICLE_ALONE };
    return { reason: post.length > 0 ? 'preposition only' : 'no post-verb element' };
  }
  if (nounElements.length > 1) return { reason: 'several post-verb elements' };
  const element = nounElements[0];
  const heads = headsOf(element, synsets);
  if (heads.error) return { reason: heads.error };
  const rank = element.type === 'word' ? 1 : element.type === 'phrase' ? 2 : 3;
  return { particle, nouns: heads.nouns, rank };
}

export const EXCLUDED_DEFAULT = 'bare default of a verb of scripts/cameo-verbs-exclude.yaml (its everyday sense in business, sport, entertainment or tech news is not the CAMEO one)';
export const PARTICLE_ALONE = 'a particle alone ("- * OFF"): no noun, and no verb unless listed as one';
export const PARTICLE_UNLISTED = 'particle + noun: the phrasal verb is not listed as a verb line, and the plain verb reads wrong';
export const PARTICLE_OTHER_SENSE = 'particle + noun: the phrasal verb is listed, in another sense (scripts/cameo-verbs-exclude.yaml)';

/** The code a dictionary code stands for in our shape: the active part of `active:passive`; null for `---`.
 *  Returns { code } or { reason } (passive-only codes say the subject is the target: our shape cannot). */
export function activeCode(raw, codes) {
  const [active = '', passive] = raw.split(':').map((part) => part.trim());
  if (active === '---' || (active === '' && passive === undefined)) return { code: null };
  if (active === '') return { reason: 'passive-only code' };
  if (!codes.has(active)) return { reason: 'code not in lexicons/cameo.yaml', bad: active };
  return { code: active };
}

// ---------------------------------------------------------------------------------------------------------------
// converting

/**
 * Turns the parsed dictionary into trigger entries. `codes`: the CAMEO codes of lexicons/cameo.yaml.
 * `speechVerbs`: the speech verbs lexicons/events.yaml names as left out (no default, no object entries);
 * `reportingVerbs`: the verbs of lexicons/claims.yaml (no default with a 01 code); `eventVerbDefaults`: verbs that
 * lexicons/events.yaml has without an object (never left out); `particles` { plain, otherSense } and
 * `excludedDefaults` (verbs whose default is not written): the hand-kept exceptions of scripts/cameo-verbs-exclude.yaml.
 *
 * Returns { triggers, resolved, dropped, conflicts, badCodes, verbs, stats }:
 *   triggers  [{ code, verb, object? }] sorted by code, verb, default first, object list
 *   resolved  Map "verb\0noun" (noun '' for the default) → { code, block, line } after conflicts, before pruning
 *   dropped   { verbs: Map reason → [{ line, text, block }], patterns: Map reason → [...], entries: Map reason → [...] }
 *   conflicts [{ verb, noun, block, chosen, candidates: [{ code, line, text }] }]
 */
export function convertDictionary(parsed, { codes, speechVerbs = [], reportingVerbs = [], eventVerbDefaults = new Set(), particles = {}, excludedDefaults = [] }) {
  const dropped = { verbs: new Map(), patterns: new Map(), entries: new Map() };
  const drop = (kind, reason, item) => {
    const list = dropped[kind].get(reason) ?? [];
    list.push(item);
    dropped[kind].set(reason, list);
  };
  const badCodes = new Map();
  const noteBadCode = (code, line) => badCodes.set(code, [...(badCodes.get(code) ?? []), line]);
  const owners = new Map(); // verb → block that lists it first (PETRARCH keeps the first listing too)
  const verbs = []; // { verb, block, line, code, forms }
  const stats = { blocks: parsed.blocks.length, verbLines: 0, patternLines: 0, synsets: parsed.synsets.size };

  // Every multi-word verb the dictionary lists, in any block, kept or not: "put" + "- * UP BARRICADE" is "put up"
  // + barricade only because +PUT_UP is listed.
  const listedVerbs = new Set();
  for (const block of parsed.blocks) {
    for (const entry of block.verbs) if (!entry.error && entry.words.length > 1) listedVerbs.add(entry.words.join(' '));
  }
  // The hand-kept exceptions (scripts/cameo-verbs-exclude.yaml, `particles`): pattern lines whose plain verbs read
  // right without the particle, and listed phrasal verbs whose sense is not the pattern's. Each must be used.
  const particleRule = (list) => new Map((list ?? []).map((r) => [`${r.block}\0${r.pattern.replace(/\s+/g, ' ').trim()}`, { rule: r, verbs: new Set(r.verbs), used: new Set() }]));
  const plainRules = particleRule(particles.plain);
  const otherSenseRules = particleRule(particles.otherSense);

  // Candidates for each (verb, noun): noun '' is the verb's default sense.
  const candidates = new Map();
  const propose = (verb, noun, candidate) => {
    const key = `${verb}\0${noun}`;
    const list = candidates.get(key) ?? [];
    list.push(candidate);
    candidates.set(key, list);
  };

  for (const block of parsed.blocks) {
    const blockCode = activeCode(block.code, codes);
    if (blockCode.bad) noteBadCode(blockCode.bad, block.line);
    const blockVerbs = [];
    // A verb listed in an inflected form (FORGAVE) yields to its infinitive listed in the same block (FORGIVE).
    const inflectedLast = [...block.verbs].sort((a, b) => Number(isInflected(a)) - Number(isInflected(b)) || a.line - b.line);
    for (const entry of inflectedLast) {
      stats.verbLines++;
      const item = { line: entry.line, text: entry.text, block: block.name };
      if (entry.error) {
        drop('verbs', `malformed (${entry.error})`, item);
        continue;
      }
      if (entry.inflected !== 0) {
        drop('verbs', 'inflected word not first (WIRE_+TAP)', item);
        continue;
      }
      if (entry.fixed) {
        drop('verbs', 'fixed phrase ({}): PETRARCH matches it only as written', item);
        continue;
      }
      const words = [...entry.words];
      const infinitive = INFLECTED_VERBS[words[0] ?? ''];
      if (infinitive) words[0] = infinitive;
      const verb = words.join(' ');
      const owner = owners.get(verb);
      if (owner !== undefined) {
        const why = owner !== block ? 'listed again in a later block (PETRARCH keeps the first)' : infinitive ? 'inflected form of a verb of its block' : 'listed twice in its block';
        drop('verbs', why, { ...item, text: owner === block ? item.text : `${item.text} (first under ${owner.name})` });
        continue;
      }
      owners.set(verb, block);
      const own = entry.code === null ? blockCode : activeCode(entry.code, codes);
      if (entry.code !== null && own.bad) noteBadCode(own.bad, entry.line);
      const record = { verb, block: block.name, line: entry.line, code: own.code ?? null, why: own.reason ?? (own.code ? null : 'no code (---)'), forms: entry.forms, infinitive: infinitive ?? null };
      verbs.push(record);
      blockVerbs.push(record);
      if (own.code) propose(verb, '', { code: own.code, rank: 0, line: entry.line, text: entry.text, block: block.name });
    }

    for (const pattern of block.patterns) {
      stats.patternLines++;
      const item = { line: pattern.line, text: pattern.text, block: block.name };
      if (pattern.error && pattern.code === undefined) {
        drop('patterns', `malformed (${pattern.error})`, item);
        continue;
      }
      const code = activeCode(pattern.code, codes);
      if (code.bad) noteBadCode(code.bad, pattern.line);
      if (pattern.error) {
        drop('patterns', `malformed (${pattern.error})`, item);
        continue;
      }
      if (code.reason) {
        drop('patterns', code.reason, item);
        continue;
      }
      if (code.code === null) {
        drop('patterns', 'null code [---]: the verb is no event with this object', item);
        continue;
      }
      const shape = expressPattern(pattern, parsed.synsets);
      if (shape.reason) {
        drop('patterns', shape.reason, item);
        continue;
      }
      if (blockVerbs.length === 0) {
        drop('patterns', 'block has no usable verb', item);
        continue;
      }
      const plain = plainRules.get(`${block.name}\0${pattern.text}`);
      const otherSense = otherSenseRules.get(`${block.name}\0${pattern.text}`);
      for (const { verb } of blockVerbs) {
        const candidate = { code: code.code, rank: shape.rank, line: pattern.line, text: pattern.text, block: block.name };
        let target = verb;
        if (shape.particle) {
          const words = verb.split(' ');
          const phrase = words[words.length - 1] === shape.particle ? verb : `${verb} ${shape.particle}`;
          const entryText = (v) => `${v} + ${shape.nouns.join('/')} (${pattern.text})`;
          if (phrase === verb || listedVerbs.has(phrase)) {
            if (otherSense?.verbs.has(phrase)) {
              otherSense.used.add(phrase);
              drop('entries', PARTICLE_OTHER_SENSE, { ...item, text: entryText(phrase) });
              continue;
            }
            target = phrase;
          } else if (plain?.verbs.has(verb)) {
            plain.used.add(verb);
          } else {
            drop('entries', PARTICLE_UNLISTED, { ...item, text: entryText(phrase) });
            continue;
          }
        }
        for (const noun of shape.nouns) propose(target, noun, candidate);
      }
    }
  }

  for (const [what, rules] of [['plain', plainRules], ['otherSense', otherSenseRules]]) {
    for (const { rule, verbs, used } of rules.values()) {
      const unused = [...verbs].filter((v) => !used.has(v));
      if (unused.length > 0) throw new Error(`particles.${what}: ${rule.block} "${rule.pattern}" does not apply to ${unused.join(', ')}`);
    }
  }

  // Conflicts: the same (verb, noun) reached with several codes. The verb's own listing wins, then the plainest
  // pattern shape (bare noun, then braced phrase, then prepositional phrase), then the first line of the file.
  const resolved = new Map();
  const conflicts = [];
  for (const key of [...candidates.keys()].sort(compareText)) {
    const list = [...(candidates.get(key) ?? [])].sort((a, b) => a.rank - b.rank || a.line - b.line);
    const chosen = list[0];
    if (!chosen) continue;
    const [verb = '', noun = ''] = key.split('\0');
    resolved.set(key, { code: chosen.code, block: chosen.block, line: chosen.line });
    const distinct = new Set(list.map((c) => c.code));
    if (distinct.size > 1) {
      const seen = new Set();
      const unique = list.filter((c) => {
        const id = `${c.code} ${c.line}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      conflicts.push({ verb, noun, block: chosen.block, chosen: chosen.code, candidates: unique.map(({ code, line, text }) => ({ code, line, text })) });
    }
  }

  // Entries: one per (verb, code); an object noun coded as the verb's default adds nothing and is left out.
  const named = new Set(speechVerbs);
  const reporting = new Set(reportingVerbs);
  const speechReason = (verb, code) => {
    if (eventVerbDefaults.has(verb)) return null;
    if (named.has(verb)) return 'bare speech verb named in lexicons/events.yaml’s header';
    if (code === '010') return 'bare 010 “make statement”: a speech verb (lexicons/events.yaml codes no 010)';
    if (code.startsWith('01') && reporting.has(verb)) return 'bare 01 code on a reporting verb of lexicons/claims.yaml';
    return null;
  };
  const byVerbCode = new Map();
  // Written defaults only: an object coded as a default that is not written (a speech verb's, an excluded verb's)
  // is no longer redundant, and is written.
  const defaults = new Map();
  const excluded = new Set(excludedDefaults);
  const excludedSeen = new Set();
  for (const [key, { code, block, line }] of resolved) {
    const [verb = '', noun = ''] = key.split('\0');
    if (noun !== '') continue;
    const why = speechReason(verb, code);
    if (why) {
      drop('entries', why, { line, text: `${verb} [${code}]`, block });
      continue;
    }
    if (excluded.has(verb)) {
      excludedSeen.add(verb);
      drop('entries', EXCLUDED_DEFAULT, { line, text: `${verb} [${code}]`, block });
      continue;
    }
    defaults.set(verb, code);
  }
  const stale = [...excluded].filter((verb) => !excludedSeen.has(verb)).sort(compareText);
  if (stale.length > 0) throw new Error(`bare_defaults: no bare default to leave out for ${stale.join(', ')}`);
  for (const [key, { code, block, line }] of resolved) {
    const [verb = '', noun = ''] = key.split('\0');
    if (noun !== '' && named.has(verb)) {
      // "said the attack …", "told reporters the sanctions …": the noun is inside what was said, and our matcher
      // takes any listed noun in the next words, where PETRARCH read the parse tree's object.
      drop('entries', 'object of a speech verb named in lexicons/events.yaml’s header', { line, text: `${verb} + ${noun} [${code}]`, block });
      continue;
    }
    if (noun !== '' && defaults.get(verb) === code) {
      drop('entries', 'object coded as the verb’s default', { line, text: `${verb} + ${noun} [${code}]`, block });
      continue;
    }
    const id = `${verb}\0${code}`;
    if (!byVerbCode.has(id)) byVerbCode.set(id, { code, verb, nouns: [], isDefault: false });
    const entry = byVerbCode.get(id);
    if (noun === '') {
      if (defaults.has(verb)) entry.isDefault = true;
    } else entry.nouns.push(noun);
  }
  const triggers = [];
  for (const { code, verb, nouns, isDefault } of byVerbCode.values()) {
    if (isDefault) triggers.push({ code, verb });
    // A default and an object list with the same code would be two entries for one (verb, code): the default wins.
    if (nouns.length > 0 && !isDefault) triggers.push({ code, verb, object: [...nouns].sort(compareText) });
  }
  triggers.sort(compareTriggers);
  stats.verbs = verbs.length;
  return { triggers, resolved, dropped, conflicts, badCodes, verbs, stats };
}

const isInflected = (entry) => !entry.error && INFLECTED_VERBS[entry.words[0] ?? ''] !== undefined;

export function compareTriggers(a, b) {
  return (
    compareText(a.code, b.code) ||
    compareText(a.verb, b.verb) ||
    (a.object ? 1 : 0) - (b.object ? 1 : 0) ||
    compareText((a.object ?? []).join(' '), (b.object ?? []).join(' '))
  );
}

// ---------------------------------------------------------------------------------------------------------------
// comparing with lexicons/events.yaml

/**
 * Every (verb, default) and (verb, object noun) that both tables code, with both codes. `events` are the verb
 * entries of lexicons/events.yaml ({ code, verb, object? }); nouns are compared in the singular.
 */
export function compareWithEvents(resolved, events) {
  const ours = new Map();
  for (const entry of events) {
    if (entry.verb === undefined) continue;
    const verb = String(entry.verb).toLowerCase();
    const keys = entry.object ? entry.object.map((noun) => `${verb}\0${toSingular(String(noun).toLowerCase())}`) : [`${verb}\0`];
    for (const key of keys) ours.set(key, [...new Set([...(ours.get(key) ?? []), entry.code])].sort(compareText));
  }
  const agree = [];
  const disagree = [];
  for (const key of [...ours.keys()].sort(compareText)) {
    const theirs = resolved.get(key);
    if (!theirs) continue;
    const [verb = '', noun = ''] = key.split('\0');
    const row = { verb, noun, ours: ours.get(key) ?? [], theirs: theirs.code, line: theirs.line };
    (row.ours.includes(theirs.code) ? agree : disagree).push(row);
  }
  // Verbs we give no default on purpose ("fire", "strike") that CAMEO 2.0 codes bare.
  const bareInEvents = new Set(events.filter((e) => e.verb !== undefined && !e.object).map((e) => String(e.verb).toLowerCase()));
  const objectOnly = [...new Set(events.filter((e) => e.verb !== undefined && e.object).map((e) => String(e.verb).toLowerCase()))]
    .filter((verb) => !bareInEvents.has(verb) && resolved.has(`${verb}\0`))
    .sort(compareText)
    .map((verb) => ({ verb, theirs: resolved.get(`${verb}\0`)?.code ?? '', line: resolved.get(`${verb}\0`)?.line ?? 0 }));
  return { agree, disagree, objectOnly };
}

/** Whether CAMEO code `a` is coarser than `b` in the codebook's tree: a prefix of it (033 above 0331), or the "not
 *  specified below" code x0 of b's root (190 above 195, 170 above 1712). 190 is not above 1823: another root. */
export function isAncestor(a, b) {
  if (a === b || a.length < 2 || b.length < 2) return false;
  if (b.startsWith(a)) return true;
  return a.length === 3 && a.endsWith('0') && b.length >= 3 && b.slice(0, 2) === a.slice(0, 2);
}

const NAME_FILLER = new Set('not specified below or and of to in for the a an by with on as such up down off out back at into from'.split(' '));
const nameWords = (text) => text.toLowerCase().split(/[^a-z]+/).filter((word) => word.length > 1 && !NAME_FILLER.has(word));
/** Two words of one stem: equal, or a common beginning of at least five letters that leaves at most three of the
 *  shorter ("negotiate" and "negotiation", "rally" and "rally"; not "express" and "expel"). */
const sameStem = (a, b) => {
  if (a === b) return true;
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k >= 5 && k >= Math.min(a.length, b.length) - 3;
};

/** The word of a code's codebook name that names the verb or its noun (negotiate ↔ 046 "Engage in negotiation"),
 *  or null. */
export function nameNames(name, verb, noun) {
  const ours = nameWords(name);
  for (const word of [...nameWords(verb), ...nameWords(noun)]) {
    const hit = ours.find((w) => sameStem(w, word));
    if (hit) return hit;
  }
  return null;
}

/**
 * Settles each disagreement of compareWithEvents by rule: (a) CAMEO 2.0's code is an ancestor of ours (ours refines
 * it: keep ours); (b) it is a descendant (finer: follow CAMEO 2.0); (c) the codebook's name of our code names the
 * verb or its noun (keep ours); (d) otherwise follow CAMEO 2.0, except the hand-kept `keepOurs` list
 * ({ verb, object, ours, theirs, reason }). `names`: Map code → codebook name. Returns the rows with `rule`
 * ('a' | 'b' | 'c' | 'd' | 'keep_ours'), `follow` (whether events.yaml should take CAMEO 2.0's code) and `why`.
 * Throws on a keepOurs entry that is no (d) disagreement.
 */
export function classifyDisagreements(disagree, { names, keepOurs = [] }) {
  const kept = new Map(keepOurs.map((k) => [`${k.verb}\0${k.object ?? ''}`, { ...k, used: false }]));
  for (const k of keepOurs) {
    for (const code of [k.ours, k.theirs]) if (!names.has(code)) throw new Error(`keep_ours: ${k.verb}: ${code} is not a code of lexicons/cameo.yaml`);
  }
  const rows = disagree.map((row) => {
    const ours = row.ours;
    const theirs = row.theirs;
    if (ours.some((code) => isAncestor(theirs, code))) return { ...row, rule: 'a', follow: false, why: `${theirs} is above ${ours.join(', ')}` };
    if (ours.some((code) => isAncestor(code, theirs))) return { ...row, rule: 'b', follow: true, why: `${theirs} is below ${ours.join(', ')}` };
    for (const code of ours) {
      const word = nameNames(names.get(code) ?? '', row.verb, row.noun);
      if (word) return { ...row, rule: 'c', follow: false, why: `${code} "${names.get(code)}" names ${word}` };
    }
    const keep = kept.get(`${row.verb}\0${row.noun}`);
    if (keep && ours.includes(keep.ours) && keep.theirs === theirs) {
      keep.used = true;
      return { ...row, rule: 'keep_ours', follow: false, why: keep.reason };
    }
    return { ...row, rule: 'd', follow: true, why: 'no rule keeps ours' };
  });
  const stale = [...kept.values()].filter((k) => !k.used).map((k) => `${k.verb}${k.object ? ` + ${k.object}` : ''} ${k.ours}/${k.theirs}`);
  if (stale.length > 0) throw new Error(`keep_ours: no such (d) disagreement: ${stale.join('; ')}`);
  return rows;
}

/**
 * The changes made to lexicons/events.yaml to follow CAMEO 2.0 (`followed` of scripts/cameo-verbs-exclude.yaml:
 * { verb, object, was, now }), checked: events.yaml now codes the pair `now` and no longer `was`, CAMEO 2.0 codes it
 * `now`, and the rules would have followed CAMEO 2.0 there. Returns the rows with their rule; throws on the first
 * entry that does not hold, so that the record cannot drift from both tables.
 */
export function checkFollowed(followed, { comparison, names, codes }) {
  const agree = new Map(comparison.agree.map((row) => [`${row.verb}\0${row.noun}`, row]));
  return followed.map((entry) => {
    const what = `followed: ${entry.verb}${entry.object ? ` + ${entry.object}` : ''} ${entry.was} → ${entry.now}`;
    for (const code of [entry.was, entry.now]) if (!codes.has(code)) throw new Error(`${what}: ${code} is not a code of lexicons/cameo.yaml`);
    const row = agree.get(`${entry.verb}\0${entry.object}`);
    if (!row || row.theirs !== entry.now) throw new Error(`${what}: events.yaml and CAMEO 2.0 do not both code it ${entry.now}`);
    if (row.ours.includes(entry.was)) throw new Error(`${what}: events.yaml still codes it ${entry.was}`);
    const [settled] = classifyDisagreements([{ ...row, ours: [entry.was] }], { names });
    if (!settled?.follow) throw new Error(`${what}: rule (${settled?.rule}) keeps ours there`);
    return { ...row, was: entry.was, now: entry.now, rule: settled.rule, why: settled.why };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// writing

const YAML_WORDS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~']);

/** A scalar as YAML reads it back: plain when that is safe, double-quoted otherwise. */
function scalar(text) {
  return /^[a-z][a-z0-9' ./-]*$/.test(text) && !YAML_WORDS.has(text) && !/ $/.test(text) ? text : JSON.stringify(text);
}

function triggerLine(trigger) {
  const object = trigger.object ? `, object: [${trigger.object.map(scalar).join(', ')}]` : '';
  return `  - {code: ${JSON.stringify(trigger.code)}, verb: ${scalar(trigger.verb)}${object}}`;
}

/** The rules, once, for both the YAML header and the report. */
export const RULES = [
  'A verb with a code (its own [code], else its block\'s; not ---) becomes {code, verb}: its default sense.',
  'Multi-word verbs keep their words when the inflected (+) word comes first ("+ASK_FOR" → "ask for"); others',
  '(WIRE_+TAP) are dropped, as are fixed phrases with empty braces ("+KILLED_AND {}").',
  'A pattern applies to every verb of its block. "- * NOUN", "- * {ADJ NOUN}", "- * (PREP NOUN)" and',
  '"- * (PREP {ADJ NOUN})" become an object constraint on the head noun (the last word; &SET stands for each of its',
  'members, a multi-word member for its last word).',
  'A particle before the noun ("- * UP BARRICADE") joins the verb only when the dictionary lists that phrasal verb',
  'as a verb line ("put" → "put up", as +PUT_UP is listed); for the block\'s other verbs the pattern is dropped, or',
  'applied to the plain verb where that reads right (scripts/cameo-verbs-exclude.yaml, which also drops a few listed',
  'phrasal verbs whose sense is not the pattern\'s). A particle alone ("- * OFF") is dropped: it is no noun, and the',
  'phrasal verbs that are events are listed as verb lines with their own codes.',
  'Actor markers ($ + ^ %) and prepositions without a noun ("(AGAINST)") only place actors: they are ignored.',
  'Dropped: pre-verb nouns ("- PROSECUTOR * …"), a preposition only ("- * (AGAINST)"), several post-verb',
  'elements ("- * CONDITIONS (BEFORE END)": the second element is what makes the code specific, so the first alone',
  'would be wrong), [---] (no event), passive-only codes ([:173]), codes not in lexicons/cameo.yaml.',
  'Codes "A:B" keep A, the active sense (B is the code PETRARCH gives with source and target reversed).',
  'Conflicts, the same (verb, noun) with several codes: the verb\'s own listing wins, then a bare noun over a braced',
  'phrase over a prepositional phrase, then the first line of the file.',
  'Bare defaults are written only for verbs that report political events in ordinary news: none for the verbs',
  'scripts/cameo-verbs-exclude.yaml lists under bare_defaults (their everyday sense in business, sport, entertainment',
  'or tech news is not the CAMEO one: beat, hit, rally, release …). Their object entries are written.',
  'An object noun whose code is the verb\'s written default is left out (the default already codes it).',
  'Speech verbs: lexicons/events.yaml leaves out bare speech verbs on purpose (reported speech is the claims stage\'s).',
  'So no default entry for the nine it names (say, tell, add, note, state, report, announce, claim, suggest), for',
  'a default coded 010 "make statement" (explain, describe, mention …), or for a 01 default of a reporting verb of',
  'lexicons/claims.yaml; and no object entries for the nine (in news their object is what was said: "said the attack',
  '…"). A verb that lexicons/events.yaml itself has without an object is kept.',
  'A verb listed in two blocks stays in the first (as PETRARCH reads it). Verbs listed in an inflected form',
  '(BURNT, FORGAVE, IS_DETERMINED) are written as the infinitive. Nouns are written in the singular (plural-only',
  'nouns such as talks, arms, sanctions as they are); the compile step adds plurals. Everything is lower case.',
];

/** lexicons/cameo-verbs.yaml: header, then one flow-style entry a line under comments naming each CAMEO root. */
export function renderYaml(triggers, { licence, cameo, commit = SOURCE.commit }) {
  const header = [
    'Generated by scripts/convert-cameo-verbs.mjs — do not edit: change the script or scripts/cameo-verbs-exclude.yaml',
    'and run `node scripts/convert-cameo-verbs.mjs`. Written for the annotator to read beside lexicons/events.yaml, the',
    'hand-kept table: at one position of a sentence, an entry of events.yaml wins over one of this file with the same',
    '(verb, object noun) or (verb, no object).',
    '',
    `Source: PETRARCH2's CAMEO 2.0 verb dictionary, ${SOURCE.url}`,
    `  commit ${commit}, file ${SOURCE.path}.`,
    'Licence of the source (from the header of that file; the repository\'s LICENSE reads "Copyright (c) 2014 Open',
    'Event Data"):',
    '',
    ...licence.map((line) => `  ${line}`.trimEnd()),
    '',
    'Shape: the `triggers` of lexicons/events.yaml (code, verb, optional object list). Conversion rules:',
    ...RULES.map((line) => `  ${line}`),
    'What was dropped and why, the conflicts and the disagreements with lexicons/events.yaml: docs/cameo-verbs.md.',
  ];
  const names = new Map(cameo.map((entry) => [entry.code, entry.name]));
  const out = [...header.map((line) => `# ${line}`.trimEnd()), '', 'triggers:'];
  let root = '';
  for (const trigger of triggers) {
    const next = trigger.code.slice(0, 2);
    if (next !== root) {
      if (root !== '') out.push('');
      out.push(`  # --- ${next} ${names.get(next) ?? ''} ---`.trimEnd());
      root = next;
    }
    out.push(triggerLine(trigger));
  }
  return `${out.join('\n')}\n`;
}

const tableOrNone = (head, rows) => (rows.length === 0 ? ['None.'] : table(head, rows));
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
const code = (text) => `\`${String(text).replace(/\|/g, '\\|').replace(/`/g, "'")}\``;

/** Counts of triggers by CAMEO root: [root, defaults, object entries, object nouns]. */
export function countByRoot(triggers) {
  const roots = new Map();
  for (const trigger of triggers) {
    const root = trigger.code.slice(0, 2);
    const row = roots.get(root) ?? { root, defaults: 0, objects: 0, nouns: 0 };
    if (trigger.object) {
      row.objects++;
      row.nouns += trigger.object.length;
    } else row.defaults++;
    roots.set(root, row);
  }
  return [...roots.values()].sort((a, b) => compareText(a.root, b.root));
}

/** The written defaults by root: [{ root, verbs: [{ verb, code }] }], roots and verbs in code-unit order. */
export function defaultsByRoot(triggers) {
  const roots = new Map();
  for (const t of triggers) if (!t.object) roots.set(t.code.slice(0, 2), [...(roots.get(t.code.slice(0, 2)) ?? []), { verb: t.verb, code: t.code }]);
  return [...roots.entries()].sort((a, b) => compareText(a[0], b[0])).map(([root, verbs]) => ({ root, verbs: verbs.sort((a, b) => compareText(a.verb, b.verb)) }));
}

/** The defaults left out by scripts/cameo-verbs-exclude.yaml, by root: [{ root, verbs }]. */
function excludedByRoot(result) {
  const roots = new Map();
  for (const item of result.dropped.entries.get(EXCLUDED_DEFAULT) ?? []) {
    const [, verb = '', c = ''] = /^(.*) \[(\d+)\]$/.exec(item.text) ?? [];
    roots.set(c.slice(0, 2), [...(roots.get(c.slice(0, 2)) ?? []), verb]);
  }
  return [...roots.entries()].sort((a, b) => compareText(a[0], b[0])).map(([root, verbs]) => ({ root, verbs: verbs.sort(compareText) }));
}

/** Where each watched word is in CAMEO 2.0: as a verb (default and object codes), as a listed form, as an object. */
export function describeWatchWords(words, result) {
  const byVerb = new Map();
  const byNoun = new Map();
  for (const [key, value] of result.resolved) {
    const [verb = '', noun = ''] = key.split('\0');
    byVerb.set(verb, [...(byVerb.get(verb) ?? []), { noun, ...value }]);
    if (noun !== '') byNoun.set(noun, [...(byNoun.get(noun) ?? []), { verb, ...value }]);
  }
  const forms = new Map();
  for (const verb of result.verbs) for (const form of verb.forms) if (form !== verb.verb.split(' ')[0]) forms.set(form, [...(forms.get(form) ?? []), verb]);
  const emitted = new Set(result.triggers.filter((t) => !t.object).map((t) => t.verb));
  return words.map((word) => {
    const listing = result.verbs.find((v) => v.verb === word);
    const entries = byVerb.get(word) ?? [];
    const fallback = entries.find((e) => e.noun === '');
    // Objects coded as the default are no separate sense (and are not written).
    const objectCodes = summarise(entries.filter((e) => e.noun !== '' && e.code !== fallback?.code), (e) => e.noun);
    const asObject = summarise(byNoun.get(word) ?? [], (e) => e.verb);
    const parts = word.split(' ');
    const pair = parts.length > 1 ? result.resolved.get(`${parts[0]}\0${parts[parts.length - 1]}`) : undefined;
    return {
      word,
      block: listing ? `${listing.block} (line ${listing.line})` : null,
      default: fallback ? `${fallback.code}${emitted.has(word) ? '' : ' (not written)'}` : listing ? `none (${listing.why ?? 'block ---'})` : null,
      objects: objectCodes,
      formOf: (forms.get(word) ?? []).map((v) => v.verb),
      asObject,
      pair: pair ? `${parts[0]} + ${parts[parts.length - 1]} → ${pair.code} (line ${pair.line})` : null,
    };
  });
}

function summarise(items, label) {
  const byCode = new Map();
  for (const item of items) byCode.set(item.code, [...(byCode.get(item.code) ?? []), label(item)]);
  return [...byCode.entries()]
    .sort((a, b) => compareText(a[0], b[0]))
    .map(([c, labels]) => {
      const sorted = [...new Set(labels)].sort(compareText);
      return `${c}: ${sorted.slice(0, 6).join(', ')}${sorted.length > 6 ? ` … (${sorted.length})` : ''}`;
    });
}

/** docs/cameo-verbs.md. `missedForms`: [{ verb, forms }] listed forms our conjugator does not generate. */
export function renderReport(result, comparison, { watch, missedForms, cameo, commit = SOURCE.commit, keepOurs = [], followed = [] }) {
  const names = new Map(cameo.map((entry) => [entry.code, entry.name]));
  const settled = classifyDisagreements(comparison.disagree, { names, keepOurs });
  const pending = settled.filter((r) => r.follow);
  const { stats, triggers } = result;
  const defaults = triggers.filter((t) => !t.object).length;
  const nouns = triggers.reduce((n, t) => n + (t.object?.length ?? 0), 0);
  const sum = (map) => [...map.values()].reduce((n, list) => n + list.length, 0);
  // Whether the written file codes a pair as the table does (an object coded as the default counts as coded).
  const bare = new Map(triggers.filter((t) => !t.object).map((t) => [t.verb, t.code]));
  const withObject = new Set(triggers.flatMap((t) => (t.object ?? []).map((noun) => `${t.verb}\0${noun}`)));
  const written = (verb, noun, theirs) => (noun === '' ? bare.has(verb) : withObject.has(`${verb}\0${noun}`) || bare.get(verb) === theirs);
  const mark = (verb, noun, theirs) => (written(verb, noun, theirs) ? theirs : `${theirs} (not written)`);
  const out = [
    '# CAMEO 2.0 verbs, converted',
    '',
    'Generated by `scripts/convert-cameo-verbs.mjs` — do not edit; re-run the script. It converts PETRARCH2\'s CAMEO 2.0',
    `verb dictionary (${SOURCE.url}, commit \`${commit}\`, \`${SOURCE.path}\`, MIT licence) into`,
    '`lexicons/cameo-verbs.yaml`, in the trigger shape of `lexicons/events.yaml`, for the annotator to read beside',
    '`lexicons/events.yaml`: at one position of a sentence, a hand entry wins over a generated one with the same (verb,',
    'object noun) or (verb, no object). The hand-kept exceptions are `scripts/cameo-verbs-exclude.yaml`.',
    '',
    '## Counts',
    '',
    ...table(['what', 'count'], [
      ['synonym sets', stats.synsets],
      ['verb blocks', stats.blocks],
      ['verb lines', stats.verbLines],
      ['verbs kept (after dropped lines)', stats.verbs],
      ['pattern lines', stats.patternLines],
      ['pattern lines converted', stats.patternLines - sum(result.dropped.patterns)],
      ['transformations (not convertible)', result.transformations ?? 0],
      ['triggers written', triggers.length],
      ['… default entries (no object)', defaults],
      ['… entries with an object list', triggers.length - defaults],
      ['… object nouns in them', nouns],
      ['conflicts resolved (verb, noun)', result.conflicts.length],
    ].map(([a, b]) => [a, String(b)])),
    '',
    'Triggers by CAMEO root:',
    '',
    ...table(['root', 'name', 'defaults', 'object entries', 'object nouns'], countByRoot(triggers).map((r) => [r.root, names.get(r.root) ?? '', String(r.defaults), String(r.objects), String(r.nouns)])),
    '',
    '## Rules',
    '',
    ...RULES.map((line, k) => (k === 0 || /^[A-Z]/.test(line) ? `- ${line}` : `  ${line}`)),
    '',
    '## Bare defaults',
    '',
    `The ${defaults} verbs written without an object, by the root of their code: the verbs that report political events in`,
    'ordinary news. A default is written only when its verb has none of the senses scripts/cameo-verbs-exclude.yaml',
    'lists under `bare_defaults`; their object entries are written all the same.',
    '',
    ...table(['root', 'name', 'kept', 'verbs (code)'], defaultsByRoot(triggers).map((r) => [r.root, names.get(r.root) ?? '', String(r.verbs.length), r.verbs.map((v) => `${v.verb} (${v.code})`).join(', ')])),
    '',
    `Left out (${(result.dropped.entries.get(EXCLUDED_DEFAULT) ?? []).length}), by the root of the code CAMEO 2.0 gives them:`,
    '',
    ...table(['root', 'left out', 'verbs'], excludedByRoot(result).map((r) => [r.root, String(r.verbs.length), r.verbs.join(', ')])),
    '',
    '## Disagreements with lexicons/events.yaml',
    '',
    `Both tables code ${comparison.agree.length + comparison.disagree.length} (verb, default) or (verb, object noun) pairs. They agree on ${comparison.agree.length}, of which`,
    `${followed.length} because lexicons/events.yaml was changed to follow CAMEO 2.0, and disagree on ${comparison.disagree.length}. Each`,
    'disagreement is settled by rule, in this order:',
    '',
    '- (a) CAMEO 2.0\'s code is an ancestor of ours in the codebook (a prefix of it, or its root\'s "not specified below"',
    '  code x0: 190 above 195): ours refines it per the codebook, and is kept.',
    '- (b) CAMEO 2.0\'s code is a descendant of ours (0331 below 033): events.yaml follows CAMEO 2.0.',
    '- (c) the codebook\'s name of our code (lexicons/cameo.yaml) names the verb or its noun (046 "Engage in negotiation"',
    '  for negotiate): ours is kept.',
    '- (d) otherwise events.yaml follows CAMEO 2.0, except the cases `keep_ours` of scripts/cameo-verbs-exclude.yaml',
    '  lists, where CAMEO 2.0 plainly contradicts the codebook.',
    '',
    '"CAMEO 2.0" is the converted code after conflicts; "(not written)" marks a pair that lexicons/cameo-verbs.yaml',
    'leaves out (a speech verb, a bare default left out). Nouns are compared in the singular. Lines are the dictionary\'s.',
    '',
    `### Changed in lexicons/events.yaml to follow CAMEO 2.0 (${followed.length})`,
    '',
    ...tableOrNone(['verb', 'object noun', 'old → new', 'rule', 'source line'], followed.map((r) => [r.verb, r.noun === '' ? '(default)' : r.noun, `${r.was} → ${r.now}`, `(${r.rule}) ${r.why}`, String(r.line)])),
    '',
    `### Ours kept: (a) CAMEO 2.0's code is coarser (${settled.filter((r) => r.rule === 'a').length})`,
    '',
    ...tableOrNone(['verb', 'object noun', 'events.yaml', 'CAMEO 2.0', 'source line'], settled.filter((r) => r.rule === 'a').map((r) => [r.verb, r.noun === '' ? '(default)' : r.noun, r.ours.join(', '), mark(r.verb, r.noun, r.theirs), String(r.line)])),
    '',
    `### Ours kept: (c) the codebook's name of our code names the verb or its noun (${settled.filter((r) => r.rule === 'c').length})`,
    '',
    ...tableOrNone(['verb', 'object noun', 'events.yaml', 'CAMEO 2.0', 'why', 'source line'], settled.filter((r) => r.rule === 'c').map((r) => [r.verb, r.noun === '' ? '(default)' : r.noun, r.ours.join(', '), mark(r.verb, r.noun, r.theirs), r.why, String(r.line)])),
    '',
    `### Ours kept: keep_ours, CAMEO 2.0 plainly contradicts the codebook (${settled.filter((r) => r.rule === 'keep_ours').length})`,
    '',
    ...tableOrNone(['verb', 'object noun', 'events.yaml', 'CAMEO 2.0', 'reason', 'source line'], settled.filter((r) => r.rule === 'keep_ours').map((r) => [r.verb, r.noun === '' ? '(default)' : r.noun, r.ours.join(', '), mark(r.verb, r.noun, r.theirs), r.why, String(r.line)])),
    '',
    '### Still to follow',
    '',
    ...(pending.length === 0
      ? ['None: every disagreement left is settled for ours.']
      : [
          'Disagreements the rules settle for CAMEO 2.0 that lexicons/events.yaml does not follow yet (edit it, then add the',
          'change to `followed` of scripts/cameo-verbs-exclude.yaml):',
          '',
          ...table(['verb', 'object noun', 'events.yaml', 'CAMEO 2.0', 'rule', 'source line'], pending.map((r) => [r.verb, r.noun === '' ? '(default)' : r.noun, r.ours.join(', '), mark(r.verb, r.noun, r.theirs), `(${r.rule}) ${r.why}`, String(r.line)])),
        ]),
    '',
    `Verbs that lexicons/events.yaml codes only with an object (too ambiguous alone) and CAMEO 2.0 codes bare (${comparison.objectOnly.length}):`,
    '',
    ...table(['verb', 'CAMEO 2.0 default', 'source line'], comparison.objectOnly.map((r) => [r.verb, mark(r.verb, '', r.theirs), String(r.line)])),
    '',
    '## Left out on purpose',
    '',
  ];
  for (const [reason, items] of [...result.dropped.entries].sort((a, b) => compareText(a[0], b[0]))) {
    if (reason === EXCLUDED_DEFAULT) {
      out.push(`- ${reason}: ${items.length} — listed by root under "Bare defaults" above`);
      continue;
    }
    const all = reason.startsWith('bare');
    const shown = all ? items : items.slice(0, 8);
    out.push(`- ${reason}: ${items.length} — ${shown.map((i) => code(i.text)).join(', ')}${shown.length < items.length ? ', …' : ''}`);
  }
  out.push('', '## Dropped verb lines', '');
  out.push(...dropList(result.dropped.verbs, Infinity));
  out.push('', '## Dropped pattern lines', '');
  out.push(...dropList(result.dropped.patterns, 10));
  out.push('', '## Codes not in lexicons/cameo.yaml', '');
  const bad = [...result.badCodes.entries()].sort((a, b) => compareText(a[0], b[0]));
  out.push(bad.length === 0 ? 'None.' : `${bad.map(([c, lines]) => `${code(c)} (${lines.length}: line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})`).join('; ')}.`);
  out.push('', '## Conflicts inside CAMEO 2.0', '');
  out.push('The same (verb, object noun) reached with several codes, grouped where the same lines make the same conflict for', 'several verbs of a block. The chosen code is first; lines are the dictionary\'s.', '');
  out.push(...table(['block', 'verbs', 'object nouns', 'chosen', 'candidates (line)'], conflictRows(result)));
  out.push('', 'PETRARCH itself, reading identical patterns, keeps the last one (its reader overwrites); the choice above is made', 'on the pattern lines instead, so that a plain "- * MEETING [026]" is not overruled by a later line of another verb of', 'the block.');
  out.push('', '## Words the team asked about', '');
  for (const w of watch) {
    const where = w.block ? `verb of block ${w.block}; default ${w.default}` : 'not listed as a verb';
    out.push(`- **${w.word}** — ${where}.`);
    if (w.objects.length > 0) out.push(`  With an object: ${w.objects.join('; ')}.`);
    if (w.asObject.length > 0) out.push(`  As the object noun of other verbs: ${w.asObject.join('; ')}.`);
    if (w.pair) out.push(`  As verb and object: ${w.pair}.`);
    if (w.formOf.length > 0) out.push(`  Listed as a form of: ${w.formOf.join(', ')}.`);
  }
  out.push('', '## Listed verb forms our conjugator does not generate', '');
  out.push('Irregular forms the dictionary lists that `verbForms` (src/nlp/create-nlp.ts) does not produce: these inflections would not', 'match if the entries were loaded.', '');
  out.push(missedForms.length === 0 ? 'None.' : missedForms.map((m) => `${m.verb} (${m.forms.join(', ')})`).join('; ') + '.');
  return `${out.join('\n')}\n`;
}

/** The conflicts as table rows: one row per block and set of candidate lines, with every verb and noun it covers
 *  ("all N verbs of the block" when it is all of them). */
function conflictRows(result) {
  const blockVerbs = new Map();
  for (const v of result.verbs) blockVerbs.set(v.block, [...(blockVerbs.get(v.block) ?? []), v.verb]);
  const byNoun = new Map();
  for (const c of result.conflicts) {
    const id = `${c.block}\0${c.candidates.map((k) => `${k.code}@${k.line}`).join(',')}\0${c.noun}`;
    const group = byNoun.get(id) ?? { block: c.block, chosen: c.chosen, candidates: c.candidates, noun: c.noun, verbs: [] };
    group.verbs.push(c.verb);
    byNoun.set(id, group);
  }
  const byVerbs = new Map();
  for (const g of byNoun.values()) {
    const verbs = [...g.verbs].sort(compareText);
    const id = `${g.block}\0${g.candidates.map((k) => `${k.code}@${k.line}`).join(',')}\0${verbs.join(',')}`;
    const group = byVerbs.get(id) ?? { ...g, verbs, nouns: [] };
    group.nouns.push(g.noun === '' ? '(default)' : g.noun);
    byVerbs.set(id, group);
  }
  const describeVerbs = (block, verbs) => {
    const all = blockVerbs.get(block) ?? [];
    if (verbs.length === all.length && all.length > 3) {
      const suffixes = new Set(verbs.map((v, k) => v.slice((([...all].sort(compareText))[k] ?? '').length)));
      const [suffix] = suffixes;
      if (suffixes.size === 1 && verbs.every((v, k) => v === `${[...all].sort(compareText)[k]}${suffix}`)) {
        return `all ${all.length} verbs of the block${suffix ? ` +${suffix}` : ''}`;
      }
    }
    return verbs.join(', ');
  };
  return [...byVerbs.values()]
    .sort((a, b) => compareText(a.block, b.block) || compareText(a.nouns[0] ?? '', b.nouns[0] ?? '') || compareText(a.verbs[0] ?? '', b.verbs[0] ?? ''))
    .map((g) => [
      g.block,
      describeVerbs(g.block, g.verbs),
      [...g.nouns].sort(compareText).join(', '),
      `**${g.chosen}**`,
      g.candidates.map((c) => `${c.code} (${c.line})`).join(', '),
    ]);
}

function dropList(map, limit) {
  const out = [];
  for (const [reason, items] of [...map.entries()].sort((a, b) => b[1].length - a[1].length || compareText(a[0], b[0]))) {
    const shown = items.slice(0, limit).map((i) => `${code(i.text)} (${i.block}, line ${i.line})`);
    out.push(`- ${reason}: ${items.length}${shown.length > 0 ? ` — ${shown.join('; ')}${items.length > shown.length ? '; …' : ''}` : ''}`);
  }
  return out.length === 0 ? ['None.'] : out;
}

/** The MIT notice in the dictionary's own header, from "The MIT License" to the end of the warranty paragraph. */
export function licenceOf(text) {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/^#\s?/, ''));
  const start = lines.findIndex((line) => /^The MIT License/.test(line));
  const end = lines.findIndex((line, k) => k > start && /DEALINGS IN THE SOFTWARE\.$/.test(line));
  if (start < 0 || end < 0) throw new Error(`${SOURCE.path}: no MIT licence notice in its header`);
  return lines.slice(start, end + 1).map((line) => line.trimEnd());
}

/**
 * scripts/cameo-verbs-exclude.yaml: `particles` { plain, otherSense }, each a list of { block, pattern, verbs }, and
 * `bareDefaults`, the verbs of all groups of `bare_defaults` (convertDictionary's options); `keepOurs`, the
 * disagreements with lexicons/events.yaml settled for ours against rule (d), and `followed`, the changes made to
 * events.yaml to follow CAMEO 2.0, one { verb, object ('' for the default), … } per case. Throws on a shape it does
 * not know, so that a typo is no silent no-op.
 */
export function readExclusions(text) {
  const data = parse(text) ?? {};
  const fail = (what) => {
    throw new Error(`${EXCLUDE_FILE}: ${what}`);
  };
  const known = ['particles', 'bare_defaults', 'keep_ours', 'followed'];
  for (const key of Object.keys(data)) if (!known.includes(key)) fail(`unknown section ${key}`);
  const particleList = (list, name) =>
    (list ?? []).map((r) => {
      if (typeof r?.block !== 'string' || typeof r.pattern !== 'string' || !Array.isArray(r.verbs)) fail(`particles.${name}: { block, pattern, verbs } expected`);
      return { block: r.block, pattern: r.pattern, verbs: r.verbs.map(String) };
    });
  const particles = data.particles ?? {};
  for (const key of Object.keys(particles)) if (!['plain', 'other_sense'].includes(key)) fail(`unknown particles.${key}`);
  const bareDefaults = [];
  for (const [group, verbs] of Object.entries(data.bare_defaults ?? {})) {
    if (!Array.isArray(verbs) || verbs.some((v) => typeof v !== 'string')) fail(`bare_defaults.${group}: a list of verbs expected`);
    for (const verb of verbs) {
      if (bareDefaults.includes(verb)) fail(`bare_defaults: ${verb} listed twice`);
      bareDefaults.push(verb);
    }
  }
  // One line may name several verbs or objects: each (verb, object) is one case.
  const cases = (list, name, fields) =>
    (list ?? []).flatMap((entry) => {
      const verbs = [entry?.verb].flat();
      const objects = entry?.object === undefined ? [''] : [entry.object].flat();
      const missing = fields.filter((field) => typeof entry?.[field] !== 'string' || entry[field] === '');
      if (verbs.some((v) => typeof v !== 'string') || objects.some((o) => typeof o !== 'string') || missing.length > 0) {
        fail(`${name}: { verb, object?, ${fields.join(', ')} } expected${missing.length > 0 ? ` (${missing.join(', ')} missing)` : ''}`);
      }
      return verbs.flatMap((verb) => objects.map((object) => ({ ...Object.fromEntries(fields.map((f) => [f, entry[f]])), verb, object })));
    });
  return {
    particles: { plain: particleList(particles.plain, 'plain'), otherSense: particleList(particles.other_sense, 'other_sense') },
    bareDefaults,
    keepOurs: cases(data.keep_ours, 'keep_ours', ['ours', 'theirs', 'reason']),
    followed: cases(data.followed, 'followed', ['was', 'now']),
  };
}

// ---------------------------------------------------------------------------------------------------------------

function readArgs(argv) {
  const options = { gitDir: SOURCE.gitDir, commit: SOURCE.commit };
  const names = { '--git-dir': 'gitDir', '--commit': 'commit', '--out-dir': 'outDir', '--exclude': 'exclude' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = argv[i + 1];
    if (Object.hasOwn(names, arg) && value !== undefined) {
      options[names[arg]] = value;
      i++;
    } else {
      throw new Error(`unknown argument ${arg} (usage: convert-cameo-verbs.mjs [--git-dir <dir>] [--commit <sha>] [--out-dir <dir>] [--exclude <file>])`);
    }
  }
  return options;
}

function writeAtomically(url, text) {
  const target = fileURLToPath(url);
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
}

async function main() {
  const options = readArgs(process.argv.slice(2));
  const git = (...args) => execFileSync('git', ['--git-dir', options.gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  // The header names the full hash of what was read, whatever spelling of it was given.
  options.commit = git('rev-parse', '--verify', `${options.commit}^{commit}`).trim();
  const text = git('show', `${options.commit}:${SOURCE.path}`);
  const cameo = parse(readFileSync(new URL('lexicons/cameo.yaml', ROOT), 'utf8'));
  const events = parse(readFileSync(new URL('lexicons/events.yaml', ROOT), 'utf8')).triggers;
  const codes = new Set(cameo.map((entry) => entry.code));
  const eventVerbDefaults = new Set(events.filter((e) => e.verb !== undefined && !e.object).map((e) => String(e.verb)));
  const reportingVerbs = parse(readFileSync(new URL('lexicons/claims.yaml', ROOT), 'utf8')).verbs;

  const exclusions = readExclusions(readFileSync(options.exclude ?? new URL(EXCLUDE_FILE, ROOT), 'utf8'));

  const parsed = parseVerbDictionary(text);
  const result = {
    ...convertDictionary(parsed, {
      codes,
      speechVerbs: SPEECH_VERBS,
      reportingVerbs,
      eventVerbDefaults,
      particles: exclusions.particles,
      excludedDefaults: exclusions.bareDefaults,
    }),
    transformations: parsed.transformations,
  };
  for (const problem of parsed.problems) console.log(`line ${problem.line}: ${problem.reason}: ${problem.text}`);
  const comparison = compareWithEvents(result.resolved, events);

  const { verbForms } = await import('../dist/nlp/create-nlp.js');
  const written = new Set(result.triggers.map((t) => t.verb));
  const missedForms = result.verbs
    .filter((v) => written.has(v.verb) && v.forms.length > 0)
    .map((v) => {
      const known = new Set(verbForms(v.verb.split(' ')[0]));
      return { verb: v.verb, forms: [...new Set(v.forms)].filter((form) => !known.has(form)).sort(compareText) };
    })
    .filter((m) => m.forms.length > 0)
    .sort((a, b) => compareText(a.verb, b.verb));

  const yamlText = renderYaml(result.triggers, { licence: licenceOf(text), cameo, commit: options.commit });
  // The written file must read back as exactly these entries (quoting, flow syntax).
  const reread = parse(yamlText).triggers;
  if (JSON.stringify(reread) !== JSON.stringify(result.triggers)) throw new Error('cameo-verbs.yaml does not read back as written');
  const names = new Map(cameo.map((entry) => [entry.code, entry.name]));
  const followed = checkFollowed(exclusions.followed, { comparison, names, codes });
  const settled = classifyDisagreements(comparison.disagree, { names, keepOurs: exclusions.keepOurs });
  const report = renderReport(result, comparison, {
    watch: describeWatchWords(WATCH_WORDS, result),
    missedForms,
    cameo,
    commit: options.commit,
    keepOurs: exclusions.keepOurs,
    followed,
  });
  const outDir = options.outDir ? pathToFileURL(`${options.outDir.replace(/\/$/, '')}/`) : ROOT;
  writeAtomically(new URL(options.outDir ? 'cameo-verbs.yaml' : 'lexicons/cameo-verbs.yaml', outDir), yamlText);
  writeAtomically(new URL(options.outDir ? 'cameo-verbs.md' : 'docs/cameo-verbs.md', outDir), report);

  const { stats, triggers, dropped } = result;
  console.log(`read ${stats.synsets} synsets, ${stats.blocks} blocks, ${stats.verbLines} verb lines, ${stats.patternLines} pattern lines, ${parsed.transformations} transformations (not convertible)`);
  for (const [kind, map] of Object.entries(dropped)) {
    for (const [reason, items] of [...map.entries()].sort((a, b) => b[1].length - a[1].length || compareText(a[0], b[0]))) {
      console.log(`dropped ${kind === 'entries' ? 'entry' : kind.slice(0, -1)}: ${reason}: ${items.length}`);
    }
  }
  console.log(`codes not in cameo.yaml: ${[...result.badCodes.keys()].sort(compareText).join(', ') || 'none'}`);
  console.log(`conflicts resolved: ${result.conflicts.length}`);
  const nouns = triggers.reduce((n, t) => n + (t.object?.length ?? 0), 0);
  console.log(`kept: ${stats.verbs} verbs; wrote ${triggers.length} triggers (${triggers.filter((t) => !t.object).length} defaults, ${triggers.filter((t) => t.object).length} with objects, ${nouns} object nouns)`);
  const count = (rule) => settled.filter((r) => r.rule === rule).length;
  console.log(`events.yaml: ${comparison.agree.length} agree (${followed.length} changed to follow CAMEO 2.0), ${comparison.disagree.length} disagree: ours kept by (a) ${count('a')}, (c) ${count('c')}, keep_ours ${count('keep_ours')}`);
  for (const r of settled.filter((row) => row.follow)) {
    console.log(`  still to follow (${r.rule}): ${r.verb}${r.noun ? ` + ${r.noun}` : ''} ${r.ours.join(', ')} → ${r.theirs} (line ${r.line})`);
  }
  console.log('bare defaults kept, by root:');
  for (const { root, verbs } of defaultsByRoot(triggers)) console.log(`  ${root} (${verbs.length}): ${verbs.map((v) => v.verb).join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
