// The built binary as a real subprocess: what a shell pipeline, Ctrl-C, a terminal and a CI workflow see.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertValidAnnotation } from './helpers.js';

const repo = path.resolve(import.meta.dirname, '..');
const bin = path.join(repo, 'bin', 'annotate.js');
/** The environment of a user's shell: no CI marker, no colour forced either way. */
const shellEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['CI', 'NO_COLOR', 'FORCE_COLOR', 'GITHUB_ACTIONS'].includes(k)));

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'annotate-bin-'));
}

/** `count` short articles of our own under `dir/news`, enough for a run that takes a few seconds. */
function corpus(count: number): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'news'));
  const countries = ['Pakistan', 'India', 'Iran', 'Egypt', 'Jordan', 'Qatar', 'Turkey', 'Kenya'];
  for (let i = 0; i < count; i++) {
    const [a, b] = [countries[i % countries.length]!, countries[(i * 3 + 1) % countries.length]!];
    const text = `${a} and ${b} held talks in Geneva on Monday. Officials from ${a} said the meeting was useful. `.repeat(6);
    writeFileSync(path.join(dir, 'news', `article-${String(i).padStart(3, '0')}.txt`), text);
  }
  return dir;
}

/** The files below dir (not its directories), as POSIX paths relative to it. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(path.join(dir, p)).isFile())
    .map((p) => p.split(path.sep).join('/'))
    .sort();
}

describe('in a pipeline', () => {
  it('annotate seeds/ --stdout --format ndjson | head -1: one valid JSON line, exit 0, nothing on stderr', () => {
    const result = spawnSync('bash', ['-c', `set -o pipefail; node "${bin}" seeds/ --stdout --format ndjson | head -1`], { cwd: repo, encoding: 'utf8', env: shellEnv });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    assertValidAnnotation(JSON.parse(lines[0]!));
  });

  it('a reader that stops early on a long run ends it quietly: exit 0, no stack trace, no further work', () => {
    const cwd = corpus(80);
    const result = spawnSync('bash', ['-c', `set -o pipefail; node "${bin}" news --stdout --format ndjson | head -1`], { cwd, encoding: 'utf8', env: shellEnv });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('annotate --stdout | annotate export - makes a table; export | head -1 ends quietly with exit 0', () => {
    const cwd = corpus(80);
    const table = spawnSync('bash', ['-c', `set -o pipefail; node "${bin}" news --stdout --format ndjson | tee all.ndjson | node "${bin}" export - --table mentions`], { cwd, encoding: 'utf8', env: shellEnv, maxBuffer: 64 * 1024 * 1024 });
    expect(table.status).toBe(0);
    expect(table.stderr).toBe('');
    const rows = table.stdout.split('\n').filter(Boolean);
    expect(rows[0]).toMatch(/^article,article_date,kind,entity_id,/);
    expect(new Set(rows.slice(1).map((row) => row.split(',')[0]))).toHaveProperty('size', 80);
    const head = spawnSync('bash', ['-c', `set -o pipefail; node "${bin}" export all.ndjson --table mentions | head -1`], { cwd, encoding: 'utf8', env: shellEnv });
    expect(head.status).toBe(0);
    expect(head.stderr).toBe('');
    expect(head.stdout).toBe(`${rows[0]}\n`);
  });

  it('pipes --format ndjson into a JSON parser: one valid document per line, in input order', () => {
    const parser = `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const docs=s.trim().split('\\n').map(l=>JSON.parse(l));process.stdout.write(JSON.stringify(docs.map(d=>d.source.path)))})`;
    const result = spawnSync('bash', ['-c', `node "${bin}" seeds --stdout --format ndjson | node -e "${parser}"`], { cwd: repo, encoding: 'utf8', env: shellEnv });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(['seeds/000_2cd020d2d7a82209.txt', 'seeds/001_4c00a9e13c3a665f.txt']);
  });

  it('stdin with --stdin-path: the article is named and its front matter read by that name', () => {
    const article = '---\ntitle: Talks\ndate: 2024-05-02\n---\nQatar and Pakistan signed a memorandum in Doha.\n';
    const result = spawnSync('node', [bin, '-', '--stdin-path', 'news/talks.md', '--stdout', '--format', 'ndjson'], { cwd: repo, input: article, encoding: 'utf8', env: shellEnv });
    expect(result.status).toBe(0);
    const doc = JSON.parse(result.stdout) as { source: { path: string; title: string; date: string } };
    assertValidAnnotation(doc, article);
    expect(doc.source).toMatchObject({ path: 'news/talks.md', title: 'Talks', date: '2024-05-02' });
  });

  it('is deterministic: two runs write identical bytes', () => {
    const runs = [1, 2].map(() => {
      const out = tempDir();
      execFileSync('node', [bin, 'seeds', 'fixtures', '-o', out, '-q'], { cwd: repo });
      return listFiles(out).map((f) => [f, readFileSync(path.join(out, f), 'utf8')]);
    });
    expect(runs[0]!.length).toBeGreaterThan(2);
    expect(runs[1]).toEqual(runs[0]);
  });

  it('a missing input exits 2 with one line on stderr and nothing on stdout', () => {
    const result = spawnSync('node', [bin, 'does-not-exist.txt'], { cwd: repo, encoding: 'utf8', env: shellEnv });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('error does-not-exist.txt: no such file or directory\n');
  });
});

describe('Ctrl-C', () => {
  it('stops between files: exit 130, every file written is complete, no temporary files', async () => {
    const cwd = corpus(150);
    const out = path.join(cwd, 'out');
    const child = spawn('node', [bin, 'news', '-o', 'out'], { cwd, env: shellEnv });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt once a few files are written (polling the directory, as a user would watch it).
    for (let i = 0; i < 300 && listFiles(out).length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    const code = await exited;

    expect(code).toBe(130);
    expect(stderr).toMatch(/^annotate interrupted: \d+ of 150 files done \(every file written is complete\)\n$/);
    const written = listFiles(out);
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.length).toBeLessThan(150);
    expect(written.filter((f) => !f.endsWith('.yaml'))).toEqual([]);
    for (const f of written) {
      const doc: unknown = parse(readFileSync(path.join(out, f), 'utf8'));
      assertValidAnnotation(doc, readFileSync(path.join(cwd, 'news', f.replace('.yaml', '.txt')), 'utf8'));
    }
  }, 30_000);
});

describe('at a terminal', () => {
  /** Runs a command under a pseudo-terminal (util-linux `script`), so stdout and stderr are both a TTY. */
  function inTerminal(command: string, cwd: string): string {
    return execFileSync('script', ['-qfec', command, '/dev/null'], { cwd, encoding: 'utf8', env: { ...shellEnv, TERM: 'xterm', COLUMNS: '100' } });
  }

  // Terminal control sequences are what these tests are about.
  /* eslint-disable no-control-regex */
  it('a run that takes more than a moment draws a progress bar on stderr, then clears it for the summary', () => {
    const cwd = corpus(60);
    const screen = inTerminal(`node "${bin}" news -o out`, cwd);
    expect(screen).toMatch(/\r\x1b\[K(?:\x1b\[[0-9;]*m)?annotate (?:\x1b\[[0-9;]*m)?[█░]{20} \d+\/60 files · \d+%/);
    // The summary is the last line, on a cleared line, in colour (a terminal).
    expect(screen).toMatch(/\r\x1b\[K\x1b\[32mannotate\x1b\[39m 60 files annotated, .* → out\/\r?\n$/);
    expect(listFiles(path.join(cwd, 'out'))).toHaveLength(60);
  }, 30_000);
  /* eslint-enable no-control-regex */

  it('no bar when stderr is a pipe, and none with --quiet', () => {
    const cwd = corpus(60);
    const piped = inTerminal(`node "${bin}" news -o out 2>&1 | cat`, cwd);
    expect(piped).not.toContain('\x1b[K');
    expect(piped).toMatch(/^annotate 60 files annotated/);
    const quiet = inTerminal(`node "${bin}" news -o out2 -q`, cwd);
    expect(quiet).toBe('');
  }, 30_000);
});

describe('the sample GitHub workflow', () => {
  const workflowFile = path.join(repo, 'examples', 'check-annotations.yml');
  const workflow = parse(readFileSync(workflowFile, 'utf8')) as { jobs: { check: { steps: { run?: string }[] } } };
  const annotateSteps = workflow.jobs.check.steps.map((s) => s.run).filter((r): r is string => r?.includes('annotate') === true);

  it('is the one the README shows', () => {
    expect(readFileSync(path.join(repo, 'README.md'), 'utf8')).toContain(readFileSync(workflowFile, 'utf8'));
  });

  /** A repository with annotated articles, where the workflow's commands run with `npx annotate` = this build. */
  function checkout(): string {
    const cwd = tempDir();
    cpSync(path.join(repo, 'seeds'), path.join(cwd, 'articles'), { recursive: true });
    execFileSync('node', [bin, 'articles/', '-q'], { cwd });
    return cwd;
  }
  const runSteps = (cwd: string): { status: number | null; stdout: string; stderr: string } => {
    const script = annotateSteps.map((r) => r.replace(/\bnpx annotate\b/g, `node "${bin}"`)).join('\n');
    return spawnSync('bash', ['-ec', script], { cwd, encoding: 'utf8', env: { ...shellEnv, CI: 'true', GITHUB_ACTIONS: 'true' } });
  };

  it('passes when every article has its up-to-date annotation', () => {
    expect(annotateSteps).toEqual(['npx annotate articles/ --check --reporter github --reporter stylish']);
    const result = runSteps(checkout());
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^annotate checked 2 files in annotations\/: 2 up to date/);
  });

  it('fails a pull request that adds an article without its annotation, with an error on that file', () => {
    const cwd = checkout();
    writeFileSync(path.join(cwd, 'articles', 'new.txt'), 'Egypt and Jordan held talks in Cairo.');
    const result = runSteps(cwd);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('::error file=articles/new.txt,title=annotation missing::annotations/new.yaml: no annotation file for this article. Run annotate on this file and commit the result.\n');
    expect(result.stderr).toContain('missing annotations/new.yaml');
  });
});
