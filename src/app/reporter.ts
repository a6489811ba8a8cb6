// Diagnostics and the summary line, on stderr (stdout carries data only). Colour follows the stream and NO_COLOR.
import { Chalk } from 'chalk';
import type { Writable } from 'node:stream';

export interface RunSummary {
  files: number;
  annotated: number;
  failed: number;
  actors: number;
  places: number;
  events: number;
  stances: number;
  claims: number;
  seconds: number;
  /** Where files were written; null when documents went to stdout. */
  outDir: string | null;
}

export interface Reporter {
  /** A problem with one file or input (`file` null for the run as a whole). */
  error(file: string | null, reason: string): void;
  summary(summary: RunSummary): void;
}

export interface ReporterOptions {
  stderr: Writable;
  quiet: boolean;
  /** Colour level 0–3; decide it with colorLevel(). */
  color: number;
}

export function createStylishReporter({ stderr, quiet, color }: ReporterOptions): Reporter {
  const c = new Chalk({ level: color as 0 | 1 | 2 | 3 });
  return {
    error(file, reason) {
      stderr.write(`${c.red('error')} ${file === null ? '' : c.bold(file) + ': '}${reason}\n`);
    },
    summary(s) {
      if (quiet) return;
      const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
      const parts = [`${plural(s.annotated, 'file')} annotated`, plural(s.actors, 'actor'), plural(s.places, 'place'), plural(s.events, 'event'), plural(s.stances, 'stance'), plural(s.claims, 'claim')];
      const failed = s.failed > 0 ? c.red(`, ${s.failed} failed`) : '';
      const where = s.outDir ? ` → ${s.outDir}/` : '';
      stderr.write(`${c.green('annotate')} ${parts.join(', ')}${failed} in ${s.seconds.toFixed(1)} s${where}\n`);
    },
  };
}

/** Colour for a stream: off with --no-color or NO_COLOR, forced with FORCE_COLOR, else only on a terminal. */
export function colorLevel(stream: Writable, env: Record<string, string | undefined>, flag: boolean | undefined): number {
  if (flag === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return 0;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? 0 : Math.min(3, Math.max(1, Number(env.FORCE_COLOR) || 1));
  return (stream as { isTTY?: boolean }).isTTY ? 1 : 0;
}
