// Reads annotation files as annotate writes them — YAML (one or more documents), JSON (a document or an array),
// NDJSON — from a file or stdin, one document at a time: a corpus of any size streams through (`annotate export`
// on 100,000 articles never holds them at once). A document that cannot be parsed is a problem of that document
// alone; the ones around it are still read. Shared by `annotate report` and `annotate export`.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { Annotation } from '../model/annotation.js';
import { annotationSchema } from '../model/annotation.js';
import { findBrokenReference } from '../model/check-annotation.js';
import { describeFsError, findInputs } from '../discover/find-inputs.js';
import type { FileKind, InputFile } from '../discover/find-inputs.js';

/** What a directory walk takes as annotation files. */
export const ANNOTATION_FILES: FileKind = { pattern: /\.(?:ya?ml|json|ndjson|jsonl)$/i, noun: 'annotation files (.yaml, .json, .ndjson)' };

/** The annotation files of `inputs` (files, directories, globs, '-'): each input that matches nothing or cannot be
 *  read goes to `error`; what a walk skipped on purpose (a symlink loop) is a warning on stderr unless `quiet`. */
export async function findAnnotationFiles(inputs: readonly string[], io: { cwd: string; stderr: Writable }, quiet: boolean | undefined, error: (input: string, reason: string) => void): Promise<InputFile[]> {
  const found = await findInputs(inputs, { cwd: io.cwd, accept: ANNOTATION_FILES });
  for (const problem of found.problems) error(problem.input, problem.reason);
  for (const warning of found.warnings) if (!quiet) io.stderr.write(`warning ${warning.input}: ${warning.reason}\n`);
  return found.files;
}

/** One document of a file, or why it could not be read. `part` locates it in a file of several ("document 3",
 *  "line 12"); null when the file holds one. */
export type DocumentRead = { ok: true; value: unknown; part: string | null } | { ok: false; reason: string; part: string | null };

/** An annotation file opened for reading: small files are read whole (the common case, one article per file, read
 *  ahead while earlier ones are parsed); larger ones and stdin stream. */
export type OpenedFile =
  | { ok: true; format: FileFormat; chunks: () => AsyncIterable<string> }
  | { ok: false; reason: string };

/** json-or-ndjson: stdin starting with '{', either one JSON document or NDJSON; its first line decides. */
type FileFormat = 'yaml' | 'json' | 'ndjson' | 'json-or-ndjson' | 'sniff';

/** Files up to this size are read in one piece. */
const WHOLE_FILE_BYTES = 4 * 1024 * 1024;

