// Finds and reads the config file for a command: --config as given, else the first annotate.config.yaml upward from
// the working directory. Shared by every command that annotates (annotate, explain) or reads annotations (report,
// export).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, EMPTY_CONFIG, findConfigFile, loadConfig } from '../config/load-config.js';
import type { Config } from '../config/load-config.js';
import { loadEventCodesSync } from '../lexicon/load-lexicons.js';

export type ReadConfigResult = { ok: true; value: Config } | { ok: false; message: string };

/** --config as given, else the first annotate.config.yaml upward from cwd (named relative to cwd in errors). */
export function readConfig(given: string | undefined, cwd: string): ReadConfigResult {
  if (given !== undefined && !existsSync(path.resolve(cwd, given))) return { ok: false, message: `error: --config ${given}: no such file` };
  const found = given === undefined ? findConfigFile(cwd) : null;
  const file = given ?? (found === null ? null : path.relative(cwd, found).split(path.sep).join('/'));
  if (file === null) return { ok: true, value: EMPTY_CONFIG };
  try {
    return { ok: true, value: loadConfig(file, { cwd, knownEventCodes: loadEventCodesSync() }) };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, message: `annotate: ${error.message}` };
    throw error;
  }
}

/** Where annotation files go without --out-dir, and so where report reads by default: the config's outDir
 *  (relative to the config file), else annotations/. */
export function defaultOutDir(config: Config, cwd: string): string {
  return config.settings.outDir !== undefined ? path.resolve(config.dir ?? cwd, config.settings.outDir) : 'annotations';
}

/** The inputs of a command that reads annotations (report, export): as given, else where annotate writes by default
 *  (the config's outDir, else annotations/), relative to cwd. */
export function annotationInputs(given: string[], configFile: string | undefined, cwd: string): { ok: true; inputs: string[] } | { ok: false; message: string } {
  if (given.length > 0) return { ok: true, inputs: given };
  const config = readConfig(configFile, cwd);
  if (!config.ok) return config;
  return { ok: true, inputs: [path.relative(cwd, path.resolve(cwd, defaultOutDir(config.value, cwd))) || '.'] };
}
