// Speed and scale as a user relies on them: worker threads never change a byte of output, a crashed worker ends the
// run with a message (never a hang), the cache serves unchanged articles and forgets them when anything that shapes
// the output changes, and shards split a corpus deterministically.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { runAnnotate } from '../src/app/run-annotate.js';
import { combineReporters } from '../src/app/report/reporter.js';
import { createJsonReporter } from '../src/app/report/json.js';
import type { JsonReport } from '../src/app/report/json.js';

const repo = path.resolve(import.meta.dirname, '..');

/** The seeds, the fixtures and `extra` short articles of our own, in one directory. */
function corpus(extra: number): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'annotate-scale-'));
  cpSync(path.join(repo, 'seeds'), path.join(cwd, 'news'), { recursive: true });
  for (const f of readdirSync(path.join(repo, 'fixtures'))) if (/\.(txt|md)$/.test(f)) cpSync(path.join(repo, 'fixtures', f), path.join(cwd, 'news', f));
  const countries = ['Pakistan', 'India', 'Iran', 'Egypt', 'Jordan', 'Qatar', 'Turkey', 'Kenya'];
  for (let i = 0; i < extra; i++) {
    const [a, b] = [countries[i % 8]!, countries[(i * 3 + 1) % 8]!];
    writeFileSync(path.join(cwd, 'news', `brief-${i}.txt`), `${a} condemned the strikes on ${b}. Officials from ${b} said talks in Geneva would go on.\n`);
  }
  return cwd;
}

function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().filter((f) => f.includes('.')).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

async function jsonReport(argv: string[], cwd: string): Promise<JsonReport> {
  const result = await runCli([...argv, '--reporter', 'json'], { cwd, fresh: true });
  return JSON.parse(argv.includes('--stdout') ? result.stderr : result.stdout) as JsonReport;
}

describe('--jobs', () => {
  it('one thread, two worker threads and auto write byte-identical files, in input order', async () => {
    const cwd = corpus(30);
    const outputs = [];
    for (const jobs of ['1', '2', 'auto']) {
      const result = await runCli(['news', '-o', `out-${jobs}`, '--jobs', jobs, '--no-cache', '-q'], { cwd, fresh: true });
      expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
      outputs.push(readTree(path.join(cwd, `out-${jobs}`)));
    }
    expect(Object.keys(outputs[0]!)).toHaveLength(35);
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
    const streamed = await runCli(['news', '--stdout', '--format', 'ndjson', '--jobs', '2'], { cwd, fresh: true });
    const paths = streamed.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { source: { path: string } }).source.path);
    expect(paths).toEqual([...paths].sort());
  }, 60_000);

  it('a worker that crashes fails the run with exit 2 and a message, never a hang', async () => {
    const cwd = corpus(20);
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await runAnnotate({
      inputs: ['news'],
      cwd,
      outDir: 'out',
      mode: 'write',
      format: 'yaml',
      date: null,
      maxFileBytes: 1e7,
      jobs: 2,
      cacheDir: null,
      io: { stdout: new PassThrough(), stdin: Readable.from([]) },
      reporter: combineReporters([createJsonReporter(stderr)]),
      // Too little memory to load the lexicons: each worker dies of it, as a worker with a bug would die.
      workerLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 },
    });
    expect(code).toBe(2);
    const report = JSON.parse(err) as JsonReport;
    expect(report.problems[0]!.reason).toMatch(/^a worker thread crashed( while annotating news\/\S+)?: .*; files written so far are complete$/);
  }, 60_000);

  it('--jobs takes auto or a whole number', async () => {
    const result = await runCli(['seeds', '--jobs', '0'], { cwd: repo });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("expected 'auto' or a whole number of at least 1");
  });
});

