// `annotate export --table <kind> [annotations…]`: the annotations as one flat table (CSV or TSV) for pandas, R,
// DuckDB and spreadsheets. The work is app/run-export.ts; this file only declares the options.
import { Option } from 'commander';
import type { Command } from 'commander';
import { TABLE_NAMES } from '../export/tables.js';
import type { TableName } from '../export/tables.js';
import { TABLE_FORMATS } from '../export/csv.js';
import type { TableFormat } from '../export/csv.js';
import type { CliIO } from './main.js';
import { annotationInputs } from './read-config.js';

interface ExportFlags {
  table?: TableName;
  format?: TableFormat;
  output?: string;
  columns?: boolean;
  config?: string;
  quiet?: boolean;
}

export function exportCommand(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program.enablePositionalOptions();
  program
    .command('export')
    .description('flat tables for pandas, R, DuckDB and spreadsheets: one row per event, actor, mention, place, stance or claim')
    .argument('[annotations...]', "annotation files (.yaml, .json, .ndjson) or directories of them, or '-' for stdin (default: the config's outDir, else annotations/)")
    .addOption(new Option('--table <kind>', 'which table').choices(TABLE_NAMES))
    .addOption(new Option('--format <format>', 'csv (RFC 4180) or tsv (default: tsv for an -o file ending .tsv, else csv)').choices(TABLE_FORMATS))
    .option('-o, --output <file>', 'write the table to this file (whole, or not at all) instead of stdout')
    .option('--columns', "print the table's columns, their types and meaning, and exit")
    .option('--config <file>', 'where the default annotations directory comes from (default: the first annotate.config.yaml upward from here)')
    .option('-q, --quiet', 'only errors: no warnings, no "wrote" line')
    .action(async (inputs: string[], flags: ExportFlags) => {
      if (flags.table === undefined) {
        io.stderr.write(`error: --table is required: one of ${TABLE_NAMES.join(', ')} (run annotate export --help for usage)\n`);
        setExit(2);
        return;
      }
      const { formatColumns, runExport } = await import('../app/run-export.js');
      if (flags.columns) {
        io.stdout.write(formatColumns(flags.table));
        return;
      }
      // Where annotate writes by default is where this reads by default.
      const found = annotationInputs(inputs, flags.config, io.cwd);
      if (!found.ok) {
        io.stderr.write(found.message + '\n');
        setExit(2);
        return;
      }
      const format = flags.format ?? (flags.output?.toLowerCase().endsWith('.tsv') ? 'tsv' : 'csv');
      setExit(await runExport({ inputs: found.inputs, table: flags.table, format, ...(flags.output === undefined ? {} : { out: flags.output }), quiet: flags.quiet === true }, io));
    });
}
