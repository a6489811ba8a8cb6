// The command line: parses argv with commander, merges the config file's settings under the flags, builds the
// reporters and maps a run to an exit code. Only bin/ touches the process (exit code, signals).
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { DEFAULT_MAX_FILE_MB, EXIT_ERROR, runAnnotate } from '../app/run-annotate.js';
import type { Shard } from '../app/run-annotate.js';
import type { RunMode } from '../app/report/reporter.js';
import { combineReporters } from '../app/report/reporter.js';
import type { Reporter, Verbosity } from '../app/report/reporter.js';
import { colorLevel, createStylishReporter } from '../app/report/stylish.js';
import { createJsonReporter } from '../app/report/json.js';
import { createGithubReporter } from '../app/report/github.js';
import { createSarifReporter } from '../app/report/sarif.js';
import { createStatusLine, wantsProgress } from '../app/report/status-line.js';
import { OUTPUT_FORMATS } from '../serialize/serialize.js';
import type { OutputFormat } from '../serialize/serialize.js';
import { annotationSchema } from '../model/annotation.js';
import { VERSION } from '../version.js';
import type { Annotator } from '../annotate-text.js';
import type { IgnorePattern } from '../discover/find-inputs.js';
import { defaultOutDir, readConfig } from './read-config.js';
import { configSchema } from '../config/config-schema.js';
import { parseDate } from './parse-options.js';
import { explainCommand } from './command-explain.js';
import { reportCommand } from './command-report.js';
import { exportCommand } from './command-export.js';

export interface CliIO {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted on Ctrl-C (bin/ wires SIGINT to it): the run stops between files. */
  signal?: AbortSignal;
  /** Injected by tests to share one loaded vocabulary. */
  annotator?: Annotator;
}

export const REPORTERS = ['stylish', 'json', 'github', 'sarif'] as const;
type ReporterName = (typeof REPORTERS)[number];

interface AnnotateFlags {
  outDir?: string;
  stdout?: boolean;
  check?: boolean;
  format?: OutputFormat;
  reporter?: ReporterName[];
  date?: string;
  config?: string;
  ignore?: string[];
  stdinPath?: string;
  maxFileSize: number;
  jobs: number | 'auto';
  /** false with --no-model. */
  model: boolean;
  cache?: boolean;
  cacheLocation: string;
  shard?: Shard;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
  color?: boolean;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const program = new Command('annotate')
    .description('Annotate news articles with the actors, places, events, stances and claims they mention, backed by exact character offsets.')
    .version(VERSION, '-V, --version')
    .argument('[inputs...]', "files, directories (recursively *.txt, *.md), globs, or '-' for stdin (default: the config's inputs)")
    .option('-o, --out-dir <dir>', 'where annotation files go, mirroring paths relative to each input root (default: annotations)')
    .option('--stdout', 'write documents to stdout instead of files, each as soon as it is done, in input order')
    .option('--check', 'write no annotation file; exit 1 when an annotation file is missing, stale or orphaned')
    .addOption(new Option('--format <format>', 'output format (default: yaml)').choices(OUTPUT_FORMATS))
    .option('--reporter <name>', `${REPORTERS.join(' | ')}: stylish on stderr; json, github and sarif (code scanning) on stdout (stderr with --stdout); repeatable`, collectReporter)
    .option('--date <iso>', 'anchor date (YYYY-MM-DD) for articles without one', parseDate)
    .option('--config <file>', 'the config file (default: the first annotate.config.yaml upward from here)')
    .option('--ignore <glob>', 'leave matching files out of directories and globs; repeatable', collect<string>)
    .option('--stdin-path <path>', "the name of the article read from '-': its source.path and output file")
    .option('--max-file-size <MB>', 'skip larger articles with a message', parseMegabytes, DEFAULT_MAX_FILE_MB)
    .option('-j, --jobs <n|auto>', 'worker threads: auto (none for small runs, else one per core) or a number; 1 = none', parseJobs, 'auto' as const)
    .option('--no-model', 'rules alone: leave out the learned models (trained on research-use gold sets; see the README)')
    .option('--cache', 'reuse finished annotations of unchanged articles (default for file output and --check)')
    .option('--no-cache', 'annotate every article afresh')
    .option('--cache-location <dir>', 'where the cache lives', '.annotate-cache')
    .option('--shard <k/n>', 'only the k-th of n deterministic shards of the inputs (for CI matrices, GNU parallel, …)', parseShard)
    .option('-q, --quiet', 'only errors and check problems: no summary, no progress bar')
    .option('--verbose', 'a line per file, and what changed in each stale file')
    .option('--debug', 'like --verbose, with timings and the vocabulary in use')
    .option('--no-color', 'no colour on stderr (also NO_COLOR=1)')
    .showHelpAfterError('(run annotate --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .action(async (inputs: string[], flags: AnnotateFlags) => {
      exitCode = await annotateCommand(inputs, flags, io);
    });

  program
    .command('schema')
    .description('print a JSON Schema: of the annotation file (default) or of annotate.config.yaml')
    .addArgument(new Argument('[of]', 'which schema').choices(['annotation', 'config']).default('annotation'))
    .action((of: 'annotation' | 'config') => {
      io.stdout.write(JSON.stringify(of === 'config' ? configSchema : annotationSchema, null, 2) + '\n');
    });

  explainCommand(program, io, (code) => (exitCode = code));
  reportCommand(program, io, (code) => (exitCode = code));
  exportCommand(program, io, (code) => (exitCode = code));

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