/** Opens `absolute` (null: stdin); the format comes from the extension, stdin's from its first character. */
export async function openAnnotationFile(absolute: string | null, stdin: Readable): Promise<OpenedFile> {
  if (absolute === null) return { ok: true, format: 'sniff', chunks: () => decoded(stdin) };
  const format = formatOf(absolute);
  try {
    const info = await stat(absolute);
    if (info.isDirectory()) return { ok: false, reason: 'is a directory' };
    if (info.size <= WHOLE_FILE_BYTES) {
      const text = await readFile(absolute, 'utf8');
      return { ok: true, format, chunks: () => once(text) };
    }
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
  return { ok: true, format, chunks: () => decoded(createReadStream(absolute, { highWaterMark: 1024 * 1024 })) };
}

/** The documents of an opened file, in order. */
async function* readDocuments(file: Extract<OpenedFile, { ok: true }>): AsyncGenerator<DocumentRead> {
  // One document behind: whether a file holds several is known only when the second arrives.
  let pending: DocumentRead | null = null;
  let count = 0;
  for await (const read of splitDocuments(file.chunks(), file.format)) {
    if (pending !== null) yield pending;
    pending = read;
    count++;
  }
  if (pending !== null) yield count === 1 ? { ...pending, part: null } : pending;
}

/** A document of a file that is an annotation, or why it is not; `where` names it in messages: the file, and the
 *  document or line in a file of several. */
export type AnnotationRead = { ok: true; annotation: Annotation; where: string } | { ok: false; reason: string; where: string };

/** The annotations of an opened file named `name`, each checked by `validate` (from annotationValidator). */
export async function* readAnnotations(file: OpenedFile, name: string, validate: (doc: unknown) => string | null): AsyncGenerator<AnnotationRead> {
  if (!file.ok) {
    yield { ok: false, reason: file.reason, where: name };
    return;
  }
  for await (const doc of readDocuments(file)) {
    const where = doc.part === null ? name : `${name} (${doc.part})`;
    if (!doc.ok) {
      yield { ok: false, reason: doc.reason, where };
      continue;
    }
    const problem = validate(doc.value);
    yield problem === null ? { ok: true, annotation: doc.value as Annotation, where } : { ok: false, reason: `not an annotation file: ${problem}`, where };
  }
}

/** The ajv validator of the annotation schema (compiled on first use), plus the references the schema cannot check:
 *  every actor, place and event id an item names is in the file. Returns null when the document is fine. */
export async function annotationValidator(): Promise<(doc: unknown) => string | null> {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  const check = ajv.compile(annotationSchema);
  return (doc) => {
    if (!check(doc)) {
      const first = check.errors?.[0];
      return `${first?.instancePath || '(the document)'} ${first?.message ?? 'is not valid'}`;
    }
    return findBrokenReference(doc as Annotation);
  };
}

function formatOf(file: string): FileFormat {
  const extension = /\.[^./\\]*$/.exec(file)?.[0].toLowerCase() ?? '';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  if (extension === '.json') return 'json';
  return 'yaml';
}

/** Documents out of text chunks. Only complete lines are looked at; the tail waits for the next chunk. */
async function* splitDocuments(chunks: AsyncIterable<string>, initial: FileFormat): AsyncGenerator<DocumentRead> {
  let format = initial;
  let carry = '';
  let yamlText = '';
  let yamlCount = 0;
  let jsonText = '';
  let lineCount = 0;
  // js-yaml reads the files annotate writes about ten times faster than the yaml package. Its core schema is YAML
  // 1.2's, as annotate writes: a date stays a string, not a Date.
  const { CORE_SCHEMA, load } = await import('js-yaml');
  /** A document of only comments or blank lines is none, and takes no number. */
  const yamlDocument = (text: string): DocumentRead | null => {
    if (text.trim() === '') return null;
    let value: unknown;
    try {
      value = load(text, { schema: CORE_SCHEMA });
    } catch (problem) {
      return { ok: false, reason: cannotParse('YAML', problem), part: `document ${++yamlCount}` };
    }
    return value === null || value === undefined ? null : { ok: true, value, part: `document ${++yamlCount}` };
  };
  const jsonLine = (text: string): DocumentRead | null => {
    const part = `line ${++lineCount}`;
    if (text.trim() === '') return null;
    try {
      return { ok: true, value: JSON.parse(text) as unknown, part };
    } catch (problem) {
      return { ok: false, reason: cannotParse('NDJSON', problem), part };
    }
  };
  /** Complete lines (each ending in a newline) of a YAML or NDJSON file. */
  const documentsIn = (lines: string): DocumentRead[] => {
    if (format === 'ndjson') return lines.slice(0, -1).split('\n').map(jsonLine).filter((read) => read !== null);
    // A line starting `---` or `...` is a document marker wherever it stands (YAML 1.2 §9.1), even inside a
    // quoted scalar, so documents can be cut apart before they are parsed.
    const found: DocumentRead[] = [];
    const marker = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
    let from = 0;
    for (let m = marker.exec(lines); m !== null; m = marker.exec(lines)) {
      const read = yamlDocument(yamlText + lines.slice(from, m.index));
      if (read !== null) found.push(read);
      yamlText = '';
      // '---' opens the next document (and may carry its first node); '...' only ends this one.
      from = m[0] === '---' ? m.index : lines.indexOf('\n', m.index) + 1;
    }
    yamlText += lines.slice(from);
    return found;
  };

  for await (const chunk of chunks) {
    const text = carry + chunk;
    carry = '';
    if (format === 'sniff') {
      const first = /\S/.exec(text)?.[0];
      if (first === undefined) {
        carry = text;
        continue;
      }
      format = first === '[' ? 'json' : first === '{' ? 'json-or-ndjson' : 'yaml';
    }
    if (format === 'json-or-ndjson') {
      const end = text.indexOf('\n', text.search(/\S/));
      if (end === -1) {
        carry = text;
        continue;
      }
      // One object on the first line: NDJSON. A pretty-printed document's first line is "{" alone.
      format = isJsonObject(text.slice(0, end)) ? 'ndjson' : 'json';
    }
    if (format === 'json') {
      jsonText += text;
      continue;
    }
    const cut = text.lastIndexOf('\n') + 1;
    carry = text.slice(cut);
    if (cut > 0) yield* documentsIn(text.slice(0, cut));
  }

  if (format === 'json-or-ndjson') format = isJsonObject(carry) ? 'ndjson' : 'json';
  if (format === 'json') {
    yield* jsonDocuments(jsonText + carry);
    return;
  }
  if (carry !== '') yield* documentsIn(carry + '\n');
  if (format !== 'ndjson') {
    const read = yamlDocument(yamlText);
    if (read !== null) yield read;
  }
}

/** A JSON document, or each item of a JSON array. */
function* jsonDocuments(text: string): Generator<DocumentRead> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (problem) {
    yield { ok: false, reason: cannotParse('JSON', problem), part: null };
    return;
  }
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  for (const [i, item] of items.entries()) yield { ok: true, value: item, part: `item ${i + 1}` };
}

function isJsonObject(text: string): boolean {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function cannotParse(format: 'YAML' | 'JSON' | 'NDJSON', problem: unknown): string {
  return `cannot be parsed as ${format}: ${(problem as Error).message.split('\n')[0] ?? ''}`;
}

async function* once(text: string): AsyncGenerator<string> {
  yield text.replace(/^\uFEFF/, '');
}

/** A byte stream as text, UTF-8 characters never cut between chunks; a leading BOM dropped. */
async function* decoded(stream: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const chunk of stream) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (first && text !== '') {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}
