// Decides what each candidate name is: a country acting or a place, a capital standing for its government, a city,
// a region, an organization or a person, and how it is named (name, alias, demonym, capital, title). Every decision
// carries a reason slug, so that `annotate explain` can say why.
import type { LexiconHit, LexiconIndex } from '../lexicon/index-lexicon.js';
import { roleOn } from '../lexicon/index-lexicon.js';
import type { Token } from '../nlp/create-nlp.js';
import type { ActorType, MentionVia, PlaceType } from '../model/annotation.js';
import type { NameChunk } from './find-names.js';
import type { Learned, LinearModel } from '../learn/linear-model.js';
import type { ParsedText } from '../nlp/create-nlp.js';
import { tagArticle, toRuleSpans } from '../learn/names/tag-names.js';
import type { ModelSpan } from '../learn/names/tag-names.js';

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
  /** How sure the rule is; weak person/organization guesses are revised by document-level evidence. 'pending': an
   *  agent noun without an owner ("gunmen"), an actor only where an event makes it a participant (find-agents). */
  strength: 'lexicon' | 'strong' | 'weak' | 'pending';
  /** The learned decisions behind it, for `annotate explain` (empty or absent when rules alone made it). */
  learned?: Learned[];
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

/** Last words of the names of events, competitions and holidays: not actors or places ("World Cup", "U.S. Open"). */
const EVENT_LAST = new Set([
  'cup', 'open', 'championship', 'championships', 'games', 'olympics', 'prix', 'final', 'finals', 'trophy', 'award',
  'awards', 'prize', 'war', 'day', 'festival', 'marathon', 'series', 'tournament', 'classic', 'masters', 'grand',
  'week', 'year', 'act', 'treaty', 'accord', 'accords', 'agreement', 'plan', 'doctrine', 'index', 'law', 'nations',
  'globe', 'globes', 'slam',
]);
/** Words in a sports report that make a place name a team ("Leicestershire beat Somerset"). */
const SPORTS_WORDS = /^(innings|wickets?|goals?|scored|scorers?|league|striker|midfielder|defender|halftime|half-time|seeded|seeds|inning|homered|homer|pitcher|standings|fixtures|soccer|cricket|tennis|golf|baseball|rugby|basketball|hockey|cycling|athletics|boxing|match|matches|beat|draw|drew|points|coach|champions|championship|tournament|semi-final|quarter-final|playoff|playoffs|runs|batting|bowling|unbeaten|victory|defeat|club|season|round|par|birdie|bogey|lap|podium|race|races|sprint|sprinter|hurdles|relay|medal|medals|olympic|olympics|metres|athlete|athletes|squad|goalkeeper|keeper|referee|penalty|penalties|midfield|tiebreak|rugby|scrum|fly-half|flanker|caps|wicket)$/;

export interface ClassifyContext {
  index: LexiconIndex;
  /** The article's date (YYYY-MM-DD): a known person is coded by the role they held on it; null when unknown. */
  date: string | null;
  /** The article reports sport: places that play are teams (organizations). */
  sports: boolean;
  /** The learned names model (models/names.json) and the parse it reads; absent: the rules alone decide. */
  names?: { model: LinearModel; parsed: ParsedText; text: string };
}

/** Whether an article is a sports report, judged by its vocabulary (at least 4 sports words, 2 distinct). */
export function isSportsReport(words: Iterable<string>): boolean {
  const seen = new Set<string>();
  let n = 0;
  for (const w of words) {
    if (SPORTS_WORDS.test(w)) {
      n++;
      seen.add(w);
    }
  }
  return n >= 4 && seen.size >= 2;
}

