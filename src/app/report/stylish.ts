// The reporter for people: one line per problem as it happens, a progress bar on a terminal, and a summary line at
// the end, all on stderr (stdout carries data only). Colour follows the stream, NO_COLOR, FORCE_COLOR and --no-color.
import { Chalk } from 'chalk';
import type { Writable } from 'node:stream';
import { describeChanges } from '../diff-annotations.js';
import type { FileReport, ItemCounts, Reporter, RunSummary, Verbosity } from './reporter.js';
import type { StatusLine } from './status-line.js';

export interface StylishOptions {
  /** Where messages go: the status line over stderr, so messages and the bar share the terminal. */
  line: StatusLine;
  verbosity: Verbosity;
  /** Colour level 0–3; decide it with colorLevel(). */
  color: number;
}

export function createStylishReporter({ line, verbosity, color }: StylishOptions): Reporter {
  const c = new Chalk({ level: color as 0 | 1 | 2 | 3 });
  const verbose = verbosity === 'verbose' || verbosity === 'debug';
  let done = 0;
  let total = 0;
  return {
    start(info) {
      total = info.total;
      line.start();
    },
    file(r: FileReport) {
      if (r.status !== 'orphaned') line.update(++done, total, r.path);
      const time = verbosity === 'debug' && r.ms !== undefined ? c.dim(` (${Math.round(r.ms)} ms${r.cached ? ', cached' : ''})`) : '';
      if (r.status === 'failed') {
        line.write(`${c.red('error')} ${c.bold(r.path)}: ${r.reason ?? 'failed'}\n`);
      } else if (r.status === 'missing' || r.status === 'stale' || r.status === 'orphaned') {
        line.write(`${c.yellow(r.status)} ${c.bold(r.output ?? r.path)}: ${r.reason ?? ''}${time}\n`);
        if (verbose) for (const change of describeChanges({ causes: [], changes: r.changes ?? [] })) line.write(`    ${colorChange(c, change)}\n`);
      } else if (verbose) {
        const what = r.status === 'up-to-date' ? `${c.green('ok')} ${r.output ?? r.path}` : `${r.path}${r.output ? ` → ${r.output}` : ''}`;
        line.write(`${what}${r.counts ? c.dim(`  ${countsText(r.counts)}`) : ''}${time}\n`);
      }
    },
    problem(input, reason, severity) {
      if (severity === 'warning' && verbosity === 'quiet') return;
      const label = severity === 'error' ? c.red('error') : c.yellow('warning');
      line.write(`${label} ${input === null ? '' : c.bold(input) + ': '}${reason}\n`);
    },
    debug(message) {
      if (verbosity === 'debug') line.write(c.dim(`debug ${message}`) + '\n');
    },
    stop() {
      line.clear();
    },
    end(s: RunSummary) {
      line.clear();
      // A run that never started has printed its reason; a summary of nothing would only repeat it.
      if (!s.started) return;
      if (s.interrupted) {
        line.write(`${c.yellow('annotate interrupted')}: ${s.annotated + s.upToDate + s.missing + s.stale} of ${s.files} files done${s.mode === 'write' ? ' (every file written is complete)' : ''}\n`);
        return;
      }
      // With --stdout, stderr stays empty for pipelines unless the user asked for more.
      if (verbosity === 'quiet' || (s.mode === 'stdout' && !verbose)) return;
      line.write(summaryLine(c, s) + '\n');
    },
  };
}

function summaryLine(c: InstanceType<typeof Chalk>, s: RunSummary): string {
  const failed = s.failed + s.inputProblems > 0 ? c.red(`, ${s.failed + s.inputProblems} failed`) : '';
  const time = ` in ${s.seconds.toFixed(1)} s`;
  if (s.mode === 'check') {
    const parts = [`${s.upToDate} up to date`, ...(['missing', 'stale', 'orphaned'] as const).filter((k) => s[k] > 0).map((k) => c.yellow(`${s[k]} ${k}`))];
    const checked = `${c.green('annotate')} checked ${plural(s.files, 'file')} in ${s.outDir ?? '.'}/: ${parts.join(', ')}${failed}${time}`;
    const problems = s.missing + s.stale + s.orphaned;
    return problems === 0 ? checked : `${checked}\n${c.dim(`run annotate without --check to update ${problems === 1 ? 'it' : 'them'}${s.orphaned > 0 ? ' (and delete orphaned files)' : ''}`)}`;
  }
  const where = s.outDir ? ` → ${s.outDir}/` : '';
  return `${c.green('annotate')} ${plural(s.annotated, 'file')} annotated, ${countsText(s)}${failed}${time}${where}`;
}

export function countsText(n: ItemCounts): string {
  return [plural(n.actors, 'actor'), plural(n.places, 'place'), plural(n.events, 'event'), plural(n.stances, 'stance'), plural(n.claims, 'claim')].join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function colorChange(c: InstanceType<typeof Chalk>, change: string): string {
  return change.startsWith('+') ? c.green(change) : change.startsWith('−') ? c.red(change) : change;
}

/** Colour for a stream: off with --no-color or NO_COLOR, forced with FORCE_COLOR, else only on a terminal. */
export function colorLevel(stream: Writable, env: Record<string, string | undefined>, flag: boolean | undefined): number {
  if (flag === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return 0;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? 0 : Math.min(3, Math.max(1, Number(env.FORCE_COLOR) || 1));
  return (stream as { isTTY?: boolean }).isTTY ? 1 : 0;
}
