// annotate's version and the pinned versions of compromise it is built on, read from package.json without loading
// compromise (the CLI needs them for --version and the cache key before it knows whether it will annotate at all).
import { readFileSync } from 'node:fs';

interface PackageJson {
  version: string;
  dependencies: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as PackageJson;

export const VERSION: string = pkg.version;

/** compromise and compromise-dates as pinned (exact versions: a range would let the output change under a cache). */
export const NLP_VERSIONS = `compromise@${pkg.dependencies.compromise}+compromise-dates@${pkg.dependencies['compromise-dates']}`;
