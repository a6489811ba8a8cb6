// Finds the events an article reports: a trigger word from the event vocabulary, its participants read from the
// structure of its own sentence (never stitched in from another one), its place, date and modality. One event per
// occurrence: a verb and the event noun it governs in the same clause are one event, not two.
import type { Modality } from '../model/annotation.js';
import type { ParsedText } from '../nlp/create-nlp.js';
import type { DateMention } from '../nlp/create-nlp.js';
import type { Finding } from './classify-names.js';
import type { EventVocabulary, Pattern } from './event-vocabulary.js';
import { DETERMINER, SUBORDINATOR, SentenceView, collect, previousVerb, sentenceViews, governingVerb, isNounPhraseWord, isNounish, isPassive, isVerbish, unique, verbGroup } from './sentence-view.js';
import type { Derived, VerbGroup } from './sentence-view.js';

export interface EventFinding {
  pattern: Pattern;
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
}

export interface EventsContext {
  vocabulary: EventVocabulary;
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
  const derived: Derived = { list: [], byPlace: new Map(), countryName: ctx.countryName };
  for (const sentence of sentenceViews(parsed, findings)) {
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
  return { events, derived: derived.list };
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
  for (const verb of verbs) out.push(verbEvent(s, verb, nounEvents, ctx, derived));
  return out
    .filter((e) => e.source.length > 0 || e.target.length > 0)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

// --- triggers --------------------------------------------------------------------------------------------------

function matchTriggers(s: SentenceView, vocabulary: EventVocabulary): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    const best = bestMatch(s, i, vocabulary);
    if (best) {
      out.push(best);
      i = best.to - 1;
    }
  }
  return out;
}

