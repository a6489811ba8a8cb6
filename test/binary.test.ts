// The built binary as a real subprocess: what a shell pipeline sees, and the same bytes on every run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertValidAnnotation } from './helpers.js';

const repo = path.resolve(import.meta.dirname, '..');
const bin = path.join(repo, 'bin', 'annotate.js');

describe('bin/annotate.js', () => {
  it('pipes --format ndjson into a JSON parser: one valid document per line, stderr only the summary', () => {
    const parser = `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const docs=s.trim().split('\\n').map(l=>JSON.parse(l));process.stdout.write(JSON.stringify(docs))})`;
    const result = spawnSync('bash', ['-c', `node "${bin}" seeds --stdout --format ndjson | node -e "${parser}"`], { cwd: repo, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const docs = JSON.parse(result.stdout) as unknown[];
    expect(docs).toHaveLength(2);
    for (const doc of docs) assertValidAnnotation(doc);
    expect(result.stderr).toMatch(/^annotate 2 files annotated/);
  });

  it('exits quietly when the reader closes the pipe early', () => {
    const result = spawnSync('bash', ['-c', `set -o pipefail; node "${bin}" seeds --stdout --format ndjson -q | head -1`], { cwd: repo, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
  });

  it('is deterministic: two runs write identical bytes', () => {
    const runs = [1, 2].map(() => {
      const out = mkdtempSync(path.join(tmpdir(), 'annotate-det-'));
      execFileSync('node', [bin, 'seeds', 'fixtures', '-o', out, '-q'], { cwd: repo });
      return readdirSync(out, { recursive: true, encoding: 'utf8' })
        .sort()
        .map((f) => [f, readFileSync(path.join(out, f), 'utf8')]);
    });
    expect(runs[0]!.length).toBeGreaterThan(2);
    expect(runs[1]).toEqual(runs[0]);
  });

  it('a missing input exits 2 with one line on stderr and nothing on stdout', () => {
    const result = spawnSync('node', [bin, 'does-not-exist.txt'], { cwd: repo, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')[0]).toBe('error does-not-exist.txt: no such file or directory');
  });
});
