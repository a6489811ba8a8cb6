// Tests of the pure claim scoring on sentences written for these tests and hand-built annotations: no annotator, no
// gold files.
import { describe, expect, it } from 'vitest';
import type { Annotation, ClaimAnnotation, Span } from '../model/annotation.js';
import {
  contentCounts,
  cueWord,
  matchCues,
  predictClaims,
  scoreClaimDoc,
  scoreClaims,
  tokenize,
  topWords,
} from './score-claims.js';
import type { ClaimDoc, Fragment, GoldAttribution, PredictedClaim } from './score-claims.js';

const TEXT = 'The harbour master said the ferry would sail at noon. Officials later denied it, a clerk told reporters.';

/** The `nth` occurrence of `phrase` in `text`, in UTF-16 units. */
function frag(phrase: string, nth = 0, text = TEXT): Fragment {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" not in the text`);
  return { start, end: start + phrase.length, text: phrase };
}

let nextId = 0;
function gold(cue: Fragment[], source: Fragment[] = [], content: Fragment[] = []): GoldAttribution {
  nextId++;
  return { id: `G${nextId}`, source, cue, content };
}

function predicted(cue: Fragment, source: Fragment | null = null, content: Fragment[] = []): PredictedClaim {
  nextId++;
  return { id: `c${nextId}`, source, cue, content };
}

function doc(attributions: GoldAttribution[], text = TEXT): ClaimDoc {
  return { id: 'doc', text, date: null, attributions };
}

/** A span in code points of `text`, found by its UTF-16 position. */
function cpSpan(text: string, phrase: string): Span {
  const unit = text.indexOf(phrase);
  if (unit < 0) throw new Error(`"${phrase}" not in the text`);
  const start = [...text.slice(0, unit)].length;
  return { text: phrase, start, end: start + [...phrase].length };
}

function claim(text: string, cue: string, source: string | null, content: string, continues: string[] = []): ClaimAnnotation {
  return {
    id: 'c1',
    source: source === null ? null : { ...cpSpan(text, source), actor: null },
    cue: cpSpan(text, cue),
    content: cpSpan(text, content),
    continues: continues.map((c) => cpSpan(text, c)),
    certainty: 'asserted',
    hedges: [],
    sentence: 0,
  };
}

const annotation = (claims: ClaimAnnotation[]): Pick<Annotation, 'claims'> => ({ claims });

describe('matchCues', () => {
  it('counts a cue only when its span is exactly the gold cue; an overlap is matched only leniently', () => {
    const g = [gold([frag('said')])];
    const p = [predicted(frag('said the'))];
    const exact = matchCues(g, p, 'exact');
    expect(exact.pairs).toHaveLength(0);
    expect(exact.fp).toEqual(p);
    expect(exact.fn).toEqual(g);
    const lenient = matchCues(g, p, 'overlap');
    expect(lenient.pairs.map((x) => [x.gold.id, x.predicted.id])).toEqual([[g[0]?.id, p[0]?.id]]);
    expect(lenient.fp).toHaveLength(0);
  });

  it('matches each gold attribution at most once and each prediction at most once', () => {
    const g = [gold([frag('said')])];
    const twice = [predicted(frag('said')), predicted(frag('said'))];
    const match = matchCues(g, twice, 'exact');
    expect(match.pairs).toHaveLength(1);
    expect(match.pairs[0]?.predicted).toBe(twice[0]);
    expect(match.fp).toEqual([twice[1]]);

    const two = [gold([frag('said')]), gold([frag('told')])];
    const one = matchCues(two, [predicted(frag('told'))], 'exact');
    expect(one.pairs.map((x) => x.gold)).toEqual([two[1]]);
    expect(one.fn).toEqual([two[0]]);
  });

  it('accepts any fragment of a cue in two pieces', () => {
    const g = [gold([frag('later'), frag('denied')])];
    expect(matchCues(g, [predicted(frag('denied'))], 'exact').pairs).toHaveLength(1);
  });

  it('gives a lenient prediction the gold cue it overlaps most', () => {
    const short = gold([frag('the ferry')]);
    const long = gold([frag('said the ferry would')]);
    const match = matchCues([short, long], [predicted(frag('said the ferry'))], 'overlap');
    expect(match.pairs[0]?.gold).toBe(long);
    expect(match.fn).toEqual([short]);
  });

  it('never matches a gold attribution without a cue', () => {
    const match = matchCues([gold([])], [predicted(frag('said'))], 'overlap');
    expect(match.pairs).toHaveLength(0);
    expect(match.fn).toHaveLength(1);
  });
});

