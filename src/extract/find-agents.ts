// Finds actors named by a lower-case agent noun: "senior Iranian officials" (IRNGOV), "the Iranian government",
// "Pakistan's main opposition party", "soldiers from India" (INDMIL), "police in Lagos" (NGACOP). Capitalised offices
// ("Pakistani Army Chief") are classify-names' business; this stage reads what it found.
//
// An agent with an owner country is an actor of the article. One without ("gunmen", "police", "two journalists") is
// only a candidate: the events stage makes it an actor when an event has it as a participant, coded by its sector
// alone (REB, COP, MED) or with the country of the event's place; elsewhere it would fill the actor table with every
// "workers" and "students" an article mentions.
import type { LexiconIndex } from '../lexicon/index-lexicon.js';
import type { ParsedText, Token } from '../nlp/create-nlp.js';
import type { ActorType } from '../model/annotation.js';
import type { Finding } from './classify-names.js';

/** Words that may stand between an owner and its agent noun: "Iranian senior officials", "Qatar former officials". */
const MODIFIER = /^(senior|top|high-ranking|high-level|former|local|new|main|largest|leading|chief|official|provincial|regional|federal|national|central|state|military|security|defence|defense|foreign|interior|border|government|ruling|opposition|jailed|hardline|moderate|awful|evil|good|old|armed|suspected|masked|unidentified|unknown|retired|striking|angry)$/;
/** Institutions are organizations; plurals are groups; everything else is a person known by an office. */
const INSTITUTION = /^(government|military|army|navy|air force|armed forces|police|administration|leadership|authorities|ministry|embassy|parliament|judiciary|court|media|opposition|delegation|militia|security forces|forces)$/;
const OWNER_PREPOSITION = new Set(['of', 'from', 'in']);
/** Nouns an agent noun may modify and still name the agent: what it holds or fields ("rebel positions", "a police
 *  station", "army bases"). Before any other noun the agent word is a modifier and names no one ("police
 *  investigation", "government newspaper"). */
const HOLDINGS = /^(positions?|bases?|camps?|strongholds?|hideouts?|headquarters|barracks|posts?|stations?|checkpoints?|convoys?|patrols?|vehicles?|lines|territory|territories|enclaves?|bastions?|outposts?|compounds?|units?)$/;

export interface AgentsResult {
  /** Agents with an owner: actors of the article. */
  owned: Finding[];
  /** Agents without one (strength 'pending'): actors only where an event makes them participants. */
  pending: Finding[];
}

export function findAgents(parsed: ParsedText, findings: readonly Finding[], index: LexiconIndex): AgentsResult {
  const owners = findings.filter((f) => ownerCode(f, index, false) !== null || ownerCode(f, index, true) !== null);
  const owned: Finding[] = [];
  const pending: Finding[] = [];
  for (const tokens of parsed.sentences) {
    for (let i = 0; i < tokens.length; i++) {
      const title = matchTitle(tokens, i, index);
      if (!title) continue;
      const head = tokens[title.end - 1]!;
      const next = tokens[title.end];
      // "government newspaper", "police investigation": the agent noun modifies another noun and is not the head.
      const modifies = next && /^\s*$/.test(head.post) && !/\S/.test(next.pre) && !isPossessive(head) && next.tags.has('Noun') && !next.tags.has('ProperNoun') && !next.tags.has('Acronym') && !next.tags.has('Pronoun') && !next.tags.has('Date');
      if (modifies && !HOLDINGS.test(next.normal)) continue;
      const office = tokens.slice(i, title.end).map((t) => bare(t.normal)).join(' ');
      const plural = head.tags.has('Plural') || title.lemma !== office || /(men|people)$/.test(office);
      const type: ActorType = INSTITUTION.test(office) ? 'organization' : plural ? 'group' : 'person';
      const agents = ownersOf(tokens, i, title.end, owners, index);
      for (const agent of agents) {
        // A prefix agent belongs to no country: peacekeeping troops are the UN's (IGO) wherever they serve.
        const code = title.prefix ? title.sector : agent.code + title.sector;
        owned.push({
          ref: { list: 'actors', type, name: agent.name, code, key: `office:${code}:${office}` },
          start: agent.start,
          end: agent.end,
          sentence: head.sentence,
          via: 'title',
          reason: agent.reason,
          strength: 'strong',
        });
      }
      if (agents.length === 0 && title.sector !== '') {
        // No owner: a candidate, coded by its sector alone until an event's place gives it a country.
        const end = isPossessive(head) ? head.end - 2 : head.end;
        pending.push({
          ref: { list: 'actors', type, name: office, code: title.sector, key: `${title.prefix ? 'agent-abroad' : 'agent'}:${title.sector}:${title.lemma}` },
          start: tokens[i]!.start,
          end,
          sentence: head.sentence,
          via: 'title',
          reason: 'agent:no-owner',
          strength: 'pending',
        });
      }
      i = title.end - 1;
    }
  }
  return { owned, pending };
}

/** The longest lower-case agent noun starting at token i: "officials", "security forces", "foreign minister" (the last
 *  word may carry a possessive: "the military leader's discussions"). */
