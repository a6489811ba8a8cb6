// Where articles get annotated: in this thread (small runs, --jobs 1) or in a pool of worker threads. Both take the
// same plain-data task and give the same result: the document serialized in the run's format and its item counts,
// or the reason the article was skipped. Serializing where the annotation is made keeps the main thread free for
// reading and writing.
import type { Annotator, AnnotatorOptions } from '../annotate-text.js';
import { NO_MODELS, sharedModels } from '../learn/models.js';
import type { SharedModels } from '../learn/models.js';
import type { UserVocabulary } from '../lexicon/lexicon.js';
import type { Annotation } from '../model/annotation.js';
import { serialize } from '../serialize/serialize.js';
import type { OutputFormat } from '../serialize/serialize.js';
import type { ItemCounts } from '../app/report/reporter.js';

export interface AnnotateTask {
  /** source.path */
  path: string;
  text: string;
  /** The bytes the text was decoded from (for source.sha256). */
  bytes: Uint8Array;
  date: string | null;
  format: OutputFormat;
}

export type { ItemCounts };

export type AnnotateResult = { ok: true; output: string; counts: ItemCounts } | { ok: false; error: string };

export interface Engine {
  annotate(task: AnnotateTask): Promise<AnnotateResult>;
  /** Stops the workers (if any). */
  close(): Promise<void>;
}

/** What every engine needs to build its annotator: plain data, so it can cross to a worker. */
export interface EngineSetup {
  vocabulary?: UserVocabulary;
  /** false: rules alone (--no-model). */
  model?: boolean;
  /** The models the main thread decoded, for its workers (the bundled ones are read otherwise). */
  models?: SharedModels;
}

/** The annotator an engine's setup asks for. */
export function annotatorOptions(setup: EngineSetup): AnnotatorOptions {
  const models = setup.model === false ? NO_MODELS : setup.models ? sharedModels(setup.models) : undefined;
  return { ...(setup.vocabulary ? { vocabulary: setup.vocabulary } : {}), ...(models ? { models } : {}) };
}

/** One task on one annotator: an article the annotator refuses (bad front matter) is a result, anything else throws. */
export function runTask(annotator: Annotator, task: AnnotateTask, isArticleError: (error: unknown) => boolean): AnnotateResult {
  let annotation: Annotation;
  try {
    annotation = annotator.annotate(task.text, { path: task.path, bytes: task.bytes, date: task.date });
  } catch (error) {
    if (isArticleError(error)) return { ok: false, error: `skipped: ${(error as Error).message}` };
    throw error;
  }
  return { ok: true, output: serialize(annotation, task.format), counts: countItems(annotation) };
}

export function countItems(a: Annotation): ItemCounts {
  return { actors: a.actors.length, places: a.places.length, events: a.events.length, stances: a.stances.length, claims: a.claims.length };
}

/** Annotates in this thread. The annotator (compromise, the lexicons) is loaded on the first task only, so a run
 *  served wholly from the cache never pays for it. */
export function createInlineEngine(setup: EngineSetup, given?: Annotator): Engine {
  let loading: Promise<{ annotator: Annotator; isArticleError: (e: unknown) => boolean }> | undefined;
  const load = async (): Promise<{ annotator: Annotator; isArticleError: (e: unknown) => boolean }> => {
    const { createAnnotator, ArticleError } = await import('../annotate-text.js');
    return { annotator: given ?? createAnnotator(annotatorOptions(setup)), isArticleError: (e) => e instanceof ArticleError };
  };
  return {
    async annotate(task) {
      loading ??= load();
      const { annotator, isArticleError } = await loading;
      return runTask(annotator, task, isArticleError);
    },
    close: () => Promise.resolve(),
  };
}
