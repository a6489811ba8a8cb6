#!/usr/bin/env node
// The annotate command. All work happens in dist/cli/main.js; this file only binds it to the real process.
import { main } from '../dist/cli/main.js';

// A closed pipe (`annotate … | head -1`) is a normal way for a reader to stop: end quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