function matchTitle(tokens: Token[], i: number, index: LexiconIndex): { end: number; sector: string; prefix: boolean; lemma: string } | null {
  // Lower case, or capitalised only because it starts the sentence ("Soldiers from India …").
  if (!/^\p{Ll}/u.test(tokens[i]!.text) && !(i === 0 && /^\p{Lu}\p{Ll}+$/u.test(tokens[i]!.text))) return null;
  // An article is no part of the agent: "the ministry" is the ministry.
  if (/^(the|a|an)$/i.test(tokens[i]!.text) || !index.mayStartAgent(tokens[i]!.text)) return null;
  for (let m = Math.min(index.maxAgentWords, tokens.length - i); m >= 1; m--) {
    const words = tokens.slice(i, i + m);
    if (words.some((t, n) => !/^\p{Ll}/u.test(t.text) && !(n === 0 && i === 0)) || words.slice(0, -1).some((t) => !/^\s+$/.test(t.post) || isPossessive(t))) continue;
    const agent = index.agent(words.map((t) => bare(t.text)).join(' '));
    if (agent) return { end: i + m, sector: agent.sector, prefix: agent.prefix, lemma: agent.lemma };
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
 *  of/from/in phrase right after it ("government of India", "police in Lagos"). Each owner makes its own agent. */
function ownersOf(tokens: Token[], from: number, to: number, owners: readonly Finding[], index: LexiconIndex): Owned[] {
  const text = (a: number, b: number): string => tokens.slice(a, b).map((t, k, all) => t.text + (k < all.length - 1 ? t.post : '')).join('');
  let k = from - 1;
  while (k >= 0 && MODIFIER.test(tokens[k]!.normal) && /^\s+$/.test(tokens[k]!.post)) k--;
  const before = k >= 0 ? ownerEndingAt(tokens[k]!, owners.filter((f) => ownerCode(f, index, false) !== null)) : undefined;
  if (before) {
    const out: Owned[] = [];
    const headText = text(k + 1, to).replace(/['’]s$/i, '');
    const name = (f: Finding): string => `${ownerText(tokens, f)} ${headText}`.replace(/\s+/g, ' ');
    // Coordinated owners share the noun: "Pakistani and Iranian officials". A mention is one stretch of text, so the
    // first owner's group is mentioned by the owner's word alone.
    for (let j = tokenAt(tokens, before.start) - 1; j >= 1; j -= 2) {
      if (!/^(and|or)$/.test(tokens[j]!.normal)) break;
      const other = ownerEndingAt(tokens[j - 1]!, owners);
      if (!other || ownerCode(other, index, false) === null) break;
      out.push({ code: ownerCode(other, index, false)!, name: name(other), start: other.start, end: other.end, reason: 'agent:coordinated-owner' });
    }
    // "Pakistan's army": the possessor is a mention of its own, so the agent's mention starts after it.
    const possessive = isPossessive(tokens[k]!);
    const start = possessive ? tokens[k + 1]!.start : before.start;
    const last = tokens[to - 1]!;
    out.push({ code: ownerCode(before, index, false)!, name: name(before), start, end: isPossessive(last) ? last.end - 2 : last.end, reason: possessive ? 'agent:possessor' : 'agent:owner-before' });
    return out;
  }
  const prep = tokens[to];
  const after = tokens[to + 1];
  if (prep && after && OWNER_PREPOSITION.has(prep.normal) && /^\s+$/.test(tokens[to - 1]!.post) && !isPossessive(tokens[to - 1]!)) {
    let j = to + 1;
    while (j < tokens.length && /^(the)$/.test(tokens[j]!.normal)) j++;
    const owner = owners.find((f) => f.start === tokens[j]?.start);
    // Any place in the country owns an agent after it ("police in Lagos"); a country or capital owns any title.
    const code = owner ? ownerCode(owner, index, true) : null;
    if (owner && code) {
      return [{ code, name: `${text(from, to)} ${prep.text} ${owner.ref.name}`, start: tokens[from]!.start, end: owner.end, reason: `agent:owner-${prep.normal}` }];
    }
  }
  return [];
}

/** The owner as written, without a possessive: "Pakistani", "India". */
function ownerText(tokens: Token[], f: Finding): string {
  return tokens
    .filter((t) => t.start >= f.start && t.end <= f.end + 2)
    .map((t) => bare(t.text))
    .join(' ');
}

function ownerEndingAt(token: Token, owners: readonly Finding[]): Finding | undefined {
  return owners.find((f) => f.end === token.end || (f.end === token.end - 2 && isPossessive(token)));
}

function tokenAt(tokens: Token[], start: number): number {
  return tokens.findIndex((t) => t.start === start);
}

function isPossessive(t: Token): boolean {
  return /['’]s$/i.test(t.text);
}

/** A word without its possessive ending: "leader’s" → "leader". */
function bare(word: string): string {
  return word.length > 2 ? word.replace(/['’]s$/i, '') : word;
}

/** The country code an owner gives its agents: a country (actor or place), a demonym, a capital, a user's country;
 *  with `anyPlace`, also any city or region of a known country ("police in Lagos"). */
function ownerCode(f: Finding, index: LexiconIndex, anyPlace: boolean): string | null {
  const ref = f.ref;
  // A country, or a body of one ("White House security officials" are the United States' officials).
  if (ref.list === 'actors') return ref.code && (ref.type === 'country' || index.countryByCode(ref.code.slice(0, 3))) ? ref.code.slice(0, 3) : null;
  if (ref.type === 'country' && ref.country) return ref.country;
  // A capital as a place ("officials in Moscow") stands for its country.
  if (ref.type === 'city' && ref.country && f.reason === 'lexicon:capital-place') return index.countryByCode(ref.country) ? ref.country : null;
  if (anyPlace && (ref.type === 'city' || ref.type === 'region') && ref.country) return index.countryByCode(ref.country) ? ref.country : null;
  return null;
}
