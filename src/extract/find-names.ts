// Finds the candidate names of an article: maximal runs of capitalised words in a sentence, cut at punctuation,
// possessives and dates, with sentence-initial capitals and SHOUTED headlines handled by evidence rather than case.
// The result is spans of tokens; what each name means is decided by classify-names.
import type { ParsedText, Token } from '../nlp/create-nlp.js';
import type { LexiconIndex } from '../lexicon/index-lexicon.js';
import { isShouted } from '../learn/names/name-tagger.js';

export interface NameChunk {
  sentence: number;
  /** The tokens of the name, in order (a possessive's 's is not part of `text`). */
  tokens: Token[];
  /** UTF-16 offsets of the name in the article. */
  start: number;
  end: number;
  text: string;
  /** The name was written with a possessive ('s or ’s) that the span leaves out. */
  possessive: boolean;
  /** Tokens of the sentence, to read the context around the name. */
  context: Token[];
  /** Index in `context` of the first and last token of the name. */
  first: number;
  last: number;
  /** The sentence is written in capitals (a headline): case says nothing there. */
  shouted: boolean;
}

/** Lower-case words that may sit inside a name ("Bank of England", "Gulf of Mexico", "Osama bin Laden"). */
const INNER = new Set(['of', 'de', 'du', 'da', 'di', 'del', 'della', 'des', 'der', 'den', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'y', '&', 'for', 'on']);
/** "of"/"for"/"on" join only after a head that takes a complement as part of its name. */
const HEADS = new Set([
  'bank', 'university', 'ministry', 'department', 'institute', 'council', 'court', 'church', 'museum', 'federation',
  'association', 'union', 'board', 'office', 'chamber', 'league', 'college', 'school', 'academy', 'society', 'party',
  'organisation', 'organization', 'commission', 'committee', 'agency', 'house', 'gulf', 'bay', 'strait', 'straits',
  'sea', 'isle', 'isles', 'cape', 'republic', 'kingdom', 'state', 'states', 'duke', 'port', 'lake', 'mount', 'city',
  'secretary', 'minister', 'bureau', 'centre', 'center', 'fund', 'corporation', 'army', 'congress', 'tribunal',
  'conference', 'summit', 'festival', 'championship', 'cup', 'friends', 'people', 'peoples', 'movement', 'front',
  'coalition', 'alliance', 'sisters', 'brothers', 'daughters', 'sons', 'province', 'prefecture', 'district', 'county',
]);
/** Suffixes of hyphenated words that make the part before them a name: "U.S.-led", "Paris-based". */
const HYPHEN_SUFFIX = /^(led|based|backed|born|owned|made|run|funded|brokered|sponsored|controlled|allied|bound|era|style|type|listed|registered|held|dominated|occupied|administered|linked|designed|built|friendly|bred|trained|educated)$/;
const BREAK = /[,.;:!?()[\]{}"“”«»|/\\—–]|\s-|-\s|'\s|’\s|\n/;
const WORDY = /\p{L}/u;
/** Marks the first half of a split hyphenated pair, which ends its name. */
const SPLIT = 'SplitHyphen';
const UPPER_START = /^\p{Lu}/u;

/** Tags that show compromise read a sentence-initial word as a name rather than an ordinary capitalised word. */
const NAME_TAGS = ['Person', 'Place', 'Organization', 'Country', 'City', 'Region', 'Demonym', 'Acronym', 'FirstName', 'LastName'];
const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'Verb', 'Auxiliary', 'Copula', 'Modal', 'QuestionWord', 'Expression', 'Value', 'Date'];

