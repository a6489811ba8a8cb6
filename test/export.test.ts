// `annotate export`: the flat tables as analysts read them. Tables of real runs (the seeds and fixtures) are read
// back with a maintained CSV parser (csv-parse), with DuckDB (the types it infers are the documented ones) and with
// Python's csv module where Python is installed; a hand-made annotation full of quotes, commas, line breaks, tabs
// and non-ASCII names survives the round trip; bad files, duplicates, stdin and large streamed files behave.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLES } from '../src/export/tables.js';
import type { TableName } from '../src/export/tables.js';
import type { Annotation } from '../src/model/annotation.js';
import { toYaml } from '../src/serialize/serialize.js';
import { makeAnnotation } from './make-annotation.js';
import { runCli } from './helpers.js';

const repo = path.resolve(import.meta.dirname, '..');
let dir: string;
/** Every annotation of the real run, to count rows against. */
let annotations: Annotation[];

/** Text no table should mangle: a quote, a comma, a line break, a tab, CRLF, accents, CJK and an emoji. */
const HARD = 'O"Brien, Jr.\nof "Zoë\'s" café\tand 北京 🎉\r\nend';

/** A hand-made annotation whose strings are all HARD, with a compound event (two sources, one target). */
function hardAnnotation(): Annotation {
  const doc = makeAnnotation({
    path: 'hard/quotes, "commas".txt',
    date: '2024-02-29',
    actors: [['a', HARD, 'PAK', 2], ['b', 'Iran', 'IRN', 1], ['c', 'Ålesund council', null, 1]],
    events: [['a', 'c', 'material-conflict', '2024-02-28']],
    stances: [['a', 'oppose', HARD, 'c']],
  });
  doc.events[0]!.source.push('b');
  doc.claims.push({ id: 'c1', source: { actor: 'a', text: HARD, start: 0, end: 5 }, cue: { text: 'said', start: 6, end: 10 }, content: { text: HARD, start: 11, end: 20 }, continues: [{ text: 'part, two', start: 30, end: 39 }], certainty: 'hedged', hedges: ['may', 'reportedly'], sentence: 0 });
  return doc;
}

function csvRecords(text: string, delimiter = ','): Record<string, string>[] {
  return parse(text, { columns: true, delimiter, skip_empty_lines: false, relax_column_count: false }) as Record<string, string>[];
}

async function duckTypes(file: string): Promise<Map<string, string>> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_csv('${file.replace(/'/g, "''")}')`);
    return new Map(described.getRowObjects().map((row) => [String(row.column_name), String(row.column_type)]));
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

const hasPython = spawnSync('python3', ['-c', 'import csv, json'], { stdio: 'ignore' }).status === 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'annotate-export-'));
  cpSync(path.join(repo, 'seeds'), path.join(dir, 'articles/seeds'), { recursive: true });
  cpSync(path.join(repo, 'fixtures/report'), path.join(dir, 'articles/dated'), { recursive: true });
  cpSync(path.join(repo, 'fixtures/export'), path.join(dir, 'articles/export'), { recursive: true });
  const run = await runCli(['articles', '-o', 'annotations', '--no-cache', '-q'], { cwd: dir });
  expect(run.exitCode).toBe(0);
  const ndjson = await runCli(['articles', '--stdout', '--format', 'ndjson', '-q'], { cwd: dir });
  annotations = ndjson.stdout.trim().split('\n').map((line) => JSON.parse(line) as Annotation);
  mkdirSync(path.join(dir, 'hard'));
  writeFileSync(path.join(dir, 'hard/hard.json'), JSON.stringify(hardAnnotation()));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('annotate export: the tables of a real run', () => {
  for (const name of TABLE_NAMES) {
    it(`${name}: read back by csv-parse with the documented header and one row per item`, async () => {
      const run = await runCli(['export', 'annotations', '--table', name], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout.split('\n')[0]).toBe(TABLES[name].columns.map((c) => c.name).join(','));
      const records = csvRecords(run.stdout);
      const expected = annotations.reduce((n, a) => n + [...TABLES[name].rows(a)].length, 0);
      expect(records).toHaveLength(expected);
      expect(expected).toBeGreaterThan(0);
      // Every row points back into its article: the offsets slice the words the row names.
      const texts = new Map(annotations.map((a) => [a.source.path, readFileSync(path.join(dir, a.source.path), 'utf8').replace(/^\uFEFF/, '')]));
      const spanColumn = { events: 'trigger', mentions: 'text', stances: 'cue', claims: 'cue' } as Partial<Record<TableName, string>>;
      const column = spanColumn[name];
      if (column !== undefined) {
        const startColumn = name === 'stances' || name === 'claims' ? 'cue_start' : 'start';
        const endColumn = name === 'stances' || name === 'claims' ? 'cue_end' : 'end';
        for (const r of records) expect([...texts.get(r.article!)!].slice(Number(r[startColumn]), Number(r[endColumn])).join('')).toBe(r[column]);
      }
    });
  }

  it('gives DuckDB the documented column types (a column empty throughout the data is left out: nothing to infer from)', async () => {
    // The hand-made annotation alone too: its Goldstein values are all whole numbers.
    for (const [name, inputs] of TABLE_NAMES.flatMap((t) => [[t, ['annotations', 'hard']], [t, ['hard']]] as const)) {
      const file = path.join(dir, `${name}-${inputs.length}.csv`);
      expect((await runCli(['export', ...inputs, '--table', name, '-o', file], { cwd: dir })).exitCode).toBe(0);
      const inferred = await duckTypes(file);
      const records = csvRecords(readFileSync(file, 'utf8'));
      expect([...inferred.keys()]).toEqual(TABLES[name].columns.map((c) => c.name));
      for (const column of TABLES[name].columns) {
        if (records.every((r) => r[column.name] === '')) continue;
        // The limit the README documents: codes without a leading zero (190, 111) look like numbers to DuckDB.
        const expected = column.name === 'cameo_code' && records.every((r) => !r.cameo_code!.startsWith('0')) ? 'BIGINT' : column.type;
        expect(`${name}.${column.name} ${inferred.get(column.name)}`).toBe(`${name}.${column.name} ${expected}`);
      }
    }
  });

  it('reads the same in Python\'s csv module (where Python is installed)', { skip: !hasPython }, async () => {
    const file = path.join(dir, 'events-py.csv');
    await runCli(['export', 'annotations', 'hard', '--table', 'events', '-o', file], { cwd: dir });
    const script = 'import csv, json, sys\nwith open(sys.argv[1], newline="", encoding="utf-8") as f:\n    r = csv.DictReader(f)\n    rows = list(r)\nprint(json.dumps({"header": r.fieldnames, "rows": rows}))';
    const read = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as { header: string[]; rows: Record<string, string>[] };
    expect(read.header).toEqual(TABLES.events.columns.map((c) => c.name));
    expect(read.rows).toEqual(csvRecords(readFileSync(file, 'utf8')));
  });
});

