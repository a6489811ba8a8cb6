// Expands the command line's inputs (files, directories, globs, '-') into a sorted list of articles, each with the
// root its output path mirrors. Problems are values: a path that does not exist, a pattern that matches nothing, a
// directory that cannot be read. Directory walks follow symbolic links but never into a directory they are already
// inside, so a link back to a parent ends the walk there (with a warning) instead of looping.
import { readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import path from 'node:path';
// fast-glob and picomatch are loaded when a glob or an ignore pattern needs them: most runs name directories.
type FastGlob = typeof import('fast-glob');

export interface InputFile {
  /** Path as given relative to cwd, POSIX separators ('-' for stdin). */
  path: string;
  /** Absolute path on disk (null for stdin). */
  absolute: string | null;
  /** The directory the output mirrors paths from (POSIX, relative to cwd). */
  root: string;
}

/** A glob of files to leave out, relative to `base` (an absolute directory): the config file's or the cwd. */
export interface IgnorePattern {
  pattern: string;
  base: string;
}

export interface FindInputsOptions {
  cwd: string;
  /** Left out of directory walks and glob matches; a file named on its own is always taken. */
  ignore?: readonly IgnorePattern[];
  /** The name stdin's article goes by (`--stdin-path`): its source.path and where its output is written. */
  stdinPath?: string;
  /** Which files a directory walk takes, and how a message names them; by default articles (*.txt, *.md). */
  accept?: FileKind;
}

export interface FileKind {
  pattern: RegExp;
  /** For "no … in this directory". */
  noun: string;
}

export interface InputProblem {
  /** The input as given, or the path found while walking; null for the run as a whole. */
  input: string;
  reason: string;
}

export interface FindInputsResult {
  files: InputFile[];
  /** Inputs that matched nothing or could not be read: the run ends with exit 2. */
  problems: InputProblem[];
  /** Things skipped on purpose (a symlink loop, a broken link inside a walk): reported, the exit code unchanged. */
  warnings: InputProblem[];
}

const ARTICLE_FILES: FileKind = { pattern: /\.(?:txt|md)$/i, noun: '.txt or .md files' };

export async function findInputs(inputs: readonly string[], options: FindInputsOptions): Promise<FindInputsResult> {
  const { cwd } = options;
  const accept = options.accept ?? ARTICLE_FILES;
  const files = new Map<string, InputFile>();
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const ignored = options.ignore?.length ? compileIgnore(options.ignore, (await import('picomatch')).default) : () => false;
  const display = (absolute: string): string => toPosix(path.relative(cwd, absolute)) || '.';
  const walk = async (dir: string, root: string, inside: ReadonlySet<string>): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ input: display(dir), reason: `cannot read this directory: ${describeFsError(error)}` });
      return;
    }
    for (const entry of entries) {
      // Hidden files and installed packages are never articles (a repository's node_modules is full of .md files).
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const absolute = path.join(dir, entry.name);
      let kind: 'file' | 'directory' | 'other' = entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink()) {
        const target = await stat(absolute).catch(() => null);
        if (target === null) {
          warnings.push({ input: display(absolute), reason: 'broken symbolic link, skipped' });
          continue;
        }
        kind = target.isDirectory() ? 'directory' : target.isFile() ? 'file' : 'other';
      }
      if (ignored(absolute)) continue;
      if (kind === 'file' && accept.pattern.test(entry.name)) add(files, absolute, root, cwd);
      if (kind !== 'directory') continue;
      const real = await realpath(absolute);
      if (inside.has(real)) {
        warnings.push({ input: display(absolute), reason: `symbolic link back to ${display(real)} (a loop), not followed` });
        continue;
      }
      await walk(absolute, root, new Set([...inside, real]));
    }
  };
  const addDirectory = async (absolute: string, input: string): Promise<void> => {
    const before = files.size;
    await walk(absolute, display(absolute), new Set([await realpath(absolute)]));
    if (files.size === before) problems.push({ input, reason: `no ${accept.noun} in this directory` });
  };

  for (const input of inputs) {
    if (input === '-') {
      const named = options.stdinPath === undefined ? null : toPosix(path.normalize(options.stdinPath));
      files.set('-', { path: named ?? '-', absolute: null, root: named === null ? '.' : toPosix(path.dirname(named)) });
      continue;
    }
    const absolute = path.resolve(cwd, input);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (info.isDirectory()) await addDirectory(absolute, input);
      else add(files, absolute, display(path.dirname(absolute)), cwd);
      continue;
    }
    const fg = (await import('fast-glob')).default;
    if (fg.isDynamicPattern(input)) {
      const found = await fg(toPosix(input), { cwd, dot: false, absolute: true, onlyFiles: false, followSymbolicLinks: false, suppressErrors: true });
      const root = display(path.resolve(cwd, staticBase(input, fg)));
      const before = files.size;
      for (const file of found.sort()) {
        if (ignored(file)) continue;
        const kind = await stat(file).catch(() => null);
        if (kind?.isFile()) add(files, file, root, cwd);
        else if (kind?.isDirectory()) await walk(file, root, new Set([await realpath(file)]));
      }
      if (files.size === before) problems.push({ input, reason: 'no file matches this pattern' });
      continue;
    }
    problems.push({ input, reason: describeFsError(info) });
  }
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, problems, warnings };
}

function add(files: Map<string, InputFile>, absolute: string, root: string, cwd: string): void {
  const rel = toPosix(path.relative(cwd, absolute));
  if (!files.has(rel)) files.set(rel, { path: rel, absolute, root });
}

/** One test for every ignore pattern, as .gitignore reads them: a pattern without a slash matches a file or
 *  directory name at any depth (`*.draft.md`, `drafts`); one with a slash is anchored at its base (`2019/**`);
 *  a trailing slash means a directory and everything in it. */
function compileIgnore(patterns: readonly IgnorePattern[], picomatch: typeof import('picomatch')): (absolute: string) => boolean {
  const tests = patterns.map(({ pattern, base }) => {
    const trimmed = pattern.replace(/\/+$/, '').replace(/^\.?\//, '');
    const anchored = trimmed.includes('/');
    const match = picomatch(trimmed, { dot: true, basename: !anchored });
    return (absolute: string): boolean => {
      const rel = toPosix(path.relative(base, absolute));
      if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
      // The path itself or any directory on the way to it.
      const parts = rel.split('/');
      for (let n = 1; n <= parts.length; n++) if (match(parts.slice(0, n).join('/'))) return true;
      return false;
    };
  });
  return (absolute) => tests.some((test) => test(absolute));
}

/** The directory part of a glob before its first dynamic segment: `articles/2024/*.txt` → `articles/2024`. */
function staticBase(pattern: string, fg: FastGlob): string {
  const parts = toPosix(pattern).split('/');
  const base: string[] = [];
  for (const part of parts) {
    if (fg.isDynamicPattern(part)) break;
    base.push(part);
  }
  if (base.length === parts.length) base.pop();
  return base.join('/') || '.';
}

/** A file-system error in a few words a person can act on (for inputs, outputs and the cache alike). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  // mkdir -p meets a file where a directory should be.
  if (code === 'EEXIST' && (error as NodeJS.ErrnoException).syscall === 'mkdir') return 'a part of the path is a file, not a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'EIO') return 'input/output error';
  return (error as Error).message;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** A written file as a "wrote" line names it: relative to cwd when inside it, else absolute. */
export function writtenPath(absolute: string, cwd: string): string {
  const relative = toPosix(path.relative(cwd, absolute));
  return relative.startsWith('../') || path.isAbsolute(relative) ? absolute : relative;
}