export function classifyNames(chunks: NameChunk[], ctx: ClassifyContext): Finding[] {
  const findings: Finding[] = [];
  let previous: Previous = null;
  for (const chunk of chunks) {
    const out = classifyChunk(chunk, ctx, previous);
    findings.push(...out);
    const last = out[out.length - 1];
    previous = last ? { chunk, role: last.ref.list } : null;
  }
  return ctx.names ? reviseByModel(findings, tagArticle(ctx.names.model, ctx.names.parsed, toRuleSpans(findings), ctx.index, ctx.sports), ctx.names.text, ctx.index) : findings;
}

/** The CoNLL type a finding stands for (null: none, as for groups). */
function conllType(f: Finding): ModelSpan['type'] | null {
  if (f.ref.list === 'places') return 'LOC';
  if (f.ref.type === 'person') return 'PER';
  if (f.ref.type === 'organization') return 'ORG';
  if (f.ref.type === 'country') return 'LOC';
  return null;
}

/**
 * The rules' findings revised by the names model. A lexicon finding stands (a known country, city, organization, a
 * user's actor); so do offices, demonyms and groups, which the model does not tag. A guess of the rules stands where
 * the model found the same span with the same type; where the model gives it another type it is retyped (MISC: it is
 * no actor, and goes); where the model finds no name there, or another span, the model's span replaces it. Names the
 * rules missed are added.
 */
