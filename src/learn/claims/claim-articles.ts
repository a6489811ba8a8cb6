// The PolNeAR articles as the claims trainer reads them: each article parsed and its names found as annotate does
// before its claims stage, with its gold attributions laid over the tokens. Training only: annotate itself never
// reads gold.
import type { Lexicon } from '../../lexicon/lexicon.js';
import { indexLexicon } from '../../lexicon/index-lexicon.js';
import { createParser } from '../../nlp/create-nlp.js';
import type { ParsedText } from '../../nlp/create-nlp.js';
import { findNames } from '../../extract/find-names.js';
import { classifyNames, isSportsReport } from '../../extract/classify-names.js';
import type { Finding } from '../../extract/classify-names.js';
import { findAgents } from '../../extract/find-agents.js';

/** A span in UTF-16 units of the article. */
export interface Span {
  start: number;
  end: number;
}

/** One gold attribution: its first cue fragment, its source and content fragments. */
export interface GoldClaim {
  cue: Span;
  source: Span[];
  content: Span[];
}

/** An article as the claims stage sees it, with the gold beside it. */
export interface ClaimArticle {
  text: string;
  parsed: ParsedText;
  findings: Finding[];
  gold: GoldClaim[];
}

/** Reads one PolNeAR-shaped record ({text, attributions[{source[], cue[], content[]}]}); null when it has no text. */
export function goldClaims(record: Record<string, unknown>): { text: string; gold: GoldClaim[] } | null {
  const { text, attributions } = record;
  if (typeof text !== 'string' || !Array.isArray(attributions)) return null;
  const spans = (value: unknown): Span[] =>
    Array.isArray(value) ? value.map((f) => f as Span).filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.end > f.start && f.end <= text.length) : [];
  const gold: GoldClaim[] = [];
  for (const a of attributions as Record<string, unknown>[]) {
    const cue = spans(a.cue)[0];
    if (cue) gold.push({ cue, source: spans(a.source), content: spans(a.content) });
  }
  return { text, gold };
}

/** Parses articles and finds their names the way createAnnotator does before the claims stage. */
export function createClaimReader(lexicon: Lexicon): (record: Record<string, unknown>) => ClaimArticle | null {
  const index = indexLexicon(lexicon);
  const parse = createParser(lexicon);
  return (record) => {
    const read = goldClaims(record);
    if (!read) return null;
    const parsed = parse(read.text, 0);
    const sports = isSportsReport(parsed.sentences.flatMap((s) => s.map((t) => t.normal)));
    const date = typeof record.date === 'string' ? record.date : null;
    const named = classifyNames(findNames(parsed, read.text, index), { index, sports, date });
    const agents = findAgents(parsed, named, index);
    return { ...read, parsed, findings: [...named, ...agents.owned] };
  };
}
