// Shared test helpers: one annotator per test process, captured streams, and the schema validator.
import { PassThrough, Readable } from 'node:stream';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createAnnotator } from '../src/annotate-text.js';
import type { Annotator } from '../src/annotate-text.js';
import { annotationSchema } from '../src/model/annotation.js';
import type { Annotation } from '../src/model/annotation.js';
import { findBrokenReference, findMisplacedSpan, spansOf } from '../src/model/check-annotation.js';
import { main } from '../src/cli/main.js';

let annotator: Annotator | undefined;
export function sharedAnnotator(): Annotator {
  annotator ??= createAnnotator();
  return annotator;
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(annotationSchema);

/** Throws with the validator's messages when a document breaks the schema; also checks every span's text. */
export function assertValidAnnotation(doc: unknown, text?: string): asserts doc is Annotation {
  if (!validate(doc)) throw new Error(`schema violation: ${ajv.errorsText(validate.errors)}`);
  if (text === undefined) return;
  const misplaced = findMisplacedSpan(doc, text);
  if (misplaced !== null) throw new Error(misplaced);
  const broken = findBrokenReference(doc);
  if (broken !== null) throw new Error(broken);
  // No whitespace, quotation mark or comma leaks into a stance's or claim's span (a cue may end in the colon that
  // opens a quotation).
  for (const { what, span, of } of spansOf(doc)) {
    if ((of === 'stance' || of === 'claim') && (span.text !== span.text.trim() || /^[“”"',]|[“”",]$/.test(span.text))) {
      throw new Error(`${what} "${span.text}" carries surrounding punctuation`);
    }
  }
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams. */
export async function runCli(
  argv: string[],
  options: { cwd: string; stdin?: string | Buffer; env?: Record<string, string>; /** build the annotator from the run's config */ fresh?: boolean },
): Promise<RunResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exitCode = await main(argv, {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd,
    ...(options.fresh ? {} : { annotator: sharedAnnotator() }),
  });
  return { exitCode, stdout: out, stderr: err };
}
