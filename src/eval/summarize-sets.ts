// The `--all` summary: the headline rows of every gold set scored, as one aligned table to quote before and after an
// extraction change; with --train, the same rows on the dev and the train splits side by side, so that a model that
// fits its train split better than it generalises shows. Pure: rows in, text out.
import { alignColumns, describeModels } from './format-lines.js';
import type { ModelInfo, SummaryRow } from './gold-set.js';

/** One gold file scored: its rows and the wall time its evaluation took (reading, annotating, scoring). */
export interface SetSummary {
  set: string;
  file: string;
  seconds: number;
  rows: SummaryRow[];
}

export interface AllSummary {
  dir: string;
  /** The models the annotator used (from the first set scored), and whether --no-model left them out; null when no
   *  set was scored. */
  models: { files: readonly ModelInfo[]; noModel: boolean } | null;
  /** In the order the eval knows the sets, then by file name. */
  sets: SetSummary[];
  /** With --train: the train splits scored, in the same order, and the documents each was cut to (null: whole). */
  train?: { limit: number | null; sets: SetSummary[] };
  /** Files that failed to score, and why. */
  failed: { file: string; error: string }[];
  /** Files in the directory that are no gold set the eval knows (or train splits). */
  notScored: string[];
  seconds: number;
}

/** A headline figure on one split. */
export interface SplitFigures {
  file: string;
  gold: number | null;
  precision: number | null;
  recall: number | null;
  score: number;
}

/** A headline figure on dev and on train (null where that split was not scored), and the train score minus dev's. */
export interface SplitComparison {
  set: string;
  measure: string;
  scoreName: SummaryRow['scoreName'];
  dev: SplitFigures | null;
  train: SplitFigures | null;
  gap: number | null;
}

const figure = (x: number | null): string => (x === null ? '–' : x.toFixed(3));
const count = (x: number | null): string => (x === null ? '–' : String(x));
const signed = (x: number | null): string => (x === null ? '–' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`);

/** The set's column: its name, or its file's name when two files of the same set were scored. */
function labels(sets: readonly SetSummary[]): string[] {
  return sets.map((s) => {
    const twins = sets.filter((t) => t.set === s.set).length;
    return twins > 1 ? (s.file.split('/').pop() ?? s.file).replace(/\.jsonl(\.gz)?$/, '') : s.set;
  });
}

function opening(summary: AllSummary): string[] {
  const files = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const scored = summary.train
    ? `${files(summary.sets.length, 'dev file', 'dev files')} and ${files(summary.train.sets.length, 'train split', 'train splits')}`
    : files(summary.sets.length, 'gold file', 'gold files');
  const cut = summary.train?.limit == null ? '' : ` (train splits: their first ${files(summary.train.limit, 'document', 'documents')})`;
  const lines = [`${summary.dir}: ${scored} scored in ${summary.seconds.toFixed(1)} s${cut}`];
  if (summary.models !== null) lines.push(describeModels(summary.models.files, summary.models.noModel));
  return lines;
}

function closing(summary: AllSummary): string[] {
  const lines = summary.failed.map((f) => `failed: ${f.file}: ${f.error}`);
  // With --train the train splits are scored: what is left out is only what the eval does not know.
  const why = summary.train ? 'no gold set the eval knows' : 'no gold set the eval knows, or a train split';
  if (summary.notScored.length > 0) lines.push(`not scored (${why}): ${summary.notScored.join(', ')}`);
  return lines;
}

/** The summary table, a line on what was left out, and the total time; with train splits, the dev/train table. */
export function formatSummary(summary: AllSummary): string {
  if (summary.train) return formatComparison(summary);
  const names = labels(summary.sets);
  const rows: string[][] = [['set', 'measure', 'gold', 'predicted', 'P', 'R', 'score', '', 'seconds', 'notes']];
  summary.sets.forEach((s, i) => {
    s.rows.forEach((r, j) => {
      rows.push([
        j === 0 ? (names[i] ?? s.set) : '',
        r.measure,
        count(r.gold),
        count(r.predicted),
        figure(r.precision),
        figure(r.recall),
        figure(r.score),
        r.scoreName,
        j === 0 ? s.seconds.toFixed(1) : '',
        r.note,
      ]);
    });
  });
  // Names and words read left-aligned (the set, the measure, the score's name, the notes), figures right-aligned.
  const table = alignColumns(rows, new Set([0, 1, 7, 9])).split('\n');
  return [...opening(summary), '', ...table, ...closing(summary)].join('\n');
}

const splitFigures = (s: SetSummary, r: SummaryRow): SplitFigures => ({ file: s.file, gold: r.gold, precision: r.precision, recall: r.recall, score: r.score });

/** Every headline row of the dev sets with the same row of the set's train split beside it (the first train split of
 *  the set, matched by measure), then the rows of train splits whose set has no dev file. */
export function compareSplits(dev: readonly SetSummary[], train: readonly SetSummary[]): SplitComparison[] {
  const rows: SplitComparison[] = [];
  const used = new Set<SetSummary>();
  for (const d of dev) {
    const t = train.find((x) => x.set === d.set && !used.has(x)) ?? train.find((x) => x.set === d.set);
    if (t !== undefined) used.add(t);
    for (const r of d.rows) {
      const tr = t?.rows.find((x) => x.measure === r.measure);
      rows.push({
        set: d.set,
        measure: r.measure,
        scoreName: r.scoreName,
        dev: splitFigures(d, r),
        train: t && tr ? splitFigures(t, tr) : null,
        gap: tr ? tr.score - r.score : null,
      });
    }
  }
  for (const t of train) {
    if (used.has(t) || dev.some((d) => d.set === t.set)) continue;
    for (const r of t.rows) rows.push({ set: t.set, measure: r.measure, scoreName: r.scoreName, dev: null, train: splitFigures(t, r), gap: null });
  }
  return rows;
}

/** Widths of aligned columns, as alignColumns lays them out. */
function columnWidths(rows: readonly (readonly string[])[]): number[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return widths;
}

/** The dev/train table: per headline figure its gold count, P, R and score on each split, and the gap. */
function formatComparison(summary: AllSummary): string {
  const rows: string[][] = [['set', 'measure', 'score', 'gold', 'P', 'R', 'score', 'gold', 'P', 'R', 'score', 'gap']];
  let previous = '';
  for (const c of compareSplits(summary.sets, summary.train?.sets ?? [])) {
    const cells = (f: SplitFigures | null): string[] => (f === null ? ['–', '–', '–', '–'] : [count(f.gold), figure(f.precision), figure(f.recall), figure(f.score)]);
    rows.push([c.set === previous ? '' : c.set, c.measure, c.scoreName, ...cells(c.dev), ...cells(c.train), signed(c.gap)]);
    previous = c.set;
  }
  const lines = alignColumns(rows, new Set([0, 1, 2])).split('\n');
  // A line above the header names the two groups of columns, each over its first column.
  const widths = columnWidths(rows);
  const start = (column: number): number => widths.slice(0, column).reduce((n, w) => n + w + 2, 0);
  const groups = `${' '.repeat(start(3))}${'dev'.padEnd(start(7) - start(3))}train`;
  return [
    ...opening(summary),
    'train figures say how well the annotator fits the data a model learned from, not how well it works: quote dev',
    '',
    groups,
    ...lines,
    '',
    'gap = train score − dev score: a model that learned its train split by heart shows a large positive gap',
    ...closing(summary),
  ].join('\n');
}
