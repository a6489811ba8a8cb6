// Finds attributed statements: who says (or believes, finds, wants) what, as source / cue / content spans in the
// shape PolNeAR annotates. Direct quotes ("“…,” the minister said"), indirect speech ("X said that …"), "according
// to X", nominal cues ("X's claim that …", "optimism among observers that …") and sourceless impersonal passives ("it
// is believed that …"). Claims are top-level: what a quoted or reported speaker in turn attributes stays inside the
// outer claim's content. Pure: tokens and mentions in, findings out.
import type { ParsedText, Token } from '../nlp/create-nlp.js';
import type { Finding } from './classify-names.js';
import type { ClaimVocabulary } from './cue-vocabulary.js';
import { matchPhrase, startsPhrase } from './cue-vocabulary.js';
import { SentenceView, actorIn, phraseRange, previousVerb, sentenceViews, headOf, isPassive, isVerbish, isNounish, phraseEndingAt, phraseStartingAt, verbGroup } from './sentence-view.js';
import type { Learned, LinearModel } from '../learn/linear-model.js';
import { CUE_BEGIN, ClaimSentence, cueContext, readParts, walkCues, widenCues } from '../learn/claims/claim-features.js';
import type { RuleCue, TokenSpan } from '../learn/claims/claim-features.js';

/** UTF-16 offsets into the article. */
export interface Range {
  start: number;
  end: number;
}

export interface ClaimFinding {
  /** Null for a sourceless attribution. */
  source: (Range & { actor: Finding | undefined }) | null;
  cue: Range;
  content: Range;
  continues: Range[];
  /** Hedge words in the content or the cue's verb group, as written. */
  hedges: string[];
  /** The cue itself hedges (suggest, believe). */
  hedgingCue: boolean;
  sentence: number;
  /** How the claim was read, for `annotate explain`: `verb:forward`, `verb:postposed`, `according-to` … */
  reason: string;
  /** The learned decisions behind it, for `annotate explain` (empty or absent when rules alone made it). */
  learned?: Learned[];
}

export interface ClaimsContext {
  vocabulary: ClaimVocabulary;
  /** Plural nouns that name a group able to speak without a country ("analysts", "observers"). */
  groups: ReadonlySet<string>;
  /** The learned claims model (models/claims.json): it places the cues, the rules' claims fill in the ones they
   *  share, and the model reads the source and content of the rest. Absent: the rules alone. */
  model?: LinearModel | undefined;
}

export interface ClaimsResult {
  claims: ClaimFinding[];
  /** Group actors made for sources no earlier stage knew ("Analysts"). */
  derived: Finding[];
}

/** Speech verbs that name whom they address before what they say: "told reporters that …". */
const ADDRESSEE_VERBS = /^(tell|told|tells|telling|inform|informed|informs|assure|assured|assures|remind|reminded|reminds|warn|warned|warns|ask|asked|asks|urge|urged|urges|advise|advised|convince|convinced|persuade|persuaded|notify|notified|brief|briefed|promise|promised|promises)$/;
/** Participial speech that continues a claim with a new one: ", adding that …", ", saying …". */
const BE = /^(is|are|was|were|be|been|being|'s|'re)$/;
/** How many sentences back a quotation that ends in the current one may have opened. */
const QUOTE_SENTENCES = 6;

/** The hashes of one decision's features, reused by every decision of the claims model (it holds at most 27). */
const HASHES = new Uint32Array(32);

/** The cue decision on token i after the label `previous`, as explain shows it: its features' strings are built only
 *  here, when `annotate explain` reads the claim. */
function explainCue(model: LinearModel, sentence: ClaimSentence, i: number, previous: number): Learned[] {
  const features = [...sentence.cueFeatures(i), ...cueContext(sentence, i, previous)];
  const decided = model.best(features, (l) => l <= CUE_BEGIN);
  return [model.explain(features, decided.label, decided.margin)];
}

/** The finding with `learned` made on first read (by explain), once: annotate() never reads it. */
function withLearned(finding: ClaimFinding, explain: () => Learned[]): ClaimFinding {
  let learned: Learned[] | undefined;
  return Object.defineProperty(finding, 'learned', { get: () => (learned ??= explain()), enumerable: true, configurable: true });
}