describe('annotate export: what the fields hold', () => {
  it('keeps quotes, commas, line breaks, tabs and non-ASCII text intact, in CSV and in TSV', async () => {
    for (const [format, delimiter] of [['csv', ','], ['tsv', '\t']] as const) {
      const run = await runCli(['export', 'hard', '--table', 'claims', '--format', format], { cwd: dir });
      expect(run.exitCode).toBe(0);
      const [row] = csvRecords(run.stdout, delimiter);
      expect(row).toMatchObject({ article: 'hard/quotes, "commas".txt', source_text: HARD, source_actor_name: HARD, content: HARD, continues: 'part, two', certainty: 'hedged', hedges: 'may|reportedly' });
    }
  });

  it('gives a compound event one row per source × target pair, and says so', async () => {
    const records = csvRecords((await runCli(['export', 'hard', '--table', 'events'], { cwd: dir })).stdout);
    expect(records.map((r) => [r.event_id, r.source_actor_name, r.target_actor_name, r.compound])).toEqual([
      ['e1', HARD, 'Ålesund council', 'true'],
      ['e1', 'Iran', 'Ålesund council', 'true'],
    ]);
    expect(records[0]).toMatchObject({ cameo_code: '190', root: '19', quad_class: 'material-conflict', quad_class_id: '4', goldstein: '0.0', event_date: '2024-02-28', article_date: '2024-02-29' });
  });

  it('names an article the seeds know: Pakistan and Iran meet, and the airstrikes are coded 195 by Pakistan', async () => {
    const records = csvRecords((await runCli(['export', 'annotations/seeds', '--table', 'events'], { cwd: dir })).stdout);
    expect(records.some((r) => r.cameo_code === '040' && r.source_actor_code === 'PAK' && r.target_actor_code === 'IRN')).toBe(true);
    expect(records.some((r) => r.cameo_code === '195' && r.source_actor_code === 'PAK' && r.trigger === 'airstrikes')).toBe(true);
  });

  it('writes the same bytes every time', async () => {
    const first = await runCli(['export', 'annotations', '--table', 'mentions'], { cwd: dir });
    const second = await runCli(['export', 'annotations', '--table', 'mentions'], { cwd: dir });
    expect(second.stdout).toBe(first.stdout);
  });
});

