// `annotate explain <file>`: annotates one article and prints why each item was made, the rule and the lexicon or
// config entry behind it, for people who tune the dictionaries (text) or for tools (json). runExplain does the work
// so that it can be run without the rest of the command line; the formatting is app/format-explanation.ts.
import path from 'node:path';
import type { Writable } from 'node:stream';
import { Option } from 'commander';
import type { Command } from 'commander';
import { EXPLAIN_FORMATS, formatExplanation } from '../app/format-explanation.js';
import type { ExplainFormat } from '../app/format-explanation.js';
import { EXIT_ERROR, EXIT_OK } from '../app/run-annotate.js';
import { readArticle } from '../app/read-article.js';
import { parseDate } from './parse-options.js';
import type { CliIO } from './main.js';
import { readConfig } from './read-config.js';

export interface ExplainFlags {
  format: ExplainFormat;
  /** The config file; by default the first annotate.config.yaml upward from the working directory. */
  config?: string;
  /** Anchor date (YYYY-MM-DD) when the article's front matter has none. */
  date?: string;
  /** false with --no-model: rules alone. */
  model?: boolean;
}

export type ExplainIO = Pick<CliIO, 'stdout' | 'stderr' | 'stdin' | 'cwd' | 'annotator'>;

/** Registers `explain <file>` on the program. Its --format and --config are its own, so the program's options
 *  become positional: they are read before a subcommand's name, a subcommand's after it. */
export function explainCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program.enablePositionalOptions();
  program
    .command('explain')
    .description('show why each annotation was made: the rule and the lexicon or config entry behind every item')
    .argument('<file>', "an article (*.txt, or *.md with front matter), or '-' for stdin")
    .addOption(new Option('--format <format>', 'output format').choices(EXPLAIN_FORMATS).default('text'))
    .option('--config <file>', 'vocabulary to add (default: the first annotate.config.yaml upward from here)')
    .option('--date <iso>', 'anchor date (YYYY-MM-DD) when the article has none', parseDate)
    .option('--no-model', 'rules alone: leave out the learned models')
    .action(async (file: string, flags: ExplainFlags) => {
      setExit(await runExplain(file, flags, io));
    });
}

/** Explains one article on io.stdout; a config, file or front matter it cannot read is one line on io.stderr and
 *  exit 2. */
export async function runExplain(file: string, flags: ExplainFlags, io: ExplainIO): Promise<number> {
  // The same config as `annotate` would use: its vocabulary changes what is made, and why.
  const config = readConfig(flags.config, io.cwd);
  if (!config.ok) {
    io.stderr.write(config.message + '\n');
    return EXIT_ERROR;
  }
  const article = await readArticle(file === '-' ? null : path.resolve(io.cwd, file), io.stdin);
  if (!article.ok) {
    io.stderr.write(`error ${file}: ${article.reason}\n`);
    return EXIT_ERROR;
  }
  const { file: vocabularyFile, vocabulary } = config.value;
  // Loaded here, not at the top: `annotate` runs served from the cache never load compromise at all.
  const { ArticleError, createAnnotator } = await import('../annotate-text.js');
  const { NO_MODELS } = await import('../learn/models.js');
  const rulesOnly = flags.model === false || config.value.settings.model === false;
  const annotator = io.annotator ?? createAnnotator({ vocabulary, ...(vocabularyFile === null ? {} : { vocabularyFile }), ...(rulesOnly ? { models: NO_MODELS } : {}) });
  let explanation;
  try {
    explanation = annotator.explain(article.text, { path: displayPath(file, io.cwd), bytes: article.bytes, date: flags.date ?? null });
  } catch (error) {
    if (!(error instanceof ArticleError)) throw error;
    io.stderr.write(`error ${file}: ${error.message}\n`);
    return EXIT_ERROR;
  }
  await write(io.stdout, formatExplanation(explanation, flags.format));
  return EXIT_OK;
}

/** source.path: POSIX, relative to the working directory when the file is below it, '-' for stdin. */
function displayPath(file: string, cwd: string): string {
  if (file === '-') return '-';
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}

/** Writes and waits until the stream has taken the data. */
function write(stream: Writable, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(data, (error) => (error ? reject(error) : resolve()));
  });
}
