// The bench's printout: a row per side with the ratio named, failed sides shown with their error, targets aligned.
import { describe, expect, it } from 'vitest';
import { formatBench, formatTable, formatTargets } from './format-bench.js';
import { summarizeBench } from './summarize-bench.js';
import type { SideMeasure } from './summarize-bench.js';

const measures: SideMeasure[] = [
  { id: 'compromise', label: 'compromise', error: null, files: 2225, words: 850_000, loadSeconds: 0.21, seconds: 40, processSeconds: 40.5, maxRssMB: 180.4 },
  { id: 'jobs1', label: 'annotate --jobs 1', error: null, files: 2225, words: 850_000, loadSeconds: 0.4, seconds: 50, processSeconds: 50.7, maxRssMB: 220 },
  {
    id: 'jobsAuto',
    label: 'annotate --jobs auto',
    error: 'exit 2: error: unknown option \'--jobs\'\n(run annotate --help for usage)',
    files: 2225,
    words: 850_000,
    loadSeconds: null,
    seconds: null,
    processSeconds: null,
    maxRssMB: null,
  },
  { id: 'singleArticle', label: 'single article (median of 5)', error: null, files: 1, words: 560, loadSeconds: null, seconds: null, processSeconds: 0.42, maxRssMB: 120 },
];
const summary = summarizeBench(measures, { cores: 2, files: 2225, totalFiles: 2225, scale: null });

describe('formatTable', () => {
  const [header, compromise, jobs1, auto, single] = formatTable(summary.sides);

  it('a row per side: thousands separated, seconds to the hundredth, the ratio with the side it compares to', () => {
    expect(compromise!.split(/\s{2,}/)).toEqual(['compromise', '2,225', '0.21', '40.00', '21,250', '40.50', '180']);
    expect(jobs1!.split(/\s{2,}/)).toEqual(['annotate --jobs 1', '2,225', '0.40', '50.00', '17,000', '0.80× compromise', '50.70', '220']);
  });

  it('columns line up under their titles', () => {
    const end = (line: string, text: string) => line.indexOf(text) + text.length;
    expect(end(compromise!, '21,250')).toBe(end(header!, 'words/s'));
    expect(end(jobs1!, '220')).toBe(end(header!, 'peak RSS MB'));
    expect(jobs1!.indexOf('0.80×')).toBe(header!.indexOf('ratio'));
  });

  it('a failed side shows the first line of its error instead of figures', () => {
    expect(auto).toMatch(/^annotate --jobs auto\s+failed: exit 2: error: unknown option '--jobs'$/);
  });

  it('what was not measured is a dash, not a zero', () => {
    expect(single!.split(/\s{2,}/)).toEqual(['single article (median of 5)', '1', '–', '–', '–', '0.42', '120']);
  });
});

describe('formatTargets', () => {
  it('label, figure with its unit, bound, verdict and note, in aligned columns', () => {
    const lines = formatTargets(summary.targets);
    expect(lines[0]).toMatch(/^1 job \/ compromise throughput\s+0\.80 {2}≥ 0\.80 {4}met$/);
    expect(lines[1]).toMatch(/^auto \/ 1 job throughput \(2 cores\)\s+– {2}≥ 1\.70 {4}not measured {2}\(a side it needs failed\)$/);
    expect(lines[3]).toMatch(/single article, median process wall\s+0\.42 s {2}< 0\.70 s {2}met/);
    // Every bound starts in the same column.
    expect(new Set(lines.map((line) => line.search(/[≥<≤]/)))).toHaveLength(1);
  });
});

describe('formatBench', () => {
  it('the header names the files and the machine; the failed sides are listed at the end', () => {
    const text = formatBench({ corpus: '../shared/corpus/bbc', files: 2225, characters: 5_000_000, words: 850_000, limit: null, scale: null, node: 'v20.20.2', cores: 2, summary });
    expect(text.split('\n')[0]).toBe('../shared/corpus/bbc: 2,225 files, 5,000,000 characters, 850,000 words; node v20.20.2, 2 cores');
    expect(text.split('\n').at(-1)).toBe('failed: annotate --jobs auto (their stderr is above)');
  });
});
