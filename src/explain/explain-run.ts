// explain: why each item of an annotation was made, the rule (the stages' reason slugs) and the vocabulary entry
// it rests on, built from one run's findings after its annotation is made (src/annotate-text.ts makes the run).
import type {
  Actor,
  Annotation,
  Certainty,
  Mention,
  Modality,
  Place,
  Polarity,
  Span,
  StanceBasis,
} from '../model/annotation.js';
import type { ClaimCues, KnownActor, Lexicon, TriggerEntry, UserVocabulary } from '../lexicon/lexicon.js';
import { LEXICON_FILES } from '../lexicon/load-lexicons.js';
import { normalizeName } from '../lexicon/index-lexicon.js';
import type { LexiconHit, LexiconIndex } from '../lexicon/index-lexicon.js';
import { verbForms } from '../nlp/create-nlp.js';
import type { ParsedText } from '../nlp/create-nlp.js';
import type { EntityRef, Finding } from '../extract/classify-names.js';
import type { Entities } from '../extract/build-entities.js';
import type { EventVocabulary, Pattern } from '../extract/event-vocabulary.js';
import { matchPhrase } from '../extract/cue-vocabulary.js';
import type { ClaimVocabulary, Phrase, PhraseTable, StanceVocabulary } from '../extract/cue-vocabulary.js';
import { SentenceView } from '../extract/sentence-view.js';
import type { StanceFinding } from '../extract/find-stances.js';
import type { ClaimFinding, Range } from '../extract/find-claims.js';
import type { EventFinding } from '../extract/find-events.js';
import type { Learned } from '../learn/linear-model.js';


/** One article's annotation and what the stages found on the way to it, which only explain reads. */
export interface ArticleRun {
  annotation: Annotation;
  text: string;
  toCodePoint: (utf16: number) => number;
  parsed: ParsedText;
  /** Every mention finding given to buildEntities, in its order. */
  mentions: Finding[];
  entities: Entities;
  events: EventFinding[];
  eventId: ReadonlyMap<EventFinding, string>;
  /** The finding behind each of annotation.stances and annotation.claims, index for index. */
  stances: StanceFinding[];
  claims: ClaimFinding[];
}

// --- explain ---------------------------------------------------------------------------------------------------
// Why each item of an annotation was made: the rule (the stages' reason slugs) and the vocabulary entry it rests on.
// Built from one run's findings after its annotation is made, so annotate() never pays for it; it changes nothing in
// the annotation.

/** Where a piece of vocabulary is written: an entry of a bundled lexicon or of the user's config file. */
export interface EntrySource {
  /** `lexicon`: this package's lexicons/; `config`: the user's config file; `model`: a learned model of models/, whose
   *  key is the label it chose with its margin and whose entry lists the features that weighed most. */
  from: 'lexicon' | 'config' | 'model';
  /** `lexicons/countries.yaml`, `models/claims.json`, or the config file as given. */
  file: string;
  /** Where in the file, as a path with 0-based indexes: `[166].demonyms[0]` (in a file that is a list of entries),
   *  `triggers[41]`, `verbs.oppose[3]`, `actors[0].aliases[1]`. */
  key: string;
  /** The entry as a person looks for it in the file: `Pakistan (PAK)`, `noun "meeting" → 040`, `condemn (oppose)`. */
  entry: string;
}

/** A mention, with the rule that made it and the vocabulary it rests on. */
export interface MentionExplanation extends Mention {
  /** The rule: `lexicon:country-actor`, `agent:possessor`, `title+name` …; a revision by evidence elsewhere in the
   *  article follows a `>`: `unknown-name>same-name-elsewhere`. */
  reason: string;
  /** The lexicon or config entries it rests on (a title, then its owner); empty for a name read from its sentence. */
  entries: EntrySource[];
}

export interface EntityExplanation {
  /** The actor's or place's id. */
  id: string;
  name: string;
  /** The entity's mentions, index for index. */
  mentions: MentionExplanation[];
}

