// One annotate run: discover the inputs, read and decode each, annotate, then write files, stream to stdout, or check
// the files on disk (--check), telling the reporter as each file finishes. A file that cannot be read is a
// diagnostic and the run goes on; Ctrl-C stops between files; a closed stdout ends the run quietly. The exit code
// says what happened.
import { access, readFile, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import fg from 'fast-glob';
import { parse as parseYaml } from 'yaml';
import type { Annotation } from '../model/annotation.js';
import { ArticleError, createAnnotator } from '../annotate-text.js';
import type { Annotator } from '../annotate-text.js';
import { findInputs } from '../discover/find-inputs.js';
import type { IgnorePattern, InputFile } from '../discover/find-inputs.js';
import { serialize, toJson } from '../serialize/serialize.js';
import type { OutputFormat } from '../serialize/serialize.js';
import type { UserVocabulary } from '../lexicon/lexicon.js';
import { writeFileAtomic } from './write-atomic.js';
import { describeFsError, readArticle } from './read-article.js';
import { diffAnnotations, summarizeDiff } from './diff-annotations.js';
import { emptySummary } from './report/reporter.js';
import type { FileReport, ItemCounts, Reporter, RunMode, RunSummary } from './report/reporter.js';

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
  io: RunIO;
  reporter: Reporter;
  /** Aborted by Ctrl-C: the run stops between files. */
  signal?: AbortSignal;
  /** The config file's vocabulary (default: none). */
  vocabulary?: UserVocabulary;
  /** Injected for tests; by default built from the bundled lexicons and `vocabulary`. */
  annotator?: Annotator;
}

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_ERROR = 2;
/** 128 + SIGINT, what a shell reports for a run stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

export const DEFAULT_MAX_FILE_MB = 10;

/** stdout was closed by its reader (`| head -1`): the run has nobody left to write for. */
class OutputClosed extends Error {}

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
  const files = found.files;
  if (files.length === 0) {
    // Each input that matched nothing has had its own line; say it once more only when there was none.
    if (found.problems.length === 0) reporter.problem(null, 'no input files: nothing to annotate', 'error');
    return EXIT_ERROR;
  }
  const targets = options.mode === 'stdout' ? null : planOutputs(files, outRoot, options);
  if (targets instanceof Error) {
    reporter.problem(null, targets.message, 'error');
    return EXIT_ERROR;
  }
  if (options.mode === 'write') {
    const unwritable = await probeOutDir(outRoot, cwd);
    if (unwritable !== null) {
      reporter.problem(null, unwritable, 'error');
      return EXIT_ERROR;
    }
  }

  const annotator = options.annotator ?? createAnnotator(options.vocabulary ? { vocabulary: options.vocabulary } : {});
  reporter.debug?.(`${files.length} input files; vocabulary ${annotator.lexicon.hash}; output ${options.mode === 'stdout' ? 'stdout' : summary.outDir}`);
  summary.files = files.length;
  reporter.start?.({ total: files.length, mode: options.mode });
  const json = options.mode === 'stdout' && options.format === 'json' ? { first: true } : null;
  try {
    for (const [i, file] of files.entries()) {
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      const t0 = performance.now();
      const outcome = await annotateFile(file, annotator, options);
      const output = targets ? toDisplay(targets[i]!, cwd) : null;
      let report: FileReport;
      if (!outcome.ok) {
        report = { path: file.path, output, status: 'failed', reason: outcome.error };
      } else if (targets === null) {
        const doc = json ? (json.first ? '[\n' : ',\n') + toJson(outcome.annotation).trimEnd().replace(/^/gm, '  ') : serialize(outcome.annotation, options.format);
        await emit(options.io.stdout, options.format === 'yaml' && i > 0 ? '---\n' + doc : doc);
        if (json) json.first = false;
        report = { path: file.path, output, status: 'annotated', counts: countItems(outcome.annotation) };
      } else if (options.mode === 'check') {
        report = { path: file.path, output, ...(await checkFile(targets[i]!, outcome.annotation, options.format)) };
      } else {
        report = { path: file.path, output, status: 'annotated', counts: countItems(outcome.annotation) };
        try {
          await writeFileAtomic(targets[i]!, serialize(outcome.annotation, options.format));
        } catch (error) {
          report = { path: file.path, output, status: 'failed', reason: `cannot write ${output}: ${describeFsError(error)}` };
        }
      }
      report.ms = performance.now() - t0;
      tally(summary, report);
      reporter.file(report);
    }
    // A JSON stream is one array: the same objects as NDJSON, in input order (closed even after Ctrl-C).
    if (json) await emit(options.io.stdout, json.first ? '[]\n' : '\n]\n');
  } catch (error) {
    if (error instanceof OutputClosed) {
      reporter.stop?.();
      return EXIT_OK;
    }
    throw error;
  }

  if (summary.interrupted) return end(EXIT_INTERRUPTED);
  if (options.mode === 'check' && targets !== null) {
    for (const report of await findOrphans(outRoot, new Set(targets), options)) {
      tally(summary, report);
      reporter.file(report);
    }
  }
  const errors = summary.failed + summary.inputProblems > 0;
  const problems = summary.missing + summary.stale + summary.orphaned > 0;
  return end(errors ? EXIT_ERROR : problems ? EXIT_CHECK_FAILED : EXIT_OK);
}

