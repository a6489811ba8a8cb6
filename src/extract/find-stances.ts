// Finds positions: who supports, opposes or stays neutral toward whom or what. Read from stance verbs ("India
// condemned the strikes"), stance nouns ("drew condemnation from India", "Iran's support for talks"), explicit
// positions ("a nuanced stance on the Kashmir conflict", "is opposed to the plan"), and from coded events whose CAMEO
// code implies a position (lexicons/stances.yaml `events`). Positions someone only hopes for, plans or denies ("seeks
// support from Iran", "did not condemn") are not stances. Pure: tokens, mentions and events in, findings out.
import type { Polarity, StanceBasis } from '../model/annotation.js';
import type { ParsedText } from '../nlp/create-nlp.js';
import type { Finding } from './classify-names.js';
import type { StanceVocabulary } from './cue-vocabulary.js';
import { matchPhrase, startsPhrase } from './cue-vocabulary.js';
import type { EventFinding } from './find-events.js';
import type { Range } from './find-claims.js';
import { SentenceView, actorIn, phraseRange, sentenceViews, governingVerb, headOf, isNounish, isPassive, isVerbish, phraseEndingAt, phraseStartingAt, verbGroup } from './sentence-view.js';
import type { VerbGroup } from './sentence-view.js';
import type { Learned, LinearModel } from '../learn/linear-model.js';
import { evaluativeWords } from '../learn/stances/evaluative-words.js';
import { readLearnedStances } from '../learn/stances/read-stances.js';
import { StanceSentence } from '../learn/stances/stance-sentence.js';
import type { RuleVerdict, TokenSpan } from '../learn/stances/stance-sentence.js';
import { tracerOf } from '../learn/stances/trace.js';

export interface StanceFinding {
  holder: (Range & { actor: Finding | undefined }) | null;
  target: Range & { actor: Finding | undefined; event: EventFinding | undefined };
  polarity: Polarity;
  cue: Range;
  via: StanceBasis;
  /** The event that reports the same act (its trigger is the cue) or implies the stance (via: event). */
  event: EventFinding | undefined;
  sentence: number;
  /** How it was read, for `annotate explain`. */
  reason: string;
  /** The learned decisions behind it, for `annotate explain` (empty or absent when rules alone made it). */
  learned?: Learned[];
}

export interface StancesContext {
  vocabulary: StanceVocabulary;
  /** Verbs whose subject receives what the noun after them expresses ("drew condemnation"). */
  receiveVerbs: ReadonlySet<string>;
  /** The learned model (models/stances.json): it reads the evaluative words the rules miss. Absent: rules alone. */
  model?: LinearModel | undefined;
}

