/* eslint-disable no-console -- the eval's shell: failures and the annotator's errors go to stderr */
// Running the annotator over a gold set's items for the eval: one annotator per process and vocabulary, each item
// timed and annotated in order, a failing item reported by id without stopping the run. `annotateGold` is the driver
// every gold set's evaluator shares: the annotator (with or without the learned models), the items annotated and read,
// the failures reported.
import { performance } from 'node:perf_hooks';
import { createAnnotator } from '../index.js';
import type { AnnotateOptions, Annotation, Annotator } from '../index.js';
import type { UserVocabulary } from '../lexicon/lexicon.js';
import { NO_MODELS } from '../learn/models.js';
import type { EvalOptions, ModelInfo } from './gold-set.js';

/** A progress counter on a terminal's stderr, cleared when done; nothing when stderr is not a terminal. */
export function progress(label: string, done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  if (done === total) process.stderr.write('\r\x1b[K');
  else if (done % 10 === 0) process.stderr.write(`\r${label} ${done}/${total}`);
}

/** Annotates each item in order, timing the annotate calls alone (not the reading of their output); an item the
 *  annotator fails on is reported by id and read as `fallback()`, so one bad item never stops the run. */
export function annotateEach<T extends { id: string; text: string }, P>(
  items: readonly T[],
  annotator: Annotator,
  options: (item: T) => AnnotateOptions,
  read: (annotation: Annotation, item: T) => P,
  fallback: () => P,
): { seconds: number; predictions: P[]; failures: string[] } {
  const predictions: P[] = [];
  const failures: string[] = [];
  let milliseconds = 0;
  items.forEach((item, i) => {
    let prediction = fallback();
    try {
      const t0 = performance.now();
      const annotation = annotator.annotate(item.text, options(item));
      milliseconds += performance.now() - t0;
      prediction = read(annotation, item);
    } catch (error) {
      failures.push(`${item.id}: ${(error as Error).message}`);
    }
    predictions.push(prediction);
    progress('annotate', i + 1, items.length);
  });
  return { seconds: milliseconds / 1000, predictions, failures };
}

/** The annotators without user vocabulary, with (false) and without (true) the models, each built once per process:
 *  `--all` scores several sets with one. */
const shared = new Map<boolean, Annotator>();

/** The annotator and the seconds it took to build (0 when this process had built it already); null (exit 2, with the
 *  reason) when it cannot be built. `noModel`: rules alone. */
export function timedAnnotator(vocabulary?: UserVocabulary, noModel = false): { annotator: Annotator; setupSeconds: number } | null {
  const built = vocabulary === undefined ? shared.get(noModel) : undefined;
  if (built !== undefined) return { annotator: built, setupSeconds: 0 };
  const setupStart = performance.now();
  try {
    const annotator = createAnnotator({ ...(vocabulary ? { vocabulary } : {}), ...(noModel ? { models: NO_MODELS } : {}) });
    if (vocabulary === undefined) shared.set(noModel, annotator);
    return { annotator, setupSeconds: (performance.now() - setupStart) / 1000 };
  } catch (error) {
    console.error(`annotate: cannot create the annotator: ${(error as Error).message}`);
    process.exitCode = 2;
    return null;
  }
}

/** Lists the first failures (exit 2 at the end); false when every input failed and there is nothing to score. */
export function reportFailures(failures: readonly string[], total: number, unit: string): boolean {
  for (const failure of failures.slice(0, 10)) console.error(`annotate failed on ${failure}`);
  if (failures.length > 10) console.error(`… and ${failures.length - 10} more failures`);
  if (failures.length > 0) process.exitCode = 2;
  if (failures.length === total) {
    console.error(`annotate failed on every ${unit} (${total}); nothing to score`);
    return false;
  }
  return true;
}

/** The first `limit` items (all when null): what `--limit` scores. */
export function firstItems<T>(items: readonly T[], limit: number | null): T[] {
  return limit === null ? [...items] : items.slice(0, limit);
}

/** How a gold set's items are annotated and read. */
export interface GoldSteps<T, P> {
  /** What an item is called in messages: document, snippet, article … */
  unit: string;
  /** Words added to the lexicons (PETRARCH's actor dictionary). */
  vocabulary?: UserVocabulary;
  /** The annotate options of an item (default: its id as the path, no date). */
  annotateOptions?: (item: T) => AnnotateOptions;
  /** The item's prediction, read from its annotation. */
  read: (annotation: Annotation, item: T) => P;
  /** The prediction of an item the annotator failed on. */
  fallback: () => P;
}

export interface GoldRun<P> {
  /** One per item, in order. */
  predictions: P[];
  failures: string[];
  /** The annotate calls alone, and building the annotator (0 when this process had built it). */
  seconds: number;
  setupSeconds: number;
  models: readonly ModelInfo[];
}

/** The driver every gold set's evaluator shares: builds (or reuses) the annotator the options ask for, annotates each
 *  item and reads its prediction, reports the failures. Null when there is nothing to score (exit 2, reason given). */
export function annotateGold<T extends { id: string; text: string }, P>(options: EvalOptions, items: readonly T[], steps: GoldSteps<T, P>): GoldRun<P> | null {
  const setup = timedAnnotator(steps.vocabulary, options.noModel);
  if (setup === null) return null;
  const { annotator, setupSeconds } = setup;
  const run = annotateEach(items, annotator, steps.annotateOptions ?? ((item) => ({ path: item.id })), steps.read, steps.fallback);
  if (!reportFailures(run.failures, items.length, steps.unit)) return null;
  return { ...run, setupSeconds, models: annotator.models.files };
}
