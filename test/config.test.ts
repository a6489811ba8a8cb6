// annotate.config.yaml: the settings and vocabulary it yields, every error naming file, line and key, the JSON
// Schema agreeing with the loader and published in sync, finding the file upward, and what the command line does
// with a good, a bad or a missing config.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { findSchemaProblem } from '../src/config/check-config-schema.js';
import { configSchema, ISO_DATE } from '../src/config/config-schema.js';
import { CONFIG_FILE, ConfigError, EMPTY_CONFIG, findConfigFile, loadConfig, parseConfig } from '../src/config/load-config.js';
import { annotationSchema } from '../src/model/annotation.js';
import { runCli } from './helpers.js';

const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'fixtures', 'config');

/** The message parseConfig throws for `text`, or a failure when it does not throw a ConfigError. */
function errorOf(text: string, options?: { knownEventCodes?: ReadonlySet<string> }): string {
  try {
    parseConfig(text, CONFIG_FILE, options);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'annotate-config-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('parseConfig: the vocabulary', () => {
  it('reads actors and event words, with the documented defaults', () => {
    const config = loadConfig(path.join(fixtures, CONFIG_FILE));
    expect(config.vocabulary).toEqual({
      actors: [
        { name: 'Arnor', aliases: ['Arnorian government'], code: 'ARN', type: 'country' },
        { name: 'White House', aliases: [], code: 'USAGOV', type: 'organization' },
      ],
      events: [
        { code: '192', kind: 'verb', words: 'annex', object: [], after: [] },
        { code: '141', kind: 'noun', words: 'sit-in', object: [], after: [] },
        { code: '161', kind: 'verb', words: 'sever', object: ['ties', 'relations'], after: [] },
        { code: '195', kind: 'noun', words: 'strike', object: [], after: ['drone'] },
      ],
    });
    expect(config.hash).toMatch(/^[0-9a-f]{12}$/);
  });

  it('a three-letter code makes a country, a longer code or none an organization, unless type says otherwise', () => {
    const { actors } = parseConfig(
      ['actors:', '  - {name: Arnor, code: ARN}', '  - {name: Arnor Army, code: ARNMIL}', '  - {name: Rangers}', '  - {name: Aragorn, code: ARN, type: person}', '  - {name: Dunedain, code: null, type: group}'].join('\n'),
      CONFIG_FILE,
    ).vocabulary;
    expect(actors.map((a) => [a.name, a.code, a.type])).toEqual([
      ['Arnor', 'ARN', 'country'],
      ['Arnor Army', 'ARNMIL', 'organization'],
      ['Rangers', null, 'organization'],
      ['Aragorn', 'ARN', 'person'],
      ['Dunedain', null, 'group'],
    ]);
  });

  it('lower-cases and collapses the spaces of event words; actor names keep their case', () => {
    const { vocabulary } = parseConfig(
      ['actors: [{name: "  White   House ", aliases: [POTUS]}]', 'events:', '  - {verb: "Pave  the Way", code: "036", object: [Talks]}', '  - {noun: Air Strike, code: "195", after: [US]}'].join('\n'),
      CONFIG_FILE,
    );
    expect(vocabulary.actors[0]).toMatchObject({ name: 'White House', aliases: ['POTUS'] });
    expect(vocabulary.events.map((e) => [e.words, e.object, e.after])).toEqual([
      ['pave the way', ['talks'], []],
      ['air strike', [], ['us']],
    ]);
  });

  it('an empty file, a file of comments and empty keys all give no settings and the empty vocabulary and hash', () => {
    const cwd = path.resolve('/projects/news');
    for (const text of ['', '# nothing yet\n# still nothing\n', 'actors:\nevents: []\n']) {
      expect(parseConfig(text, CONFIG_FILE, { cwd })).toEqual({ ...EMPTY_CONFIG, file: CONFIG_FILE, dir: cwd });
    }
  });

  it('the hash follows the vocabulary, not the layout or comments of the file', () => {
    const block = parseConfig('# ours\nevents:\n  - verb: annex\n    code: "192"\n', CONFIG_FILE);
    const flow = parseConfig('events: [{code: "192", verb: ANNEX}]', 'other.yaml');
    const changed = parseConfig('events: [{verb: annex, code: "193"}]', CONFIG_FILE);
    expect(flow.hash).toBe(block.hash);
    expect(changed.hash).not.toBe(block.hash);
  });

  it('YAML anchors and aliases can share a list between entries', () => {
    const { events } = parseConfig('events:\n  - {verb: sever, code: "161", object: &ties [ties, relations]}\n  - {verb: cut, code: "161", object: *ties}\n', CONFIG_FILE).vocabulary;
    expect(events[1]!.object).toEqual(['ties', 'relations']);
  });

  it('one anchored list may be shared by hundreds of entries', () => {
    const shared = Array.from({ length: 300 }, (_, i) => `  - {verb: cut${i}, code: "161", object: *ties}`);
    const text = ['events:', '  - {verb: sever, code: "161", object: &ties [ties, relations]}', ...shared].join('\n');
    const { events } = parseConfig(text, CONFIG_FILE).vocabulary;
    expect(events).toHaveLength(301);
    expect(events[300]!.object).toEqual(['ties', 'relations']);
  });

  it('with knownEventCodes, codes of the codebook pass', () => {
    const config = parseConfig('events: [{verb: annex, code: "192"}]', CONFIG_FILE, { knownEventCodes: new Set(['19', '192']) });
    expect(config.vocabulary.events).toHaveLength(1);
  });
});

