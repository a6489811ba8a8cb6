// The learned stances stage: the evaluative word list is what the converter makes of the pinned package and reads
// back as YAML would; training on a slice of hand-written records in MPQA's shape gives the same bytes twice, and the
// model it makes reads a stance the rules miss, with the learned decision in `explain`; the shipped model adds
// stances where the rules read none and leaves the rules' stances as they were. Sentences are ours.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAnnotator } from '../../annotate-text.js';
import { LinearModel, hashFeature } from '../linear-model.js';
import type { ModelFile } from '../linear-model.js';
import { NO_MODELS, loadModelsSync } from '../models.js';
import type { Models } from '../models.js';
import { modelBytes, trainModel } from '../../train/run-train.js';
import { stancesTrainer } from '../../train/train-stances.js';
import { EVALUATIVE_WORDS_FILE, readEvaluativeWords } from './evaluative-words.js';
import { FeatureHashes } from './stance-sentence.js';
import type { CandidateSet, StanceSentence } from './stance-sentence.js';
import { traceStances } from './trace.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'annotate-stances-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the evaluative word list (VADER, converted)', () => {
  it('is what scripts/convert-vader.mjs makes of the pinned vader-sentiment package, licence beside it', () => {
    const out = join(scratch, 'lexicons');
    execFileSync('mkdir', ['-p', out]);
    execFileSync(process.execPath, [join(root, 'scripts/convert-vader.mjs'), '--out', out], { stdio: 'pipe' });
    for (const file of [EVALUATIVE_WORDS_FILE, 'VADER-LICENSE.txt']) {
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(root, 'lexicons', file), 'utf8'));
    }
    expect(readFileSync(join(root, 'lexicons/VADER-LICENSE.txt'), 'utf8')).toContain('Apache License');
  });

  it('reads the shipped file line by line exactly as a YAML parser does', () => {
    const text = readFileSync(join(root, 'lexicons', EVALUATIVE_WORDS_FILE), 'utf8');
    const words = readEvaluativeWords(text);
    const yaml = (parse(text) as { words: Record<string, number> }).words;
    expect(Object.fromEntries(words)).toEqual(yaml);
    expect(words.get('abhorrent')).toBeLessThan(-2);
    expect(words.get('admire')).toBeGreaterThan(1);
  });

  it('names the line it cannot read', () => {
    expect(() => readEvaluativeWords('words:\n  good: 1.9\n  bad 2\n')).toThrow(`${EVALUATIVE_WORDS_FILE}:3`);
  });
});

/** A gold record in MPQA's shape: spans located by their text in the sentence. */
function record(doc: string, index: number, text: string, opinions: { expression: string; target: string | null; holder: string | null; polarity: string }[]) {
  const at = (part: string | null) => {
    if (part === null) return null;
    const start = text.indexOf(part);
    if (start < 0) throw new Error(`"${part}" is not in "${text}"`);
    return { start, end: start + part.length, text: part };
  };
  return {
    doc_id: doc,
    sent_index: index,
    text,
    opinions: opinions.map((o) => ({ holder: at(o.holder), target: at(o.target), expression: at(o.expression), polarity: o.polarity.endsWith('pos') ? 'positive' : 'negative', polarity_raw: o.polarity })),
  };
}

/** A slice written for the test: people cherishing and loathing things (no rule of lexicons/stances.yaml reads
 *  "cherish" or "loathsome"), an arguing opinion that is not a stance, and sentences with none. */
const SLICE = [
  record('d1', 0, 'The villagers cherished the old bridge.', [{ expression: 'cherished', target: 'the old bridge', holder: 'The villagers', polarity: 'sentiment-pos' }]),
  record('d1', 1, 'The council found the new tax loathsome.', [{ expression: 'loathsome', target: 'the new tax', holder: 'The council', polarity: 'sentiment-neg' }]),
  record('d1', 2, 'The bridge crosses the river near the mill.', []),
  record('d1', 3, 'Fishermen cherished the quiet harbour.', [{ expression: 'cherished', target: 'the quiet harbour', holder: 'Fishermen', polarity: 'sentiment-pos' }]),
  record('d2', 0, 'Teachers found the long exams loathsome.', [{ expression: 'loathsome', target: 'the long exams', holder: 'Teachers', polarity: 'sentiment-neg' }]),
  record('d2', 1, 'The mayor insisted that taxes must rise.', [{ expression: 'insisted', target: 'that taxes must rise', holder: 'The mayor', polarity: 'arguing-pos' }]),
  record('d2', 2, 'Farmers cherished the rain that came in May.', [{ expression: 'cherished', target: 'the rain that came in May', holder: 'Farmers', polarity: 'sentiment-pos' }]),
  record('d2', 3, 'The train left the station at noon.', []),
];

/** Rules alone; its lexicon, loaded once, serves the other annotators of the file. */
const rulesOnly = createAnnotator({ models: NO_MODELS });
const { lexicon } = rulesOnly;

function modelsWith(file: ModelFile): Models {
  const model = LinearModel.fromFile(file);
  return { ...NO_MODELS, get: (name) => (name === 'stances' ? model : undefined), hash: 'test' };
}

