// The disk cache of finished annotations (`.annotate-cache/`): one small file per article, keyed on the article's
// content hash and path and on everything else that changes the output: annotate's version and the bytes of its
// built code (so a changed build never serves old output under an unchanged version number), the schema version, the
// compromise versions, the bytes of the bundled lexicons, the config's vocabulary, the run's date and the format. Content hashes, never mtimes (a CI checkout changes every mtime). An entry that cannot be read back whole
// is discarded and the article annotated again; a cache written by another cache layout is removed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SCHEMA_VERSION } from '../model/annotation.js';
import type { OutputFormat } from '../serialize/serialize.js';
import { NLP_VERSIONS, VERSION } from '../version.js';
import { writeFileAtomic } from '../app/write-atomic.js';

/** Bumped when the layout of the cache changes: a cache of another layout is removed as a whole. */
const CACHE_LAYOUT = '1';
const LAYOUT_FILE = 'layout';

export interface CachedOutput {
  /** The document as the run's format writes it. */
  output: string;
  counts: { actors: number; places: number; events: number; stances: number; claims: number };
}

export interface AnnotationCache {
  get(articlePath: string, contentHash: string): Promise<CachedOutput | null>;
  set(articlePath: string, contentHash: string, value: CachedOutput): Promise<void>;
}

/** What, besides the article, decides the output. */
export interface CacheContext {
  /** Hash of the config's vocabulary ('' when none). */
  vocabulary: string;
  /** Whether the learned models are in use. */
  model: boolean;
  date: string | null;
  format: OutputFormat;
}

/** --no-cache: every lookup misses, nothing is stored. */
export const NO_CACHE: AnnotationCache = { get: () => Promise.resolve(null), set: () => Promise.resolve() };

/** A cache in `dir` for runs with `context`. Creating it removes a cache of another layout found there. */
export async function openCache(dir: string, context: CacheContext): Promise<AnnotationCache> {
  const layout = await readFile(path.join(dir, LAYOUT_FILE), 'utf8').catch(() => null);
  if (layout !== null && layout.trim() !== CACHE_LAYOUT) await rm(dir, { recursive: true, force: true });
  if (layout?.trim() !== CACHE_LAYOUT) {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, LAYOUT_FILE), CACHE_LAYOUT + '\n');
    // Tools that archive or back up directories skip one with this tag (https://bford.info/cachedir/).
    await writeFile(path.join(dir, 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# annotate cache: safe to delete\n');
  }
  const run = hash([CACHE_LAYOUT, VERSION, String(SCHEMA_VERSION), NLP_VERSIONS, filesHash('../../lexicons/'), filesHash('../../dist/', '.js'), context.model ? filesHash('../../models/') : 'no-model', context.vocabulary, context.date ?? '', context.format]);
  const entryFile = (key: string): string => path.join(dir, 'entries', key.slice(0, 2), key.slice(2));
  const keyOf = (articlePath: string, contentHash: string): string => hash([run, articlePath, contentHash]);
  return {
    async get(articlePath, contentHash) {
      const key = keyOf(articlePath, contentHash);
      const text = await readFile(entryFile(key), 'utf8').catch(() => null);
      if (text === null) return null;
      const entry = parseEntry(text, key);
      // Truncated, edited or from a hash collision: not ours to trust. Remove it; the article is annotated again.
      if (entry === null) await rm(entryFile(key), { force: true });
      return entry;
    },
    async set(articlePath, contentHash, value) {
      const key = keyOf(articlePath, contentHash);
      await writeFileAtomic(entryFile(key), JSON.stringify({ key, ...value }));
    },
  };
}

function parseEntry(text: string, key: string): CachedOutput | null {
  try {
    const entry = JSON.parse(text) as Partial<CachedOutput> & { key?: unknown };
    if (entry.key !== key || typeof entry.output !== 'string' || typeof entry.counts !== 'object' || entry.counts === null) return null;
    return { output: entry.output, counts: entry.counts };
  } catch {
    return null;
  }
}

const hashes = new Map<string, string>();

/** sha256 over the names and bytes of the files below a directory of the package (every lexicon; of the build, the
 *  code that runs, not its maps and type declarations), read once per process, without parsing anything. */
function filesHash(relative: string, suffix = ''): string {
  const known = hashes.get(relative);
  if (known !== undefined) return known;
  const root = new URL(relative, import.meta.url);
  const digest = createHash('sha256');
  const names = existsSync(root) ? (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).filter((n) => n.endsWith(suffix)).sort() : [];
  for (const name of names) {
    const file = new URL(name.split(path.sep).join('/'), root);
    if (!statSync(file).isFile()) continue;
    digest.update(name + '\0');
    digest.update(readFileSync(file));
  }
  const value = digest.digest('hex');
  hashes.set(relative, value);
  return value;
}

function hash(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

/** sha256 of an article's bytes, as source.sha256 records it. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
