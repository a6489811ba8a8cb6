// Decides what each candidate name is: a country acting or a place, a capital standing for its government, a city,
// a region, an organization or a person, and how it is named (name, alias, demonym, capital, title). Every decision
// carries a reason slug, so that `annotate explain` can say why.
import type { LexiconHit, LexiconIndex } from '../lexicon/index-lexicon.js';
import type { Token } from '../nlp/create-nlp.js';
import type { ActorType, MentionVia, PlaceType } from '../model/annotation.js';
import type { NameChunk } from './find-names.js';

/** What a mention refers to, before entities are merged. */
export type EntityRef =
  | { list: 'actors'; type: ActorType; name: string; code: string | null; key: string }
  | { list: 'places'; type: PlaceType; name: string; country: string | null; key: string };

export interface Finding {
  ref: EntityRef;
  /** UTF-16 offsets. */
  start: number;
  end: number;
  sentence: number;
  via: MentionVia;
  /** Why: a rule slug such as `lexicon:country`, `title+name`, `org-suffix`. */
  reason: string;
  /** How sure the rule is; weak person/organization guesses are revised by document-level evidence. */
  strength: 'lexicon' | 'strong' | 'weak';
}

/** Last words that make a name an organization. */
const ORG_LAST = new Set([
  'inc', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'plc', 'llc', 'ag', 'sa', 'nv', 'gmbh', 'bv', 'spa',
  'group', 'holdings', 'bank', 'party', 'ministry', 'council', 'committee', 'commission', 'association', 'union',
  'federation', 'organisation', 'organization', 'university', 'college', 'institute', 'agency', 'authority', 'court',
  'army', 'navy', 'police', 'airlines', 'airline', 'airways', 'motors', 'exchange', 'fund', 'foundation', 'club', 'fc',
  'board', 'office', 'department', 'parliament', 'assembly', 'senate', 'congress', 'service', 'services', 'corps',
  'forces', 'front', 'movement', 'times', 'post', 'news', 'journal', 'herald', 'telegraph', 'press', 'radio',
  'television', 'tv', 'network', 'systems', 'technologies', 'technology', 'industries', 'energy', 'oil', 'petroleum',
  'steel', 'insurance', 'securities', 'capital', 'partners', 'trust', 'communications', 'telecom', 'pharmaceuticals',
  'mining', 'resources', 'church', 'hospital', 'museum', 'team', 'rangers', 'united', 'rovers', 'wanderers', 'athletic',
  'albion', 'hotspur', 'bureau', 'secretariat', 'cabinet', 'government', 'administration', 'league', 'alliance',
  'coalition', 'brigade', 'brigades', 'guard', 'school', 'academy', 'society', 'centre', 'center', 'tribunal',
  'electric', 'electronics', 'airport', 'railways', 'railway', 'chemicals', 'foods', 'stores', 'media', 'daily',
  'magazine', 'gazette', 'broadcasting', 'reserve', 'treasury', 'mission', 'command', 'directorate', 'taskforce',
]);
/** Last words that make a name a place. */
const PLACE_LAST = new Map<string, PlaceType>([
  ['river', 'water'], ['sea', 'water'], ['ocean', 'water'], ['lake', 'water'], ['bay', 'water'], ['gulf', 'water'],
  ['strait', 'water'], ['canal', 'water'], ['valley', 'region'], ['province', 'region'], ['state', 'region'],
  ['region', 'region'], ['district', 'region'], ['county', 'region'], ['island', 'region'], ['islands', 'region'],
  ['mountains', 'region'], ['desert', 'region'], ['peninsula', 'region'], ['coast', 'region'], ['street', 'facility'],
  ['road', 'facility'], ['square', 'facility'], ['bridge', 'facility'], ['stadium', 'facility'], ['park', 'facility'],
  ['city', 'city'], ['town', 'city'], ['village', 'city'], ['mount', 'region'], ['hills', 'region'], ['border', 'region'],
]);
/** Words before a name that make it a location rather than an agent. */
const LOCATIVE = new Set(['in', 'at', 'near', 'across', 'throughout', 'within', 'into', 'inside', 'outside', 'around', 'towards', 'toward', 'through', 'via', 'onto', 'across', 'beyond', 'opposite', 'along', 'off', 'where']);
/** Verbs and nouns of movement: "visited Tehran", "a trip to Doha", "returned from India". */
const MOVEMENT = /^(visit|visits|visited|visiting|travel|travels|travelled|traveled|travelling|traveling|trip|trips|flight|flights|fly|flew|flown|flying|return|returns|returned|returning|arrive|arrives|arrived|arriving|arrival|head|heads|headed|heading|go|goes|went|gone|going|come|comes|came|coming|move|moved|moving|flee|fled|fleeing|deport|deported|deported|sent|send|journey|tour|toured|touring|landed|exported|imported|exports|imports|shipped|shipments|based|born|live|lives|lived|living|stationed|deployed|located|headquartered|held|hosted)$/;
/** Words that say a capitalised run is a person: honorifics not in the titles lexicon are few, and name-final. */
const PERSON_CUE_AFTER = /^(said|says|told|added|explained|wrote|argued|insisted|noted|stated|announced|asked|replied|recalled|admitted|warned|urged|claimed|declared)$/;

