// `npm run eval` as the team runs it, on small gold files and a small corpus we write here (never the shared gold
// sets, which may not be copied): the built tool in a subprocess, its summary, JSON, dates, failures and exit codes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadModelsSync } from '../src/learn/models.js';

const repo = path.resolve(import.meta.dirname, '..');
const tool = path.join(repo, 'dist', 'eval', 'run-eval.js');

function runEval(args: string[], cwd = repo): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [tool, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** {start, end, text} of the first `word` at or after `from` in `text`. */
function span(text: string, word: string, from = 0): { start: number; end: number; text: string } {
  const start = text.indexOf(word, from);
  if (start < 0) throw new Error(`no "${word}" in "${text}"`);
  return { start, end: start + word.length, text: word };
}

const jsonl = (rows: readonly object[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

const ATTACK = 'Indian troops attacked Pakistani positions in Kashmir on Monday.';
const ARREST = 'Egyptian police arrested two Sudanese activists in Cairo.';
const FLOOD = 'Heavy floods swept through the valley after days of rain.';
const CONDEMN = 'Senator Maria Lopez condemned the new tax plan.';
const PRAISE = 'Critics in Kenya praised the new dam.';
const SAID = 'Maria Lopez said the plan would fail.';

function petrarchRow(id: string, date: unknown): object {
  const text = 'Valdoria accused Kestria of spying.';
  return {
    id,
    category: 'DATE',
    ...(date === undefined ? {} : { date }),
    text,
    expected_events: [{ eventcode: '112', sourcecode: 'VLD', targetcode: 'KST' }],
    expect_no_events: false,
  };
}

/** One small file of every gold set the eval knows, a train split, a set it does not know, and the PETRARCH actors. */
function goldDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'annotate-eval-'));
  const write = (name: string, rows: readonly object[]): void => writeFileSync(path.join(dir, name), jsonl(rows));
  const conllText = 'Maria Lopez visited Lima.';
  write('conll2003-dev.jsonl', [{ id: 'c1', text: conllText, entities: [{ ...span(conllText, 'Maria Lopez'), type: 'PER' }, { ...span(conllText, 'Lima'), type: 'LOC' }] }]);
  write('petrarch-unittest.jsonl', [
    petrarchRow('p1', '20010203'),
    petrarchRow('p2', '2001-02-03'),
    petrarchRow('p3', '010203'),
    petrarchRow('p4', ''),
    petrarchRow('p5', undefined),
    petrarchRow('p6', 'last Tuesday'),
  ]);
  writeFileSync(path.join(dir, 'PETR.Validate.actors.txt'), 'VALDORIA [VLD]\nKESTRIA [KST]\n');
  write('case2021-dev.jsonl', [
    { id: 'k1', text: ATTACK, event_type: 'ARMED_CLASH' },
    { id: 'k2', text: FLOOD, event_type: 'NATURAL_DISASTER' },
    { id: 'k3', text: ARREST, event_type: 'ORG_CRIME' },
  ]);
  const wikiText = `${ATTACK} ${ARREST}`;
  const entity = (id: string, word: string, cluster: string | null = null) => ({ id, ...span(wikiText, word), type: 'PER', coref_cluster: cluster });
  const entities = [entity('T1', 'Indian troops'), entity('T2', 'Pakistani positions'), entity('T3', 'Egyptian police'), entity('T4', 'Sudanese activists')];
  const argument = (role: string, id: string) => {
    const e = entities.find((x) => x.id === id)!;
    return { role, entity_id: id, start: e.start, end: e.end, text: e.text };
  };
  write('wikievents-dev.jsonl', [
    {
      id: 'w1',
      text: wikiText,
      entities,
      events: [
        { id: 'E1', type: 'Conflict.Attack.Unspecified', trigger: span(wikiText, 'attacked'), arguments: [argument('Attacker', 'T1'), argument('Target', 'T2')] },
        { id: 'E2', type: 'Justice.ArrestJailDetain.Unspecified', trigger: span(wikiText, 'arrested'), arguments: [argument('Jailer', 'T3'), argument('Detainee', 'T4')] },
        { id: 'E3', type: 'Movement.Transportation.Unspecified', trigger: span(wikiText, 'Monday'), arguments: [] },
      ],
    },
  ]);
  write('polnear-dev.jsonl', [
    {
      id: 'a1',
      text: SAID,
      date: '2024-05-02',
      attributions: [{ source: [span(SAID, 'Maria Lopez')], cue: [span(SAID, 'said')], content: [span(SAID, 'the plan would fail')] }],
    },
  ]);
  const opinion = (text: string, raw: string, target: string, holder: string) => ({
    holder: span(text, holder),
    target: span(text, target),
    expression: null,
    polarity: raw.endsWith('neg') ? 'oppose' : 'support',
    polarity_raw: raw,
  });
  write('mpqa-dev.jsonl', [
    // The second sentence first: the article is rebuilt in sent_index order.
    { id: 'm1#1', doc_id: 'm1', sent_index: 1, text: PRAISE, opinions: [opinion(PRAISE, 'sentiment-pos', 'the new dam', 'Critics in Kenya')] },
    {
      id: 'm1#0',
      doc_id: 'm1',
      sent_index: 0,
      text: CONDEMN,
      opinions: [opinion(CONDEMN, 'sentiment-neg', 'the new tax plan', 'Senator Maria Lopez'), opinion(CONDEMN, 'arguing-neg', 'the new tax plan', 'Senator Maria Lopez')],
    },
  ]);
  write('newsmtsc-dev.jsonl', [{ id: 'n1', text: CONDEMN, targets: [{ ...span(CONDEMN, 'Maria Lopez'), polarity: 'neutral' }] }]);
  write('conll2003-train.jsonl', [{ id: 't1', text: conllText, entities: [] }]);
  write('persent-dev.jsonl', [{ id: 'x1', text: SAID, target_entity: 'Maria Lopez', sentiment: 'Neutral' }]);
  return dir;
}

