/* eslint-disable no-console -- a command-line tool: stdout carries its results, stderr its progress and errors */
// `npm run bench`: the figures of the issue "Speed and scale", from one run on the same files. Each side runs in a
// process of its own (bench-child.js, or bin/annotate.js for the single article), so its peak RSS is its own and no
// side is warmed up by another; the sides run one after the other, so they do not compete for the cores.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, runTool } from '../eval/tool-args.js';
import type { ChildResult } from './bench-child.js';
import { formatBench } from './format-bench.js';
import type { BenchReport } from './format-bench.js';
import { USAGE, parseBenchArgs } from './parse-bench-args.js';
import type { BenchOptions } from './parse-bench-args.js';
import { addScaledInput, countWords, createWorkspace, readCorpus } from './prepare-inputs.js';
import type { Workspace } from './prepare-inputs.js';
import { spawnTimed } from './spawn-timed.js';
import type { TimedProcess } from './spawn-timed.js';
import { median, summarizeBench } from './summarize-bench.js';
import type { SideId, SideMeasure } from './summarize-bench.js';

const CHILD = fileURLToPath(new URL('./bench-child.js', import.meta.url));
const RSS_ON_EXIT = new URL('./report-rss-on-exit.js', import.meta.url).href;
const BIN = fileURLToPath(new URL('../../bin/annotate.js', import.meta.url));
const SINGLE_ARTICLE_RUNS = 5;

/** The annotate argv of each side, after the input and `-o <dir> -q`. */
const ANNOTATE_FLAGS = {
  jobs1: ['--jobs', '1', '--no-cache'],
  jobsAuto: ['--jobs', 'auto', '--no-cache'],
  // The cache sides keep the CLI's default --jobs: they measure what a user's re-run costs.
  coldCache: ['--cache', '--cache-location', 'cache'],
  warmCache: ['--cache', '--cache-location', 'cache'],
  scaled: ['--jobs', 'auto', '--no-cache'],
} as const satisfies Partial<Record<SideId, readonly string[]>>;

const SINGLE_ARTICLE_FLAGS = ['--stdout', '--no-cache'];

interface Run {
  workspace: Workspace;
  files: number;
  words: number;
}

const failed = (id: SideId, label: string, files: number, words: number, error: string): SideMeasure => ({
  id,
  label,
  error,
  files,
  words,
  loadSeconds: null,
  seconds: null,
  processSeconds: null,
  maxRssMB: null,
});

/** How a side's process failed, with its stderr: printed at once, and kept as the side's error. */
function reportFailure(label: string, p: TimedProcess): string {
  const how = p.signal !== null ? `killed by ${p.signal}` : `exit ${p.exitCode}`;
  const stderr = p.stderr.trimEnd();
  console.error(`bench: ${label} failed (${how})${stderr === '' ? '' : `:\n${stderr}`}`);
  return `${how}${stderr === '' ? '' : `: ${stderr.trimStart()}`}`;
}

function progress(label: string, files: number): void {
  process.stderr.write(`bench: ${label} on ${files.toLocaleString('en-US')} file${files === 1 ? '' : 's'}…\n`);
}

/** Runs bench-child once and reads back its figures; a failure is the side's error, never a crash of the bench. */
async function runChild(run: Run, id: SideId, label: string, childArgs: string[], expectFiles: boolean): Promise<SideMeasure> {
  progress(label, run.files);
  const resultFile = join(run.workspace.dir, `result-${id}.json`);
  const p = await spawnTimed([CHILD, resultFile, ...childArgs], { cwd: run.workspace.dir });
  let child: ChildResult | null = null;
  if (existsSync(resultFile)) child = JSON.parse(readFileSync(resultFile, 'utf8')) as ChildResult;
  if (p.exitCode !== 0 || child === null) {
    return failed(id, label, run.files, run.words, reportFailure(label, p));
  }
  // A run that exits 0 without an annotation for every file would make its words/s a lie.
  if (expectFiles && child.files !== run.files) {
    const error = `wrote ${child.files} annotation files for ${run.files} inputs`;
    console.error(`bench: ${label} failed: ${error}${p.stderr.trim() === '' ? '' : `:\n${p.stderr.trimEnd()}`}`);
    return failed(id, label, run.files, run.words, error);
  }
  return {
    id,
    label,
    error: null,
    files: run.files,
    words: run.words,
    loadSeconds: child.loadSeconds,
    seconds: child.seconds,
    processSeconds: p.seconds,
    maxRssMB: child.maxRssMB,
  };
}

async function runAnnotateSide(run: Run, id: keyof typeof ANNOTATE_FLAGS, label: string, input: string, outDir: string): Promise<SideMeasure> {
  return runChild(run, id, label, ['annotate', input, '-o', outDir, '-q', ...ANNOTATE_FLAGS[id]], true);
}