export function findNames(parsed: ParsedText, text: string, index: LexiconIndex): NameChunk[] {
  const sentences = parsed.sentences.map((tokens) => splitHyphenated(tokens, index));
  // Words seen capitalised somewhere other than the start of a sentence: evidence for the start-of-sentence ones.
  const capitalisedInside = new Set<string>();
  for (const tokens of sentences) {
    if (isShouted(tokens)) continue;
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (UPPER_START.test(t.text) && !startsClause(tokens, i)) capitalisedInside.add(bare(t).toLowerCase());
    }
  }
  // Cased sentences first: the names they hold are what a headline in capitals can be matched against.
  const cased = sentences.map((tokens) => (isShouted(tokens) ? null : findCasedNames(tokens, text, index, capitalisedInside)));
  const known = new Set<string>();
  for (const list of cased) for (const c of list ?? []) known.add(c.tokens.map(bare).join(' ').toLowerCase());
  const chunks: NameChunk[] = [];
  sentences.forEach((tokens, i) => chunks.push(...(cased[i] ?? findShoutedNames(tokens, text, index, known))));
  return chunks;
}

function findCasedNames(tokens: Token[], text: string, index: LexiconIndex, seen: Set<string>): NameChunk[] {
  const chunks: NameChunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens, i, index, seen)) {
      i++;
      continue;
    }
    let j = i;
    // Extend while the next word belongs to the same name.
    while (j + 1 < tokens.length && !endsName(tokens[j]!) && !BREAK.test(tokens[j + 1]!.pre)) {
      const next = tokens[j + 1]!;
      if (isNameWord(tokens, j + 1, index, seen) && !index.isStopName(next.text)) {
        j++;
        continue;
      }
      // An inner connector joins two capitalised parts: "Bank of England", "Osama bin Laden".
      const after = tokens[j + 2];
      if (after && INNER.has(next.normal) && !endsName(next) && isNameWord(tokens, j + 2, index, seen) && joinsInner(tokens, i, j, next)) {
        j += 2;
        continue;
      }
      break;
    }
    const chunk = makeChunk(tokens, i, j, text, false);
    if (chunk) chunks.push(chunk);
    i = j + 1;
  }
  return chunks;
}

/** In a headline every word is capitalised, so only known names count: lexicon entries and names the body uses. */
function findShoutedNames(tokens: Token[], text: string, index: LexiconIndex, seen: Set<string>): NameChunk[] {
  const chunks: NameChunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = -1;
    for (let j = Math.min(tokens.length - 1, i + 5); j >= i; j--) {
      if (tokens.slice(i, j).some(endsName)) continue;
      const surface = tokens.slice(i, j + 1).map(bare).join(' ');
      if (index.lookup(surface).length > 0 || seen.has(surface.toLowerCase())) {
        matched = j;
        break;
      }
    }
    if (matched < 0) {
      i++;
      continue;
    }
    const chunk = makeChunk(tokens, i, matched, text, true);
    if (chunk) chunks.push(chunk);
    i = matched + 1;
  }
  return chunks;
}

function makeChunk(tokens: Token[], first: number, last: number, text: string, shouted: boolean): NameChunk | null {
  // Trim connectors left at either end.
  while (first <= last && INNER.has(tokens[first]!.normal) && !UPPER_START.test(tokens[first]!.text)) first++;
  while (last >= first && INNER.has(tokens[last]!.normal) && !UPPER_START.test(tokens[last]!.text)) last--;
  if (first > last) return null;
  const lastToken = tokens[last]!;
  const possessive = isPossessive(lastToken);
  const start = tokens[first]!.start;
  const end = possessive ? lastToken.end - 2 : lastToken.end;
  if (end <= start) return null;
  const span = text.slice(start, end);
  if (!WORDY.test(span)) return null;
  // Column heads of results tables ("W D L G") are letters, not names; initials end in a full stop.
  if (tokens.slice(first, last + 1).every((t) => /^\p{Lu}$/u.test(t.text) && !t.post.startsWith('.'))) return null;
  return {
    sentence: lastToken.sentence,
    tokens: tokens.slice(first, last + 1),
    start,
    end,
    text: span,
    possessive,
    context: tokens,
    first,
    last,
    shouted,
  };
}

