// A worker thread of the pool: builds its own annotator from plain data, then answers tasks one at a time. An error
// it does not expect is not caught here: it ends the worker, and the pool fails the run with its message.
import { parentPort, workerData } from 'node:worker_threads';
import { ArticleError, createAnnotator } from '../annotate-text.js';
import { annotatorOptions, runTask } from './engine.js';
import type { AnnotateTask, EngineSetup } from './engine.js';

const setup = workerData as EngineSetup;
const annotator = createAnnotator(annotatorOptions(setup));

parentPort!.on('message', (message: { id: number; task: AnnotateTask }) => {
  const result = runTask(annotator, message.task, (e) => e instanceof ArticleError);
  parentPort!.postMessage({ id: message.id, result });
});
