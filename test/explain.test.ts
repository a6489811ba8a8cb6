// `annotate explain`: what a user tuning the dictionaries would notice. Every item of the annotation is explained
// with the rule that made it and the lexicon or config entry behind it; the annotation itself does not change; a
// file that cannot be read is one line on stderr and exit 2. Articles and configs are written here, for the tests.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnnotator } from '../src/annotate-text.js';
import type { Annotator, EntrySource, Explanation } from '../src/annotate-text.js';
import { formatExplanationJson, formatExplanationText } from '../src/app/format-explanation.js';
import { runExplain } from '../src/cli/command-explain.js';
import { runCli } from './helpers.js';
import type { ExplainFlags } from '../src/cli/command-explain.js';

const ARTICLE = `Pakistan’s foreign minister visited Tehran on Monday. Senior Iranian officials welcomed the Pakistani \
delegation, while India condemned the visit.

Analysts suggest that the talks could ease tensions in the region. The two sides signed an agreement on trade, \
according to Reuters.
`;

const CONFIG = `actors:
  - name: Ruritania
    code: RUR
  - {name: Black Elk Brigade, code: RURREB, type: group}
events:
  - {verb: annex, code: "192"}
`;
const CONFIG_ARTICLE = 'Ruritania annexed the border town of Zenda. The Black Elk Brigade condemned Ruritania.\n';

let annotator: Annotator;
let explained: Explanation;
beforeAll(() => {
  annotator = createAnnotator();
  explained = annotator.explain(ARTICLE);
});

/** `annotate <argv>` through the real command line, with captured streams. */
const run = (argv: string[], options: { cwd: string; stdin?: Buffer; fresh?: boolean }) => runCli(argv, options);

function tempDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'annotate-explain-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function mentionsOf(e: Explanation, id: string): Explanation['actors'][number]['mentions'] {
  const entity = [...e.actors, ...e.places].find((a) => a.id === id);
  if (!entity) throw new Error(`no entity ${id}`);
  return entity.mentions;
}

const describeEntry = (s: EntrySource): string => `${s.file} ${s.key} ${s.entry}`;