/** A CoNLL dev file, a CoNLL train split of three documents gzipped as the shared ones are, and a PolNeAR train split
 *  without a dev file. */
function trainDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'annotate-eval-train-'));
  const conll = (id: string, text: string, entities: [string, string][]) => ({ id, text, entities: entities.map(([word, type]) => ({ ...span(text, word), type })) });
  const visit = 'Maria Lopez visited Lima.';
  const meeting = 'John Smith met the mayor of Paris.';
  const trip = 'Ana Silva flew to Quito.';
  writeFileSync(path.join(dir, 'conll2003-dev.jsonl'), jsonl([conll('d1', visit, [['Maria Lopez', 'PER'], ['Lima', 'LOC']])]));
  const train = [conll('t1', meeting, [['John Smith', 'PER'], ['Paris', 'LOC']]), conll('t2', trip, [['Ana Silva', 'PER'], ['Quito', 'LOC']]), conll('t3', visit, [['Lima', 'LOC']])];
  writeFileSync(path.join(dir, 'conll2003-train.jsonl.gz'), gzipSync(jsonl(train)));
  const claim = { id: 'a1', text: SAID, attributions: [{ source: [span(SAID, 'Maria Lopez')], cue: [span(SAID, 'said')], content: [span(SAID, 'the plan would fail')] }] };
  writeFileSync(path.join(dir, 'polnear-train.jsonl.gz'), gzipSync(jsonl([claim])));
  return dir;
}

/** The line that names the models behind the figures when the annotator runs with the models this package ships. */
function shippedModelsLine(): RegExp {
  const { files } = loadModelsSync(path.join(repo, 'models'));
  if (files.length === 0) return /^models: none, rules alone \(models\/ holds none\)$/m;
  return new RegExp(`^models: ${files.map((f) => `${f.name} \\(trained on ${f.trainedOn.set}\\)`).join(' · ')}$`, 'm');
}