describe('parseConfig: the settings of the run', () => {
  it('reads inputs, ignore, outDir, format and date as written, and dir as the directory of the file', () => {
    const config = loadConfig(CONFIG_FILE, { cwd: fixtures });
    expect(config.file).toBe(CONFIG_FILE);
    expect(config.dir).toBe(fixtures);
    expect(config.settings).toStrictEqual({
      inputs: ['articles/', 'wires/*.txt'],
      ignore: ['drafts/**', '**/*.draft.md'],
      outDir: '../annotations',
      format: 'ndjson',
      date: '2024-05-02',
    });
  });

  it('dir is absolute: a file named relative to cwd, through parent directories, or absolute', () => {
    const cwd = path.resolve('/projects/news/2024');
    expect(parseConfig('', '../annotate.config.yaml', { cwd }).dir).toBe(path.resolve('/projects/news'));
    expect(parseConfig('', 'conf/vocab.yaml', { cwd }).dir).toBe(path.join(cwd, 'conf'));
    expect(parseConfig('', path.join(fixtures, CONFIG_FILE), { cwd }).dir).toBe(fixtures);
    expect(loadConfig(path.join('..', 'fixtures', 'config', CONFIG_FILE), { cwd: path.join(root, 'test') }).dir).toBe(fixtures);
  });

  it('keys the file leaves out are absent, not defaulted', () => {
    expect(parseConfig('actors: [{name: Arnor}]\n', CONFIG_FILE).settings).toStrictEqual({});
    const { settings } = parseConfig('format: json\n', CONFIG_FILE);
    expect(settings).toStrictEqual({ format: 'json' });
    expect(Object.keys(settings)).toEqual(['format']);
  });

  it('paths and globs are kept exactly as written: not resolved, normalised or trimmed', () => {
    const { settings } = parseConfig(
      ['inputs:', '  - ./news/../wires/', '  - /srv/corpus/2024', '  - " spaced name.txt"', '  - "articles/**/*.{txt,md}"', 'outDir: ./out//yaml/', 'ignore: [drafts/**, "*.draft.md"]'].join('\n'),
      CONFIG_FILE,
    );
    expect(settings).toStrictEqual({
      inputs: ['./news/../wires/', '/srv/corpus/2024', ' spaced name.txt', 'articles/**/*.{txt,md}'],
      outDir: './out//yaml/',
      ignore: ['drafts/**', '*.draft.md'],
    });
  });

  it('every output format is accepted', () => {
    for (const format of ['yaml', 'json', 'ndjson']) expect(parseConfig(`format: ${format}`, CONFIG_FILE).settings.format).toBe(format);
  });

  it('a date is the same string quoted or not (YAML 1.2 reads an unquoted date as a string), leap days included', () => {
    for (const text of ['date: 2024-05-02', 'date: "2024-05-02"', "date: '2024-05-02'"]) {
      expect(parseConfig(text, CONFIG_FILE).settings.date).toBe('2024-05-02');
    }
    expect(parseConfig('date: 2024-02-29', CONFIG_FILE).settings.date).toBe('2024-02-29');
    expect(parseConfig('model: false', CONFIG_FILE).settings.model).toBe(false);
    expect(parseConfig('date: 2000-02-29', CONFIG_FILE).settings.date).toBe('2000-02-29');
  });

  it('ignore: with nothing after it, or with every line commented out, ignores nothing', () => {
    expect(parseConfig('ignore:\n  # - drafts/**\n', CONFIG_FILE).settings).toStrictEqual({ ignore: [] });
  });

  it('the hash covers the vocabulary only: settings do not change it', () => {
    const events = 'events: [{verb: annex, code: "192"}]\n';
    const bare = parseConfig(events, CONFIG_FILE);
    const full = parseConfig(`inputs: [news/]\nignore: [drafts/**]\noutDir: out\nformat: json\ndate: 2024-05-02\n${events}`, CONFIG_FILE);
    expect(full.hash).toBe(bare.hash);
    expect(parseConfig('format: json\ndate: 2024-05-02\n', CONFIG_FILE).hash).toBe('');
  });

  it('the yaml-language-server comment of the example parses as a comment', () => {
    const text = readFileSync(path.join(fixtures, CONFIG_FILE), 'utf8');
    const modeline = '# yaml-language-server: $schema=./node_modules/annotate/schema/annotate.config.schema.json';
    expect(text.split('\n')[0]).toBe(modeline);
    expect(parseConfig(`${modeline}\nformat: json\n`, CONFIG_FILE).settings).toStrictEqual({ format: 'json' });
    // The path it names is where the package puts the schema once installed.
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; files: string[] };
    const [, name, file] = /node_modules\/([^/]+)\/(.+)$/.exec(modeline)!;
    expect(name).toBe(pkg.name);
    expect(existsSync(path.join(root, file!))).toBe(true);
    expect(pkg.files).toContain(file!.split('/')[0]);
  });
});