function bestMatch(s: SentenceView, i: number, vocabulary: EventVocabulary): Candidate | null {
  const forms = [s.norm(i), s.joined(i)?.form].filter((f): f is string => f !== undefined);
  let best: Candidate | null = null;
  const better = (c: Candidate): boolean => {
    if (!best) return true;
    const constrained = (p: Pattern): number => (p.object.size > 0 || p.after.size > 0 ? 1 : 0);
    return (
      (c.pattern.user ? 1 : 0) - (best.pattern.user ? 1 : 0) ||
      constrained(c.pattern) - constrained(best.pattern) ||
      c.to - c.from - (best.to - best.from)
    ) > 0;
  };
  const verbs = forms.flatMap((form) => vocabulary.verbs.get(form) ?? []);
  if (verbs.length > 0 && isVerbish(s, i)) {
    for (const p of verbs) {
      const to = matchWords(s, i, p);
      if (to < 0) continue;
      if (p.object.size > 0 && !hasObject(s, to, p.object)) continue;
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

function hasObject(s: SentenceView, from: number, objects: ReadonlySet<string>): boolean {
  for (let k = from; k < Math.min(s.tokens.length, from + 6); k++) {
    if (objects.has(s.norm(k))) return true;
    if (s.breaksAfter(k) || SUBORDINATOR.test(s.norm(k))) return false;
  }
  return false;
}

// --- verb events -----------------------------------------------------------------------------------------------

function verbEvent(s: SentenceView, verb: Candidate, nounEvents: Map<number, EventFinding>, ctx: EventsContext, derived: Derived): EventFinding {
  const group = verbGroup(s, verb.from);
  const passive = isPassive(s, verb.from, group.start);
  const subject = subjectOf(s, group.subjectEnd, nounEvents, derived);
  const object = complementOf(s, verb.to, passive ? 'by' : 'object', derived, verb.pattern, nounEvents);
  if (subject.actors.length === 0 && /^(and|but|then)$/.test(s.norm(group.subjectEnd))) {
    // "The government condemned the attack and promised aid": the second verb shares the first one's subject.
    const first = previousVerb(s, group.subjectEnd);
    if (first !== null) Object.assign(subject, subjectOf(s, verbGroup(s, first).subjectEnd, nounEvents, derived), { how: 'shared' });
  }
  let source: Finding[];
  let target: Finding[];
  let reason: string;
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
  return eventAt(s, verb, source, target, modalityOf(s, verb.from, group), reason);
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
    // A time phrase or adverb between subject and verb.
    let j = k;
    while (j >= 0 && (s.tokens[j]!.tags.has('Date') || s.tokens[j]!.tags.has('Value') || s.tokens[j]!.tags.has('Adverb'))) j--;
    if (j < k && j >= 0 && /^(on|in|at|during|last|this|earlier|late)$/.test(s.norm(j))) {
      k = j - 1;
      continue;
    }
    // A parenthetical: ", in a speech on Monday," or ", it appears,".
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
  // The head of the subject may come after its mention: "Soldiers from India", "the Pakistan main opposition party".
  let h = k;
  while (h >= 0 && !s.actorAt[h] && !s.placeAt[h] && isNounPhraseWord(s, h) && k - h < 5) h--;
  // "Lawmakers in India and Nepal welcomed …": a country named inside the subject phrase stands for its people.
  const actors = collect(s, h, -1, derived, true);
  return { actors, how: actors.length > 0 ? 'nearest' : 'none' };
}

/** What follows the trigger in its clause: the direct object, or the object of a target preposition ("met with Iran",
 *  "fired shells at Seoul"), or for a passive the "by" phrase. Other phrases are skipped up to the clause's end. */
function complementOf(s: SentenceView, from: number, want: 'object' | 'by', derived: Derived, pattern: Pattern, nounEvents: Map<number, EventFinding>): Participants {
  let k = from;
  let prep: string | null = null;
  while (k < s.tokens.length) {
    const n = s.norm(k);
    const t = s.tokens[k]!;
    const event = nounEvents.get(k);
    // The object is an event ("condemned an attack by Indian soldiers"): the caller reads its participants.
    if (event && prep === null && want === 'object') return { actors: [], how: 'event-object', event };
    if (want === 'by' ? n === 'by' || n === 'from' : TARGET_PREP.test(n)) {
      prep = n;
    } else if (s.actorAt[k] || s.placeAt[k]) {
      const usable = want === 'by' ? prep !== null : prep === null || TARGET_PREP.test(prep) || (prep !== null && LOCATIVE_PREP.test(prep) && movesTo(pattern));
      if (usable) {
        const actors = collect(s, k, 1, derived, true);
        if (actors.length > 0) return { actors, how: prep ? `prep-${prep}` : 'object' };
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
    if (s.breaksAfter(k, true) && !(s.actorAt[k + 1] || s.placeAt[k + 1])) break;
    k++;
  }
  return { actors: [], how: 'none' };
}

/** Visits and arrivals take their destination country as target ("arrived in India", "a visit to Tehran"); a
 *  meeting in Doha is not a meeting with Qatar. */
function movesTo(pattern: Pattern): boolean {
  return pattern.entry.code.startsWith('042');
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
  // Before the noun: a possessor or a demonym ("Pakistan's airstrikes", "Pakistani airstrikes").
  let k = noun.from - 1;
  while (k >= 0 && !s.actorAt[k] && (s.tokens[k]!.tags.has('Adjective') || s.tokens[k]!.tags.has('Value') || DETERMINER.test(s.norm(k))) && !s.breaksAfter(k)) k--;
  if (k >= 0 && s.actorAt[k] && !s.breaksAfter(k)) {
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
    if (next !== null && (TARGET_PREP.test(n) || (LOCATIVE_PREP.test(n) && movesTo(noun.pattern) && n !== 'in')) && target.length === 0 && n !== 'between') {
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
  return eventAt(s, noun, source, target, modalityOf(s, modalityFrom, group, noun), `noun:${how.join('+') || 'none'}`);
}

/** The event of a trigger, with each participant once and no actor both source and target. */
function eventAt(s: SentenceView, c: Candidate, source: Finding[], target: Finding[], modality: Modality, reason: string): EventFinding {
  const sources = unique(source);
  return {
    pattern: c.pattern,
    start: s.tokens[c.from]!.start,
    end: s.tokens[c.to - 1]!.end,
    sentence: s.tokens[0]!.sentence,
    source: sources,
    target: unique(target).filter((t) => !sources.includes(t)),
    place: placeOf(s, c.from, c.to),
    date: undated,
    modality,
    reason,
  };
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
    for (let j = k + 1; j < Math.min(clauseEnd, k + 5); j++) {
      const p = s.placeAt[j];
      if (p) return p;
      if (s.actorAt[j]) break;
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