export function findClaims(parsed: ParsedText, findings: readonly Finding[], ctx: ClaimsContext): ClaimsResult {
  const quoted = quotedTokens(parsed);
  const derived: Finding[] = [];
  const claims: ClaimFinding[] = [];
  for (const s of sentenceViews(parsed, findings)) {
    // A quotation is followed back at most this many sentences (quoteStart).
    const n = s.tokens[0]!.sentence;
    const earlier = parsed.sentences.slice(Math.max(0, n - QUOTE_SENTENCES), n);
    const reader = new SentenceClaims(s, ctx, quoted, derived, earlier);
    const rules = reader.read();
    claims.push(...(ctx.model ? reader.learned(ctx.model, rules) : rules));
  }
  return { claims: topLevel(claims), derived };
}

/** Every sentence as the claims model reads it, with the cues the rules made in it: what the trainer learns from. */
export function claimSentences(parsed: ParsedText, findings: readonly Finding[], ctx: ClaimsContext): ClaimSentence[] {
  const quoted = quotedTokens(parsed);
  const out: ClaimSentence[] = [];
  for (const s of sentenceViews(parsed, findings)) {
    const n = s.tokens[0]!.sentence;
    const earlier = parsed.sentences.slice(Math.max(0, n - QUOTE_SENTENCES), n);
    const rules = new SentenceClaims(s, ctx, quoted, [], earlier).read();
    out.push(new ClaimSentence(s, ctx.vocabulary, quoted, ruleCues(s, rules)));
  }
  return out;
}

/** The tokens a range covers, [from, to); null when it covers none. */
function tokenSpan(s: SentenceView, r: Range): TokenSpan | null {
  let from = -1;
  let to = -1;
  for (let k = 0; k < s.tokens.length; k++) {
    const t = s.tokens[k]!;
    if (t.start < r.end && t.end > r.start) {
      if (from < 0) from = k;
      to = k + 1;
    }
  }
  return from < 0 ? null : { from, to };
}

function ruleCues(s: SentenceView, claims: readonly ClaimFinding[]): RuleCue[] {
  const out: RuleCue[] = [];
  for (const c of claims) {
    const span = tokenSpan(s, c.cue);
    if (span) out.push({ ...span, reason: c.reason });
  }
  return out;
}

/** Drops claims whose cue lies inside another claim's content: those are nested attributions. Content the model
 *  read around a cue of its own does not hide a claim the rules made ("rejected the union's claim that …"). */
function topLevel(claims: ClaimFinding[]): ClaimFinding[] {
  const inside = (c: ClaimFinding, r: Range): boolean => c.cue.start >= r.start && c.cue.end <= r.end;
  const hides = (o: ClaimFinding, c: ClaimFinding): boolean => o !== c && !(o.reason === 'model' && c.reason !== 'model') && [o.content, ...o.continues].some((r) => inside(c, r));
  return claims.filter((c) => !claims.some((o) => hides(o, c)));
}

/** A noun, a main verb, an adjective, a number or a name: not an auxiliary, adverb, conjunction or determiner. */
function isContentWord(t: Token): boolean {
  if (t.tags.has('Auxiliary') || t.tags.has('Copula') || t.tags.has('Modal')) return false;
  return t.tags.has('Noun') || t.tags.has('Verb') || t.tags.has('Adjective') || t.tags.has('Value') || t.tags.has('Pronoun');
}

/** Tokens inside a direct quotation, by token object: a double quote before a word opens, one after a word closes;
 *  a paragraph break ends any quotation left open. */
