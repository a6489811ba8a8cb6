// `annotate report`: reads annotation files (YAML, JSON, NDJSON; files, directories or stdin), checks each against
// the schema, finds each article through its source.path, and either prints the corpus summary (tables or JSON on
// stdout) or writes the HTML report. A file that is not an annotation is an error on that file and the rest goes on
// (exit 2 at the end); an article that is missing or has changed since it was annotated is a notice, and its
// annotation is shown without the text.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Annotation } from '../model/annotation.js';
import { findMisplacedSpan } from '../model/check-annotation.js';
import { describeFsError, writtenPath } from '../discover/find-inputs.js';
import { collectCorpus, compareText } from '../corpus/collect-corpus.js';
import type { CorpusDocument } from '../corpus/collect-corpus.js';
import { formatSummary, plural } from '../corpus/format-summary.js';
import type { SummaryFormat } from '../corpus/format-summary.js';
import { renderReport } from '../corpus/render-html.js';
import { loadCameoSync, loadCountriesSync } from '../lexicon/load-lexicons.js';
import { VERSION } from '../version.js';
import { megabytes, readArticle } from './read-article.js';
import { annotationValidator, findAnnotationFiles, openAnnotationFile, readAnnotations } from './read-annotations.js';
import type { AnnotationRead } from './read-annotations.js';
import { writeFileAtomic } from './write-atomic.js';
import { EXIT_ERROR, EXIT_OK } from './run-annotate.js';

export interface ReportOptions {
  inputs: string[];
  /** Write the HTML report here; without it, the summary goes to stdout. */
  html?: string;
  format: SummaryFormat;
  /** Rows per summary table. */
  top: number;
  /** The directory source.path is relative to: the working directory annotate ran in (default: cwd). */
  root?: string;
  /** The page's title. */
  title?: string;
  quiet?: boolean;
  /** chalk's colour level of the printed tables. */
  color: number;
}

export interface ReportIO {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  cwd: string;
}

/** Files read at once: reading one after the other left the process idle half the time on 2,000 files. */
const READS_IN_FLIGHT = 16;
/** Notices printed one per line before they are summed up: a corpus moved elsewhere would print thousands. */
const NOTICE_LINES = 10;