/** Two folders of short articles of our own. */
function corpusDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'annotate-eval-corpus-'));
  const folders: Record<string, string[]> = {
    politics: [ATTACK, `${ARREST} ${ATTACK}`, 'Kenya and Uganda signed a trade agreement in Nairobi.'],
    sport: ['Kenya beat Uganda 2-1 in Nairobi on Saturday.', 'The Chilean team trained in Santiago.'],
  };
  for (const [folder, texts] of Object.entries(folders)) {
    mkdirSync(path.join(dir, folder));
    texts.forEach((t, i) => writeFileSync(path.join(dir, folder, `${String(i + 1).padStart(3, '0')}.txt`), `Headline ${i + 1}\n${t}\n`));
  }
  return dir;
}

describe('npm run eval -- --all <dir>', () => {
  const dir = goldDir();

  it('scores every gold set it knows in one table, in a fixed order, and names the files it left out', () => {
    const { status, stdout, stderr } = runEval(['--all', dir]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/: 7 gold files scored in \d+\.\d s$/);
    expect(lines[1]).toMatch(shippedModelsLine());
    expect(lines[3]).toMatch(/^set\s+measure\s+gold\s+predicted\s+P\s+R\s+score\s+seconds\s+notes$/);
    const sets = lines.slice(4).map((l) => l.split(/\s+/)[0]).filter((s) => s !== '' && s !== 'not');
    expect(sets).toEqual(['conll2003', 'petrarch', 'case2021', 'wikievents', 'polnear', 'mpqa', 'newsmtsc']);
    expect(stdout).toMatch(/^case2021\s+snippets with an event of their group\s+1\s.*fight 1\/1 .*natural disasters with an event 0\/1$/m);
    expect(stdout).toMatch(/^wikievents\s+event triggers of a CAMEO group\s+2\s/m);
    expect(stdout).toMatch(/^mpqa\s+stances: polarity \+ target\s+2\s/m);
    expect(lines.at(-2)).toBe('not scored (no gold set the eval knows, or a train split): conll2003-train.jsonl, persent-dev.jsonl');
  });

  it('gives the same figures as JSON with --json', () => {
    const { status, stdout } = runEval(['--all', dir, '--json']);
    expect(status).toBe(0);
    const json = JSON.parse(stdout) as { sets: { set: string; rows: { measure: string; gold: number; figures: Record<string, number> }[] }[]; notScored: string[] };
    expect(json.sets.map((s) => s.set)).toEqual(['conll2003', 'petrarch', 'case2021', 'wikievents', 'polnear', 'mpqa', 'newsmtsc']);
    const caseRow = json.sets.find((s) => s.set === 'case2021')!.rows[0]!;
    expect(caseRow).toMatchObject({ gold: 1, figures: { fightFound: 1, fightGold: 1, naturalDisasters: 1 } });
    expect(json.notScored).toEqual(['conll2003-train.jsonl', 'persent-dev.jsonl']);
  });

  it('reports a broken file with its reason, still scores the others, and exits 2', () => {
    const broken = goldDir();
    writeFileSync(path.join(broken, 'mpqa-dev.jsonl'), '{"id": "m1", "doc_id": \n');
    const { status, stdout } = runEval(['--all', broken]);
    expect(status).toBe(2);
    expect(stdout).toMatch(/: 6 gold files scored in/);
    expect(stdout).toMatch(/^failed: .*mpqa-dev\.jsonl: .*mpqa-dev\.jsonl:1: invalid JSON/m);
    expect(stdout).toMatch(/^newsmtsc\s/m);
  });
});