/** Words in a verb group that make the position wished for, planned or possible rather than held. */
const UNREAL = /^(aim|aims|aimed|aiming|seek|seeks|sought|seeking|hope|hopes|hoped|hoping|want|wants|wanted|try|tries|tried|trying|plan|plans|planned|planning|could|might|would|may|if|unless|whether|garner|win|secure|need|needs)$/;
const NEGATED = /^(not|never|n't|no|neither|nor|without|refuse|refused|refuses|refusing|declined|decline|declines)$/;
/** Prepositions that introduce what a position is about. */
const ABOUT = /^(on|toward|towards|regarding|over|about|to|of|for|against|with|behind)$/;
/** Verbs that carry a stance noun for their subject: "India voiced support", "Iran expressed its opposition". */
const STANCE_CARRIER = /^(express|expressed|expresses|expressing|voice|voiced|voices|voicing|reiterate|reiterated|reiterates|declare|declared|declares|pledge|pledged|pledges|lend|lent|lends|signal|signalled|signaled|signals|show|showed|shown|shows|register|registered|registers|issue|issued|issues)$/;
const BE = /^(is|are|was|were|be|been|being|remain|remains|remained|stay|stays|stayed|appear|appears|seem|seems|seemed)$/;

export function findStances(parsed: ParsedText, findings: readonly Finding[], events: readonly EventFinding[], ctx: StancesContext): StanceFinding[] {
  const out: StanceFinding[] = [];
  for (const s of sentenceViews(parsed, findings)) {
    const n = s.tokens[0]!.sentence;
    const sentenceEvents = events.filter((e) => e.sentence === n);
    const found = new SentenceStances(s, ctx, sentenceEvents).read();
    out.push(...found);
    if (ctx.model) out.push(...learned(s, ctx, ctx.model, sentenceEvents, found));
    out.push(...fromEvents(s, sentenceEvents, found, ctx));
  }
  return out;
}

/** The tokens of the sentence that a range covers. */
function tokensOf(s: SentenceView, r: Range): TokenSpan {
  let from = 0;
  while (from < s.tokens.length - 1 && s.tokens[from]!.end <= r.start) from++;
  let to = from;
  while (to < s.tokens.length && s.tokens[to]!.start < r.end) to++;
  return { from, to: Math.max(to, from + 1) };
}

/** Stances the model reads where the rules read none: each expression it finds that no rule cue covers. */
function learned(s: SentenceView, ctx: StancesContext, model: LinearModel, events: readonly EventFinding[], found: readonly StanceFinding[]): StanceFinding[] {
  const rules: RuleVerdict[] = found.map((f) => ({ cue: tokensOf(s, f.cue), polarity: f.polarity, target: tokensOf(s, f.target), holder: f.holder ? tokensOf(s, f.holder) : null }));
  const x = new StanceSentence({ s, events, rules, vocabulary: ctx.vocabulary, valences: evaluativeWords() });
  tracerOf(model)?.(x);
  const stances = new SentenceStances(s, ctx, events);
  // A rule's cue is the rules' stance; a stance word of the lexicon they read as denied ("did not condemn") stays none.
  const ruled = (cue: TokenSpan): boolean => {
    if (rules.some((r) => r.cue.from < cue.to && cue.from < r.cue.to)) return true;
    for (let k = cue.from; k < cue.to; k++) if (x.deniedInLexicon(k)) return true;
    return false;
  };
  for (const l of readLearnedStances(x, model, ruled)) {
    const head = s.tokens[l.cue.to - 1]!.tags;
    const via: StanceBasis = head.has('Verb') ? 'verb' : head.has('Noun') ? 'noun' : 'position';
    const target = withVerb(s, l.cue.to, l.target);
    const before = stances.found.length;
    stances.add(l.holder, target, l.polarity, l.cue.from, l.cue.to, via, 'learned');
    // The decisions behind it are made when explain first reads them: annotate() never pays for their strings.
    if (stances.found.length > before) explainedOnDemand(stances.found[before]!, l.explain);
  }
  return stances.found;
}

/** Gives a finding its `learned` decisions as a property computed on first read, then kept. */
function explainedOnDemand(f: StanceFinding, explain: () => Learned[]): void {
  let learned: Learned[] | undefined;
  Object.defineProperty(f, 'learned', {
    enumerable: true,
    configurable: true,
    get: () => (learned ??= explain()),
  });
}

/** A target that is the object of a verb between it and the expression takes the verb along: "a desire to [stop the
 *  violence]" is for stopping it, not for the violence. */
function withVerb(s: SentenceView, cueEnd: number, target: TokenSpan): TokenSpan {
  let from = target.from;
  if (from - 1 < cueEnd || !isVerbish(s, from - 1) || s.breaksAfter(from - 2)) return target;
  from--;
  if (from - 1 >= cueEnd && s.norm(from - 1) === 'to') from--;
  return { from, to: target.to };
}

/** Stances implied by coded events that no stance word of the same sentence already gave. */
function fromEvents(s: SentenceView, events: readonly EventFinding[], found: readonly StanceFinding[], ctx: StancesContext): StanceFinding[] {
  const out: StanceFinding[] = [];
  for (const e of events) {
    const polarity = ctx.vocabulary.eventPolarity(e.code);
    if (!polarity || e.modality === 'negated' || e.modality === 'hypothetical' || e.modality === 'future') continue;
    if (found.some((f) => f.event === e || (f.cue.start < e.end && e.start < f.cue.end))) continue;
    for (const holder of e.source.slice(0, 3)) {
      for (const target of e.target.slice(0, 3)) {
        out.push({
          holder: { start: holder.start, end: holder.end, actor: holder },
          target: { start: target.start, end: target.end, actor: target, event: undefined },
          polarity,
          cue: { start: e.start, end: e.end },
          via: 'event',
          event: e,
          sentence: s.tokens[0]!.sentence,
          reason: `event:${e.code}`,
        });
      }
    }
  }
  return out;
}

class SentenceStances {
  private readonly out: StanceFinding[] = [];

  constructor(
    private readonly s: SentenceView,
    private readonly ctx: StancesContext,
    private readonly events: readonly EventFinding[],
  ) {}

  get found(): StanceFinding[] {
    return this.out;
  }

  read(): StanceFinding[] {
    const { s } = this;
    for (let i = 0; i < s.tokens.length; i++) {
      // Positions first: "is opposed to" is a position, not a passive of "oppose".
      const position = this.position(i);
      if (position) {
        i = position - 1;
        continue;
      }
      const { verbs, nouns } = this.ctx.vocabulary;
      const verb = startsPhrase(s, i, verbs) && isVerbish(s, i) ? matchPhrase(s, i, verbs) : null;
      if (verb) {
        this.verbStance(i, verb.to, verb.phrase.value);
        i = verb.to - 1;
        continue;
      }
      const noun = startsPhrase(s, i, nouns) && (isNounish(s, i) || s.tokens[i]!.tags.has('Noun')) ? matchPhrase(s, i, nouns) : null;
      if (noun) {
        this.nounStance(i, noun.to, noun.phrase.value);
        i = noun.to - 1;
      }
    }
    return this.out;
  }

  /** "India condemned Pakistan's strikes", "was praised by the minister", "while advocating for a resolution". */
  private verbStance(i: number, to: number, polarity: Polarity): void {
    const { s } = this;
    const group = verbGroup(s, i);
    if (!this.real(group, i)) return;
    // "warned that …", "criticised how …": a clause is reported, not a position toward something.
    if (/^(that|how|what|whether)$/.test(s.norm(to))) return;
    const passive = isPassive(s, i, group.start);
    let holder: { from: number; to: number } | null;
    let target: { from: number; to: number } | null;
    if (passive) {
      target = phraseEndingAt(s, group.subjectEnd);
      const by = this.after(to, /^by$/);
      holder = by;
    } else {
      holder = this.subject(i, group);
      target = this.after(to, ABOUT, true);
    }
    if (!target) return;
    this.add(holder, target, polarity, i, to, 'verb', passive ? 'verb:passive' : 'verb:object');
  }

  /** "a nuanced stance on X", "Iran's neutral position toward X", "is opposed to X", "remained critical of X". */
  private position(i: number): number | null {
    const { s } = this;
    const adjective = this.ctx.vocabulary.positionAdjectives.get(s.norm(i));
    if (!adjective) return null;
    const noun = matchPhrase(s, i + 1, this.ctx.vocabulary.positionNouns);
    let to: number;
    let holder: { from: number; to: number } | null = null;
    if (noun) {
      to = noun.to;
      const governor = governingVerb(s, i);
      let k = i - 1;
      while (k >= 0 && /^(a|an|the|its|their|his|her|more|very|largely|broadly|generally|strictly)$/.test(s.norm(k))) k--;
      if (k >= 0 && (/['’]s$/i.test(s.tokens[k]!.text) || /^(its|their|his|her)$/.test(s.norm(k)))) {
        const np = phraseEndingAt(s, k);
        if (np) holder = { from: np.from, to: k + 1 };
      } else if (governor !== null) {
        const group = verbGroup(s, governor);
        if (!this.real(group, governor)) return to;
        holder = this.subject(governor, group);
      }
    } else if (i > 0 && (BE.test(s.norm(i - 1)) || s.tokens[i - 1]!.tags.has('Adverb'))) {
      // "is opposed to", "remained deeply critical of".
      to = i + 1;
      let b = i - 1;
      while (b >= 0 && s.tokens[b]!.tags.has('Adverb') && !BE.test(s.norm(b))) b--;
      if (b < 0 || !BE.test(s.norm(b))) return null;
      const group = verbGroup(s, b);
      if (!this.real(group, b)) return to;
      holder = phraseEndingAt(s, group.subjectEnd);
    } else return null;
    if (!/^(on|toward|towards|regarding|over|about|to|of|for|against|with|in)$/.test(s.norm(to))) return to;
    const target = phraseStartingAt(s, to + 1);
    if (!target) return to;
    this.add(holder, target, adjective, i, to, 'position', 'position');
    return to;
  }

  /** "condemnation from India" (with what drew it), "Iran's support for talks", "criticism of the plan by X". */
  private nounStance(i: number, to: number, polarity: Polarity): void {
    const { s } = this;
    let holder: { from: number; to: number } | null = null;
    let target: { from: number; to: number } | null = null;
    let k = to;
    for (let hops = 0; hops < 2 && k < s.tokens.length; hops++) {
      const prep = s.norm(k);
      if (s.breaksAfter(k - 1)) break;
      if (/^(from|by|among)$/.test(prep) && !holder) {
        holder = phraseStartingAt(s, k + 1);
        if (!holder) break;
        k = holder.to;
      } else if (/^(of|for|to|toward|towards|against|over|behind|with)$/.test(prep) && !target) {
        target = phraseStartingAt(s, k + 1);
        if (!target) break;
        k = target.to;
      } else break;
    }
    // The possessor holds it: "India's condemnation", "their support".
    let p = i - 1;
    while (p >= 0 && (s.tokens[p]!.tags.has('Adjective') || /^(the|a|an|strong|full|firm|broad)$/.test(s.norm(p))) && !s.breaksAfter(p)) p--;
    if (!holder && p >= 0 && (/['’]s$/i.test(s.tokens[p]!.text) || /^(its|their|his|her|our)$/.test(s.norm(p)))) {
      const np = phraseEndingAt(s, p);
      if (np) holder = { from: np.from, to: p + 1 };
    }
    const governor = governingVerb(s, p >= 0 ? p + 1 : i);
    if (governor !== null) {
      const group = verbGroup(s, governor);
      if (!this.real(group, governor)) return;
      if (this.ctx.receiveVerbs.has(s.norm(governor))) {
        // "… airstrikes, which drew condemnation from India": what drew it is the target.
        if (!target) target = this.receiver(group);
      } else if (!holder && STANCE_CARRIER.test(s.norm(governor)) && !isPassive(s, governor, group.start)) {
        // "India voiced support for …", "Iran has expressed opposition to …".
        holder = this.subject(governor, group);
      }
    }
    if (!target || !holder) return;
    this.add(holder, target, polarity, i, to, 'noun', 'noun');
  }

  // --- parts ---------------------------------------------------------------------------------------------------

  /** Not wished for, planned, possible or denied. */
  private real(group: VerbGroup, verb: number): boolean {
    const { s } = this;
    for (let k = group.start; k < verb; k++) if (UNREAL.test(s.norm(k)) || NEGATED.test(s.norm(k)) || s.tokens[k]!.tags.has('Negative')) return false;
    for (const c of group.cues) if (UNREAL.test(c) || NEGATED.test(c)) return false;
    return true;
  }

  /** The subject of a verb: the phrase before its group, the antecedent of "who", or for "while advocating",
   *  "by urging" the subject of the clause the participle hangs on. */
  private subject(verb: number, group: VerbGroup): { from: number; to: number } | null {
    const { s } = this;
    let end = group.subjectEnd;
    if (end >= 0 && /^(who|which|that)$/.test(s.norm(end))) end--;
    const participle = s.tokens[verb]!.tags.has('Gerund') && (end < 0 || /^(while|by|after|before|when|in|,)$/.test(s.norm(end)) || s.breaksAfter(end));
    if (participle || /^(and|but)$/.test(s.norm(end))) {
      for (let k = Math.min(end, verb) - 1; k >= 0; k--) {
        const t = s.tokens[k]!;
        if (t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Gerund') && !t.tags.has('Modal') && !t.tags.has('Copula')) {
          return phraseEndingAt(s, verbGroup(s, k).subjectEnd);
        }
      }
      return null;
    }
    return phraseEndingAt(s, end);
  }

  /** The phrase after a verb: its object, or the object of one of `preps` ("object to", "side with"). */
  private after(from: number, preps: RegExp, direct = false): { from: number; to: number } | null {
    const { s } = this;
    let k = from;
    while (k < s.tokens.length && s.tokens[k]!.tags.has('Adverb') && !s.breaksAfter(k - 1)) k++;
    if (k < s.tokens.length && preps.test(s.norm(k)) && !s.breaksAfter(k - 1)) return phraseStartingAt(s, k + 1);
    if (direct && k < s.tokens.length && !s.breaksAfter(k - 1)) return phraseStartingAt(s, k);
    return null;
  }

  /** What receives a reaction noun: the subject of the receive verb, or the noun before "which". */
  private receiver(group: VerbGroup): { from: number; to: number } | null {
    const { s } = this;
    let end = group.subjectEnd;
    if (end >= 0 && /^(which|that|who)$/.test(s.norm(end))) {
      end--;
      // "Pakistan's airstrikes in the Kashmir region, which drew …": the antecedent is the head before the phrase.
      let k = end;
      while (k > 0 && !this.eventAt(k) && !s.breaksAfter(k - 1) && end - k < 6) k--;
      if (this.eventAt(k)) end = k;
    }
    return phraseEndingAt(s, end);
  }

  private eventAt(k: number): EventFinding | undefined {
    const t = this.s.tokens[k];
    return t ? this.events.find((e) => e.start <= t.start && t.end <= e.end) : undefined;
  }

  add(holder: { from: number; to: number } | null, target: { from: number; to: number }, polarity: Polarity, from: number, to: number, via: StanceBasis, reason: string, learned?: Learned[]): void {
    const { s } = this;
    const range = (a: number, b: number): Range => ({ start: s.tokens[a]!.start, end: s.tokens[b - 1]!.end });
    const cue = range(from, to);
    const head = headOf(s, target.from, target.to);
    const targetActor = actorIn(s, target.from, target.to) ?? this.possessor(target.from, head);
    const holderActor = holder ? actorIn(s, holder.from, holder.to) : undefined;
    if (holderActor && holderActor === targetActor) return;
    this.out.push({
      holder: holder ? { ...phraseRange(s, holder.from, holder.to), actor: holderActor } : null,
      target: { ...phraseRange(s, target.from, target.to), actor: targetActor, event: this.eventAt(head) },
      polarity,
      cue,
      via,
      event: this.events.find((e) => e.start < cue.end && cue.start < e.end),
      sentence: s.tokens[0]!.sentence,
      reason,
      ...(learned ? { learned } : {}),
    });
  }

  /** "Pakistan's airstrikes": the possessor is who the target belongs to. */
  private possessor(from: number, head: number): Finding | undefined {
    const { s } = this;
    for (let k = from; k < head; k++) if (s.actorAt[k] && /['’]s$/i.test(s.tokens[k]!.text)) return s.actorAt[k];
    return undefined;
  }
}