export function quotedTokens(parsed: ParsedText): Set<Token> {
  const out = new Set<Token>();
  let open = false;
  for (const tokens of parsed.sentences) {
    for (const t of tokens) {
      if (/\n\s*\n/.test(t.pre)) open = false;
      if (/[“"]/.test(t.pre)) open = true;
      if (open) out.add(t);
      if (/[”"]/.test(t.post)) open = false;
      if (/\n\s*\n/.test(t.post)) open = false;
    }
  }
  return out;
}

class SentenceClaims {
  private readonly out: ClaimFinding[] = [];
  private readonly used = new Set<number>();

  constructor(
    private readonly s: SentenceView,
    private readonly ctx: ClaimsContext,
    private readonly quoted: ReadonlySet<Token>,
    private readonly derived: Finding[],
    private readonly before: Token[][],
  ) {}

  read(): ClaimFinding[] {
    const { s } = this;
    for (let i = 0; i < s.tokens.length; i++) {
      if (this.used.has(i) || this.quoted.has(s.tokens[i]!)) continue;
      const phrase = matchPhrase(s, i, this.ctx.vocabulary.sourcePhrases);
      if (phrase) {
        this.accordingTo(i, phrase.to);
        continue;
      }
      const impersonal = this.impersonal(i);
      if (impersonal) continue;
      const { verbs, nouns } = this.ctx.vocabulary;
      const verb = startsPhrase(s, i, verbs) && isVerbish(s, i) && !this.nounLike(i) ? matchPhrase(s, i, verbs) : null;
      if (verb && this.verbCue(i, verb.to, verb.phrase.value.hedging, verb.phrase.lemma)) continue;
      const noun = startsPhrase(s, i, nouns) && (isNounish(s, i) || s.tokens[i]!.tags.has('Noun')) ? matchPhrase(s, i, nouns) : null;
      if (noun) this.nounCue(i, noun.to);
    }
    return this.out;
  }

  // --- the learned model -------------------------------------------------------------------------------------------

  /** The claims of the sentence with the model. A cue the rules also made keeps their claim (its source and
   *  content) with the model's span, widened over its verb group; a cue of the model alone gets the source and
   *  content the model reads around it, and is dropped when it reads no content; the rules' other claims stay. */
  learned(model: LinearModel, rules: ClaimFinding[]): ClaimFinding[] {
    const { s } = this;
    const sentence = new ClaimSentence(s, this.ctx.vocabulary, this.quoted, ruleCues(s, rules));
    // The features are scored by their hashes; their strings are built only for explain (see explainCue).
    const begins = new Map<number, number>();
    const tagged = walkCues(sentence, (i, previous) => model.scoresOfHashes(HASHES, sentence.cueHashes(i, previous, HASHES)), (i, previous, label) => {
      if (label === CUE_BEGIN) begins.set(i, previous);
    });
    const cues = widenCues(sentence, tagged);
    const out: ClaimFinding[] = [];
    const kept = new Set<ClaimFinding>();
    for (const [n, cue] of cues.entries()) {
      const from = tagged[n]!.from;
      const explain = (): Learned[] => explainCue(model, sentence, from, begins.get(from)!);
      const range = this.range(cue.from, cue.to);
      const rule = rules.find((c) => !kept.has(c) && c.cue.start < range.end && c.cue.end > range.start);
      if (rule) {
        kept.add(rule);
        out.push(withLearned({ ...rule, cue: range }, explain));
        continue;
      }
      const parts = readParts(sentence, cue, (j) => model.scoresOfHashes(HASHES, sentence.partHashes(j, cue, HASHES)));
      if (!parts.content || !this.proposition(cue, parts.content) || !this.spans(cue, (t) => isContentWord(t))) continue;
      // Trailing conjunctions and function words are no part of what was said ("the talks, and").
      while (parts.content.to - parts.content.from > 1 && !isContentWord(s.tokens[parts.content.to - 1]!)) parts.content.to--;
      const verb = matchPhrase(s, cue.from, this.ctx.vocabulary.verbs);
      // A source names someone: a run of function words ("and", "the") is none. It is the whole phrase the run
      // starts ("Senior" → "Senior Iranian officials"), without trailing function words ("Jane Doe, the").
      const named = parts.source && this.spans(parts.source, (t) => t.tags.has('Noun') || t.tags.has('Pronoun'));
      let source: ClaimFinding['source'] = null;
      if (parts.source && named) {
        const phrase = phraseStartingAt(s, parts.source.from);
        let to = phrase && phrase.to > parts.source.to && (phrase.to <= cue.from || parts.source.from >= cue.to) ? phrase.to : parts.source.to;
        while (to - parts.source.from > 1 && !isContentWord(s.tokens[to - 1]!)) to--;
        source = this.party(parts.source.from, to);
        // A place the model reads as a source speaks for no one ("Kashmir underscores …"); its country would.
        if (!source.actor && s.placeAt[headOf(s, parts.source.from, to)] !== undefined) continue;
      }
      const content = this.range(parts.content.from, parts.content.to);
      const continues = parts.continues.map((r) => this.range(r.from, r.to));
      const hedges = [...this.hedgesIn(cue.from, cue.to), ...[content, ...continues].flatMap((r) => this.hedgesInRange(r))];
      out.push(withLearned({ source, cue: range, content, continues, hedges, hedgingCue: verb !== null && isVerbish(s, cue.from) && verb.phrase.value.hedging, sentence: s.tokens[0]!.sentence, reason: 'model' }, explain));
    }
    // A claim of the rules the model does not see stays: on PolNeAR dev dropping them loses more than it gains.
    for (const c of rules) if (!kept.has(c)) out.push(c);
    return out;
  }

  /** Some token of the span passes the test. */
  private spans(span: TokenSpan, test: (t: Token) => boolean): boolean {
    for (let k = span.from; k < span.to; k++) if (test(this.s.tokens[k]!)) return true;
    return false;
  }

  /** Keeps the model from what the rules' tables rule out: a participle that modifies a noun ("the said agreement"),
   *  an object or infinitive after a word the claim lexicon does not know ("seeks to engage Iran"), and content
   *  before the cue that no break or quotation mark separates from it ("a year characterized by drought"). */
  private proposition(cue: TokenSpan, content: TokenSpan): boolean {
    const { s } = this;
    if (this.quoted.has(s.tokens[content.from]!)) return true;
    if (cue.from > 0 && s.tokens[cue.from - 1]!.tags.has('Determiner') && !s.breaksAfter(cue.from - 1)) return false;
    if (content.from >= cue.to) return s.norm(content.from) !== 'to' || startsPhrase(s, cue.from, this.ctx.vocabulary.verbs);
    return s.breaksAfter(content.to - 1);
  }

  // --- verbs ---------------------------------------------------------------------------------------------------

  /** "the rules", "several states", "his remarks": a plural after a determiner or adjective is a noun. */
  private nounLike(i: number): boolean {
    const { s } = this;
    const before = s.tokens[i - 1];
    return s.tokens[i]!.tags.has('Plural') && before !== undefined && (before.tags.has('Determiner') || before.tags.has('Adjective') || before.tags.has('Possessive') || before.tags.has('ProperNoun'));
  }

  /** A claim made by a reporting verb; false when the verb reports nothing here. */
  private verbCue(i: number, to: number, hedging: boolean, lemma: string): boolean {
    const { s } = this;
    const group = verbGroup(s, i);
    // "was told", "is expected": a passive reports nothing of its own subject (impersonal passives are read apart).
    if (isPassive(s, i, group.start) && !s.tokens[i]!.tags.has('Gerund')) return false;
    // A gerund or participle modifying a noun ("the reported attack") is no cue.
    if (s.tokens[i]!.tags.has('Gerund') && !/,\s*$/.test(s.tokens[i - 1]?.post ?? '') && i > 0 && !s.tokens[i - 1]!.tags.has('Verb')) {
      if (!s.tokens[i - 1]!.tags.has('Auxiliary') && !s.tokens[i - 1]!.tags.has('Copula')) return false;
    }
    const cue = this.cueRange(i, to, group.start);
    const groupHedges = this.hedgesIn(group.start, i);

    // Postposed attribution: "…, the minister said." / "…,” said the minister, “…”.
    const postposed = this.postposed(i, to, group.start);
    if (postposed) {
      const { content, continues, source } = postposed;
      this.add(source, cue, content, continues, hedging, groupHedges, 'verb:postposed');
      return true;
    }
    // Forward: "the minister said (that) …". The subject may be shared with an earlier verb ("… and said").
    let subjectEnd = group.subjectEnd;
    if (/^(and|but)$/.test(s.norm(subjectEnd))) subjectEnd = this.sharedSubjectEnd(subjectEnd);
    let np = subjectEnd >= 0 && !this.quoted.has(s.tokens[subjectEnd]!) ? phraseEndingAt(s, subjectEnd) : null;
    if (subjectEnd > 0 && /,\s*$/.test(s.tokens[subjectEnd]!.post)) np = this.aroundParenthetical(subjectEnd);
    // ", saying …", ", adding that …": the participle continues the clause's own speaker.
    const participle = s.tokens[i]!.tags.has('Gerund') && /,\s*$/.test(s.tokens[i - 1]?.post ?? '');
    const source = np ?? (participle ? this.clauseSubject(i) : null);
    if (!source) return false;
    const content = this.contentAfter(to, lemma);
    if (!content) return false;
    this.add(this.party(source.from, source.to), cue, content.range, content.continues, hedging, groupHedges, participle ? 'verb:participle' : 'verb:forward');
    return true;
  }

  /** The reporting words as PolNeAR marks them: the verb with its auxiliaries and adverbs ("has said", "also
   *  said"), a time word right after it ("said Tuesday") and a colon that introduces the quotation ("said:"). */
  private cueRange(i: number, to: number, groupStart: number): Range {
    const { s } = this;
    let from = i;
    while (from > groupStart && /^(has|have|had|also|often|now|still|later|again|repeatedly|previously|already|then|once)$/.test(s.norm(from - 1))) from--;
    let end = to;
    while (end < s.tokens.length && s.tokens[end]!.tags.has('Date') && !s.breaksAfter(end - 1) && end - to < 2 && /^(then|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(s.norm(end))) end++;
    const range = this.range(from, end);
    const colon = /^:/.test(s.tokens[end - 1]!.post);
    return colon ? { ...range, end: range.end + 1 } : range;
  }

  /** "…, officials said." "“…,” said Mr Smith." "…, he said, adding …". What was said comes before the attribution. */
  private postposed(i: number, to: number, groupStart: number): { content: Range; continues: Range[]; source: ClaimFinding['source'] } | null {
    const { s } = this;
    const endsClause = (k: number): boolean => k >= s.tokens.length || s.breaksAfter(k - 1) || /[.!?\n]/.test(s.tokens[k - 1]!.post);
    let sourceRange: { from: number; to: number } | null = null;
    let breakAt: number;
    const inverted = (groupStart > 0 && /[,"“”]\s*$/.test(s.tokens[groupStart - 1]!.post)) || (groupStart === 0 && this.quoteBefore());
    if (inverted && !ADDRESSEE_VERBS.test(s.norm(i))) {
      // ", said the minister": the source follows the verb.
      let k = to;
      while (k < s.tokens.length && s.tokens[k]!.tags.has('Date') && !s.breaksAfter(k - 1)) k++;
      sourceRange = phraseStartingAt(s, k);
      if (!sourceRange || !endsClause(sourceRange.to)) return null;
      breakAt = groupStart - 1;
      // '“Who pays?” said the mayor.': the quotation is the sentence before.
      if (breakAt < 0) {
        const previous = this.before[this.before.length - 1]!;
        const content = { start: this.quoteStart(previous[previous.length - 1]!.start, true), end: previous[previous.length - 1]!.end };
        return { content, continues: [], source: this.party(sourceRange.from, sourceRange.to) };
      }
    } else if (groupStart > 0 && /[,"“”]\s*$/.test(s.tokens[groupStart - 1]!.post)) {
      return null;
    } else {
      // ", the minister said": the source stands between the break and the verb.
      const np = phraseEndingAt(s, groupStart - 1);
      if (!np || np.from === 0 || !s.breaksAfter(np.from - 1)) return null;
      let k = to;
      while (k < s.tokens.length && (s.tokens[k]!.tags.has('Date') || s.tokens[k]!.tags.has('Adverb')) && !s.breaksAfter(k - 1)) k++;
      if (!endsClause(k)) return null;
      sourceRange = np;
      breakAt = np.from - 1;
    }
    const contentEnd = breakAt;
    let contentStart = 0;
    // The content starts at the sentence start, or where the quotation that ends at the break opened.
    for (let k = contentEnd; k >= 0; k--) if (/[“"]/.test(s.tokens[k]!.pre)) { contentStart = k; break; }
    if (contentStart === 0) while (contentStart < contentEnd && /^(but|and|so|yet)$/.test(s.norm(contentStart)) && !this.quoted.has(s.tokens[contentStart]!)) contentStart++;
    if (contentEnd - contentStart < 1) return null;
    let content = this.range(contentStart, contentEnd + 1);
    // A quotation of several sentences: the content goes back to where it opened.
    if (contentStart === 0 && this.quoted.has(s.tokens[0]!) && !/[“"]/.test(s.tokens[0]!.pre)) content = { ...content, start: this.quoteStart(content.start) };
    const continues: Range[] = [];
    const after = Math.max(sourceRange.to, to);
    if (after < s.tokens.length && s.breaksAfter(after - 1) && /[“"]/.test(s.tokens[after]!.pre)) {
      continues.push(this.range(after, this.clauseEnd(after, true)));
    }
    return { content, continues, source: this.party(sourceRange.from, sourceRange.to) };
  }

  /** Where a quotation that runs over several sentences opened, going back from `start`. */
  private quoteStart(start: number, inclusive = false): number {
    for (let n = this.before.length - 1; n >= 0; n--) {
      const tokens = this.before[n]!;
      for (let k = tokens.length - 1; k >= 0; k--) {
        const t = tokens[k]!;
        if (inclusive && t.start > start) continue;
        if (!this.quoted.has(t)) return start;
        if (/[“"]/.test(t.pre)) return t.start;
      }
    }
    return start;
  }

  /** The sentence before ends with a closing quotation mark: '“Who pays?” said the mayor.' */
  private quoteBefore(): boolean {
    const previous = this.before[this.before.length - 1];
    const last = previous?.[previous.length - 1];
    return last !== undefined && /[”"]/.test(last.post) && this.quoted.has(last);
  }

  /** The content after a forward cue: a that-clause, a quotation or the rest of the clause. */
  private contentAfter(to: number, lemma: string): { range: Range; continues: Range[] } | null {
    const { s } = this;
    let k = to;
    // "said on Monday that", "told reporters that", "said in a statement that": the content starts at "that".
    for (let j = to; j < Math.min(s.tokens.length, to + 10); j++) {
      if (s.norm(j) === 'that' && !s.tokens[j]!.tags.has('Determiner') && j > to) {
        k = j;
        break;
      }
      if (s.norm(j) === 'that' && j === to) {
        k = j;
        break;
      }
      if (this.quoted.has(s.tokens[j]!) || (s.tokens[j]!.tags.has('Verb') && !s.tokens[j]!.tags.has('Participle') && j > to)) break;
    }
    if (k === to) {
      while (k < s.tokens.length && s.tokens[k]!.tags.has('Date') && !s.breaksAfter(k)) k++;
      if (ADDRESSEE_VERBS.test(lemma.split(' ')[0]!) || ADDRESSEE_VERBS.test(s.norm(to - 1))) {
        // "told reporters …": skip the addressee.
        const addressee = phraseStartingAt(s, k);
        if (addressee && !/^to$/.test(s.norm(addressee.to))) k = addressee.to;
      }
    }
    if (k >= s.tokens.length) return null;
    const quotation = this.quoted.has(s.tokens[k]!);
    // What is said is a proposition: a that-clause, a quotation, or a clause with a subject and a verb of its own
    // ("said the talks had failed"). An object alone ("maintained a relationship", "seeks to engage") is not one.
    // "said in a speech in Ohio that …": a phrase between the verb and its content.
    for (let hops = 0; hops < 2 && !quotation && s.norm(k) !== 'that' && s.tokens[k]!.tags.has('Preposition') && s.norm(k) !== 'to'; hops++) {
      const np = phraseStartingAt(s, k + 1);
      if (!np || np.to >= s.tokens.length) break;
      k = np.to;
      if (s.norm(k) === 'that') break;
    }
    // Or what someone wants, plans or promises: "vowed to fight on".
    const infinitive = s.norm(k) === 'to' && k === to && s.tokens[k + 1]?.tags.has('Verb') === true;
    if (s.norm(k) !== 'that' && !quotation && !infinitive && !this.startsClause(k)) return null;
    const end = this.clauseEnd(k, quotation);
    if (end - k < 2 && !quotation) return null;
    return { range: this.range(k, end), continues: [] };
  }

  /** A subject and a finite verb start at token k: "the talks had failed", "he would resign". */
  private startsClause(k: number): boolean {
    const { s } = this;
    const np = phraseStartingAt(s, k);
    if (!np || s.breaksAfter(np.to - 1)) return false;
    let v = np.to;
    while (v < s.tokens.length && s.tokens[v]!.tags.has('Adverb') && !s.breaksAfter(v - 1)) v++;
    const t = s.tokens[v];
    if (!t) return false;
    // "a relationship marked by friction": a participle with its agent is no clause.
    if (t.tags.has('PastTense') && s.norm(v + 1) === 'by') return false;
    return (t.tags.has('Verb') || t.tags.has('Modal') || t.tags.has('Auxiliary') || t.tags.has('Copula')) && !t.tags.has('Gerund') && !(t.tags.has('Participle') && !t.tags.has('PastTense'));
  }

  /** Where content that starts at token k ends: the sentence's end, a closing quotation mark (for a quotation), or
   *  a participle that starts a claim of its own (", adding that …") or an "according to". */
  private clauseEnd(k: number, quotation: boolean): number {
    const { s } = this;
    for (let j = k; j < s.tokens.length; j++) {
      if (quotation && /[”"]/.test(s.tokens[j]!.post)) return j + 1;
      if (j > k && /,\s*$/.test(s.tokens[j - 1]!.post)) {
        if (s.tokens[j]!.tags.has('Gerund') && matchPhrase(s, j, this.ctx.vocabulary.verbs)) return j;
        if (matchPhrase(s, j, this.ctx.vocabulary.sourcePhrases)) return j;
      }
    }
    return s.tokens.length;
  }

  /** "The senator, speaking in Ohio, said": the subject before the parenthetical. "Jane Doe, president of the union,
   *  said": the name with its apposition. */
  private aroundParenthetical(end: number): { from: number; to: number } | null {
    const { s } = this;
    let c = end - 1;
    while (c >= 0 && !/,\s*$/.test(s.tokens[c]!.post) && end - c < 16) c--;
    if (c < 0 || !/,\s*$/.test(s.tokens[c]!.post)) return null;
    const opener = s.tokens[c + 1]!;
    const before = phraseEndingAt(s, c);
    if (!before) return null;
    if (opener.tags.has('Preposition') || opener.tags.has('Gerund') || opener.tags.has('Adverb') || opener.tags.has('Date') || /^(who|which|speaking|writing|according)$/.test(s.norm(c + 1))) return before;
    const apposition = phraseEndingAt(s, end);
    return apposition ? { from: before.from, to: end + 1 } : null;
  }

  /** The subject of the clause a ", saying …" participle hangs on. */
  private clauseSubject(i: number): { from: number; to: number } | null {
    const { s } = this;
    for (let k = i - 1; k >= 0; k--) {
      const t = s.tokens[k]!;
      if (t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Gerund') && !t.tags.has('Participle')) {
        const g = verbGroup(s, k);
        return phraseEndingAt(s, g.subjectEnd);
      }
    }
    return null;
  }

  private sharedSubjectEnd(conjunction: number): number {
    const verb = previousVerb(this.s, conjunction);
    return verb === null ? -1 : verbGroup(this.s, verb).subjectEnd;
  }

  // --- according to, nouns, impersonal passives ----------------------------------------------------------------

  /** "According to X, …" and "…, according to X." */
  private accordingTo(i: number, to: number): void {
    const { s } = this;
    const np = phraseStartingAt(s, to);
    if (!np) return;
    const cue = this.range(i, to);
    let content: Range | null = null;
    if (i === 0 || (i <= 2 && /^(but|and|yet|so)$/.test(s.norm(0)))) {
      if (np.to < s.tokens.length) content = this.range(np.to, this.clauseEnd(np.to, false));
    } else if (s.breaksAfter(i - 1)) {
      let from = 0;
      for (let k = i - 1; k >= 0; k--) if (/[“"]/.test(s.tokens[k]!.pre)) { from = k; break; }
      content = this.range(from, i);
    }
    if (!content || content.end <= content.start) return;
    this.add(this.party(np.from, np.to), cue, content, [], false, [], 'according-to');
  }

  /** "X's claim that …", "a statement by X that …", "optimism among observers that …", "X made the claim that …". */
  private nounCue(i: number, to: number): void {
    const { s } = this;
    let k = to;
    let source: { from: number; to: number } | null = null;
    // A by/from/among phrase between the noun and its content.
    if (/^(by|from|among|of)$/.test(s.norm(k))) {
      const np = phraseStartingAt(s, k + 1);
      if (np && s.norm(k) !== 'of') source = np;
      if (np) k = np.to;
    }
    const opens = s.norm(k) === 'that' && !this.relativeThat(k);
    const colon = /:\s*$/.test(s.tokens[to - 1]!.post);
    if (!opens && !colon) return;
    const contentStart = colon ? to : k;
    if (contentStart >= s.tokens.length) return;
    // The possessor: "India's claim", "his claim".
    if (!source) {
      let j = i - 1;
      while (j >= 0 && (s.tokens[j]!.tags.has('Adjective') || /^(the|a|an|new|latest|repeated)$/.test(s.norm(j))) && !s.breaksAfter(j)) j--;
      if (j >= 0 && (/['’]s$/i.test(s.tokens[j]!.text) || /^(his|her|their|its|our|my)$/.test(s.norm(j)))) {
        const np = phraseEndingAt(s, j);
        if (np) source = { from: np.from, to: j + 1 };
      }
    }
    // "The visit is a clear indication that …": what the copula's subject shows.
    if (!source) {
      let j = i - 1;
      while (j >= 0 && (s.tokens[j]!.tags.has('Adjective') || s.tokens[j]!.tags.has('Adverb') || /^(a|an|the)$/.test(s.norm(j))) && !s.breaksAfter(j)) j--;
      if (j >= 0 && s.tokens[j]!.tags.has('Copula')) source = phraseEndingAt(s, verbGroup(s, j).subjectEnd);
    }
    const end = this.clauseEnd(contentStart, false);
    if (end - contentStart < 2) return;
    this.add(source ? this.party(source.from, source.to) : null, this.range(i, to), this.range(contentStart, end), [], false, [], source ? 'noun:source' : 'noun:sourceless');
  }

  /** "the claim that was made": "that" followed by a verb opens a relative clause, not the content. */
  private relativeThat(k: number): boolean {
    const next = this.s.tokens[k + 1];
    const then = this.s.tokens[k + 2];
    if (next === undefined || next.tags.has('Noun')) return false;
    if (next.tags.has('Auxiliary') || next.tags.has('Modal')) return true;
    // "that wages had fallen": a word read as a verb but followed by an auxiliary is the clause's subject.
    return next.tags.has('Verb') && !(then && (then.tags.has('Auxiliary') || then.tags.has('Modal') || then.tags.has('Verb')));
  }

  /** "It is believed that …" (no source) and "X is said to …" (no source; X and what follows are the content). */
  private impersonal(i: number): boolean {
    const { s } = this;
    if (!BE.test(s.norm(i))) return false;
    let v = i + 1;
    while (v < s.tokens.length && (s.tokens[v]!.tags.has('Adverb') || /^(been|being)$/.test(s.norm(v))) && !s.breaksAfter(v - 1)) v++;
    if (v >= s.tokens.length || !this.ctx.vocabulary.impersonal.has(s.norm(v)) || !(s.tokens[v]!.tags.has('PastTense') || s.tokens[v]!.tags.has('Participle') || s.tokens[v]!.tags.has('Passive'))) return false;
    let start = i;
    while (start > 0 && (s.tokens[start - 1]!.tags.has('Modal') || /^(has|have|had|not|also)$/.test(s.norm(start - 1)))) start--;
    const cue = this.range(start, v + 1);
    if (start > 0 && s.norm(start - 1) === 'it' && s.norm(v + 1) === 'that') {
      this.add(null, cue, this.range(v + 1, this.clauseEnd(v + 1, false)), [], true, this.hedgesIn(start, v), 'impersonal:it');
      this.markUsed(start, v + 1);
      return true;
    }
    if (s.norm(v + 1) === 'to' && start > 0) {
      const np = phraseEndingAt(s, start - 1);
      if (!np) return false;
      const subject = this.range(np.from, np.to);
      const rest = this.range(v + 1, this.clauseEnd(v + 1, false));
      this.add(null, cue, subject, [rest], true, this.hedgesIn(start, v), 'impersonal:subject');
      this.markUsed(start, v + 1);
      return true;
    }
    return false;
  }

  // --- building --------------------------------------------------------------------------------------------------

  private add(source: ClaimFinding['source'], cue: Range, content: Range, continues: Range[], hedgingCue: boolean, groupHedges: string[], reason: string): void {
    const hedges = [...groupHedges, ...[content, ...continues].flatMap((r) => this.hedgesInRange(r))];
    this.out.push({ source, cue, content, continues, hedges, hedgingCue, sentence: this.s.tokens[0]!.sentence, reason });
  }

  private markUsed(from: number, to: number): void {
    for (let k = from; k < to; k++) this.used.add(k);
  }

  private range(from: number, to: number): Range {
    return { start: this.s.tokens[from]!.start, end: this.s.tokens[to - 1]!.end };
  }

  /** The source as a party: its span and the actor its head names, or a group actor for "analysts", "observers". */
  private party(from: number, to: number): NonNullable<ClaimFinding['source']> {
    const { s } = this;
    const range = phraseRange(s, from, to);
    const actor = actorIn(s, from, to) ?? this.groupActor(from, to);
    return { ...range, actor };
  }

  private groupActor(from: number, to: number): Finding | undefined {
    const { s } = this;
    const head = headOf(s, from, to);
    const t = s.tokens[head]!;
    if (!this.ctx.groups.has(s.norm(head)) || !t.tags.has('Plural')) return undefined;
    const existing = this.derived.find((f) => f.start === t.start);
    if (existing) return existing;
    const name = s.norm(head).replace(/^./, (c) => c.toUpperCase());
    const f: Finding = {
      ref: { list: 'actors', type: 'group', name, code: null, key: `group:${s.norm(head)}` },
      start: t.start,
      end: t.end,
      sentence: t.sentence,
      via: 'title',
      reason: 'claim:group-source',
      strength: 'strong',
    };
    this.derived.push(f);
    return f;
  }

  private hedgesIn(from: number, to: number): string[] {
    return from < to ? this.hedgesInRange({ start: this.s.tokens[from]!.start, end: this.s.tokens[to - 1]!.end }) : [];
  }

  private hedgesInRange(r: Range): string[] {
    const { s } = this;
    const out: string[] = [];
    for (let k = 0; k < s.tokens.length; k++) {
      const t = s.tokens[k]!;
      if (t.start < r.start || t.end > r.end) continue;
      const m = matchPhrase(s, k, this.ctx.vocabulary.hedges);
      if (!m) continue;
      // "may" is also a month and "might" a noun: a modal counts only as a modal.
      if (m.to === k + 1 && /^(may|might|could)$/.test(s.norm(k)) && !t.tags.has('Modal')) continue;
      out.push(s.tokens.slice(k, m.to).map((w) => w.text.toLowerCase()).join(' '));
      k = m.to - 1;
    }
    return out;
  }
}