/** Words that take part in an event, stance or claim, with what they name and the rule behind that mention. */
export interface ParticipantExplanation extends Span {
  /** The actor (or, for an event's place, place) the words name; null when they name none. */
  id: string | null;
  /** The reason of the mention that names it; null when the words name nothing. */
  reason: string | null;
}

export interface EventExplanation {
  id: string;
  trigger: Span;
  code: string;
  /** The CAMEO root's name (CONSULT) and the codebook's name of the code itself ("Make a visit"). */
  category: string;
  codeName: string;
  /** How the participants were read: `verb:subject-nearest+object`, `verb:passive`, `noun:possessor+prep-with` … */
  reason: string;
  /** The event word that matched, and where it is written. */
  word: TriggerEntry & { source: EntrySource };
  /** The mentions read as source and as target (several may name one actor id). */
  source: ParticipantExplanation[];
  target: ParticipantExplanation[];
  place: ParticipantExplanation | null;
  modality: Modality;
}

export interface StanceExplanation {
  id: string;
  polarity: Polarity;
  via: StanceBasis;
  cue: Span;
  /** How it was read: `verb:object`, `verb:passive`, `noun`, `position`, `event:<code>`. */
  reason: string;
  /** The cue's entries: a stance verb or noun in its polarity's list, a position's adjective and noun, or the code
   *  prefix by which an event implies a position. */
  entries: EntrySource[];
  holder: ParticipantExplanation | null;
  target: ParticipantExplanation;
  /** The event that reports the same act or implies the stance. */
  event: string | null;
}

export interface ClaimExplanation {
  id: string;
  cue: Span;
  /** How it was read: `verb:forward`, `verb:postposed`, `verb:participle`, `according-to`, `noun:source`,
   *  `impersonal:it` … */
  reason: string;
  /** The cue's entries: a reporting verb (and its hedging_verbs entry when it hedges), noun, phrase or impersonal verb. */
  entries: EntrySource[];
  certainty: Certainty;
  /** The hedge words, each with its entry. */
  hedges: { text: string; entry: EntrySource | null }[];
  source: ParticipantExplanation | null;
}

/** An annotation and the why of each of its items; every list follows the annotation's list of the same name. */
export interface Explanation {
  annotation: Annotation;
  actors: EntityExplanation[];
  places: EntityExplanation[];
  events: EventExplanation[];
  stances: StanceExplanation[];
  claims: ClaimExplanation[];
}

/** What naming an entry needs: the vocabularies, and look-ups made once per annotator on the first explain. */
export interface EntrySources {
  lexicon: Lexicon;
  vocabulary: UserVocabulary | undefined;
  vocabularyFile: string;
  index: LexiconIndex;
  codebook: EventVocabulary['codebook'];
  claims: ClaimVocabulary;
  stances: StanceVocabulary;
  /** Position in titles.yaml by normalised title (the last of equal ones, as the index keeps it). */
  titles: ReadonlyMap<string, number>;
  /** The impersonal verb of each of its forms ("believed" → believe). */
  impersonal: ReadonlyMap<string, string>;
}

export function indexEntrySources(sources: Omit<EntrySources, 'titles' | 'impersonal' | 'codebook'> & { events: EventVocabulary }): EntrySources {
  const { events, ...rest } = sources;
  const titles = new Map(sources.lexicon.titles.map((t, n) => [normalizeName(t.title), n]));
  const impersonal = new Map<string, string>();
  for (const verb of sources.lexicon.claims.impersonal) for (const form of verbForms(verb)) if (!impersonal.has(form)) impersonal.set(form, verb);
  return { ...rest, codebook: events.codebook, titles, impersonal };
}