/** `node bin/annotate.js <article> --stdout --no-cache`, process start included, as a user runs it on one file. */
async function runSingleArticle(workspace: Workspace, article: string): Promise<SideMeasure> {
  const id = 'singleArticle';
  const label = `single article (median of ${SINGLE_ARTICLE_RUNS})`;
  let words: number;
  try {
    words = countWords(readFileSync(article, 'utf8'));
  } catch (error) {
    const reason = `cannot read ${article}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    console.error(`bench: ${label} failed: ${reason}`);
    return failed(id, label, 1, 0, reason);
  }
  progress(label, 1);
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < SINGLE_ARTICLE_RUNS; i++) {
    const rssFile = join(workspace.dir, `rss-single-${i}.txt`);
    const p = await spawnTimed(['--import', RSS_ON_EXIT, BIN, article, ...SINGLE_ARTICLE_FLAGS], {
      cwd: workspace.dir,
      env: { ...process.env, ANNOTATE_BENCH_RSS_FILE: rssFile },
    });
    if (p.exitCode !== 0) {
      return failed(id, label, 1, words, reportFailure(label, p));
    }
    times.push(p.seconds);
    if (existsSync(rssFile)) rss.push(Number(readFileSync(rssFile, 'utf8')));
  }
  return {
    id,
    label,
    error: null,
    files: 1,
    words,
    loadSeconds: null,
    seconds: null,
    processSeconds: median(times),
    maxRssMB: rss.length === 0 ? null : Math.max(...rss),
    runs: times,
  };
}

async function runSides(options: BenchOptions, workspace: Workspace, files: number, words: number): Promise<SideMeasure[]> {
  const run: Run = { workspace, files, words };
  const measures: SideMeasure[] = [];
  const outDir = (name: string): string => `out-${name}`;
  const clean = (name: string): void => rmSync(join(workspace.dir, name), { recursive: true, force: true });

  measures.push(await runChild(run, 'compromise', 'compromise', ['compromise', workspace.listFile], false));
  measures.push(await runAnnotateSide(run, 'jobs1', 'annotate --jobs 1', workspace.inputDir, outDir('jobs1')));
  clean(outDir('jobs1'));
  measures.push(await runAnnotateSide(run, 'jobsAuto', 'annotate --jobs auto', workspace.inputDir, outDir('auto')));
  clean(outDir('auto'));
  // The warm run re-runs the cold one's command: same output directory, same cache.
  const cold = await runAnnotateSide(run, 'coldCache', 'annotate --cache, cold', workspace.inputDir, outDir('cache'));
  measures.push(cold);
  measures.push(
    cold.error === null
      ? await runAnnotateSide(run, 'warmCache', 'annotate --cache, warm', workspace.inputDir, outDir('cache'))
      : failed('warmCache', 'annotate --cache, warm', files, words, 'not run: the cold-cache run failed'),
  );
  clean(outDir('cache'));
  clean('cache');
  measures.push(await runSingleArticle(workspace, options.article));
  measures.push(await runChild({ workspace, files: 0, words: 0 }, 'setup', 'annotator set-up', ['setup'], false));
  if (options.scale !== null) {
    const k = options.scale;
    const scaled = addScaledInput(workspace, k);
    const scaledRun: Run = { workspace, files: files * k, words: words * k };
    measures.push(await runAnnotateSide(scaledRun, 'scaled', `annotate --jobs auto, ${k}× files`, scaled, outDir('scaled')));
    clean(outDir('scaled'));
  }
  return measures;
}

async function bench(options: BenchOptions): Promise<number> {
  if (!existsSync(CHILD)) throw new UsageError(`${CHILD} is missing: run npm run build first`);
  const corpus = readCorpus(options.corpus, options.limit);
  const workspace = createWorkspace(options.corpus, corpus);
  // Ctrl-C reaches the running side too (same process group); nothing is printed yet, so leave no scratch behind.
  const interrupted = (): void => {
    workspace.remove();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  let measures: SideMeasure[];
  try {
    measures = await runSides(options, workspace, corpus.paths.length, corpus.words);
  } finally {
    process.off('SIGINT', interrupted);
    workspace.remove();
  }
  const cores = availableParallelism();
  const summary = summarizeBench(measures, { cores, files: corpus.paths.length, totalFiles: corpus.total, scale: options.scale });
  const report: BenchReport = {
    corpus: relative(process.cwd(), options.corpus).split(sep).join('/') || '.',
    files: corpus.paths.length,
    characters: corpus.characters,
    words: corpus.words,
    limit: options.limit,
    scale: options.scale,
    node: process.version,
    cores,
    summary,
  };
  if (options.json) {
    const { summary: s, ...rest } = report;
    console.log(JSON.stringify({ ...rest, ...s }, null, 2));
  } else {
    console.log(formatBench(report));
  }
  return summary.failed.length > 0 ? 1 : 0;
}

runTool('bench', USAGE, (argv) => {
  const options = parseBenchArgs(argv, process.cwd());
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  bench(options).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`bench: ${error instanceof UsageError ? error.message : ((error as Error).stack ?? String(error))}`);
      process.exitCode = 2;
    },
  );
});
