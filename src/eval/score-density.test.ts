// Tests of the corpus event density and its seeded sample, on hand-built article events: no annotator, no corpus.
import { describe, expect, it } from 'vitest';
import { folderOf, isFight, sampleFightEvents, summarizeDensity } from './score-density.js';
import type { ArticleEvents, DensityEvent } from './score-density.js';

function ev(code: string, trigger = 'met'): DensityEvent {
  return { code, trigger, start: 0, end: trigger.length, sentence: 0, source: [], target: [] };
}

function article(path: string, ...codes: string[]): ArticleEvents {
  return { path, events: codes.map((c) => ev(c)) };
}

const ARTICLES = [
  article('sport/001.txt', '190', '040'),
  article('sport/002.txt'),
  article('sport/003.txt', '1823', '195', '20'),
  article('tech/001.txt', '042'),
  article('top.txt', '173'),
];

describe('summarizeDensity', () => {
  const density = summarizeDensity(ARTICLES);

  it('counts events and fight events (roots 18–20) per article, per folder in name order', () => {
    expect(density.folders.map((f) => [f.folder, f.articles, f.events, f.fightEvents, f.articlesWithFight])).toEqual([
      ['.', 1, 1, 0, 0],
      ['sport', 3, 5, 4, 2],
      ['tech', 1, 1, 0, 0],
    ]);
    const sport = density.folders[1]!;
    expect(sport.eventsPerArticle).toBeCloseTo(5 / 3);
    expect(sport.fightPerArticle).toBeCloseTo(4 / 3);
  });

  it('sums the whole corpus in a row of its own', () => {
    expect(density.all).toMatchObject({ folder: 'all', articles: 5, events: 7, fightEvents: 4, fightPerArticle: 0.8 });
  });

  it('reads 17 (coerce) and 14 (protest) as no fight, and a file at the top as folder "."', () => {
    expect(['173', '141', '1823', '20', '190'].map(isFight)).toEqual([false, false, true, true, true]);
    expect(folderOf('top.txt')).toBe('.');
    expect(folderOf('sport/deep/001.txt')).toBe('sport');
  });
});

describe('sampleFightEvents', () => {
  const many = Array.from({ length: 30 }, (_, i) => article(`sport/${String(i).padStart(3, '0')}.txt`, '190', '042'));
  const corpus = [...many, article('tech/001.txt', '195'), article('tech/002.txt', '040')];

  it('draws up to n fight events per folder, the same ones for the same seed, in path order', () => {
    const first = sampleFightEvents(corpus, 5, 7);
    const again = sampleFightEvents(corpus, 5, 7);
    expect(again).toEqual(first);
    const sport = first.get('sport')!.map((s) => s.path);
    expect(sport).toHaveLength(5);
    expect([...sport].sort()).toEqual(sport);
    expect(first.get('sport')!.every((s) => s.event.code === '190')).toBe(true);
    expect(first.get('tech')!.map((s) => s.path)).toEqual(['tech/001.txt']);
  });

  it('draws other events for another seed, and keeps a folder’s sample when another folder changes', () => {
    const a = sampleFightEvents(corpus, 5, 7).get('sport')!.map((s) => s.path);
    const b = sampleFightEvents(corpus, 5, 8).get('sport')!.map((s) => s.path);
    expect(b).not.toEqual(a);
    const withMoreTech = [...corpus, article('tech/003.txt', '190')];
    expect(sampleFightEvents(withMoreTech, 5, 7).get('sport')).toEqual(sampleFightEvents(corpus, 5, 7).get('sport'));
  });

  it('gives empty samples for n = 0', () => {
    expect([...sampleFightEvents(corpus, 0, 1).values()].every((list) => list.length === 0)).toBe(true);
  });
});