describe('annotate export: the command', () => {
  it('--columns prints every column with its type, and the README lists the same', async () => {
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    for (const name of TABLE_NAMES) {
      const run = await runCli(['export', '--table', name, '--columns'], { cwd: dir });
      expect(run.exitCode).toBe(0);
      const listed = run.stdout.trim().split('\n').slice(1).map((line) => line.split(/\s+/).slice(0, 2));
      expect(listed).toEqual(TABLES[name].columns.map((c) => [c.name, c.type]));
      const section = new RegExp(`<summary><code>${name}</code>[^]*?</details>`).exec(readme)?.[0] ?? '';
      const documented = [...section.matchAll(/^\| `([a-z_]+)` \| ([A-Z]+) \|/gm)].map((m) => [m[1], m[2]]);
      expect(documented).toEqual(listed);
    }
  });

  it('reads NDJSON from stdin, as piped from annotate --stdout', async () => {
    const ndjson = annotations.map((a) => JSON.stringify(a)).join('\n') + '\n';
    const run = await runCli(['export', '-', '--table', 'actors'], { cwd: dir, stdin: ndjson });
    expect(run.exitCode).toBe(0);
    expect(csvRecords(run.stdout)).toHaveLength(annotations.reduce((n, a) => n + a.actors.length, 0));
  });

  it('streams files larger than it reads whole, NDJSON and multi-document YAML, cut anywhere', async () => {
    const seed = annotations[0]!;
    const copies = Array.from({ length: 1200 }, (_, i) => ({ ...seed, source: { ...seed.source, path: `copy/${String(i).padStart(4, '0')}.txt` } }));
    writeFileSync(path.join(dir, 'big.ndjson'), copies.map((a) => JSON.stringify(a)).join('\n') + '\n');
    writeFileSync(path.join(dir, 'big.yaml'), copies.map((a) => toYaml(a)).join('---\n'));
    for (const file of ['big.ndjson', 'big.yaml']) {
      const run = await runCli(['export', file, '--table', 'mentions', '-o', `${file}.csv`], { cwd: dir });
      expect(run.stderr).toMatch(new RegExp(`^wrote ${file}.csv: mentions table, [\\d,]+ rows from 1,200 articles\\n$`));
      const records = csvRecords(readFileSync(path.join(dir, `${file}.csv`), 'utf8'));
      const perArticle = seed.actors.reduce((n, a) => n + a.mentions.length, 0) + seed.places.reduce((n, p) => n + p.mentions.length, 0);
      expect(records).toHaveLength(1200 * perArticle);
      expect(records.at(-1)?.article).toBe('copy/1199.txt');
    }
    expect(readFileSync(path.join(dir, 'big.ndjson')).length).toBeGreaterThan(4 * 1024 * 1024);
  });

  it('names a bad file and its reason, and exports the rest (exit 2)', async () => {
    mkdirSync(path.join(dir, 'mixed'));
    cpSync(path.join(dir, 'annotations/seeds'), path.join(dir, 'mixed/seeds'), { recursive: true });
    writeFileSync(path.join(dir, 'mixed/broken.yaml'), 'actors: [unclosed\n');
    writeFileSync(path.join(dir, 'mixed/other.json'), '{"hello": 1}');
    writeFileSync(path.join(dir, 'mixed/lines.ndjson'), `${JSON.stringify(annotations.at(-1))}\nnot json\n`);
    const run = await runCli(['export', 'mixed', '--table', 'actors'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^error mixed\/broken\.yaml: cannot be parsed as YAML: /m);
    expect(run.stderr).toMatch(/^error mixed\/other\.json: not an annotation file: /m);
    expect(run.stderr).toMatch(/^error mixed\/lines\.ndjson \(line 2\): cannot be parsed as NDJSON: /m);
    const articles = new Set(csvRecords(run.stdout).map((r) => r.article));
    expect(articles).toEqual(new Set([...annotations.filter((a) => a.source.path.startsWith('articles/seeds/')).map((a) => a.source.path), annotations.at(-1)!.source.path]));
  });

  it('writes an article annotated twice once, with a warning', async () => {
    const run = await runCli(['export', 'annotations/seeds', 'mixed/seeds', '--table', 'actors'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/^warning mixed\/seeds\/\S+\.yaml: annotates articles\/seeds\/\S+ as annotations\/seeds\/\S+ does; left out$/m);
    const once = await runCli(['export', 'annotations/seeds', '--table', 'actors'], { cwd: dir });
    expect(run.stdout).toBe(once.stdout);
  });

  it('leaves no file behind when there is nothing to export, and says why', async () => {
    mkdirSync(path.join(dir, 'empty'));
    writeFileSync(path.join(dir, 'empty/not.yaml'), 'just: text\n');
    const run = await runCli(['export', 'empty', '--table', 'events', '-o', 'out/events.csv'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe("error empty/not.yaml: not an annotation file: (the document) must have required property 'schemaVersion'\n");
    expect(existsSync(path.join(dir, 'out/events.csv'))).toBe(false);
    expect(readdirSync(path.join(dir, 'out'))).toEqual([]);
  });

  it('asks for --table, and refuses a table it does not know', async () => {
    const none = await runCli(['export', 'annotations'], { cwd: dir });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(/--table is required: one of events, actors, mentions, places, stances, claims/);
    const wrong = await runCli(['export', 'annotations', '--table', 'people'], { cwd: dir });
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toMatch(/argument 'people' is invalid/);
  });

  it('writes TSV for an -o file ending .tsv', async () => {
    const run = await runCli(['export', 'annotations/seeds', '--table', 'places', '-o', 'places.tsv'], { cwd: dir });
    expect(run.exitCode).toBe(0);
    const text = readFileSync(path.join(dir, 'places.tsv'), 'utf8');
    expect(text.split('\n')[0]).toBe(TABLES.places.columns.map((c) => c.name).join('\t'));
    expect(csvRecords(text, '\t').map((r) => r.place_name)).toContain('Tehran');
  });
});
