// `annotate report`: the terminal summary, the HTML file and what happens around them (missing or changed articles,
// files that are not annotations, stdin, duplicates), run in-process as a user would type them.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const repo = path.resolve(import.meta.dirname, '..');
let dir: string;

/** The JSON the page embeds. */
function pageData(html: string): { articles: { path: string; text: string | null; notice: string | null }[]; actors: { name: string }[] } {
  const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)?.[1];
  return JSON.parse(json ?? 'null');
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'annotate-report-'));
  cpSync(path.join(repo, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  cpSync(path.join(repo, 'fixtures/report'), path.join(dir, 'dated'), { recursive: true });
  for (const input of ['seeds', 'dated']) {
    const run = await runCli([input, '-o', `annotations/${input}`, '--no-cache', '-q'], { cwd: dir });
    expect(run.exitCode).toBe(0);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('annotate report (terminal summary)', () => {
  it('prints the top actors, places, event categories and stances as aligned tables', async () => {
    const run = await runCli(['report', 'annotations/seeds'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    const out = run.stdout;
    expect(out).toMatch(/^2 articles: 15 actors, 5 places, 26 events, 18 stances, 9 claims\n/);
    for (const title of ['Actors (top 10 of 15)', 'Places (5)', 'Event categories (8)', 'Stances (10)']) expect(out).toContain(`\n${title}\n`);
    // Aligned: in the actor table, every row's mentions column ends where the header's does.
    const table = out.split('\n\n')[1]?.split('\n').slice(1) ?? [];
    const header = table[0] ?? '';
    const end = header.indexOf('mentions') + 'mentions'.length;
    for (const row of table.slice(1)) expect(row.slice(0, end)).toMatch(/\d$/);
    expect(table[1]).toMatch(/^ {2}Pakistan\s+country\s+PAK\s+25\s+2$/);
  });

  it('prints what the README shows', async () => {
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    const shown = /\$ npx annotate report annotations\/ --top 3\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(shown).toBeDefined();
    expect((await runCli(['report', 'annotations/seeds', '--top', '3'], { cwd: dir })).stdout).toBe(shown);
  });

  it('gives tools the same figures as JSON, and --top chooses how many rows', async () => {
    const run = await runCli(['report', 'annotations/seeds', '--format', 'json', '--top', '3'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.totals).toMatchObject({ articles: 2, actors: 15, events: 26, stances: 18, claims: 9 });
    expect(summary.actors.map((a: { name: string }) => a.name)).toEqual(['Pakistan', 'Iran', 'Iranian officials']);
    expect(summary.actors[0]).toEqual({ id: 'pakistan', name: 'Pakistan', type: 'country', codes: ['PAK'], mentions: 25, articles: 2 });
    expect(summary.eventCategories[0]).toMatchObject({ code: '04', category: 'CONSULT', quadClass: 'verbal-cooperation', events: 14 });
  });

  it('colours the table headings only when asked, and never with --no-color', async () => {
    const forced = await runCli(['report', 'annotations/seeds'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[1mActors (top 10 of 15)\u001b[22m');
    const off = await runCli(['report', 'annotations/seeds', '--no-color'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(off.stdout).not.toContain('\u001b[');
  });

  it('reads annotations piped from annotate as NDJSON, JSON or YAML', async () => {
    const table = (await runCli(['report', 'annotations/seeds'], { cwd: dir })).stdout;
    for (const format of ['ndjson', 'json', 'yaml']) {
      const piped = await runCli(['seeds', '--stdout', '--format', format], { cwd: dir });
      const run = await runCli(['report', '-'], { cwd: dir, stdin: piped.stdout });
      expect({ format, exitCode: run.exitCode, stdout: run.stdout }).toEqual({ format, exitCode: 0, stdout: table });
    }
  });

  it('reads the YAML annotate writes exactly as the yaml package does (it reads it with js-yaml, for speed)', () => {
    const files = readdirSync(path.join(dir, 'annotations/dated')).map((f) => path.join(dir, 'annotations/dated', f));
    for (const file of [...files, ...readdirSync(path.join(repo, 'test/golden')).map((f) => path.join(repo, 'test/golden', f))]) {
      const text = readFileSync(file, 'utf8');
      expect(load(text, { schema: CORE_SCHEMA })).toEqual(parse(text));
    }
  });

  it('names a file that is not an annotation and reports on the rest, with exit 2', async () => {
    writeFileSync(path.join(dir, 'broken.yaml'), 'schemaVersion: 1\nsource: [nope\n');
    writeFileSync(path.join(dir, 'other.json'), '{"hello": "world"}');
    const run = await runCli(['report', 'annotations/seeds', 'broken.yaml', 'other.json'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^error broken\.yaml: cannot be parsed as YAML: /m);
    expect(run.stderr).toMatch(/^error other\.json: not an annotation file: \(the document\) must have required property 'schemaVersion'$/m);
    expect(run.stdout).toMatch(/^2 articles:/);
  });

  it('reads annotate’s output directory when given no input: annotations/, or the config’s outDir', async () => {
    const table = (await runCli(['report', 'annotations/seeds'], { cwd: dir })).stdout;
    const project = path.join(dir, 'project');
    cpSync(path.join(dir, 'annotations/seeds'), path.join(project, 'notes'), { recursive: true });
    writeFileSync(path.join(project, 'annotate.config.yaml'), 'outDir: notes\n');
    const run = await runCli(['report'], { cwd: path.join(project) });
    expect({ exitCode: run.exitCode, stdout: run.stdout }).toEqual({ exitCode: 0, stdout: table });
    const none = await runCli(['report'], { cwd: path.join(dir, 'seeds') });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('error annotations: no such file or directory');
  });

  it('says so when nothing is there to report on', async () => {
    const empty = path.join(dir, 'empty');
    cpSync(path.join(dir, 'seeds'), empty, { recursive: true });
    const run = await runCli(['report', 'empty'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('error empty: no annotation files (.yaml, .json, .ndjson) in this directory');
  });

  it('counts an article once when two annotation files describe it, and says which was left out', async () => {
    cpSync(path.join(dir, 'annotations/seeds'), path.join(dir, 'copy'), { recursive: true });
    const run = await runCli(['report', 'annotations/seeds', 'copy'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^2 articles:/);
    expect(run.stderr).toMatch(/^warning copy\/000_2cd020d2d7a82209\.yaml: annotates seeds\/000_2cd020d2d7a82209\.txt as annotations\/seeds\/000_2cd020d2d7a82209\.yaml does; left out$/m);
    rmSync(path.join(dir, 'copy'), { recursive: true });
  });
});

describe('annotate report --html', () => {
  it('writes one file with the articles, their text and the drawings, and says where', async () => {
    const run = await runCli(['report', 'annotations', '--html', 'out/report.html'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/^wrote out\/report\.html: 5 articles \(5 with text\), \d+ KB\n$/);
    const html = readFileSync(path.join(dir, 'out/report.html'), 'utf8');
    const data = pageData(html);
    expect(data.articles.map((a) => a.path)).toEqual([
      'dated/2024-03-04-talks.md',
      'dated/2024-03-19-strikes.md',
      'dated/2024-04-02-aid.md',
      'seeds/000_2cd020d2d7a82209.txt',
      'seeds/001_4c00a9e13c3a665f.txt',
    ]);
    expect(data.articles[3]?.text).toBe(readFileSync(path.join(dir, 'seeds/000_2cd020d2d7a82209.txt'), 'utf8'));
    expect(html).toContain('<svg id="network-svg"');
    expect(html).toContain('<svg id="timeline-svg"');
    expect(html).toContain('<table id="stance-matrix"');
  });

  it('shows an article that is missing or has changed from its annotation alone, with a notice', async () => {
    const work = path.join(dir, 'moved');
    cpSync(path.join(dir, 'seeds'), path.join(work, 'seeds'), { recursive: true });
    cpSync(path.join(dir, 'annotations'), path.join(work, 'annotations'), { recursive: true });
    rmSync(path.join(work, 'seeds/000_2cd020d2d7a82209.txt'));
    writeFileSync(path.join(work, 'seeds/001_4c00a9e13c3a665f.txt'), 'Edited since.\n');
    const run = await runCli(['report', 'annotations/seeds', '--html', 'r.html'], { cwd: work });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('notice annotations/seeds/000_2cd020d2d7a82209.yaml: its article seeds/000_2cd020d2d7a82209.txt: no such file or directory; the report shows the annotation alone\n');
    expect(run.stderr).toContain('notice annotations/seeds/001_4c00a9e13c3a665f.yaml: its article seeds/001_4c00a9e13c3a665f.txt has changed since it was annotated (run annotate again); the report shows the annotation alone\n');
    expect(run.stderr).toContain('wrote r.html: 2 articles (0 with text)');
    const data = pageData(readFileSync(path.join(work, 'r.html'), 'utf8'));
    expect(data.articles.map((a) => [a.text, a.notice !== null])).toEqual([[null, true], [null, true]]);
    // --root finds them where annotate ran.
    const rooted = await runCli(['report', 'moved/annotations/seeds', '--html', 'r2.html', '--root', '.'], { cwd: dir });
    expect(rooted.stderr).toContain('(2 with text)');
    // An annotation edited by hand: its offsets no longer hold its words, so nothing is highlighted wrongly.
    const edited = readFileSync(path.join(dir, 'annotations/seeds/000_2cd020d2d7a82209.yaml'), 'utf8').replace('{ text: Pakistan, start: ', '{ text: Pakistan, start: 1');
    cpSync(path.join(dir, 'seeds'), path.join(work, 'seeds'), { recursive: true });
    writeFileSync(path.join(work, 'annotations/seeds/000_2cd020d2d7a82209.yaml'), edited);
    const hand = await runCli(['report', 'annotations/seeds/000_2cd020d2d7a82209.yaml', '--html', 'r.html'], { cwd: work });
    expect(hand.stderr).toMatch(/^notice annotations\/seeds\/000_2cd020d2d7a82209\.yaml: its mention of Pakistan says "Pakistan" but 1\d+–\d+ holds "[^"]*" in seeds\/000_2cd020d2d7a82209\.txt \(was the annotation edited\?\); the report shows the annotation alone$/m);
  });

  it('takes a title, and says nothing with -q', async () => {
    const run = await runCli(['report', 'annotations/seeds', '--html', 'titled.html', '--title', 'Kashmir & co', '-q'], { cwd: dir });
    expect(run).toMatchObject({ exitCode: 0, stderr: '' });
    expect(readFileSync(path.join(dir, 'titled.html'), 'utf8')).toContain('<title>Kashmir &#38; co</title>');
  });

  it('writes the same bytes on every run', async () => {
    await runCli(['report', 'annotations', '--html', 'a.html'], { cwd: dir });
    await runCli(['report', 'annotations', '--html', 'b.html'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'a.html'))).toEqual(readFileSync(path.join(dir, 'b.html')));
  });

  it('refuses --format with --html, and leaves no file behind when it cannot write', async () => {
    const both = await runCli(['report', 'annotations', '--html', 'x.html', '--format', 'json'], { cwd: dir });
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('--format chooses the printed summary');
    writeFileSync(path.join(dir, 'a-file'), '');
    const blocked = await runCli(['report', 'annotations', '--html', 'a-file/report.html'], { cwd: dir });
    expect(blocked.exitCode).toBe(2);
    expect(blocked.stderr).toMatch(/^error a-file\/report\.html: cannot write the report: a part of the path (is a file, not a directory|is not a directory)$/m);
    expect(existsSync(path.join(dir, 'x.html'))).toBe(false);
  });
});