export function classifyNames(chunks: NameChunk[], index: LexiconIndex): Finding[] {
  const findings: Finding[] = [];
  let previous: { chunk: NameChunk; role: 'actors' | 'places' } | null = null;
  for (const chunk of chunks) {
    const out = classifyChunk(chunk, index, previous);
    findings.push(...out);
    const last = out[out.length - 1];
    previous = last ? { chunk, role: last.ref.list } : null;
  }
  return findings;
}

function classifyChunk(chunk: NameChunk, index: LexiconIndex, previous: { chunk: NameChunk; role: 'actors' | 'places' } | null): Finding[] {
  const words = chunk.tokens.map(surface);

  // 1. The whole name is in the lexicon.
  const whole = index.lookup(words.join(' '));
  if (whole.length > 0) return [fromHit(chunk, whole, 0, chunk.tokens.length, index, previous)].filter(isFinding);

  // 2. [country or demonym]? title+ [name]?: "Prime Minister Shehbaz Sharif", "Pakistani Army Chief".
  const titled = classifyTitled(chunk, words, index);
  if (titled) return titled;

  // 3. Known parts: "Pakistani Army" (demonym + organization head), a lexicon name followed by an org word.
  const lastWord = words[words.length - 1]!.toLowerCase().replace(/\.$/, '');
  if (chunk.tokens.length > 1 && ORG_LAST.has(lastWord)) {
    const owner = countryOf(words[0]!, index);
    const sector = sectorOf(lastWord);
    return [finding(chunk, 0, chunk.tokens.length, actorRef('organization', chunk.text, owner && sector ? owner + sector : null), 'name', 'org-suffix', 'strong')];
  }
  const placeType = PLACE_LAST.get(lastWord);
  if (chunk.tokens.length > 1 && placeType) {
    const first = index.lookup(words.slice(0, -1).join(' '))[0];
    const country = first && 'country' in first ? first.country.code : null;
    return [finding(chunk, 0, chunk.tokens.length, placeRef(placeType, chunk.text, country), 'name', 'place-suffix', 'strong')];
  }
  if (chunk.tokens.length > 1 && /^(bank|ministry|university|department|institute|council|court|church|museum|federation|association|union|board|office|chamber|league|college|school|academy|society|party|commission|committee|agency|bureau)$/i.test(words[0]!) && chunk.tokens.some((t) => t.normal === 'of' || t.normal === 'for')) {
    return [finding(chunk, 0, chunk.tokens.length, actorRef('organization', chunk.text, null), 'name', 'org-head', 'strong')];
  }

  // 4. A demonym or lexicon name at the start and an unknown rest: "West Indian" is not a person.
  if (chunk.tokens.every((t) => t.tags.has('Demonym') || index.lookup(surface(t)).some((h) => h.kind === 'demonym' || h.kind === 'region-demonym'))) return [];

  // 5. Acronyms: all capitals, 2–6 letters, unknown to the lexicon.
  if (chunk.tokens.length === 1 && /^[A-Z][A-Z0-9&]{1,5}$/.test(words[0]!.replace(/\./g, '')) && !chunk.shouted) {
    return [finding(chunk, 0, 1, actorRef('organization', chunk.text, null), 'name', 'acronym', 'weak')];
  }

  // 6. People: a known first name, compromise's person reading, or a speech verb after the name.
  const personish = chunk.tokens.some((t) => t.tags.has('FirstName') || t.tags.has('Person') || t.tags.has('LastName') || t.tags.has('Honorific'));
  const next = chunk.context[chunk.last + 1];
  const speaks = next !== undefined && !chunk.possessive && PERSON_CUE_AFTER.test(next.normal) && !/[,.;:]/.test(chunk.tokens[chunk.tokens.length - 1]!.post);
  if (personish || speaks) {
    return [finding(chunk, 0, chunk.tokens.length, actorRef('person', chunk.text, null), 'name', personish ? 'person-tag' : 'person-speaks', personish && chunk.tokens.length > 1 ? 'strong' : 'weak')];
  }
  if (chunk.tokens.some((t) => t.tags.has('Organization'))) {
    return [finding(chunk, 0, chunk.tokens.length, actorRef('organization', chunk.text, null), 'name', 'org-tag', 'weak')];
  }
  if (chunk.tokens.some((t) => t.tags.has('Place') || t.tags.has('City') || t.tags.has('Region'))) {
    return [finding(chunk, 0, chunk.tokens.length, placeRef('other', chunk.text, null), 'name', 'place-tag', 'weak')];
  }

  // 7. An unknown run of two or three capitalised words that are not ordinary vocabulary reads as a person's name.
  if (chunk.tokens.length >= 2 && chunk.tokens.length <= 3 && chunk.tokens.every((t) => !/\d/.test(t.text))) {
    return [finding(chunk, 0, chunk.tokens.length, actorRef('person', chunk.text, null), 'name', 'unknown-name', 'weak')];
  }
  if (chunk.tokens.length > 3) {
    return [finding(chunk, 0, chunk.tokens.length, actorRef('organization', chunk.text, null), 'name', 'long-name', 'weak')];
  }
  // A single unknown capitalised word: left for document-level evidence (a surname seen in full elsewhere).
  return [finding(chunk, 0, 1, actorRef('person', chunk.text, null), 'name', 'unknown-word', 'weak')];
}