type Outcome = { ok: true; annotation: Annotation } | { ok: false; error: string };

async function annotateFile(file: InputFile, annotator: Annotator, options: RunOptions): Promise<Outcome> {
  const read = await readArticle(file.absolute, options.io.stdin, options.maxFileBytes);
  if (!read.ok) return { ok: false, error: read.problem === 'unsuitable' ? `skipped: ${read.reason}` : read.reason };
  try {
    return { ok: true, annotation: annotator.annotate(read.text, { path: file.path, bytes: read.bytes, date: options.date }) };
  } catch (error) {
    if (error instanceof ArticleError) return { ok: false, error: `skipped: ${error.message}` };
    throw error;
  }
}

/** --check for one file: the bytes on disk against the bytes annotate would write now. */
async function checkFile(target: string, annotation: Annotation, format: OutputFormat): Promise<Pick<FileReport, 'status' | 'reason' | 'changes'>> {
  const fresh = serialize(annotation, format);
  let existing: string;
  try {
    existing = await readFile(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing', reason: 'no annotation file for this article' };
    return { status: 'failed', reason: `cannot read ${path.basename(target)}: ${describeFsError(error)}` };
  }
  if (existing === fresh) return { status: 'up-to-date' };
  const diff = diffAnnotations(parseAnnotationFile(existing, format), annotation);
  return { status: 'stale', reason: summarizeDiff(diff), changes: diff.changes };
}

/** Annotation files in the output directory that no input of this run writes and whose article is gone. */
async function findOrphans(outRoot: string, targets: ReadonlySet<string>, options: RunOptions): Promise<FileReport[]> {
  const found = await fg(`**/*.${options.format}`, { cwd: outRoot, absolute: true, onlyFiles: true, suppressErrors: true });
  const orphans: FileReport[] = [];
  for (const file of found.map((f) => path.resolve(f)).sort()) {
    if (targets.has(file)) continue;
    const doc = parseAnnotationFile(await readFile(file, 'utf8').catch(() => ''), options.format) as { source?: { path?: unknown } } | null;
    const article = doc?.source?.path;
    // Not one of ours (no source.path), or read from stdin: nothing to say.
    if (typeof article !== 'string' || article === '-') continue;
    const exists = await access(path.resolve(options.cwd, article)).then(() => true, () => false);
    if (!exists) orphans.push({ path: article, output: toDisplay(file, options.cwd), status: 'orphaned', reason: `its article ${article} is gone` });
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

function countItems(a: Annotation): ItemCounts {
  return { actors: a.actors.length, places: a.places.length, events: a.events.length, stances: a.stances.length, claims: a.claims.length };
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

/** Writes and waits for the stream to take the data, so output order follows input order and nothing is buffered
 *  past a slow reader. A reader that went away (EPIPE) ends the run. */
function emit(stream: Writable, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.destroyed || stream.writableEnded) {
      reject(new OutputClosed());
      return;
    }
    stream.write(data, (error) => {
      if (!error) resolve();
      else reject((error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ERR_STREAM_DESTROYED' ? new OutputClosed() : error);
    });
  });
}
