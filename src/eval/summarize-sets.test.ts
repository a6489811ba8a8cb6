// Tests of the --all summary table on hand-made rows: what a reader quoting the figures sees.
import { describe, expect, it } from 'vitest';
import type { ModelInfo, SummaryRow } from './gold-set.js';
import { compareSplits, formatSummary } from './summarize-sets.js';
import type { AllSummary, SetSummary } from './summarize-sets.js';

function row(set: string, measure: string, extra: Partial<SummaryRow> = {}): SummaryRow {
  return { set, measure, gold: 10, predicted: 8, precision: 0.75, recall: 0.6, score: 0.6667, scoreName: 'F1', note: '', figures: {}, ...extra };
}

/** What a model file in models/ says of itself, as `npm run train` writes it (no weights). */
function model(name: string, set: string): ModelInfo {
  return {
    format: 'annotate-linear-model/1',
    name,
    task: `${name} of our own`,
    labels: ['O', 'B', 'I'],
    bits: 10,
    scale: 1,
    trainedOn: { set, file: 'x-train.jsonl.gz', sha256: '0'.repeat(64), documents: 3, terms: 'research use' },
    training: { algorithm: 'averaged perceptron', epochs: 2, seed: 1, examples: 3 },
  };
}

const SUMMARY: AllSummary = {
  dir: 'gold',
  seconds: 12.34,
  models: { files: [model('names', 'CoNLL-2003 train'), model('claims', 'PolNeAR train')], noModel: false },
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

  it('names the models behind the figures and the gold set each learned from, or says the rules ran alone', () => {
    expect(lines[1]).toBe('models: names (trained on CoNLL-2003 train) · claims (trained on PolNeAR train)');
    const rules = formatSummary({ ...SUMMARY, models: { files: [], noModel: true } }).split('\n');
    expect(rules[1]).toBe('models: none, rules alone (--no-model)');
    const none = formatSummary({ ...SUMMARY, models: { files: [], noModel: false } }).split('\n');
    expect(none[1]).toBe('models: none, rules alone (models/ holds none)');
  });

  it('gives one aligned row per headline figure, three decimals, a dash where a figure does not apply', () => {
    expect(lines[3]).toMatch(/^set\s+measure\s+gold\s+predicted\s+P\s+R\s+score\s+seconds\s+notes$/);
    expect(lines[4]).toMatch(/^case2021\s+snippets\s+10\s+8\s+0\.750\s+0\.600\s+0\.667\s+F1\s+1\.3\s+fight 1\/2$/);
    expect(lines[6]).toMatch(/^\s+arguments\s+10\s+–\s+–\s+–\s+0\.250\s+accuracy$/);
    const scoreColumn = lines[3]!.indexOf('score') + 'score'.length;
    expect(lines.slice(4, 7).map((l) => l.slice(scoreColumn - 5, scoreColumn))).toEqual(['0.667', '0.667', '0.250']);
  });

  it('names the set on its first row only, and tells what failed and what was not scored', () => {
    expect(lines[5]).toMatch(/^wikievents\s+triggers/);
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

describe('the dev and train splits side by side (--train)', () => {
  const set = (name: string, file: string, rows: SummaryRow[]): SetSummary => ({ set: name, file, seconds: 1, rows });
  const dev = [
    set('conll2003', 'gold/conll2003-dev.jsonl', [row('conll2003', 'entities', { gold: 20, precision: 0.7, recall: 0.6, score: 0.646 })]),
    set('case2021', 'gold/case2021-dev.jsonl', [row('case2021', 'snippets')]),
  ];
  const train = [
    set('conll2003', 'gold/conll2003-train.jsonl.gz', [row('conll2003', 'entities', { gold: 300, precision: 0.95, recall: 0.9, score: 0.924 })]),
    set('polnear', 'gold/polnear-train.jsonl.gz', [row('polnear', 'cues', { score: 0.5 })]),
  ];
  const summary: AllSummary = { dir: 'gold', seconds: 3, models: { files: [], noModel: true }, sets: dev, train: { limit: 50, sets: train }, failed: [], notScored: ['persent-dev.jsonl'] };

  it('pairs each dev row with the same measure of its set\'s train split; the gap is train minus dev', () => {
    const rows = compareSplits(dev, train);
    expect(rows.map((r) => [r.set, r.dev?.file ?? null, r.train?.file ?? null])).toEqual([
      ['conll2003', 'gold/conll2003-dev.jsonl', 'gold/conll2003-train.jsonl.gz'],
      ['case2021', 'gold/case2021-dev.jsonl', null],
      ['polnear', null, 'gold/polnear-train.jsonl.gz'],
    ]);
    expect(rows[0]!.gap).toBeCloseTo(0.278, 9);
    expect(rows[1]!.gap).toBeNull();
  });

  it('prints one table, dev then train columns and the gap, saying what train figures mean and how the splits were cut', () => {
    const lines = formatSummary(summary).split('\n');
    expect(lines[0]).toBe('gold: 2 dev files and 2 train splits scored in 3.0 s (train splits: their first 50 documents)');
    expect(lines[1]).toBe('models: none, rules alone (--no-model)');
    expect(lines[2]).toMatch(/^train figures say how well the annotator fits the data a model learned from, not how well it works/);
    expect(lines[5]).toMatch(/^set\s+measure\s+score\s+gold\s+P\s+R\s+score\s+gold\s+P\s+R\s+score\s+gap$/);
    expect(lines[4]!.trimEnd()).toMatch(/^ +dev +train$/);
    expect(lines[6]).toMatch(/^conll2003\s+entities\s+F1\s+20\s+0\.700\s+0\.600\s+0\.646\s+300\s+0\.950\s+0\.900\s+0\.924\s+\+0\.278$/);
    expect(lines[7]).toMatch(/^case2021\s+snippets\s+F1\s+10\s+0\.750\s+0\.600\s+0\.667\s+–\s+–\s+–\s+–\s+–$/);
    expect(lines[8]).toMatch(/^polnear\s+cues\s+F1\s+–\s+–\s+–\s+–\s+10\s+0\.750\s+0\.600\s+0\.500\s+–$/);
    expect(lines).toContain('gap = train score − dev score: a model that learned its train split by heart shows a large positive gap');
    expect(lines.at(-1)).toBe('not scored (no gold set the eval knows): persent-dev.jsonl');
  });
});