/** Configs the loader rejects, with the message it gives (the first problem in the file). */
const cases: [what: string, text: string, message: string][] = [
  ['two YAML documents', 'actors: []\n---\nevents: []\n', 'annotate.config.yaml:2: invalid YAML at column 1: a second document (after ---): the config is one document'],
  ['an alias without its anchor', 'events:\n  - {verb: cut, code: "161", object: *ties}\n', 'annotate.config.yaml:2: events[0].object: unknown alias *ties (to write a value that starts with *, quote it: "*ties")'],
  ['a list at the top level', '- name: Arnor\n', 'annotate.config.yaml:1: the top level must be a mapping with keys inputs, ignore, outDir, format, date, model, actors, events, got a list'],
  ['a typo in a top-level key', '# ours\nactor:\n  - name: Arnor\n', 'annotate.config.yaml:2: unknown key "actor" (did you mean "actors"?)'],
  ['an unknown top-level key with no near miss', 'threads: 4\n', 'annotate.config.yaml:1: unknown key "threads" (known keys: inputs, ignore, outDir, format, date, model, actors, events)'],
  ['outdir in lower case', 'outdir: out/\n', 'annotate.config.yaml:1: unknown key "outdir" (did you mean "outDir"?)'],
  ['out-dir as the flag spells it', 'out-dir: out/\n', 'annotate.config.yaml:1: unknown key "out-dir" (did you mean "outDir"?)'],
  ['output for outDir', 'output: out/\n', 'annotate.config.yaml:1: unknown key "output" (did you mean "outDir"?)'],
  ['ignores for ignore', 'ignores: [drafts/**]\n', 'annotate.config.yaml:1: unknown key "ignores" (did you mean "ignore"?)'],
  ['exclude for ignore', 'exclude: [drafts/**]\n', 'annotate.config.yaml:1: unknown key "exclude" (did you mean "ignore"?)'],
  ['input for inputs', 'input: [news/]\n', 'annotate.config.yaml:1: unknown key "input" (did you mean "inputs"?)'],
  ['Format capitalised', 'Format: json\n', 'annotate.config.yaml:1: unknown key "Format" (did you mean "format"?)'],
  ['inputs not a list', 'inputs: articles/\n', 'annotate.config.yaml:1: inputs: must be a list of files, directories or globs, got "articles/" (for one, write ["articles/"])'],
  ['inputs an empty list', 'outDir: out\ninputs: []\n', 'annotate.config.yaml:2: inputs: must list at least one file, directory or glob (leave "inputs" out to name them on the command line)'],
  ['inputs with nothing after it', 'inputs:\n', 'annotate.config.yaml:1: inputs: must list at least one file, directory or glob (leave "inputs" out to name them on the command line)'],
  ['an input that is a number', 'inputs:\n  - news/\n  - 2024\n', 'annotate.config.yaml:3: inputs[1]: must be a string, got 2024 (quote it, "2024", if that is the path)'],
  ['an input that is a mapping', 'inputs:\n  - {path: news/}\n', 'annotate.config.yaml:2: inputs[0]: must be a string, got a mapping'],
  ['an empty ignore glob', 'ignore: [""]\n', 'annotate.config.yaml:1: ignore[0]: must be a non-empty string, got ""'],
  ['a blank ignore glob', 'ignore:\n  - drafts/**\n  - "   "\n', 'annotate.config.yaml:3: ignore[1]: must be a non-empty string, got "   "'],
  ['ignore not a list', 'ignore: drafts/**\n', 'annotate.config.yaml:1: ignore: must be a list of globs, got "drafts/**" (for one, write ["drafts/**"])'],
  ['an unquoted glob that starts with *', 'ignore:\n  - drafts/**\n  - **/*.draft.md\n', 'annotate.config.yaml:3: ignore[1]: unknown alias **/*.draft.md (to write a value that starts with *, quote it: "**/*.draft.md")'],
  ['an unquoted glob that starts with !', 'ignore:\n  - drafts/**\n  - !drafts/keep.md\n', 'annotate.config.yaml:3: invalid YAML at column 5: unknown tag !drafts/keep.md (to write a value that starts with !, quote it)'],
  ['outDir a number', 'outDir: 3\n', 'annotate.config.yaml:1: outDir: must be a string, got 3 (quote it, "3", if that is the path)'],
  ['outDir empty', 'outDir: ""\n', 'annotate.config.yaml:1: outDir: must be a non-empty string, got ""'],
  ['outDir with nothing after it', 'format: json\noutDir:\n', 'annotate.config.yaml:2: outDir: must be a string, got nothing'],
  ['outDir a list', 'outDir: [a, b]\n', 'annotate.config.yaml:1: outDir: must be a string, got a list'],
  ['an unknown format', 'format: xml\n', 'annotate.config.yaml:1: format: must be one of yaml, json, ndjson, got "xml"'],
  ['a format in capitals', 'format: YAML\n', 'annotate.config.yaml:1: format: must be one of yaml, json, ndjson, got "YAML"'],
  ['model as a word', 'model: off\n', 'annotate.config.yaml:1: model: must be true or false, got "off"'],
  ['format with nothing after it', 'format:\n', 'annotate.config.yaml:1: format: must be one of yaml, json, ndjson, got nothing'],
  ['a month that does not exist', 'date: 2024-13-01\n', 'annotate.config.yaml:1: date: 2024-13-01 is not a real date: there is no month 13'],
  ['month 00', 'date: "2024-00-10"\n', 'annotate.config.yaml:1: date: 2024-00-10 is not a real date: there is no month 00'],
  ['day 00', 'date: 2024-03-00\n', 'annotate.config.yaml:1: date: 2024-03-00 is not a real date: there is no day 00'],
  ['February 30th', 'date: 2024-02-30\n', 'annotate.config.yaml:1: date: 2024-02-30 is not a real date: February 2024 has 29 days'],
  ['February 29th of a common year', 'date: 2023-02-29\n', 'annotate.config.yaml:1: date: 2023-02-29 is not a real date: February 2023 has 28 days'],
  ['February 29th of a century not divisible by 400', 'date: 1900-02-29\n', 'annotate.config.yaml:1: date: 1900-02-29 is not a real date: February 1900 has 28 days'],
  ['April 31st', 'date: 2024-04-31\n', 'annotate.config.yaml:1: date: 2024-04-31 is not a real date: April has 30 days'],
  ['a date without leading zeros', 'date: 2024-5-2\n', 'annotate.config.yaml:1: date: must be a date written YYYY-MM-DD such as 2024-05-02, got "2024-5-2"'],
  ['a date with a time', 'date: 2024-05-02T10:00:00Z\n', 'annotate.config.yaml:1: date: must be a date written YYYY-MM-DD such as 2024-05-02, got "2024-05-02T10:00:00Z"'],
  ['a date as a number', 'date: 20240502\n', 'annotate.config.yaml:1: date: must be a date written YYYY-MM-DD such as 2024-05-02, got 20240502'],
  ['a date read as a YAML 1.1 timestamp', '%YAML 1.1\n---\ndate: 2024-05-02\n', 'annotate.config.yaml:3: date: must be a string: YAML 1.1 reads 2024-05-02 as a timestamp; quote it, "2024-05-02"'],
  ['a typo in an entry key', 'actors:\n  - name: Arnor\n    alias: [Arnorians]\n', 'annotate.config.yaml:3: actors[0]: unknown key "alias" (did you mean "aliases"?)'],
  ['an unknown entry key', 'events:\n  - {verb: annex, code: "192", weight: 2}\n', 'annotate.config.yaml:2: events[0]: unknown key "weight" (known keys: verb, noun, code, object, after)'],
  ['actors not a list', 'actors: Arnor\n', 'annotate.config.yaml:1: actors: must be a list of actors, got "Arnor"'],
  ['an actor that is not a mapping', 'actors:\n  - Arnor\n', 'annotate.config.yaml:2: actors[0]: must be a mapping with keys name, aliases, code, type, roles, got "Arnor"'],
  ['a missing name', 'actors:\n  - name: Arnor\n  - code: GON\n    type: country\n', 'annotate.config.yaml:3: actors[1]: missing "name"'],
  ['an empty name', 'actors:\n  - name: ""\n', 'annotate.config.yaml:2: actors[0].name: must be a non-empty string, got ""'],
  ['a name with no value', 'actors:\n  - code: ARN\n    name:\n', 'annotate.config.yaml:3: actors[0].name: must be a non-empty string, got nothing'],
  ['a name that is a number', 'actors:\n  - name: 42\n', 'annotate.config.yaml:2: actors[0].name: must be a non-empty string, got 42'],
  ['aliases not a list', 'actors:\n  - name: Arnor\n    aliases: Arnorian government\n', 'annotate.config.yaml:3: actors[0].aliases: must be a list of strings, got "Arnorian government"'],
  ['an alias that is not a string', 'actors:\n  - name: Arnor\n    aliases:\n      - Arnorians\n      - {name: x}\n', 'annotate.config.yaml:5: actors[0].aliases[1]: must be a non-empty string, got a mapping'],
  ['a code that is not a CAMEO actor code', 'actors:\n  - {name: Arnor, code: ARNO}\n', 'annotate.config.yaml:2: actors[0].code: must be a CAMEO actor code such as PAK or PAKGOV, got "ARNO"'],
  ['an unknown actor type', 'actors:\n  - name: Arnor\n    type: nation\n', 'annotate.config.yaml:3: actors[0].type: must be one of person, organization, country, group, got "nation"'],
  ['the same actor twice, in another case', 'actors:\n  - name: Arnor\n  - name: Gondor\n  - name: ARNOR\n', 'annotate.config.yaml:4: actors[2].name: duplicate actor "ARNOR" (actors[0] has the same name)'],
  ['an event with verb and noun', 'events:\n  - verb: strike\n    noun: strike\n    code: "195"\n', 'annotate.config.yaml:3: events[0]: give either "verb" or "noun", not both'],
  ['an event with neither verb nor noun', 'events:\n  - {code: "195"}\n', 'annotate.config.yaml:2: events[0]: missing "verb" or "noun" (the word that reports the event)'],
  ['an event without a code', 'events:\n  - verb: annex\n', 'annotate.config.yaml:2: events[0]: missing "code" (the CAMEO event code, quoted, such as "042")'],
  ['an unquoted code', 'events:\n  - verb: annex\n    code: 192\n', 'annotate.config.yaml:3: events[0].code: must be a quoted string such as "192": unquoted, YAML reads it as a number (and 042 as 42)'],
  ['an unquoted code with a leading zero', 'events:\n  - {verb: visit, code: 042}\n', 'annotate.config.yaml:2: events[0].code: must be a quoted string such as "042": unquoted, YAML reads it as a number (and 042 as 42)'],
  ['a code of letters', 'events:\n  - {verb: annex, code: "19x"}\n', 'annotate.config.yaml:2: events[0].code: must be a CAMEO event code of 2 to 4 digits such as "04" or "042", got "19x"'],
  ['a code of five digits', 'events:\n  - {verb: annex, code: "19222"}\n', 'annotate.config.yaml:2: events[0].code: must be a CAMEO event code of 2 to 4 digits such as "04" or "042", got "19222"'],
  ['object on a noun', 'events:\n  - noun: talks\n    code: "040"\n    object: [peace]\n', 'annotate.config.yaml:4: events[0].object: only a verb takes "object" (a noun takes "after")'],
  ['after on a verb', 'events:\n  - {verb: strike, code: "195", after: [drone]}\n', 'annotate.config.yaml:2: events[0].after: only a noun takes "after" (a verb takes "object")'],
  ['object not a list', 'events:\n  - {verb: sever, code: "161", object: ties}\n', 'annotate.config.yaml:2: events[0].object: must be a list of strings, got "ties"'],
];

