// Finds actors named by a lower-case agent noun and the country that owns it: "senior Iranian officials" (IRNGOV),
// "the Iranian government", "Pakistan's main opposition party", "soldiers from India" (INDMIL), "lawmakers in
// Qatar". Capitalised offices ("Pakistani Army Chief") are classify-names' business; this stage reads what it found.
import type { LexiconIndex } from '../lexicon/index-lexicon.js';
import type { ParsedText, Token } from '../nlp/create-nlp.js';
import type { ActorType } from '../model/annotation.js';
import type { Finding } from './classify-names.js';

/** Words that may stand between an owner and its agent noun: "Iranian senior officials", "Qatar former officials". */
const MODIFIER = /^(senior|top|high-ranking|high-level|former|local|new|main|largest|leading|chief|official|provincial|regional|federal|national|central|state|military|security|defence|defense|foreign|interior|border|government|ruling|opposition|jailed|hardline|moderate|awful|evil|good|old)$/;
/** Institutions are organizations; plurals are groups; everything else is a person known by an office. */
const INSTITUTION = /^(government|military|army|navy|air force|armed forces|police|administration|leadership|authorities|ministry|embassy|parliament|judiciary|court|media|opposition|delegation|militia|security forces|forces)$/;
const OWNER_PREPOSITION = new Set(['of', 'from', 'in']);

export function findAgents(parsed: ParsedText, findings: readonly Finding[], index: LexiconIndex): Finding[] {
  const owners = findings.filter((f) => ownerCode(f, index) !== null);
  const out: Finding[] = [];
  for (const tokens of parsed.sentences) {
    for (let i = 0; i < tokens.length; i++) {
      const title = matchTitle(tokens, i, index);
      if (!title) continue;
      const head = tokens[title.end - 1]!;
      const next = tokens[title.end];
      // "government newspaper", "police station": the agent noun modifies another noun and is not the head.
      if (next && /^\s*$/.test(head.post) && next.tags.has('Noun') && !next.tags.has('ProperNoun') && !next.tags.has('Pronoun') && !next.tags.has('Date')) continue;
      for (const agent of ownersOf(tokens, i, title.end, owners, index)) {
        const office = tokens.slice(i, title.end).map((t) => t.normal).join(' ');
        const code = agent.code + title.sector;
        const type: ActorType = INSTITUTION.test(office) ? 'organization' : head.tags.has('Plural') ? 'group' : 'person';
        out.push({
          ref: { list: 'actors', type, name: agent.name, code, key: `office:${code}:${office}` },
          start: agent.start,
          end: agent.end,
          sentence: head.sentence,
          via: 'title',
          reason: agent.reason,
          strength: 'strong',
        });
      }
      i = title.end - 1;
    }
  }
  return out;
}

/** The longest lower-case title with a sector starting at token i: "officials", "security forces", "foreign minister". */
function matchTitle(tokens: Token[], i: number, index: LexiconIndex): { end: number; sector: string } | null {
  // Lower case, or capitalised only because it starts the sentence ("Soldiers from India …").
  if (!/^\p{Ll}/u.test(tokens[i]!.text) && !(i === 0 && /^\p{Lu}\p{Ll}+$/u.test(tokens[i]!.text))) return null;
  if (!index.mayStartTitle(tokens[i]!.text)) return null;
  for (let m = Math.min(index.maxTitleWords, tokens.length - i); m >= 1; m--) {
    const words = tokens.slice(i, i + m);
    if (words.some((t, n) => !/^\p{Ll}/u.test(t.text) && !(n === 0 && i === 0)) || words.slice(0, -1).some((t) => !/^\s+$/.test(t.post))) continue;
    const sector = index.titleSector(words.map((t) => t.text).join(' '));
    if (sector) return { end: i + m, sector };
  }
  return null;
}

interface Owned {
  code: string;
  name: string;
  start: number;
  end: number;
  reason: string;
}

