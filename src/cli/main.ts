// The command line: parses argv with commander and maps a run to an exit code. Only bin/ touches process.exitCode.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Readable, Writable } from 'node:stream';
import { EXIT_ERROR, runAnnotate } from '../app/run-annotate.js';
import { colorLevel, createStylishReporter } from '../app/reporter.js';
import { OUTPUT_FORMATS } from '../serialize/serialize.js';
import type { OutputFormat } from '../serialize/serialize.js';
import { annotationSchema } from '../model/annotation.js';
import { VERSION } from '../annotate-text.js';
import type { Annotator } from '../annotate-text.js';
import { readConfig } from './read-config.js';

export interface CliIO {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Injected by tests to share one loaded vocabulary. */
  annotator?: Annotator;
}

interface AnnotateFlags {
  outDir: string;
  stdout?: boolean;
  format: OutputFormat;
  date?: string;
  config?: string;
  quiet?: boolean;
  color?: boolean;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const program = new Command('annotate')
    .description('Annotate news articles with the actors and places they mention, backed by exact character offsets.')
    .version(VERSION, '-V, --version')
    .argument('[inputs...]', "files, directories (recursively *.txt, *.md), globs, or '-' for stdin")
    .option('-o, --out-dir <dir>', 'where annotation files go, mirroring paths relative to each input root', 'annotations')
    .option('--stdout', 'write documents to stdout instead of files')
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('yaml'))
    .option('--date <iso>', 'anchor date (YYYY-MM-DD) for articles without one', parseDate)
    .option('--config <file>', 'vocabulary to add (default: the first annotate.config.yaml upward from here)')
    .option('-q, --quiet', 'no summary line')
    .option('--no-color', 'no colour on stderr')
    .showHelpAfterError('(run annotate --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .action(async (inputs: string[], flags: AnnotateFlags) => {
      if (inputs.length === 0) {
        io.stderr.write("error: no inputs: give files, directories, globs or '-' (run annotate --help for usage)\n");
        exitCode = EXIT_ERROR;
        return;
      }
      // A bad config stops the run before any article is read: its vocabulary would change every output.
      const config = readConfig(flags.config, io.cwd);
      if (!config.ok) {
        io.stderr.write(config.message + '\n');
        exitCode = EXIT_ERROR;
        return;
      }
      const reporter = createStylishReporter({ stderr: io.stderr, quiet: flags.quiet === true, color: colorLevel(io.stderr, io.env, flags.color) });
      exitCode = await runAnnotate({
        inputs,
        cwd: io.cwd,
        outDir: flags.outDir,
        stdout: flags.stdout === true,
        format: flags.format,
        date: flags.date ?? null,
        io,
        reporter,
        config: config.value,
        ...(io.annotator ? { annotator: io.annotator } : {}),
      });
    });

  program
    .command('schema')
    .description('print the JSON Schema of the annotation file')
    .action(() => {
      io.stdout.write(JSON.stringify(annotationSchema, null, 2) + '\n');
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; every usage error is exit 2.
      return error.exitCode === 0 ? 0 : EXIT_ERROR;
    }
    io.stderr.write(`annotate crashed: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_ERROR;
  }
  return exitCode;
}

function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('expected an ISO date such as 2024-05-02');
  }
  return value;
}
