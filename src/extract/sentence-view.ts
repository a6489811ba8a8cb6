// One sentence as the extractors read it: its tokens, the actor and place mention covering each token, and the
// grammar helpers every extractor shares (verb groups, passives, coordinated mentions, the verb governing a noun).
// Pure: no compromise, no I/O.
import type { ParsedText, Token } from '../nlp/create-nlp.js';
import type { Finding } from './classify-names.js';

export const DETERMINER = /^(a|an|the|this|that|these|those|its|their|his|her|our|some|any|all|both|each|several|new|further|fresh|renewed|recent|latest|first|second|major|joint|bilateral|high-level|full|formal|official|brief|private|rare|historic|deadly|fierce|heavy)$/;

export const SUBORDINATOR = /^(that|which|who|whom|whose|after|before|when|while|because|as|since|if|unless|until|although|though|where|whereas|whether)$/;

/** Actor mentions made on the way, and what making them needs. */
export interface Derived {
  list: Finding[];
  /** The actor made from each place, so that one place gives one actor mention however often it is read. */
  byPlace: Map<Finding, Finding>;
  /** The actor made from each agent candidate, by the candidate and the country it was given ("police" in an event in
   *  Lagos is Nigeria's police): one candidate gives one actor mention per country. */
  agents: Map<Finding, Map<string, Finding>>;
  /** The actors made from agent candidates: they stay only while an event that is kept has them. */
  agentMade: Set<Finding>;
  countryName: (code: string) => string | undefined;
}

/** One sentence with its tokens and, per token, the mentions that cover it. */
export class SentenceView {
  readonly actorAt: (Finding | undefined)[];
  readonly placeAt: (Finding | undefined)[];

  constructor(
    readonly tokens: Token[],
    readonly findings: Finding[],
  ) {
    this.actorAt = tokens.map(() => undefined);
    this.placeAt = tokens.map(() => undefined);
    for (const f of findings) {
      const list = f.ref.list === 'actors' ? this.actorAt : this.placeAt;
      tokens.forEach((t, k) => {
        if (t.start < f.end && t.end > f.start) {
          const current = list[k];
          // The widest mention wins ("Iranian officials" over "Iranian"); at equal width, the office ("Pakistani" as
          // the Pakistani officials) over the country.
          const wider = !current || current.end - current.start < f.end - f.start;
          const office = current && current.end - current.start === f.end - f.start && f.via === 'title' && current.via !== 'title';
          if (wider || office) list[k] = f;
        }
      });
    }
    // An office after its country is one actor: "the Pakistan Army Chief" acts as PAKMIL and "German Chancellor Olaf
    // Scholz" as DEUGOV, not as the country. Title words between them belong to the office holder.
    for (let k = tokens.length - 1; k > 0; k--) {
      const office = this.actorAt[k];
      if (!office || office.ref.list !== 'actors' || !office.ref.code || office.ref.code.length <= 3 || this.actorAt[k - 1] === office) continue;
      let j = k - 1;
      while (j > 0 && !this.actorAt[j] && /^\p{Lu}/u.test(tokens[j]!.text) && /^\s+$/.test(tokens[j]!.post)) j--;
      const owner = this.actorAt[j];
      if (owner && owner.ref.list === 'actors' && owner.ref.type === 'country' && owner.ref.code === office.ref.code.slice(0, 3) && /^\s+$/.test(tokens[j]!.post)) {
        for (let m = k - 1; m >= 0 && (this.actorAt[m] === owner || (m > j && !this.actorAt[m])); m--) this.actorAt[m] = office;
      }
    }
  }

  /** Each token's norm, made on first use: the stages ask for the same tokens' norms many times over. */
  private readonly norms: (string | undefined)[] = [];