describe('npm run eval -- --all <dir> --train, and --no-model', () => {
  const dir = trainDir();

  it('prints each headline figure on dev and on the train split side by side, with the gap, the train split cut by --limit', () => {
    const { status, stdout, stderr } = runEval(['--all', dir, '--train', '--limit', '2']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/: 1 dev file and 2 train splits scored in \d+\.\d s \(train splits: their first 2 documents\)$/);
    expect(lines[1]).toMatch(shippedModelsLine());
    expect(stdout).toContain('train figures say how well the annotator fits the data a model learned from, not how well it works: quote dev');
    const header = lines.findIndex((l) => l.startsWith('set '));
    expect(lines[header - 1]).toMatch(/^ +dev +train$/);
    expect(lines[header]).toMatch(/^set\s+measure\s+score\s+gold\s+P\s+R\s+score\s+gold\s+P\s+R\s+score\s+gap$/);
    // "dev" and "train" stand over the gold column of their group.
    const groups = lines[header - 1]!;
    expect(groups.indexOf('dev')).toBe(lines[header]!.indexOf('gold'));
    expect(groups.indexOf('train')).toBe(lines[header]!.lastIndexOf('gold'));
    // Dev holds 2 entities; the first two train documents 4 (the third, left out by --limit, holds 1 more).
    const conll = lines.find((l) => l.startsWith('conll2003'))!.split(/\s{2,}/);
    expect(conll.slice(0, 3)).toEqual(['conll2003', 'entities, exact span (micro)', 'F1']);
    expect(conll[3]).toBe('2');
    expect(conll[7]).toBe('4');
    const gap = Number(conll[11]!.replace('−', '-'));
    expect(gap).toBeCloseTo(Number(conll[10]) - Number(conll[6]), 3);
    // A train split without a dev file keeps its row, its dev cells dashed.
    expect(stdout).toMatch(/^polnear\s+claim cues, exact span\s+F1\s+–\s+–\s+–\s+–\s+1\s/m);
  });

  it('gives the dev and train figures of each row, and the gap, as JSON', () => {
    const { status, stdout } = runEval(['--all', dir, '--train', '--json']);
    expect(status).toBe(0);
    type Figures = { gold: number; score: number } | null;
    const json = JSON.parse(stdout) as { train: { limit: number | null; sets: { set: string }[] }; comparison: { set: string; dev: Figures; train: Figures; gap: number | null }[] };
    expect(json.train.limit).toBeNull();
    expect(json.train.sets.map((s) => s.set)).toEqual(['conll2003', 'polnear']);
    const [conll, polnear] = json.comparison;
    expect(conll).toMatchObject({ set: 'conll2003', dev: { gold: 2 }, train: { gold: 5 } });
    expect(conll!.gap).toBeCloseTo(conll!.train!.score - conll!.dev!.score, 9);
    expect(polnear).toMatchObject({ set: 'polnear', dev: null, train: { gold: 1 }, gap: null });
  });

  it('says a train split scored alone with --gold is one, and what its figures mean', () => {
    const { status, stdout } = runEval(['--gold', path.join(dir, 'conll2003-train.jsonl.gz')]);
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/conll2003-train\.jsonl\.gz is a train split: figures on it say how well the annotator fits the data a model learned from/);
    expect(stdout).toMatch(/conll2003-train\.jsonl\.gz: 3 documents, 5 gold entities/);
    const json = JSON.parse(runEval(['--gold', path.join(dir, 'conll2003-train.jsonl.gz'), '--json']).stdout) as { split?: string };
    expect(json.split).toBe('train');
    expect(runEval(['--gold', path.join(dir, 'conll2003-dev.jsonl')]).stdout).not.toMatch(/train split/);
  });

  it('runs the rules alone with --no-model and says so in the header, the figures on the same table', () => {
    const rules = runEval(['--all', dir, '--no-model']);
    expect(rules.status).toBe(0);
    expect(rules.stdout.split('\n')[1]).toBe('models: none, rules alone (--no-model)');
    expect(rules.stdout).toMatch(/^conll2003\s+entities, exact span \(micro\)\s+2\s/m);
    const gold = runEval(['--gold', path.join(dir, 'conll2003-dev.jsonl'), '--no-model']);
    expect(gold.stdout.split('\n')[0]).toBe('models: none, rules alone (--no-model)');
    const json = JSON.parse(runEval(['--gold', path.join(dir, 'conll2003-dev.jsonl'), '--no-model', '--json']).stdout) as { models: unknown[]; noModel: boolean };
    expect(json).toMatchObject({ models: [], noModel: true });
  });

  it('refuses --train without --all (exit 2)', () => {
    const { status, stderr } = runEval(['--gold', path.join(dir, 'conll2003-dev.jsonl'), '--train']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^eval: --train applies to --all/);
  });
});

