// --reporter sarif as code scanning meets it: every log is checked against the official SARIF 2.1.0 JSON Schema (a copy
// in test/fixtures/sarif, no network), and names each missing, stale, orphaned or unreadable file under its own rule.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emptySummary } from '../src/app/report/reporter.js';
import { createSarifReporter } from '../src/app/report/sarif.js';
import { VERSION } from '../src/version.js';
import { runCli } from './helpers.js';

const repo = path.resolve(import.meta.dirname, '..');
const SEED = '000_2cd020d2d7a82209';
const OTHER = '001_4c00a9e13c3a665f';

// The official schema is JSON Schema draft-04, which Ajv reads through ajv-draft-04; ajv-formats checks the uris.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object);

/** Parses a log and throws with the validator's messages when it breaks the SARIF schema. */
function validLog(text: string): Log {
  const log = JSON.parse(text) as Log;
  if (!validate(log)) throw new Error(`SARIF schema violation: ${ajv.errorsText(validate.errors)}`);
  return log;
}

/** The seeds in `dir`, annotated: a repository whose annotations are up to date. */
async function annotatedWorkspace(dir = 'seeds'): Promise<string> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'annotate-sarif-'));
  cpSync(path.join(repo, 'seeds'), path.join(cwd, dir), { recursive: true });
  expect((await runCli([dir, '-q'], { cwd })).exitCode).toBe(0);
  return cwd;
}

/** Each result as [uri, rule id, level]. */
function resultsOf(log: Log): [string | undefined, string | undefined, string | undefined][] {
  return (log.runs[0]!.results ?? []).map((r) => [r.locations?.[0]?.physicalLocation?.artifactLocation?.uri, r.ruleId, r.level]);
}

