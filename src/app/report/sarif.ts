// The reporter for code scanning: one SARIF 2.1.0 log at the end of the run, with a result per missing, stale,
// orphaned or unannotatable file and per input problem, each on the file it concerns, so GitHub code scanning (or any
// SARIF viewer) shows them as alerts and closes them once the files are fixed. Written whole at the end, results in a
// fixed order, and nothing in it changes between two runs over the same files (no times, no absolute paths).
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { compareText } from '../../corpus/collect-corpus.js';
import { describeChanges } from '../diff-annotations.js';
import { VERSION } from '../../version.js';
import type { FileReport, Reporter, RunSummary } from './reporter.js';

/** The official JSON Schema of a SARIF 2.1.0 log (OASIS, with errata 01). */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Every uri is relative to this base: the working directory, which in CI is the checkout. */
const SRCROOT = '%SRCROOT%';

/** The key of our fingerprint: bump the version if what it hashes changes, or every alert would reopen. */
const FINGERPRINT = 'annotate/v1';

type RuleKind = 'missing' | 'stale' | 'orphaned' | 'failed' | 'input';

const rule = (kind: RuleKind, name: string, short: string, full: string, help: string): ReportingDescriptor => ({
  id: `annotation/${kind}`,
  name,
  shortDescription: { text: short },
  fullDescription: { text: full },
  help: { text: help },
  defaultConfiguration: { level: 'error' },
});

/** The rules, in the order `ruleIndex` counts. */
const RULES: readonly ReportingDescriptor[] = [
  rule('missing', 'MissingAnnotation', 'Article without annotation file',
    'The article has no annotation file in the output directory: annotate has not been run on it, or its annotation was not committed.',
    'Run annotate on the article (without --check) and commit the annotation file it writes.'),
  rule('stale', 'StaleAnnotation', 'Annotation file out of date',
    'The annotation file differs from what annotate writes for the article now: the article, the annotation file, the vocabulary or annotate itself changed.',
    'Run annotate on the article and commit the updated annotation file; annotate --check --verbose lists what changed.'),
  rule('orphaned', 'OrphanedAnnotation', 'Annotation file whose article is gone',
    'The annotation file names an article that no longer exists (deleted or moved).',
    'Delete the annotation file, or restore the article; after a move, run annotate on the article at its new path.'),
  rule('failed', 'ArticleNotAnnotated', 'Article annotate could not read or annotate',
    'annotate skipped the article (binary, not UTF-8, too large, unreadable) or could not read or write its annotation file, so its annotation was not made or checked.',
    'Fix the file (save it as UTF-8 text) or leave it out with --ignore or the ignore list of annotate.config.yaml.'),
  rule('input', 'InputProblem', 'Input annotate could not use',
    'An input given on the command line or in the config matched no article or could not be read.',
    'Correct the path or pattern among the inputs of the command or annotate.config.yaml, or remove it.'),
];

/** Writes the log when the run ends; nothing when it stops without an end (stdout's reader went away). */
export function createSarifReporter(stream: Writable): Reporter {
  const results: { path: string; ruleIndex: number; result: Result }[] = [];
  const notifications: Notification[] = [];
  let runError = false;
  const add = (kind: RuleKind, path: string, text: string, level: 'error' | 'warning' = 'error'): void => {
    const ruleId = `annotation/${kind}`;
    const ruleIndex = RULES.findIndex((r) => r.id === ruleId);
    results.push({
      path,
      ruleIndex,
      result: {
        ruleId,
        ruleIndex,
        level,
        message: { text },
        // The problem is the whole file, but code scanning places an alert by its line: the first.
        locations: [{ physicalLocation: { artifactLocation: { uri: toUri(path), uriBaseId: SRCROOT }, region: { startLine: 1 } } }],
        partialFingerprints: { [FINGERPRINT]: createHash('sha256').update(`${ruleId}\0${path}`).digest('hex') },
      },
    });
  };
  return {
    file(r) {
      const output = r.output === null ? '' : `${r.output}: `;
      if (r.status === 'failed') add('failed', r.path, r.reason ?? 'not annotated');
      if (r.status === 'missing') add('missing', r.path, `${output}${r.reason ?? 'no annotation file'}`);
      if (r.status === 'stale') add('stale', r.path, `${output}${r.reason ?? 'out of date'}${changesText(r)}`);
      // An orphan's article is gone: the alert goes on the annotation file, the one left to delete.
      if (r.status === 'orphaned') add('orphaned', r.output ?? r.path, r.reason ?? 'its article is gone');
    },
    problem(input, reason, severity) {
      // A problem with an input is an alert on it; one with the run as a whole has no file to show it on, so it goes
      // where code scanning reports on the tool's run.
      if (input !== null) return add('input', input, reason, severity);
      notifications.push({ level: severity, message: { text: reason } });
      if (severity === 'error') runError = true;
    },
    end(summary) {
      if (summary.interrupted) notifications.push({ level: 'error', message: { text: 'interrupted before every file was done' } });
      const exitCode = exitCodeOf(summary, runError);
      const log: Log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'annotate', version: VERSION, rules: [...RULES] } },
            invocations: [{ executionSuccessful: exitCode <= 1, exitCode, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
            originalUriBaseIds: { [SRCROOT]: { description: { text: 'The working directory annotate ran in (the checkout in CI).' } } },
            results: results.toSorted((a, b) => compareText(a.path, b.path) || a.ruleIndex - b.ruleIndex).map((r) => r.result),
          },
        ],
      };
      stream.write(JSON.stringify(log, null, 2) + '\n');
    },
  };
}

/** A stale file's first few changes, briefly: ` (+ actor Egypt (EGY); + actor Jordan (JOR); … and 3 more)`. */
function changesText(r: FileReport): string {
  if (r.changes === undefined || r.changes.length === 0) return '';
  return ` (${describeChanges({ causes: [], changes: r.changes }, 3).join('; ')})`;
}

/** The exit code the run ends with: 130 interrupted, 2 errors, 1 check problems, 0 ok. runAnnotate decides it from
 *  the same summary; the tests hold the two together. */
function exitCodeOf(s: RunSummary, runError: boolean): number {
  if (s.interrupted) return 130;
  if (s.failed + s.inputProblems > 0 || runError) return 2;
  return s.missing + s.stale + s.orphaned > 0 ? 1 : 0;
}

/** A relative POSIX path as a URI reference: each segment percent-encoded (spaces, '#', '?', ':'), slashes kept. */
function toUri(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}
