// Tests of the --all summary table on hand-made rows: what a reader quoting the figures sees.
import { describe, expect, it } from 'vitest';
import type { SummaryRow } from './gold-set.js';
import { formatSummary } from './summarize-sets.js';
import type { AllSummary } from './summarize-sets.js';

function row(set: string, measure: string, extra: Partial<SummaryRow> = {}): SummaryRow {
  return { set, measure, gold: 10, predicted: 8, precision: 0.75, recall: 0.6, score: 0.6667, scoreName: 'F1', note: '', figures: {}, ...extra };
}

const SUMMARY: AllSummary = {
  dir: 'gold',
  seconds: 12.34,
  sets: [
    { set: 'case2021', file: 'gold/case2021-dev.jsonl', seconds: 1.26, rows: [row('case2021', 'snippets', { note: 'fight 1/2' })] },
    {
      set: 'wikievents',
      file: 'gold/wikievents-dev.jsonl',
      seconds: 0.5,
      rows: [
        row('wikievents', 'triggers'),
        row('wikievents', 'arguments', { predicted: null, precision: null, recall: null, score: 0.25, scoreName: 'accuracy' }),
      ],
    },
  ],
  failed: [{ file: 'gold/broken-dev.jsonl', error: 'gold/broken-dev.jsonl:3: invalid JSON' }],
  notScored: ['persent-dev.jsonl'],
};

describe('formatSummary', () => {
  const lines = formatSummary(SUMMARY).split('\n');

  it('opens with the directory, the files scored and the time', () => {
    expect(lines[0]).toBe('gold: 2 gold files scored in 12.3 s');
  });

  it('gives one aligned row per headline figure, three decimals, a dash where a figure does not apply', () => {
    expect(lines[2]).toMatch(/^set\s+measure\s+gold\s+predicted\s+P\s+R\s+score\s+seconds\s+notes$/);
    expect(lines[3]).toMatch(/^case2021\s+snippets\s+10\s+8\s+0\.750\s+0\.600\s+0\.667\s+F1\s+1\.3\s+fight 1\/2$/);
    expect(lines[5]).toMatch(/^\s+arguments\s+10\s+–\s+–\s+–\s+0\.250\s+accuracy$/);
    const scoreColumn = lines[2]!.indexOf('score') + 'score'.length;
    expect(lines.slice(3, 6).map((l) => l.slice(scoreColumn - 5, scoreColumn))).toEqual(['0.667', '0.667', '0.250']);
  });

  it('names the set on its first row only, and tells what failed and what was not scored', () => {
    expect(lines[4]).toMatch(/^wikievents\s+triggers/);
    expect(lines).toContain('failed: gold/broken-dev.jsonl: gold/broken-dev.jsonl:3: invalid JSON');
    expect(lines.at(-1)).toBe('not scored (no gold set the eval knows, or a train split): persent-dev.jsonl');
  });

  it('tells two files of the same set apart by their names', () => {
    const twice: AllSummary = {
      ...SUMMARY,
      failed: [],
      notScored: [],
      sets: [
        { set: 'mpqa', file: 'gold/mpqa-dev.jsonl', seconds: 1, rows: [row('mpqa', 'stances')] },
        { set: 'mpqa', file: 'gold/mpqa-test.jsonl', seconds: 1, rows: [row('mpqa', 'stances')] },
      ],
    };
    const text = formatSummary(twice);
    expect(text).toMatch(/^mpqa-dev\s+stances/m);
    expect(text).toMatch(/^mpqa-test\s+stances/m);
  });
});
