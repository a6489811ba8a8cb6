// What `npm run train` asks of each model's trainer (one module per model beside this file, listed in trainers.ts).
import type { ModelFile } from '../learn/linear-model.js';
import type { ModelName } from '../learn/models.js';

/** What a trainer is given: the split's records and the run's settings. */
export interface TrainContext {
  seed: number;
  log: (message: string) => void;
}

/** One model's training: which split it reads, under which terms, and how it learns from it. */
export interface Trainer {
  name: ModelName;
  /** The gold set's name as the README gives it, e.g. "PolNeAR train". */
  set: string;
  /** The split's file name in the gold directory. */
  file: string;
  /** The set's licence or terms of use, recorded in the weights file. */
  terms: string;
  /** Learns from the records; the driver fills in trainedOn. */
  train(records: Record<string, unknown>[], context: TrainContext): Omit<ModelFile, 'trainedOn'> | Promise<Omit<ModelFile, 'trainedOn'>>;
}

