// The reporter for programs: one JSON document at the end of the run, every file with its status and reason, every
// input problem, and the summary. Written whole at the end so a reader can parse it in one go.
import type { Writable } from 'node:stream';
import type { FileReport, Reporter, RunSummary } from './reporter.js';

export interface JsonReport {
  files: FileReport[];
  problems: { input: string | null; reason: string; severity: 'error' | 'warning' }[];
  summary: RunSummary;
}

export function createJsonReporter(stream: Writable): Reporter {
  const files: FileReport[] = [];
  const problems: JsonReport['problems'] = [];
  return {
    file: (report) => void files.push(report),
    problem: (input, reason, severity) => void problems.push({ input, reason, severity }),
    end(summary) {
      const report: JsonReport = { files, problems, summary: { ...summary, seconds: Math.round(summary.seconds * 1000) / 1000 } };
      stream.write(JSON.stringify(report, null, 2) + '\n');
    },
  };
}
