// A linear classifier over hashed string features: what the learned layer of annotate runs at inference. Pure
// TypeScript, no dependency: a feature is a string ("w=said", "suffix3=ted|prev=B-CUE"), hashed into one of 2^bits
// buckets, each holding one weight per label. The weights are 16-bit integers, so a model of 2^18 buckets and three
// labels is 1.5 MB in memory, and loading it is one base64 decode and one inflate: no map of feature strings is built
// in any process.
import { endianness } from 'node:os';
import { inflateRawSync } from 'node:zlib';

/** What a weights file in models/ holds: the facts about its training, and its weights. */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  /** The model's name: its file is models/<name>.json. */
  name: string;
  /** What it decides, in a sentence. */
  task: string;
  labels: string[];
  /** log2 of the number of buckets. */
  bits: number;
  /** A weight is its stored integer times scale. */
  scale: number;
  /** The gold set it learned from, and that set's terms of use. */
  trainedOn: TrainedOn;
  training: { algorithm: 'averaged perceptron'; epochs: number; seed: number; examples: number; features?: number };
  /** Figures measured when it was trained (the train split itself; dev figures come from `npm run eval`). */
  notes?: Record<string, number | string>;
  /** Int16 little-endian, bucket-major (bucket × labels + label), deflated (raw), base64. */
  weights: string;
}

export interface TrainedOn {
  /** The gold set's name and the file read, e.g. "PolNeAR train" and "polnear-train.jsonl.gz". */
  set: string;
  file: string;
  /** sha256 of the file's bytes. */
  sha256: string;
  documents: number;
  /** The set's licence or terms, as its distributors state them, so a user can decide to run without the model. */
  terms: string;
}

export const MODEL_FORMAT = 'annotate-linear-model/1';

/** A decoded model as structured-clone data: its weights a view of shared memory. */
export interface SharedModel {
  name: string;
  labels: string[];
  bits: number;
  scale: number;
  weights: Int16Array;
}

/** One decision and the features that weighed most for it. */
export interface Learned {
  /** The model's name (models/<name>.json). */
  model: string;
  label: string;
  /** The chosen label's score minus the runner-up's: how clearly the model chose. */
  margin: number;
  /** The features that weighed most for the chosen label, largest contribution first. */
  features: { feature: string; weight: number }[];
}

export class LinearModel {
  readonly labels: readonly string[];
  private readonly mask: number;
  private readonly width: number;
  private readonly scratch: Float64Array;

  constructor(
    readonly name: string,
    labels: readonly string[],
    readonly bits: number,
    private readonly weights: Int16Array,
    private readonly scale: number,
  ) {
    if (weights.length !== (1 << bits) * labels.length) throw new Error(`model ${name}: ${weights.length} weights for ${labels.length} labels × 2^${bits} buckets`);
    this.labels = labels;
    this.mask = (1 << bits) - 1;
    this.width = labels.length;
    this.scratch = new Float64Array(labels.length);
  }

  /** The model of a weights file. Its weights live in shared memory, so that the worker threads of a run read the
   *  copy the main thread decoded (see share) instead of each decoding its own. */
  static fromFile(file: ModelFile): LinearModel {
    if (file.format !== MODEL_FORMAT) throw new Error(`model ${file.name}: format "${String(file.format)}", expected "${MODEL_FORMAT}"`);
    const bytes = inflateRawSync(Buffer.from(file.weights, 'base64'));
    const weights = new Int16Array(new SharedArrayBuffer(bytes.length));
    if (endianness() === 'LE') new Uint8Array(weights.buffer).set(bytes);
    else for (let k = 0; k < weights.length; k++) weights[k] = bytes.readInt16LE(2 * k);
    return new LinearModel(file.name, file.labels, file.bits, weights, file.scale);
  }

  /** The model as plain data that crosses to a worker thread without a copy of its weights. */
  share(): SharedModel {
    return { name: this.name, labels: [...this.labels], bits: this.bits, scale: this.scale, weights: this.weights };
  }

  static fromShared(shared: SharedModel): LinearModel {
    return new LinearModel(shared.name, shared.labels, shared.bits, shared.weights, shared.scale);
  }

  /** The bucket a feature falls in. */
  bucket(feature: string): number {
    return hashFeature(feature) & this.mask;
  }

  /** The score of every label: the sum of the features' weights. The array is reused by the next call. */
  scores(features: readonly string[]): Float64Array {
    const out = this.scratch;
    out.fill(0);
    const { width, weights, mask } = this;
    for (const f of features) {
      const base = (hashFeature(f) & mask) * width;
      for (let l = 0; l < width; l++) out[l] = out[l]! + weights[base + l]!;
    }
    for (let l = 0; l < width; l++) out[l] = out[l]! * this.scale;
    return out;
  }

  /** The scores of features given by their hashes (hashFeature, or extendHash over their parts): the same as scores()
   *  on the strings, without building them. The array is reused by the next call. */
  scoresOfHashes(hashes: ArrayLike<number>, count = hashes.length): Float64Array {
    const out = this.scratch;
    out.fill(0);
    const { width, weights, mask } = this;
    for (let k = 0; k < count; k++) {
      const base = (hashes[k]! & mask) * width;
      for (let l = 0; l < width; l++) out[l] = out[l]! + weights[base + l]!;
    }
    for (let l = 0; l < width; l++) out[l] = out[l]! * this.scale;
    return out;
  }

  /** The best label's index, and its margin over the runner-up. Ties go to the lower index. */
  best(features: readonly string[], allowed?: (label: number) => boolean): { label: number; margin: number } {
    const scores = this.scores(features);
    let best = -1;
    let second = -Infinity;
    for (let l = 0; l < scores.length; l++) {
      if (allowed && !allowed(l)) continue;
      if (best < 0 || scores[l]! > scores[best]!) {
        if (best >= 0) second = Math.max(second, scores[best]!);
        best = l;
      } else second = Math.max(second, scores[l]!);
    }
    return { label: best, margin: second === -Infinity ? Infinity : scores[best]! - second };
  }

  /** The weight of one feature for one label. */
  weight(feature: string, label: number): number {
    return this.weights[this.bucket(feature) * this.width + label]! * this.scale;
  }

  /** A decision as `explain` shows it: the label, its margin, the k features that weighed most for it. */
  explain(features: readonly string[], label: number, margin: number, k = 5): Learned {
    const weighed = [...new Set(features)].map((feature) => ({ feature, weight: round(this.weight(feature, label)) })).filter((f) => f.weight !== 0);
    weighed.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1));
    return { model: this.name, label: this.labels[label]!, margin: round(margin), features: weighed.slice(0, k) };
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** FNV-1a over the UTF-16 code units of a feature string: fast, and the same in every process and on every machine. */
export function hashFeature(feature: string): number {
  return extendHash(FNV_OFFSET, feature);
}

/** The hash of a string before any text: extendHash(FNV_OFFSET, s) === hashFeature(s). */
export const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a continued over more text: extendHash(hashFeature(a), b) === hashFeature(a + b), so a feature made of parts
 *  ("w=" and a word) is hashed without building its string. */
export function extendHash(hash: number, text: string): number {
  let h = hash;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
