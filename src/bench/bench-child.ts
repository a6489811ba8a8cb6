// One side of `npm run bench`, run by it in a process of its own, so that the peak RSS is this side's alone and no
// side is warmed up by another. Only the code the side needs is loaded (imported here, after the clock starts):
//
//   node dist/bench/bench-child.js <result.json> compromise <files.json>   bare compromise on each file of the list
//   node dist/bench/bench-child.js <result.json> annotate <argv…>          the annotate CLI's main(argv), in-process
//   node dist/bench/bench-child.js <result.json> setup                     createAnnotator(): the lexicons, the index,
//                                                                           compromise and its plugin, the vocabularies
//
// It writes its figures as one JSON line (a ChildResult) to <result.json>; everything else goes to stderr.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface ChildResult {
  /** The annotate CLI's exit code (0 for compromise). */
  exitCode: number;
  /** Importing the side's code. */
  loadSeconds: number;
  /** The timed work: main(argv) for annotate; reading and parsing every file for compromise. */
  seconds: number;
  maxRssMB: number;
  /** Files parsed (compromise) or annotation files in the output directory (annotate). */
  files: number;
}

async function runCompromise(listFile: string): Promise<Omit<ChildResult, 'maxRssMB'>> {
  const paths = JSON.parse(readFileSync(listFile, 'utf8')) as string[];
  const start = performance.now();
  const { compromiseBare } = await import('../eval/compromise-baseline.js');
  const loaded = performance.now();
  let found = 0;
  for (const path of paths) found += compromiseBare(readFileSync(path, 'utf8'));
  const end = performance.now();
  // Uses the result, so the parsing cannot be optimised away.
  if (found < 0) process.stderr.write('unreachable\n');
  return { exitCode: 0, loadSeconds: (loaded - start) / 1000, seconds: (end - loaded) / 1000, files: paths.length };
}

async function runAnnotate(argv: string[]): Promise<Omit<ChildResult, 'maxRssMB'>> {
  const start = performance.now();
  const { main } = await import('../cli/main.js');
  const loaded = performance.now();
  const exitCode = await main(argv, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() });
  const end = performance.now();
  return { exitCode, loadSeconds: (loaded - start) / 1000, seconds: (end - loaded) / 1000, files: countFiles(outDirOf(argv)) };
}

/** The -o directory of an annotate argv; the bench always gives one. */
function outDirOf(argv: string[]): string | null {
  const at = argv.findIndex((a) => a === '-o' || a === '--out-dir');
  return at === -1 ? null : (argv[at + 1] ?? null);
}

function countFiles(dir: string | null): number {
  if (dir === null) return 0;
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
  } catch {
    return 0; // nothing written
  }
}

async function runSetup(): Promise<Omit<ChildResult, 'maxRssMB'>> {
  const start = performance.now();
  const { createAnnotator } = await import('../annotate-text.js');
  const loaded = performance.now();
  const annotator = createAnnotator();
  const end = performance.now();
  if (annotator.lexicon.hash === '') process.stderr.write('unreachable\n');
  return { exitCode: 0, loadSeconds: (loaded - start) / 1000, seconds: (end - loaded) / 1000, files: 0 };
}

const [resultFile, side, ...rest] = process.argv.slice(2);
if (resultFile === undefined || (side !== 'compromise' && side !== 'annotate' && side !== 'setup') || (side === 'compromise' && rest[0] === undefined)) {
  process.stderr.write('usage: bench-child <result.json> compromise <files.json> | bench-child <result.json> annotate <argv…> | bench-child <result.json> setup\n');
  process.exitCode = 2;
} else {
  const result = side === 'compromise' ? await runCompromise(rest[0]!) : side === 'setup' ? await runSetup() : await runAnnotate(rest);
  // maxRSS is in kilobytes, and covers the worker threads of --jobs, which live in this process.
  const figures: ChildResult = { ...result, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  writeFileSync(resultFile, JSON.stringify(figures) + '\n');
  process.exitCode = result.exitCode;
}