describe('parseConfig: errors name the file, the line and the key', () => {
  it('the example of the docs: a lower-case actor code on line 7', () => {
    let caught: unknown;
    try {
      loadConfig(path.join(fixtures, 'bad-actor-code.yaml'), { cwd: fixtures });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.message).toBe(`${path.join(fixtures, 'bad-actor-code.yaml')}:7: actors[1].code: must be a CAMEO actor code such as PAK or PAKGOV, got "pak"`);
    expect([error.line, error.key]).toEqual([7, 'actors[1].code']);
  });


  it.each(cases)('%s', (_what, text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('invalid YAML: the line and column where the parser stopped, and its reason', () => {
    expect(errorOf('actors:\n  - name: Arnor: Gondor\n')).toBe('annotate.config.yaml:2: invalid YAML at column 11: Nested mappings are not allowed in compact mappings');
    expect(errorOf('actors:\n  - name: Arnor\n    name: Gondor\n')).toBe('annotate.config.yaml:3: invalid YAML at column 5: Map keys must be unique');
  });

  it('nested aliases (a "billion laughs") stop at the first list where a word belongs, before anything expands them', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `  - {verb: v${i + 1}, code: "10", object: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]}`);
    const text = ['events:', `  - {verb: v0, code: "10", object: &l0 [${Array(10).fill('lol').join(', ')}]}`, ...levels].join('\n');
    // The line is where the aliased list is written, the key where it is used.
    expect(errorOf(text)).toBe('annotate.config.yaml:2: events[1].object[0]: must be a non-empty string, got a list');
  });

  it('a code outside the codebook, when the codebook is given', () => {
    expect(errorOf('events:\n  - {verb: annex, code: "999"}\n', { knownEventCodes: new Set(['19', '192']) })).toBe(
      'annotate.config.yaml:2: events[0].code: "999" is not a CAMEO code in lexicons/cameo.yaml',
    );
  });

  it('the first error in the file is the one reported', () => {
    expect(errorOf('events:\n  - {verb: annex, code: 192}\nactors:\n  - {name: Arnor, code: arn}\n')).toMatch(/^annotate\.config\.yaml:2: events\[0\]\.code:/);
    expect(errorOf('date: 2024-02-30\nformat: xml\n')).toMatch(/^annotate\.config\.yaml:1: date:/);
  });

  it('an unreadable file: the file and the reason, no line', () => {
    const dir = tempDir();
    expect(() => loadConfig('nope.yaml', { cwd: dir })).toThrow(new ConfigError('nope.yaml', null, null, 'cannot read the file (no such file)'));
    writeFileSync(path.join(dir, 'latin1.yaml'), Buffer.from('actors: [{name: Caf\xe9}]', 'latin1'));
    expect(() => loadConfig('latin1.yaml', { cwd: dir })).toThrow('latin1.yaml: not valid UTF-8');
  });
});

