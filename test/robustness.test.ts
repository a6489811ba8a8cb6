// Bad and odd input, one case each: what the user sees (a line naming the file and the reason), what still gets done
// (every other file), what is left on disk (complete files only) and the exit code.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, truncateSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertValidAnnotation, runCli } from './helpers.js';
import type { Annotation } from '../src/model/annotation.js';

const ARTICLE = 'Pakistan and Iran held talks in Tehran on Monday.';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'annotate-robust-'));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((p) => p.split(path.sep).join('/')).sort();
}

async function annotateOne(bytes: Buffer | string, name = 'a.txt'): Promise<{ exitCode: number; stderr: string; doc: Annotation | null }> {
  const cwd = tempDir();
  writeFileSync(path.join(cwd, name), bytes);
  const result = await runCli([name, '--stdout', '--format', 'ndjson'], { cwd });
  return { exitCode: result.exitCode, stderr: result.stderr, doc: result.stdout ? (JSON.parse(result.stdout) as Annotation) : null };
}

describe('encodings and line endings', () => {
  it('a UTF-8 byte order mark is dropped: offsets count from the first letter', async () => {
    const { exitCode, doc } = await annotateOne(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)]));
    expect(exitCode).toBe(0);
    assertValidAnnotation(doc, ARTICLE);
    expect(doc.actors[0]!.mentions[0]).toMatchObject({ text: 'Pakistan', start: 0, end: 8 });
  });

  it('CRLF line endings: the same items as LF, offsets into the file as it is', async () => {
    const lf = 'Pakistan condemned the strikes.\nIndia rejected the claim.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const [a, b] = [await annotateOne(lf), await annotateOne(crlf)];
    assertValidAnnotation(b.doc, crlf);
    expect(b.doc.actors.map((x) => x.name)).toEqual(a.doc!.actors.map((x) => x.name));
    expect(b.doc.events.map((e) => e.code)).toEqual(a.doc!.events.map((e) => e.code));
    expect(b.doc.actors.find((x) => x.name === 'India')!.mentions[0]!.start).toBe(33);
  });

  it('UTF-16 files with a byte order mark are decoded (little and big endian)', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) {
      const { exitCode, doc } = await annotateOne(bytes);
      expect(exitCode).toBe(0);
      assertValidAnnotation(doc, ARTICLE);
      expect(doc.actors.map((x) => x.code)).toEqual(['PAK', 'IRN']);
    }
  });

  it('invalid UTF-8 is reported with the offset of the bad byte and skipped', async () => {
    const { exitCode, stderr, doc } = await annotateOne(Buffer.from('Tehran caf\xe9', 'latin1'));
    expect(exitCode).toBe(2);
    expect(doc).toBeNull();
    expect(stderr).toBe('error a.txt: skipped: not valid UTF-8 (first bad byte at offset 10)\n');
  });

  it('a binary file is reported and skipped', async () => {
    const { exitCode, stderr } = await annotateOne(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]), 'archive.txt');
    expect(exitCode).toBe(2);
    expect(stderr).toBe('error archive.txt: skipped: binary file (contains NUL bytes)\n');
  });

  it('an empty file is a valid annotation with empty lists', async () => {
    const { exitCode, doc } = await annotateOne('');
    expect(exitCode).toBe(0);
    assertValidAnnotation(doc, '');
    expect(doc).toMatchObject({ actors: [], places: [], events: [], stances: [], claims: [] });
  });
});

