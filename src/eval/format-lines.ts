// Small text helpers the eval's reports share: one-line excerpts, figures in table cells, ratios and goal verdicts, the
// models behind the figures.
import type { TypeScore } from './score-entities.js';
import type { Goal } from './score-claims.js';
import type { ModelInfo } from './gold-set.js';

/** Characters shown either side of a span in error listings. */
export const CONTEXT = 40;

/** The text on one line: newlines shown as ⏎, other white space as spaces. */
export function oneLine(s: string): string {
  return s.replace(/\r?\n/g, '⏎').replace(/\s/g, ' ');
}

/** The span in brackets with CONTEXT characters either side, on one line. */
export function inContext(text: string, span: { start: number; end: number }, context = CONTEXT): string {
  const before = text.slice(Math.max(0, span.start - context), span.start);
  const after = text.slice(span.end, span.end + context);
  return oneLine(`${before}[${text.slice(span.start, span.end)}]${after}`);
}

/** Precision, recall and F1 as the tables print them. */
export function prfCells(s: Pick<TypeScore, 'precision' | 'recall' | 'f1'>): string[] {
  return [s.precision, s.recall, s.f1].map((x) => x.toFixed(3).padStart(6));
}

/** "0.344 (131/381)"; n/a when the whole is empty. */
export function ratioText(part: number, whole: number): string {
  return `${whole === 0 ? 'n/a' : (part / whole).toFixed(3)} (${part}/${whole})`;
}

/** "met" or "missed" beside a figure, with the target it is held to. */
export function verdict(t: Goal): string {
  return `target ≥ ${t.target.toFixed(2)}: ${t.met ? 'met' : 'missed'}`;
}

/** Rows of cells as aligned columns two spaces apart: the first `left` columns (or the columns in the set) padded on
 *  the right, the others on the left; trailing blanks cut. Widths count code points. */
export function alignColumns(rows: readonly (readonly string[])[], left: number | ReadonlySet<number> = 1): string {
  const isLeft = (i: number): boolean => (typeof left === 'number' ? i < left : left.has(i));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
          return isLeft(i) ? cell + pad : pad + cell;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The line that says which learned models made the figures: their names and the gold set each learned from, or
 *  that the rules worked alone. */
export function describeModels(models: readonly Pick<ModelInfo, 'name' | 'trainedOn'>[], noModel: boolean): string {
  if (noModel) return 'models: none, rules alone (--no-model)';
  if (models.length === 0) return 'models: none, rules alone (models/ holds none)';
  return `models: ${models.map((m) => `${m.name} (trained on ${m.trainedOn.set})`).join(' · ')}`;
}

/** What a --gold report on a train split says first. */
export function trainSplitNote(file: string): string {
  return (
    `${file} is a train split: figures on it say how well the annotator fits the data a model learned from, ` +
    'not how well it works on text it has not seen (quote dev figures)'
  );
}