export function explainRun(run: ArticleRun, x: EntrySources): Explanation {
  const { annotation, entities, toCodePoint } = run;
  // buildEntities keeps the findings it does not drop, in their order, some revised by evidence elsewhere.
  const revised = new Map<Finding, Finding>();
  let next = 0;
  for (const f of run.mentions) {
    if (entities.idOf(f) === undefined) continue;
    const kept = entities.kept[next++];
    if (kept?.start !== f.start || kept.end !== f.end) throw new Error('explain: the kept findings are out of step with the mentions');
    revised.set(f, kept);
  }
  const span = (r: Range): Span => ({ text: run.text.slice(r.start, r.end), start: toCodePoint(r.start), end: toCodePoint(r.end) });
  const participant = (r: Range, f: Finding | undefined): ParticipantExplanation => ({
    ...span(r),
    id: f ? (entities.idOf(f) ?? null) : null,
    reason: f ? (revised.get(f) ?? f).reason : null,
  });

  // The finding behind each mention: the first with its span in its entity, which is the one buildEntities kept.
  const behind = new Map<string, Finding>();
  for (const [original, f] of revised) {
    const key = `${f.ref.list}|${entities.idOf(original)}|${toCodePoint(f.start)}|${toCodePoint(f.end)}`;
    if (!behind.has(key)) behind.set(key, f);
  }
  const entity =
    (list: 'actors' | 'places') =>
    (e: Actor | Place): EntityExplanation => ({
      id: e.id,
      name: e.name,
      mentions: e.mentions.map((m) => {
        const f = behind.get(`${list}|${e.id}|${m.start}|${m.end}`);
        return { ...m, reason: f?.reason ?? 'unknown', entries: f ? [...mentionEntries(f, run.text, x), ...learnedEntries(f.learned)] : [] };
      }),
    });

  const coded = new Map(annotation.events.map((e) => [e.id, e]));
  const events: EventExplanation[] = [];
  for (const e of run.events) {
    const event = coded.get(run.eventId.get(e) ?? '');
    if (!event) continue;
    events.push({
      id: event.id,
      trigger: event.trigger,
      code: event.code,
      category: event.category,
      codeName: x.codebook.get(event.code)?.name ?? '',
      reason: e.reason,
      word: { ...e.pattern.entry, source: triggerSource(e.pattern, x) },
      source: e.source.map((f) => participant(f, f)),
      target: e.target.map((f) => participant(f, f)),
      place: e.place ? participant(e.place, e.place) : null,
      modality: event.modality,
    });
  }

  const stances = annotation.stances.map((stance, n): StanceExplanation => {
    const f = run.stances[n]!;
    return {
      id: stance.id,
      polarity: stance.polarity,
      via: stance.via,
      cue: stance.cue,
      reason: f.reason,
      entries: [...stanceEntries(f, run.parsed, x), ...learnedEntries(f.learned)],
      holder: f.holder ? participant(f.holder, f.holder.actor) : null,
      target: participant(f.target, f.target.actor),
      event: stance.event,
    };
  });

  const claims = annotation.claims.map((claim, n): ClaimExplanation => {
    const f = run.claims[n]!;
    return {
      id: claim.id,
      cue: claim.cue,
      reason: f.reason,
      entries: [...claimEntries(f, run.parsed, x), ...learnedEntries(f.learned)],
      certainty: claim.certainty,
      hedges: claim.hedges.map((text) => {
        const at = x.lexicon.claims.hedges.indexOf(text.replace(/’/g, "'"));
        return { text, entry: at < 0 ? null : lexiconEntry(LEXICON_FILES.claims, `hedges[${at}]`, text) };
      }),
      source: f.source ? participant(f.source, f.source.actor) : null,
    };
  });

  return { annotation, actors: annotation.actors.map(entity('actors')), places: annotation.places.map(entity('places')), events, stances, claims };
}

/** A learned decision as an entry: the model's file, the label with its margin, the features that weighed most. */
function learnedEntries(learned: readonly Learned[] | undefined): EntrySource[] {
  return (learned ?? []).map((l) => ({
    from: 'model',
    file: `models/${l.model}.json`,
    key: `${l.label} by ${l.margin}`,
    entry: l.features.map((f) => `${f.feature} ${f.weight > 0 ? '+' : ''}${f.weight}`).join(' · '),
  }));
}

