// What the eval and bench commands share: their usage errors, integer options and the exit-code wrapper.
/* eslint-disable no-console -- command-line tools: their stderr is where a usage error goes */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';

/** A command-line mistake: reported in one line (with the usage text if asked), exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** The options of a tool's argv (no positionals; -h/--help added), a parse error turned into a UsageError shown
 *  with the usage text. */
type ToolConfig<T> = { args: string[]; strict: true; allowPositionals: false; options: T & typeof HELP };

export function parseToolArgs<const T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T): ReturnType<typeof parseArgs<ToolConfig<T>>>['values'] {
  const config: ToolConfig<T> = {
    args: argv,
    strict: true,
    allowPositionals: false,
    options: { ...options, ...HELP },
  };
  try {
    return parseArgs(config).values;
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
}

/** Parses `--name <n>`: a positive integer (or non-negative with allowZero); undefined stays null. */
export function positiveInteger(name: string, value: string | undefined, allowZero = false): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || (!allowZero && n === 0)) {
    throw new UsageError(`--${name} expects a ${allowZero ? 'non-negative' : 'positive'} integer, got "${value}"`);
  }
  return n;
}

/** Runs a tool's main; a usage error or a crash, thrown or (from an async main) rejected, is reported on stderr and
 *  sets exit code 2. */
export function runTool(name: string, usage: string, main: (argv: string[]) => void | Promise<void>): void {
  const fail = (error: unknown): void => {
    if (error instanceof UsageError) {
      console.error(`${name}: ${error.message}`);
      if (error.showUsage) console.error(usage);
    } else {
      console.error(`${name}: ${(error as Error).stack ?? String(error)}`);
    }
    process.exitCode = 2;
  };
  try {
    const done = main(process.argv.slice(2));
    if (done instanceof Promise) done.catch(fail);
  } catch (error) {
    fail(error);
  }
}
