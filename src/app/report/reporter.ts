// What a run tells the people and programs watching it. The run emits events (a file finished, an input problem,
// the end); reporters turn them into text for a terminal (stylish), one JSON document (json) or GitHub workflow
// commands (github). Several can listen at once (`--reporter github --reporter stylish`).
import type { AnnotationChange } from '../diff-annotations.js';

export type RunMode = 'write' | 'stdout' | 'check';

/** annotated: written (or printed); failed: not annotated (the reason says why); the rest are --check results. */
export type FileStatus = 'annotated' | 'failed' | 'up-to-date' | 'missing' | 'stale' | 'orphaned';

/** The statuses --check fails on. */
export const CHECK_PROBLEMS: readonly FileStatus[] = ['missing', 'stale', 'orphaned'];

export interface ItemCounts {
  actors: number;
  places: number;
  events: number;
  stances: number;
  claims: number;
}

export interface FileReport {
  /** The article, POSIX and relative to the working directory; for an orphan, the article its annotation names. */
  path: string;
  /** The annotation file (relative to the working directory); null when documents go to stdout. */
  output: string | null;
  status: FileStatus;
  /** Why it failed or what the check found, in one line. */
  reason?: string;
  /** A stale file: what appeared, vanished or changed. */
  changes?: AnnotationChange[];
  counts?: ItemCounts;
  /** Served from the cache: the article and everything that shapes its output are as they were. */
  cached?: boolean;
  /** Time spent on this file (read, annotate, write). */
  ms?: number;
}

export interface RunSummary extends ItemCounts {
  mode: RunMode;
  /** Input files found. */
  files: number;
  annotated: number;
  failed: number;
  /** Inputs that matched nothing or could not be read (not counted in files). */
  inputProblems: number;
  upToDate: number;
  missing: number;
  stale: number;
  orphaned: number;
  seconds: number;
  /** Where files were written or checked (relative to the working directory); null with --stdout. */
  outDir: string | null;
  /** Stopped by Ctrl-C before every file was done. */
  interrupted: boolean;
  /** False when the run stopped before its first file (no input, colliding outputs, an output directory that cannot
   *  be written): the problems reported say why. Machine reporters still write their document. */
  started: boolean;
}

export interface Reporter {
  start?(info: { total: number; mode: RunMode }): void;
  file(report: FileReport): void;
  /** A problem with an input or the run as a whole (`input` null): errors make the run exit 2, warnings do not. */
  problem(input: string | null, reason: string, severity: 'error' | 'warning'): void;
  /** --debug detail: configuration, timings. */
  debug?(message: string): void;
  end(summary: RunSummary): void;
  /** The run ends without a summary: stdout's reader went away. Undo anything drawn on the terminal. */
  stop?(): void;
}

export type Verbosity = 'quiet' | 'normal' | 'verbose' | 'debug';

/** One reporter that passes every event to each of `reporters`, in order. */
export function combineReporters(reporters: readonly Reporter[]): Reporter {
  return {
    start: (info) => reporters.forEach((r) => r.start?.(info)),
    file: (report) => reporters.forEach((r) => r.file(report)),
    problem: (input, reason, severity) => reporters.forEach((r) => r.problem(input, reason, severity)),
    debug: (message) => reporters.forEach((r) => r.debug?.(message)),
    end: (summary) => reporters.forEach((r) => r.end(summary)),
    stop: () => reporters.forEach((r) => r.stop?.()),
  };
}

export function emptySummary(mode: RunMode, outDir: string | null): RunSummary {
  return { mode, files: 0, annotated: 0, failed: 0, inputProblems: 0, upToDate: 0, missing: 0, stale: 0, orphaned: 0, actors: 0, places: 0, events: 0, stances: 0, claims: 0, seconds: 0, outDir, interrupted: false, started: false };
}