function isNameWord(tokens: Token[], i: number, index: LexiconIndex, seen: Set<string>): boolean {
  const t = tokens[i]!;
  if (!UPPER_START.test(t.text) || !WORDY.test(t.text)) return false;
  if (t.text === 'I' || index.isStopName(bare(t))) return false;
  if (!startsClause(tokens, i)) return true;
  // An initial before a capitalised word: "(C. Lewis 80 not out", "A. Dale".
  if (/^\p{Lu}$/u.test(t.text) && /^\.\s?$/.test(t.post) && UPPER_START.test(tokens[i + 1]?.text ?? '')) return true;
  // A capital at the start of a sentence or quotation proves nothing: ask for evidence that it is a name.
  if (index.lookup(bare(t)).length > 0) return true;
  if (NAME_TAGS.some((tag) => t.tags.has(tag))) return true;
  if (isFunctionWord(t)) return false;
  if (seen.has(bare(t).toLowerCase())) return true;
  // The next word capitalised too ("Phil Simmons took …") reads as a name; a lone sentence-initial noun does not.
  const next = tokens[i + 1];
  return next !== undefined && !endsName(t) && UPPER_START.test(next.text) && !isFunctionWord(next) && t.tags.has('ProperNoun');
}

function isFunctionWord(t: Token): boolean {
  return FUNCTION_TAGS.some((tag) => t.tags.has(tag)) && !NAME_TAGS.some((tag) => t.tags.has(tag));
}

function startsClause(tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1]!;
  return /[:"“‘(]\s*$/.test(prev.post) || /["“‘(]/.test(tokens[i]!.pre);
}

function joinsInner(tokens: Token[], first: number, j: number, connector: Token): boolean {
  if (connector.normal === '&') return true;
  if (connector.normal === 'of' || connector.normal === 'for' || connector.normal === 'on') {
    // The word right before the connector must take it: "Bank of England", not "President Tono Eitel of Germany".
    return HEADS.has(tokens[j]!.normal) && first <= j;
  }
  // Name particles (bin, van, al, de …) only inside a run that already started.
  return true;
}

/** Punctuation after a word ends the name it is in; so does a possessive. */
function endsName(t: Token): boolean {
  // An initial's full stop does not end a name: "P. Simmons", "George W. Bush".
  if (/^\p{Lu}$/u.test(t.text) && /^\.\s?$/.test(t.post)) return false;
  return BREAK.test(t.post) || isPossessive(t) || t.tags.has(SPLIT);
}

function isPossessive(t: Token): boolean {
  return /['’]s$/i.test(t.text);
}

/** The word without a possessive ending. */
function bare(t: Token): string {
  return isPossessive(t) ? t.text.slice(0, -2) : t.text;
}

/** Splits "U.S.-led" into "U.S." and a remainder, and "Pakistan-India" into two names, keeping exact offsets. */
function splitHyphenated(tokens: Token[], index: LexiconIndex): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const dash = t.text.lastIndexOf('-');
    if (dash <= 0 || dash === t.text.length - 1 || !UPPER_START.test(t.text)) {
      out.push(t);
      continue;
    }
    const head = t.text.slice(0, dash);
    const tail = t.text.slice(dash + 1);
    if (HYPHEN_SUFFIX.test(tail.toLowerCase())) {
      out.push({ ...t, text: head, normal: head.toLowerCase(), end: t.start + head.length, post: '-' + tail + t.post, tags: new Set(['ProperNoun']) });
    } else if (UPPER_START.test(tail) && index.lookup(head).length > 0 && index.lookup(tail).length > 0) {
      // Two known names joined: "Pakistan-Iran relations". "Jean-Pierre" stays whole: its halves are not places.
      out.push({ ...t, text: head, normal: head.toLowerCase(), end: t.start + head.length, post: '-', tags: new Set(['ProperNoun', SPLIT]) });
      out.push({ ...t, text: tail, normal: tail.toLowerCase(), start: t.start + dash + 1, pre: '', tags: new Set(['ProperNoun', 'Hyphenated']) });
    } else {
      out.push(t);
    }
  }
  return out.map((t, index) => (t.index === index ? t : { ...t, index }));
}
