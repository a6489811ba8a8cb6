/* eslint-disable no-console -- the eval's shell: stdout carries the summary, stderr the files that failed */
// `npm run eval -- --all [dir]`: scores every dev gold file in a directory that the eval knows, one after the other
// in this process, and prints one summary table of their headline figures (with --corpus, the event density table
// after it). A file that fails is named with the reason and the others are still scored (exit 2 at the end).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { GoldSetKind } from './gold-set.js';
import { readJsonLines } from './read-gold.js';
import { formatSummary } from './summarize-sets.js';
import type { AllSummary, SetSummary } from './summarize-sets.js';
import { corpusJson, evaluateCorpus, printCorpus, reportCorpusFailures } from './evaluate-corpus.js';
import type { CorpusOptions } from './evaluate-corpus.js';
import { UsageError } from './tool-args.js';

export interface AllOptions {
  dir: string;
  limit: number | null;
  json: boolean;
  corpus: CorpusOptions | null;
}

/** The directory's *.jsonl files, sorted; train splits left out (they are for learning, never for reporting). */
function goldFiles(dir: string): { files: string[]; train: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort();
  } catch (error) {
    throw new UsageError(`--all ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { files: names.filter((n) => !/train/i.test(n)), train: names.filter((n) => /train/i.test(n)) };
}

/** Scores every known gold file of `options.dir` (and the corpus, when asked) and prints the summary. */
export async function evaluateAll(kinds: readonly GoldSetKind[], options: AllOptions): Promise<void> {
  const t0 = performance.now();
  const { files, train } = goldFiles(options.dir);
  const summary: AllSummary = { dir: options.dir, sets: [], failed: [], notScored: [...train], seconds: 0 };
  const queued: { kind: GoldSetKind; file: string; records: Record<string, unknown>[] }[] = [];
  for (const name of files) {
    const file = join(options.dir, name);
    try {
      const records = readJsonLines(file);
      const kind = kinds.find((k) => k.detect(records[0]!));
      if (kind === undefined) summary.notScored.push(name);
      else queued.push({ kind, file, records });
    } catch (error) {
      summary.failed.push({ file, error: (error as Error).message });
    }
  }
  if (queued.length === 0 && summary.failed.length === 0) throw new UsageError(`--all ${options.dir}: no gold file the eval knows`);
  queued.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  for (const { kind, file, records } of queued) {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[Kscoring ${file}`);
    const start = performance.now();
    try {
      const report = kind.evaluate({ gold: file, limit: options.limit, errors: 0, baseline: false, json: options.json }, records);
      if (report === null) summary.failed.push({ file, error: 'nothing to score (see above)' });
      else summary.sets.push({ set: report.set, file, seconds: (performance.now() - start) / 1000, rows: report.summary } satisfies SetSummary);
    } catch (error) {
      summary.failed.push({ file, error: (error as Error).message });
    }
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  summary.seconds = (performance.now() - t0) / 1000;
  if (summary.failed.length > 0) process.exitCode = 2;

  const corpus = options.corpus === null ? null : await evaluateCorpus(options.corpus);
  if (corpus !== null && reportCorpusFailures(corpus)) process.exitCode = 2;
  if (options.json) {
    const json = { ...summary, ...(corpus !== null ? { corpus: corpusJson(corpus, options.corpus?.sample ?? 0) } : {}) };
    console.log(JSON.stringify(json, null, 2));
    return;
  }
  console.log(formatSummary(summary));
  if (corpus !== null) {
    console.log('');
    printCorpus(corpus, options.corpus?.sample ?? 0);
  }
}
