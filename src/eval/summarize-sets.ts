// The `--all` summary: the headline rows of every gold set scored, as one aligned table to quote before and after an
// extraction change. Pure: rows in, text out.
import { alignColumns } from './format-lines.js';
import type { SummaryRow } from './gold-set.js';

/** One gold file scored: its rows and the wall time its evaluation took (reading, annotating, scoring). */
export interface SetSummary {
  set: string;
  file: string;
  seconds: number;
  rows: SummaryRow[];
}

export interface AllSummary {
  dir: string;
  /** In the order the eval knows the sets, then by file name. */
  sets: SetSummary[];
  /** Files that failed to score, and why. */
  failed: { file: string; error: string }[];
  /** Files in the directory that are no gold set the eval knows (or train splits). */
  notScored: string[];
  seconds: number;
}

const figure = (x: number | null): string => (x === null ? '–' : x.toFixed(3));
const count = (x: number | null): string => (x === null ? '–' : String(x));

/** The set's column: its name, or its file's name when two files of the same set were scored. */
function labels(sets: readonly SetSummary[]): string[] {
  return sets.map((s) => {
    const twins = sets.filter((t) => t.set === s.set).length;
    return twins > 1 ? (s.file.split('/').pop() ?? s.file).replace(/\.jsonl$/, '') : s.set;
  });
}

/** The summary table, a line on what was left out, and the total time. */
export function formatSummary(summary: AllSummary): string {
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
  const lines = [`${summary.dir}: ${summary.sets.length} gold ${summary.sets.length === 1 ? 'file' : 'files'} scored in ${summary.seconds.toFixed(1)} s`, '', ...table];
  for (const f of summary.failed) lines.push(`failed: ${f.file}: ${f.error}`);
  if (summary.notScored.length > 0) lines.push(`not scored (no gold set the eval knows, or a train split): ${summary.notScored.join(', ')}`);
  return lines.join('\n');
}