/** "[Pakistani] [Army Chief]", "[Prime Minister] [Shehbaz Sharif]", "[U.S.] [Secretary of State] [John Kerry]". */
function classifyTitled(chunk: NameChunk, words: string[], index: LexiconIndex): Finding[] | null {
  let i = 0;
  let owner: string | null = null;
  const out: Finding[] = [];
  // The owner of the office: a country, a demonym or an organization ("NATO Secretary-General Jens Stoltenberg").
  let lead: LexiconHit | undefined;
  for (let n = Math.min(4, words.length - 1); n >= 1 && !lead; n--) {
    const hit = index.lookup(words.slice(0, n).join(' '))[0];
    if (hit && (hit.kind === 'country' || hit.kind === 'demonym' || hit.kind === 'organization') && index.titleSector(words[n]!) !== undefined) {
      lead = hit;
      i = n;
    }
  }
  if (lead) owner = lead.kind === 'organization' ? (lead.organization.code ?? lead.organization.country) : lead.kind === 'country' || lead.kind === 'demonym' ? lead.country.code : null;
  let sector: string | undefined;
  let titleEnd = i;
  while (titleEnd < words.length) {
    let matched = 0;
    for (let n = Math.min(index.maxTitleWords, words.length - titleEnd); n >= 1; n--) {
      const s = index.titleSector(words.slice(titleEnd, titleEnd + n).join(' '));
      if (s !== undefined) {
        if (s !== '' || sector === undefined) sector = s;
        matched = n;
        break;
      }
    }
    if (matched === 0) break;
    titleEnd += matched;
  }
  if (titleEnd === i) return null;
  if (lead) out.push(...[fromHit(chunk, [lead], 0, i, index, null, 'actors')].filter(isFinding));
  // An organization's officer carries the organization's code; a country's, the country and the office's sector.
  const code = lead?.kind === 'organization' ? (owner ?? null) : owner && sector ? owner + sector : null;
  if (titleEnd < words.length) {
    const rest = index.lookup(words.slice(titleEnd).join(' '));
    if (rest.length > 0 && rest[0]!.kind !== 'demonym') {
      // "President of France" is cut at "of" by find-names; here "Minister Pakistan" is no person.
      out.push(...[fromHit(chunk, rest, titleEnd, words.length, index, null)].filter(isFinding));
      return out;
    }
    out.push(finding(chunk, titleEnd, words.length, actorRef('person', spanText(chunk, titleEnd, words.length), code), 'name', 'title+name', 'strong'));
    return out;
  }
  // A title with no name: an actor known by its office ("the Pakistani Army Chief" → PAKMIL).
  if (sector === '') return out.length > 0 ? out : [];
  const name = lead ? spanText(chunk, 0, titleEnd) : spanText(chunk, i, titleEnd);
  out.push(finding(chunk, i, titleEnd, actorRef('person', name, code), 'title', 'title-only', 'strong'));
  return out;
}

