// --check and the reporters, as CI meets them: exit codes, one line per problem naming the file and the reason, a
// short semantic diff with --verbose, JSON for programs and workflow commands for GitHub.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const repo = path.resolve(import.meta.dirname, '..');
const SEED = '000_2cd020d2d7a82209';

/** The seeds, annotated: a repository whose annotations are up to date. */
async function annotatedWorkspace(): Promise<string> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'annotate-check-'));
  cpSync(path.join(repo, 'seeds'), path.join(cwd, 'seeds'), { recursive: true });
  expect((await runCli(['seeds', '-q'], { cwd })).exitCode).toBe(0);
  return cwd;
}

function snapshot(dir: string): Record<string, string> {
  // The cache is not output: --check may fill it (a later run reuses the work).
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.parentPath.includes(".annotate-cache"));
  return Object.fromEntries(files.map((e) => path.join(e.parentPath, e.name)).sort().map((f) => [f, readFileSync(f, 'utf8')]));
}

describe('annotate --check', () => {
  it('up to date: exit 0, a summary saying so, nothing written', async () => {
    const cwd = await annotatedWorkspace();
    const before = snapshot(cwd);
    const result = await runCli(['seeds', '--check'], { cwd });
    expect(result).toMatchObject({ exitCode: 0, stdout: '' });
    expect(result.stderr).toMatch(/^annotate checked 2 files in annotations\/: 2 up to date in \d+\.\d s\n$/);
    expect(snapshot(cwd)).toEqual(before);
  });

  it('a new article without annotation: exit 1, "missing" naming the file it would write', async () => {
    const cwd = await annotatedWorkspace();
    writeFileSync(path.join(cwd, 'seeds', 'new.txt'), 'Egypt and Jordan held talks in Cairo.');
    const result = await runCli(['seeds', '--check'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('missing annotations/new.yaml: no annotation file for this article\n');
    expect(result.stderr).toMatch(/2 up to date, 1 missing/);
    expect(result.stderr).toContain('run annotate without --check to update it');
  });

  it('an edited article: "stale" with what changed; --verbose lists the items', async () => {
    const cwd = await annotatedWorkspace();
    const file = path.join(cwd, 'seeds', `${SEED}.txt`);
    writeFileSync(file, readFileSync(file, 'utf8') + '\nEgypt condemned the attack on Jordan.\n');
    const plain = await runCli(['seeds', '--check'], { cwd });
    expect(plain.exitCode).toBe(1);
    expect(plain.stderr).toMatch(new RegExp(`stale annotations/${SEED}\\.yaml: the article changed; \\+2 actors, \\+\\d events?`));
    expect(plain.stderr).not.toContain('+ actor');

    const verbose = await runCli(['seeds', '--check', '--verbose'], { cwd });
    expect(verbose.stderr).toContain('    + actor Egypt (EGY)\n');
    expect(verbose.stderr).toContain('    + actor Jordan (JOR)\n');
    expect(verbose.stderr).toMatch(/ {4}\+ event 1\d\d "condemned" at \d+\n/);
    expect(verbose.stderr).toContain(`ok annotations/001_4c00a9e13c3a665f.yaml`);
    // Not a wall of YAML: no line of the file itself.
    expect(verbose.stderr).not.toMatch(/^\s*- id:/m);
  });

  it('a file edited by hand is stale, and the diff says what the edit removed', async () => {
    const cwd = await annotatedWorkspace();
    const file = path.join(cwd, 'annotations', '001_4c00a9e13c3a665f.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^claims:[\s\S]*$/m, 'claims: []\n'));
    const result = await runCli(['seeds', '--check', '--verbose'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/stale annotations\/001_4c00a9e13c3a665f\.yaml: \+\d claims?\n/);
    expect(result.stderr).toMatch(/ {4}\+ claim Analysts suggest: "/);
  });

  it('an annotation whose article is gone: "orphaned", exit 1', async () => {
    const cwd = await annotatedWorkspace();
    rmSync(path.join(cwd, 'seeds', `${SEED}.txt`));
    const result = await runCli(['seeds', '--check'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`orphaned annotations/${SEED}.yaml: its article seeds/${SEED}.txt is gone\n`);
    expect(result.stderr).toContain('(and delete orphaned files)');
  });

  it('an article that cannot be read is an error (exit 2), not a check failure', async () => {
    const cwd = await annotatedWorkspace();
    writeFileSync(path.join(cwd, 'seeds', 'blob.txt'), Buffer.from([0, 1, 2, 3]));
    const result = await runCli(['seeds', '--check'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error seeds/blob.txt: skipped: binary file');
  });

  it('--check with --stdout is a usage error', async () => {
    const result = await runCli(['seeds', '--check', '--stdout'], { cwd: repo });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--check compares files on disk');
  });
});

describe('--reporter', () => {
  it('json: one document on stdout with every file, its status and the summary', async () => {
    const cwd = await annotatedWorkspace();
    writeFileSync(path.join(cwd, 'seeds', 'new.txt'), 'Egypt and Jordan held talks in Cairo.');
    const result = await runCli(['seeds', '--check', '--reporter', 'json'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { files: { path: string; output: string; status: string }[]; summary: { missing: number; upToDate: number; mode: string } };
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      [`seeds/${SEED}.txt`, 'up-to-date'],
      ['seeds/001_4c00a9e13c3a665f.txt', 'up-to-date'],
      ['seeds/new.txt', 'missing'],
    ]);
    expect(report.summary).toMatchObject({ mode: 'check', missing: 1, upToDate: 2 });
  });

  it('github: a workflow command per problem on stdout, with the runner escaping', async () => {
    const cwd = await annotatedWorkspace();
    writeFileSync(path.join(cwd, 'seeds', 'new, draft.txt'), 'Egypt and Jordan held talks in Cairo.');
    writeFileSync(path.join(cwd, 'seeds', 'blob.txt'), Buffer.from([0, 1, 2, 3]));
    const result = await runCli(['seeds', '--check', '--reporter', 'github'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stdout.split('\n').filter(Boolean).sort()).toEqual([
      '::error file=seeds/blob.txt,title=annotate%3A file skipped::skipped: binary file (contains NUL bytes)',
      '::error file=seeds/new%2C draft.txt,title=annotation missing::annotations/new, draft.yaml: no annotation file for this article. Run annotate on this file and commit the result.',
    ]);
  });

  it('stylish and github together: people read stderr, the runner reads stdout', async () => {
    const cwd = await annotatedWorkspace();
    writeFileSync(path.join(cwd, 'seeds', 'new.txt'), 'Egypt and Jordan held talks in Cairo.');
    const result = await runCli(['seeds', '--check', '--reporter', 'github', '--reporter', 'stylish'], { cwd });
    expect(result.stdout).toMatch(/^::error file=seeds\/new\.txt,title=annotation missing::/);
    expect(result.stderr).toContain('missing annotations/new.yaml');
  });

  it('json and github cannot share stdout; an unknown reporter is a usage error', async () => {
    const both = await runCli(['seeds', '--check', '--reporter', 'json', '--reporter', 'github'], { cwd: repo });
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('--reporter json and github would both write to stdout');
    const unknown = await runCli(['seeds', '--reporter', 'junit'], { cwd: repo });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('expected one of stylish, json, github');
  });

  it('with --stdout the json report goes to stderr, so stdout stays data', async () => {
    const cwd = await annotatedWorkspace();
    const result = await runCli(['seeds', '--stdout', '--format', 'ndjson', '--reporter', 'json'], { cwd });
    expect(result.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { schemaVersion: number }).schemaVersion)).toHaveLength(2);
    expect((JSON.parse(result.stderr) as { summary: { annotated: number } }).summary.annotated).toBe(2);
  });
});

describe('colour', () => {
  const red = '\x1b[31m';
  it('is off without a terminal, on with FORCE_COLOR, off again with NO_COLOR or --no-color', async () => {
    const cwd = await annotatedWorkspace();
    writeFileSync(path.join(cwd, 'seeds', 'blob.txt'), Buffer.from([0, 1]));
    const plain = await runCli(['seeds', '-q'], { cwd, env: { NO_COLOR: '' } });
    expect(plain.stderr).not.toContain('\x1b[');
    const forced = await runCli(['seeds', '-q'], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(forced.stderr).toContain(red);
    const noColorEnv = await runCli(['seeds', '-q'], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColorEnv.stderr).not.toContain('\x1b[');
    const noColorFlag = await runCli(['seeds', '-q', '--no-color'], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(noColorFlag.stderr).not.toContain('\x1b[');
  });
});
