// What every gold set's evaluator takes and gives: the command's options in, a report out that prints the set's
// detailed text, gives its JSON, and gives the headline rows `--all` gathers into one summary table. Each set's
// evaluator is a module evaluate-<set>.ts exporting one GoldSetKind; gold-sets.ts lists them.
import { basename } from 'node:path';
import type { Models } from '../learn/models.js';
import { UsageError } from './tool-args.js';

/** What a learned model says of itself (its name, task, the gold set it learned from …), without its weights. */
export type ModelInfo = Models['files'][number];

/** The eval's options that a gold set's evaluator reads. */
export interface EvalOptions {
  gold: string;
  /** Score only the first n items (documents, sentences or snippets); null: all. */
  limit: number | null;
  /** List up to n errors of each kind; 0: none. */
  errors: number;
  /** Also score raw compromise (CoNLL only). */
  baseline: boolean;
  json: boolean;
  /** Rules alone: the annotator without the learned models of models/ (`--no-model`). */
  noModel: boolean;
}

/** One headline figure of a gold set, as a row of the `--all` summary. Null where the figure does not apply. */
export interface SummaryRow {
  /** The gold set (conll2003, petrarch, case2021 …). */
  set: string;
  /** What is counted (entities, codings, snippets …). */
  measure: string;
  gold: number | null;
  predicted: number | null;
  precision: number | null;
  recall: number | null;
  /** The headline figure: F1 where there are precision and recall, else the set's own (NewsMTSC's macro-F1 over its
   *  three classes, the accuracy of WikiEvents arguments). */
  score: number;
  scoreName: 'F1' | 'macro-F1' | 'accuracy';
  /** The further figures a reader quotes with it, in a few words. */
  note: string;
  /** The note's figures by name, for readers of the JSON. */
  figures: Record<string, number>;
}

/** The counts and figures of a score with precision and recall. */
export interface PrfFigures {
  gold: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A headline row whose score is F1: its counts, P and R from `s`, the note and the note's figures by name. */
export function f1Row(set: string, measure: string, s: PrfFigures, note: string, figures: Record<string, number>): SummaryRow {
  return { set, measure, gold: s.gold, predicted: s.predicted, precision: s.precision, recall: s.recall, score: s.f1, scoreName: 'F1', note, figures };
}

/** What evaluating one gold file gives. */
export interface SetReport {
  set: string;
  file: string;
  /** The --json document of the set. */
  json: Record<string, unknown>;
  summary: SummaryRow[];
  /** The learned models the annotator used (none with --no-model or when models/ holds none). */
  models: readonly ModelInfo[];
  /** Prints the detailed text report on stdout. */
  print(): void;
}

/** A gold set the eval knows: how to recognise its records and how to score them (null: nothing to score, exit 2). */
export interface GoldSetKind {
  set: string;
  detect(record: Record<string, unknown>): boolean;
  evaluate(options: EvalOptions, records: Record<string, unknown>[]): SetReport | null;
  /** How the set is read and scored, for the usage text: a paragraph whose later lines are indented two spaces. */
  about: string;
}

/** A train split is named so (conll2003-train.jsonl.gz): its figures say how well a model fits the data it learned
 *  from, never how well it works. */
export function isTrainSplit(file: string): boolean {
  return /train/i.test(basename(file));
}

/** --baseline compares with raw compromise, which finds entities only: any other gold set has no baseline. */
export function refuseBaseline(options: EvalOptions, set: string, why: string): void {
  if (options.baseline) throw new UsageError(`--baseline applies to CoNLL entity gold only: ${why}, so ${set} gold has no baseline`);
}
