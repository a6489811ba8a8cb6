/* eslint-disable no-console -- a command-line tool: stderr carries its progress, stdout what it wrote */
// `npm run train`: learns the models of models/ from the train splits in ../shared/eval (read at run time, never
// copied) and writes each as models/<name>.json: weights and the facts of their training, never text. Deterministic:
// a fixed seed, and the same split gives the same bytes (`--check` compares against the files in models/ instead of
// writing). `--only names,claims` trains some; `--limit N` trains on the first N documents of each split (for a quick
// look; never ship such weights).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelFile } from '../learn/linear-model.js';
import { MODEL_NAMES } from '../learn/models.js';
import { readJsonLines } from '../eval/read-gold.js';
import { UsageError, parseToolArgs, positiveInteger, runTool } from '../eval/tool-args.js';
import { TRAINERS } from './trainers.js';
import type { Trainer } from './trainer.js';

const USAGE = `usage: npm run train -- [--gold-dir <dir>] [--out <dir>] [--only <names,claims,stances>] [--limit <n>] [--seed <n>] [--check]

Trains the learned models from the train splits of the gold sets and writes models/<name>.json.
  --gold-dir <dir>   where the *-train.jsonl.gz splits are (default: ../shared/eval)
  --out <dir>        where the weights go (default: the package's models/)
  --only <list>      train these models only: ${MODEL_NAMES.join(', ')}
  --limit <n>        the first n documents of each split (a quick run; not for shipping)
  --seed <n>         the shuffling seed (default: 1)
  --check            write nothing; exit 1 when a model trained now differs from the one in --out`;

/** Trains one model from a split file: the weights file, with where it learned from. */
export async function trainModel(trainer: Trainer, file: string, options: { seed: number; limit?: number | null; log?: (m: string) => void }): Promise<ModelFile> {
  const bytes = readFileSync(file);
  const all = readJsonLines(file);
  const records = options.limit ? all.slice(0, options.limit) : all;
  const model = await trainer.train(records, { seed: options.seed, log: options.log ?? (() => {}) });
  // trainedOn goes after the training facts the trainer gave, before the weights: the file reads top down.
  const { weights, ...meta } = model;
  return {
    ...meta,
    trainedOn: {
      set: trainer.set,
      file: basename(file),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      documents: records.length,
      terms: trainer.terms,
    },
    weights,
  } as ModelFile;
}

/** A weights file's bytes: pretty JSON for the facts, the weights on one line. */
export function modelBytes(model: ModelFile): string {
  return JSON.stringify(model, null, 2) + '\n';
}

async function main(argv: string[]): Promise<void> {
  const args = parseToolArgs(argv, {
    'gold-dir': { type: 'string' },
    out: { type: 'string' },
    only: { type: 'string' },
    limit: { type: 'string' },
    seed: { type: 'string' },
    check: { type: 'boolean', default: false },
  });
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const goldDir = resolve(args['gold-dir'] ?? '../shared/eval');
  const out = resolve(args.out ?? fileURLToPath(new URL('../../models/', import.meta.url)));
  const only = args.only === undefined ? null : args.only.split(',').map((n) => n.trim());
  const unknown = (only ?? []).filter((n) => !TRAINERS.some((t) => t.name === n));
  if (unknown.length > 0) throw new UsageError(`--only: no model named ${unknown.join(', ')} (known: ${TRAINERS.map((t) => t.name).join(', ')})`, true);
  const limit = positiveInteger('limit', args.limit);
  const seed = positiveInteger('seed', args.seed, true) ?? 1;
  const chosen = TRAINERS.filter((t) => only === null || only.includes(t.name));
  if (chosen.length === 0) throw new UsageError('no trainer to run');
  let differ = 0;
  for (const trainer of chosen) {
    const file = join(goldDir, trainer.file);
    const started = performance.now();
    console.error(`train ${trainer.name}: ${file}`);
    const model = await trainModel(trainer, file, { seed, limit, log: (m) => console.error(`  ${trainer.name}: ${m}`) });
    const bytes = modelBytes(model);
    const target = join(out, `${trainer.name}.json`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (args.check) {
      let current = '';
      try {
        current = readFileSync(target, 'utf8');
      } catch {
        current = '';
      }
      const same = current === bytes;
      if (!same) differ++;
      console.log(`${target}: ${same ? 'the same bytes' : 'DIFFERS'} (${seconds} s)`);
    } else {
      mkdirSync(out, { recursive: true });
      writeFileSync(target, bytes);
      console.log(`${target}: ${(bytes.length / 1e6).toFixed(2)} MB from ${model.trainedOn.documents} documents (${seconds} s)`);
    }
  }
  if (differ > 0) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runTool('train', USAGE, main);
