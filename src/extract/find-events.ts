// Finds the events an article reports: a trigger word from the event vocabulary, its participants read from the
// structure of its own sentence (never stitched in from another one), its place, date and modality. One event per
// occurrence: a verb and the event noun it governs in the same clause are one event, not two.
import type { Modality } from '../model/annotation.js';
import type { ParsedText } from '../nlp/create-nlp.js';
import type { DateMention } from '../nlp/create-nlp.js';
import type { Finding } from './classify-names.js';
import type { EventVocabulary, Pattern } from './event-vocabulary.js';
import { ORIGIN_RANK } from './event-vocabulary.js';
import { matchPhrase } from './cue-vocabulary.js';
import { DETERMINER, SUBORDINATOR, SentenceView, collect, previousVerb, sentenceViews, governingVerb, isNounPhraseWord, isNounish, isPassive, isVerbish, unique, verbGroup } from './sentence-view.js';
import type { Derived, VerbGroup } from './sentence-view.js';

export interface EventFinding {
  pattern: Pattern;
  /** The CAMEO code: the pattern's, unless who the parties are changes what the act is (protesters who clash riot,
   *  145; police who fire on protesters repress them, 175). */
  code: string;
  /** UTF-16 offsets of the trigger. */
  start: number;
  end: number;
  sentence: number;
  source: Finding[];
  target: Finding[];
  place: Finding | null;
  /** The day the event is dated to (null when none): resolved on first call, since compromise-dates re-parses the
   *  sentence, and only the events that reach the annotation need it. Shared by the events of one sentence. */
  date: () => string | null;
  modality: Modality;
  /** How the participants were found, for `annotate explain`. */
  reason: string;
  /** Its subject is no one (a flood, a disease): the event is dropped. */
  noAgent?: boolean;
  /** A passive's by-phrase names someone who is not an actor ("attacked by critics"). */
  unnamedAgent?: boolean;
  /** A year the sentence gives the event ("in 1996", "the 1972 killings"), and whether it gives the year alone. */
  year?: number;
  yearOnly?: boolean;
  /** It does harm to people who are its target, or hits a thing (a building, a vehicle): an act of force whoever
   *  does it (see reportsEvent). */
  force?: boolean;
  /** The place is in the trigger's own phrase ("exploded in Kabul", "a protest outside parliament in Nairobi"), so
   *  an event without participants can still say where it happened. */
  placeNear?: boolean;
}

export interface EventsContext {
  vocabulary: EventVocabulary;
  /** Agent nouns without an owner ("gunmen", "police"): candidates that become actors where an event has them as
   *  participants (find-agents). */
  agents: readonly Finding[];
  /** The article reports sport: its countries and cities are teams, so a clash between them is a match. */
  sports: boolean;
  /** The article's date (YYYY-MM-DD): the anchor of relative dates; null when unknown (then no dates are resolved). */
  anchor: string | null;
  findDates: (sentence: string, anchor: string) => DateMention[];
  text: string;
  /** A country's canonical name by its code, for a capital standing in for its country. */
  countryName: (code: string) => string | undefined;
}

export interface EventsResult {
  events: EventFinding[];
  /** Actor mentions the events needed that no earlier stage made: a capital or country named as a place that is the
   *  target of a visit or an attack ("visited Tehran" → Iran). */
  derived: Finding[];
}