/** The owners of an agent noun: a country right before it ("Iranian", "India's", "Pakistani and Iranian") or in an
 *  of/from/in phrase right after it ("government of India"). Each owner makes its own agent. */
function ownersOf(tokens: Token[], from: number, to: number, owners: readonly Finding[], index: LexiconIndex): Owned[] {
  const text = (a: number, b: number): string => tokens.slice(a, b).map((t, k, all) => t.text + (k < all.length - 1 ? t.post : '')).join('');
  let k = from - 1;
  while (k >= 0 && MODIFIER.test(tokens[k]!.normal) && /^\s+$/.test(tokens[k]!.post)) k--;
  const before = k >= 0 ? ownerEndingAt(tokens[k]!, owners) : undefined;
  if (before) {
    const out: Owned[] = [];
    const head = tokens.slice(k + 1, to);
    const headText = text(k + 1, to);
    const name = (f: Finding): string => `${ownerText(tokens, f)} ${headText}`.replace(/\s+/g, ' ');
    // Coordinated owners share the noun: "Pakistani and Iranian officials". A mention is one stretch of text, so the
    // first owner's group is mentioned by the owner's word alone.
    for (let j = tokenAt(tokens, before.start) - 1; j >= 1; j -= 2) {
      if (!/^(and|or)$/.test(tokens[j]!.normal)) break;
      const other = ownerEndingAt(tokens[j - 1]!, owners);
      if (!other) break;
      out.push({ code: ownerCode(other, index)!, name: name(other), start: other.start, end: other.end, reason: 'agent:coordinated-owner' });
    }
    void head;
    // "Pakistan's army": the possessor is a mention of its own, so the agent's mention starts after it.
    const possessive = /['’]s$/i.test(tokens[k]!.text);
    const start = possessive ? tokens[k + 1]!.start : before.start;
    out.push({ code: ownerCode(before, index)!, name: name(before), start, end: tokens[to - 1]!.end, reason: possessive ? 'agent:possessor' : 'agent:owner-before' });
    return out;
  }
  const prep = tokens[to];
  const after = tokens[to + 1];
  if (prep && after && OWNER_PREPOSITION.has(prep.normal) && /^\s+$/.test(tokens[to - 1]!.post)) {
    let j = to + 1;
    while (j < tokens.length && /^(the)$/.test(tokens[j]!.normal)) j++;
    const owner = owners.find((f) => f.start === tokens[j]?.start);
    if (owner) {
      const end = owner.end;
      return [{ code: ownerCode(owner, index)!, name: `${text(from, to)} ${prep.text} ${owner.ref.name}`, start: tokens[from]!.start, end, reason: `agent:owner-${prep.normal}` }];
    }
  }
  return [];
}

/** The owner as written, without a possessive: "Pakistani", "India". */
function ownerText(tokens: Token[], f: Finding): string {
  return tokens
    .filter((t) => t.start >= f.start && t.end <= f.end + 2)
    .map((t) => t.text.replace(/['’]s$/i, ''))
    .join(' ');
}

function ownerEndingAt(token: Token, owners: readonly Finding[]): Finding | undefined {
  return owners.find((f) => f.end === token.end || (f.end === token.end - 2 && /['’]s$/i.test(token.text)));
}

function tokenAt(tokens: Token[], start: number): number {
  return tokens.findIndex((t) => t.start === start);
}

/** The country code an owner gives its agents: a country (actor or place), a demonym, a capital, a user's country. */
function ownerCode(f: Finding, index: LexiconIndex): string | null {
  const ref = f.ref;
  if (ref.list === 'actors') return ref.type === 'country' && ref.code ? ref.code.slice(0, 3) : null;
  if (ref.type === 'country' && ref.country) return ref.country;
  // A capital as a place ("officials in Moscow") stands for its country.
  if (ref.type === 'city' && ref.country && f.reason === 'lexicon:capital-place') return index.countryByCode(ref.country) ? ref.country : null;
  return null;
}