describe('--cache', () => {
  it('a re-run serves every unchanged article from the cache, with the same bytes', async () => {
    const cwd = corpus(3);
    const first = await jsonReport(['news', '-o', 'out'], cwd);
    expect(first.files.filter((f) => f.cached)).toEqual([]);
    const written = readTree(path.join(cwd, 'out'));
    rmSync(path.join(cwd, 'out'), { recursive: true });
    const second = await jsonReport(['news', '-o', 'out'], cwd);
    expect(second.files.every((f) => f.cached)).toBe(true);
    expect(readTree(path.join(cwd, 'out'))).toEqual(written);
  }, 30_000);

  it('an edited article, a changed config or another date are annotated afresh', async () => {
    const cwd = corpus(3);
    await jsonReport(['news', '-o', 'out'], cwd);
    writeFileSync(path.join(cwd, 'news', 'brief-0.txt'), 'Kenya and Egypt met in Cairo.\n');
    const edited = await jsonReport(['news', '-o', 'out'], cwd);
    expect(edited.files.filter((f) => !f.cached).map((f) => f.path)).toEqual(['news/brief-0.txt']);

    writeFileSync(path.join(cwd, 'annotate.config.yaml'), 'actors:\n  - {name: Ruritania, code: RUR}\n');
    const reconfigured = await jsonReport(['news', '-o', 'out'], cwd);
    expect(reconfigured.files.filter((f) => f.cached)).toEqual([]);
    const redated = await jsonReport(['news', '-o', 'out', '--date', '2024-05-02'], cwd);
    expect(redated.files.filter((f) => f.cached)).toEqual([]);
  }, 30_000);

  it('a corrupt entry is discarded and the article annotated again; a cache of another layout is removed', async () => {
    const cwd = corpus(0);
    await jsonReport(['news', '-o', 'out'], cwd);
    const expected = readTree(path.join(cwd, 'out'));
    const entries = path.join(cwd, '.annotate-cache', 'entries');
    for (const dir of readdirSync(entries)) for (const f of readdirSync(path.join(entries, dir))) writeFileSync(path.join(entries, dir, f), '{"key": "trunc');
    rmSync(path.join(cwd, 'out'), { recursive: true });
    const again = await jsonReport(['news', '-o', 'out'], cwd);
    expect(again.files.filter((f) => f.cached)).toEqual([]);
    expect(readTree(path.join(cwd, 'out'))).toEqual(expected);

    writeFileSync(path.join(cwd, '.annotate-cache', 'layout'), '0\n');
    mkdirSync(path.join(cwd, '.annotate-cache', 'old-stuff'));
    const relaid = await jsonReport(['news', '-o', 'out'], cwd);
    expect(relaid.files.filter((f) => f.cached)).toEqual([]);
    expect(readdirSync(path.join(cwd, '.annotate-cache')).sort()).toEqual(['CACHEDIR.TAG', 'entries', 'layout']);
  }, 30_000);

  it('is off for --stdout unless asked, and --no-cache and --cache-location do what they say', async () => {
    const cwd = corpus(0);
    await runCli(['news', '--stdout', '-q'], { cwd, fresh: true });
    expect(readdirSync(cwd)).not.toContain('.annotate-cache');
    await runCli(['news', '-o', 'out', '--no-cache', '-q'], { cwd, fresh: true });
    expect(readdirSync(cwd)).not.toContain('.annotate-cache');
    await runCli(['news', '--stdout', '--cache', '--cache-location', 'tmp/c', '-q'], { cwd, fresh: true });
    expect(readdirSync(path.join(cwd, 'tmp', 'c'))).toContain('entries');
  }, 30_000);
});

describe('--shard', () => {
  const ndjsonPaths = (stdout: string): string[] => stdout.trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { source: { path: string } }).source.path);

  it('k/n over n runs: disjoint, together every input once; concatenated NDJSON holds the whole run', async () => {
    const cwd = corpus(25);
    const whole = await runCli(['news', '--stdout', '--format', 'ndjson'], { cwd });
    const shards = [];
    for (const k of [1, 2, 3]) shards.push(await runCli(['news', '--stdout', '--format', 'ndjson', '--shard', `${k}/3`], { cwd }));
    const parts = shards.map((r) => ndjsonPaths(r.stdout));
    for (const part of parts) expect(part.length).toBeGreaterThan(0);
    expect(parts.flat().sort()).toEqual(ndjsonPaths(whole.stdout));
    const byPath = (stdout: string) => Object.fromEntries(stdout.trim().split('\n').map((l) => [(JSON.parse(l) as { source: { path: string } }).source.path, l]));
    expect(byPath(shards.map((r) => r.stdout).join(''))).toEqual(byPath(whole.stdout));
  }, 60_000);

  it('is stable: adding files elsewhere in the corpus moves no file to another shard', async () => {
    const cwd = corpus(12);
    const before = ndjsonPaths((await runCli(['news', '--stdout', '--format', 'ndjson', '--shard', '2/4'], { cwd })).stdout);
    for (let i = 0; i < 10; i++) writeFileSync(path.join(cwd, 'news', `late-${i}.txt`), 'Qatar spoke.\n');
    const after = ndjsonPaths((await runCli(['news', '--stdout', '--format', 'ndjson', '--shard', '2/4'], { cwd })).stdout);
    expect(after.filter((p) => !p.includes('late-'))).toEqual(before);
  }, 60_000);

  it('a bad shard is a usage error', async () => {
    for (const bad of ['0/3', '4/3', '2', 'a/b']) {
      const result = await runCli(['seeds', '--shard', bad], { cwd: repo });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('expected k/n with 1 ≤ k ≤ n');
    }
  });
});
