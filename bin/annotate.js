#!/usr/bin/env node
// The annotate command. All work happens in dist/cli/main.js; this file only binds it to the real process: streams,
// environment, exit code and signals.
import { main } from '../dist/cli/main.js';
import { removeTemporaryFilesSync } from '../dist/app/write-atomic.js';

// A closed pipe (`annotate … | head -1`) is a normal way for a reader to stop. The run sees the failed write and ends
// quietly; without a listener the error would be thrown as a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

// Ctrl-C: the first stops the run between files (every file written is complete); a second one exits at once,
// removing any temporary file of a write in flight.
const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  process.once('SIGINT', () => {
    removeTemporaryFilesSync();
    process.exit(130);
  });
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
});