describe('size, names and links', () => {
  it('a 50 MB file is refused with the limit and the flag to raise it; the other files are annotated', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'news'));
    writeFileSync(path.join(cwd, 'news', 'ok.txt'), ARTICLE);
    writeFileSync(path.join(cwd, 'news', 'huge.txt'), '');
    truncateSync(path.join(cwd, 'news', 'huge.txt'), 50 * 1024 * 1024);
    const result = await runCli(['news'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error news/huge.txt: skipped: 50 MB is over the 10 MB limit for one article (raise it with --max-file-size <MB>)\n');
    expect(listFiles(path.join(cwd, 'annotations'))).toEqual(['ok.yaml']);

    // Raised: the file is read (and found to be NUL bytes, which proves it got past the limit).
    const raised = await runCli(['news/huge.txt', '--max-file-size', '64', '--stdout'], { cwd });
    expect(raised.stderr).toBe('error news/huge.txt: skipped: binary file (contains NUL bytes)\n');
  });

  it('the limit applies to stdin too', async () => {
    const result = await runCli(['-', '--stdout', '--max-file-size', '0.001'], { cwd: tempDir(), stdin: ARTICLE.repeat(40) });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('error -: skipped: more than the 1 KB limit for one article (raise it with --max-file-size <MB>)\n');
  });

  it('names with spaces and non-ASCII letters keep their names in source.path and output files', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'actualités', 'Zürich notes'), { recursive: true });
    writeFileSync(path.join(cwd, 'actualités', 'Zürich notes', 'Ärger in Genf.txt'), ARTICLE);
    const result = await runCli(['actualités'], { cwd });
    expect(result.exitCode).toBe(0);
    const out = path.join(cwd, 'annotations', 'Zürich notes', 'Ärger in Genf.yaml');
    const doc = parse(readFileSync(out, 'utf8')) as Annotation;
    expect(doc.source.path).toBe('actualités/Zürich notes/Ärger in Genf.txt');
  });

  it('a symlink loop in an input directory is not followed: a warning, every real file once, exit 0', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'news', 'asia'), { recursive: true });
    writeFileSync(path.join(cwd, 'news', 'asia', 'one.txt'), ARTICLE);
    symlinkSync('..', path.join(cwd, 'news', 'asia', 'up'));
    symlinkSync('asia/one.txt', path.join(cwd, 'news', 'linked.txt'));
    const result = await runCli(['news', '--stdout', '--format', 'ndjson'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('warning news/asia/up: symbolic link back to news (a loop), not followed\n');
    const paths = result.stdout.trim().split('\n').map((l) => (JSON.parse(l) as Annotation).source.path);
    expect(paths).toEqual(['news/asia/one.txt', 'news/linked.txt']);
  });

  // Root reads every file whatever its mode: the case cannot arise, so the test is reported as skipped.
  it.skipIf(process.getuid?.() === 0)('an unreadable file is reported and skipped', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'secret.txt'), ARTICLE);
    chmodSync(path.join(cwd, 'secret.txt'), 0o000);
    const result = await runCli(['secret.txt', '--stdout'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('error secret.txt: cannot read: permission denied\n');
  });

  it('a file the system will not read (an I/O error, which root meets too) is reported and skipped', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'news'));
    writeFileSync(path.join(cwd, 'news', 'ok.txt'), ARTICLE);
    // Reading a process's memory from offset 0 fails with EIO for every user.
    symlinkSync('/proc/self/mem', path.join(cwd, 'news', 'memory.txt'));
    const result = await runCli(['news'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error news\/memory\.txt: cannot read: input\/output error\n/);
    expect(listFiles(path.join(cwd, 'annotations'))).toEqual(['ok.yaml']);
  });

  it('a directory whose name ends in .txt is walked, not read as an article', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'news', 'folder.txt'), { recursive: true });
    writeFileSync(path.join(cwd, 'news', 'folder.txt', 'inner.txt'), ARTICLE);
    const result = await runCli(['news', '--stdout', '--format', 'ndjson'], { cwd });
    expect(result.exitCode).toBe(0);
    expect((JSON.parse(result.stdout) as Annotation).source.path).toBe('news/folder.txt/inner.txt');
  });
});

describe('output directory', () => {
  it('an output directory that cannot be written: one error before any work, nothing half-written', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'a.txt'), ARTICLE);
    writeFileSync(path.join(cwd, 'taken'), 'a file where the output directory should be');
    const result = await runCli(['a.txt', '-o', 'taken/annotations'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('error cannot write to taken/annotations: taken is not a directory\n');
  });

  // Root writes everywhere: skipped as root (the case above covers the message).
  it.skipIf(process.getuid?.() === 0)('a read-only output directory is named with the reason', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'a.txt'), ARTICLE);
    mkdirSync(path.join(cwd, 'locked'));
    chmodSync(path.join(cwd, 'locked'), 0o500);
    const result = await runCli(['a.txt', '-o', 'locked/out'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('error cannot write to locked/out: permission denied on locked\n');
  });

  it('two inputs that would write the same file: an error naming both, before anything is written', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'same.txt'), ARTICLE);
    writeFileSync(path.join(cwd, 'same.md'), ARTICLE);
    writeFileSync(path.join(cwd, 'other.txt'), ARTICLE);
    const result = await runCli(['.'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('error same.md and same.txt would both write annotations/same.yaml; nothing was written\n');
    expect(existsSync(path.join(cwd, 'annotations'))).toBe(false);
  });
});
