// The reporter for GitHub Actions: workflow commands (`::error file=…::…`) that the runner turns into annotations
// on the pull request's files. Only problems are reported; a clean run prints nothing.
import type { Writable } from 'node:stream';
import type { Reporter } from './reporter.js';

export function createGithubReporter(stream: Writable): Reporter {
  const command = (kind: 'error' | 'warning', file: string | null, title: string, message: string): void => {
    const props = [...(file === null ? [] : [`file=${escapeProperty(file)}`]), `title=${escapeProperty(title)}`].join(',');
    stream.write(`::${kind} ${props}::${escapeData(message)}\n`);
  };
  return {
    file(r) {
      if (r.status === 'failed') command('error', r.path, 'annotate: file skipped', r.reason ?? 'failed');
      // Missing and stale point at the article (the file the pull request touched); an orphan at its annotation.
      if (r.status === 'missing' || r.status === 'stale') command('error', r.path, `annotation ${r.status}`, `${r.output}: ${r.reason ?? ''}. Run annotate on this file and commit the result.`);
      if (r.status === 'orphaned') command('error', r.output, 'annotation orphaned', `${r.reason ?? ''}. Delete ${r.output}.`);
    },
    problem(input, reason, severity) {
      command(severity, input, severity === 'error' ? 'annotate: input error' : 'annotate', reason);
    },
    end() {},
  };
}

/** The runner's escaping for a command's message. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** And for a property value, where ':' and ',' separate fields. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