function lexiconEntry(file: string, key: string, entry: string): EntrySource {
  return { from: 'lexicon', file: `lexicons/${file}`, key, entry };
}

// --- the entries behind a mention --------------------------------------------------------------------------------

function mentionEntries(f: Finding, text: string, x: EntrySources): EntrySource[] {
  const { ref } = f;
  // An office ("Pakistani Army Chief", "Iranian officials"): its title words, then the country or body that holds it.
  const office = /^office:[^:]*:(.+)$/.exec(ref.key)?.[1];
  if (office !== undefined) {
    const owner = ref.list === 'actors' && ref.code ? ownerSource(ref.name, ref.code, x) : null;
    return [...titlesIn(office.split(' '), x), ...(owner ? [owner] : [])];
  }
  if (f.reason === 'claim:group-source') return groupSources(ref.name.toLowerCase(), x);
  // "Prime Minister Shehbaz Sharif": the mention is the name; the title stands before it.
  const out = /^title\+name/.test(f.reason) ? titlesBefore(text, f.start, x) : [];
  for (const surface of [text.slice(f.start, f.end), ref.name]) {
    const hit = x.index.lookup(withoutPossessive(surface)).find((h) => hitNames(h, ref));
    if (hit) return [...out, hitSource(hit, withoutPossessive(surface), x)];
  }
  return out;
}