describe('explain: the data', () => {
  it('leaves the annotation exactly as annotate() makes it', () => {
    expect(explained.annotation).toEqual(annotator.annotate(ARTICLE));
    const md = '---\ntitle: A visit\ndate: 2024-05-02\n---\n' + ARTICLE;
    expect(annotator.explain(md, { path: 'a.md', date: '2023-01-01' }).annotation).toEqual(annotator.annotate(md, { path: 'a.md', date: '2023-01-01' }));
  });

  it('explains every item of the annotation, in its order, mention for mention', () => {
    const { annotation } = explained;
    expect(explained.actors.map((a) => a.id)).toEqual(annotation.actors.map((a) => a.id));
    expect(explained.places.map((p) => p.id)).toEqual(annotation.places.map((p) => p.id));
    expect(explained.events.map((e) => e.id)).toEqual(annotation.events.map((e) => e.id));
    expect(explained.stances.map((s) => s.id)).toEqual(annotation.stances.map((s) => s.id));
    expect(explained.claims.map((c) => c.id)).toEqual(annotation.claims.map((c) => c.id));
    for (const [n, actor] of annotation.actors.entries()) {
      expect(explained.actors[n]!.mentions.map(({ text, start, end, via }) => ({ text, start, end, via }))).toEqual(actor.mentions.map(({ text, start, end, via }) => ({ text, start, end, via })));
    }
    for (const e of [...explained.actors, ...explained.places]) for (const m of e.mentions) expect(m.reason).not.toBe('unknown');
    expect(annotation.actors.length).toBeGreaterThan(4);
    expect(annotation.events.length).toBeGreaterThan(1);
    expect(annotation.stances.length).toBeGreaterThan(0);
    expect(annotation.claims.length).toBeGreaterThan(1);
  });

  it('names the countries.yaml entry of a country actor, and the list its name, demonym or capital is in', () => {
    const [name, demonym] = mentionsOf(explained, 'pakistan');
    expect(name).toMatchObject({ text: 'Pakistan', reason: 'lexicon:country-actor' });
    expect(name!.entries.map(describeEntry)).toEqual([expect.stringMatching(/^lexicons\/countries\.yaml \[\d+\]\.name Pakistan \(PAK\)$/)]);
    expect(demonym).toMatchObject({ text: 'Pakistani', reason: 'lexicon:demonym' });
    expect(demonym!.entries[0]!.key).toMatch(/\.demonyms\[\d+\]$/);
    const [capital] = mentionsOf(explained, 'iran');
    expect(capital).toMatchObject({ text: 'Tehran', reason: 'event:place-as-participant' });
    expect(capital!.entries[0]).toMatchObject({ from: 'lexicon', file: 'lexicons/countries.yaml', entry: 'Iran (IRN)', key: expect.stringMatching(/\.capitals\[\d+\]$/) });
  });

  it('names the title and the owner of an office', () => {
    const [minister] = mentionsOf(explained, 'pakistan-foreign-minister');
    expect(minister!.reason).toBe('agent:possessor');
    expect(minister!.entries.map((e) => [e.file, e.entry])).toEqual([
      ['lexicons/titles.yaml', 'Foreign Minister (GOV)'],
      ['lexicons/countries.yaml', 'Pakistan (PAK)'],
    ]);
  });

  it('gives an event its trigger entry with words and code, and how its source and target were found', () => {
    const visit = explained.events.find((e) => e.trigger.text === 'visited');
    expect(visit).toMatchObject({ code: '042', category: 'CONSULT', codeName: 'Make a visit', reason: 'verb:subject-nearest+object' });
    expect(visit!.word).toMatchObject({ kind: 'verb', words: 'visit', code: '042', source: { from: 'lexicon', file: 'lexicons/events.yaml', key: expect.stringMatching(/^triggers\[\d+\]$/) } });
    expect(visit!.source).toEqual([expect.objectContaining({ text: 'foreign minister', id: 'pakistan-foreign-minister', reason: 'agent:possessor' })]);
    expect(visit!.target).toEqual([expect.objectContaining({ text: 'Tehran', id: 'iran', reason: 'event:place-as-participant' })]);
    const welcome = explained.events.find((e) => e.trigger.text === 'welcomed');
    // A constrained word says what constrains it.
    expect(welcome!.word.object).toContain('delegation');
    expect(welcome!.word.source.entry).toMatch(/^verb "welcome" with object .*delegation.* → 043$/);
  });

  it('names the polarity list of a stance cue, and both words of a position', () => {
    const condemn = explained.stances.find((s) => s.cue.text === 'condemned');
    expect(condemn).toMatchObject({ polarity: 'oppose', via: 'verb', reason: 'verb:object', holder: { id: 'india' } });
    expect(condemn!.entries).toEqual([expect.objectContaining({ file: 'lexicons/stances.yaml', key: expect.stringMatching(/^verbs\.oppose\[\d+\]$/), entry: 'condemn (oppose)' })]);
    const position = annotator.explain('Iran has kept a nuanced stance on the dispute between its neighbours.\n').stances[0];
    expect(position).toMatchObject({ polarity: 'neutral', via: 'position', reason: 'position' });
    expect(position!.entries.map((e) => e.key)).toEqual([expect.stringMatching(/^positions\.neutral\[\d+\]$/), expect.stringMatching(/^positions\.nouns\[\d+\]$/)]);
  });

  it('gives a claim its reason, its cue entries (a hedging verb says so) and its hedges', () => {
    // The claims model (models/claims.json) adds its decision after the rules' entries, and claims of its own
    // ("welcomed the Pakistani delegation"): the rules' claims are found by their reason.
    const suggest = explained.claims.find((c) => c.reason === 'verb:forward');
    const according = explained.claims.find((c) => c.reason === 'according-to');
    expect(suggest).toMatchObject({ reason: 'verb:forward', certainty: 'hedged', source: { text: 'Analysts', id: 'analysts', reason: 'claim:group-source' } });
    expect(suggest!.entries.map((e) => e.key).slice(0, 2)).toEqual([expect.stringMatching(/^verbs\[\d+\]$/), expect.stringMatching(/^hedging_verbs\[\d+\]$/)]);
    expect(suggest!.hedges).toEqual([{ text: 'could', entry: expect.objectContaining({ file: 'lexicons/claims.yaml', key: expect.stringMatching(/^hedges\[\d+\]$/) }) }]);
    expect(suggest!.entries.at(-1)).toMatchObject({ from: 'model', file: 'models/claims.json', key: expect.stringMatching(/^cue-begin by /) });
    expect(according).toMatchObject({ reason: 'according-to', certainty: 'asserted', entries: expect.arrayContaining([expect.objectContaining({ entry: 'according to' })]), source: { id: 'reuters' } });
    const impersonal = annotator.explain('It is believed that the talks will resume.\n').claims[0];
    expect(impersonal).toMatchObject({ reason: 'impersonal:it', source: null, entries: expect.arrayContaining([expect.objectContaining({ key: expect.stringMatching(/^impersonal\[\d+\]$/), entry: 'believe (hedging)' })]) });
  });
});