describe('the JSON Schema of the config file', () => {
  // Compiled here as an editor would, apart from the loader's own copy.
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(configSchema);
  const schemaAccepts = (text: string): boolean => validate(parseDocument(text).toJS());

  /** Errors of the YAML text itself, or meanings JSON Schema cannot express: the loader alone catches them. */
  const LOADER_ONLY: Record<string, string> = {
    'two YAML documents': 'not one document to validate',
    'an alias without its anchor': 'not one document to validate',
    'an unquoted glob that starts with *': 'not one document to validate',
    'an unquoted glob that starts with !': 'a tag YAML cannot resolve',
    'the same actor twice, in another case': 'uniqueness regardless of case',
  };

  /** Every valid config the tests above read, and the example of the docs. */
  const valid = [
    readFileSync(path.join(fixtures, CONFIG_FILE), 'utf8'),
    '',
    '# nothing yet\n',
    'actors:\nevents: []\n',
    'ignore:\n  # - drafts/**\n',
    'actors:\n  - {name: Arnor, code: ARN}\n  - {name: Arnor Army, code: ARNMIL}\n  - {name: Rangers}\n  - {name: Aragorn, code: ARN, type: person}\n  - {name: Dunedain, code: null, type: group}\n',
    'actors: [{name: "  White   House ", aliases: [POTUS]}]\nevents:\n  - {verb: "Pave  the Way", code: "036", object: [Talks]}\n  - {noun: Air Strike, code: "195", after: [US]}\n',
    'events:\n  - {verb: sever, code: "161", object: &ties [ties, relations]}\n  - {verb: cut, code: "161", object: *ties}\n',
    'events:\n  - {verb: strike, code: "195", object:}\n',
    'inputs:\n  - ./news/../wires/\n  - " spaced name.txt"\n  - "articles/**/*.{txt,md}"\noutDir: ./out//yaml/\nignore: [drafts/**, "*.draft.md"]\n',
    'format: yaml\ndate: 2024-02-29\n',
    'format: json\ndate: "2000-02-29"\n',
    'format: ndjson\n',
  ];

  it('the loader and the schema both accept every valid example', () => {
    for (const text of valid) {
      expect(() => parseConfig(text, CONFIG_FILE), text).not.toThrow();
      expect(schemaAccepts(text), text).toBe(true);
    }
  });

  it('the schema alone rejects every config the loader rejects, but for what JSON Schema cannot say', () => {
    for (const [what, text] of cases.filter(([w]) => !(w in LOADER_ONLY))) expect(schemaAccepts(text), what).toBe(false);
    // The loader-only cases are there, and are rejected by the loader (above), so the list stays honest.
    for (const what of Object.keys(LOADER_ONLY)) expect(cases.map(([w]) => w)).toContain(what);
  });

  it("the loader's own schema check places each problem on the line the walk names, at its key or inside it", () => {
    for (const [what, text, message] of cases.filter(([w]) => !(w in LOADER_ONLY))) {
      const walk = placeOf(message.slice(`${CONFIG_FILE}:`.length));
      const schema = placeOf(schemaProblemOf(text));
      expect(schema.line, what).toBe(walk.line);
      expect(walk.key === '' ? schema.key : schema.key.slice(0, walk.key.length), what).toBe(walk.key);
    }
  });

  it("the loader's own schema check says what is wrong in words", () => {
    expect(schemaProblemOf('actors:\n  - {name: Arnor, code: arn}\n')).toBe(
      '2: actors[0].code: "arn" does not fit: CAMEO actor code: ISO 3166-1 alpha-3 country plus optional three-letter sector codes (PAK, PAKGOV); null for none.',
    );
    expect(schemaProblemOf('events:\n  - noun: talks\n    code: "040"\n    object: [peace]\n')).toBe('4: events[0].object: not allowed in this entry');
    expect(schemaProblemOf('format: json\nouputDir: out\n')).toBe('2: unknown key "ouputDir"');
    expect(schemaProblemOf('actors:\n  - {code: ARN}\n')).toBe('2: actors[0]: missing "name"');
    expect(schemaProblemOf('format: xml\n')).toBe('1: format: must be one of yaml, json, ndjson, got "xml"');
    expect(schemaProblemOf('inputs: news/\n')).toBe('1: inputs: must be a list, got "news/"');
    expect(schemaProblemOf('inputs: []\n')).toBe('1: inputs: must have at least 1 entry');
    expect(schemaProblemOf('- actors\n')).toBe('1: the top level must be a mapping or empty, got a list');
    // Through an alias, the problem is where the aliased list is written.
    expect(schemaProblemOf('events:\n  - {verb: sever, code: "161", object: &o [ties, 3]}\n  - {verb: cut, code: "161", object: *o}\n')).toBe(
      '2: events[0].object[1]: must be a string, got 3',
    );
  });
});