describe('npm run eval -- --gold <file>', () => {
  const dir = goldDir();

  it('reads PETRARCH dates written YYYYMMDD, YYYY-MM-DD or YYMMDD, and annotates rows without a readable one undated', () => {
    const { status, stdout, stderr } = runEval(['--gold', path.join(dir, 'petrarch-unittest.jsonl')]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/: 6 rows, 6 gold codings/);
    expect(stdout).toContain('3 rows without a readable date (YYYYMMDD, YYYY-MM-DD or YYMMDD): annotated without one');
  });

  it('rebuilds an MPQA article from sentences given out of order and finds its stances in it', () => {
    const { status, stdout } = runEval(['--gold', path.join(dir, 'mpqa-dev.jsonl'), '--errors', '2']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/1 articles \(2 sentences\), 3 opinions, 2 gold stances \(1 sentiment-neg, 1 sentiment-pos; 2 with a holder span\)/);
    expect(stdout).toMatch(/^stances\s+2\s+2\s/m);
  });

  it('lists a CASE snippet missed or a natural disaster with an event under --errors, with the events annotate wrote', () => {
    const { status, stdout } = runEval(['--gold', path.join(dir, 'case2021-dev.jsonl'), '--errors', '3']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^NATURAL_DISASTER snippets holding an event of a group: 0 of 1 {3}target ≤ 2: met$/m);
    expect(stdout).toContain('missed fight snippets (up to 3): none');
    expect(stdout).toMatch(/^not scored: ORG_CRIME 1$/m);
  });

  it('refuses --gold with --all, and --errors with --all alone, as usage errors (exit 2)', () => {
    expect(runEval(['--gold', path.join(dir, 'mpqa-dev.jsonl'), '--all', dir]).status).toBe(2);
    const errors = runEval(['--all', dir, '--errors', '3']);
    expect(errors.status).toBe(2);
    expect(errors.stderr).toMatch(/^eval: --errors lists one set's errors/);
  });
});

describe('npm run eval -- --corpus <dir>', () => {
  const dir = corpusDir();

  it('prints events and fight events per article for each folder, the same with one thread or two', () => {
    const one = runEval(['--corpus', dir, '--jobs', '1', '--json']);
    const two = runEval(['--corpus', dir, '--jobs', '2', '--json']);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    type Folder = { folder: string; articles: number; events: number; fightEvents: number };
    const folders = (out: string): Folder[] => (JSON.parse(out) as { folders: Folder[] }).folders;
    expect(folders(two.stdout)).toEqual(folders(one.stdout));
    expect(folders(one.stdout).map((f) => [f.folder, f.articles])).toEqual([
      ['politics', 3],
      ['sport', 2],
    ]);
    expect(folders(one.stdout)[0]!.fightEvents).toBeGreaterThanOrEqual(2);
  });

  it('shows the same seeded sample of fight events every run, each in its sentence with the trigger marked', () => {
    const first = runEval(['--corpus', dir, '--sample', '1', '--seed', '3']);
    const again = runEval(['--corpus', dir, '--sample', '1', '--seed', '3']);
    expect(first.status).toBe(0);
    const strip = (s: string): string => s.replace(/annotated in [\d.]+ s/, '');
    expect(strip(again.stdout)).toBe(strip(first.stdout));
    expect(first.stdout).toMatch(/^politics: 1 of its \d+ events of roots 18–20, drawn at random \(seed 3\):$/m);
    expect(first.stdout).toMatch(/^ {2}politics\/00[12]\.txt 190 «attacked» Indian troops → Pakistan$/m);
    expect(first.stdout).toContain('    Indian troops [attacked] Pakistani positions in Kashmir on Monday');
  });

  it('says so when the directory holds no article (exit 2)', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'annotate-eval-empty-'));
    const { status, stderr } = runEval(['--corpus', empty]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/no \*\.txt or \*\.md articles/);
  });
});
