// A fixed pool of worker threads, each with its own annotator. Tasks queue in the order given and go to the first
// free worker; the caller puts results back in input order. A worker that dies (an uncaught error, out of memory)
// fails its task and every later one with a WorkerCrash, so the run ends with a message instead of waiting forever.
import { Worker } from 'node:worker_threads';
import type { ResourceLimits } from 'node:worker_threads';
import { loadModelsSync } from '../learn/models.js';
import type { SharedModels } from '../learn/models.js';
import type { AnnotateResult, AnnotateTask, Engine, EngineSetup } from './engine.js';

export class WorkerCrash extends Error {
  override readonly name = 'WorkerCrash';
}

export interface WorkerPoolOptions extends EngineSetup {
  size: number;
  /** For tests and tight machines: the V8 limits of each worker. */
  resourceLimits?: ResourceLimits;
}

interface Job {
  id: number;
  task: AnnotateTask;
  resolve: (result: AnnotateResult) => void;
  reject: (error: Error) => void;
}

// dist/workers/annotate-worker.js, from this file in dist/ or (under the test runner) in src/: the worker is always
// the built one, as a worker thread cannot load TypeScript.
const YOUNG_GENERATION_MB = 24;

const WORKER_SCRIPT = new URL('../../dist/workers/annotate-worker.js', import.meta.url);

/** The bundled models decoded once here, for every worker to read; a file that cannot be read is left to the workers,
 *  whose error then names it as it does in a run of one thread. */
function shareModels(options: WorkerPoolOptions): SharedModels | undefined {
  if (options.model === false) return undefined;
  try {
    return loadModelsSync().share();
  } catch {
    return undefined;
  }
}

export function createWorkerPool(options: WorkerPoolOptions): Engine {
  const queue: Job[] = [];
  const busy = new Map<Worker, Job>();
  const idle: Worker[] = [];
  let crash: WorkerCrash | null = null;
  let closing = false;
  let nextId = 0;

  const fail = (error: WorkerCrash): void => {
    crash ??= error;
    for (const job of [...busy.values(), ...queue.splice(0)]) job.reject(crash);
    busy.clear();
    for (const w of workers) void w.terminate();
  };
  const dispatch = (): void => {
    while (crash === null && idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.postMessage({ id: job.id, task: job.task });
    }
  };

  const models = shareModels(options);
  const workers = Array.from({ length: options.size }, () => {
    const worker = new Worker(WORKER_SCRIPT, {
      workerData: { vocabulary: options.vocabulary, model: options.model, models } satisfies EngineSetup,
      // A young generation capped at 24 MB, below what V8 grows it to by default: an article's parse is garbage by
      // the next article, and the smaller nursery took the pool's peak RSS on the BBC corpus from 495 MB to 432 MB
      // (2 workers) at no cost in time.
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...options.resourceLimits },
    });
    worker.on('message', (message: { id: number; result: AnnotateResult }) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (job?.id === message.id) job.resolve(message.result);
      dispatch();
    });
    worker.on('error', (error) => {
      const job = busy.get(worker);
      fail(new WorkerCrash(`a worker thread crashed${job ? ` while annotating ${job.task.path}` : ''}: ${error.message}`));
    });
    worker.on('exit', (code) => {
      if (crash === null && code !== 0 && !closing) fail(new WorkerCrash(`a worker thread stopped unexpectedly (exit code ${code})`));
    });
    idle.push(worker);
    return worker;
  });

  return {
    annotate(task) {
      if (crash !== null) return Promise.reject(crash);
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, task, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