describe('the JSON Schema: its shape and its published copies', () => {
  it('ISO_DATE matches exactly the days of the calendar, leap years included', () => {
    const isDay = (year: number, month: number, day: number): boolean => {
      const date = new Date(0);
      date.setUTCFullYear(year, month - 1, day);
      return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    };
    const pattern = new RegExp(ISO_DATE, 'u');
    const years = [0, 1, 4, 100, 200, 400, 1600, 1700, 1900, 2000, 2023, 2024, 2100, 2400, 9996, 9999];
    for (let year = 1895; year <= 1905; year++) years.push(year);
    const wrong: string[] = [];
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          if (pattern.test(text) !== isDay(year, month, day)) wrong.push(text);
        }
      }
    }
    expect(wrong).toEqual([]);
    for (const text of ['2024-05-02x', ' 2024-05-02', '24-05-02', '2024-5-02', '2024/05/02', '12024-05-02']) expect(pattern.test(text), text).toBe(false);
  });

  it('names itself, and every object in it has descriptions on its keys and allows no others', () => {
    expect(configSchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://annotate.dev/schema/annotate.config.schema.json',
      title: expect.stringContaining('annotate.config.yaml'),
    });
    const undescribed: string[] = [];
    const open: string[] = [];
    const visit = (schema: unknown, at: string): void => {
      if (typeof schema !== 'object' || schema === null) return;
      const s = schema as Record<string, unknown>;
      const properties = s.properties as Record<string, unknown> | undefined;
      if (([] as unknown[]).concat(s.type).includes('object') && s.additionalProperties !== false) open.push(at);
      for (const [key, value] of Object.entries(properties ?? {})) {
        if (typeof value === 'object' && typeof (value as { description?: unknown }).description !== 'string') undescribed.push(`${at}.${key}`);
      }
      for (const [key, value] of Object.entries(s)) visit(value, `${at}/${key}`);
    };
    visit(configSchema, '#');
    expect(undescribed).toEqual([]);
    expect(open).toEqual([]);
  });

  const published: [file: string, schema: unknown][] = [
    ['schema/annotate.config.schema.json', configSchema],
    ['schema/annotation.schema.json', annotationSchema],
  ];

  it.each(published)('%s is the schema in the code, pretty-printed', (file, schema) => {
    const expected = JSON.stringify(schema, null, 2) + '\n';
    const absolute = path.join(root, file);
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(absolute, expected);
    const actual = existsSync(absolute) ? readFileSync(absolute, 'utf8') : '(missing)';
    expect(actual, `${file} is out of date: run UPDATE_SCHEMA=1 npx vitest run test/config.test.ts, review the diff and commit it`).toBe(expected);
  });

  it('the package ships the schema directory', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('schema');
  });
});

