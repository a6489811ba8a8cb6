// The published package as a user gets it: `npm pack` of the build, installed by its name into a project of its own
// (offline, from the npm cache that `npm ci` filled), where the README's library examples run and type-check and the
// command works. What the tarball holds is checked against what the program reads.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..');
const examples = ['library.mjs', 'library.ts'];

interface Packed {
  filename: string;
  files: { path: string }[];
}

let work = '';
let consumer = '';
let packed: string[] = [];

/** A lockfile that pins the package's dependencies to the versions ours resolved (its entries that are not for
 *  development), so npm installs them from the cache `npm ci` filled, asking no registry; annotate itself is read from
 *  the tarball. A dependency the package needs but does not declare is then missing, as it would be for a user. */
function consumerLock(dependencies: Record<string, string>): object {
  const ours = JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const pinned = Object.entries(ours.packages).filter(([key, entry]) => key.startsWith('node_modules/') && !entry.dev);
  return { name: 'consumer', lockfileVersion: 3, requires: true, packages: { '': { name: 'consumer', dependencies }, ...Object.fromEntries(pinned) } };
}

/** npm install in the consumer: offline first; with a cache that lacks a tarball, whatever is missing from the
 *  registry. Scripts are off: annotate's `prepare` builds a checkout and has nothing to do in an installed package. */
function install(cwd: string): void {
  const args = ['install', '--no-audit', '--no-fund', '--ignore-scripts'];
  const offline = spawnSync('npm', [...args, '--offline'], { cwd, encoding: 'utf8' });
  if (offline.status === 0) return;
  const online = spawnSync('npm', [...args, '--prefer-offline'], { cwd, encoding: 'utf8' });
  if (online.status !== 0) throw new Error(`npm install of the packed tarball failed:\n${offline.stderr}\n${online.stderr}`);
}

/** Runs a command in the consumer project; its stdout, or an error with its stderr. */
function run(command: string, args: string[], input?: string): string {
  const result = spawnSync(command, args, { cwd: consumer, encoding: 'utf8', ...(input === undefined ? {} : { input }) });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

beforeAll(() => {
  if (!existsSync(path.join(repo, 'dist', 'index.js'))) throw new Error('dist/index.js is missing: run `npm run build` first (npm test does)');
  work = mkdtempSync(path.join(tmpdir(), 'annotate-package-'));
  // The suite has just built dist/: packing need not build again.
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: repo, encoding: 'utf8' })) as Packed[];
  packed = pack!.files.map((f) => f.path).sort();
  consumer = path.join(work, 'consumer');
  mkdirSync(consumer);
  const dependencies = { annotate: `file:${path.join(work, pack!.filename)}` };
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }));
  writeFileSync(path.join(consumer, 'package-lock.json'), JSON.stringify(consumerLock(dependencies)));
  install(consumer);
  for (const file of examples) copyFileSync(path.join(repo, 'examples', file), path.join(consumer, file));
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds the program, its vocabulary, models and schemas, and nothing else of the repository', () => {
    const shipped = (dir: string): string[] => readdirSync(path.join(repo, dir)).map((name) => `${dir}/${name}`);
    const needed = [
      'package.json',
      'README.md',
      'bin/annotate.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'dist/lexicon/lexicons.json',
      'dist/page-script/corpus/page/report-page.js',
      ...shipped('lexicons'),
      ...shipped('models'),
      ...shipped('schema'),
    ];
    expect(packed).toEqual(expect.arrayContaining(needed));
    const outside = packed.filter((p) => !/^(bin|dist|lexicons|models|schema)\//.test(p) && !['package.json', 'README.md'].includes(p));
    expect(outside).toEqual([]);
    // No sources, tests, caches, or the tools that read gold sets (eval, bench, train need the repository).
    expect(packed.filter((p) => /\.test\.|\.annotate-cache|^dist\/(eval|bench|train)\/|(?<!\.d)\.ts$/.test(p))).toEqual([]);
  });

  it('is imported by its name: the library, its package.json and its schemas, nothing deeper', () => {
    const require = createRequire(path.join(consumer, 'index.js'));
    expect(require.resolve('annotate')).toBe(path.join(consumer, 'node_modules', 'annotate', 'dist', 'index.js'));
    expect(require.resolve('annotate/package.json')).toBe(path.join(consumer, 'node_modules', 'annotate', 'package.json'));
    expect(require.resolve('annotate/schema/annotation.schema.json')).toMatch(/node_modules\/annotate\/schema\/annotation\.schema\.json$/);
    expect(() => require.resolve('annotate/dist/cli/main.js')).toThrow(/not defined by "exports"/);
  });

  it('runs the README example: actors, places and events with offsets that slice the text', () => {
    const stdout = run('node', ['library.mjs']);
    // The README shows this very output after the example.
    expect(readFileSync(path.join(repo, 'README.md'), 'utf8')).toContain(`\n\`\`\`\n${stdout}\`\`\`\n`);
    const lines = stdout.split('\n');
    // Behind the two flags are four code points (eight UTF-16 units): sliced by code points, the words come out whole.
    expect(lines).toContain('articles/tehran-talks.txt (169 characters)');
    expect(lines).toContain('  actor Pakistan (country, PAK): Pakistan');
    expect(lines).toContain('  actor India (country, IND): India');
    expect(lines).toContain('  place Tehran (city in IRN): Tehran');
    // "on Monday" resolved against the article's date (Wednesday 8 May 2024), once per direction of the meeting.
    expect(lines).toContain('  event 040 CONSULT "met": pakistan-prime-minister → iranian-officials in tehran on 2024-05-06');
    expect(lines).toContain('  stance India opposes "the visit"');
    expect(lines).toContain('  claim by analysts (hedged): "the talks could reshape regional alliances"');
    expect(lines).toContain('  event 173 COERCE "detained": police-in-lagos → protesters in lagos on 2024-05-07');
  }, 60_000);

  it('type-checks the TypeScript example against the shipped types, and runs it', () => {
    const compilerOptions = { target: 'ES2022', module: 'NodeNext', strict: true, skipLibCheck: false, types: [], outDir: 'out' };
    writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['library.ts'] }));
    run('node', [path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
    const [event, lexicon] = run('node', ['out/library.js']).trim().split('\n');
    // The user's actor, from the vocabulary option, coded the event; Friday is the 10th.
    expect(event).toBe('174 COERCE "expelled" → pakistani-diplomats on 2024-05-10');
    // model: false → rules alone: the lexicons' hash and the vocabulary's, with no models' hash between them.
    expect(lexicon).toMatch(/^[0-9a-f]{12}\+[0-9a-f]{12}$/);
  }, 60_000);

  it('gives the command: an article on stdin becomes its annotation', () => {
    const json = run(path.join('node_modules', '.bin', 'annotate'), ['-', '--stdout', '--format', 'json'], 'France condemned the attack on Kyiv.');
    const [annotation] = JSON.parse(json) as { events: { code: string; source: string[] }[] }[];
    expect(annotation!.events).toContainEqual(expect.objectContaining({ code: '111', source: ['france'] }));
  }, 60_000);
});

describe('the README', () => {
  it('shows the library examples exactly as the files the test runs', () => {
    const blocks = [...readFileSync(path.join(repo, 'README.md'), 'utf8').matchAll(/^```(?:js|ts)\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
    for (const file of examples) expect(blocks).toContain(readFileSync(path.join(repo, 'examples', file), 'utf8'));
  });
});
