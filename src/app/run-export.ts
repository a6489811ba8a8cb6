// `annotate export`: annotation files (YAML, JSON, NDJSON; files, directories or stdin) to one flat table, CSV or
// TSV, on stdout or in a file. It streams: files are read a few ahead of the one being written, each document is
// turned into rows and let go, so a corpus of any size passes in the memory of a few articles. A document that is
// not an annotation is an error on that document (named with its file) and the rest goes on (exit 2 at the end);
// an article annotated twice is written once. A file given with -o appears whole when the run ends, or not at all.
import path from 'node:path';
import type { Writable } from 'node:stream';
import { describeFsError, writtenPath } from '../discover/find-inputs.js';
import { plural } from '../corpus/format-summary.js';
import { TABLES } from '../export/tables.js';
import type { TableName } from '../export/tables.js';
import { formatRow } from '../export/csv.js';
import type { TableFormat } from '../export/csv.js';
import { emit, OutputClosed } from './emit.js';
import { annotationValidator, findAnnotationFiles, openAnnotationFile, readAnnotations } from './read-annotations.js';
import type { OpenedFile } from './read-annotations.js';
import type { ReportIO } from './run-report.js';
import { openFileAtomic } from './write-atomic.js';
import type { AtomicStream } from './write-atomic.js';
import { EXIT_ERROR, EXIT_OK } from './run-annotate.js';

export interface ExportOptions {
  inputs: string[];
  table: TableName;
  format: TableFormat;
  /** Write the table here (atomically); without it, to stdout. */
  out?: string;
  quiet?: boolean;
}

/** Files opened ahead of the one being written: reading one after the other left the process idle on small files. */
const READS_AHEAD = 16;
/** Rows are gathered into writes of about this many characters. */
const WRITE_CHUNK = 64 * 1024;

export async function runExport(options: ExportOptions, io: ReportIO): Promise<number> {
  let failed = false;
  const error = (file: string, reason: string): void => {
    failed = true;
    io.stderr.write(`error ${file}: ${reason}\n`);
  };
  const files = await findAnnotationFiles(options.inputs, io, options.quiet, error);
  if (files.length === 0) {
    if (!failed) error(options.inputs.join(' '), 'no annotations to export');
    return EXIT_ERROR;
  }

  const table = TABLES[options.table];
  const validate = await annotationValidator();
  const target = options.out === undefined ? null : path.resolve(io.cwd, options.out);
  let file: AtomicStream | null = null;
  if (target !== null) {
    try {
      file = await openFileAtomic(target);
    } catch (problem) {
      error(options.out ?? '', `cannot write the table: ${describeFsError(problem)}`);
      return EXIT_ERROR;
    }
  }
  const out: Writable = file?.stream ?? io.stdout;

  // The same article in two inputs (two output directories, a YAML and an NDJSON copy) is written once: the first.
  const seen = new Map<string, string>();
  let articles = 0;
  let rows = 0;
  let pending = '';
  const flush = async (): Promise<void> => {
    const data = pending;
    pending = '';
    if (data !== '') await emit(out, data);
  };

  // A queue of files being read, READS_AHEAD long: each taken from the front is replaced at the back.
  const open = (i: number): Promise<OpenedFile> => openAnnotationFile(files[i]!.absolute, io.stdin);
  const ahead = files.slice(0, READS_AHEAD).map((_, i) => open(i));
  try {
    for (let i = 0; i < files.length; i++) {
      const handle = await ahead.shift()!;
      if (i + READS_AHEAD < files.length) ahead.push(open(i + READS_AHEAD));
      for await (const r of readAnnotations(handle, files[i]!.path, validate)) {
        if (!r.ok) {
          error(r.where, r.reason);
          continue;
        }
        const { annotation, where } = r;
        const first = seen.get(annotation.source.path);
        if (first !== undefined) {
          if (!options.quiet) io.stderr.write(`warning ${where}: annotates ${annotation.source.path} as ${first} does; left out\n`);
          continue;
        }
        seen.set(annotation.source.path, where);
        // The header waits for the first annotation: a run with none writes nothing and says so.
        if (articles++ === 0) pending += formatRow(table.columns.map((column) => column.name), options.format);
        for (const row of table.rows(annotation)) {
          pending += formatRow(row, options.format);
          rows++;
        }
        if (pending.length >= WRITE_CHUNK) await flush();
      }
    }
    await flush();
  } catch (problem) {
    await file?.abort();
    // The reader of stdout went away (`| head`): nothing left to do, and nothing wrong.
    if (problem instanceof OutputClosed) return failed ? EXIT_ERROR : EXIT_OK;
    error(options.out ?? '(stdout)', `cannot write the table: ${describeFsError(problem)}`);
    return EXIT_ERROR;
  }

  if (articles === 0) {
    await file?.abort();
    if (!failed) error(options.inputs.join(' '), 'no annotations to export');
    return EXIT_ERROR;
  }
  if (file !== null && target !== null) {
    try {
      await file.commit();
    } catch (problem) {
      error(options.out ?? '', `cannot write the table: ${describeFsError(problem)}`);
      return EXIT_ERROR;
    }
    if (!options.quiet) {
      const shown = writtenPath(target, io.cwd);
      io.stderr.write(`wrote ${shown}: ${options.table} table, ${plural(rows, 'row')} from ${plural(articles, 'article')}\n`);
    }
  }
  return failed ? EXIT_ERROR : EXIT_OK;
}

/** `--columns`: each column of the table with its type and meaning, aligned for reading. */
export function formatColumns(name: TableName): string {
  const table = TABLES[name];
  const nameWidth = Math.max(...table.columns.map((c) => c.name.length));
  const typeWidth = Math.max(...table.columns.map((c) => c.type.length));
  const lines = table.columns.map((c) => `${c.name.padEnd(nameWidth)}  ${c.type.padEnd(typeWidth)}  ${c.description}`);
  return `${name}: one row per ${table.row}\n${lines.join('\n')}\n`;
}
