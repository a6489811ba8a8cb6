// `annotate report <annotations…>`: the corpus at a glance. With --html, one self-contained HTML file (highlighted
// articles, actor table and network, event timeline, stance matrix); without it, aligned tables on stdout (or JSON).
// The work is app/run-report.ts; this file only declares the options.
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import type { ReportOptions } from '../app/run-report.js';
import { colorLevel } from '../app/report/stylish.js';
import { SUMMARY_FORMATS } from '../corpus/format-summary.js';
import type { CliIO } from './main.js';
import { annotationInputs } from './read-config.js';

/** The options as commander gives them: the run's, plus where the default input comes from and --no-color. */
type ReportFlags = Omit<ReportOptions, 'inputs' | 'color'> & { config?: string; color?: boolean };

export function reportCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program.enablePositionalOptions();
  program
    .command('report')
    .description('the corpus at a glance: top actors, places, event categories and stances, or with --html a report to browse')
    .argument('[annotations...]', "annotation files (.yaml, .json, .ndjson) or directories of them, or '-' for stdin (default: the config's outDir, else annotations/)")
    .option('--config <file>', 'where the default annotations directory comes from (default: the first annotate.config.yaml upward from here)')
    .option('--html <file>', 'write one self-contained HTML report (no network needed) instead of printing tables')
    .addOption(new Option('--format <format>', 'the printed summary: aligned tables or JSON').choices(SUMMARY_FORMATS).default('text'))
    .option('--top <n|all>', 'rows per printed table', parseTop, 10)
    .option('--root <dir>', 'the directory the annotations\' source.path is relative to (default: here)')
    .option('--title <text>', 'the HTML report\'s title')
    .option('-q, --quiet', 'only errors: no notices, no "wrote" line')
    .option('--no-color', 'no colour (also NO_COLOR=1)')
    .action(async (inputs: string[], flags: ReportFlags) => {
      if (flags.html !== undefined && flags.format !== 'text') {
        io.stderr.write('error: --format chooses the printed summary; it cannot be combined with --html (run annotate report --help for usage)\n');
        setExit(2);
        return;
      }
      // Where annotate writes by default is where this reads by default.
      const found = annotationInputs(inputs, flags.config, io.cwd);
      if (!found.ok) {
        io.stderr.write(found.message + '\n');
        setExit(2);
        return;
      }
      // Loaded here, not at the top: annotate's own runs never pay for the report's modules (d3-force among them).
      const { runReport } = await import('../app/run-report.js');
      const code = await runReport({ ...flags, inputs: found.inputs, color: colorLevel(io.stdout, io.env, flags.color) }, io);
      setExit(code);
    });
}

function parseTop(value: string): number {
  if (value === 'all') return Infinity;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of rows (1 or more) or "all"');
  return n;
}