function reviseByModel(findings: Finding[], spans: ModelSpan[], article: string, index: LexiconIndex): Finding[] {
  // A name the model reads as MISC somewhere (a film, an award, a nationality) is no actor or place where only a
  // guess makes it one: "at The Godfather" is no venue when the article names The Godfather as a work.
  const misc = new Set(spans.filter((s) => s.type === 'MISC').map((s) => plainName(article.slice(s.start, s.end))));
  const bySpan = new Map<string, ModelSpan>();
  for (const s of spans) bySpan.set(`${s.start}:${s.end}`, s);
  const used = new Set<ModelSpan>();
  const kept: Finding[] = [];
  for (const f of findings) {
    const type = conllType(f);
    const same = bySpan.get(`${f.start}:${f.end}`);
    if (same) used.add(same);
    // An office without a code that ends a longer name the model read ("Spider-Man") is a word of that name.
    if (f.via === 'title' && f.ref.list === 'actors' && f.ref.code === null && spans.some((x) => x.start < f.start && f.end <= x.end)) continue;
    if (f.strength === 'lexicon' || f.strength === 'pending' || f.via === 'title' || f.via === 'demonym' || type === null || (f.ref.list === 'actors' && f.ref.code !== null)) {
      kept.push(f);
      continue;
    }
    if (misc.has(plainName(f.ref.name))) continue;
    if (same && same.type === type) kept.push(f);
    // A lone word compromise reads as a person, where the model sees no name: the article's evidence decides it
    // (build-entities: "Simmons" after "Phil Simmons").
    else if (!same && f.ref.list === 'actors' && f.ref.type === 'person' && f.reason === 'person-tag' && f.strength === 'weak' && !f.ref.name.includes(' ') && !spans.some((x) => x.start < f.end && f.start < x.end)) kept.push(f);
    else if (same && same.type !== 'MISC') kept.push(modelFinding(same, article.slice(same.start, same.end), f));
  }
  const taken = [...kept];
  for (const s of spans) {
    if (used.has(s) || s.type === 'MISC' || misc.has(plainName(article.slice(s.start, s.end))) || notAName(s, index)) continue;
    if (taken.some((f) => f.start < s.end && s.start < f.end)) continue;
    kept.push(modelFinding(s, article.slice(s.start, s.end)));
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

const UPPER = /^\p{Lu}/u;

/** What the rules know is no name, whatever the model reads: a stop name alone ("PC", "Oscar"), the name of a
 *  competition, award or law ("Six Nations", "Golden Globe"). */
function notAName(s: ModelSpan, index: LexiconIndex): boolean {
  const last = s.tokens[s.tokens.length - 1]!;
  if (s.tokens.length === 1 && (index.isStopName(surface(last)) || !/\p{L}{2}/u.test(last.text))) return true;
  // The last word of a competition's name, alone only when the model left out the capitalised word before it.
  const joined = s.tokens.length > 1 || (s.before !== undefined && UPPER.test(s.before.text) && /^\s+$/.test(s.before.post));
  return joined && EVENT_LAST.has(surface(last).toLowerCase().replace(/\.$/, ''));
}

function plainName(name: string): string {
  return name.toLowerCase().replace(/^the\s+/, '');
}

/** A finding the model made or retyped: its type from the model, `learned` saying why. */
function modelFinding(s: ModelSpan, text: string, was?: Finding): Finding {
  const ref = s.type === 'PER' ? actorRef('person', text, null) : s.type === 'ORG' ? actorRef('organization', text, null) : placeRef('other', text, null);
  const reason = was ? `${was.reason}>model:${s.type}` : `model:${s.type}`;
  return { ref, start: s.start, end: s.end, sentence: s.sentence, via: 'name', reason, strength: 'strong', learned: [s.explain()] };
}


type Previous = { chunk: NameChunk; role: 'actors' | 'places' } | null;

function classifyChunk(chunk: NameChunk, ctx: ClassifyContext, previous: Previous): Finding[] {
  const { index } = ctx;
  const words = chunk.tokens.map(surface);
  const n = words.length;
  const lastWord = words[n - 1]!.toLowerCase().replace(/\.$/, '');

  // 1. The whole name is in the lexicon.
  const whole = lookupName(index, words.join(' '));
  if (whole.length > 0) return [fromHit(chunk, whole, ctx, previous)];

  // 2. Competitions, holidays, wars and laws are named things but neither actors nor places.
  // The country in such a name is part of it ("U.S. Open"), not a mention of the country.
  if (n > 1 && EVENT_LAST.has(lastWord)) return [];

  // 3. An office and its holder: "Prime Minister Shehbaz Sharif", "Pakistani Army Chief", "NATO Secretary-General …".
  const titled = classifyTitled(chunk, words, ctx);
  if (titled) return titled;

  // 4. A country or demonym before something else: "U.S. Cardinal Bernardin", "Australian Tom Moody".
  const lead = leadingCountry(words, index);
  if (lead && !ORG_LAST.has(lastWord)) {
    const own = fromHit(subChunk(chunk, 0, lead.length), [lead.hit], ctx, null, 'actors');
    return [own, ...classifyChunk(subChunk(chunk, lead.length, n), ctx, null)];
  }

  // 5. Organization and place words at the end or head of the name.
  if (n > 1 && ORG_LAST.has(lastWord)) {
    const owner = lead ? lead.hit.country.code : null;
    const sector = sectorOf(lastWord);
    return [finding(chunk, 0, n, actorRef('organization', chunk.text, owner && sector ? owner + sector : null), 'name', 'org-suffix', 'strong')];
  }
  const placeType = PLACE_LAST.get(lastWord);
  if (n > 1 && placeType) {
    const first = index.lookup(words.slice(0, -1).join(' '))[0];
    const country = first && 'country' in first ? first.country.code : null;
    return [finding(chunk, 0, n, placeRef(placeType, chunk.text, country), 'name', 'place-suffix', 'strong')];
  }
  if (n > 1 && ORG_HEAD.test(words[0]!) && chunk.tokens.some((t) => t.normal === 'of' || t.normal === 'for')) {
    return [finding(chunk, 0, n, actorRef('organization', chunk.text, null), 'name', 'org-head', 'strong')];
  }

  // 6. A demonym unknown to the lexicon ("West Indian") is a description, not an entity.
  if (chunk.tokens.every((t) => t.tags.has('Demonym'))) return [];

  // 7. Acronyms: all capitals, 2–6 letters, unknown to the lexicon.
  if (n === 1 && /^[A-Z][A-Z0-9&]{1,5}$/.test(words[0]!.replace(/\./g, '')) && !chunk.shouted) {
    return [finding(chunk, 0, 1, actorRef('organization', chunk.text, null), 'name', 'acronym', 'weak')];
  }

  // 8. Teams in a sports report: an unknown name with a score after it, or after "v", "against", "beat".
  const next = chunk.context[chunk.last + 1];
  const before = chunk.context[chunk.first - 1];
  // People's names come first: "Chris Adams, 123" and "P. Simmons 4-38" are players, not teams.
  const personish = chunk.tokens.some((t) => t.tags.has('FirstName') || t.tags.has('Person') || t.tags.has('LastName') || t.tags.has('Honorific') || /^\p{Lu}\.?$/u.test(t.text));
  const scoreAfter = next !== undefined && /^\d/.test(next.text) && !/^\d{4}-/.test(next.text) && !/,/.test(chunk.tokens[n - 1]!.post);
  if (ctx.sports && !personish && (scoreAfter || (before && /^(v|vs|against|beat|beats|and)$/.test(before.normal) && n === 1))) {
    return [finding(chunk, 0, n, actorRef('organization', chunk.text, null), 'name', 'sports-team', 'weak')];
  }

  // 9. People: a known first name, compromise's person reading, or a speech verb after the name.
  const speaks = next !== undefined && !chunk.possessive && PERSON_CUE_AFTER.test(next.normal) && !/[,.;:]/.test(chunk.tokens[n - 1]!.post);
  if (personish || speaks) {
    return [finding(chunk, 0, n, actorRef('person', chunk.text, null), 'name', personish ? 'person-tag' : 'person-speaks', personish && n > 1 ? 'strong' : 'weak')];
  }
  if (chunk.tokens.some((t) => t.tags.has('Organization'))) {
    return [finding(chunk, 0, n, actorRef('organization', chunk.text, null), 'name', 'org-tag', 'weak')];
  }
  if (chunk.tokens.some((t) => t.tags.has('Place') || t.tags.has('City') || t.tags.has('Region'))) {
    return [finding(chunk, 0, n, placeRef('other', chunk.text, null), 'name', 'place-tag', 'weak')];
  }
  if (before && LOCATIVE.has(before.normal) && before.normal !== 'where') {
    return [finding(chunk, 0, n, placeRef('other', chunk.text, null), 'name', 'after-locative', 'weak')];
  }

  // 10. A name built on a place without being one ("Air France", "Dynamo Moscow") names an organization.
  if (n >= 2 && chunk.tokens.some((t) => index.lookup(surface(t)).some((h) => h.kind !== 'demonym' && h.kind !== 'region-demonym'))) {
    return [finding(chunk, 0, n, actorRef('organization', chunk.text, null), 'name', 'named-after-place', 'weak')];
  }

  // 11. An unknown run of two or three capitalised words reads as a person's name; longer runs as an organization.
  if (n >= 2 && n <= 3 && chunk.tokens.every((t) => !/\d/.test(t.text))) {
    return [finding(chunk, 0, n, actorRef('person', chunk.text, null), 'name', 'unknown-name', 'weak')];
  }
  if (n > 3) return [finding(chunk, 0, n, actorRef('organization', chunk.text, null), 'name', 'long-name', 'weak')];
  // A single unknown capitalised word: left for document-level evidence (a surname seen in full elsewhere).
  return [finding(chunk, 0, 1, actorRef('person', chunk.text, null), 'name', 'unknown-word', 'weak')];
}

/** The lexicon's meanings of a name, except that a short word in mixed case is not an acronym the lexicon spells in
 *  capitals: "Us Weekly" is no United States, "Un" no United Nations. */
function lookupName(index: LexiconIndex, surface: string): readonly LexiconHit[] {
  if (/^\p{L}{1,3}$/u.test(surface) && surface !== surface.toUpperCase() && surface !== surface.toLowerCase()) return [];
  return index.lookup(surface);
}

const ORG_HEAD = /^(bank|ministry|university|department|institute|council|court|church|museum|federation|association|union|board|office|chamber|league|college|school|academy|society|party|commission|committee|agency|bureau)$/i;

/** A country or demonym at the start of a name (up to three words: "United Arab Emirates"). */
function leadingCountry(words: string[], index: LexiconIndex): { length: number; hit: Extract<LexiconHit, { kind: 'country' | 'demonym' }> } | null {
  for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
    const hit = lookupName(index, words.slice(0, k).join(' '))[0];
    if (hit && (hit.kind === 'country' || hit.kind === 'demonym')) return { length: k, hit };
  }
  return null;
}

/** The part of a name between two of its words, as a name of its own. */
function subChunk(chunk: NameChunk, from: number, to: number): NameChunk {
  return {
    ...chunk,
    tokens: chunk.tokens.slice(from, to),
    start: chunk.tokens[from]!.start,
    end: spanEnd(chunk, to),
    text: spanText(chunk, from, to),
    possessive: to === chunk.tokens.length && chunk.possessive,
    first: chunk.first + from,
    last: chunk.first + to - 1,
  };
}

/** Words that qualify an office before its title: "Foreign Minister", "Deputy Prime Minister", "Education Minister". */
const PORTFOLIO = /^(financial|co|assistant|deputy|vice|acting|former|foreign|defence|defense|finance|interior|education|health|trade|economy|economic|justice|labour|labor|agriculture|energy|oil|transport|information|culture|environment|industry|senior|chief|junior|prime|opposition|state|home|treasury|war|commerce|housing|sports|tourism|communications|planning|privatisation|privatization|budget|security|intelligence|army|air|naval|police|party|national|regional|provincial|general|executive|managing|world|european|federal|central)$/i;

/**
 * "[owner]? [portfolio]* [title]+ [name]?": "Prime Minister Shehbaz Sharif", "Pakistani Army Chief",
 * "NATO Secretary-General Jens Stoltenberg", "Panamanian Boxing Association President Ramon Manzanares".
 */
function classifyTitled(chunk: NameChunk, words: string[], ctx: ClassifyContext): Finding[] | null {
  const { index } = ctx;
  // Where the title starts: the first word (after an owner and portfolio words) that begins a known title.
  let titleStart = -1;
  let titleEnd = -1;
  let sector: string | undefined;
  for (let p = 0; p < words.length && titleStart < 0; p++) {
    let end = p;
    while (end < words.length) {
      let matched = 0;
      for (let m = Math.min(index.maxTitleWords, words.length - end); m >= 1; m--) {
        const s = index.titleSector(words.slice(end, end + m).join(' '));
        if (s !== undefined) {
          if (s !== '' || sector === undefined) sector = s;
          matched = m;
          break;
        }
      }
      if (matched === 0) break;
      end += matched;
    }
    if (end > p) {
      titleStart = p;
      titleEnd = end;
    }
  }
  if (titleStart < 0) return null;
  // Portfolio words belong to the title: "Education Minister".
  let ownerEnd = titleStart;
  while (ownerEnd > 0 && PORTFOLIO.test(words[ownerEnd - 1]!)) ownerEnd--;
  const out: Finding[] = [];
  let code: string | null = null;
  let owned = false;
  if (ownerEnd > 0) {
    const owner = chunk.tokens.slice(0, ownerEnd);
    const ownerChunk = subChunk(chunk, 0, ownerEnd);
    const hit = index.lookup(owner.map(surface).join(' '))[0];
    if (hit && (hit.kind === 'country' || hit.kind === 'demonym')) {
      out.push(fromHit(ownerChunk, [hit], ctx, null, 'actors'));
      code = sector ? hit.country.code + sector : null;
      owned = true;
    } else if (hit && hit.kind === 'organization') {
      out.push(fromHit(ownerChunk, [hit], ctx, null, 'actors'));
      code = hit.organization.code ?? hit.organization.country;
      owned = true;
    } else if (!hit) {
      // An owner unknown to the lexicon ("Panamanian Boxing Association"): classify it as a name of its own.
      out.push(...classifyChunk(ownerChunk, ctx, null));
      owned = out.some((f) => f.ref.list === 'actors' && f.ref.type === 'organization');
    } else {
      return null;
    }
  }
  if (titleEnd < words.length) {
    const rest = index.lookup(words.slice(titleEnd).join(' '));
    const person = rest[0]?.kind === 'known' || rest[0]?.kind === 'actor' ? rest[0] : undefined;
    if (person && person.actor.type === 'person' && code !== null) {
      // "French President Macron": the title in the text says what the person is now, whatever a dictionary's
      // dated roles say.
      out.push(finding(chunk, titleEnd, words.length, actorRef('person', person.actor.name, code), person.via, 'title+known-person', 'strong'));
      return out;
    }
    if (rest.length > 0 && rest[0]!.kind !== 'demonym') {
      out.push(fromHit(subChunk(chunk, titleEnd, words.length), rest, ctx, null));
      return out;
    }
    out.push(finding(chunk, titleEnd, words.length, actorRef('person', spanText(chunk, titleEnd, words.length), code), 'name', 'title+name', 'strong'));
    return out;
  }
  // A title with no name: an actor known by its office ("the Pakistani Army Chief" → PAKMIL).
  if (sector === '' || sector === undefined) return out;
  const name = owned ? spanText(chunk, 0, titleEnd) : spanText(chunk, ownerEnd, titleEnd);
  // One actor per office: "the Pakistani Army Chief" and "the Pakistan Army Chief" are the same person.
  // An institution ("Pakistani Army", "Foreign Ministry") is an organization; a plural ("Iranian officials") a group.
  const head = words[titleEnd - 1]!.toLowerCase();
  const office = spanText(chunk, titleStart, titleEnd).toLowerCase();
  const type: ActorType = ORG_LAST.has(head) || /^(military|armed forces|air force|judiciary|leadership|state media|state television)$/.test(office)
    ? 'organization'
    : chunk.tokens[titleEnd - 1]!.tags.has('Plural') || /^\p{Lu}{2,}s$/u.test(words[titleEnd - 1]!) ? 'group' : 'person';
  const ref = actorRef(type, name, code);
  ref.key = `office:${code ?? ''}:${office}`;
  out.push(finding(chunk, ownerEnd, titleEnd, ref, 'title', 'title-only', 'strong'));
  return out;
}

/** The meaning of a whole name the lexicon knows; `force` skips the actor-or-place decision. */
function fromHit(chunk: NameChunk, hits: readonly LexiconHit[], ctx: ClassifyContext, previous: Previous, force?: 'actors'): Finding {
  const hit = hits[0]!;
  const to = chunk.tokens.length;
  const role = force ?? roleOf(chunk, previous);
  // In a sports report a city or region that plays is a team: "Leicestershire beat Somerset", "Kent 108-3".
  if (ctx.sports && role === 'actors' && !force && (hit.kind === 'city' || (hit.kind === 'region' && !HOME_NATIONS.test(hit.region.name)))) {
    return finding(chunk, 0, to, actorRef('organization', chunk.text, null), 'name', 'sports-team', 'strong');
  }
  switch (hit.kind) {
    case 'country': {
      const ref = role === 'actors' ? actorRef('country', hit.country.name, hit.country.code) : placeRef('country', hit.country.name, hit.country.code);
      return finding(chunk, 0, to, ref, hit.via, `lexicon:country-${role === 'actors' ? 'actor' : 'place'}`, 'lexicon');
    }
    case 'capital':
      // A capital standing for its government ("Islamabad and Doha have been working") is its country acting.
      if (role === 'actors') {
        return finding(chunk, 0, to, actorRef('country', hit.country.name, hit.country.code), 'capital', 'lexicon:capital-actor', 'lexicon');
      }
      return finding(chunk, 0, to, placeRef('city', hit.city?.name ?? hit.name, hit.country.code), 'name', 'lexicon:capital-place', 'lexicon');
    case 'demonym':
      return finding(chunk, 0, to, actorRef('country', hit.country.name, hit.country.code), 'demonym', 'lexicon:demonym', 'lexicon');
    case 'city':
      return finding(chunk, 0, to, placeRef('city', hit.city.name, hit.city.country), 'name', 'lexicon:city', 'lexicon');
    case 'region':
      return finding(chunk, 0, to, placeRef(hit.region.type, hit.region.name, hit.region.country), hit.via, 'lexicon:region', 'lexicon');
    case 'region-demonym':
      return finding(chunk, 0, to, placeRef(hit.region.type, hit.region.name, hit.region.country), 'demonym', 'lexicon:region-demonym', 'lexicon');
    case 'organization':
      return finding(chunk, 0, to, actorRef('organization', hit.organization.name, hit.organization.code), hit.via, 'lexicon:organization', 'lexicon');
    case 'actor': {
      if (!hit.actor.roles?.length) return finding(chunk, 0, to, actorRef(hit.actor.type, hit.actor.name, hit.actor.code), hit.via, 'config:actor', 'lexicon');
      const role = roleOn(hit.actor, ctx.date);
      return finding(chunk, 0, to, actorRef(hit.actor.type, hit.actor.name, role.code), hit.via, `config:actor-${role.why}`, 'lexicon');
    }
    case 'known': {
      const role = roleOn(hit.actor, ctx.date);
      return finding(chunk, 0, to, actorRef(hit.actor.type, hit.actor.name, role.code), hit.via, `lexicon:known-actor-${role.why}`, 'lexicon');
    }
  }
}

/** Nations that field national teams as countries do: their teams are named like the country, which stays a place. */
const HOME_NATIONS = /^(England|Scotland|Wales|Northern Ireland)$/;

/** "LONDON 1996-08-30", "NICE, France 1996-08-30": the place a report was filed from. */
function isDateline(chunk: NameChunk): boolean {
  const next = chunk.context[chunk.last + 1];
  if (chunk.first !== 0 || !next) return false;
  return /^\d{4}-\d{2}-\d{2}$/.test(next.text) || (/^,/.test(chunk.tokens[chunk.tokens.length - 1]!.post) && chunk.context.slice(chunk.last + 1, chunk.last + 5).some((t) => /^\d{4}-\d{2}-\d{2}$/.test(t.text)));
}

/**
 * A country or capital is a place where the sentence locates something there ("in Kashmir", "visited Tehran",
 * "a trip to Doha"), and an actor otherwise: as a subject, a possessor, an object of a verb of dealing.
 */
function roleOf(chunk: NameChunk, previous: Previous): 'actors' | 'places' {
  if (chunk.possessive) return 'actors';
  if (isDateline(chunk)) return 'places';
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
  if ((prev.normal === 'to' || prev.normal === 'from' || prev.normal === 'for') && chunk.context.slice(Math.max(0, k - 6), k).some((t) => MOVEMENT.test(t.normal))) return 'places';
  return 'actors';
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
  return { ref, start: chunk.tokens[from]!.start, end: spanEnd(chunk, to), sentence: chunk.sentence, via, reason, strength };
}

/** Where the words before `to` end: the name's own end (possessive left out) when they reach its last word. */
function spanEnd(chunk: NameChunk, to: number): number {
  return to === chunk.tokens.length ? chunk.end : chunk.tokens[to - 1]!.end;
}

function spanText(chunk: NameChunk, from: number, to: number): string {
  return chunk.text.slice(chunk.tokens[from]!.start - chunk.start, spanEnd(chunk, to) - chunk.start);
}

function surface(t: Token): string {
  return /['’]s$/i.test(t.text) ? t.text.slice(0, -2) : t.text;
}

