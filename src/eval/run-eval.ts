/* eslint-disable no-console -- a command-line tool: stdout carries its results, stderr its progress and errors */
// `npm run eval`: the argument parsing and the dispatch. `--gold <file.jsonl>` scores the annotator against one gold set
// from ../shared/eval (read at run time, never copied) with the evaluator of its set (evaluate-<set>.ts, listed in
// gold-sets.ts, each recognising its records); `--all` gives the headline figures of every set in one table
// (evaluate-all.ts), with `--train` the train splits beside dev; `--corpus` the event density of a raw corpus
// (evaluate-corpus.ts); `--no-model` runs the rules alone.
import { corpusJson, evaluateCorpus, printCorpus, reportCorpusFailures } from './evaluate-corpus.js';
import type { CorpusOptions } from './evaluate-corpus.js';
import { evaluateAll } from './evaluate-all.js';
import type { AllOptions } from './evaluate-all.js';
import { describeModels, trainSplitNote } from './format-lines.js';
import { isTrainSplit } from './gold-set.js';
import type { EvalOptions } from './gold-set.js';
import { GOLD_SETS, unsupportedSet } from './gold-sets.js';
import { readJsonLines } from './read-gold.js';
import { UsageError, parseToolArgs, positiveInteger, runTool } from './tool-args.js';

/** Where --all looks when given no directory: the gold sets beside the project (run from its root). */
const DEFAULT_GOLD_DIR = '../shared/eval';

/** Worker threads for --corpus: the two the issue asks for (most of its time is annotating). */
const CORPUS_JOBS = 2;

const USAGE = `usage: npm run eval -- --gold <file.jsonl> [options]
       npm run eval -- --all [dir] [--train] [--corpus <dir>] [--limit <n>] [--no-model] [--json]
       npm run eval -- --corpus <dir> [--sample <n>] [--seed <n>] [--jobs <n>] [--limit <n>] [--no-model] [--json]

  --gold <file>    gold set, JSON Lines (../shared/eval/conll2003-dev.jsonl): its detailed scores
  --all [dir]      every dev gold set in dir (default ${DEFAULT_GOLD_DIR}) that the eval knows, in one summary table
                   of their headline figures (with --corpus, the corpus's density table after it)
  --train          with --all: also score the train splits (*train*.jsonl[.gz]) and print one table with the dev and
                   train figures of each headline row side by side and their gap (train − dev), so overfitting shows;
                   --limit then cuts the train splits only. Figures on a train split say how well a model fits the
                   data it learned from: quote dev
  --corpus <dir>   a raw corpus without gold (../shared/corpus/bbc): annotates every *.txt and *.md under it and
                   prints per folder the events per article and the events of roots 18–20 (fighting) per article
  --sample <n>     with --corpus: show n randomly drawn root 18–20 events per folder in their sentence (--errors
                   does the same); --seed <n> draws another sample (default 1); --jobs <n> worker threads (default 2)
  --limit <n>      score only the first n documents (rows, snippets, sentences or articles, as the set has them;
                   per folder for --corpus)
  --errors <n>     list up to n errors of each kind, with context: false positives and negatives (per type for CoNLL,
                   missed snippets per group for CASE 2021), wrong arguments (WikiEvents), wrong sources (PolNeAR)
  --baseline       also score raw compromise (.people/.organizations/.places) and show the difference (CoNLL only)
  --no-model       rules alone: the annotator without the learned models of models/, to compare with a run with them
  --json           print the result as JSON on stdout
  -h, --help       show this help

Gold sets scored:
${GOLD_SETS.map((kind) => `  ${kind.about.replace(/\n {2}/g, '\n    ')}`).join('\n')}`;

/** What the command line asks for: one gold file in detail, every gold file of a directory in one summary (with or
 *  without the corpus), or the corpus alone. */
type Command =
  | { mode: 'gold'; options: EvalOptions }
  | { mode: 'all'; options: AllOptions }
  | { mode: 'corpus'; options: CorpusOptions; json: boolean }
  | 'help';

/** `--all` may stand without its directory: parseArgs wants a value, so the default is filled in first. */
function withAllDirectory(argv: readonly string[]): string[] {
  return argv.flatMap((arg, i) => {
    const next = argv[i + 1];
    return arg === '--all' && (next === undefined || next.startsWith('-')) ? [`--all=${DEFAULT_GOLD_DIR}`] : [arg];
  });
}

