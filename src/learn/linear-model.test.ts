// The learned layer's core: the perceptron learns, its weights file loads back as the same model, and training is
// deterministic to the byte.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { FNV_OFFSET, LinearModel, extendHash, hashFeature } from './linear-model.js';
import { Perceptron, seededRandom, shuffled } from './perceptron.js';

const trainedOn = { set: 'hand-made', file: 'none', sha256: '0'.repeat(64), documents: 4, terms: 'ours' };

/** A toy task: is a word a reporting cue? Features are the word and its last letters. */
const examples: { features: string[]; label: number }[] = [
  ['said', 1],
  ['told', 1],
  ['says', 1],
  ['claimed', 1],
  ['table', 0],
  ['river', 0],
  ['green', 0],
  ['walked', 0],
].map(([word, label]) => ({ features: [`w=${String(word)}`, `suf2=${String(word).slice(-2)}`, 'bias'], label: label as number }));

function train(seed: number): Perceptron {
  const p = new Perceptron(['other', 'cue'], 10);
  const random = seededRandom(seed);
  for (let epoch = 0; epoch < 5; epoch++) {
    for (const x of shuffled(examples, random)) p.update(x.features, x.label, p.predict(x.features));
  }
  return p;
}

describe('Perceptron and LinearModel', () => {
  it('learns a separable task, and the weights file gives back a model that decides the same', () => {
    const file = train(1).toFile({ name: 'claims', task: 'toy', trainedOn, epochs: 5, seed: 1, examples: examples.length });
    const model = LinearModel.fromFile(JSON.parse(JSON.stringify(file)));
    for (const x of examples) expect(model.labels[model.best(x.features).label]).toBe(x.label === 1 ? 'cue' : 'other');
    expect(model.best(['w=said', 'suf2=id', 'bias']).margin).toBeGreaterThan(0);
  });

  it('crosses to a worker thread with its weights in shared memory, deciding there as here', async () => {
    const model = LinearModel.fromFile(train(1).toFile({ name: 'claims', task: 'toy', trainedOn, epochs: 5, seed: 1, examples: 8 }));
    const shared = model.share();
    expect(shared.weights.buffer).toBeInstanceOf(SharedArrayBuffer);
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const w = workerData.weights;
      parentPort.postMessage({ shared: w.buffer instanceof SharedArrayBuffer, sum: w.reduce((a, b) => a + b, 0) });`;
    const worker = new Worker(code, { eval: true, workerData: shared });
    const answer = await new Promise<{ shared: boolean; sum: number }>((resolve) => worker.once('message', resolve));
    await worker.terminate();
    expect(answer).toEqual({ shared: true, sum: shared.weights.reduce((a, b) => a + b, 0) });
    const there = LinearModel.fromShared(shared);
    for (const x of examples) expect(there.best(x.features)).toEqual(model.best(x.features));
  });

  it('writes the same bytes for the same seed, and other bytes for another', () => {
    const a = JSON.stringify(train(7).toFile({ name: 'claims', task: 'toy', trainedOn, epochs: 5, seed: 7, examples: 8 }));
    const b = JSON.stringify(train(7).toFile({ name: 'claims', task: 'toy', trainedOn, epochs: 5, seed: 7, examples: 8 }));
    expect(a).toBe(b);
    const orders = new Set([1, 2, 3, 4, 5].map((seed) => shuffled(examples, seededRandom(seed)).map((x) => x.features[0]).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('explains a decision by the features that weighed most for it', () => {
    const model = LinearModel.fromFile(train(1).toFile({ name: 'claims', task: 'toy', trainedOn, epochs: 5, seed: 1, examples: 8 }));
    const features = ['w=said', 'suf2=id', 'bias'];
    const { label, margin } = model.best(features);
    const learned = model.explain(features, label, margin, 2);
    expect(learned.model).toBe('claims');
    expect(learned.label).toBe('cue');
    expect(learned.features.length).toBeLessThanOrEqual(2);
    expect(learned.features[0]!.weight).toBeGreaterThanOrEqual(learned.features.at(-1)!.weight);
  });

  it('hashes a feature by its parts as it hashes the whole string, and scores hashes as it scores strings', () => {
    const model = LinearModel.fromFile(train(1).toFile({ name: 'claims', task: 'toy', trainedOn, epochs: 5, seed: 1, examples: 8 }));
    for (const [a, b] of [['w=', 'said'], ['suf2=', 'ïd'], ['', ''], ['L=O|', '“quoted”']] as const) expect(extendHash(hashFeature(a), b)).toBe(hashFeature(a + b));
    expect(extendHash(FNV_OFFSET, 'bias')).toBe(hashFeature('bias'));
    for (const x of examples) {
      const hashes = x.features.map((f) => extendHash(FNV_OFFSET, f));
      expect([...model.scoresOfHashes(hashes)]).toEqual([...model.scores(x.features)]);
    }
  });

  it('hashes features the same way everywhere (FNV-1a, 32 bits)', () => {
    expect(hashFeature('')).toBe(0x811c9dc5);
    expect(hashFeature('a')).toBe(0xe40c292c);
  });

  it('refuses weights that do not fit its labels and buckets', () => {
    expect(() => new LinearModel('x', ['a', 'b'], 4, new Int16Array(3), 1)).toThrow(/3 weights for 2 labels/);
  });
});
