// The names model over a whole article: the rules' findings as marks on the tokens, the tagger over every sentence,
// and the spans it found as character offsets. Shared by inference (classify-names) and training (train-names).
import type { ParsedText, Token } from '../../nlp/create-nlp.js';
import type { LexiconIndex } from '../../lexicon/index-lexicon.js';
import type { Learned, LinearModel } from '../linear-model.js';
import type { Finding } from '../../extract/classify-names.js';
import { articleEvidence, evidenceOfFacts, sentenceFacts, tagSentenceByHashes, tokenEnd } from './name-tagger.js';
import type { ArticleEvidence, NameType, RuleMark, TagInput } from './name-tagger.js';

/** What the tagger needs to know of a rule's finding. */
export interface RuleSpan {
  start: number;
  end: number;
  sentence: number;
  /** person, organization, country, group, place-city, … */
  type: string;
  reason: string;
  strength: string;
}

/** A name the model found, in UTF-16 offsets of the article. */
export interface ModelSpan {
  sentence: number;
  start: number;
  end: number;
  type: NameType;
  tokens: readonly Token[];
  /** The word before the span in its sentence. */
  before: Token | undefined;
  /** Why, for explain (made on demand: most spans agree with the rules and are never explained). */
  explain(): Learned;
}

/** The rules' verdict on each token of each sentence. */
export function ruleMarks(parsed: ParsedText, rules: readonly RuleSpan[]): (RuleMark | undefined)[][] {
  const marks = parsed.sentences.map((tokens) => tokens.map((): RuleMark | undefined => undefined));
  for (const r of rules) {
    const tokens = parsed.sentences[r.sentence];
    if (!tokens) continue;
    let begins = true;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.start < r.start || t.start >= r.end) continue;
      marks[r.sentence]![i] ??= { type: r.type, begins, reason: r.reason.split('>')[0]!, strength: r.strength };
      begins = false;
    }
  }
  return marks;
}

/** The tagger's inputs for every sentence of an article. */
export function tagInputs(parsed: ParsedText, rules: readonly RuleSpan[]): TagInput[] {
  const marks = ruleMarks(parsed, rules);
  return parsed.sentences.map((tokens, s) => ({ tokens, rules: marks[s]! }));
}

export function evidenceOf(parsed: ParsedText, sports: boolean): ArticleEvidence {
  return articleEvidence(parsed.sentences, sports);
}

/** Runs the model over an article: the names it finds, sentence by sentence. */
export function tagArticle(model: LinearModel, parsed: ParsedText, rules: readonly RuleSpan[], index: LexiconIndex, sports: boolean): ModelSpan[] {
  const inputs = tagInputs(parsed, rules);
  const facts = inputs.map((input) => sentenceFacts(input.tokens));
  const article = evidenceOfFacts(parsed.sentences, facts, sports);
  const out: ModelSpan[] = [];
  inputs.forEach((input, sentence) => {
    for (const span of tagSentenceByHashes(input, facts[sentence]!, model, index, article)) {
      const tokens = input.tokens.slice(span.first, span.last + 1);
      const end = tokenEnd(tokens[tokens.length - 1]!);
      const start = tokens[0]!.start;
      if (end <= start) continue;
      out.push({ sentence, start, end, type: span.type, tokens, before: input.tokens[span.first - 1], explain: () => model.explain(span.features(), span.label, span.margin) });
    }
  });
  return out;
}

/** The rules' findings as the tagger reads them. */
export function toRuleSpans(findings: readonly Finding[]): RuleSpan[] {
  return findings.map((f) => ({
    start: f.start,
    end: f.end,
    sentence: f.sentence,
    type: f.via === 'title' || f.via === 'demonym' ? f.via : f.ref.list === 'actors' ? f.ref.type : `place-${f.ref.type}`,
    reason: f.reason,
    strength: f.strength,
  }));
}