function withoutPossessive(surface: string): string {
  return surface.replace(/['’]s$/i, '');
}

/** The lexicon hit that gives this reference: the same kind of thing, with the same name or code. */
function hitNames(hit: LexiconHit, ref: EntityRef): boolean {
  const actor = ref.list === 'actors';
  switch (hit.kind) {
    case 'country':
      return ref.type === 'country' && (actor ? ref.code : ref.country) === hit.country.code;
    case 'capital':
      return actor ? ref.type === 'country' && ref.code === hit.country.code : ref.type === 'city' && ref.country === hit.country.code && ref.name === (hit.city?.name ?? hit.name);
    case 'demonym':
      return actor && ref.type === 'country' && ref.code === hit.country.code;
    case 'city':
      return !actor && ref.type === 'city' && ref.name === hit.city.name && ref.country === hit.city.country;
    case 'region':
    case 'region-demonym':
      return !actor && ref.name === hit.region.name;
    case 'organization':
      return actor && ref.type === 'organization' && ref.name === hit.organization.name;
    case 'actor':
    case 'known':
      return actor && ref.name === hit.actor.name;
  }
}

/** Where a hit's entry is written, down to the name, alias, capital or demonym that `surface` matched. */
function hitSource(hit: LexiconHit, surface: string, x: EntrySources): EntrySource {
  const field = fieldOf(surface);
  switch (hit.kind) {
    case 'country':
    case 'capital':
    case 'demonym': {
      const c = hit.country;
      const at = x.lexicon.countries.indexOf(c);
      // A country the index made from the user's config.
      if (at < 0) return configActorSource(c.name, surface, x);
      const where =
        hit.kind === 'country' ? field(c.name, { aliases: c.aliases }) : hit.kind === 'capital' ? field(null, { capitals: c.capitals }) : field(null, { demonyms: c.demonyms });
      return lexiconEntry(LEXICON_FILES.countries, `[${at}]${where}`, `${c.name} (${c.code})`);
    }
    case 'city': {
      const { city } = hit;
      const where = field(city.name, { aliases: city.aliases });
      return lexiconEntry(LEXICON_FILES.cities, `[${x.lexicon.cities.indexOf(city)}]${where}`, `${city.name}, ${city.country}`);
    }
    case 'region':
    case 'region-demonym': {
      const { region } = hit;
      // regions.yaml (generated) comes first in the list, regions-extra.yaml (hand-kept) after it.
      const at = x.lexicon.regions.indexOf(region);
      const generated = at < x.lexicon.generatedRegions;
      const where = hit.kind === 'region' ? field(region.name, { aliases: region.aliases }) : field(null, { demonyms: region.demonyms });
      const key = `[${generated ? at : at - x.lexicon.generatedRegions}]${where}`;
      return lexiconEntry(generated ? LEXICON_FILES.regions : LEXICON_FILES.regionsExtra, key, region.name);
    }
    case 'organization': {
      const o = hit.organization;
      const where = field(o.name, { aliases: o.aliases });
      return lexiconEntry(LEXICON_FILES.organizations, `[${x.lexicon.organizations.indexOf(o)}]${where}`, o.code ? `${o.name} (${o.code})` : o.name);
    }
    case 'actor':
      return configActorSource(hit.actor.name, surface, x);
    case 'known': {
      const a = hit.actor;
      const where = field(a.name, { aliases: a.aliases });
      return lexiconEntry(LEXICON_FILES.phoenixActors, `[${x.lexicon.knownActors.indexOf(a)}]${where}`, `${a.name} (${knownRoles(a)})`);
    }
  }
}

/** A known actor's codes as its entry gives them: "DEUELI 1972-01-01–2000-01-01, DEUGOV 2005-11-22–; else DEUELI". */
function knownRoles(a: KnownActor): string {
  const roles = a.roles.map((r) => `${r.code} ${r.from ?? ''}–${r.to ?? ''}`).join(', ');
  if (!roles) return a.code ?? 'no code';
  return a.code ? `${roles}; else ${a.code}` : roles;
}

/** The key of the field that holds `surface`: `.name`, or `.<list>[n]` of the first list that has it; '' if none. */
function fieldOf(surface: string): (name: string | null, lists: Record<string, readonly string[]>) => string {
  const wanted = normalizeName(surface);
  // The index files "U.S." under "us" too.
  const same = (value: string): boolean => normalizeName(value) === wanted || normalizeName(value).replace(/\./g, '') === wanted;
  return (name, lists) => {
    if (name !== null && same(name)) return '.name';
    for (const [list, values] of Object.entries(lists)) {
      const n = values.findIndex(same);
      if (n >= 0) return `.${list}[${n}]`;
    }
    return '';
  };
}

function configActorSource(name: string, surface: string, x: EntrySources): EntrySource {
  const at = x.vocabulary?.actors.findIndex((a) => a.name === name) ?? -1;
  const actor = x.vocabulary?.actors[at];
  const key = actor ? `actors[${at}]${fieldOf(surface)(actor.name, { aliases: actor.aliases })}` : 'actors';
  return { from: 'config', file: x.vocabularyFile, key, entry: actor?.code ? `${actor.name} (${actor.code})` : name };
}

/** The country or organization that holds an office, found in the office's name ("Pakistani Army Chief" → PAK). */
function ownerSource(name: string, code: string, x: EntrySources): EntrySource | null {
  const words = name.split(' ');
  for (let m = Math.min(3, words.length); m >= 1; m--) {
    for (let i = 0; i + m <= words.length; i++) {
      const surface = withoutPossessive(words.slice(i, i + m).join(' '));
      const hit = x.index.lookup(surface).find((h) => {
        const owner = ownerCode(h);
        return owner !== null && code.startsWith(owner);
      });
      if (hit) return hitSource(hit, surface, x);
    }
  }
  return null;
}

function ownerCode(hit: LexiconHit): string | null {
  switch (hit.kind) {
    case 'country':
    case 'capital':
    case 'demonym':
      return hit.country.code;
    case 'organization':
      return hit.organization.code ?? hit.organization.country;
    case 'actor':
      return hit.actor.code;
    default:
      return null;
  }
}

/** The titles that make up an office's words, longest first from its start: "army chief", "deputy prime minister". */
function titlesIn(words: readonly string[], x: EntrySources): EntrySource[] {
  const out: EntrySource[] = [];
  for (let i = 0; i < words.length; ) {
    let m = Math.min(x.index.maxTitleWords, words.length - i);
    for (; m >= 1; m--) {
      const at = x.titles.get(normalizeName(words.slice(i, i + m).join(' ')));
      if (at !== undefined) {
        out.push(titleSource(at, x));
        break;
      }
    }
    i += Math.max(m, 1);
  }
  return out;
}

/** The titles right before a name: "Prime Minister" in "Prime Minister Shehbaz Sharif". */
function titlesBefore(text: string, at: number, x: EntrySources): EntrySource[] {
  const words = text.slice(Math.max(0, at - 120), at).split(/\s+/);
  if (words[words.length - 1] === '') words.pop();
  const out: EntrySource[] = [];
  for (let end = words.length; end > 0; ) {
    let m = Math.min(x.index.maxTitleWords, end);
    for (; m >= 1; m--) {
      const n = x.titles.get(normalizeName(words.slice(end - m, end).join(' ')));
      if (n !== undefined) {
        out.unshift(titleSource(n, x));
        break;
      }
    }
    if (m === 0) break;
    end -= m;
  }
  return out;
}

function titleSource(at: number, x: EntrySources): EntrySource {
  const t = x.lexicon.titles[at]!;
  return lexiconEntry(LEXICON_FILES.titles, `[${at}]`, `${t.title} (${t.sector === '' ? 'person' : t.sector})`);
}

/** A speaking group with no country ("Analysts"): a claims.yaml group, or a lower-case title. */
function groupSources(noun: string, x: EntrySources): EntrySource[] {
  const at = x.lexicon.claims.groups.indexOf(noun);
  if (at >= 0) return [lexiconEntry(LEXICON_FILES.claims, `groups[${at}]`, noun)];
  const title = x.titles.get(noun);
  return title === undefined ? [] : [titleSource(title, x)];
}

// --- the entries behind events, stances and claims ---------------------------------------------------------------

function triggerSource(pattern: Pattern, x: EntrySources): EntrySource {
  const { entry, origin } = pattern;
  const objects = entry.object.length > 6 ? [...entry.object.slice(0, 6), '…'] : entry.object;
  const only = entry.object.length > 0 ? ` with object ${objects.join('|')}` : entry.after.length > 0 ? ` after ${entry.after.join('|')}` : '';
  const label = `${entry.kind} "${entry.words}"${only} → ${entry.code}`;
  if (origin === 'config') return { from: 'config', file: x.vocabularyFile, key: `events[${x.vocabulary?.events.indexOf(entry) ?? -1}]`, entry: label };
  if (origin === 'cameo') return lexiconEntry(LEXICON_FILES.cameoVerbs, `triggers[${x.lexicon.cameoTriggers.indexOf(entry)}]`, label);
  if (pattern.assembly) return lexiconEntry(LEXICON_FILES.events, `assembly_verbs[${x.lexicon.eventRules.assemblyVerbs.indexOf(entry.words)}]`, `${label} (with protesters as subject)`);
  return lexiconEntry(LEXICON_FILES.events, `triggers[${x.lexicon.triggers.indexOf(entry)}]`, label);
}

function stanceEntries(f: StanceFinding, parsed: ParsedText, x: EntrySources): EntrySource[] {
  const cues = x.lexicon.stances;
  if (f.via === 'event') {
    // The longest listed prefix of the event's code decides, as the stage's eventPolarity does.
    const code = f.event?.code ?? '';
    const rule = cues.events.filter((e) => code.startsWith(e.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
    return rule ? [lexiconEntry(LEXICON_FILES.stances, `events.${rule.prefix}`, `${rule.prefix} → ${rule.polarity}`)] : [];
  }
  const cue = cueTokens(parsed, f.sentence, f.cue);
  if (f.via === 'verb' || f.via === 'noun') {
    const list = f.via === 'verb' ? 'verbs' : 'nouns';
    const phrase = phraseIn(cue, x.stances[list]);
    if (!phrase) return [];
    return [lexiconEntry(LEXICON_FILES.stances, `${list}.${phrase.value}[${cues[list][phrase.value].indexOf(phrase.lemma)}]`, `${phrase.lemma} (${phrase.value})`)];
  }
  // A position: its adjective ("nuanced", "opposed"), then its noun when it has one ("stance").
  if (!cue) return [];
  const out: EntrySource[] = [];
  const adjective = cue.s.norm(cue.from);
  const polarity = x.stances.positionAdjectives.get(adjective);
  if (polarity) {
    out.push(lexiconEntry(LEXICON_FILES.stances, `positions.${polarity}[${cues.positions.adjectives[polarity].indexOf(adjective)}]`, `${adjective} (${polarity})`));
  }
  const noun = phraseIn({ ...cue, from: cue.from + 1 }, x.stances.positionNouns);
  if (noun) out.push(lexiconEntry(LEXICON_FILES.stances, `positions.nouns[${cues.positions.nouns.indexOf(noun.lemma)}]`, noun.lemma));
  return out;
}

/** claims.yaml's keys for the lists of ClaimCues. */
const CLAIM_KEYS: Record<keyof ClaimCues, string> = {
  verbs: 'verbs',
  hedgingVerbs: 'hedging_verbs',
  nouns: 'nouns',
  sourcePhrases: 'source_phrases',
  impersonal: 'impersonal',
  hedges: 'hedges',
  groups: 'groups',
};

function claimEntries(f: ClaimFinding, parsed: ParsedText, x: EntrySources): EntrySource[] {
  const entry = (list: keyof ClaimCues, lemma: string, label = lemma): EntrySource =>
    lexiconEntry(LEXICON_FILES.claims, `${CLAIM_KEYS[list]}[${x.lexicon.claims[list].indexOf(lemma)}]`, label);
  const cue = cueTokens(parsed, f.sentence, f.cue);
  if (f.reason.startsWith('verb:')) {
    const verb = phraseIn(cue, x.claims.verbs);
    if (!verb) return [];
    return verb.value.hedging ? [entry('verbs', verb.lemma), entry('hedgingVerbs', verb.lemma, `${verb.lemma} (hedging)`)] : [entry('verbs', verb.lemma)];
  }
  const phrase = f.reason === 'according-to' ? phraseIn(cue, x.claims.sourcePhrases) : f.reason.startsWith('noun:') ? phraseIn(cue, x.claims.nouns) : null;
  if (phrase) return [entry(f.reason === 'according-to' ? 'sourcePhrases' : 'nouns', phrase.lemma)];
  if (f.reason.startsWith('impersonal:') && cue) {
    for (let k = cue.from; k < cue.to; k++) {
      const verb = x.impersonal.get(cue.s.norm(k));
      if (verb) return [entry('impersonal', verb, `${verb} (hedging)`)];
    }
  }
  return [];
}

interface CueTokens {
  s: SentenceView;
  /** The cue's tokens in its sentence: [from, to). */
  from: number;
  to: number;
}

/** A cue's sentence as the stages read it, and where the cue is in it. */
function cueTokens(parsed: ParsedText, sentence: number, cue: Range): CueTokens | null {
  const tokens = parsed.sentences[sentence];
  if (!tokens) return null;
  const from = tokens.findIndex((t) => t.start >= cue.start);
  let to = Math.max(from, 0);
  while (to < tokens.length && tokens[to]!.end <= cue.end) to++;
  return from < 0 || to === from ? null : { s: new SentenceView(tokens, []), from, to };
}

/** The first phrase of `table` that lies inside the cue: the word the stage matched. */
function phraseIn<T>(cue: CueTokens | null, table: PhraseTable<T>): Phrase<T> | null {
  if (!cue) return null;
  for (let k = cue.from; k < cue.to; k++) {
    const m = matchPhrase(cue.s, k, table);
    if (m && m.to <= cue.to) return m.phrase;
  }
  return null;
}
