// Reading gold files for the eval: JSON Lines records and the span checks every gold set needs. A malformed file is a
// usage error (exit 2) that names the file and the line.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { UsageError } from './tool-args.js';

/** A span in UTF-16 code units, 0-based and end-exclusive (the gold files' unit). */
export interface Range {
  start: number;
  end: number;
}

/** One JSON object per non-blank line; a UTF-8 byte order mark is dropped. A name ending in .gz is gunzipped (the
 *  train splits). */
export function readJsonLines(file: string): Record<string, unknown>[] {
  let raw: string;
  try {
    const bytes = readFileSync(file);
    raw = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read gold file ${file}: ${code ?? (error as Error).message}`);
  }
  const records: Record<string, unknown>[] = [];
  const lines = raw.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new UsageError(`${file}:${i + 1}: invalid JSON (${(error as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new UsageError(`${file}:${i + 1}: expected a JSON object per line`);
    }
    records.push(value as Record<string, unknown>);
  });
  if (records.length === 0) throw new UsageError(`${file}: no documents`);
  return records;
}

/** A gold {start, end} inside `text`, or a usage error naming where it is. */
export function toRange(value: unknown, text: string, where: string): Range {
  const { start, end } = (value ?? {}) as Record<string, unknown>;
  if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) > (end as number) || (end as number) > text.length) {
    throw new UsageError(`${where}: a span without integer offsets inside the text`);
  }
  return { start: start as number, end: end as number };
}