describe('npm run train -- --only stances', () => {
  const gold = join(scratch, 'mpqa-slice.jsonl');
  writeFileSync(gold, SLICE.map((r) => JSON.stringify(r)).join('\n') + '\n');
  let trained: ModelFile | undefined;

  // Each training annotates the slice with an annotator of its own: slow on a loaded machine.
  it('gives the same bytes twice from the same records', { timeout: 120_000 }, async () => {
    const a = await trainModel(stancesTrainer, gold, { seed: 1 });
    const b = await trainModel(stancesTrainer, gold, { seed: 1 });
    expect(modelBytes(b)).toBe(modelBytes(a));
    expect(a.trainedOn).toMatchObject({ set: 'MPQA 2.0 train', file: 'mpqa-slice.jsonl', documents: SLICE.length });
    expect(a.trainedOn.terms).toMatch(/research use/);
    expect(modelBytes(a)).not.toMatch(/villagers|cherish|loathsome/i);
    trained = a;
  });

  it('makes a model that reads the stance in a new sentence, and says why in explain', () => {
    const annotator = createAnnotator({ lexicon, models: modelsWith(trained!) });
    const text = 'The nurses cherished the new clinic.';
    const doc = annotator.annotate(text);
    expect(doc.stances.map((s) => `${s.holder?.text ?? '∅'} ${s.polarity} ${s.target.text} (${s.cue.text})`)).toEqual(['The nurses support the new clinic (cherished)']);
    const learned = annotator.explain(text).stances[0]!.entries.filter((e) => e.from === 'model' && e.file === 'models/stances.json');
    expect(learned.map((e) => e.key.replace(/ by .*/, ''))).toEqual(['support', 'target', 'holder']);
    expect(learned[0]!.entry).toContain('w=cherished');
    expect(rulesOnly.annotate(text).stances).toEqual([]);
  });
});

describe('the shipped model (models/stances.json)', () => {
  const models = loadModelsSync();
  const withModel = createAnnotator({ lexicon, models });
  const stances = (annotator: typeof withModel, text: string) => annotator.annotate(text).stances.map((s) => `${s.holder?.text ?? '∅'} ${s.polarity} ${s.target.text}`);

  it('is within its budget and names what it learned from', () => {
    const file = models.files.find((f) => f.name === 'stances');
    expect(file?.trainedOn.file).toBe('mpqa-train.jsonl.gz');
    const stancesModel = models.get('stances')!;
    expect(readFileSync(join(root, 'models/stances.json')).length).toBeLessThan(2.5e6);
    expect((1 << stancesModel.bits) * stancesModel.labels.length * 2).toBeLessThanOrEqual(2.5e6);
  });

  it('reads a stance the rules miss', () => {
    const text = 'Critics said the plan was a disaster.';
    expect(stances(rulesOnly, text)).toEqual([]);
    expect(stances(withModel, text)).toContainEqual(expect.stringMatching(/^Critics oppose the plan/));
  });

  it('leaves the stances the rules read as they were', () => {
    const text = 'India condemned the airstrikes. Iran voiced support for a peaceful resolution.';
    expect(stances(withModel, text)).toEqual(expect.arrayContaining(stances(rulesOnly, text)));
    expect(stances(rulesOnly, text)).toEqual(['India oppose the airstrikes', 'Iran support a peaceful resolution']);
  });

  it('scores by hashes that are those of the feature strings the trainer reads, for every word and candidate', () => {
    const model = LinearModel.fromShared(models.get('stances')!.share());
    const sentences: StanceSentence[] = [];
    traceStances(model, (x) => sentences.push(x));
    const annotator = createAnnotator({ lexicon, models: { ...models, get: (name) => (name === 'stances' ? model : models.get(name)) } });
    const texts = [
      'India condemned the airstrikes. Iran voiced support for a peaceful resolution, but critics said the plan was a disaster.',
      '“The talks were not a failure,” the minister said on Tuesday, while rebels hardly welcomed the deal.',
      readFileSync(join(root, 'fixtures/people-and-organizations.txt'), 'utf8'),
    ];
    for (const text of texts) annotator.annotate(text);
    expect(sentences.length).toBeGreaterThan(5);
    const sink = new FeatureHashes();
    const same = (strings: string[], fill: (sink: FeatureHashes) => void): void => {
      sink.reset();
      fill(sink);
      expect(Array.from(sink.hashes.subarray(0, sink.count))).toEqual(strings.map(hashFeature));
    };
    const sameSet = (set: CandidateSet, strings: { features: string[] }[]): void => {
      expect(strings.length).toBe(set.spans.length);
      strings.forEach((c, i) => same(c.features, (h) => set.features(i, h)));
    };
    let words = 0;
    for (const x of sentences) {
      for (let k = 0; k < x.size; k++) {
        same(x.tokenFeatures(k), (h) => x.tokenFeaturesTo(k, h));
        sameSet(x.targets(k, k + 1), x.targetCandidates(k, k + 1));
        sameSet(x.holders(k, k + 1), x.holderCandidates(k, k + 1));
        if (k + 2 <= x.size) sameSet(x.targets(k, k + 2), x.targetCandidates(k, k + 2));
        words++;
      }
    }
    expect(words).toBeGreaterThan(50);
  });
});
