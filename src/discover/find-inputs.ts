// Expands the command line's inputs (files, directories, globs, '-') into a sorted list of articles, each with the
// root its output path mirrors. Problems are values: a path that does not exist, a pattern that matches nothing.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';

export interface InputFile {
  /** Path as given relative to cwd, POSIX separators ('-' for stdin). */
  path: string;
  /** Absolute path on disk (null for stdin). */
  absolute: string | null;
  /** The directory the output mirrors paths from (POSIX, relative to cwd). */
  root: string;
}

export interface FindInputsResult {
  files: InputFile[];
  /** One line per input that matched nothing: `<input>: <reason>`. */
  problems: { input: string; reason: string }[];
}

/** Article files inside a directory. */
export const ARTICLE_GLOB = '**/*.{txt,md}';

export async function findInputs(inputs: string[], cwd: string): Promise<FindInputsResult> {
  const files = new Map<string, InputFile>();
  const problems: FindInputsResult['problems'] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.set('-', { path: '-', absolute: null, root: '.' });
      continue;
    }
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (info.isDirectory()) {
        const found = await fg(ARTICLE_GLOB, { cwd: absolute, onlyFiles: true, dot: false, followSymbolicLinks: false, suppressErrors: true });
        if (found.length === 0) problems.push({ input, reason: 'no .txt or .md files in this directory' });
        const root = toPosix(path.relative(cwd, absolute)) || '.';
        for (const rel of found) add(files, path.join(absolute, rel), root, cwd);
      } else {
        add(files, absolute, toPosix(path.relative(cwd, path.dirname(absolute))) || '.', cwd);
      }
      continue;
    }
    if (fg.isDynamicPattern(input)) {
      const found = await fg(toPosix(input), { cwd, onlyFiles: true, dot: false, absolute: true, suppressErrors: true });
      if (found.length === 0) problems.push({ input, reason: 'no file matches this pattern' });
      const root = toPosix(path.relative(cwd, path.resolve(cwd, staticBase(input)))) || '.';
      for (const file of found) add(files, file, root, cwd);
      continue;
    }
    const code = info.code;
    problems.push({ input, reason: code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : info.message });
  }
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, problems };
}

function add(files: Map<string, InputFile>, absolute: string, root: string, cwd: string): void {
  const rel = toPosix(path.relative(cwd, absolute));
  if (!files.has(rel)) files.set(rel, { path: rel, absolute, root });
}

/** The directory part of a glob before its first dynamic segment: `articles/2024/*.txt` → `articles/2024`. */
function staticBase(pattern: string): string {
  const parts = toPosix(pattern).split('/');
  const base: string[] = [];
  for (const part of parts) {
    if (fg.isDynamicPattern(part)) break;
    base.push(part);
  }
  if (base.length === parts.length) base.pop();
  return base.join('/') || '.';
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
