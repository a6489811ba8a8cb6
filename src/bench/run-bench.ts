/* eslint-disable no-console -- a command-line tool: stdout carries its results, stderr its progress and errors */
// `npm run bench`: times the annotator against bare compromise on the same corpus in one process (texts read first,
// both sides warmed up, the order alternating per round) and prints the ratio, peak RSS and heap.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createAnnotator } from '../index.js';
import type { Annotator } from '../index.js';
import { compromiseBare } from '../eval/compromise-baseline.js';
import { UsageError, positiveInteger, runTool } from '../eval/tool-args.js';

const USAGE = `usage: npm run bench -- [options]

  --corpus <dir>   directory of articles, *.txt searched recursively (default ../shared/corpus/bbc)
  --limit <n>      use only the first n files (sorted by path)
  --rounds <n>     timed passes over the files per side (default 1); the order of the sides alternates
  --json           print the result as JSON on stdout
  -h, --help       show this help`;

const WARMUP_FILES = 5;

interface Options {
  corpus: string;
  limit: number | null;
  rounds: number;
  json: boolean;
}

interface Article {
  path: string;
  text: string;
}

interface Side {
  name: 'compromise' | 'annotate';
  run: (article: Article) => number;
  seconds: number;
}

function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        corpus: { type: 'string' },
        limit: { type: 'string' },
        rounds: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
  if (values.help) return 'help';
  return {
    corpus: resolve(process.cwd(), values.corpus ?? '../shared/corpus/bbc'),
    limit: positiveInteger('limit', values.limit),
    rounds: positiveInteger('rounds', values.rounds) ?? 1,
    json: values.json ?? false,
  };
}

/** Every *.txt under `dir`, as POSIX paths relative to the working directory, sorted by code unit (not locale). */
function listArticles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    throw new UsageError(`cannot read corpus directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return entries
    .filter((entry) => entry.endsWith('.txt'))
    .map((entry) => relative(process.cwd(), join(dir, entry)).split(sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function readArticles(paths: string[]): Article[] {
  return paths.map((path) => {
    try {
      return { path, text: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') };
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  });
}

function timeSide(side: Side, articles: Article[]): void {
  let sink = 0;
  const t0 = performance.now();
  for (const article of articles) sink += side.run(article);
  side.seconds += (performance.now() - t0) / 1000;
  if (sink < 0) console.error('unreachable'); // keeps the results alive
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
const thousands = (n: number): string => Math.round(n).toLocaleString('en-US');

function main(argv: string[]): void {
  const options = parseOptions(argv);
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const all = listArticles(options.corpus);
  if (all.length === 0) throw new UsageError(`no *.txt files under ${options.corpus}`);
  const articles = readArticles(options.limit === null ? all : all.slice(0, options.limit));
  const characters = articles.reduce((n, a) => n + [...a.text].length, 0);
  const words = articles.reduce((n, a) => n + a.text.split(/\s+/).filter((w) => w !== '').length, 0);

  const setupStart = performance.now();
  let annotator: Annotator;
  try {
    annotator = createAnnotator();
  } catch (error) {
    console.error(`bench: cannot create the annotator: ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  const setupSeconds = (performance.now() - setupStart) / 1000;

  const failures: string[] = [];
  const compromise: Side = { name: 'compromise', run: (a) => compromiseBare(a.text), seconds: 0 };
  const annotate: Side = {
    name: 'annotate',
    run: (a) => {
      try {
        const annotation = annotator.annotate(a.text, { path: a.path });
        return annotation.actors.length + annotation.places.length;
      } catch (error) {
        failures.push(`${a.path}: ${(error as Error).message}`);
        return 0;
      }
    },
    seconds: 0,
  };

  const warmup = articles.slice(0, WARMUP_FILES);
  for (const side of [compromise, annotate]) {
    timeSide(side, warmup);
    side.seconds = 0;
  }
  failures.length = 0;
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? [compromise, annotate] : [annotate, compromise];
    for (const side of order) {
      if (process.stderr.isTTY) process.stderr.write(`\rround ${round + 1}/${options.rounds}: ${side.name}…\x1b[K`);
      timeSide(side, articles);
    }
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');

  const heapUsed = process.memoryUsage().heapUsed;
  const maxRssBytes = process.resourceUsage().maxRSS * 1024; // maxRSS is in kilobytes
  const runs = articles.length * options.rounds;
  const summary = (side: Side) => ({
    seconds: side.seconds,
    msPerArticle: (side.seconds * 1000) / runs,
    wordsPerSecond: side.seconds === 0 ? 0 : (words * options.rounds) / side.seconds,
  });
  const result = {
    corpus: relative(process.cwd(), options.corpus).split(sep).join('/') || '.',
    files: articles.length,
    characters,
    words,
    rounds: options.rounds,
    compromise: summary(compromise),
    annotate: { ...summary(annotate), setupSeconds },
    ratio: compromise.seconds === 0 ? null : annotate.seconds / compromise.seconds,
    peakRssMB: mb(maxRssBytes),
    heapUsedMB: mb(heapUsed),
    failures: failures.length,
  };

  for (const failure of failures.slice(0, 10)) console.error(`annotate failed on ${failure}`);
  if (failures.length > 10) console.error(`… and ${failures.length - 10} more failures`);
  if (failures.length > 0) process.exitCode = 2;

  if (options.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(
    `${result.corpus}: ${result.files} files, ${thousands(characters)} characters, ${thousands(words)} words, ` +
      `${options.rounds} round${options.rounds === 1 ? '' : 's'} (warm-up on ${warmup.length} files)`,
  );
  console.log('');
  console.log(['side'.padEnd(10), 'seconds'.padStart(9), 'ms/article'.padStart(11), 'words/s'.padStart(10)].join(' '));
  for (const [name, s] of [['compromise', result.compromise], ['annotate', result.annotate]] as const) {
    console.log(
      [name.padEnd(10), s.seconds.toFixed(2).padStart(9), s.msPerArticle.toFixed(2).padStart(11), thousands(s.wordsPerSecond).padStart(10)].join(' '),
    );
  }
  console.log('');
  console.log(`ratio annotate/compromise: ${result.ratio === null ? 'n/a' : `${result.ratio.toFixed(2)}×`}`);
  console.log(`annotator setup: ${setupSeconds.toFixed(2)} s`);
  console.log(`peak RSS: ${result.peakRssMB.toFixed(1)} MB, heap used after: ${result.heapUsedMB.toFixed(1)} MB`);
}

runTool('bench', USAGE, main);