  norm(k: number): string {
    const t = this.tokens[k];
    if (!t) return '';
    return (this.norms[k] ??= t.normal.replace(/[’]/g, "'").replace(/'s$/, ''));
  }

  private caselessSentence: boolean | undefined;

  /** The sentence is written in capitals or in title case (a headline): there, a capital says nothing of a name. */
  get caseless(): boolean {
    if (this.caselessSentence === undefined) {
      const words = this.tokens.filter((t) => /\p{L}{2}/u.test(t.text) && !/^(a|an|the|of|in|on|at|to|for|and|or|by|with|as|is|vs?)$/i.test(t.text));
      const capitalised = words.filter((t) => /^\p{Lu}/u.test(t.text)).length;
      this.caselessSentence = words.length >= 3 && capitalised / words.length >= 0.75;
    }
    return this.caselessSentence;
  }

  /** compromise splits some hyphenated words ("cease-fire" → cease, fire): the word rejoined, and the token after it. */
  joined(k: number): { form: string; next: number } | null {
    let j = k;
    let form = this.norm(k);
    while (j + 1 < this.tokens.length && this.tokens[j]!.post === '-' && j - k < 3) form += '-' + this.norm(++j);
    return j > k ? { form, next: j + 1 } : null;
  }

  /** A comma, semicolon, colon, bracket or dash after token k. */
  breaksAfter(k: number, soft = true): boolean {
    const post = this.tokens[k]?.post ?? '';
    return soft ? /[,;:()[\]—–"“”]/.test(post) : /[;:()[\]—–]/.test(post);
  }
}

/** A view of every sentence that has words, each with the mentions found in it, in text order. */
export function* sentenceViews(parsed: ParsedText, findings: readonly Finding[]): Generator<SentenceView> {
  const bySentence = new Map<number, Finding[]>();
  for (const f of findings) {
    const list = bySentence.get(f.sentence);
    if (list) list.push(f);
    else bySentence.set(f.sentence, [f]);
  }
  for (const tokens of parsed.sentences) if (tokens.length > 0) yield new SentenceView(tokens, bySentence.get(tokens[0]!.sentence) ?? []);
}

/** The nearest finite main verb before token `before`: the verb whose subject a coordinated verb shares ("condemned
 *  the attack and promised aid"). */
export function previousVerb(s: SentenceView, before: number): number | null {
  for (let k = before - 1; k >= 0; k--) {
    const t = s.tokens[k]!;
    if (t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Copula') && !t.tags.has('Modal') && !t.tags.has('Gerund') && !t.tags.has('Participle')) return k;
  }
  return null;
}

/** Words after which no finite verb can stand: "a shot", "the attack", "their fight" are nouns whatever the tagger
 *  says. */
const NOUN_BEFORE = /^(a|an|the|his|her|its|their|our|my|your|every|each|another|no)$/;

export function isVerbish(s: SentenceView, i: number): boolean {
  const t = s.tokens[i]!;
  if (NOUN_BEFORE.test(s.norm(i - 1)) && !s.breaksAfter(i - 1)) return false;
  if (t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Copula') && !t.tags.has('Modal')) {
    // "the meeting", "a visiting delegation": a gerund after a determiner or before a noun is not a verb.
    if (t.tags.has('Gerund') && (DETERMINER.test(s.norm(i - 1)) || s.tokens[i - 1]?.tags.has('Possessive'))) return false;
    return true;
  }
  if (t.tags.has('ProperNoun') || t.tags.has('Plural')) return false;
  // compromise reads some verbs after an auxiliary as nouns: "didn't clash", "will not attack"; and a participle
  // after "be" as an adjective: "three soldiers were wounded".
  let k = i - 1;
  while (k >= 0 && s.tokens[k]!.tags.has('Adverb') && !s.tokens[k]!.tags.has('Negative')) k--;
  const p = s.tokens[k];
  if (p !== undefined && isBe(s, k) && isParticipleForm(t)) return true;
  return p !== undefined && (p.tags.has('Modal') || p.tags.has('Auxiliary') || p.tags.has('Negative') || s.norm(k) === 'to');
}

function isBe(s: SentenceView, k: number): boolean {
  return /^(is|are|was|were|be|been|being|get|got|gets)$/.test(s.norm(k));
}

/** A past participle, whatever the tagger made of it: "killed", "wounded", "shot", "beaten". */
function isParticipleForm(t: Token): boolean {
  return t.tags.has('PastTense') || t.tags.has('Participle') || (t.tags.has('Adjective') && /(ed|en|wn|ot|ught)$/.test(t.normal));
}

export function isNounish(s: SentenceView, i: number): boolean {
  const t = s.tokens[i]!;
  if (t.tags.has('Pronoun')) return false;
  if (t.tags.has('Noun')) return !isVerbish(s, i) || t.tags.has('Plural');
  return t.tags.has('Gerund') && (DETERMINER.test(s.norm(i - 1)) || s.tokens[i - 1]?.tags.has('Possessive') === true || s.tokens[i - 1]?.tags.has('Adjective') === true);
}

export interface VerbGroup {
  /** First token of the auxiliaries before the verb. */
  start: number;
  /** Where the subject ends: before the group, or before the predicate a "to"-infinitive hangs on. */
  subjectEnd: number;
  /** Words of the group and its governing predicates, for modality. */
  cues: string[];
}

/** The auxiliaries, adverbs and negation before a verb, followed up through "to" to the predicate it depends on
 *  ("India is about to restore": the subject of restore is that of "is about"). */
export function verbGroup(s: SentenceView, v: number): VerbGroup {
  const cues: string[] = [];
  let k = v - 1;
  for (let hops = 0; hops < 4; hops++) {
    while (k >= 0 && isGroupWord(s, k)) cues.push(s.norm(k--));
    if (k >= 0 && s.norm(k) === 'to' && !s.breaksAfter(k - 1)) {
      cues.push('to');
      k--;
      // The governing predicate: "about", "working", "set", "vowed" (and its own auxiliaries, next time round).
      let g = k;
      while (g >= 0 && (s.tokens[g]!.tags.has('Adjective') || s.tokens[g]!.tags.has('Verb') || s.tokens[g]!.tags.has('Adverb') || s.tokens[g]!.tags.has('Date') || /^(about|due|set|able|going|on|in|at|last|this|next)$/.test(s.norm(g))) && !s.actorAt[g] && !s.placeAt[g] && g > k - 5) {
        cues.push(s.norm(g));
        g--;
      }
      if (g === k) break;
      k = g;
      continue;
    }
    break;
  }
  return { start: k + 1, subjectEnd: k, cues };
}

export function isGroupWord(s: SentenceView, k: number): boolean {
  const t = s.tokens[k]!;
  if (s.breaksAfter(k)) return false;
  return t.tags.has('Auxiliary') || t.tags.has('Modal') || t.tags.has('Negative') || t.tags.has('Copula') || (t.tags.has('Adverb') && !t.tags.has('Date')) || /^(not|never|n't|also|jointly|again|now|then)$/.test(s.norm(k));
}

export function isPassive(s: SentenceView, v: number, groupStart: number): boolean {
  const t = s.tokens[v]!;
  if (t.tags.has('Passive')) return true;
  if (!isParticipleForm(t)) return false;
  for (let k = groupStart; k < v; k++) if (/^(is|are|was|were|be|been|being|get|got)$/.test(s.norm(k))) return true;
  return false;
}

export function isNounPhraseWord(s: SentenceView, k: number): boolean {
  const t = s.tokens[k]!;
  if (s.breaksAfter(k) && k !== -1) return false;
  return (t.tags.has('Noun') || t.tags.has('Adjective') || t.tags.has('Determiner') || t.tags.has('Value')) && !t.tags.has('Pronoun') && !SUBORDINATOR.test(s.norm(k));
}

/** Mentions coordinated with the one at token k: "Egypt, Jordan, Morocco and Tunisia", "Islamabad and Doha". */
export function collect(s: SentenceView, k: number, step: 1 | -1, derived?: Derived, allowPlaces = false): Finding[] {
  const out: Finding[] = [];
  let j = k;
  while (j >= 0 && j < s.tokens.length) {
    const f = s.actorAt[j] ?? (allowPlaces ? asActor(s.placeAt[j], derived) : undefined);
    if (!f) break;
    out.push(f);
    // Move past this mention.
    while (j >= 0 && j < s.tokens.length && (s.actorAt[j] === f || s.placeAt[j] === f || (allowPlaces && derivedFrom(s.placeAt[j], derived) === f))) j += step;
    // Then past a coordinator (",", "and", "or", "nor"), with determiners and adjectives on either side of it:
    // "India and the new Pakistani", "Egypt, the old Jordan, and Morocco".
    let joined = false;
    const boundary = step === 1 ? j - 1 : j;
    if (boundary >= 0 && /,\s*$/.test(s.tokens[boundary]?.post ?? '')) joined = true;
    while (j >= 0 && j < s.tokens.length && !s.actorAt[j] && !s.placeAt[j]) {
      const t = s.tokens[j]!;
      if (/^(and|or|nor|neither|both)$/.test(s.norm(j))) joined = true;
      else if (!(t.tags.has('Adjective') || /^(the|its|their)$/.test(s.norm(j)))) break;
      if (step === -1 && /,\s*$/.test(s.tokens[j - 1]?.post ?? '')) joined = true;
      j += step;
    }
    if (!joined) break;
  }
  return step === 1 ? out : out.reverse();
}

/** A country or capital named as a place, taken as the country acting or acted upon ("visited Tehran" → Iran). */
export function asActor(place: Finding | undefined, derived: Derived | undefined): Finding | undefined {
  if (!place || !derived || place.ref.list !== 'places' || !place.ref.country) return undefined;
  if (place.ref.type !== 'country' && place.reason !== 'lexicon:capital-place') return undefined;
  const known = derived.byPlace.get(place);
  if (known) return known;
  const country = place.ref.country;
  const name = place.ref.type === 'country' ? place.ref.name : derived.countryName(country);
  if (!name) return undefined;
  const f: Finding = {
    ref: { list: 'actors', type: 'country', name, code: country, key: `country:${country}:${name.toLowerCase()}` },
    start: place.start,
    end: place.end,
    sentence: place.sentence,
    via: place.ref.type === 'country' ? 'name' : 'capital',
    reason: 'event:place-as-participant',
    strength: 'lexicon',
  };
  derived.byPlace.set(place, f);
  derived.list.push(f);
  return f;
}

export function derivedFrom(place: Finding | undefined, derived: Derived | undefined): Finding | undefined {
  return place ? derived?.byPlace.get(place) : undefined;
}

/** The verb whose object a noun is: up to four words back over determiners and adjectives ("held [high-level] talks"). */
export function governingVerb(s: SentenceView, n: number): number | null {
  for (let k = n - 1; k >= 0 && k >= n - 5; k--) {
    const t = s.tokens[k]!;
    if (s.breaksAfter(k)) return null;
    // The particle of a phrasal verb: "carried out a chemical attack", "set up talks".
    if (/^(out|up|off|down|on)$/.test(s.norm(k)) && k > 0 && s.tokens[k - 1]!.tags.has('Verb')) continue;
    if ((t.tags.has('Verb') || isVerbish(s, k)) && !t.tags.has('Auxiliary') && !t.tags.has('Copula') && !(t.tags.has('Gerund') && k === n - 1)) return k;
    if (!(t.tags.has('Determiner') || t.tags.has('Adjective') || t.tags.has('Value') || t.tags.has('Possessive') || t.tags.has('Noun') || DETERMINER.test(s.norm(k)))) return null;
    if (s.actorAt[k] && !/['’]s$/.test(t.text)) return null;
  }
  return null;
}

export function unique(list: Finding[]): Finding[] {
  return [...new Set(list)];
}

/** Prepositions that join a noun phrase to its head: "a spokesman for the ministry", "the head of the union". */
const PHRASE_LINK = /^(of|for|at|from|with|in|on|through|by|to)$/;
const PERSONAL_PRONOUN = /^(i|you|he|she|it|we|they|one|this|that|these|those|who)$/;

/** Whether token k can be part of a noun phrase: nouns, names, adjectives, determiners, numbers, possessives. */
function inPhrase(s: SentenceView, k: number): boolean {
  const t = s.tokens[k]!;
  if (s.actorAt[k] || s.placeAt[k]) return true;
  if (SUBORDINATOR.test(s.norm(k)) && !t.tags.has('Determiner')) return false;
  if (t.tags.has('Pronoun')) return t.tags.has('Possessive') || /^(his|her|its|their|our|my|your)$/.test(s.norm(k));
  if (t.tags.has('Verb') && !t.tags.has('Noun') && !t.tags.has('Adjective') && !(t.tags.has('Participle') && !t.tags.has('PastTense'))) return false;
  return t.tags.has('Noun') || t.tags.has('Adjective') || t.tags.has('Determiner') || t.tags.has('Value') || t.tags.has('Acronym') || /^\p{Lu}/u.test(t.text);
}

/** The noun phrase that ends at token `end` (inclusive), as a token range: "he", "a senior Iranian official",
 *  "the head of the union", "Ana Ruiz, an economist at the bank". Null when `end` ends no noun phrase. */
export function phraseEndingAt(s: SentenceView, end: number): { from: number; to: number } | null {
  if (end < 0 || end >= s.tokens.length) return null;
  if (s.tokens[end]!.tags.has('Pronoun') && PERSONAL_PRONOUN.test(s.norm(end))) return { from: end, to: end + 1 };
  if (!inPhrase(s, end) || !hasNoun(s, end, end + 1)) return null;
  let k = end;
  while (k > 0 && end - k < 14) {
    const before = k - 1;
    if (s.breaksAfter(before)) break;
    if (inPhrase(s, before)) {
      k = before;
      if (s.tokens[before]!.tags.has('Pronoun')) break;
      continue;
    }
    // "the head of the union": a linking preposition with a noun before it.
    if (PHRASE_LINK.test(s.norm(before)) && before > 0 && hasNoun(s, before - 1, before) && !s.breaksAfter(before - 1)) {
      k = before - 1;
      continue;
    }
    break;
  }
  // An apposition before it: "Ana Ruiz, an economist at the bank," names the same speaker.
  const opener = s.tokens[k]!;
  if (k >= 2 && DETERMINER.test(s.norm(k)) && !opener.tags.has('Pronoun') && /^,\s*$/.test(s.tokens[k - 1]!.post)) {
    let j = k - 1;
    while (j > 0 && (s.tokens[j - 1]!.tags.has('ProperNoun') || s.actorAt[j - 1]) && !s.breaksAfter(j - 1)) j--;
    if (s.tokens[k - 1]!.tags.has('ProperNoun') || s.actorAt[k - 1]) return { from: j, to: end + 1 };
  }
  return { from: k, to: end + 1 };
}

/** The noun phrase that starts at token `from`, up to a clause break or a verb: "the minister", "a source close to
 *  the talks", "Ana Ruiz, an economist". Null when no noun phrase starts there. */
export function phraseStartingAt(s: SentenceView, from: number): { from: number; to: number } | null {
  if (from >= s.tokens.length) return null;
  if (s.tokens[from]!.tags.has('Pronoun') && PERSONAL_PRONOUN.test(s.norm(from))) return { from, to: from + 1 };
  let k = from;
  while (k < s.tokens.length && k - from < 14) {
    // "observers that these efforts …": after the first word, "that" opens a clause.
    if (k > from && /^(that|which|who|whom|whose)$/.test(s.norm(k))) break;
    if (inPhrase(s, k)) {
      k++;
    } else if ((PHRASE_LINK.test(s.norm(k)) || /^(and|or)$/.test(s.norm(k))) && k > from && k + 1 < s.tokens.length && inPhrase(s, k + 1) && !s.tokens[k + 1]!.tags.has('Pronoun')) {
      k++;
    } else break;
    if (s.breaksAfter(k - 1)) break;
  }
  while (k > from && !hasNoun(s, k - 1, k)) k--;
  return k > from && hasNoun(s, from, k) ? { from, to: k } : null;
}

function hasNoun(s: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = s.tokens[k]!;
    if (s.actorAt[k] || (t.tags.has('Noun') && !t.tags.has('Pronoun')) || t.tags.has('ProperNoun')) return true;
  }
  return false;
}

/** The head of a phrase: its last word before a linking preposition or a comma ("a spokesman" of "a spokesman for
 *  India", "Ana Ruiz" of "Ana Ruiz, an economist"). */
export function headOf(s: SentenceView, from: number, to: number): number {
  for (let k = from; k < to - 1; k++) if (s.breaksAfter(k) || PHRASE_LINK.test(s.norm(k + 1))) return k;
  return to - 1;
}

/** The actor a phrase names: the mention that covers its head ("senior Iranian officials", "Ana Ruiz, an
 *  economist"); a spokesman for India is not India. */
export function actorIn(s: SentenceView, from: number, to: number): Finding | undefined {
  return s.actorAt[headOf(s, from, to)];
}

/** The UTF-16 range of tokens [from, to), without a possessive ending: "the union’s" → "the union". */
export function phraseRange(s: SentenceView, from: number, to: number): { start: number; end: number } {
  const last = s.tokens[to - 1]!;
  const end = /['’]s$/i.test(last.text) && last.text.length > 2 ? last.end - 2 : last.end;
  return { start: s.tokens[from]!.start, end };
}
