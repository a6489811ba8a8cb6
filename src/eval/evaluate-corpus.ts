/* eslint-disable no-console -- the eval's shell: stdout carries the report, stderr the files that could not be read */
// `npm run eval -- --corpus <dir>`: annotates every article of a raw corpus (*.txt and *.md under <dir>, in path
// order) on the project's worker pool and prints the event density per folder with score-density.ts; --sample N
// shows N seeded random fight events per folder, each in its sentence, for a person to judge.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import type { Annotation } from '../model/annotation.js';
import { readArticle } from '../app/read-article.js';
import { createInlineEngine } from '../workers/engine.js';
import type { Engine } from '../workers/engine.js';
import { createWorkerPool } from '../workers/worker-pool.js';
import { loadLexiconsSync } from '../lexicon/load-lexicons.js';
import { createParser } from '../nlp/create-nlp.js';
import { toUtf16Offsets } from '../text/code-points.js';
import { progress } from './annotate-items.js';
import { alignColumns, oneLine } from './format-lines.js';
import { FIGHT_ROOTS, readDensityEvents, sampleFightEvents, summarizeDensity } from './score-density.js';
import type { ArticleEvents, Density, FolderDensity, SampledEvent } from './score-density.js';
import { UsageError } from './tool-args.js';

export interface CorpusOptions {
  dir: string;
  /** Worker threads; 1 annotates in this thread. */
  jobs: number;
  /** Only the first n articles of each folder; null: all. */
  limit: number | null;
  /** Fight events shown per folder; 0: none. */
  sample: number;
  seed: number;
  /** Rules alone: the annotator without the learned models (--no-model). */
  noModel: boolean;
}

/** A sampled event with the sentence that holds it, its trigger in brackets, on one line. */
export interface ShownEvent extends SampledEvent {
  sentenceText: string;
}

export interface CorpusReport {
  dir: string;
  jobs: number;
  seed: number;
  noModel: boolean;
  seconds: number;
  density: Density;
  failures: string[];
  samples: Record<string, ShownEvent[]>;
}

const ARTICLE = /\.(txt|md)$/i;

/** The corpus's articles as POSIX paths relative to `dir`, sorted; a missing or empty corpus is a usage error. */
function findArticles(dir: string): string[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`--corpus ${dir}: not a directory`);
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--corpus ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const paths = entries
    .filter((e) => ARTICLE.test(e) && statSync(join(dir, e)).isFile())
    .map((e) => e.split(sep).join('/'))
    .sort();
  if (paths.length === 0) throw new UsageError(`--corpus ${dir}: no *.txt or *.md articles`);
  return paths;
}

/** The first `limit` paths of each folder. */
function limitPerFolder(paths: readonly string[], limit: number | null): string[] {
  if (limit === null) return [...paths];
  const seen = new Map<string, number>();
  return paths.filter((p) => {
    const folder = p.includes('/') ? p.slice(0, p.indexOf('/')) : '.';
    const n = (seen.get(folder) ?? 0) + 1;
    seen.set(folder, n);
    return n <= limit;
  });
}

/** Annotates every path, a few at a time so reads stay bounded, results in path order. */
async function annotateAll(dir: string, paths: readonly string[], engine: Engine): Promise<{ articles: (ArticleEvents | null)[]; failures: string[] }> {
  const articles: (ArticleEvents | null)[] = new Array<ArticleEvents | null>(paths.length).fill(null);
  const failures: string[] = [];
  const empty = Readable.from([]);
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      const path = paths[i]!;
      const read = await readArticle(join(dir, path), empty);
      if (!read.ok) {
        failures.push(`${path}: ${read.reason}`);
      } else {
        const result = await engine.annotate({ path, text: read.text, bytes: read.bytes, date: null, format: 'ndjson' });
        if (result.ok) articles[i] = { path, events: readDensityEvents(JSON.parse(result.output) as Annotation) };
        else failures.push(`${path}: ${result.error}`);
      }
      progress('annotate', ++done, paths.length);
    }
  };
  await Promise.all(Array.from({ length: 8 }, lane));
  return { articles, failures };
}

/** The sentence of each sampled event, from a parse of its article in this thread (the annotation keeps only the
 *  sentence's index). */