describe('--reporter sarif', () => {
  it('--check: one result per missing, stale and orphaned file, each under its rule, in a valid SARIF 2.1.0 log', async () => {
    const cwd = await annotatedWorkspace();
    writeFileSync(path.join(cwd, 'seeds', 'new.txt'), 'Egypt and Jordan held talks in Cairo.');
    const edited = path.join(cwd, 'seeds', `${SEED}.txt`);
    writeFileSync(edited, readFileSync(edited, 'utf8') + '\nEgypt condemned the attack on Jordan.\n');
    rmSync(path.join(cwd, 'seeds', `${OTHER}.txt`));

    const result = await runCli(['seeds', '--check', '--reporter', 'sarif'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('');
    const log = validLog(result.stdout);
    expect(log).toMatchObject({ version: '2.1.0', $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json' });
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'annotate', version: VERSION });
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map((r) => [r.id, r.defaultConfiguration?.level])).toEqual([
      ['annotation/missing', 'error'],
      ['annotation/stale', 'error'],
      ['annotation/orphaned', 'error'],
      ['annotation/failed', 'error'],
      ['annotation/input', 'error'],
    ]);
    for (const r of rules) expect(r.help?.text).toMatch(/annotat/);

    // Sorted by path: the orphan sits on its annotation file (its article is gone), the others on their articles.
    expect(resultsOf(log)).toEqual([
      [`annotations/${OTHER}.yaml`, 'annotation/orphaned', 'error'],
      [`seeds/${SEED}.txt`, 'annotation/stale', 'error'],
      ['seeds/new.txt', 'annotation/missing', 'error'],
    ]);
    const results = run.results ?? [];
    for (const r of results) {
      expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
      expect(r.locations![0]!.physicalLocation).toMatchObject({ artifactLocation: { uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
    }
    expect(Object.keys(run.originalUriBaseIds ?? {})).toEqual(['%SRCROOT%']);
    expect(results.map((r) => r.message.text)).toEqual([
      `its article seeds/${OTHER}.txt is gone`,
      // The reason, then the first three changes, briefly.
      expect.stringMatching(new RegExp(`^annotations/${SEED}\\.yaml: the article changed; \\+2 actors, \\+\\d events?.* \\(\\+ actor Egypt \\(EGY\\); \\+ actor Jordan \\(JOR\\); \\+ event \\d+ "condemned" at \\d+; … and \\d+ more\\)$`)),
      'annotations/new.yaml: no annotation file for this article',
    ]);
    expect(run.invocations).toEqual([{ executionSuccessful: true, exitCode: 1 }]);

    // Code scanning tracks an alert by its fingerprint: one per result, and the same bytes on the next run.
    const fingerprints = results.map((r) => r.partialFingerprints?.['annotate/v1']);
    expect(new Set(fingerprints).size).toBe(3);
    expect(fingerprints.every((f) => /^[0-9a-f]{64}$/.test(f ?? ''))).toBe(true);
    expect((await runCli(['seeds', '--check', '--reporter', 'sarif'], { cwd })).stdout).toBe(result.stdout);
  });

  it('a clean --check: no results, exit 0, still a valid log', async () => {
    const cwd = await annotatedWorkspace();
    const result = await runCli(['seeds', '--check', '--reporter', 'sarif', '--reporter', 'stylish'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('2 up to date');
    const log = validLog(result.stdout);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.invocations).toEqual([{ executionSuccessful: true, exitCode: 0 }]);
  });

  it('an unreadable article and an input that matches nothing are results too, and the run did not succeed (exit 2)', async () => {
    const cwd = await annotatedWorkspace();
    writeFileSync(path.join(cwd, 'seeds', 'bad #1.txt'), Buffer.from([0, 1, 2, 3]));
    const result = await runCli(['seeds', 'drafts/*.txt', '--reporter', 'sarif'], { cwd });
    expect(result.exitCode).toBe(2);
    const log = validLog(result.stdout);
    // Paths become URI references: a space and '#' are percent-encoded, the pattern's '*' is kept.
    expect(resultsOf(log)).toEqual([
      ['drafts/*.txt', 'annotation/input', 'error'],
      ['seeds/bad%20%231.txt', 'annotation/failed', 'error'],
    ]);
    expect(log.runs[0]!.results!.map((r) => r.message.text)).toEqual(['no file matches this pattern', 'skipped: binary file (contains NUL bytes)']);
    expect(log.runs[0]!.invocations).toEqual([{ executionSuccessful: false, exitCode: 2 }]);
  });

  it('a run that stops before its first file still writes its log (the upload step needs one), and json its document', async () => {
    const cwd = await annotatedWorkspace();
    const sarif = await runCli(['drafts/*.txt', '--check', '--reporter', 'sarif', '--reporter', 'stylish'], { cwd });
    expect(sarif.exitCode).toBe(2);
    expect(resultsOf(validLog(sarif.stdout))).toEqual([['drafts/*.txt', 'annotation/input', 'error']]);
    // The person reading stderr gets the reason once, and no summary of nothing.
    expect(sarif.stderr).toBe('error drafts/*.txt: no file matches this pattern\n');
    writeFileSync(path.join(cwd, 'blocked'), 'a file where the output directory should be');
    const json = await runCli(['seeds', '-o', 'blocked/out', '--reporter', 'json'], { cwd });
    expect(json.exitCode).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ problems: [{ input: null, severity: 'error' }], summary: { started: false, files: 0 } });
  });

  it('a problem with the run as a whole is a tool notification, and an interrupted run says so', () => {
    const stream = new PassThrough();
    const reporter = createSarifReporter(stream);
    reporter.problem(null, 'a worker thread crashed; files written so far are complete', 'error');
    reporter.end({ ...emptySummary('check', 'annotations'), interrupted: true });
    const log = validLog(String(stream.read()));
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.invocations).toEqual([
      {
        executionSuccessful: false,
        exitCode: 130,
        toolExecutionNotifications: [
          { level: 'error', message: { text: 'a worker thread crashed; files written so far are complete' } },
          { level: 'error', message: { text: 'interrupted before every file was done' } },
        ],
      },
    ]);
  });

  it('the schema check can fail: a wrong version, an unknown level or a uri with a raw space is rejected', () => {
    const stream = new PassThrough();
    const reporter = createSarifReporter(stream);
    reporter.file({ path: 'seeds/new.txt', output: 'annotations/new.yaml', status: 'missing', reason: 'no annotation file for this article' });
    reporter.end(emptySummary('check', 'annotations'));
    const good = String(stream.read());
    expect(() => validLog(good)).not.toThrow();
    const broken = [
      good.replace('"version": "2.1.0"', '"version": "2.0.0"'),
      good.replace('"level": "error",\n          "message"', '"level": "fatal",\n          "message"'),
      good.replace('"uri": "seeds/new.txt"', '"uri": "seeds/new file.txt"'),
    ];
    for (const text of broken) {
      expect(text).not.toBe(good);
      expect(() => validLog(text)).toThrow(/SARIF schema violation/);
    }
  });
});

interface WorkflowStep {
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  'continue-on-error'?: boolean;
}

describe('the sample workflow', () => {
  it('code-scanning: the annotate step writes a valid log, and the upload step sends that file even when the check fails', async () => {
    const workflow = parse(readFileSync(path.join(repo, 'examples', 'check-annotations.yml'), 'utf8')) as { jobs: Record<string, { permissions?: Record<string, string>; steps: WorkflowStep[] }> };
    const job = workflow.jobs['code-scanning']!;
    expect(job.permissions).toMatchObject({ 'security-events': 'write' });
    const check = job.steps.find((s) => s.run?.includes('npx annotate'));
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    const [, args, file] = /^npx annotate (.+) > (\S+)$/.exec(check?.run ?? '') ?? [];
    expect(file).toBe(upload?.with?.sarif_file);
    expect(upload?.with?.category).toBe('annotate');
    // Exit 1 (problems found) must not skip the upload.
    expect(check?.['continue-on-error']).toBe(true);

    const cwd = await annotatedWorkspace('articles');
    writeFileSync(path.join(cwd, 'articles', 'new.txt'), 'Egypt and Jordan held talks in Cairo.');
    const result = await runCli(args!.split(' '), { cwd });
    expect(result.exitCode).toBe(1);
    expect(resultsOf(validLog(result.stdout))).toEqual([['articles/new.txt', 'annotation/missing', 'error']]);
  });
});
