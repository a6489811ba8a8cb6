// Turns mention findings into the article's actors and places: one entity per canonical thing, all its mentions.
// Weak guesses are revised with evidence from the whole article ("Simmons" after "Phil Simmons" is that person).
import type { Actor, Mention, Place } from '../model/annotation.js';
import type { EntityRef, Finding } from './classify-names.js';
import { compareMentions, slugify, uniqueIds } from '../model/order.js';

export interface BuildOptions {
  /** UTF-16 → code-point offset conversion for the article. */
  toCodePoint: (utf16: number) => number;
  /** The article text, to slice mention text. */
  text: string;
}

export interface Entities {
  actors: Actor[];
  places: Place[];
  /** The findings that made it into the output, with their final references (for explain). */
  kept: Finding[];
  /** The id of the actor or place a finding (as given to buildEntities) ended up in; undefined if it was dropped. */
  idOf(finding: Finding): string | undefined;
}

export function buildEntities(findings: Finding[], options: BuildOptions): Entities {
  const pairs = reviseWeak(findings);
  const groups = new Map<string, { ref: EntityRef; findings: Finding[]; entity?: Actor | Place }>();
  const groupOf = new Map<Finding, { entity?: Actor | Place }>();
  for (const [original, f] of pairs) {
    const key = `${f.ref.list}|${f.ref.key}`;
    let group = groups.get(key);
    if (group) group.findings.push(f);
    else groups.set(key, (group = { ref: f.ref, findings: [f] }));
    groupOf.set(original, group);
  }
  const actors: Actor[] = [];
  const places: Place[] = [];
  for (const group of groups.values()) {
    const { ref, findings: fs } = group;
    const mentions = dedupe(fs.map((f) => toMention(f, options))).sort(compareMentions);
    if (ref.list === 'actors') actors.push((group.entity = { id: slugify(ref.name), name: ref.name, type: ref.type, code: ref.code, mentions }));
    else places.push((group.entity = { id: slugify(ref.name), name: ref.name, type: ref.type, country: ref.country, mentions }));
  }
  // uniqueIds settles the final ids in place, so look-ups read them after it.
  const result = { actors: uniqueIds(actors), places: uniqueIds(places) };
  return { ...result, kept: pairs.map(([, f]) => f), idOf: (f) => groupOf.get(f)?.entity?.id };
}

function toMention(f: Finding, { toCodePoint, text }: BuildOptions): Mention {
  return { text: text.slice(f.start, f.end), start: toCodePoint(f.start), end: toCodePoint(f.end), sentence: f.sentence, via: f.via };
}

function dedupe(mentions: Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const k = `${m.start}:${m.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Document-level evidence: a name decided confidently somewhere decides its weak occurrences; a surname or first
 * part of a known person is that person; an acronym of a known organization is that organization; a lone unknown
 * word with no such evidence is dropped rather than guessed.
 */
function reviseWeak(findings: Finding[]): [original: Finding, revised: Finding][] {
  const confident = new Map<string, EntityRef>();
  for (const f of findings) {
    if (f.strength === 'weak') continue;
    const k = f.ref.name.toLowerCase();
    if (!confident.has(k)) confident.set(k, f.ref);
  }
  // People known by a full name; their parts (surname, first name) point back to them.
  const people = findings.filter((f) => f.ref.list === 'actors' && f.ref.type === 'person' && f.ref.name.includes(' ') && f.via !== 'title');
  const personByPart = new Map<string, EntityRef>();
  const ambiguous = new Set<string>();
  for (const p of people) {
    const parts = p.ref.name.split(/\s+/);
    for (const key of [parts[parts.length - 1]!, parts.slice(-2).join(' ')]) {
      const k = key.toLowerCase();
      const other = personByPart.get(k);
      if (other && other.name !== p.ref.name) ambiguous.add(k);
      else personByPart.set(k, p.ref);
    }
  }
  // Organizations by their initials: "Bank of England" ↔ "BoE" is out of reach, "International Monetary Fund" ↔ "IMF" is not.
  const orgByInitials = new Map<string, EntityRef>();
  for (const f of findings) {
    if (f.ref.list !== 'actors' || f.ref.type !== 'organization') continue;
    const initials = f.ref.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
    if (initials.length >= 2) orgByInitials.set(initials, f.ref);
  }

  const out: [Finding, Finding][] = [];
  const push = (f: Finding, revised: Finding): void => void out.push([f, revised]);
  for (const f of findings) {
    const k = f.ref.name.toLowerCase();
    // A part of a known person's name is that person; so is a town named like one: "Arafat", "Washington".
    const namesOne = (f.ref.list === 'actors' && f.ref.type === 'person') || (f.ref.list === 'places' && f.ref.type === 'city');
    const full = namesOne && !ambiguous.has(k) ? personByPart.get(k) : undefined;
    if (full && full.name !== f.ref.name) {
      push(f, { ...f, ref: full, reason: `${f.reason}>surname-of-known-person`, strength: 'strong' });
      continue;
    }
    if (f.strength !== 'weak') {
      push(f, f);
      continue;
    }
    const known = confident.get(k) ?? (ambiguous.has(k) ? undefined : personByPart.get(k));
    // Evidence stays within its list: a guessed actor read as a place elsewhere is still the actor the later stages
    // (claims, stances) took it for.
    if (known && known.list === f.ref.list) {
      push(f, { ...f, ref: known, reason: `${f.reason}>same-name-elsewhere`, strength: 'strong' });
      continue;
    }
    const org = f.reason === 'acronym' ? orgByInitials.get(f.ref.name.replace(/\./g, '')) : undefined;
    if (org) {
      push(f, { ...f, ref: org, via: 'alias', reason: 'acronym>initials-of-known-organization', strength: 'strong' });
      continue;
    }
    if (f.reason === 'unknown-word') continue;
    push(f, f);
  }
  return out;
}
