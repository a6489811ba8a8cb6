// Starts a Node process for one bench side and times it from spawn to exit, as a user waits for it. Its stdout is
// discarded (the figures come back in a file); its stderr is kept to show when the side fails.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface TimedProcess {
  /** The exit code, or null when a signal ended the process. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Wall time from spawn to exit. */
  seconds: number;
  /** The start of its stderr (enough for any error message, bounded for a run that logs a line per file). */
  stderr: string;
}

const STDERR_KEPT = 20_000;

export function spawnTimed(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<TimedProcess> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < STDERR_KEPT) stderr += chunk.slice(0, STDERR_KEPT - stderr.length);
    });
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      resolvePromise({ exitCode, signal, seconds: (performance.now() - start) / 1000, stderr });
    });
  });
}
