// The averaged perceptron (Collins 2002) over hashed features: how `npm run train` learns a LinearModel. Deterministic:
// the same examples in the same order (shuffled by a seeded generator) give the same weights, bit for bit, and the
// weights are written as 16-bit integers through a deterministic deflate.
import { deflateRawSync } from 'node:zlib';
import { MODEL_FORMAT, hashFeature } from './linear-model.js';
import type { ModelFile, TrainedOn } from './linear-model.js';

export class Perceptron {
  private readonly width: number;
  private readonly mask: number;
  private readonly w: Float64Array;
  /** Sum over updates of (step at which each weight changed × change): the lazy form of the running average. */
  private readonly stamped: Float64Array;
  private step = 1;

  constructor(
    readonly labels: readonly string[],
    readonly bits = 18,
  ) {
    this.width = labels.length;
    this.mask = (1 << bits) - 1;
    this.w = new Float64Array((1 << bits) * labels.length);
    this.stamped = new Float64Array(this.w.length);
  }

  /** The current (not averaged) scores, for training-time decoding. */
  scores(features: readonly string[]): Float64Array {
    const out = new Float64Array(this.width);
    for (const f of features) {
      const base = (hashFeature(f) & this.mask) * this.width;
      for (let l = 0; l < this.width; l++) out[l] = out[l]! + this.w[base + l]!;
    }
    return out;
  }

  /** The best label under the current weights (ties: the lower index); `allowed` limits the choice. */
  predict(features: readonly string[], allowed?: (label: number) => boolean): number {
    const scores = this.scores(features);
    let best = -1;
    for (let l = 0; l < scores.length; l++) {
      if (allowed && !allowed(l)) continue;
      if (best < 0 || scores[l]! > scores[best]!) best = l;
    }
    return best;
  }

  /** One example seen: when the prediction is wrong, move the weights toward the gold label. Then count the step. */
  update(features: readonly string[], gold: number, predicted: number): void {
    if (gold !== predicted) {
      for (const f of features) {
        const base = (hashFeature(f) & this.mask) * this.width;
        const g = base + gold;
        const p = base + predicted;
        this.w[g] = this.w[g]! + 1;
        this.stamped[g] = this.stamped[g]! + this.step;
        this.w[p] = this.w[p]! - 1;
        this.stamped[p] = this.stamped[p]! - this.step;
      }
    }
    this.step++;
  }

  /** The averaged weights: w − stamped / steps (the average of the weights after every step). */
  averaged(): Float64Array {
    const avg = new Float64Array(this.w.length);
    for (let k = 0; k < avg.length; k++) avg[k] = this.w[k]! - this.stamped[k]! / this.step;
    return avg;
  }

  /** The averaged model as a weights file, and as the model inference will load from it. */
  toFile(meta: { name: string; task: string; trainedOn: TrainedOn; epochs: number; seed: number; examples: number; notes?: Record<string, number | string> }): ModelFile {
    const avg = this.averaged();
    let max = 0;
    for (const x of avg) max = Math.max(max, Math.abs(x));
    // Quantised to 16 bits: the largest weight maps to 32767; the scale is rounded so that it prints the same way.
    const scale = max === 0 ? 1 : Number((max / 32767).toPrecision(8));
    const ints = Buffer.alloc(avg.length * 2);
    for (let k = 0; k < avg.length; k++) ints.writeInt16LE(Math.max(-32767, Math.min(32767, Math.round(avg[k]! / scale))), 2 * k);
    return {
      format: MODEL_FORMAT,
      name: meta.name,
      task: meta.task,
      labels: [...this.labels],
      bits: this.bits,
      scale,
      trainedOn: meta.trainedOn,
      training: { algorithm: 'averaged perceptron', epochs: meta.epochs, seed: meta.seed, examples: meta.examples },
      ...(meta.notes ? { notes: meta.notes } : {}),
      weights: deflateRawSync(ints, { level: 9 }).toString('base64'),
    };
  }
}

/** A seeded generator (mulberry32): the same seed gives the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded generator: a new array, the input untouched. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