/** `line: key: reason` (or `line: reason`) of the first problem the loader's schema check finds in `text`. */
function schemaProblemOf(text: string): string {
  const lines = new LineCounter();
  const problem = findSchemaProblem(parseDocument(text, { lineCounter: lines }));
  if (problem === null) throw new Error(`the schema accepts ${JSON.stringify(text)}`);
  const line = problem.node.range === null || problem.node.range === undefined ? '?' : lines.linePos(problem.node.range[0]).line;
  return `${line}: ${problem.key === null ? '' : `${problem.key}: `}${problem.reason}`;
}

/** The line and key of `line: key: reason`; the key is '' when the message is about the file as a whole. */
function placeOf(message: string): { line: string; key: string } {
  const [, line = '', key = ''] = /^(\d+): (?:([\w.]+(?:\[\d+\][\w.]*)*): )?/.exec(message) ?? [];
  return { line, key };
}

describe('findConfigFile', () => {
  it('finds the nearest annotate.config.yaml in the directory or one of its parents', () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'a', 'b', 'c', 'd'), { recursive: true });
    writeFileSync(path.join(root, 'a', CONFIG_FILE), '');
    writeFileSync(path.join(root, 'a', 'b', 'c', CONFIG_FILE), '');
    expect(findConfigFile(path.join(root, 'a', 'b', 'c', 'd'))).toBe(path.join(root, 'a', 'b', 'c', CONFIG_FILE));
    expect(findConfigFile(path.join(root, 'a', 'b', 'c'))).toBe(path.join(root, 'a', 'b', 'c', CONFIG_FILE));
    expect(findConfigFile(path.join(root, 'a', 'b'))).toBe(path.join(root, 'a', CONFIG_FILE));
  });

  it('returns null when no directory up to the root has one', () => {
    const root = tempDir();
    const ancestors: string[] = [];
    for (let dir = root; ancestors.at(-1) !== dir; dir = path.dirname(dir)) ancestors.push(dir);
    // A stray config above the temp dir on this machine would be found, rightly: then there is nothing to assert.
    if (ancestors.some((dir) => existsSync(path.join(dir, CONFIG_FILE)))) return;
    expect(findConfigFile(root)).toBeNull();
  });
});