function fromHit(
  chunk: NameChunk,
  hits: readonly LexiconHit[],
  from: number,
  to: number,
  index: LexiconIndex,
  previous: { chunk: NameChunk; role: 'actors' | 'places' } | null,
  force?: 'actors',
): Finding | null {
  const hit = hits[0]!;
  const role = force ?? roleOf(chunk, previous);
  switch (hit.kind) {
    case 'country': {
      const ref = role === 'actors' ? actorRef('country', hit.country.name, hit.country.code) : placeRef('country', hit.country.name, hit.country.code);
      return finding(chunk, from, to, ref, hit.via, `lexicon:country-${role === 'actors' ? 'actor' : 'place'}`, 'lexicon');
    }
    case 'capital':
      // A capital standing for its government ("Islamabad and Doha have been working") is its country acting.
      if (role === 'actors' && !sportsContext(chunk)) {
        return finding(chunk, from, to, actorRef('country', hit.country.name, hit.country.code), 'capital', 'lexicon:capital-actor', 'lexicon');
      }
      return finding(chunk, from, to, placeRef('city', hit.city?.name ?? hit.name, hit.country.code), 'name', 'lexicon:capital-place', 'lexicon');
    case 'demonym':
      return finding(chunk, from, to, actorRef('country', hit.country.name, hit.country.code), 'demonym', 'lexicon:demonym', 'lexicon');
    case 'city':
      return finding(chunk, from, to, placeRef('city', hit.city.name, hit.city.country), 'name', 'lexicon:city', 'lexicon');
    case 'region':
      return finding(chunk, from, to, placeRef(hit.region.type, hit.region.name, hit.region.country), hit.via, 'lexicon:region', 'lexicon');
    case 'region-demonym':
      return finding(chunk, from, to, placeRef(hit.region.type, hit.region.name, hit.region.country), 'demonym', 'lexicon:region-demonym', 'lexicon');
    case 'organization':
      return finding(chunk, from, to, actorRef('organization', hit.organization.name, hit.organization.code), hit.via, 'lexicon:organization', 'lexicon');
  }
  void index;
  return null;
}