describe('sources', () => {
  it('finds a source when the predicted source overlaps a gold source fragment, on an exactly matched cue', () => {
    const master = gold([frag('said')], [frag('The harbour master')]);
    const clerk = gold([frag('told')], [frag('a clerk')]);
    const officials = gold([frag('denied')], [frag('Officials')]);
    const result = scoreClaimDoc(doc([master, clerk, officials]), [
      predicted(frag('said'), frag('harbour master')), // overlaps: found
      predicted(frag('told'), frag('reporters')), // cue right, source wrong
      // Officials' cue is missed: its source counts in the recall's denominator only.
    ]);
    expect(result.source).toMatchObject({ withSource: 3, found: 1, matchedWithSource: 2 });
    expect(result.wrongSource.map((p) => p.gold)).toEqual([clerk]);
  });

  it('needs a predicted source: none never overlaps', () => {
    const result = scoreClaimDoc(doc([gold([frag('said')], [frag('The harbour master')])]), [predicted(frag('said'), null)]);
    expect(result.source.found).toBe(0);
    expect(result.wrongSource).toHaveLength(1);
  });

  it('counts sourceless gold attributions apart, and whether the prediction left the source out too', () => {
    const result = scoreClaimDoc(doc([gold([frag('said')]), gold([frag('denied')]), gold([frag('told')])]), [
      predicted(frag('said'), null),
      predicted(frag('denied'), frag('Officials')),
    ]);
    expect(result.source).toEqual({
      withSource: 0,
      found: 0,
      matchedWithSource: 0,
      sourceless: 3,
      sourcelessMatched: 2,
      sourcelessNone: 1,
    });
    expect(result.wrongSource).toHaveLength(0);
  });
});

describe('content token overlap', () => {
  it('tokenizes maximal runs of letters and digits by their UTF-16 start', () => {
    expect(tokenize('Naïve ones—12th, ok')).toEqual([
      { start: 0, end: 5 },
      { start: 6, end: 10 },
      { start: 11, end: 15 },
      { start: 17, end: 19 },
    ]);
  });

  it('compares a split quotation part by part, micro-summed over the pairs', () => {
    const text = '“The ferry is late,” the clerk said, “but it will sail.” A guard told us the gate was shut.';
    const split = gold([frag('said', 0, text)], [frag('the clerk', 0, text)], [
      frag('The ferry is late', 0, text),
      frag('but it will sail', 0, text),
    ]);
    const guard = gold([frag('told', 0, text)], [], [frag('the gate was shut', 0, text)]);
    const pairs = [
      // Both parts of the quotation, via predictClaims' content + continues list: 8 of 8 gold tokens.
      { gold: split, predicted: predicted(frag('said', 0, text), null, [frag('The ferry is late', 0, text), frag('but it will sail', 0, text)]) },
      // "us the gate": 2 of its 3 tokens are gold, 2 of the 4 gold tokens found.
      { gold: guard, predicted: predicted(frag('told', 0, text), null, [frag('us the gate', 0, text)]) },
    ];
    expect(contentCounts(text, pairs)).toEqual({ pairs: 2, predictedTokens: 11, goldTokens: 12, overlap: 10 });
  });

  it('counts a word cut by a fragment as the whole token, and overlapping fragments once', () => {
    const text = 'She said the ferry sails.';
    const g = gold([frag('said', 0, text)], [], [frag('the ferry sails', 0, text)]);
    const p = predicted(frag('said', 0, text), null, [frag('he fer', 0, text), frag('ferry', 0, text)]);
    expect(contentCounts(text, [{ gold: g, predicted: p }])).toEqual({ pairs: 1, predictedTokens: 2, goldTokens: 3, overlap: 2 });
  });
});

