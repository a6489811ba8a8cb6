// The command line of `npm run bench`: what it measures and on which files. Pure (the working directory is passed in),
// so the parsing is tested without running a bench.
import { resolve } from 'node:path';
import { UsageError, parseToolArgs, positiveInteger } from '../eval/tool-args.js';

export const USAGE = `usage: npm run bench -- [options]

Runs each side in a process of its own on the same files and prints words/s, the ratios, peak RSS and the targets
of "Speed and scale": bare compromise (nlp + people/places/organizations); annotate with --jobs 1 and with
--jobs auto (--no-cache); a cold then a warm --cache run; one small article through bin/annotate.js, 5 times.

  --corpus <dir>    directory of articles, *.txt searched recursively (default ../shared/corpus/bbc)
  --limit <n>       use only the first n files (sorted by path), for a quick run; the targets are set for the
                    whole corpus
  --article <file>  the small article for the single-article side (default seeds/000_2cd020d2d7a82209.txt)
  --scale <k>       also run annotate --jobs auto on the files listed k times (k ≥ 2, e.g. 10) and check that peak
                    RSS stays flat; takes about k times as long as the --jobs auto side
  --json            print the whole result as JSON on stdout
  -h, --help        show this help`;

export interface BenchOptions {
  /** Absolute directory of the articles. */
  corpus: string;
  limit: number | null;
  /** Absolute path of the single-article side's input. */
  article: string;
  /** How many times the files are listed for the scale side; null when it is not run. */
  scale: number | null;
  json: boolean;
}

export const DEFAULT_CORPUS = '../shared/corpus/bbc';
export const DEFAULT_ARTICLE = 'seeds/000_2cd020d2d7a82209.txt';

export function parseBenchArgs(argv: string[], cwd: string): BenchOptions | 'help' {
  const values = parseToolArgs(argv, {
    corpus: { type: 'string' },
    limit: { type: 'string' },
    article: { type: 'string' },
    scale: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (values.help) return 'help';
  const scale = positiveInteger('scale', values.scale);
  // One copy is the --jobs auto side already: a scale of 1 would measure it twice and check nothing.
  if (scale === 1) throw new UsageError('--scale expects at least 2 (the corpus listed k times), got "1"');
  return {
    corpus: resolve(cwd, values.corpus ?? DEFAULT_CORPUS),
    limit: positiveInteger('limit', values.limit),
    article: resolve(cwd, values.article ?? DEFAULT_ARTICLE),
    scale,
    json: values.json ?? false,
  };
}
