// The bench result for people: a header on the files, one table row per side, one line per target. Pure
// `(report) → string`, so its layout is tested without running anything.
import type { BenchSummary, SideSummary, TargetCheck } from './summarize-bench.js';

export interface BenchReport {
  /** The corpus directory as given relative to the working directory (POSIX separators). */
  corpus: string;
  files: number;
  characters: number;
  words: number;
  /** --limit, or null for the whole corpus. */
  limit: number | null;
  scale: number | null;
  node: string;
  cores: number;
  summary: BenchSummary;
}

/** What each time column covers, so a quoted figure can say what it includes. */
const LEGEND = [
  'load s: importing the side\'s code; run s: compromise reading and parsing the files, or the whole main() of annotate',
  '(its set-up included); process s: spawn to exit, Node start-up included; words/s: words / run s',
];

const thousands = (n: number): string => Math.round(n).toLocaleString('en-US');
const DASH = '–';

export function formatBench(report: BenchReport): string {
  const { summary } = report;
  const lines = [
    `${report.corpus}: ${thousands(report.files)} files${report.limit === null ? '' : ` (--limit ${report.limit})`}, ` +
      `${thousands(report.characters)} characters, ${thousands(report.words)} words; node ${report.node}, ${report.cores} core${report.cores === 1 ? '' : 's'}`,
    '',
    ...formatTable(summary.sides),
    ...LEGEND,
    '',
    'targets ("Speed and scale")',
    ...formatTargets(summary.targets).map((line) => `  ${line}`),
  ];
  if (summary.failed.length > 0) {
    const labels = summary.sides.filter((s) => s.error !== null).map((s) => s.label);
    lines.push('', `failed: ${labels.join(', ')} (their stderr is above)`);
  }
  return lines.join('\n');
}

interface Column {
  title: string;
  align: 'left' | 'right';
  cell: (side: SideSummary) => string;
}

export function formatTable(sides: readonly SideSummary[]): string[] {
  const labelOf = new Map(sides.map((s) => [s.id, s.label]));
  const columns: Column[] = [
    { title: 'side', align: 'left', cell: (s) => s.label },
    { title: 'files', align: 'right', cell: (s) => thousands(s.files) },
    { title: 'load s', align: 'right', cell: (s) => seconds(s.loadSeconds) },
    { title: 'run s', align: 'right', cell: (s) => seconds(s.seconds) },
    { title: 'words/s', align: 'right', cell: (s) => (s.wordsPerSecond === null ? DASH : thousands(s.wordsPerSecond)) },
    {
      title: 'ratio',
      align: 'left',
      cell: (s) => (s.ratio === null || s.ratio.value === null ? '' : `${s.ratio.value.toFixed(2)}× ${labelOf.get(s.ratio.to) ?? s.ratio.to}`),
    },
    { title: 'process s', align: 'right', cell: (s) => seconds(s.processSeconds) },
    { title: 'peak RSS MB', align: 'right', cell: (s) => (s.maxRssMB === null ? DASH : s.maxRssMB.toFixed(0)) },
  ];
  const rows = sides.map((side) => (side.error === null ? columns.map((c) => c.cell(side)) : null));
  // A failed side's label counts too: its error starts where the figures would.
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r, j) => (r === null ? (i === 0 ? sides[j]!.label.length : 0) : r[i]!.length))));
  const pad = (text: string, i: number): string => (columns[i]!.align === 'left' ? text.padEnd(widths[i]!) : text.padStart(widths[i]!));
  const join = (cells: string[]): string => cells.map(pad).join('  ').trimEnd();
  return [
    join(columns.map((c) => c.title)),
    ...sides.map((side, i) => {
      const row = rows[i];
      return row != null ? join(row) : `${pad(side.label, 0)}  failed: ${firstLine(side.error ?? '')}`;
    }),
  ];
}

export function formatTargets(targets: readonly TargetCheck[]): string[] {
  const cells = targets.map((t) => [t.label, figure(t.value, t.unit), `${t.comparison} ${figure(t.bound, t.unit)}`, t.status, t.note ?? '']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((c) => c[i]!.length)));
  return cells.map((c) =>
    [c[0]!.padEnd(widths[0]!), c[1]!.padStart(widths[1]!), c[2]!.padEnd(widths[2]!), c[3]!.padEnd(widths[3]!), c[4]!.length > 0 ? `(${c[4]})` : '']
      .join('  ')
      .trimEnd(),
  );
}

function figure(value: number | null, unit: TargetCheck['unit']): string {
  if (value === null) return DASH;
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  if (unit === 's') return `${value.toFixed(2)} s`;
  return value.toFixed(2);
}

function seconds(value: number | null): string {
  return value === null ? DASH : value.toFixed(2);
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 0 ? line : 'no message';
}
