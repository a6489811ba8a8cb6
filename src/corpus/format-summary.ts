// `annotate report <annotations…>` without --html: the corpus at a glance in the terminal (aligned tables of the top
// actors, places, event categories and stances) or the same figures as JSON for tools. Pure: a corpus in, text out.
import { Chalk } from 'chalk';
import type { Corpus, StanceSide } from './collect-corpus.js';
import { describeLeftOut, describeSide } from './collect-corpus.js';
import { countCodePoints } from '../text/code-points.js';

export const SUMMARY_FORMATS = ['text', 'json'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export interface SummaryOptions {
  /** Rows per table; Infinity for all. */
  top: number;
  /** chalk's colour level: 0 for none. */
  color: number;
}

/** The figures a tool gets from `--format json`: the same rows the tables show. */
export interface CorpusSummary {
  totals: Corpus['totals'];
  actors: { id: string; name: string; type: string; codes: string[]; mentions: number; articles: number }[];
  places: { id: string; name: string; type: string; country: string | null; mentions: number; articles: number }[];
  eventCategories: { code: string; category: string; quadClass: string; events: number; articles: number }[];
  stances: { holder: string; polarity: string; target: string; targetIsActor: boolean; count: number; articles: number }[];
}

export function summarizeCorpus(corpus: Corpus, top: number): CorpusSummary {
  const side = (s: StanceSide): string => ('actor' in s ? (corpus.actors[s.actor]?.name ?? '?') : s.text);
  return {
    totals: corpus.totals,
    actors: corpus.actors.slice(0, top).map((a) => ({ id: a.id, name: a.name, type: a.type, codes: a.codes, mentions: a.mentions, articles: a.articles.length })),
    places: corpus.places.slice(0, top).map((p) => ({ id: p.id, name: p.name, type: p.type, country: p.country, mentions: p.mentions, articles: p.articles.length })),
    eventCategories: corpus.categories.slice(0, top).map((c) => ({ code: c.root, category: c.category, quadClass: c.quadClass, events: c.events, articles: c.articles.length })),
    stances: corpus.stances.slice(0, top).map((s) => ({
      holder: side(s.holder),
      polarity: s.polarity,
      target: side(s.target),
      targetIsActor: 'actor' in s.target,
      count: s.count,
      articles: s.articles.length,
    })),
  };
}

export function formatSummary(corpus: Corpus, format: SummaryFormat, options: SummaryOptions): string {
  if (format === 'json') return JSON.stringify(summarizeCorpus(corpus, options.top), null, 2) + '\n';
  const c = new Chalk({ level: options.color as 0 | 1 | 2 | 3 });
  const { totals } = corpus;
  const top = (n: number): string => (n > options.top ? `top ${options.top} of ${n}` : `${n}`);
  const sections = [
    c.bold(`${plural(totals.articles, 'article')}: ${plural(totals.actors, 'actor')}, ${plural(totals.places, 'place')}, ` +
      `${plural(totals.events, 'event')}, ${plural(totals.stances, 'stance')}, ${plural(totals.claims, 'claim')}`),
    section(c, `Actors (${top(totals.actors)})`, ['actor', 'type', 'code', 'mentions', 'articles'], [false, false, false, true, true],
      corpus.actors.slice(0, options.top).map((a) => [a.name, a.type, a.codes.join(' ') || '–', String(a.mentions), String(a.articles.length)])),
    section(c, `Places (${top(totals.places)})`, ['place', 'type', 'country', 'mentions', 'articles'], [false, false, false, true, true],
      corpus.places.slice(0, options.top).map((p) => [p.name, p.type, p.country ?? '–', String(p.mentions), String(p.articles.length)])),
    section(c, `Event categories (${top(corpus.categories.length)})`, ['code', 'category', 'quad class', 'events', 'articles'], [false, false, false, true, true],
      corpus.categories.slice(0, options.top).map((k) => [k.root, k.category, k.quadClass, String(k.events), String(k.articles.length)])),
    section(c, `Stances (${top(corpus.stances.length)})`, ['holder', 'stance', 'target', 'count', 'articles'], [false, false, false, true, true],
      corpus.stances.slice(0, options.top).map((s) => [describeSide(corpus, s.holder), s.polarity, describeSide(corpus, s.target), String(s.count), String(s.articles.length)])),
  ];
  const leftOut = describeLeftOut(totals);
  if (leftOut !== null) sections.push(c.dim(`Stances: ${leftOut}`));
  return sections.join('\n\n') + '\n';
}

function section(c: InstanceType<typeof Chalk>, title: string, header: string[], numeric: boolean[], rows: string[][]): string {
  if (rows.length === 0) return `${c.bold(title)}\n  ${c.dim('none')}`;
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]): string =>
    '  ' + cells.map((cell, i) => {
      const pad = ' '.repeat((widths[i] ?? 0) - width(cell));
      return numeric[i] ? pad + cell : i === cells.length - 1 ? cell : cell + pad;
    }).join('  ').trimEnd();
  return [c.bold(title), c.dim(line(header)), ...rows.map(line)].join('\n');
}

/** Columns count code points, so accented names line up; wide (CJK) characters would still need two columns. */
const width = countCodePoints;

/** "1 article", "2,225 articles". */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