export async function runReport(options: ReportOptions, io: ReportIO): Promise<number> {
  let failed = false;
  const error = (file: string, reason: string): void => {
    failed = true;
    io.stderr.write(`error ${file}: ${reason}\n`);
  };
  const inputFiles = await findAnnotationFiles(options.inputs, io, options.quiet, error);

  const validate = await annotationValidator();
  const read: { annotation: Annotation; annotationFile: string }[] = [];
  const files = await mapConcurrently(inputFiles, READS_IN_FLIGHT, async (file) => {
    const reads: AnnotationRead[] = [];
    for await (const r of readAnnotations(await openAnnotationFile(file.absolute, io.stdin), file.path, validate)) reads.push(r);
    return { file, reads };
  });
  for (const { file, reads } of files) {
    for (const r of reads) {
      if (r.ok) read.push({ annotation: r.annotation, annotationFile: file.path });
      else error(r.where, r.reason);
    }
  }
  // One document per article: the same article annotated twice (two output directories) would count twice.
  read.sort((a, b) => compareText(a.annotation.source.path, b.annotation.source.path) || compareText(a.annotationFile, b.annotationFile));
  const unique = read.filter((doc, i) => {
    const previous = read[i - 1];
    if (previous === undefined || previous.annotation.source.path !== doc.annotation.source.path) return true;
    if (!options.quiet) io.stderr.write(`warning ${doc.annotationFile}: annotates ${doc.annotation.source.path} as ${previous.annotationFile} does; left out\n`);
    return false;
  });
  if (unique.length === 0) {
    if (!failed) error(options.inputs.join(' '), 'no annotations to report on');
    return EXIT_ERROR;
  }

  if (options.html === undefined) {
    const corpus = collectCorpus(unique.map((doc) => ({ ...doc, text: null, notice: null })));
    io.stdout.write(formatSummary(corpus, options.format, { top: options.top, color: options.format === 'json' ? 0 : options.color }));
    return failed ? EXIT_ERROR : EXIT_OK;
  }

  const root = path.resolve(io.cwd, options.root ?? '.');
  const documents: CorpusDocument[] = await mapConcurrently(unique, READS_IN_FLIGHT, async (doc) => ({ ...doc, ...(await findArticle(doc.annotation, root, io.stdin)) }));
  const notices = documents.filter((d) => d.notice !== null);
  if (!options.quiet) {
    for (const d of notices.slice(0, NOTICE_LINES)) io.stderr.write(`notice ${d.annotationFile}: ${d.notice}; the report shows the annotation alone\n`);
    if (notices.length > NOTICE_LINES) io.stderr.write(`notice: ${notices.length - NOTICE_LINES} more articles are shown from their annotation alone (the report lists them all)\n`);
  }

  const pageScript = await readPageScript();
  if (!pageScript.ok) {
    io.stderr.write(`error: ${pageScript.reason}\n`);
    return EXIT_ERROR;
  }
  const corpus = collectCorpus(documents);
  const cameoNames = new Map(loadCameoSync().map((entry) => [entry.code, entry.name]));
  const html = renderReport(corpus, {
    title: options.title ?? `annotate report: ${plural(documents.length, 'article')}`,
    pageScript: pageScript.script,
    cameoNames,
    countries: new Map(loadCountriesSync().map((entry) => [entry.code, entry.name])),
    generator: `annotate ${VERSION}`,
  });
  const target = path.resolve(io.cwd, options.html);
  try {
    await writeFileAtomic(target, html);
  } catch (problem) {
    io.stderr.write(`error ${options.html}: cannot write the report: ${describeFsError(problem)}\n`);
    return EXIT_ERROR;
  }
  if (!options.quiet) {
    const shown = writtenPath(target, io.cwd);
    const withText = documents.length - notices.length;
    io.stderr.write(`wrote ${shown}: ${plural(documents.length, 'article')} (${withText.toLocaleString('en-US')} with text), ${megabytes(Buffer.byteLength(html))}\n`);
  }
  return failed ? EXIT_ERROR : EXIT_OK;
}

/** The article's text when it is the one that was annotated; else null and why. */
async function findArticle(annotation: Annotation, root: string, stdin: Readable): Promise<{ text: string | null; notice: string | null }> {
  const { path: sourcePath, sha256 } = annotation.source;
  if (sourcePath === '-') return { text: null, notice: 'it was read from stdin, so there is no file to show' };
  const article = await readArticle(path.resolve(root, sourcePath), stdin);
  if (!article.ok) return { text: null, notice: `its article ${sourcePath}: ${article.reason}` };
  if (createHash('sha256').update(article.bytes).digest('hex') !== sha256) {
    return { text: null, notice: `its article ${sourcePath} has changed since it was annotated (run annotate again)` };
  }
  // Only a hand-edited annotation fails here (the bytes are the ones annotated), but highlighting it would mark the
  // wrong words.
  const misplaced = findMisplacedSpan(annotation, article.text);
  if (misplaced !== null) return { text: null, notice: `its ${misplaced} in ${sourcePath} (was the annotation edited?)` };
  return { text: article.text, notice: null };
}

/** The compiled page script. It is built with the package (`npm run build`), from src/ and dist/ alike. */
async function readPageScript(): Promise<{ ok: true; script: string } | { ok: false; reason: string }> {
  const file = fileURLToPath(new URL('../../dist/page-script/corpus/page/report-page.js', import.meta.url));
  try {
    const script = await readFile(file, 'utf8');
    if (/<\/script/i.test(script)) return { ok: false, reason: `${file} contains "</script", which would end the page's script early` };
    return { ok: true, script };
  } catch {
    return { ok: false, reason: `the report's page script ${file} is missing; run npm run build` };
  }
}

/** fn over items, at most `limit` at a time, the results in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