async function showSamples(dir: string, samples: Map<string, SampledEvent[]>): Promise<Record<string, ShownEvent[]>> {
  const shown: Record<string, ShownEvent[]> = {};
  if ([...samples.values()].every((list) => list.length === 0)) {
    for (const folder of samples.keys()) shown[folder] = [];
    return shown;
  }
  const parse = createParser(loadLexiconsSync());
  const empty = Readable.from([]);
  for (const [folder, list] of samples) {
    shown[folder] = [];
    for (const s of list) {
      const read = await readArticle(join(dir, s.path), empty);
      let sentenceText = '';
      if (read.ok) {
        const { text } = read;
        const tokens = parse(text, 0).sentences[s.event.sentence] ?? [];
        const toUtf16 = toUtf16Offsets(text);
        const trigger = { start: toUtf16(s.event.start), end: toUtf16(s.event.end) };
        const start = Math.min(tokens[0]?.start ?? trigger.start, trigger.start);
        const end = Math.max(tokens[tokens.length - 1]?.end ?? trigger.end, trigger.end);
        sentenceText = `${text.slice(start, trigger.start)}[${text.slice(trigger.start, trigger.end)}]${text.slice(trigger.end, end)}`;
      }
      shown[folder].push({ ...s, sentenceText: oneLine(sentenceText) });
    }
  }
  return shown;
}

export async function evaluateCorpus(options: CorpusOptions): Promise<CorpusReport> {
  const paths = limitPerFolder(findArticles(options.dir), options.limit);
  const t0 = performance.now();
  const setup = options.noModel ? { model: false } : {};
  const engine = options.jobs <= 1 ? createInlineEngine(setup) : createWorkerPool({ size: options.jobs, ...setup });
  let run: Awaited<ReturnType<typeof annotateAll>>;
  try {
    run = await annotateAll(options.dir, paths, engine);
  } finally {
    await engine.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const articles = run.articles.filter((a): a is ArticleEvents => a !== null);
  const density = summarizeDensity(articles);
  const samples = await showSamples(options.dir, sampleFightEvents(articles, options.sample, options.seed));
  return { dir: relative(process.cwd(), options.dir) || '.', jobs: options.jobs, seed: options.seed, noModel: options.noModel, seconds, density, failures: run.failures, samples };
}

const fightName = `roots ${FIGHT_ROOTS[0]}–${FIGHT_ROOTS[FIGHT_ROOTS.length - 1]}`;

/** The density table: one row per folder and one for the whole corpus. */
export function densityTable(density: Density): string {
  const row = (d: FolderDensity): string[] => [
    d.folder,
    String(d.articles),
    String(d.events),
    d.eventsPerArticle.toFixed(2),
    String(d.fightEvents),
    d.fightPerArticle.toFixed(2),
    String(d.articlesWithFight),
  ];
  return alignColumns([
    ['folder', 'articles', 'events', 'per article', fightName, 'per article', 'articles with one'],
    ...density.folders.map(row),
    row(density.all),
  ]);
}

export function printCorpus(report: CorpusReport, sample: number): void {
  const { all, folders } = report.density;
  console.log(
    `${report.dir}: ${all.articles} articles in ${folders.length} ${folders.length === 1 ? 'folder' : 'folders'}, ` +
      `annotated in ${report.seconds.toFixed(1)} s ` +
      (report.jobs <= 1 ? 'in this thread' : `on ${report.jobs} worker threads`) +
      (report.noModel ? ', rules alone (--no-model)' : '') +
      (report.failures.length > 0 ? `; ${report.failures.length} not annotated` : ''),
  );
  console.log('');
  console.log(densityTable(report.density));
  if (sample <= 0) return;
  for (const [folder, list] of Object.entries(report.samples)) {
    const total = report.density.folders.find((f) => f.folder === folder)?.fightEvents ?? list.length;
    console.log(`\n${folder}: ${list.length} of its ${total} events of ${fightName}, drawn at random (seed ${report.seed}):${list.length === 0 ? ' none' : ''}`);
    for (const s of list) {
      const side = (names: readonly string[]): string => (names.length === 0 ? '∅' : names.join(' + '));
      console.log(`  ${s.path} ${s.event.code} «${oneLine(s.event.trigger)}» ${side(s.event.source)} → ${side(s.event.target)}`);
      console.log(`    ${s.sentenceText}`);
    }
  }
}

/** The report as JSON: the same figures, samples when asked for. */
export function corpusJson(report: CorpusReport, sample: number): Record<string, unknown> {
  return {
    corpus: report.dir,
    jobs: report.jobs,
    seed: report.seed,
    ...(report.noModel ? { noModel: true } : {}),
    seconds: report.seconds,
    fightRoots: FIGHT_ROOTS,
    folders: report.density.folders,
    all: report.density.all,
    failures: report.failures,
    ...(sample > 0 ? { samples: report.samples } : {}),
  };
}

/** Failures on stderr; true when there were some (exit 2). */
export function reportCorpusFailures(report: CorpusReport): boolean {
  for (const f of report.failures.slice(0, 10)) console.error(`not annotated: ${f}`);
  if (report.failures.length > 10) console.error(`… and ${report.failures.length - 10} more`);
  return report.failures.length > 0;
}
