// The YAML of an annotation, written directly: the same bytes as the `yaml` library's Document.toString with our
// options (serialize.ts), at a tenth of its cost, which on a corpus was a tenth of annotate's time. It covers the
// shapes annotations have and the strings news gives (one line, no control characters); for anything else it says so
// (returns null) and the library writes the document. A property test compares the two on random adversarial strings.
import { Document } from 'yaml';

/** A string the writer leaves to the library: several lines, control characters or lone surrogates (the library
 *  double-quotes, folds or writes block scalars for these, by rules that depend on the indentation), or a leading
 *  document marker. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const NOT_OURS = /[\n\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]|^(?:---|\.\.\.)/u;
/** Where a plain scalar would read as something else (the library's rule for one-line strings). */
const NOT_PLAIN = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$/;
const FLOW_INDICATOR = /[[\]{},]/;
const KEY = /^[A-Za-z][A-Za-z0-9]*$/;

/** The tags of the library's default (core) schema that a plain scalar could be read as: null, bool, int, float. */
const OTHER_TYPES = new Document().schema.tags.filter((tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test);

class NotOurs extends Error {}

/** The document's YAML, or null when it holds something only the library writes the same way. */
export function fastYaml(annotation: object): string | null {
  try {
    return blockMap(annotation as Record<string, unknown>, '', '');
  } catch (error) {
    if (error instanceof NotOurs) return null;
    throw error;
  }
}

/** Spans (text, start and end), the annotator map and non-empty lists of scalars are written on one line. */
function isFlow(key: string, value: object): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every(isScalar);
  return key === 'annotator' || ('text' in value && 'start' in value && 'end' in value);
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A block map whose first line starts with `first` (an indent, or an indent and "- ") and whose other lines with
 *  `indent`. */
function blockMap(map: Record<string, unknown>, first: string, indent: string): string {
  let out = '';
  let lead = first;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue;
    if (!KEY.test(key)) throw new NotOurs();
    out += `${lead}${key}:${valueAfterKey(key, value, indent)}`;
    lead = indent;
  }
  if (out === '') return `${first}{}\n`;
  return out;
}

/** What follows "key:" in a block map at `indent`: the rest of the line, or a newline and a nested block. */
function valueAfterKey(key: string, value: unknown, indent: string): string {
  if (isScalar(value)) return ` ${scalar(value, false)}\n`;
  if (typeof value !== 'object' || value === null) throw new NotOurs();
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []\n';
    if (isFlow(key, value)) return ` ${flow(value)}\n`;
    return `\n${blockSeq(value, indent + '  ')}`;
  }
  if (!isPlainObject(value)) throw new NotOurs();
  if (Object.keys(value).every((k) => (value as Record<string, unknown>)[k] === undefined)) return ' {}\n';
  if (isFlow(key, value)) return ` ${flow(value)}\n`;
  return `\n${blockMap(value as Record<string, unknown>, indent + '  ', indent + '  ')}`;
}

function blockSeq(items: readonly unknown[], indent: string): string {
  let out = '';
  for (const item of items) {
    if (isScalar(item)) out += `${indent}- ${scalar(item, false)}\n`;
    else if (typeof item !== 'object' || item === null || Array.isArray(item) || !isPlainObject(item)) throw new NotOurs();
    else if (isFlow('', item)) out += `${indent}- ${flow(item)}\n`;
    else out += blockMap(item as Record<string, unknown>, `${indent}- `, `${indent}  `);
  }
  return out;
}

function flow(value: object): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[ ${value.map((v) => (isScalar(v) ? scalar(v, true) : flow(v as object))).join(', ')} ]`;
  }
  if (!isPlainObject(value)) throw new NotOurs();
  const parts: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (!KEY.test(key)) throw new NotOurs();
    parts.push(`${key}: ${isScalar(v) ? scalar(v, true) : flow(v as object)}`);
  }
  return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function scalar(value: unknown, inFlow: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return number(value);
  return string(value as string, inFlow);
}

function number(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '.nan' : n < 0 ? '-.inf' : '.inf';
  return Object.is(n, -0) ? '-0' : JSON.stringify(n);
}

function string(value: string, inFlow: boolean): string {
  if (NOT_OURS.test(value)) throw new NotOurs();
  if ((inFlow && FLOW_INDICATOR.test(value)) || NOT_PLAIN.test(value) || OTHER_TYPES.some((tag) => tag.test!.test(value))) return quoted(value);
  return value;
}

/** Single quotes for a string with double quotes and no single ones, else double quotes (JSON's escapes, which for
 *  one-line strings without control characters are the library's). */
function quoted(value: string): string {
  return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
}