describe('explain: the formats', () => {
  it('prints one block per kind, each item with its id, then aligned lines with offsets, reason and entry', () => {
    const text = formatExplanationText(explained);
    const lines = text.split('\n');
    expect(lines[0]).toBe('-  (annotate 0.1.0, lexicon ' + explained.annotation.annotator.lexicon + ')');
    expect(lines.filter((l) => /^\S/.test(l)).slice(1)).toEqual(['actors', 'places', 'events', 'stances', 'claims']);
    expect(text).toContain('  pakistan  Pakistan  country PAK\n');
    expect(text).toMatch(/\n {4}"Pakistan" +0–8 +lexicon:country-actor \(via name\) +← lexicons\/countries\.yaml \[\d+\]\.name {2}Pakistan \(PAK\)\n/);
    expect(text).toMatch(/\n {2}e1 {2}042 CONSULT \(Make a visit\) {2}asserted\n {4}trigger +"visited" +28–35 +verb:subject-nearest\+object +← lexicons\/events\.yaml triggers\[\d+\] {2}verb "visit" → 042\n/);
    // The offsets of every mention line of a block start in one column.
    const actorLines = lines.slice(lines.indexOf('actors') + 1, lines.indexOf('places') - 1).filter((l) => l.startsWith('    "'));
    expect(new Set(actorLines.map((l) => l.search(/\d+–\d+/))).size).toBe(1);
    expect(text).not.toContain('\u001b[');
  });

  it('prints JSON with the same ids as the annotation', () => {
    const json = JSON.parse(formatExplanationJson(explained)) as Record<string, { id: string }[]> & { source: { path: string } };
    const { annotation } = explained;
    expect(json.source.path).toBe('-');
    for (const kind of ['actors', 'places', 'events', 'stances', 'claims'] as const) {
      expect(json[kind]!.map((item) => item.id)).toEqual(annotation[kind].map((item) => item.id));
    }
  });
});

