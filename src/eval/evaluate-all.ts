/* eslint-disable no-console -- the eval's shell: stdout carries the summary, stderr the files that failed */
// `npm run eval -- --all [dir]`: scores every dev gold file in a directory that the eval knows, one after the other
// in this process, and prints one summary table of their headline figures (with --corpus, the event density table
// after it); with --train, the train splits too, their rows beside the dev rows. A file that fails is named with the
// reason and the others are still scored (exit 2 at the end).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { GoldSetKind, ModelInfo } from './gold-set.js';
import { isTrainSplit } from './gold-set.js';
import { readJsonLines } from './read-gold.js';
import { compareSplits, formatSummary } from './summarize-sets.js';
import type { AllSummary, SetSummary } from './summarize-sets.js';
import { corpusJson, evaluateCorpus, printCorpus, reportCorpusFailures } from './evaluate-corpus.js';
import type { CorpusOptions } from './evaluate-corpus.js';
import { UsageError } from './tool-args.js';

export interface AllOptions {
  dir: string;
  /** The first n documents of each set; with `train`, of each train split only (dev sets are scored whole). */
  limit: number | null;
  json: boolean;
  corpus: CorpusOptions | null;
  /** Also score the train splits (*train*.jsonl and *train*.jsonl.gz) and print them beside dev. */
  train: boolean;
  /** Rules alone (--no-model). */
  noModel: boolean;
}

/** The directory's gold files, sorted: dev files (*.jsonl) and train splits (*train*.jsonl, and with `gzipped` the
 *  *train*.jsonl.gz the eval reads only when asked for train splits). */
function goldFiles(dir: string, gzipped: boolean): { files: string[]; train: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.jsonl') || (gzipped && n.endsWith('.jsonl.gz'))).sort();
  } catch (error) {
    throw new UsageError(`--all ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { files: names.filter((n) => !isTrainSplit(n)), train: names.filter(isTrainSplit) };
}

interface Scored {
  sets: SetSummary[];
  failed: AllSummary['failed'];
  notScored: string[];
  models: readonly ModelInfo[] | null;
}

/** Scores each file of the directory that is a set the eval knows, in the order of `kinds` then by name. */
function scoreFiles(kinds: readonly GoldSetKind[], dir: string, names: readonly string[], options: AllOptions, limit: number | null): Scored {
  const scored: Scored = { sets: [], failed: [], notScored: [], models: null };
  const queued: { kind: GoldSetKind; file: string; records: Record<string, unknown>[] }[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      const records = readJsonLines(file);
      const kind = kinds.find((k) => k.detect(records[0]!));
      if (kind === undefined) scored.notScored.push(name);
      else queued.push({ kind, file, records });
    } catch (error) {
      scored.failed.push({ file, error: (error as Error).message });
    }
  }
  queued.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  for (const { kind, file, records } of queued) {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[Kscoring ${file}`);
    const start = performance.now();
    try {
      const report = kind.evaluate({ gold: file, limit, errors: 0, baseline: false, json: options.json, noModel: options.noModel }, records);
      if (report === null) {
        scored.failed.push({ file, error: 'nothing to score (see above)' });
      } else {
        scored.sets.push({ set: report.set, file, seconds: (performance.now() - start) / 1000, rows: report.summary } satisfies SetSummary);
        scored.models ??= report.models;
      }
    } catch (error) {
      scored.failed.push({ file, error: (error as Error).message });
    }
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  return scored;
}

/** Scores every known gold file of `options.dir` (the train splits too with `train`, and the corpus, when asked) and
 *  prints the summary. */
export async function evaluateAll(kinds: readonly GoldSetKind[], options: AllOptions): Promise<void> {
  const t0 = performance.now();
  const { files, train } = goldFiles(options.dir, options.train);
  const dev = scoreFiles(kinds, options.dir, files, options, options.train ? null : options.limit);
  const trained = options.train ? scoreFiles(kinds, options.dir, train, options, options.limit) : null;
  const models = dev.models ?? trained?.models ?? null;
  const summary: AllSummary = {
    dir: options.dir,
    models: models === null ? null : { files: models, noModel: options.noModel },
    sets: dev.sets,
    ...(trained === null ? {} : { train: { limit: options.limit, sets: trained.sets } }),
    failed: [...dev.failed, ...(trained?.failed ?? [])],
    notScored: trained === null ? [...train, ...dev.notScored] : [...dev.notScored, ...trained.notScored],
    seconds: 0,
  };
  if (summary.sets.length + (summary.train?.sets.length ?? 0) === 0 && summary.failed.length === 0) {
    throw new UsageError(`--all ${options.dir}: no gold file the eval knows`);
  }
  summary.seconds = (performance.now() - t0) / 1000;
  if (summary.failed.length > 0) process.exitCode = 2;

  const corpus = options.corpus === null ? null : await evaluateCorpus(options.corpus);
  if (corpus !== null && reportCorpusFailures(corpus)) process.exitCode = 2;
  if (options.json) {
    const json = {
      ...summary,
      ...(summary.train ? { comparison: compareSplits(summary.sets, summary.train.sets) } : {}),
      ...(corpus !== null ? { corpus: corpusJson(corpus, options.corpus?.sample ?? 0) } : {}),
    };
    console.log(JSON.stringify(json, null, 2));
    return;
  }
  console.log(formatSummary(summary));
  if (corpus !== null) {
    console.log('');
    printCorpus(corpus, options.corpus?.sample ?? 0);
  }
}