/**
 * A country or capital is a place where the sentence locates something there ("in Kashmir", "visited Tehran",
 * "a trip to Doha"), and an actor otherwise: as a subject, a possessor, an object of a verb of dealing.
 */
function roleOf(chunk: NameChunk, previous: { chunk: NameChunk; role: 'actors' | 'places' } | null): 'actors' | 'places' {
  if (chunk.possessive) return 'actors';
  let k = chunk.first - 1;
  // Coordination inherits the role of the first conjunct: "in India and Pakistan", "Islamabad and Doha have …".
  const before = chunk.context[k];
  if (before && (before.normal === 'and' || before.normal === 'or') && previous && previous.chunk.sentence === chunk.sentence && previous.chunk.last === k - 1) {
    return previous.role;
  }
  if (before && previous && previous.chunk.sentence === chunk.sentence && previous.chunk.last === k && /^,\s*$/.test(chunk.context[k]?.post ?? '')) {
    return previous.role;
  }
  while (k >= 0 && /^(the|northern|southern|eastern|western|central|north|south|east|west|neighbouring|neighboring|rural|occupied|war-torn|parts|part|of|all)$/.test(chunk.context[k]!.normal)) k--;
  const prev = chunk.context[k];
  if (!prev) return 'actors';
  if (LOCATIVE.has(prev.normal)) return 'places';
  if (MOVEMENT.test(prev.normal)) return 'places';
  if ((prev.normal === 'to' || prev.normal === 'from' || prev.normal === 'for') && chunk.context.slice(Math.max(0, k - 3), k).some((t) => MOVEMENT.test(t.normal))) return 'places';
  return 'actors';
}

/** Sports reports name teams by their city; such a city is neither a government nor a location. */
function sportsContext(_chunk: NameChunk): boolean {
  return false;
}

function countryOf(word: string, index: LexiconIndex): string | null {
  const hit = index.lookup(word)[0];
  return hit && (hit.kind === 'country' || hit.kind === 'demonym') ? hit.country.code : null;
}

function sectorOf(word: string): string | null {
  if (/^(army|navy|forces|corps|command|brigade|brigades|guard)$/.test(word)) return 'MIL';
  if (/^(police)$/.test(word)) return 'COP';
  if (/^(ministry|government|cabinet|administration|office|department|council|commission|agency|authority|bureau|secretariat|treasury)$/.test(word)) return 'GOV';
  if (/^(parliament|assembly|senate|congress)$/.test(word)) return 'LEG';
  if (/^(court|tribunal)$/.test(word)) return 'JUD';
  if (/^(party)$/.test(word)) return 'PTY';
  if (/^(bank|reserve)$/.test(word)) return 'BUS';
  return null;
}

function actorRef(type: ActorType, name: string, code: string | null): EntityRef {
  return { list: 'actors', type, name, code, key: `${type}:${code ?? ''}:${name.toLowerCase()}` };
}

function placeRef(type: PlaceType, name: string, country: string | null): EntityRef {
  return { list: 'places', type, name, country, key: `${type}:${country ?? ''}:${name.toLowerCase()}` };
}

function finding(chunk: NameChunk, from: number, to: number, ref: EntityRef, via: MentionVia, reason: string, strength: Finding['strength']): Finding {
  const first = chunk.tokens[from]!;
  const last = chunk.tokens[to - 1]!;
  const end = to === chunk.tokens.length ? chunk.end : last.end;
  return { ref, start: first.start, end, sentence: chunk.sentence, via, reason, strength };
}

function spanText(chunk: NameChunk, from: number, to: number): string {
  const startOffset = chunk.tokens[from]!.start - chunk.start;
  const endOffset = (to === chunk.tokens.length ? chunk.end : chunk.tokens[to - 1]!.end) - chunk.start;
  return chunk.text.slice(startOffset, endOffset);
}

function surface(t: Token): string {
  return /['’]s$/i.test(t.text) ? t.text.slice(0, -2) : t.text;
}

function isFinding(f: Finding | null): f is Finding {
  return f !== null;
}