describe('annotate explain <file>', () => {
  it('explains a file as text, and as JSON with the same ids as `annotate` gives', async () => {
    const cwd = tempDir({ 'articles/visit.txt': ARTICLE });
    const text = await run(['explain', 'articles/visit.txt'], { cwd });
    expect(text).toMatchObject({ exitCode: 0, stderr: '' });
    expect(text.stdout.split('\n')[0]).toMatch(/^articles\/visit\.txt {2}\(annotate /);
    expect(text.stdout).toContain('condemn (oppose)');
    const json = await run(['explain', 'articles/visit.txt', '--format', 'json'], { cwd });
    expect(json.exitCode).toBe(0);
    const parsed = JSON.parse(json.stdout) as { source: { path: string }; events: { id: string }[] };
    const annotation = annotator.annotate(ARTICLE);
    expect(parsed.source.path).toBe('articles/visit.txt');
    expect(parsed.events.map((e) => e.id)).toEqual(annotation.events.map((e) => e.id));
  });

  it('reads stdin for -, and anchors dates with --date', async () => {
    const result = await run(['explain', '-', '--format', 'json', '--date', '2024-05-02'], { cwd: tempDir({}), stdin: Buffer.from(ARTICLE) });
    expect(result.exitCode).toBe(0);
    expect((JSON.parse(result.stdout) as { source: { path: string; date: string } }).source).toMatchObject({ path: '-', date: '2024-05-02' });
  });

  it("names the config entry of a user's actor and event word (the config found upward, or --config)", async () => {
    const cwd = tempDir({ 'annotate.config.yaml': CONFIG, 'news/annex.txt': CONFIG_ARTICLE, 'other/vocabulary.yaml': CONFIG });
    // Found upward from news/, so named from there.
    const result = await run(['explain', 'annex.txt'], { cwd: path.join(cwd, 'news'), fresh: true });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toMatch(/\n {4}"Ruritania" +0–9 +lexicon:country-actor \(via name\) +← \.\.\/annotate\.config\.yaml actors\[0\]\.name {2}Ruritania \(RUR\)\n/);
    expect(result.stdout).toMatch(/\n {4}trigger +"annexed" .* ← \.\.\/annotate\.config\.yaml events\[0\] {2}verb "annex" → 192\n/);
    const json = await run(['explain', 'annex.txt', '--format', 'json', '--config', '../other/vocabulary.yaml'], { cwd: path.join(cwd, 'news'), fresh: true });
    const explanation = JSON.parse(json.stdout) as Omit<Explanation, 'annotation'>;
    const brigade = explanation.actors.find((a) => a.id === 'black-elk-brigade');
    expect(brigade!.mentions[0]).toMatchObject({ reason: 'config:actor', entries: [{ from: 'config', file: '../other/vocabulary.yaml', key: 'actors[1].name', entry: 'Black Elk Brigade (RURREB)' }] });
    const annex = explanation.events.find((e) => e.trigger.text === 'annexed');
    expect(annex!.word).toMatchObject({ words: 'annex', code: '192', source: { from: 'config', file: '../other/vocabulary.yaml', key: 'events[0]' } });
  });

  it('fails with one line naming the file for a missing, binary, non-UTF-8 or bad front matter file (exit 2)', async () => {
    const cwd = tempDir({
      'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]),
      'latin1.txt': Buffer.from('caf\xe9 au lait', 'latin1'),
      'bad.md': '---\ntitle: [unclosed\n---\nText.\n',
    });
    const cases: [string, RegExp][] = [
      ['no/such.txt', /^error no\/such\.txt: no such file or directory\n$/],
      ['image.txt', /^error image\.txt: binary file/],
      ['latin1.txt', /^error latin1\.txt: not valid UTF-8/],
      ['bad.md', /^error bad\.md: .*front matter/],
    ];
    for (const [file, message] of cases) {
      const result = await run(['explain', file], { cwd });
      expect(result, file).toMatchObject({ exitCode: 2, stdout: '' });
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('is a usage error (exit 2) without a file, with an unknown format or a bad date', async () => {
    const cwd = tempDir({ 'a.txt': ARTICLE });
    for (const argv of [['explain'], ['explain', 'a.txt', '--format', 'yaml'], ['explain', 'a.txt', '--date', 'May 2']]) {
      const result = await run(argv, { cwd });
      expect(result, argv.join(' ')).toMatchObject({ exitCode: 2, stdout: '' });
      expect(result.stderr).not.toBe('');
    }
  });

  it('runs without commander too: runExplain(file, flags, io)', async () => {
    const cwd = tempDir({ 'a.txt': ARTICLE });
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    const flags: ExplainFlags = { format: 'json' };
    const code = await runExplain('a.txt', flags, { stdout, stderr: new PassThrough(), stdin: Readable.from([]), cwd, annotator });
    expect(code).toBe(0);
    expect((JSON.parse(out) as { claims: unknown[] }).claims).toHaveLength(explained.claims.length);
  });
});
