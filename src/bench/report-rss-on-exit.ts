// Preloaded (`node --import`) into the single-article side's `node bin/annotate.js …`, which the bench runs as a
// user would rather than through bench-child: on exit it writes the process's peak RSS in MB to the file named by
// ANNOTATE_BENCH_RSS_FILE. Loading it costs a file read, far below the run's own start-up.
import { writeFileSync } from 'node:fs';

const file = process.env.ANNOTATE_BENCH_RSS_FILE;
if (file !== undefined && file !== '') {
  process.on('exit', () => writeFileSync(file, `${process.resourceUsage().maxRSS / 1024}\n`));
}
