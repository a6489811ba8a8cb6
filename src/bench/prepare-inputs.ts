// The files every side of the bench reads, and the scratch directory the sides run in. The corpus is read where it
// is, never copied: the annotate sides get a tree of symbolic links to exactly the chosen files (so --limit and the
// compromise side's list agree with what annotate finds), and the scale side k links to that tree under different
// names, so each file is a different input k times over.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { UsageError } from '../eval/tool-args.js';

export interface Corpus {
  /** Paths relative to the corpus directory, POSIX separators, sorted by code unit. */
  paths: string[];
  /** How many files the directory has, before --limit. */
  total: number;
  characters: number;
  words: number;
}

/** Whitespace-separated tokens: the words of words/s, counted the same way for every side. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/**
 * Every *.txt under `dir` (the first `limit` by path), leaving out what annotate's directory walk leaves out (hidden
 * files and folders, node_modules), with its size in characters and words.
 */
export function readCorpus(dir: string, limit: number | null): Corpus {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    throw new UsageError(`cannot read corpus directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const all = entries
    .map((entry) => entry.split(sep).join('/'))
    .filter((entry) => entry.endsWith('.txt') && !entry.split('/').some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (all.length === 0) throw new UsageError(`no *.txt files under ${dir}`);
  const paths = limit === null ? all : all.slice(0, limit);
  let characters = 0;
  let words = 0;
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(join(dir, path), 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      throw new UsageError(`cannot read ${join(dir, path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    characters += [...text].length;
    words += countWords(text);
  }
  return { paths, total: all.length, characters, words };
}

export interface Workspace {
  /** The scratch directory: the sides run with it as their working directory (so no annotate.config.yaml applies). */
  dir: string;
  /** JSON list of the absolute paths of the files, for the compromise side. */
  listFile: string;
  /** Directory of links to the files, relative to `dir`. */
  inputDir: string;
  remove(): void;
}

export function createWorkspace(corpusDir: string, corpus: Corpus): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'annotate-bench-'));
  const listFile = join(dir, 'files.json');
  writeFileSync(listFile, JSON.stringify(corpus.paths.map((path) => join(corpusDir, path))));
  const inputDir = 'input';
  for (const path of corpus.paths) {
    const link = join(dir, inputDir, path);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(corpusDir, path), link);
  }
  return { dir, listFile, inputDir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A directory of `k` links to the input tree (`copy-01` … `copy-k`), relative to the workspace. */
export function addScaledInput(workspace: Workspace, k: number): string {
  const scaled = 'scaled';
  mkdirSync(join(workspace.dir, scaled));
  const width = String(k).length;
  for (let i = 1; i <= k; i++) symlinkSync(join(workspace.dir, workspace.inputDir), join(workspace.dir, scaled, `copy-${String(i).padStart(width, '0')}`));
  return scaled;
}
