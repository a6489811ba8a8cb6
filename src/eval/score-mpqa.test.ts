// Tests of the MPQA stance scoring on invented sentences and hand-built stances: no annotator, no gold files.
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation.js';
import { joinArticles, readStances, scoreMpqa, scoreMpqaArticle } from './score-mpqa.js';
import type { MpqaOpinion, MpqaSentence, PredictedStance, Span } from './score-mpqa.js';

function span(text: string, word: string): Span {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`no ${word} in ${text}`);
  return { start, end: start + word.length, text: word };
}

const S0 = 'Valdoria praised the accord.';
const S1 = 'Critics in Kestria condemned the dam, and the writer deplores the project too.';
const S2 = 'The minister argued that the dam is safe.';

function opinion(text: string, raw: string, target: string | null, holder: string | null, expression = 'x'): MpqaOpinion {
  return {
    polarityRaw: raw,
    target: target === null ? null : span(text, target),
    holder: holder === null ? null : span(text, holder),
    expression: expression === 'x' ? null : span(text, expression),
  };
}

// Given out of order, as nothing in the file promises sentence order.
const SENTENCES: MpqaSentence[] = [
  { id: 'd1#1', docId: 'd1', index: 1, text: S1, opinions: [opinion(S1, 'sentiment-neg', 'the dam', 'Critics in Kestria', 'condemned'), opinion(S1, 'sentiment-neg', 'the project', null)] },
  { id: 'd1#0', docId: 'd1', index: 0, text: S0, opinions: [opinion(S0, 'agree-pos', 'the accord', 'Valdoria', 'praised')] },
  { id: 'd1#2', docId: 'd1', index: 2, text: S2, opinions: [opinion(S2, 'arguing-pos', 'the dam is safe', 'The minister'), opinion(S2, 'sentiment-pos', null, 'The minister')] },
];

describe('joinArticles', () => {
  const [article] = joinArticles(SENTENCES);

  it('joins an article’s sentences with a newline in sent_index order', () => {
    expect(article?.text).toBe(`${S0}\n${S1}\n${S2}`);
    expect(article?.sentences.map((s) => [s.id, s.start])).toEqual([
      ['d1#0', 0],
      ['d1#1', S0.length + 1],
      ['d1#2', S0.length + S1.length + 2],
    ]);
  });

  it('keeps sentiment and agreement opinions with a target as stances, their spans moved into the article', () => {
    expect(article?.gold.map((g) => [g.polarity, g.polarityRaw, article.text.slice(g.target.start, g.target.end), g.holder?.text ?? null])).toEqual([
      ['support', 'agree-pos', 'the accord', 'Valdoria'],
      ['oppose', 'sentiment-neg', 'the dam', 'Critics in Kestria'],
      ['oppose', 'sentiment-neg', 'the project', null],
    ]);
    expect(article?.opinions).toBe(5);
  });
});

describe('scoreMpqaArticle and scoreMpqa', () => {
  const [article] = joinArticles(SENTENCES);
  const text = article!.text;
  const at = (word: string, from = 0): Span => {
    const start = text.indexOf(word, from);
    return { start, end: start + word.length, text: word };
  };
  const stance = (id: string, polarity: PredictedStance['polarity'], target: Span, holder: Span | null): PredictedStance => ({
    id,
    polarity,
    target,
    holder,
    cue: at('condemned'),
  });
  const s1 = S0.length + 1;
  const predicted = [
    stance('s1', 'support', at('accord'), at('Valdoria')), // right, with holder
    stance('s2', 'oppose', at('the dam', s1), at('Kestria')), // right, holder overlaps "Critics in Kestria"
    stance('s3', 'oppose', at('project'), at('writer')), // right: the gold holder is null, any holder counts
    stance('s4', 'support', at('dam', s1), null), // wrong polarity
    stance('s5', 'neutral', at('accord'), null), // neutral never matches
  ];
  const result = scoreMpqaArticle(article!, predicted);
  const score = scoreMpqa([result]);

  it('finds a gold stance by the same polarity on an overlapping target', () => {
    expect(result.gold.map((g) => g.foundBy?.id ?? null)).toEqual(['s1', 's2', 's3']);
    expect(result.predicted.map((p) => p.right)).toEqual([true, true, true, false, false]);
  });

  it('asks for an overlapping holder only where the gold names one', () => {
    const wrongHolder = scoreMpqaArticle(article!, [stance('s6', 'oppose', at('the dam', s1), at('writer'))]);
    expect(wrongHolder.gold.map((g) => [g.foundBy?.id ?? null, g.foundWithHolderBy?.id ?? null])).toEqual([
      [null, null],
      ['s6', null],
      [null, null],
    ]);
    expect(result.gold.map((g) => g.foundWithHolderBy?.id ?? null)).toEqual(['s1', 's2', 's3']);
  });

  it('takes precision over every annotate stance, neutral ones included', () => {
    expect(score.stances).toMatchObject({ gold: 3, found: 3, predicted: 5, right: 3, recall: 1, precision: 0.6 });
    expect(score.byPolarity.support).toMatchObject({ gold: 1, found: 1, predicted: 2, right: 1 });
    expect(score.byPolarity.oppose).toMatchObject({ gold: 2, found: 2, predicted: 2, right: 2 });
    expect(score.predictedNeutral).toBe(1);
  });

  it('counts what the gold holds beside the stances', () => {
    expect(score).toMatchObject({ articles: 1, sentences: 3, opinions: 5, withoutTarget: 1, goldWithHolder: 2 });
    expect(score.goldByRaw).toEqual({ 'agree-pos': 1, 'sentiment-neg': 2 });
  });
});

describe('readStances', () => {
  it('gives target, holder and cue in UTF-16 units of the article', () => {
    const text = '🙂 Valdoria praised the accord.';
    const stances: Annotation['stances'] = [
      {
        id: 's1',
        holder: { actor: 'valdoria', text: 'Valdoria', start: 2, end: 10 },
        target: { actor: null, event: null, text: 'the accord', start: 19, end: 29 },
        polarity: 'support',
        cue: { text: 'praised', start: 11, end: 18 },
        via: 'verb',
        event: null,
        sentence: 0,
      },
    ];
    expect(readStances({ stances }, text)).toEqual([
      {
        id: 's1',
        polarity: 'support',
        target: { start: 20, end: 30, text: 'the accord' },
        holder: { start: 3, end: 11, text: 'Valdoria' },
        cue: { start: 12, end: 19, text: 'praised' },
      },
    ]);
  });
});
