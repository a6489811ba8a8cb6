// Reads the YAML front matter of a Markdown article (title, date) and says where the body starts, so that the
// annotator reads only the body while offsets still count from the start of the file.
import { parse } from 'yaml';

export interface FrontMatter {
  title: string | null;
  date: string | null;
  /** UTF-16 offset where the article body starts (0 when there is no front matter). */
  bodyStart: number;
}

export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; reason: string };

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function readFrontMatter(text: string): FrontMatterResult {
  const m = FENCE.exec(text);
  if (!m) return { ok: true, value: { title: null, date: null, bodyStart: 0 } };
  let data: unknown;
  try {
    data = parse(m[1] ?? '');
  } catch (error) {
    return { ok: false, reason: `invalid YAML front matter: ${(error as Error).message.split('\n')[0]}` };
  }
  const record = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const title = typeof record.title === 'string' ? record.title : null;
  const date = toIsoDate(record.date);
  return { ok: true, value: { title, date, bodyStart: m[0].length } };
}

/** Front matter dates arrive as strings or (YAML timestamps) Date objects; both become YYYY-MM-DD or null. */
export function toIsoDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const day = value.slice(0, 10);
    return Number.isNaN(Date.parse(day)) ? null : day;
  }
  return null;
}