async function annotateCommand(inputs: string[], flags: AnnotateFlags, io: CliIO): Promise<number> {
  const usage = (message: string): number => {
    io.stderr.write(`error: ${message} (run annotate --help for usage)\n`);
    return EXIT_ERROR;
  };
  if (flags.check && flags.stdout) return usage('--check compares files on disk; it cannot be combined with --stdout');
  if (flags.quiet && (flags.verbose || flags.debug)) return usage('--quiet cannot be combined with --verbose or --debug');
  if (flags.stdinPath !== undefined && !inputs.includes('-')) return usage("--stdin-path names the article read from '-', which is not among the inputs");
  const mode: RunMode = flags.check ? 'check' : flags.stdout ? 'stdout' : 'write';
  const reporterNames = [...new Set(flags.reporter ?? ['stylish'])];
  const onStdout = mode === 'stdout' ? [] : reporterNames.filter((r) => r !== 'stylish');
  if (onStdout.length > 1) return usage(`--reporter ${onStdout.join(' and ')} would both write to stdout; pick one`);

  // A bad config stops the run before any article is read: its vocabulary would change every output.
  const config = readConfig(flags.config, io.cwd);
  if (!config.ok) {
    io.stderr.write(config.message + '\n');
    return EXIT_ERROR;
  }
  const { settings, dir } = config.value;
  const fromConfig = (p: string): string => path.resolve(dir ?? io.cwd, p);
  const given = inputs.length > 0 ? inputs : (settings.inputs ?? []).map((p) => path.relative(io.cwd, fromConfig(p)).split(path.sep).join('/') || '.');
  if (given.length === 0) return usage("no inputs: give files, directories, globs or '-', or list inputs in annotate.config.yaml");
  const ignore: IgnorePattern[] = [
    ...(settings.ignore ?? []).map((pattern) => ({ pattern, base: dir ?? io.cwd })),
    ...(flags.ignore ?? []).map((pattern) => ({ pattern, base: io.cwd })),
  ];

  const verbosity: Verbosity = flags.quiet ? 'quiet' : flags.debug ? 'debug' : flags.verbose ? 'verbose' : 'normal';
  const line = createStatusLine(io.stderr, { enabled: wantsProgress(io.stderr, io.env, verbosity === 'quiet') });
  const reporters: Reporter[] = reporterNames.map((name) => {
    const machineStream = mode === 'stdout' ? io.stderr : io.stdout;
    if (name === 'json') return createJsonReporter(machineStream);
    if (name === 'github') return createGithubReporter(machineStream);
    if (name === 'sarif') return createSarifReporter(machineStream);
    return createStylishReporter({ line, verbosity, color: colorLevel(io.stderr, io.env, flags.color) });
  });
  const reporter = combineReporters(reporters);
  if (config.value.file !== null) reporter.debug?.(`config ${config.value.file}`);

  return runAnnotate({
    inputs: given,
    cwd: io.cwd,
    outDir: flags.outDir ?? defaultOutDir(config.value, io.cwd),
    mode,
    format: flags.format ?? settings.format ?? 'yaml',
    date: flags.date ?? settings.date ?? null,
    ignore,
    ...(flags.stdinPath === undefined ? {} : { stdinPath: flags.stdinPath }),
    maxFileBytes: flags.maxFileSize * 1024 * 1024,
    jobs: flags.jobs,
    // On by default where files are written or checked; for --stdout only when asked.
    cacheDir: (flags.cache ?? mode !== 'stdout') ? flags.cacheLocation : null,
    ...(flags.shard ? { shard: flags.shard } : {}),
    io,
    reporter,
    ...(io.signal ? { signal: io.signal } : {}),
    vocabulary: config.value.vocabulary,
    vocabularyHash: config.value.hash,
    // --no-model wins over the config; the config's `model: false` over the default.
    model: flags.model !== false && settings.model !== false,
    ...(io.annotator ? { annotator: io.annotator } : {}),
  });
}

function collect<T extends string>(value: string, previous: T[] | undefined): T[] {
  return [...(previous ?? []), value as T];
}

function collectReporter(value: string, previous: ReporterName[] | undefined): ReporterName[] {
  const name = REPORTERS.find((r) => r === value);
  if (name === undefined) throw new InvalidArgumentError(`expected one of ${REPORTERS.join(', ')}`);
  return [...(previous ?? []), name];
}

function parseJobs(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected 'auto' or a whole number of at least 1");
  return n;
}

function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || count < 1 || index < 1 || index > count) throw new InvalidArgumentError('expected k/n with 1 ≤ k ≤ n, such as 2/4');
  return { index, count };
}

function parseMegabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of megabytes, such as 64');
  return n;
}