describe('annotate --config', () => {
  function workspace(config?: string): string {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'news'));
    writeFileSync(path.join(dir, 'news', 'one.txt'), 'Pakistan and Iran held talks in Tehran.');
    if (config !== undefined) copyFileSync(path.join(fixtures, config), path.join(dir, CONFIG_FILE));
    return dir;
  }

  it('a bad config found in the working directory: exit 2, one line naming file, line and key, nothing written', async () => {
    const cwd = workspace('bad-actor-code.yaml');
    const result = await runCli(['news'], { cwd });
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'annotate: annotate.config.yaml:7: actors[1].code: must be a CAMEO actor code such as PAK or PAKGOV, got "pak"\n',
    });
    expect(existsSync(path.join(cwd, 'annotations'))).toBe(false);
  });

  it('a bad config found in a parent directory is named relative to the working directory', async () => {
    const root = workspace('bad-actor-code.yaml');
    const result = await runCli(['one.txt', '--stdout'], { cwd: path.join(root, 'news') });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('annotate: ../annotate.config.yaml:7: actors[1].code: must be a CAMEO actor code such as PAK or PAKGOV, got "pak"\n');
  });

  it('--config names the file to use, in place of the one found upward', async () => {
    const cwd = workspace('bad-actor-code.yaml');
    mkdirSync(path.join(cwd, 'conf'));
    // The vocabulary of the example only: its settings (format, outDir) would move the output this test looks for.
    const example = readFileSync(path.join(fixtures, CONFIG_FILE), 'utf8');
    writeFileSync(path.join(cwd, 'conf', 'vocab.yaml'), example.slice(example.indexOf('actors:')));
    const good = await runCli(['news', '--config', 'conf/vocab.yaml'], { cwd });
    expect(good.exitCode).toBe(0);
    expect(existsSync(path.join(cwd, 'annotations', 'one.yaml'))).toBe(true);

    writeFileSync(path.join(cwd, 'conf', 'typo.yaml'), 'events:\n  - {verb: annex, code: 192}\n');
    const bad = await runCli(['news', '--config', 'conf/typo.yaml', '-o', 'out'], { cwd });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^annotate: conf\/typo\.yaml:2: events\[0\]\.code: must be a quoted string/);
    expect(existsSync(path.join(cwd, 'out'))).toBe(false);
  });

  it('--config with a file that does not exist is a usage error naming it', async () => {
    const cwd = workspace();
    const result = await runCli(['news', '--config', 'missing.yaml'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('error: --config missing.yaml: no such file\n');
    expect(existsSync(path.join(cwd, 'annotations'))).toBe(false);
  });
});
