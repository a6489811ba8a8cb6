// One annotate run: discover the inputs, read and decode each, annotate, then write files or stream to stdout, and
// report. A file that cannot be read is a diagnostic and the run goes on; the exit code says what happened.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Annotation } from '../model/annotation.js';
import { ArticleError, createAnnotator } from '../annotate-text.js';
import type { Annotator } from '../annotate-text.js';
import { findInputs } from '../discover/find-inputs.js';
import type { InputFile } from '../discover/find-inputs.js';
import { decodeText } from '../text/decode-text.js';
import { serialize, toJson } from '../serialize/serialize.js';
import type { OutputFormat } from '../serialize/serialize.js';
import { EMPTY_CONFIG } from '../config/load-config.js';
import type { Config } from '../config/load-config.js';
import { writeFileAtomic } from './write-atomic.js';
import type { Reporter } from './reporter.js';

export interface RunIO {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
}

export interface RunOptions {
  inputs: string[];
  cwd: string;
  outDir: string;
  stdout: boolean;
  format: OutputFormat;
  date: string | null;
  io: RunIO;
  reporter: Reporter;
  /** The config file's settings (default: none). */
  config?: Config;
  /** Injected for tests; by default the bundled vocabulary. */
  annotator?: Annotator;
}

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_ERROR = 2;

interface FileOutcome {
  file: InputFile;
  annotation?: Annotation;
  error?: string;
}

export async function runAnnotate(options: RunOptions): Promise<number> {
  const started = performance.now();
  const { files, problems } = await findInputs(options.inputs, options.cwd);
  for (const p of problems) options.reporter.error(p.input, p.reason);
  if (files.length === 0) {
    options.reporter.error(null, 'no input files: nothing to annotate');
    return EXIT_ERROR;
  }
  const targets = options.stdout ? null : planOutputs(files, options);
  if (targets instanceof Error) {
    options.reporter.error(null, targets.message);
    return EXIT_ERROR;
  }

  const annotator = options.annotator ?? createAnnotator({ vocabulary: (options.config ?? EMPTY_CONFIG).vocabulary });
  const outcomes: FileOutcome[] = [];
  const collected: Annotation[] = [];
  for (const [i, file] of files.entries()) {
    const outcome = await annotateFile(file, annotator, options);
    outcomes.push(outcome);
    if (!outcome.annotation) {
      options.reporter.error(file.path, outcome.error ?? 'failed');
      continue;
    }
    if (targets) {
      try {
        await writeFileAtomic(targets[i]!, serialize(outcome.annotation, options.format));
      } catch (error) {
        outcome.error = `cannot write ${toDisplay(targets[i]!, options.cwd)}: ${(error as Error).message}`;
        delete outcome.annotation;
        options.reporter.error(file.path, outcome.error);
      }
    } else if (options.format === 'json') {
      collected.push(outcome.annotation);
    } else {
      await write(options.io.stdout, (options.format === 'yaml' && i > 0 ? '---\n' : '') + serialize(outcome.annotation, options.format));
    }
  }
  // A JSON stream is one array: the same objects as NDJSON, in input order.
  if (!targets && options.format === 'json') await write(options.io.stdout, collected.length === 0 ? '[]\n' : '[\n' + collected.map((a) => toJson(a).trimEnd().replace(/^/gm, '  ')).join(',\n') + '\n]\n');

  const done = outcomes.filter((o) => o.annotation);
  options.reporter.summary({
    files: files.length,
    annotated: done.length,
    failed: outcomes.length - done.length + problems.length,
    actors: done.reduce((n, o) => n + o.annotation!.actors.length, 0),
    places: done.reduce((n, o) => n + o.annotation!.places.length, 0),
    events: done.reduce((n, o) => n + o.annotation!.events.length, 0),
    stances: done.reduce((n, o) => n + o.annotation!.stances.length, 0),
    claims: done.reduce((n, o) => n + o.annotation!.claims.length, 0),
    seconds: (performance.now() - started) / 1000,
    outDir: targets ? toDisplay(path.resolve(options.cwd, options.outDir), options.cwd) : null,
  });
  return done.length === outcomes.length && problems.length === 0 ? EXIT_OK : EXIT_ERROR;
}

async function annotateFile(file: InputFile, annotator: Annotator, options: RunOptions): Promise<FileOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = file.absolute === null ? await readStream(options.io.stdin) : await readFile(file.absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { file, error: code === 'EACCES' ? 'cannot read: permission denied' : code === 'EISDIR' ? 'is a directory' : `cannot read: ${(error as Error).message}` };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { file, error: `skipped: ${decoded.reason}` };
  try {
    return { file, annotation: annotator.annotate(decoded.text, { path: file.path, bytes, date: options.date }) };
  } catch (error) {
    if (error instanceof ArticleError) return { file, error: `skipped: ${error.message}` };
    throw error;
  }
}

/** Output path of every input; two inputs that would write one file are an error before anything is written. */
function planOutputs(files: InputFile[], options: RunOptions): string[] | Error {
  const outRoot = path.resolve(options.cwd, options.outDir);
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

function toDisplay(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? p : rel).split(path.sep).join('/');
}

async function readStream(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Writes and waits for the stream to accept the data, so output order follows input order. */
function write(stream: Writable, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(data, (error) => (error ? reject(error) : resolve()));
  });
}
