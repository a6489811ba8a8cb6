// The command line as a user meets it, run in-process: inputs, outputs, formats, errors and exit codes.
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertValidAnnotation, runCli } from './helpers.js';

const repo = path.resolve(import.meta.dirname, '..');

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'annotate-cli-'));
  cpSync(path.join(repo, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((p) => p.split(path.sep).join('/')).sort();
}

describe('annotate <dir>', () => {
  it('writes one valid YAML file per article into annotations/, mirroring names, and a summary on stderr', async () => {
    const cwd = workspace();
    const result = await runCli(['seeds/'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^annotate 2 files annotated, \d+ actors, \d+ places, \d+ events, \d+ stances, \d+ claims in \d+\.\d s → annotations\/\n$/);
    expect(listFiles(path.join(cwd, 'annotations'))).toEqual(['000_2cd020d2d7a82209.yaml', '001_4c00a9e13c3a665f.yaml']);
    for (const name of listFiles(path.join(cwd, 'annotations'))) {
      const doc: unknown = parse(readFileSync(path.join(cwd, 'annotations', name), 'utf8'));
      const text = readFileSync(path.join(cwd, 'seeds', name.replace('.yaml', '.txt')), 'utf8');
      assertValidAnnotation(doc, text);
      expect(doc.source.path).toBe(`seeds/${name.replace('.yaml', '.txt')}`);
    }
  });

  it('mirrors subdirectories under --out-dir and leaves no temporary files', async () => {
    const cwd = workspace();
    mkdirSync(path.join(cwd, 'news', 'asia'), { recursive: true });
    writeFileSync(path.join(cwd, 'news', 'asia', 'one.txt'), 'Pakistan and Iran held talks in Tehran.');
    writeFileSync(path.join(cwd, 'news', 'two.md'), '---\ntitle: Two\ndate: 2024-05-02\n---\nIndia condemned the strikes.');
    writeFileSync(path.join(cwd, 'news', 'notes.csv'), 'not an article');
    const result = await runCli(['news', '-o', 'out'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(listFiles(path.join(cwd, 'out'))).toEqual(['asia', 'asia/one.yaml', 'two.yaml']);
    const two = parse(readFileSync(path.join(cwd, 'out', 'two.yaml'), 'utf8')) as { source: { title: string; date: string } };
    expect(two.source).toMatchObject({ title: 'Two', date: '2024-05-02' });
  });

  it('accepts globs', async () => {
    const cwd = workspace();
    const result = await runCli(['seeds/000_*.txt', '--stdout', '--format', 'ndjson'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('--stdout and formats', () => {
  it('ndjson: one valid JSON document per line, in input order, nothing else on stdout', async () => {
    const cwd = workspace();
    const result = await runCli(['seeds', '--stdout', '--format', 'ndjson'], { cwd });
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    const docs = lines.map((l) => JSON.parse(l) as { source: { path: string } });
    docs.forEach((d) => assertValidAnnotation(d));
    expect(docs.map((d) => d.source.path)).toEqual(['seeds/000_2cd020d2d7a82209.txt', 'seeds/001_4c00a9e13c3a665f.txt']);
    expect(existsSync(path.join(cwd, 'annotations'))).toBe(false);
  });

  it('json: one array holding the same objects as ndjson', async () => {
    const cwd = workspace();
    const nd = await runCli(['seeds', '--stdout', '--format', 'ndjson'], { cwd });
    const js = await runCli(['seeds', '--stdout', '--format', 'json'], { cwd });
    expect(JSON.parse(js.stdout)).toEqual(nd.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown));
  });

  it('yaml on stdout: documents separated by ---', async () => {
    const cwd = workspace();
    const result = await runCli(['seeds', '--stdout'], { cwd });
    expect(result.stdout.split(/^---$/m)).toHaveLength(2);
  });

  it("'-' reads stdin and names it '-'", async () => {
    const cwd = workspace();
    const result = await runCli(['-', '--stdout', '--format', 'ndjson'], { cwd, stdin: 'Qatar and Pakistan signed a memorandum in Doha.' });
    expect(result.exitCode).toBe(0);
    const doc = JSON.parse(result.stdout) as { source: { path: string }; actors: { code: string }[] };
    assertValidAnnotation(doc, 'Qatar and Pakistan signed a memorandum in Doha.');
    expect(doc.source.path).toBe('-');
    expect(doc.actors.map((a) => a.code)).toEqual(['QAT', 'PAK']);
  });

  it('--date fills source.date when the article has none', async () => {
    const cwd = workspace();
    const result = await runCli(['-', '--stdout', '--format', 'ndjson', '--date', '2024-05-02'], { cwd, stdin: 'Iran spoke.' });
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as { source: { date: string } }).source.date).toBe('2024-05-02');
  });
});

describe('bad input', () => {
  it('a path that does not exist: one line naming it, exit 2', async () => {
    const cwd = workspace();
    const result = await runCli(['no/such/dir'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no/such/dir: no such file or directory');
  });

  it('a glob that matches nothing: exit 2, and the other inputs are still annotated', async () => {
    const cwd = workspace();
    const result = await runCli(['seeds/*.nothing', 'seeds/000_2cd020d2d7a82209.txt'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('seeds/*.nothing: no file matches this pattern');
    expect(listFiles(path.join(cwd, 'annotations'))).toEqual(['000_2cd020d2d7a82209.yaml']);
  });

  it('binary and non-UTF-8 files are reported by name and skipped; the rest is annotated; exit 2', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'seeds', 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    writeFileSync(path.join(cwd, 'seeds', 'latin1.txt'), Buffer.from('Caf\xe9 in Paris', 'latin1'));
    const result = await runCli(['seeds'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('seeds/image.txt: skipped: binary file');
    expect(result.stderr).toContain('seeds/latin1.txt: skipped: not valid UTF-8 (first bad byte at offset 3)');
    expect(result.stderr).toMatch(/2 files annotated.*2 failed/);
    expect(listFiles(path.join(cwd, 'annotations'))).toEqual(['000_2cd020d2d7a82209.yaml', '001_4c00a9e13c3a665f.yaml']);
  });

  it('no inputs at all is a usage error, exit 2', async () => {
    const result = await runCli([], { cwd: workspace() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/no inputs/);
  });

  it('an unknown format or a bad date is a usage error, exit 2', async () => {
    const cwd = workspace();
    expect((await runCli(['seeds', '--format', 'xml'], { cwd })).exitCode).toBe(2);
    const bad = await runCli(['seeds', '--date', 'yesterday'], { cwd });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('expected an ISO date');
    const noSuchDay = await runCli(['seeds', '--date', '2024-02-30'], { cwd });
    expect(noSuchDay.exitCode).toBe(2);
    expect(noSuchDay.stderr).toContain("option '--date <iso>' argument '2024-02-30' is invalid. expected an ISO date");
  });

  it('invalid front matter in a .md file is reported by name and skipped', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'bad.md'), '---\ntitle: [unclosed\n---\nIran');
    const result = await runCli(['bad.md'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('bad.md: skipped: invalid YAML front matter');
  });
});

describe('annotate schema', () => {
  it('prints the JSON Schema', async () => {
    const result = await runCli(['schema'], { cwd: repo });
    expect(result.exitCode).toBe(0);
    const schema = JSON.parse(result.stdout) as { required: string[] };
    expect(schema.required).toEqual(['schemaVersion', 'source', 'annotator', 'actors', 'places', 'events', 'stances', 'claims']);
  });
});

describe('the config file drives the run; flags override it', () => {
  /** A corpus repository: articles, drafts, and a config one directory up from where the user stands. */
  function repository(config: string): string {
    const root = mkdtempSync(path.join(tmpdir(), 'annotate-repo-'));
    mkdirSync(path.join(root, 'articles', 'drafts'), { recursive: true });
    writeFileSync(path.join(root, 'articles', 'talks.txt'), 'Pakistan and Iran held talks in Tehran.');
    writeFileSync(path.join(root, 'articles', 'notes.draft.md'), 'Egypt spoke.');
    writeFileSync(path.join(root, 'articles', 'drafts', 'wip.txt'), 'Jordan spoke.');
    writeFileSync(path.join(root, 'annotate.config.yaml'), config);
    mkdirSync(path.join(root, 'work'));
    return root;
  }

  it('inputs, ignore, outDir, format and date come from the config, its paths relative to the config file', async () => {
    const root = repository('inputs: [articles]\nignore: [drafts/, "*.draft.md"]\noutDir: out\nformat: json\ndate: 2024-05-02\n');
    const result = await runCli([], { cwd: path.join(root, 'work') });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^annotate 1 file annotated, .* → \.\.\/out\/\n$/);
    expect(listFiles(path.join(root, 'out'))).toEqual(['talks.json']);
    const doc = JSON.parse(readFileSync(path.join(root, 'out', 'talks.json'), 'utf8')) as { source: { path: string; date: string } };
    expect(doc.source).toMatchObject({ path: '../articles/talks.txt', date: '2024-05-02' });
  });

  it('flags win: inputs on the command line, --out-dir, --format, --date; --ignore adds to the ignores', async () => {
    const root = repository('inputs: [articles]\nignore: [drafts/]\noutDir: out\nformat: json\ndate: 2024-05-02\n');
    const result = await runCli(['articles', '-o', 'mine', '--format', 'yaml', '--date', '2023-01-31', '--ignore', '**/*.draft.md'], { cwd: root });
    expect(result.exitCode).toBe(0);
    expect(existsSync(path.join(root, 'out'))).toBe(false);
    expect(listFiles(path.join(root, 'mine'))).toEqual(['talks.yaml']);
    expect((parse(readFileSync(path.join(root, 'mine', 'talks.yaml'), 'utf8')) as { source: { date: string } }).source.date).toBe('2023-01-31');
  });

  it('an ignore pattern leaves out directory and glob matches, never a file named on its own', async () => {
    const root = repository('ignore: [drafts/]\n');
    const walked = await runCli(['articles', '--stdout', '--format', 'ndjson'], { cwd: root });
    expect(walked.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { source: { path: string } }).source.path)).toEqual(['articles/notes.draft.md', 'articles/talks.txt']);
    const named = await runCli(['articles/drafts/wip.txt', '--stdout', '--format', 'ndjson'], { cwd: root });
    expect((JSON.parse(named.stdout) as { source: { path: string } }).source.path).toBe('articles/drafts/wip.txt');
  });

  it('an unknown key is named with its line and the key it most likely meant', async () => {
    const root = repository('inputs: [articles]\nformat: yaml\noutdir: out\n');
    const result = await runCli([], { cwd: root });
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'annotate: annotate.config.yaml:3: unknown key "outdir" (did you mean "outDir"?)\n' });
  });

  it('the README example is a valid config', async () => {
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    const example = /### Config file[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const root = repository(example);
    const result = await runCli(['articles', '--stdout', '--format', 'ndjson'], { cwd: root, fresh: true });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('with no inputs anywhere: a usage error saying where inputs can come from', async () => {
    const root = repository('format: yaml\n');
    const result = await runCli([], { cwd: root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("error: no inputs: give files, directories, globs or '-', or list inputs in annotate.config.yaml (run annotate --help for usage)\n");
  });
});

describe('stdin, verbosity and help', () => {
  it('--stdin-path names the article from stdin and its output file', async () => {
    const cwd = workspace();
    const result = await runCli(['-', '--stdin-path', 'news/talks.md', '-o', 'out'], { cwd, stdin: '---\ntitle: Talks\n---\nQatar and Pakistan met in Doha.' });
    expect(result.exitCode).toBe(0);
    const doc = parse(readFileSync(path.join(cwd, 'out', 'talks.yaml'), 'utf8')) as { source: { path: string; title: string } };
    expect(doc.source).toMatchObject({ path: 'news/talks.md', title: 'Talks' });
    const misuse = await runCli(['seeds', '--stdin-path', 'x.txt'], { cwd });
    expect(misuse.exitCode).toBe(2);
    expect(misuse.stderr).toContain("--stdin-path names the article read from '-', which is not among the inputs");
  });

  it('--quiet: nothing on stderr for a clean run, errors still shown', async () => {
    const cwd = workspace();
    expect(await runCli(['seeds', '-q'], { cwd })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const failed = await runCli(['seeds', 'missing.txt', '-q'], { cwd });
    expect(failed.stderr).toBe('error missing.txt: no such file or directory\n');
    expect((await runCli(['seeds', '-q', '--verbose'], { cwd })).exitCode).toBe(2);
  });

  it('--verbose: a line per file with what it holds; --debug adds times, threads and the cache', async () => {
    const cwd = workspace();
    const verbose = await runCli(['seeds', '--verbose'], { cwd });
    expect(verbose.stderr).toMatch(/^seeds\/000_2cd020d2d7a82209\.txt → annotations\/000_2cd020d2d7a82209\.yaml {2}\d+ actors, \d+ places, \d+ events, \d+ stances, \d+ claims\n/);
    expect(verbose.stderr.split('\n').filter(Boolean)).toHaveLength(3);
    const debug = await runCli(['seeds', '--debug'], { cwd });
    expect(debug.stderr).toMatch(/^debug 2 input files; annotating in this thread; cache \.annotate-cache; output annotations\n/);
    expect(debug.stderr).toMatch(/\.yaml {2}.* \(\d+ ms, cached\)\n/);
  });

  it('--version and --help exit 0 on stdout; --help lists every option of the README table', async () => {
    const version = await runCli(['--version'], { cwd: repo });
    expect(version).toMatchObject({ exitCode: 0, stderr: '' });
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await runCli(['--help'], { cwd: repo });
    expect(help.exitCode).toBe(0);
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    const table = /\| option \| meaning \| tested in \|\n([\s\S]*?)\n\n/.exec(readme)![1]!;
    const firstCells = table.split('\n').map((row) => row.split(' | ')[0]!);
    const documented = firstCells.flatMap((cell) => [...cell.matchAll(/`(-[^`]+)`/g)].map((m) => m[1]!.split(' ')[0]!.replace(/,$/, '')));
    const offered = [...help.stdout.matchAll(/^ {2}(-\w, )?(--[\w-]+)/gm)].map((m) => m[1] ? m[1].slice(0, 2) : m[2]!);
    expect(documented.sort()).toEqual(offered.sort());
  });
});
