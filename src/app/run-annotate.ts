// One annotate run: discover the inputs, read and decode each, annotate, then write files, stream to stdout, or check
// the files on disk (--check), telling the reporter as each file finishes. A file that cannot be read is a
// diagnostic and the run goes on; Ctrl-C stops between files; a closed stdout ends the run quietly. The exit code
// says what happened.
import { access, readFile, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { ResourceLimits } from 'node:worker_threads';
import type { Annotation } from '../model/annotation.js';
import type { Annotator } from '../annotate-text.js';
import { describeFsError, findInputs } from '../discover/find-inputs.js';
import type { IgnorePattern, InputFile } from '../discover/find-inputs.js';
import type { OutputFormat } from '../serialize/serialize.js';
import type { UserVocabulary } from '../lexicon/lexicon.js';
import { writeFileAtomic } from './write-atomic.js';
import { emit, OutputClosed } from './emit.js';
import { readArticle } from './read-article.js';
import { diffAnnotations, summarizeDiff } from './diff-annotations.js';
import { emptySummary } from './report/reporter.js';
import type { FileReport, Reporter, RunMode, RunSummary } from './report/reporter.js';
import { contentHash, NO_CACHE, openCache } from '../cache/annotation-cache.js';
import { createInlineEngine } from '../workers/engine.js';
import type { AnnotateResult, EngineSetup } from '../workers/engine.js';
import { createWorkerPool, WorkerCrash } from '../workers/worker-pool.js';

export interface RunIO {
  stdout: Writable;
  stdin: Readable;
}

export interface RunOptions {
  inputs: string[];
  cwd: string;
  /** Where annotation files go or are checked: absolute, or relative to cwd. */
  outDir: string;
  mode: RunMode;
  format: OutputFormat;
  date: string | null;
  /** Files left out of directory walks and globs. */
  ignore?: IgnorePattern[];
  /** The name of the article read from stdin. */
  stdinPath?: string;
  /** Larger files are skipped with a message (bytes). */
  maxFileBytes: number;
  /** Worker threads: a number (1: none, annotate in this thread) or 'auto' (none for small runs, else one per core). */
  jobs: number | 'auto';
  /** The cache directory (absolute or relative to cwd); null: no cache. */
  cacheDir: string | null;
  /** Only the inputs of shard `index` (1-based) of `count`. */
  shard?: Shard;
  io: RunIO;
  reporter: Reporter;
  /** Aborted by Ctrl-C: the run stops between files. */
  signal?: AbortSignal;
  /** The config file's vocabulary (default: none) and its hash (for the cache key). */
  vocabulary?: UserVocabulary;
  vocabularyHash?: string;
  /** false: rules alone, without the learned models (--no-model, `model: false`). */
  model?: boolean;
  /** Injected for tests; by default built from the bundled lexicons and `vocabulary`. */
  annotator?: Annotator;
  /** For tests: the V8 limits of each worker thread. */
  workerLimits?: ResourceLimits;
}

export interface Shard {
  index: number;
  count: number;
}

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_ERROR = 2;
/** 128 + SIGINT, what a shell reports for a run stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

export const DEFAULT_MAX_FILE_MB = 10;

/** Below this many files, `--jobs auto` annotates in this thread: starting workers costs more than they save. */
export const AUTO_THREADS_FROM = 16;

/** One article, read and annotated (or not), waiting for its turn to be written. */
interface Prepared {
  result?: AnnotateResult;
  /** The article was served from the cache. */
  cached?: boolean;
  ms: number;
  /** An error no article can cause (a worker crashed): ends the run. */
  crash?: unknown;
}

export async function runAnnotate(options: RunOptions): Promise<number> {
  const started = performance.now();
  const { reporter, cwd } = options;
  const outRoot = path.resolve(cwd, options.outDir);
  const summary = emptySummary(options.mode, options.mode === 'stdout' ? null : toDisplay(outRoot, cwd));
  const end = (code: number): number => {
    summary.seconds = (performance.now() - started) / 1000;
    reporter.end(summary);
    return code;
  };

  const found = await findInputs(options.inputs, { cwd, ignore: options.ignore ?? [], ...(options.stdinPath === undefined ? {} : { stdinPath: options.stdinPath }) });
  for (const p of found.warnings) reporter.problem(p.input, p.reason, 'warning');
  for (const p of found.problems) reporter.problem(p.input, p.reason, 'error');
  summary.inputProblems = found.problems.length;
  if (found.files.length === 0) {
    // Each input that matched nothing has had its own line; say it once more only when there was none.
    if (found.problems.length === 0) reporter.problem(null, 'no input files: nothing to annotate', 'error');
    return end(EXIT_ERROR);
  }
  // Output paths are planned over every input, so each shard sees the same collisions as a whole run would.
  const planned = options.mode === 'stdout' ? null : planOutputs(found.files, outRoot, options);
  if (planned instanceof Error) {
    reporter.problem(null, planned.message, 'error');
    return end(EXIT_ERROR);
  }
  const picked = found.files.map((file, i) => ({ file, target: planned?.[i] ?? null })).filter(({ file }) => inShard(file.path, options.shard));
  const files = picked.map((p) => p.file);
  const targets = planned === null ? null : picked.map((p) => p.target!);
  if (options.mode === 'write') {
    const unwritable = await probeOutDir(outRoot, cwd);
    if (unwritable !== null) {
      reporter.problem(null, unwritable, 'error');
      return end(EXIT_ERROR);
    }
  }

  const threads = threadsFor(options.jobs, files.length, options.annotator !== undefined);
  const engine = threads === 0 ? createInlineEngine(setupOf(options), options.annotator) : createWorkerPool({ ...setupOf(options), size: threads, ...(options.workerLimits ? { resourceLimits: options.workerLimits } : {}) });
  const cache = options.cacheDir === null ? NO_CACHE : await openCache(path.resolve(cwd, options.cacheDir), { vocabulary: options.vocabularyHash ?? '', model: options.model !== false, date: options.date, format: options.format });
  reporter.debug?.(`${files.length} input files${options.shard ? ` (shard ${options.shard.index}/${options.shard.count} of ${found.files.length})` : ''}; ${threads === 0 ? 'annotating in this thread' : `${threads} worker threads`}; cache ${options.cacheDir ?? 'off'}; output ${options.mode === 'stdout' ? 'stdout' : summary.outDir}`);
  summary.files = files.length;
  summary.started = true;
  reporter.start?.({ total: files.length, mode: options.mode });

  const prepare = async (file: InputFile): Promise<Prepared> => {
    const t0 = performance.now();
    try {
      const read = await readArticle(file.absolute, options.io.stdin, options.maxFileBytes);
      if (!read.ok) return { result: { ok: false, error: read.problem === 'unsuitable' ? `skipped: ${read.reason}` : read.reason }, ms: performance.now() - t0 };
      const hash = contentHash(read.bytes);
      const hit = await cache.get(file.path, hash);
      if (hit !== null) return { result: { ok: true, ...hit }, cached: true, ms: performance.now() - t0 };
      const result = await engine.annotate({ path: file.path, text: read.text, bytes: read.bytes, date: options.date, format: options.format });
      if (result.ok) await cache.set(file.path, hash, { output: result.output, counts: result.counts });
      return { result, ms: performance.now() - t0 };
    } catch (crash) {
      // Kept as a value: a rejected promise waiting in the window would be an unhandled rejection.
      return { crash, ms: performance.now() - t0 };
    }
  };
  const json = options.mode === 'stdout' && options.format === 'json' ? { first: true } : null;
  const finish = async (i: number, prepared: Prepared): Promise<void> => {
    if (prepared.crash !== undefined) throw prepared.crash;
    const file = files[i]!;
    const target = targets?.[i] ?? null;
    const output = target === null ? null : toDisplay(target, cwd);
    const result = prepared.result!;
    let report: FileReport;
    if (!result.ok) {
      report = { path: file.path, output, status: 'failed', reason: result.error };
    } else if (target === null) {
      const doc = json ? (json.first ? '[\n' : ',\n') + result.output.trimEnd().replace(/^/gm, '  ') : result.output;
      await emit(options.io.stdout, options.format === 'yaml' && i > 0 ? '---\n' + doc : doc);
      if (json) json.first = false;
      report = { path: file.path, output, status: 'annotated', counts: result.counts };
    } else if (options.mode === 'check') {
      report = { path: file.path, output, ...(await checkFile(target, result.output, options.format)) };
    } else {
      report = { path: file.path, output, status: 'annotated', counts: result.counts };
      try {
        await writeIfChanged(target, result.output);
      } catch (error) {
        report = { path: file.path, output, status: 'failed', reason: `cannot write ${output}: ${describeFsError(error)}` };
      }
    }
    report.ms = prepared.ms;
    if (prepared.cached) report.cached = true;
    tally(summary, report);
    reporter.file(report);
  };

  // Reading runs ahead of writing by a bounded window, so memory does not grow with the corpus; results are written
  // in input order, whatever order the workers finish in.
  const window = threads === 0 ? 2 : threads * 4;
  const inFlight: { i: number; prepared: Promise<Prepared> }[] = [];
  try {
    for (const [i, file] of files.entries()) {
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      inFlight.push({ i, prepared: prepare(file) });
      if (inFlight.length >= window) {
        const next = inFlight.shift()!;
        await finish(next.i, await next.prepared);
      }
    }
    // Articles already started are finished and written, even after Ctrl-C: each is a complete file.
    while (inFlight.length > 0) {
      const next = inFlight.shift()!;
      await finish(next.i, await next.prepared);
    }
    // A JSON stream is one array: the same objects as NDJSON, in input order (closed even after Ctrl-C).
    if (json) await emit(options.io.stdout, json.first ? '[]\n' : '\n]\n');
  } catch (error) {
    await Promise.allSettled(inFlight.map((f) => f.prepared));
    if (error instanceof OutputClosed) {
      reporter.stop?.();
      return EXIT_OK;
    }
    if (error instanceof WorkerCrash) {
      reporter.problem(null, `${error.message}; files written so far are complete`, 'error');
      return end(EXIT_ERROR);
    }
    throw error;
  } finally {
    await engine.close();
  }

  if (summary.interrupted) return end(EXIT_INTERRUPTED);
  if (options.mode === 'check' && planned !== null) {
    for (const report of await findOrphans(outRoot, new Set(planned), options)) {
      tally(summary, report);
      reporter.file(report);
    }
  }
  const errors = summary.failed + summary.inputProblems > 0;
  const problems = summary.missing + summary.stale + summary.orphaned > 0;
  return end(errors ? EXIT_ERROR : problems ? EXIT_CHECK_FAILED : EXIT_OK);
}

function setupOf(options: RunOptions): EngineSetup {
  return { ...(options.vocabulary ? { vocabulary: options.vocabulary } : {}), ...(options.model === false ? { model: false } : {}) };
}

/** Worker threads for a run: none for one job, for small runs under auto, and for an injected annotator (tests);
 *  otherwise as asked, or one per core. */
function threadsFor(jobs: number | 'auto', files: number, injected: boolean): number {
  if (jobs === 'auto') return injected || files < AUTO_THREADS_FROM ? 0 : Math.min(availableParallelism(), Math.ceil(files / AUTO_THREADS_FROM));
  return jobs <= 1 ? 0 : jobs;
}

/** Whether an article belongs to a shard: by a hash of its path, so a file stays in its shard however many files
 *  are added or removed elsewhere in the corpus. */
export function inShard(articlePath: string, shard: Shard | undefined): boolean {
  if (shard === undefined) return true;
  const digest = createHash('sha256').update(articlePath).digest();
  return digest.readUInt32BE(0) % shard.count === shard.index - 1;
}

/** Writes the file unless it already holds these bytes (a re-run rewrites nothing, and keeps every mtime). */
async function writeIfChanged(target: string, data: string): Promise<void> {
  const existing = await readFile(target, 'utf8').catch(() => null);
  if (existing !== data) await writeFileAtomic(target, data);
}

/** --check for one file: the bytes on disk against the bytes annotate would write now. */
async function checkFile(target: string, fresh: string, format: OutputFormat): Promise<Pick<FileReport, 'status' | 'reason' | 'changes'>> {
  let existing: string;
  try {
    existing = await readFile(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing', reason: 'no annotation file for this article' };
    return { status: 'failed', reason: `cannot read ${path.basename(target)}: ${describeFsError(error)}` };
  }
  if (existing === fresh) return { status: 'up-to-date' };
  const diff = diffAnnotations(parseAnnotationFile(existing, format), parseAnnotationFile(fresh, format) as Annotation);
  return { status: 'stale', reason: summarizeDiff(diff), changes: diff.changes };
}

/** Annotation files in the output directory that no input of this run writes and whose article is gone. */
async function findOrphans(outRoot: string, targets: ReadonlySet<string>, options: RunOptions): Promise<FileReport[]> {
  const fg = (await import('fast-glob')).default;
  const found = await fg(`**/*.${options.format}`, { cwd: outRoot, absolute: true, onlyFiles: true, suppressErrors: true });
  const orphans: FileReport[] = [];
  for (const file of found.map((f) => path.resolve(f)).sort()) {
    if (targets.has(file)) continue;
    const doc = parseAnnotationFile(await readFile(file, 'utf8').catch(() => ''), options.format) as { source?: { path?: unknown } } | null;
    const article = doc?.source?.path;
    // Not one of ours (no source.path), or read from stdin: nothing to say.
    if (typeof article !== 'string' || article === '-') continue;
    const exists = await access(path.resolve(options.cwd, article)).then(() => true, () => false);
    if (!exists && inShard(article, options.shard)) orphans.push({ path: article, output: toDisplay(file, options.cwd), status: 'orphaned', reason: `its article ${article} is gone` });
  }
  return orphans;
}

function parseAnnotationFile(text: string, format: OutputFormat): unknown {
  try {
    return format === 'yaml' ? (parseYaml(text) as unknown) : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

/** Output path of every input; two inputs that would write one file are an error before anything is written. */
function planOutputs(files: InputFile[], outRoot: string, options: RunOptions): string[] | Error {
  const seen = new Map<string, string>();
  const targets: string[] = [];
  for (const file of files) {
    const rel = file.path === '-' ? 'stdin' : path.posix.relative(file.root, file.path);
    const target = path.join(outRoot, rel.replace(/\.[^./]*$/, '') + '.' + options.format);
    const other = seen.get(target);
    if (other !== undefined) {
      return new Error(`${other} and ${file.path} would both write ${toDisplay(target, options.cwd)}; nothing was written`);
    }
    seen.set(target, file.path);
    targets.push(target);
  }
  return targets;
}

/** Says, before any work, why annotation files could not be written under `dir`; null when they can. */
async function probeOutDir(dir: string, cwd: string): Promise<string | null> {
  let existing = dir;
  for (;;) {
    const info = await stat(existing).catch(() => null);
    if (info !== null) {
      if (!info.isDirectory()) return `cannot write to ${toDisplay(dir, cwd)}: ${toDisplay(existing, cwd)} is not a directory`;
      break;
    }
    const parent = path.dirname(existing);
    if (parent === existing) return `cannot write to ${toDisplay(dir, cwd)}: no such directory`;
    existing = parent;
  }
  const writable = await access(existing, constants.W_OK).then(() => true, () => false);
  return writable ? null : `cannot write to ${toDisplay(dir, cwd)}: permission denied on ${toDisplay(existing, cwd)}`;
}

function tally(summary: RunSummary, report: FileReport): void {
  if (report.status === 'failed') summary.failed++;
  else if (report.status === 'annotated') summary.annotated++;
  else if (report.status === 'up-to-date') summary.upToDate++;
  else summary[report.status]++;
  if (report.counts) for (const key of ['actors', 'places', 'events', 'stances', 'claims'] as const) summary[key] += report.counts[key];
}

/** A path as the user would write it: relative to the working directory unless that climbs more than two levels. */
function toDisplay(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  const climbs = rel.split(path.sep).filter((part) => part === '..').length;
  return (climbs > 2 || path.isAbsolute(rel) ? p : rel).split(path.sep).join('/') || '.';
}