/** Prepositions whose object is the target of the event. */
const TARGET_PREP = /^(with|against|on|upon|to|at|toward|towards|into|of|over|between)$/;
const LOCATIVE_PREP = /^(in|at|near|inside|across|outside|throughout|within)$/;
const SPEECH = /^(said|says|say|told|tells|reported|reports|claimed|claims|announced|announces|stated|states|added|adds|noted|notes|alleged|alleges|insisted|insists|quoted|according)$/;
const FUTURE_WORDS = /^(will|shall|'ll|wo)$/;
const HYPOTHETICAL_WORDS = /^(could|may|might|would|should|can|ca|'d|possibly|potentially|perhaps|maybe)$/;
/** Predicates before "to" that put what follows in the future: "is about to", "plans to", "working to finalize". */
const FUTURE_GOVERNOR = /^(about|set|due|going|plan|plans|planned|planning|intend|intends|intended|intending|aim|aims|aimed|aiming|seek|seeks|sought|seeking|work|works|worked|working|hope|hopes|hoped|hoping|prepare|prepares|prepared|preparing|expect|expects|expected|vow|vows|vowed|pledge|pledges|pledged|promise|promises|promised|agree|agrees|agreed|decide|decides|decided|try|tries|tried|trying|want|wants|wanted|ready|poised|scheduled|likely|threaten|threatens|threatened|begin|begins|began|start|starts|started)$/;
const HYPOTHETICAL_GOVERNOR = /^(likely|could|may|might|would|able|possible|consider|considers|considered|considering|propose|proposes|proposed)$/;
const FUTURE_ADJECTIVE = /^(upcoming|forthcoming|planned|proposed|future|next|expected|scheduled|possible|potential|prospective)$/;
const NEGATION = /^(not|never|no|n't|neither|nor|without)$/;

export function findEvents(parsed: ParsedText, findings: readonly Finding[], ctx: EventsContext): EventsResult {
  const events: EventFinding[] = [];
  const derived: Derived = { list: [], byPlace: new Map(), agents: new Map(), agentMade: new Set(), countryName: ctx.countryName };
  for (const sentence of sentenceViews(parsed, [...findings, ...ctx.agents])) {
    const { tokens } = sentence;
    const found = findInSentence(sentence, ctx, derived);
    if (found.length === 0) continue;
    const anchor = ctx.anchor;
    if (anchor) {
      let resolved: string | null | undefined;
      const date = (): string | null => {
        if (resolved !== undefined) return resolved;
        const text = ctx.text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
        const day = pickDate(ctx.findDates(text, anchor));
        const ahead = tokens.some((t) => FUTURE_WORDS.test(t.normal) || t.normal === 'next');
        resolved = day === null ? null : shiftWeekday(day, anchor, ahead);
        return resolved;
      };
      for (const e of found) e.date = date;
    }
    events.push(...found);
  }
  // News reports the present: an event its sentence dates two or more years before the article's date (or, with none,
  // before the latest year the article names) is background ("Tupac Shakur was shot dead in 1996", "the 1972
  // killings"), not an event the article reports.
  // With no date to go by, a year alone ("in 1996", "the 2003 shootings") dates the past: news of the day names the
  // day ("on Monday", "on 12 March"), not the year.
  const latest = ctx.anchor ? null : latestYear(parsed);
  const historical = (e: EventFinding): boolean => {
    if (e.year === undefined) return false;
    if (ctx.anchor) return e.year <= Number(ctx.anchor.slice(0, 4)) - 2;
    return e.yearOnly === true || (latest !== null && e.year <= latest - 2);
  };
  const current = events.filter((e) => !historical(e));
  const used = new Set(current.flatMap((e) => [...e.source, ...e.target]));
  return { events: current, derived: derived.list.filter((f) => used.has(f) || !derived.agentMade.has(f)) };
}

type Candidate = { pattern: Pattern; from: number; to: number; kind: 'verb' | 'noun' };

function findInSentence(s: SentenceView, ctx: EventsContext, derived: Derived): EventFinding[] {
  const candidates = matchTriggers(s, ctx.vocabulary);
  const out: EventFinding[] = [];
  const nounGovernedBy = new Map<Candidate, number>();
  // Verbs first: a noun that a trigger verb governs in the same root is the same event ("signed an agreement").
  const verbs = candidates.filter((c) => c.kind === 'verb');
  const nouns = candidates.filter((c) => c.kind === 'noun');
  for (const noun of nouns) {
    const governor = governingVerb(s, noun.from);
    if (governor !== null) nounGovernedBy.set(noun, governor);
  }
  const keptNouns = nouns.filter((noun) => {
    const g = nounGovernedBy.get(noun);
    const verb = g === undefined ? undefined : verbs.find((v) => v.from <= g && g < v.to);
    return !(verb && verb.pattern.entry.code.slice(0, 2) === noun.pattern.entry.code.slice(0, 2));
  });

  const nounEvents = new Map<number, EventFinding>();
  for (const noun of keptNouns) {
    const governor = nounGovernedBy.get(noun) ?? null;
    // A governor that reports an event of its own ("condemned the attack") says nothing of who attacked.
    const governorIsEvent = governor !== null && verbs.some((v) => v.from <= governor && governor < v.to);
    const e = nounEvent(s, noun, governor, governorIsEvent, ctx, derived, nounEvents);
    for (let k = noun.from; k < noun.to; k++) nounEvents.set(k, e);
    out.push(e);
  }
  let previous: { verb: Candidate; event: EventFinding } | null = null;
  for (const verb of verbs) {
    const e = verbEvent(s, verb, nounEvents, ctx, derived);
    // "Van Gogh was shot and stabbed to death": two violent verbs joined by "and" with the same target are one
    // attack, told by its more specific code.
    if (previous && sameAttack(s, previous, verb, e)) {
      if (e.code.length > previous.event.code.length) out[out.indexOf(previous.event)] = e;
      previous = { verb, event: out.includes(e) ? e : previous.event };
      continue;
    }
    previous = { verb, event: e };
    const means = meansOf(s, verb, nounEvents);
    if (means) {
      // "A car bomb exploded in Kabul", "two journalists were wounded by gunfire", "ten were killed in an airstrike":
      // the violent verb and the attack it names are one occurrence, the attack's, with the verb's participants.
      means.source = unique([...means.source, ...e.source]);
      means.target = unique([...means.target, ...e.target]).filter((t) => !means.source.includes(t));
      means.place ??= e.place;
      means.placeNear ||= e.placeNear;
      means.force ||= e.force;
      means.reason += `+${e.reason}`;
      continue;
    }
    out.push(e);
  }
  const reported = out.filter((e) => reportsEvent(e, ctx) && !isJargon(s, e, ctx)).sort((a, b) => a.start - b.start || a.end - b.end);
  return reported.flatMap((e) => eachWay(e, ctx.vocabulary)).filter((e) => byParties(e, ctx.vocabulary));
}

const MATERIAL_CONFLICT = /^(18|19|20)/;

/** A violent verb coordinated with the one before it ("shot and stabbed"), with the same target and no other verb
 *  between: the same attack. */
function sameAttack(s: SentenceView, previous: { verb: Candidate; event: EventFinding }, verb: Candidate, e: EventFinding): boolean {
  if (!MATERIAL_CONFLICT.test(previous.event.code) || !MATERIAL_CONFLICT.test(e.code) || previous.event.target.length === 0) return false;
  if (e.target.length > 0 && (e.target.length !== previous.event.target.length || e.target.some((t) => !previous.event.target.includes(t)))) return false;
  const between = s.tokens.slice(previous.verb.to, verb.from).map((_, k) => s.norm(previous.verb.to + k));
  return between.length <= 3 && between.includes('and') && !s.breaksAfter(previous.verb.to - 1, false);
}

/** The attack a violent verb reports as its subject or its means: "A car bomb exploded", "wounded by gunfire",
 *  "killed in an airstrike", "died in the shelling". */
function meansOf(s: SentenceView, verb: Candidate, nounEvents: Map<number, EventFinding>): EventFinding | undefined {
  if (!MATERIAL_CONFLICT.test(verb.pattern.entry.code)) return undefined;
  const violent = (e: EventFinding | undefined): EventFinding | undefined => (e && MATERIAL_CONFLICT.test(e.pattern.entry.code) ? e : undefined);
  const group = verbGroup(s, verb.from);
  const subject = violent(nounEvents.get(group.subjectEnd));
  if (subject && !isPassive(s, verb.from, group.start)) return subject;
  for (let k = verb.to; k < s.tokens.length && k < verb.to + 3; k++) {
    if (/^(by|in|with|from|during)$/.test(s.norm(k))) {
      for (let j = k + 1; j < s.tokens.length && j <= k + 4; j++) {
        const e = violent(nounEvents.get(j));
        if (e) return e;
        if (!(DETERMINER.test(s.norm(j)) || s.tokens[j]!.tags.has('Adjective') || s.tokens[j]!.tags.has('Noun')) || s.breaksAfter(j)) break;
      }
      return undefined;
    }
    if (s.breaksAfter(k) || !(s.tokens[k]!.tags.has('Adverb') || s.tokens[k]!.tags.has('Value') || s.tokens[k]!.tags.has('Noun') || s.tokens[k]!.tags.has('Adjective'))) return undefined;
  }
  return undefined;
}

/** A trigger in the words of a trade (lexicons/events.yaml jargon): "US films shot in the UK", "location shooting in
 *  Las Vegas". Not when someone able to fight takes part ("gunmen shot at the film crew"). */
function isJargon(s: SentenceView, e: EventFinding, ctx: EventsContext): boolean {
  const words = ctx.vocabulary.jargon.get(e.pattern.entry.words.split(' ')[0]!);
  if (!words || [...e.source, ...e.target].some((f) => ableToFight(f, ctx))) return false;
  return s.tokens.some((_, k) => words.has(s.norm(k)));
}

/** Who the parties are decides some acts (lexicons/events.yaml, protesters and aerial): an assembly verb reports a
 *  demonstration only with protesters as its subject; aircraft that fight employ aerial weapons (195); protesters who
 *  use violence riot (145); police or troops who use force on protesters repress them (175). False when the event is not
 *  one. */
function byParties(e: EventFinding, vocabulary: EventVocabulary): boolean {
  const protesters = (list: Finding[]): boolean => list.some((f) => vocabulary.isProtester(f));
  const security = e.source.some((f) => f.ref.list === 'actors' && /^(?:[A-Z]{3})*?(COP|MIL)/.test(f.ref.code ?? '') && !vocabulary.isProtester(f));
  if (e.pattern.assembly) return protesters(e.source);
  // Warplanes, drones or helicopters that attack employ aerial weapons (195), whatever verb says it.
  if (e.code.startsWith('19') && e.code !== '195' && e.source.some((f) => vocabulary.isAerial(f))) {
    e.code = '195';
    e.reason += '+aerial';
  }
  if (/^(18|19|20)/.test(e.code) && security && protesters(e.target)) {
    e.code = '175';
    e.reason += '+force-on-protesters';
  } else if (/^(18|19)/.test(e.code) && protesters(e.source) && !security) {
    e.code = '145';
    e.reason += '+protesters-fight';
  }
  return true;
}

/** Whether an event found in a sentence is one the news reports (lexicons/events.yaml says more of each rule):
 *  - it has a participant, or at least a place ("A car bomb exploded in Kabul"), unless it names a lasting state
 *    (a war or a conflict needs its parties: "the war in Iraq" is a reference, not a report);
 *  - its subject is someone: what a flood or a disease kills is a disaster, not an event;
 *  - an act of material conflict (roots 18–20) involves someone able to fight: a country (not in a sports report,
 *    where countries and towns are teams), an actor with a code (an office, an armed group, police, "gunmen"), or,
 *    for harm done to people (lexicons/events.yaml harm_verbs: killing, wounding …), a person or group as target. A sportsman who "battled to second"
 *    or a band that "shot to fame" is none of these. */
function reportsEvent(e: EventFinding, ctx: EventsContext): boolean {
  const parties = [...e.source, ...e.target];
  if (e.noAgent) return false;
  // (A protest is a crowd's: one held somewhere in its clause is news, "demonstrations … are being held throughout
  // Bangladesh".)
  const located = e.placeNear || (e.place !== null && e.code.startsWith('14'));
  if (parties.length === 0 && (!located || ctx.vocabulary.isState(e.pattern))) return false;
  const code = e.code;
  // Below protest (roots 01–13), an exchange between unnamed people of no political sector ("the company offers
  // support to its customers") is business, not an event between actors.
  if (!/^(1[4-9]|20)/.test(code) && parties.length > 0 && parties.every((f) => unnamedCivilian(f))) return false;
  // Everyone travels; a visit is a diplomatic act: it needs a country or an actor with a code.
  if (ctx.vocabulary.movesTo(e.pattern) && !parties.some((f) => f.ref.list === 'actors' && f.ref.code !== null)) return false;
  if (!/^(18|19|20)/.test(code)) return true;
  if (parties.some((f) => ableToFight(f, ctx))) return true;
  // In a sports report a player who is "injured" or "kicked" has been in a game, not an attack.
  if (ctx.sports) return false;
  if (e.force) return true;
  return parties.length === 0 && !e.unnamedAgent;
}

/** Sectors that bear arms or command those who do: government, armed forces, police, intelligence, rebels,
 *  insurgents, unnamed armed men, separatists, militant and criminal groups. "Women", "people", "athletes", and
 *  lawmakers, judges, campaigners or parties, who attack with words, are no one's fighters. */
const FIGHTING_SECTORS = new Set(['GOV', 'MIL', 'COP', 'SPY', 'REB', 'INS', 'UAF', 'SEP', 'IMG', 'CRM']);

function ableToFight(f: Finding, ctx: EventsContext): boolean {
  if (f.ref.list !== 'actors') return false;
  // A crowd in protest that fights riots (145, see byParties).
  if (ctx.vocabulary.isProtester(f)) return true;
  if (f.ref.type === 'country') return !ctx.sports;
  const code = f.ref.code;
  if (!code) return false;
  // International bodies and militant groups act as states do; otherwise a sector of the code decides: the agent's
  // own ("UAF" for gunmen no one names) or those after its country's ("SYRREB", "AFGGOVMIL").
  if (/^(IGO|IMG)/.test(code)) return true;
  const groups = code.match(/[A-Z]{3}/g) ?? [];
  return (groups.length === 1 ? groups : groups.slice(1)).some((g) => FIGHTING_SECTORS.has(g));
}

/** An agent noun with no country and a sector that holds no power: "customers" (CVL), "the company" (BUS). */
function unnamedCivilian(f: Finding): boolean {
  const code = f.ref.list === 'actors' ? f.ref.code : null;
  return f.ref.key.startsWith('agent') && code !== null && code.length === 3 && !FIGHTING_SECTORS.has(code);
}

/** A reciprocal event one way per direction, sharing its trigger: A met B → A→B and B→A; "A and B signed" → A→B and
 *  B→A. Compounds of more than four stay one event, as a list of twenty directed pairs says no more than it. */
function eachWay(e: EventFinding, vocabulary: EventVocabulary): EventFinding[] {
  const reason = `${e.reason}+reciprocal`;
  const symmetric = vocabulary.isReciprocal(e.pattern);
  if (e.target.length === 0 && e.source.length >= 2 && e.source.length <= 4 && (symmetric || vocabulary.isJoint(e.pattern))) {
    return e.source.flatMap((a) => e.source.filter((b) => b !== a).map((b) => ({ ...e, source: [a], target: [b], reason })));
  }
  if (symmetric && e.target.length > 0 && e.source.length > 0) return [e, { ...e, source: e.target, target: e.source, reason }];
  return [e];
}

// --- triggers --------------------------------------------------------------------------------------------------

function matchTriggers(s: SentenceView, vocabulary: EventVocabulary): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    const best = bestMatch(s, i, vocabulary);
    if (best) {
      if (!isFigure(s, best, vocabulary)) out.push(best);
      i = best.to - 1;
    }
  }
  return out;
}

/** A trigger that is part of a name, a figure of speech or a description reports no event:
 *  - written with a capital inside a sentence that is not a headline: a title or a name ("Star Wars", "Massive
 *    Attack", "the Cold War", "Stop Murder Music");
 *  - the first word of a figure of speech ("shot to fame", "battled it out", "stormed to victory");
 *  - a noun after a modifier that makes it one ("his legal battles", "a bidding war", "an epic battle");
 *  - a verb or noun whose object makes it one ("fought cancer", "battled the blaze", "the fight against doping");
 *  - a past participle used as an adjective ("the collection of murdered designer Gianni Versace"): it describes
 *    someone, it does not report an act. */
function isFigure(s: SentenceView, c: Candidate, vocabulary: EventVocabulary): boolean {
  // Part of an actor's name or agent noun: "Indian attack helicopters", "the Strike Force".
  for (let k = c.from; k < c.to; k++) if (s.actorAt[k]) return true;
  if (!s.caseless) {
    for (let k = c.from; k < c.to; k++) if (/^\p{Lu}/u.test(s.tokens[k]!.text) && !startsClause(s, k)) return true;
  }
  if (matchPhrase(s, c.from, vocabulary.figurative)) return true;
  if (c.kind === 'noun') {
    for (let k = c.from - 1; k >= 0 && k >= c.from - 3 && !s.breaksAfter(k); k--) {
      if (vocabulary.figurativeModifiers.has(s.norm(k)) || vocabulary.figurativeModifiers.has(s.joined(k)?.form ?? '')) return true;
      if (!(s.tokens[k]!.tags.has('Adjective') || s.tokens[k]!.tags.has('Noun') || s.tokens[k]!.tags.has('Value'))) break;
    }
  }
  // (A trigger that names its object, "exchange fire", has said what the object is.)
  const object = c.pattern.object.size > 0 ? null : c.kind === 'verb' ? patientOf(s, c.from, c.to) : objectHead(s, c.to, true);
  if (object !== null && vocabulary.figurativeObjects.has(s.norm(object))) return true;
  if (c.kind === 'verb' && isAttributive(s, c.from)) return true;
  // A participle after a noun describes it: "militants backed by Ankara", "a base hosting US troops". Words, not
  // force: an attack "launched by militants" is still an attack.
  if (c.kind === 'verb' && !/^(1[4-9]|20)/.test(c.pattern.entry.code) && isReducedRelative(s, c.from)) return true;
  return false;
}

/** A participle right after a noun, with no auxiliary: "militants backed by Ankara", "a base hosting troops". */
function isReducedRelative(s: SentenceView, k: number): boolean {
  const t = s.tokens[k]!;
  const prev = s.tokens[k - 1];
  if (!prev || s.breaksAfter(k - 1) || !(prev.tags.has('Noun') || s.actorAt[k - 1])) return false;
  if (t.tags.has('Gerund')) return !s.actorAt[k - 1] || s.actorAt[k - 1]!.ref.list !== 'actors';
  return (t.tags.has('PastTense') || t.tags.has('Participle')) && s.norm(k + 1) === 'by';
}

/** The first word of a clause: a capital there says nothing. */
function startsClause(s: SentenceView, k: number): boolean {
  if (k === 0) return true;
  return /[:"“‘(—–]\s*$|\s-\s*$/.test(s.tokens[k - 1]!.post) || /["“‘(]/.test(s.tokens[k]!.pre);
}

/** The head noun of what follows a trigger: its direct object ("fought cancer"), or for a noun the object of
 *  against/with/over/on ("the fight against doping"). Null when a clause break or a verb comes first. */
function objectHead(s: SentenceView, from: number, noun: boolean): number | null {
  let k = from;
  if (noun) {
    if (!/^(against|with|over|on)$/.test(s.norm(k)) || s.breaksAfter(k - 1)) return null;
    k++;
  }
  for (; k < s.tokens.length && k < from + 5; k++) {
    const t = s.tokens[k]!;
    if (s.actorAt[k] || s.placeAt[k]) return null;
    if (t.tags.has('Noun') && !t.tags.has('Pronoun') && !(s.tokens[k + 1]?.tags.has('Noun') && !s.breaksAfter(k))) return k;
    if (!(DETERMINER.test(s.norm(k)) || t.tags.has('Adjective') || t.tags.has('Possessive') || /^(his|her|its|their|our|my|your)$/.test(s.norm(k)))) return null;
    if (s.breaksAfter(k)) return null;
  }
  return null;
}

/** The head noun of what a verb acts on: its object, or the subject of a passive ("the film was shot in Cape Town"),
 *  or the noun a participle follows ("films shot in the UK"). */
function patientOf(s: SentenceView, from: number, to: number): number | null {
  const t = s.tokens[from]!;
  if ((t.tags.has('PastTense') || t.tags.has('Participle')) && !t.tags.has('Gerund')) {
    const group = verbGroup(s, from);
    const before = s.tokens[group.subjectEnd];
    const reduced = group.start === from && before?.tags.has('Noun') && !s.breaksAfter(group.subjectEnd);
    if ((isPassive(s, from, group.start) || reduced) && before && !s.actorAt[group.subjectEnd]) return group.subjectEnd;
  }
  return objectHead(s, to, false);
}

/** A past participle before a noun phrase, after a determiner, a preposition or nothing: "murdered fashion designer
 *  Gianni Versace", "the wounded soldiers". */
function isAttributive(s: SentenceView, k: number): boolean {
  const t = s.tokens[k]!;
  if (t.tags.has('Gerund') || !(t.tags.has('PastTense') || t.tags.has('Participle')) || s.breaksAfter(k)) return false;
  const next = s.tokens[k + 1];
  if (!next || !(next.tags.has('Noun') || next.tags.has('Adjective')) || next.tags.has('Pronoun') || next.tags.has('Date') || next.tags.has('Value')) return false;
  if (k === 0 || startsClause(s, k)) return true;
  const prev = s.tokens[k - 1]!;
  // … or after a main verb, where it cannot be one: "to screen murdered film-maker Theo van Gogh's film".
  const mainVerb = !s.actorAt[k - 1] && ((prev.tags.has('Verb') && !prev.tags.has('Auxiliary') && !prev.tags.has('Copula') && !prev.tags.has('Modal') && !prev.tags.has('Negative')) || s.norm(k - 2) === 'to');
  return DETERMINER.test(s.norm(k - 1)) || prev.tags.has('Preposition') || prev.tags.has('Possessive') || mainVerb;
}

function bestMatch(s: SentenceView, i: number, vocabulary: EventVocabulary): Candidate | null {
  const forms = [s.norm(i), s.joined(i)?.form].filter((f): f is string => f !== undefined);
  let best: Candidate | null = null;
  const better = (c: Candidate): boolean => {
    if (!best) return true;
    const constrained = (p: Pattern): number => (p.object.size > 0 || p.after.size > 0 ? 1 : 0);
    // The user's words first, then the longest match, then the hand-kept table over the generated CAMEO 2.0 verbs
    // (whose object lists, spread over whole synonym blocks, are noisier), then an object constraint over none.
    const user = (p: Pattern): number => (p.origin === 'config' ? 1 : 0);
    return (
      user(c.pattern) - user(best.pattern) ||
      c.to - c.from - (best.to - best.from) ||
      ORIGIN_RANK[c.pattern.origin] - ORIGIN_RANK[best.pattern.origin] ||
      constrained(c.pattern) - constrained(best.pattern)
    ) > 0;
  };
  const verbs = forms.map((form) => vocabulary.verbs.get(form)).filter((list) => list !== undefined);
  // A light verb of several words ("carried out", "took part in") carries the event noun after it; it reports
  // nothing itself, whatever a shorter pattern of its first word says.
  const light = verbs.length > 0 ? matchPhrase(s, i, vocabulary.light) : null;
  if (verbs.length > 0 && isVerbish(s, i) && !(light && light.to - i > 1)) {
    // The words that may head the object after each end of a match, read once: a common verb has hundreds of
    // object patterns.
    const windows = new Map<number, string[]>();
    const window = (to: number): string[] => {
      let words = windows.get(to);
      if (!words) windows.set(to, (words = objectWindow(s, to)));
      return words;
    };
    // A one-word pattern ends after the verb or after its joined form ("set up"): only the patterns whose object
    // words occur after one of those ends can match, and the index lists them in the order they were read.
    const joined = s.joined(i);
    const objectWords = joined ? [...window(i + 1), ...window(joined.next)] : window(i + 1);
    for (const p of verbs.flatMap((patterns) => verbIndex(patterns).candidates(patterns, objectWords))) {
      const to = matchWords(s, i, p);
      if (to < 0) continue;
      if (p.object.size > 0 && !window(to).some((w) => p.object.has(w))) continue;
      const c: Candidate = { pattern: p, from: i, to, kind: 'verb' };
      if (better(c)) best = c;
    }
  }
  if (best) return best;
  for (const p of forms.flatMap((form) => vocabulary.nouns.get(form) ?? [])) {
    const to = matchWords(s, i, p);
    if (to < 0 || !isNounish(s, to - 1)) continue;
    let from = i;
    if (p.after.size > 0) {
      if (i === 0 || !p.after.has(s.norm(i - 1)) || s.breaksAfter(i - 1)) continue;
      from = i - 1;
    }
    // "a meeting room", "the visit page", "attack helicopters": the noun modifies another noun.
    const next = s.tokens[to];
    if (next && !s.breaksAfter(to - 1) && next.tags.has('Noun') && !next.tags.has('Pronoun') && !next.tags.has('Date') && !next.tags.has('Value') && !/['’]s$/.test(s.tokens[to - 1]!.text) && !s.actorAt[to] && !s.placeAt[to]) continue;
    const c: Candidate = { pattern: p, from, to, kind: 'noun' };
    if (better(c)) best = c;
  }
  return best;
}

/** The verb patterns filed under one form, grouped by their object list: those of several words or with no object
 *  are always tried; the one-word patterns of a list only when a sentence holds one of its words. CAMEO 2.0 repeats
 *  one list over a whole synonym block, so a verb with hundreds of patterns has a few dozen lists. */
class VerbIndex {
  private readonly open: number[] = [];
  private readonly byList = new Map<ReadonlySet<string>, number[]>();

  constructor(patterns: readonly Pattern[]) {
    patterns.forEach((p, k) => {
      if (p.object.size === 0 || p.words.length > 1) this.open.push(k);
      else {
        const list = this.byList.get(p.object);
        if (list) list.push(k);
        else this.byList.set(p.object, [k]);
      }
    });
  }

  /** The patterns that may match before these object words, in the order of the list. */
  candidates(patterns: readonly Pattern[], objectWords: readonly string[]): Pattern[] {
    let picked: number[] = this.open;
    for (const [objects, ks] of this.byList) {
      if (objectWords.some((w) => objects.has(w))) picked = [...picked, ...ks];
    }
    if (picked !== this.open) picked = picked.sort((a, b) => a - b);
    return picked.map((k) => patterns[k]!);
  }
}

/** One index per list of patterns, made when a sentence first holds its verb (a common verb has hundreds). */
const verbIndexes = new WeakMap<readonly Pattern[], VerbIndex>();

function verbIndex(patterns: readonly Pattern[]): VerbIndex {
  let index = verbIndexes.get(patterns);
  if (!index) verbIndexes.set(patterns, (index = new VerbIndex(patterns)));
  return index;
}

function matchWords(s: SentenceView, i: number, p: Pattern): number {
  let k = i;
  for (const forms of p.words) {
    if (k >= s.tokens.length || (k > i && s.breaksAfter(k - 1))) return -1;
    const joined = s.joined(k);
    if (joined && forms.has(joined.form)) k = joined.next;
    else if (forms.has(s.norm(k))) k++;
    else return -1;
  }
  return k;
}

/** The words in which an object constraint looks for its noun: up to six after the verb, to the clause's end. */
function objectWindow(s: SentenceView, from: number): string[] {
  const out: string[] = [];
  for (let k = from; k < Math.min(s.tokens.length, from + 6); k++) {
    out.push(s.norm(k));
    // A comma between two adjectives stays inside the object: "restore complete, full diplomatic ties".
    const listed = s.tokens[k]!.tags.has('Adjective') && /^,\s*$/.test(s.tokens[k]!.post) && s.tokens[k + 1]?.tags.has('Adjective');
    if ((s.breaksAfter(k) && !listed) || SUBORDINATOR.test(s.norm(k))) break;
  }
  return out;
}

// --- verb events -----------------------------------------------------------------------------------------------

function verbEvent(s: SentenceView, verb: Candidate, nounEvents: Map<number, EventFinding>, ctx: EventsContext, derived: Derived): EventFinding {
  const group = verbGroup(s, verb.from);
  // "was shot and stabbed": a participle coordinated with a passive is passive too.
  const afterAnd = s.norm(group.subjectEnd) === 'and' ? previousVerb(s, group.subjectEnd) : null;
  const passive = isPassive(s, verb.from, group.start) || (afterAnd !== null && s.tokens[verb.from]!.tags.has('PastTense') && isPassive(s, afterAnd, verbGroup(s, afterAnd).start));
  const subject = subjectOf(s, group.subjectEnd, nounEvents, derived);
  const object = complementOf(s, verb.to, passive ? 'by' : 'object', derived, ctx.vocabulary.movesTo(verb.pattern), nounEvents);
  // "The government condemned the attack and promised aid": the second verb shares the first one's subject; so does a
  // participle after a comma ("Gunmen opened fire on the market, killing three").
  const participle = s.tokens[verb.from]!.tags.has('Gerund') && group.start === verb.from && s.breaksAfter(verb.from - 1);
  if (participle) {
    // The participle's subject is the main clause's, not the noun before its comma ("… positions of terrorist
    // groups, killing several of them"): the subject of the sentence's first verb that has one.
    for (const v of finiteVerbsBefore(s, verb.from)) {
      const main = subjectOf(s, verbGroup(s, v).subjectEnd, nounEvents, derived);
      if (main.actors.length > 0) {
        Object.assign(subject, main, { how: 'main-clause' });
        break;
      }
    }
  } else if (subject.actors.length === 0 && /^(and|but|then)$/.test(s.norm(group.subjectEnd))) {
    const first = previousVerb(s, group.subjectEnd);
    if (first !== null) Object.assign(subject, subjectOf(s, verbGroup(s, first).subjectEnd, nounEvents, derived), { how: 'shared' });
  }
  let source: Finding[];
  let target: Finding[];
  let reason: string;
  // A flood or a disease that kills is no one: "A tsunami killed 222 people", "… were killed by the earthquake".
  const agentWord = passive ? headAfter(s, verb.to, /^by$/) : subject.actors.length === 0 ? group.subjectEnd : -1;
  const cause = headAfter(s, verb.to, /^(in|during|after)$/);
  // … and harm done to people by no one named, in a sentence about an earthquake or a flood, is the disaster's:
  // "555 people were killed after a strong earthquake rocked the island".
  const disaster = (who: Finding[]): boolean => ctx.vocabulary.harms(verb.pattern) && who.length === 0 && s.tokens.some((t, k) => t.tags.has('Noun') && ctx.vocabulary.nonAgents.has(s.norm(k)));
  const noAgent = disaster(passive ? object.actors : subject.actors) || [agentWord, cause].some((k) => k >= 0 && ctx.vocabulary.nonAgents.has(s.norm(k)));
  if (passive) {
    source = object.actors;
    target = subject.actors;
    reason = 'verb:passive';
  } else {
    source = subject.actors;
    target = object.actors;
    reason = `verb:subject-${subject.how}+${object.how}`;
    // "condemned an attack by Indian soldiers", "condemned Pakistan's airstrikes": the target is the attack's author.
    if (target.length === 0 && object.event) {
      target = object.event.source.length > 0 ? object.event.source : object.event.target;
      reason += '+event-author';
    }
  }
  const event = eventAt(s, verb, source, target, modalityOf(s, verb.from, group), reason, derived, ctx);
  if (noAgent) event.noAgent = true;
  // "has been attacked by critics in the US": someone did it, only not someone annotate knows; a place alone does not
  // make such an event news.
  if (passive && source.length === 0 && agentWord >= 0 && !object.event) event.unnamedAgent = true;
  return event;
}

/** The head noun of a phrase of the preposition `prep` right after a verb: a passive's by-phrase ("killed by the
 *  earthquake" → earthquake), or what a death happened in ("killed in a road accident"). -1 when there is none. */
function headAfter(s: SentenceView, from: number, prep: RegExp): number {
  for (let k = from; k < s.tokens.length && k < from + 4; k++) {
    if (!prep.test(s.norm(k))) continue;
    let j = k + 1;
    while (j < s.tokens.length && (DETERMINER.test(s.norm(j)) || s.tokens[j]!.tags.has('Adjective')) && !s.breaksAfter(j)) j++;
    while (j + 1 < s.tokens.length && s.tokens[j + 1]!.tags.has('Noun') && !s.breaksAfter(j)) j++;
    return j < s.tokens.length ? j : -1;
  }
  return -1;
}

/** The finite main verbs before token `before`, first to last. */
function finiteVerbsBefore(s: SentenceView, before: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < before; k++) {
    const t = s.tokens[k]!;
    if (t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Copula') && !t.tags.has('Modal') && !t.tags.has('Gerund') && !t.tags.has('Participle') && isVerbish(s, k)) out.push(k);
  }
  return out;
}

interface Participants {
  actors: Finding[];
  how: string;
  /** The argument is an event noun ("an attack by …"): its participants can stand in for the argument's. */
  event?: EventFinding;
}

/** The subject: the mention (or coordinated mentions) nearest before the verb group, skipping a time phrase ("India on
 *  Thursday signed") or a parenthetical between commas ("Iran's foreign minister, in a speech on Monday, urged"). */
function subjectOf(s: SentenceView, end: number, nounEvents: Map<number, EventFinding>, derived?: Derived): Participants {
  let k = end;
  for (let guard = 0; guard < 3 && k >= 0; guard++) {
    // A parenthetical: ", in a speech on Monday," or ", it appears,", however long ("in remarks published on Monday").
    if (k >= 0 && /,\s*$/.test(s.tokens[k]!.post)) {
      let c = k - 1;
      while (c >= 0 && !/,\s*$/.test(s.tokens[c]!.post) && !SUBORDINATOR.test(s.norm(c))) c--;
      const opener = s.tokens[c + 1];
      // … or an apposition: "Drew Barrymore, the actress, drew praise".
      if (c >= 0 && opener && (opener.tags.has('Preposition') || opener.tags.has('Pronoun') || opener.tags.has('Adverb') || opener.tags.has('Determiner'))) {
        k = c;
        continue;
      }
    }
    // A time phrase or adverb between subject and verb.
    let j = k;
    while (j >= 0 && (s.tokens[j]!.tags.has('Date') || s.tokens[j]!.tags.has('Value') || s.tokens[j]!.tags.has('Adverb'))) j--;
    if (j < k && j >= 0 && /^(on|in|at|during|last|this|earlier|late)$/.test(s.norm(j))) {
      k = j - 1;
      continue;
    }
    break;
  }
  if (k < 0) return { actors: [], how: 'none' };
  if (/^(which|that|who)$/.test(s.norm(k))) {
    // A relative clause: its subject is what the relative pronoun stands for ("airstrikes …, which drew …").
    const antecedent = k - 1;
    // The event may stand a phrase back: "Pakistan's airstrikes in the Kashmir region, which drew …".
    for (let j = antecedent; j >= 0 && j >= antecedent - 6; j--) {
      const event = nounEvents.get(j);
      if (event) return { actors: event.source, how: 'relative-event', event };
      if (s.breaksAfter(j - 1) || SUBORDINATOR.test(s.norm(j))) break;
    }
    const actors = collect(s, antecedent, -1);
    return { actors, how: actors.length > 0 ? 'relative' : 'none' };
  }
  const event = nounEvents.get(k);
  if (event) return { actors: event.source, how: 'event', event };
  // "The ministry said it condemned …", "Ethiopia indicated it deplored Libya": a pronoun subject of a clause stands
  // for the subject of the clause it depends on.
  if (/^(it|they|he|she|we)$/.test(s.norm(k)) && s.tokens[k]!.tags.has('Pronoun')) {
    const governing = previousVerb(s, k);
    if (governing !== null && governing < k) {
      const outer = subjectOf(s, verbGroup(s, governing).subjectEnd, nounEvents, derived);
      if (outer.actors.length > 0) return { ...outer, how: 'pronoun' };
    }
    return { actors: [], how: 'none' };
  }
  // The head of the subject may come after its mention: "Soldiers from India", "the Pakistan main opposition party".
  let h = k;
  while (h >= 0 && !s.actorAt[h] && !s.placeAt[h] && isNounPhraseWord(s, h) && k - h < 5) h--;
  // A place in a locative phrase says where, never who: "A car bomb exploded in Kabul, killing ten". The subject may
  // stand before it: "Security forces in Siverskiy's regional state have killed …".
  if (h >= 0 && !s.actorAt[h] && s.placeAt[h] && afterLocative(s, h)) {
    let j = h;
    while (j > 0 && s.placeAt[j - 1] === s.placeAt[h]) j--;
    j--;
    while (j >= 0 && (DETERMINER.test(s.norm(j)) || s.tokens[j]!.tags.has('Adjective'))) j--;
    const head = j - 1;
    if (head >= 0 && s.actorAt[head] && !s.breaksAfter(head)) return { actors: collect(s, head, -1), how: 'before-place' };
    return { actors: [], how: 'none' };
  }
  // "The Congolese military forces (FARDC) clashed": an acronym in brackets names the actor before it.
  if (h > 0 && s.actorAt[h] && /\(/.test(s.tokens[h]!.pre) && s.actorAt[h - 1] && s.actorAt[h - 1] !== s.actorAt[h]) {
    return { actors: collect(s, h - 1, -1), how: 'before-brackets' };
  }
  // "Lawmakers in India and Nepal welcomed …": a country named inside the subject phrase stands for its people.
  const actors = collect(s, h, -1, derived, true);
  return { actors, how: actors.length > 0 ? 'nearest' : 'none' };
}

/** What follows the trigger in its clause: the direct object, or the object of a target preposition ("met with Iran",
 *  "fired shells at Seoul"), or for a passive the "by" phrase. Other phrases are skipped up to the clause's end. */
/** (Visits and arrivals, `moves`, take their destination as target: "arrived in India", "a visit to Tehran"; a meeting
 *  in Doha is not a meeting with Qatar.) */
function complementOf(s: SentenceView, from: number, want: 'object' | 'by', derived: Derived, moves: boolean, nounEvents: Map<number, EventFinding>): Participants {
  let k = from;
  let prep: string | null = null;
  let objectNoun = false;
  // "welcomed memos from Bree", "condemned the statement by Iran": the author of what the verb acts on, the target
  // when nothing else is.
  let author: Participants | null = null;
  while (k < s.tokens.length) {
    const n = s.norm(k);
    const t = s.tokens[k]!;
    const event = nounEvents.get(k);
    // The object is an event ("condemned an attack by Indian soldiers"): the caller reads its participants.
    if (event && prep === null && want === 'object') return { actors: [], how: 'event-object', event };
    if (want === 'by' ? n === 'by' || n === 'from' : TARGET_PREP.test(n)) {
      prep = n;
    } else if (s.actorAt[k] || s.placeAt[k]) {
      const usable = want === 'by' ? prep === 'by' || prep === 'from' : prep === null || TARGET_PREP.test(prep) || (prep !== null && LOCATIVE_PREP.test(prep) && moves);
      if (usable) {
        const actors = collect(s, k, 1, derived, true);
        if (actors.length > 0) return { actors, how: prep ? `prep-${prep}` : 'object' };
      }
      if (want === 'object' && objectNoun && !author && (prep === 'from' || prep === 'by') && s.actorAt[k]) {
        const actors = collect(s, k, 1, derived);
        if (actors.length > 0) author = { actors, how: `author-${prep}` };
      }
      // A location or another phrase: skip it.
      while (k + 1 < s.tokens.length && s.actorAt[k] && s.actorAt[k + 1] === s.actorAt[k]) k++;
    } else if (t.tags.has('Preposition')) {
      prep = n;
    } else if (SUBORDINATOR.test(n) && !(n === 'that' && t.tags.has('Determiner')) && k > from) {
      break;
    } else if (t.tags.has('Verb') && !t.tags.has('Gerund') && !t.tags.has('Participle') && !t.tags.has('Auxiliary') && k > from + 1 && !t.tags.has('Noun')) {
      break;
    }
    if (t.tags.has('Noun') && !t.tags.has('Pronoun') && !s.actorAt[k] && !s.placeAt[k]) objectNoun = true;
    if (s.breaksAfter(k, true) && !(s.actorAt[k + 1] || s.placeAt[k + 1])) break;
    k++;
  }
  return author ?? { actors: [], how: 'none' };
}


// --- noun events -----------------------------------------------------------------------------------------------

function nounEvent(
  s: SentenceView,
  noun: Candidate,
  governor: number | null,
  governorIsEvent: boolean,
  ctx: EventsContext,
  derived: Derived,
  nounEvents: Map<number, EventFinding>,
): EventFinding {
  const code = noun.pattern.entry.code;
  const verbal = /^(0[1235]|1[0-3])/.test(code);
  let source: Finding[] = [];
  let target: Finding[] = [];
  const how: string[] = [];
  // Before the noun: a possessor or a demonym ("Pakistan's airstrikes", "Pakistani airstrikes"). A lasting state is
  // named by its place: in "the Iraq war" or "the Rwandan genocide" the name says where, not who.
  let k = noun.from - 1;
  while (k >= 0 && !s.actorAt[k] && (s.tokens[k]!.tags.has('Adjective') || s.tokens[k]!.tags.has('Value') || DETERMINER.test(s.norm(k))) && !s.breaksAfter(k)) k--;
  const namesState = ctx.vocabulary.isState(noun.pattern) && k >= 0 && !/['’]s$/i.test(s.tokens[k]!.text);
  if (k >= 0 && s.actorAt[k] && !s.breaksAfter(k) && !namesState) {
    source = collect(s, k, -1);
    how.push('possessor');
  }
  // After the noun: "by X"/"from X" is the author, "with/against/on/to X" the target, "between A and B" both.
  let j = noun.to;
  const limit = Math.min(s.tokens.length, noun.to + 12);
  while (j < limit) {
    const n = s.norm(j);
    if (s.breaksAfter(j - 1, false) || (s.breaksAfter(j - 1) && !(j > noun.to && (s.actorAt[j] || s.placeAt[j])))) break;
    if (SUBORDINATOR.test(n) && !(n === 'that' && s.tokens[j]!.tags.has('Determiner'))) break;
    if (s.tokens[j]!.tags.has('Verb') && !s.tokens[j]!.tags.has('Noun') && !s.tokens[j]!.tags.has('Gerund') && !s.tokens[j]!.tags.has('Participle')) break;
    const next = firstMentionAfter(s, j + 1, limit);
    if (next !== null && (n === 'by' || n === 'involving' || (n === 'from' && verbal)) && source.length === 0) {
      source = collect(s, next, 1, derived, n === 'from');
      how.push(n);
      j = next + 1;
      continue;
    }
    if (next !== null && n === 'between' && target.length === 0) {
      const both = collect(s, next, 1, derived, true);
      if (both.length >= 2 && source.length === 0) {
        source = both.slice(0, 1);
        target = both.slice(1);
      } else target = both;
      how.push('between');
      j = next + 1;
      continue;
    }
    if (next !== null && (TARGET_PREP.test(n) || (LOCATIVE_PREP.test(n) && ctx.vocabulary.movesTo(noun.pattern) && n !== 'in')) && target.length === 0 && n !== 'between') {
      target = collect(s, next, 1, derived, true);
      how.push(`prep-${n}`);
      j = next + 1;
      continue;
    }
    j++;
  }
  let modalityFrom = noun.from;
  let group: VerbGroup = { start: noun.from, subjectEnd: noun.from - 1, cues: [] };
  if (governor !== null) {
    const form = s.norm(governor);
    group = verbGroup(s, governor);
    modalityFrom = governor;
    if (ctx.vocabulary.receive.has(form)) {
      // "drew condemnation from India": the subject of "drew" is what the reaction is about.
      const subject = subjectOf(s, group.subjectEnd, nounEvents, derived);
      if (subject.actors.length > 0) target = subject.actors;
      how.push('receive-verb');
    } else if (ctx.vocabulary.light.has(form) || (source.length === 0 && !governorIsEvent)) {
      // "Pakistan carried out airstrikes", "Islamabad and Doha … finalize a memorandum": the verb's subject acts.
      if (source.length === 0 && !isPassive(s, governor, group.start)) {
        source = subjectOf(s, group.subjectEnd, nounEvents, derived).actors;
        how.push(ctx.vocabulary.light.has(form) ? 'light-verb' : 'governing-verb');
      }
    }
  }
  if (governor === null && source.length === 0 && /^0[1-8]/.test(code) && inTakingPhrase(s, noun.from)) {
    // "Pakistan has broached Kashmir during a meeting with Iran": a meeting or talks in a phrase of the clause are
    // held by its subject. (Not "in the aftermath of the airstrikes": only cooperation is shared that way.)
    const verb = clauseVerbBefore(s, noun.from);
    if (verb !== null) {
      const clause = verbGroup(s, verb);
      if (!isPassive(s, verb, clause.start)) {
        source = subjectOf(s, clause.subjectEnd, nounEvents, derived).actors;
        if (source.length > 0) how.push('clause-subject');
      }
    }
  }
  return eventAt(s, noun, source, target, modalityOf(s, modalityFrom, group, noun), `noun:${how.join('+') || 'none'}`, derived, ctx);
}

/** The event of a trigger, with each participant once and no actor both source and target. An agent candidate
 *  that takes part becomes an actor here, given the country of the event's place where its sector allows. */
function eventAt(s: SentenceView, c: Candidate, source: Finding[], target: Finding[], modality: Modality, reason: string, derived: Derived, ctx: EventsContext): EventFinding {
  let place = placeOf(s, c.from, c.to);
  const realize = (f: Finding): Finding => (f.strength === 'pending' ? realizeAgent(f, place, derived) : f);
  const sources = unique(source.map(realize));
  const targets = unique(target.map(realize)).filter((t) => !sources.includes(t));
  // A visit takes place where it goes: "visited Tehran" has Iran as its target and Tehran as its place.
  if (place === null && ctx.vocabulary.movesTo(c.pattern)) place = [...derived.byPlace].find(([, actor]) => targets.includes(actor))?.[0] ?? null;
  const at = place ? s.tokens.findIndex((t) => t.start >= place!.start) : -1;
  return {
    pattern: c.pattern,
    code: c.pattern.entry.code,
    start: s.tokens[c.from]!.start,
    end: s.tokens[c.to - 1]!.end,
    sentence: s.tokens[0]!.sentence,
    source: sources,
    target: targets,
    place,
    date: undated,
    modality,
    reason,
    placeNear: at >= 0 && (at >= c.to ? at - c.to <= 4 : c.from - at <= 4),
    ...yearOf(s, c.from, c.to),
    force: hitsPeople(ctx.vocabulary, c.pattern, targets) || hitsThing(s, c, ctx.vocabulary),
  };
}

/** Harm done to people who are its target: "six people were killed", "gunmen shot a student". */
function hitsPeople(vocabulary: EventVocabulary, pattern: Pattern, targets: Finding[]): boolean {
  return vocabulary.harms(pattern) && targets.some((f) => f.ref.list === 'actors' && (f.ref.type === 'person' || f.ref.type === 'group'));
}

/** An attack on a thing: "attacked five temples", "an attack on a police station", "the hotel was stormed". */
function hitsThing(s: SentenceView, c: Candidate, vocabulary: EventVocabulary): boolean {
  const head = c.kind === 'verb' ? patientOf(s, c.from, c.to) : objectHead(s, c.to, true);
  return head !== null && vocabulary.physicalTargets.has(s.norm(head));
}

const YEAR = /^(1[89]|20)\d\d$/;
const MONTH = /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;

/** A year that dates the trigger: right before it ("the 1972 killings") or in a time phrase of its clause after it
 *  ("shot dead in 1996", "murdered in November 2004"). */
function yearOf(s: SentenceView, from: number, to: number): { year?: number; yearOnly?: boolean } {
  for (let k = from - 1; k >= 0 && k >= from - 4; k--) {
    if (YEAR.test(s.norm(k))) return { year: Number(s.norm(k)), yearOnly: true };
    // "the 11 September attacks": a noun named by a day of the calendar is a past event known by its date (not
    // "Tuesday's attack", which a weekday and a possessive date to the week of the report).
    if (MONTH.test(s.norm(k)) && (/^\d{1,2}$/.test(s.norm(k - 1)) || /^\d{1,2}$/.test(s.norm(k + 1))) && !/['’]s$/.test(s.tokens[k]!.text)) return { year: 0, yearOnly: true };
    if (s.breaksAfter(k) || !(s.tokens[k]!.tags.has('Adjective') || s.tokens[k]!.tags.has('Value') || s.tokens[k]!.tags.has('Noun') || DETERMINER.test(s.norm(k)))) break;
  }
  for (let k = to; k < s.tokens.length && k < to + 10; k++) {
    if (/^(in|since|during|of|on)$/.test(s.norm(k))) {
      let j = k + 1;
      while (j < s.tokens.length && (MONTH.test(s.norm(j)) || /^\d{1,2}$/.test(s.norm(j)) || s.norm(j) === 'the')) j++;
      if (YEAR.test(s.norm(j))) return { year: Number(s.norm(j)), yearOnly: j === k + 1 };
    }
    if (SUBORDINATOR.test(s.norm(k)) || s.breaksAfter(k, false)) break;
  }
  // A year that opens the clause sets it in time: "In 1969 his name became linked with the Manson murders".
  let k = from - 1;
  while (k > 0 && !s.breaksAfter(k - 1, false) && !SUBORDINATOR.test(s.norm(k))) k--;
  if (/^(in|since|during)$/.test(s.norm(k)) && YEAR.test(s.norm(k + 1))) return { year: Number(s.norm(k + 1)), yearOnly: true };
  return {};
}

/** The latest year an article names: its "now" when it has no date. Null when it names none. */
function latestYear(parsed: ParsedText): number | null {
  let latest: number | null = null;
  for (const sentence of parsed.sentences) for (const t of sentence) if (YEAR.test(t.normal)) latest = Math.max(latest ?? 0, Number(t.normal));
  return latest;
}

/** Sectors whose agents the place of an event says nothing about: armed forces and reporters often act abroad
 *  ("warplanes pounded Aleppo", "journalists wounded in Bamako"); police, protesters, teachers or villagers are local. */
const ABROAD_SECTORS = /^(MIL|MED)/;

/** The actor an agent candidate stands for in an event: coded by its sector, with the country of the event's place
 *  in front of it where there is one and the sector is local ("police" in an event in Lagos → NGACOP). */
function realizeAgent(f: Finding, place: Finding | null, derived: Derived): Finding {
  const sector = f.ref.list === 'actors' ? (f.ref.code ?? '') : '';
  const local = !ABROAD_SECTORS.test(sector) && !f.ref.key.startsWith('agent-abroad:');
  const country = place && place.ref.list === 'places' && place.ref.country && local ? place.ref.country : '';
  let byCountry = derived.agents.get(f);
  if (!byCountry) derived.agents.set(f, (byCountry = new Map()));
  // An event with no country of its own keeps what an earlier one gave the same words ("Police in Lagos detained
  // protesters who had taken to the streets": Nigerian protesters in both).
  const known = byCountry.get(country) ?? (country === '' ? byCountry.values().next().value : undefined);
  if (known) return known;
  const lemma = f.ref.key.split(':').slice(2).join(':');
  const code = country + sector;
  const made: Finding = {
    ...f,
    ref: { list: 'actors', type: f.ref.list === 'actors' ? f.ref.type : 'group', name: f.ref.name, code, key: `agent:${code}:${lemma}` },
    reason: country ? 'agent:place-country' : f.reason,
    strength: 'strong',
  };
  byCountry.set(country, made);
  derived.list.push(made);
  derived.agentMade.add(made);
  return made;
}

/** The noun heads a "during …", "at …", "in …" or "for …" phrase: "during a high-level meeting with Iran". */
function inTakingPhrase(s: SentenceView, n: number): boolean {
  let k = n - 1;
  while (k >= 0 && (DETERMINER.test(s.norm(k)) || s.tokens[k]!.tags.has('Adjective') || s.tokens[k]!.tags.has('Hyphenated'))) k--;
  return /^(during|at|in|for|through|via)$/.test(s.norm(k));
}

/** The main verb of the clause a noun phrase sits in, looking back to the clause's start. */
function clauseVerbBefore(s: SentenceView, n: number): number | null {
  for (let k = n - 1; k >= 0; k--) {
    const t = s.tokens[k]!;
    if (s.breaksAfter(k) || SUBORDINATOR.test(s.norm(k))) return null;
    if (t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Copula') && !t.tags.has('Gerund') && !t.tags.has('Modal')) return k;
  }
  return null;
}

/** The mention at token k follows a locative preposition of its own phrase: "in Kabul", "near the Syrian border". */
function afterLocative(s: SentenceView, k: number): boolean {
  const mention = s.placeAt[k];
  let j = k;
  while (j > 0 && s.placeAt[j - 1] === mention) j--;
  j--;
  while (j >= 0 && (DETERMINER.test(s.norm(j)) || s.tokens[j]!.tags.has('Adjective')) && !s.breaksAfter(j)) j--;
  return j >= 0 && LOCATIVE_PREP.test(s.norm(j)) && !s.breaksAfter(j);
}

function firstMentionAfter(s: SentenceView, from: number, limit: number): number | null {
  for (let k = from; k < limit; k++) {
    if (s.actorAt[k] || s.placeAt[k]) return k;
    if (!(DETERMINER.test(s.norm(k)) || s.tokens[k]!.tags.has('Adjective'))) return null;
  }
  return null;
}

// --- place, modality, date -------------------------------------------------------------------------------------

/** The place of an event: a place in a locative phrase of its clause, after the trigger first, then before it. */
function placeOf(s: SentenceView, from: number, to: number): Finding | null {
  const clauseEnd = (() => {
    let k = to;
    while (k < s.tokens.length && !SUBORDINATOR.test(s.norm(k)) && !s.breaksAfter(k - 1, false)) k++;
    return k;
  })();
  for (let k = to; k < clauseEnd; k++) {
    if (!LOCATIVE_PREP.test(s.norm(k))) continue;
    for (let j = k + 1; j < Math.min(clauseEnd, k + 6); j++) {
      const p = s.placeAt[j];
      if (p) return p;
      // A demonym describes the place: "in the Russian cities of Yekaterinburg and Saint Petersburg".
      if (s.actorAt[j] && s.actorAt[j]!.via !== 'demonym') break;
    }
  }
  for (let k = from - 1; k >= 0 && k >= from - 6; k--) {
    if (s.breaksAfter(k)) break;
    if (LOCATIVE_PREP.test(s.norm(k)) && s.placeAt[k + 1]) return s.placeAt[k + 1]!;
  }
  return null;
}

function modalityOf(s: SentenceView, trigger: number, group: VerbGroup, noun?: Candidate): Modality {
  const cues = group.cues;
  const before = noun ? s.norm(noun.from - 1) : '';
  if (cues.some((c) => NEGATION.test(c)) || s.tokens.slice(group.start, trigger).some((t) => t.tags.has('Negative')) || before === 'no') return 'negated';
  if (cues.some((c) => HYPOTHETICAL_WORDS.test(c) || HYPOTHETICAL_GOVERNOR.test(c)) || inConditional(s, group.start)) return 'hypothetical';
  if (cues.some((c) => FUTURE_WORDS.test(c) || FUTURE_GOVERNOR.test(c)) || (noun && nounIsAhead(s, noun))) return 'future';
  if (isReported(s, trigger)) return 'reported';
  return 'asserted';
}

function nounIsAhead(s: SentenceView, noun: Candidate): boolean {
  for (let k = noun.from - 1; k >= 0 && k >= noun.from - 3; k--) if (FUTURE_ADJECTIVE.test(s.norm(k))) return true;
  return false;
}

function inConditional(s: SentenceView, start: number): boolean {
  for (let k = start - 1; k >= 0; k--) {
    if (/^(if|unless|whether)$/.test(s.norm(k))) return true;
    if (s.breaksAfter(k, false)) return false;
  }
  return false;
}

/** Under a speech verb: "X said that …" (the event in what was said), "…, officials said." (a closing attribution
 *  with nothing said after it), "according to X". Not "…, and a spokesman said Brussels would …" for an event before. */
function isReported(s: SentenceView, trigger: number): boolean {
  return s.tokens.some((t, k) => {
    if (k === trigger || !SPEECH.test(s.norm(k)) || !(t.tags.has('Verb') || s.norm(k) === 'according')) return false;
    if (k < trigger || s.norm(k) === 'according') return true;
    return !s.tokens.slice(k + 1).some((after) => after.tags.has('Verb') && !after.tags.has('Date'));
  });
}

const undated = (): null => null;

/** Only a day is a date: "next week" or "1990" would pretend to a precision the text does not give. */
function pickDate(dates: DateMention[]): DateMention | null {
  return dates.find((d) => d.days <= 1) ?? null;
}

/** News names the nearest such day: "on Thursday" in a sentence about the past means the Thursday before the
 *  article's date (compromise-dates reads it as the coming one). */
function shiftWeekday(d: DateMention, anchor: string, ahead: boolean): string {
  if (!d.weekday || ahead || d.date <= anchor) return d.date;
  const shifted = new Date(Date.parse(d.date) - 7 * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}