describe('predictClaims', () => {
  it('converts code points to UTF-16 units, so that an emoji before the claim does not shift it', () => {
    const text = '🙂🙂 Officials said the gate was shut.';
    const predictedClaims = predictClaims(annotation([claim(text, 'said', 'Officials', 'the gate was shut')]), text);
    const g = gold([frag('said', 0, text)], [frag('Officials', 0, text)], [frag('the gate was shut', 0, text)]);
    const result = scoreClaimDoc(doc([g], text), predictedClaims);
    expect(result.exact.pairs).toHaveLength(1);
    expect(result.source.found).toBe(1);
    expect(result.content).toEqual({ pairs: 1, predictedTokens: 4, goldTokens: 4, overlap: 4 });
  });

  it('joins the continues of a split quotation to its content and sorts claims by cue', () => {
    const text = '“The ferry is late,” the clerk said, “but it will sail.” A guard told us.';
    const claims = [claim(text, 'told', 'A guard', 'us'), claim(text, 'said', 'the clerk', 'The ferry is late', ['but it will sail'])];
    const [first, second] = predictClaims(annotation(claims), text);
    expect(first?.cue).toEqual(frag('said', 0, text));
    expect(first?.content).toEqual([frag('The ferry is late', 0, text), frag('but it will sail', 0, text)]);
    expect(second?.source).toEqual(frag('A guard', 0, text));
  });
});

describe('scoreClaims', () => {
  it('micro-sums cue, source and content counts over articles and checks the goals', () => {
    const a = scoreClaimDoc(doc([gold([frag('said')], [frag('The harbour master')], [frag('the ferry would sail at noon')])]), [
      predicted(frag('said'), frag('The harbour master'), [frag('the ferry would sail')]),
      predicted(frag('denied'), frag('Officials')),
    ]);
    const b = scoreClaimDoc(doc([gold([frag('told')], [frag('a clerk')]), gold([])]), []);
    const score = scoreClaims([a, b]);
    expect(score).toMatchObject({ documents: 2, goldAttributions: 3, goldWithoutCue: 1, predictedClaims: 2 });
    expect(score.cue).toMatchObject({ tp: 1, fp: 1, fn: 2 });
    expect(score.cue.precision).toBeCloseTo(0.5);
    expect(score.cue.recall).toBeCloseTo(1 / 3);
    expect(score.cue.f1).toBeCloseTo(0.4);
    expect(score.source.recall).toBeCloseTo(0.5);
    expect(score.source.accuracyOnMatched).toBe(1);
    // 4 predicted tokens, all gold; 6 gold tokens: P 1, R 2/3, F1 0.8.
    expect(score.content).toMatchObject({ pairs: 1, predictedTokens: 4, goldTokens: 6, overlap: 4, precision: 1 });
    expect(score.content.recall).toBeCloseTo(2 / 3);
    expect(score.content.f1).toBeCloseTo(0.8);
    expect(score.goals.map((g) => [g.name, g.met])).toEqual([
      ['cue F1 (exact)', false],
      ['source recall', false],
      ['content overlap F1', true],
    ]);
    expect(score.missedCueWords).toEqual([
      { word: '(no cue)', count: 1 },
      { word: 'told', count: 1 },
    ]);
    expect(score.spuriousCueWords).toEqual([{ word: 'denied', count: 1 }]);
  });

  it('is all zeros, not NaN, when nothing is predicted', () => {
    const score = scoreClaims([scoreClaimDoc(doc([gold([frag('said')], [frag('The harbour master')])]), [])]);
    expect(score.cue.f1).toBe(0);
    expect(score.source.accuracyOnMatched).toBe(0);
    expect(score.content.f1).toBe(0);
  });
});

describe('cue words', () => {
  it('lower-cases, collapses white space and joins the pieces of a cue', () => {
    expect(cueWord([{ start: 0, end: 0, text: 'According  to' }])).toBe('according to');
    expect(cueWord([{ start: 0, end: 0, text: 'Did' }, { start: 0, end: 0, text: 'say' }])).toBe('did … say');
  });

  it('ranks by count, then alphabetically, and keeps the top ones', () => {
    expect(topWords(['told', 'said', 'noted', 'said', 'added', 'told', 'said'], 3)).toEqual([
      { word: 'said', count: 3 },
      { word: 'told', count: 2 },
      { word: 'added', count: 1 },
    ]);
  });
});