function parseOptions(argv: string[]): Command {
  const values = parseToolArgs(withAllDirectory(argv), {
    gold: { type: 'string' },
    all: { type: 'string' },
    corpus: { type: 'string' },
    train: { type: 'boolean', default: false },
    limit: { type: 'string' },
    errors: { type: 'string' },
    sample: { type: 'string' },
    seed: { type: 'string' },
    jobs: { type: 'string' },
    baseline: { type: 'boolean', default: false },
    'no-model': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  if (values.help) return 'help';
  const limit = positiveInteger('limit', values.limit, false);
  const errors = positiveInteger('errors', values.errors, true);
  const json = values.json ?? false;
  const baseline = values.baseline ?? false;
  const train = values.train ?? false;
  const noModel = values['no-model'] ?? false;
  const { gold, all, corpus } = values;
  if (gold !== undefined && (all !== undefined || corpus !== undefined)) {
    throw new UsageError('--gold scores one file: use it without --all and --corpus', true);
  }
  if (gold === undefined && all === undefined && corpus === undefined) {
    throw new UsageError('missing --gold <file.jsonl>, --all [dir] or --corpus <dir>', true);
  }
  if (train && all === undefined) {
    throw new UsageError('--train applies to --all (a train split alone is scored with --gold <file>)', true);
  }
  if (corpus === undefined) {
    for (const name of ['sample', 'seed', 'jobs'] as const) {
      if (values[name] !== undefined) throw new UsageError(`--${name} applies to --corpus`, true);
    }
  }
  if (gold !== undefined) {
    if (gold === '') throw new UsageError('missing --gold <file.jsonl>', true);
    return { mode: 'gold', options: { gold, limit, errors: errors ?? 0, baseline, json, noModel } };
  }
  if (baseline) throw new UsageError('--baseline applies to --gold with CoNLL gold', true);
  if (all !== undefined && corpus === undefined && errors !== null) {
    throw new UsageError('--errors lists one set\'s errors: use it with --gold (with --corpus it samples the corpus)', true);
  }
  const corpusOptions: CorpusOptions | null =
    corpus === undefined
      ? null
      : {
          dir: corpus,
          jobs: positiveInteger('jobs', values.jobs, false) ?? CORPUS_JOBS,
          limit,
          sample: positiveInteger('sample', values.sample, true) ?? errors ?? 0,
          seed: positiveInteger('seed', values.seed, true) ?? 1,
          noModel,
        };
  if (all !== undefined) {
    return { mode: 'all', options: { dir: all === '' ? DEFAULT_GOLD_DIR : all, limit, json, corpus: corpusOptions, train, noModel } };
  }
  return { mode: 'corpus', options: corpusOptions!, json };
}

/** Scores one gold file with the evaluator of its set and prints its detailed report or its JSON. */
function evaluateGold(options: EvalOptions): void {
  const records = readJsonLines(options.gold);
  const first = records[0]!;
  const kind = GOLD_SETS.find((k) => k.detect(first));
  if (kind === undefined) {
    console.error(`${options.gold}: ${unsupportedSet(first)}`);
    process.exitCode = 2;
    return;
  }
  const train = isTrainSplit(options.gold);
  if (train && !options.json) console.log(trainSplitNote(options.gold));
  const report = kind.evaluate(options, records);
  if (report === null) return;
  // Which models made the figures, said only when there is something to say: a model used, or --no-model.
  const models = report.models.length > 0 || options.noModel;
  if (options.json) {
    const extra = { ...(train ? { split: 'train' } : {}), ...(models ? { models: report.models, noModel: options.noModel } : {}) };
    console.log(JSON.stringify({ ...report.json, ...extra }, null, 2));
    return;
  }
  if (models) console.log(describeModels(report.models, options.noModel));
  report.print();
}

async function main(argv: string[]): Promise<void> {
  const command = parseOptions(argv);
  if (command === 'help') {
    console.log(USAGE);
    return;
  }
  if (command.mode === 'all') {
    await evaluateAll(GOLD_SETS, command.options);
    return;
  }
  if (command.mode === 'corpus') {
    const report = await evaluateCorpus(command.options);
    if (reportCorpusFailures(report)) process.exitCode = 2;
    if (command.json) console.log(JSON.stringify(corpusJson(report, command.options.sample), null, 2));
    else printCorpus(report, command.options.sample);
    return;
  }
  evaluateGold(command.options);
}

runTool('eval', USAGE, main);
