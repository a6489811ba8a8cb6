// Reads annotate.config.yaml: the settings of a run (inputs, ignore, outDir, format, date) and the vocabulary users
// add on top of the bundled lexicons (actors, event words). parseConfig walks the YAML nodes rather than the plain
// data they convert to, so that every error names the line and the key it is about, then checks the data against the
// published JSON Schema (config-schema.ts), so that the tool never accepts what an editor rejects.
// findConfigFile and loadConfig are the file side.

import { hashVocabulary } from '../lexicon/hash-vocabulary.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar } from 'yaml';
import type { Document, Node } from 'yaml';
import type { ActorType } from '../model/annotation.js';
import type { Role, TriggerEntry, UserActor, UserVocabulary } from '../lexicon/lexicon.js';
import { OUTPUT_FORMATS } from '../serialize/serialize.js';
import type { OutputFormat } from '../serialize/serialize.js';
import { findSchemaProblem } from './check-config-schema.js';
import { ACTOR_CODE, ACTOR_TYPES, EVENT_CODE, ISO_DATE } from './config-schema.js';

export const CONFIG_FILE = 'annotate.config.yaml';

export interface Config {
  /** The file as given (relative to the working directory when found upward); null when there is none. */
  file: string | null;
  /** The absolute directory of the file, which the paths in `settings` are relative to; null when there is none. */
  dir: string | null;
  /** The run's settings as written in the file; a key the file leaves out is absent. */
  settings: ConfigSettings;
  vocabulary: UserVocabulary;
  /** First 12 hex digits of sha256 over the vocabulary, '' when it is empty: what a cache key needs, since comments
   *  and layout of the file do not change the output. The settings stay out of it: they say which files to annotate
   *  and where and how to write them, not what an annotation says. The one that does, `date`, reaches the annotator
   *  the way --date does, as the run's date, which the CLI passes on separately. */
  hash: string;
}

/** Settings of a run that the command line would otherwise give. Paths are kept as written, relative to
 *  `Config.dir` (as eslint and cspell read theirs); the command line resolves them and its own flags win. */
export interface ConfigSettings {
  /** Files, directories or globs to annotate when the command line names none; at least one. */
  inputs?: string[];
  /** Globs of files to leave out of directory walks and glob expansion, such as `drafts/**` or `*.draft.md`. */
  ignore?: string[];
  /** Where annotation files go. */
  outDir?: string;
  /** yaml, json or ndjson. */
  format?: OutputFormat;
  /** YYYY-MM-DD, a day that exists: the anchor for relative dates in articles that give none, as --date. */
  date?: string;
  /** false: rules alone, without the learned models (as --no-model). */
  model?: boolean;
}

export const EMPTY_CONFIG: Config = Object.freeze({
  file: null,
  dir: null,
  settings: Object.freeze({}),
  vocabulary: Object.freeze({ actors: [], events: [] }),
  hash: '',
});

export interface ParseConfigOptions {
  /** The CAMEO codebook's codes: when given, an event code outside it is an error. */
  knownEventCodes?: ReadonlySet<string>;
  /** What a relative `file` is resolved against, for `dir` (default: the process's working directory). */
  cwd?: string;
}

export type LoadConfigOptions = ParseConfigOptions;

/** A config file that cannot be read or says something we do not accept. `line` is 1-based; `key` a path such as
 *  `actors[1].code` (0-based indexes); either is null when the error is about the file as a whole. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly file: string;
  readonly line: number | null;
  readonly key: string | null;
  readonly reason: string;

  constructor(file: string, line: number | null, key: string | null, reason: string, options?: { cause?: unknown }) {
    super(`${file}${line === null ? '' : `:${line}`}: ${key === null ? '' : `${key}: `}${reason}`, options);
    this.file = file;
    this.line = line;
    this.key = key;
    this.reason = reason;
  }
}

/** The first annotate.config.yaml in `startDir` or a parent of it, as an absolute path; null when there is none. */
export function findConfigFile(startDir: string): string | null {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const file = path.join(dir, CONFIG_FILE);
    if (existsSync(file)) return file;
    if (path.dirname(dir) === dir) return null;
  }
}

/** Reads and parses a config file. Errors name `file` as given. */
export function loadConfig(file: string, options: LoadConfigOptions = {}): Config {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path.resolve(options.cwd ?? process.cwd(), file));
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : code;
    throw new ConfigError(file, null, null, `cannot read the file (${reason})`, { cause: error });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (error) {
    throw new ConfigError(file, null, null, 'not valid UTF-8', { cause: error });
  }
  return parseConfig(text, file, options);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses the text of a config file; `file` names it in errors and in the result. Throws a ConfigError at the first
 *  problem (as eslint and cspell do with their configs: one clear message beats a list of knock-on ones). */
export function parseConfig(text: string, file: string, options: ParseConfigOptions = {}): Config {
  const lines = new LineCounter();
  // prettyErrors off: we place the error ourselves, the pretty form adds a multi-line excerpt to the message.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0] ?? doc.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (syntax !== undefined) {
    const at = lines.linePos(syntax.pos[0]);
    throw new ConfigError(file, at.line, null, `invalid YAML at column ${at.col}: ${syntaxReason(syntax, text)}`, { cause: syntax });
  }
  const walk: Walk = { file, doc, lines, knownEventCodes: options.knownEventCodes };
  const { actors = [], events = [], ...settings } = readSettings(doc.contents, walk);
  // The walk has said all it can say better; whatever it let through that the published schema forbids stops here.
  const problem = findSchemaProblem(doc);
  if (problem !== null) fail(walk, problem.node, problem.key, problem.reason);
  const vocabulary: UserVocabulary = { actors, events };
  const dir = path.dirname(path.resolve(options.cwd ?? process.cwd(), file));
  return { file, dir, settings, vocabulary, hash: hashVocabulary(vocabulary) };
}

/** yaml's wording, except where it names its own API or leaves out what to do about the file. */
function syntaxReason(error: { code: string; message: string; pos: [number, number] }, text: string): string {
  if (error.code === 'MULTIPLE_DOCS') return 'a second document (after ---): the config is one document';
  // An unquoted value that starts with ! is read as a tag: a gitignore-style "!keep.md" is the usual way in.
  if (error.code === 'TAG_RESOLVE_FAILED') return `unknown tag ${text.slice(...error.pos)} (to write a value that starts with !, quote it)`;
  return error.message;
}

// ---------------------------------------------------------------------------------------------------------------
// the top level: one reader per key. A new setting is one entry in SETTINGS (and its field in ConfigSettings, and
// its property in configSchema).

type Settings = Required<ConfigSettings> & UserVocabulary;

type Reader<T> = (value: Node, key: string, walk: Walk) => T;

const SETTINGS: { [K in keyof Settings]: Reader<Settings[K]> } = {
  inputs: readInputs,
  ignore: (value, key, walk) => readPathList(value, key, walk, 'globs'),
  outDir: readPath,
  format: readFormat,
  date: readDate,
  model: readBoolean,
  actors: readActors,
  events: (value, key, walk) => readList(value, key, walk, 'events', (item, at) => readEvent(item, at, walk)),
};

const SETTING_KEYS = Object.keys(SETTINGS) as (keyof Settings)[];

/** Keys people reach for from other tools or from the command line's flags, and the one we call it. */
const SETTING_SYNONYMS: ReadonlyMap<string, keyof Settings> = new Map([
  ['output', 'outDir'],
  ['outputdir', 'outDir'],
  ['out', 'outDir'],
  ['exclude', 'ignore'],
  ['excludes', 'ignore'],
  ['include', 'inputs'],
  ['files', 'inputs'],
]);

function readSettings(contents: Node | null, walk: Walk): Partial<Settings> {
  const settings: Partial<Settings> = {};
  if (contents === null || (isScalar(contents) && contents.value === null)) return settings;
  const fields = readMapping(contents, null, SETTING_KEYS, walk, SETTING_SYNONYMS);
  // In file order, so the error reported is the first one in the file.
  for (const [key, field] of fields) read(key as keyof Settings, field.value);
  return settings;

  function read<K extends keyof Settings>(key: K, value: Node): void {
    settings[key] = SETTINGS[key](value, key, walk);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// settings of the run

function readInputs(value: Node, key: string, walk: Walk): string[] {
  // An empty list would leave the run nothing to do: the key is better left out.
  if (isNull(value) || (isSeq(value) && value.items.length === 0)) {
    fail(walk, value, key, 'must list at least one file, directory or glob (leave "inputs" out to name them on the command line)');
  }
  return readPathList(value, key, walk, 'files, directories or globs');
}

function readPathList(value: Node, key: string, walk: Walk, what: string): string[] {
  if (isScalar(value) && typeof value.value === 'string') {
    fail(walk, value, key, `must be a list of ${what}, got ${show(value)} (for one, write [${JSON.stringify(value.value)}])`);
  }
  return readList(value, key, walk, what, (item, at) => readPath(item, at, walk));
}

/** A path or glob, kept as written: spaces are part of a file name. */
function readPath(node: Node, at: string, walk: Walk): string {
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'string') {
    if (!NOT_BLANK.test(value)) fail(walk, node, at, `must be a non-empty string, got ${show(node)}`);
    return value;
  }
  // outDir: 2024 is a number to YAML, but may well be the directory meant.
  const hint = isScalar(node) && !isNull(node) ? ` (quote it, "${show(node)}", if that is the path)` : '';
  fail(walk, node, at, `must be a string, got ${show(node)}${hint}`);
}

function readFormat(node: Node, at: string, walk: Walk): OutputFormat {
  const value = isScalar(node) ? node.value : undefined;
  const known = OUTPUT_FORMATS.find((format) => format === value);
  if (known === undefined) fail(walk, node, at, `must be one of ${OUTPUT_FORMATS.join(', ')}, got ${show(node)}`);
  return known;
}

function readBoolean(node: Node, at: string, walk: Walk): boolean {
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value !== 'boolean') fail(walk, node, at, `must be true or false, got ${show(node)}`);
  return value;
}

/** YYYY-MM-DD of a day that exists. YAML 1.2 (yaml's default) reads 2024-05-02 as a string, quoted or not. */
function readDate(node: Node, at: string, walk: Walk): string {
  const value = isScalar(node) ? node.value : undefined;
  if (value instanceof Date) {
    // Only under a %YAML 1.1 directive, whose timestamps lose the text as written.
    fail(walk, node, at, `must be a string: YAML 1.1 reads ${show(node)} as a timestamp; quote it, "${show(node)}"`);
  }
  if (typeof value !== 'string' || !DATE_SHAPE.test(value)) fail(walk, node, at, `must be a date written YYYY-MM-DD such as 2024-05-02, got ${show(node)}`);
  if (!DAY.test(value)) fail(walk, node, at, `${value} is not a real date: ${whyNotADay(value)}`);
  return value;
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
// The schema's own pattern decides, so the tool and an editor accept the same days; whyNotADay only explains.
const DAY = new RegExp(ISO_DATE, 'u');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function whyNotADay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const name = MONTHS[month - 1];
  if (name === undefined) return `there is no month ${date.slice(5, 7)}`;
  if (day === 0) return 'there is no day 00';
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month === 2 ? `February ${date.slice(0, 4)} has ${days} days` : `${name} has ${days} days`;
}

// ---------------------------------------------------------------------------------------------------------------
// entries

// The patterns of the schema, compiled as ajv compiles them.
const ACTOR_CODE_RE = new RegExp(ACTOR_CODE, 'u');
const EVENT_CODE_RE = new RegExp(EVENT_CODE, 'u');
const NOT_BLANK = /\S/u;
/** A verb counts only with one of its object nouns, a noun only after one of its words: neither fits the other. */
const NARROWED_BY = { verb: 'object', noun: 'after' } as const;

function readActors(value: Node, key: string, walk: Walk): UserActor[] {
  // Two entries for one name would leave the annotator to pick one silently; "ARNOR" is no other actor than "Arnor".
  const seen = new Map<string, string>();
  return readList(value, key, walk, 'actors', (item, at) => readActor(item, at, walk, seen));
}

function readActor(node: Node, at: string, walk: Walk, seen: Map<string, string>): UserActor {
  const fields = readMapping(node, at, ['name', 'aliases', 'code', 'type', 'roles'], walk);
  const nameField = fields.get('name');
  if (nameField === undefined) fail(walk, node, at, 'missing "name"');
  const name = readText(nameField.value, `${at}.name`, walk);
  const first = seen.get(name.toLowerCase());
  if (first !== undefined) fail(walk, nameField.value, `${at}.name`, `duplicate actor "${name}" (${first} has the same name)`);
  seen.set(name.toLowerCase(), at);
  const aliases = readTextList(fields.get('aliases')?.value, `${at}.aliases`, walk, readText);

  const codeNode = fields.get('code')?.value;
  let code: string | null = null;
  if (codeNode !== undefined && !isNull(codeNode)) {
    const value = isScalar(codeNode) ? codeNode.value : undefined;
    if (typeof value !== 'string' || !ACTOR_CODE_RE.test(value)) {
      fail(walk, codeNode, `${at}.code`, `must be a CAMEO actor code such as PAK or PAKGOV, got ${show(codeNode)}`);
    }
    code = value;
  }

  const typeNode = fields.get('type')?.value;
  // A bare three-letter code is a country's (ISO alpha-3); a longer one is a sector or an organization.
  let type: ActorType = code !== null && code.length === 3 ? 'country' : 'organization';
  if (typeNode !== undefined && !isNull(typeNode)) {
    const value = isScalar(typeNode) ? typeNode.value : undefined;
    const known = ACTOR_TYPES.find((t) => t === value);
    if (known === undefined) fail(walk, typeNode, `${at}.type`, `must be one of ${ACTOR_TYPES.join(', ')}, got ${show(typeNode)}`);
    type = known;
  }
  const rolesNode = fields.get('roles')?.value;
  const roles = rolesNode === undefined ? [] : readList(rolesNode, `${at}.roles`, walk, 'roles', (item, itemAt) => readRole(item, itemAt, walk));
  return roles.length > 0 ? { name, aliases, code, type, roles } : { name, aliases, code, type };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A dated role: `{code: FRAGOV, from: 2017-05-14, to: null}`; an absent or null end is open. */
function readRole(node: Node, at: string, walk: Walk): Role {
  const fields = readMapping(node, at, ['code', 'from', 'to'], walk);
  const codeField = fields.get('code');
  if (codeField === undefined) fail(walk, node, at, 'missing "code" (the CAMEO actor code of the role, such as FRAGOV)');
  const code = isScalar(codeField.value) ? codeField.value.value : undefined;
  if (typeof code !== 'string' || !ACTOR_CODE_RE.test(code)) fail(walk, codeField.value, `${at}.code`, `must be a CAMEO actor code such as PAK or PAKGOV, got ${show(codeField.value)}`);
  const day = (key: 'from' | 'to'): string | null => {
    const field = fields.get(key);
    if (field === undefined || isNull(field.value)) return null;
    const value = isScalar(field.value) ? field.value.value : undefined;
    const text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : '';
    if (!ISO_DAY.test(text) || Number.isNaN(Date.parse(text))) fail(walk, field.value, `${at}.${key}`, `must be a date written YYYY-MM-DD, or null for an open end, got ${show(field.value)}`);
    return text;
  };
  const from = day('from');
  const to = day('to');
  if (from !== null && to !== null && to < from) fail(walk, node, at, `ends (${to}) before it starts (${from})`);
  return { code, from, to };
}

function readEvent(node: Node, at: string, walk: Walk): TriggerEntry {
  const fields = readMapping(node, at, ['verb', 'noun', 'code', 'object', 'after'], walk);
  const verb = fields.get('verb');
  const noun = fields.get('noun');
  if (verb !== undefined && noun !== undefined) fail(walk, noun.key, at, 'give either "verb" or "noun", not both');
  const kind = verb !== undefined ? 'verb' : 'noun';
  const trigger = verb ?? noun;
  if (trigger === undefined) fail(walk, node, at, 'missing "verb" or "noun" (the word that reports the event)');
  const other = kind === 'verb' ? 'noun' : 'verb';
  const wrong = fields.get(NARROWED_BY[other]);
  if (wrong !== undefined) {
    fail(walk, wrong.key, `${at}.${NARROWED_BY[other]}`, `only a ${other} takes "${NARROWED_BY[other]}" (a ${kind} takes "${NARROWED_BY[kind]}")`);
  }
  const codeField = fields.get('code');
  if (codeField === undefined) fail(walk, node, at, 'missing "code" (the CAMEO event code, quoted, such as "042")');
  return {
    code: readEventCode(codeField.value, `${at}.code`, walk),
    kind,
    words: readWords(trigger.value, `${at}.${kind}`, walk),
    object: kind === 'verb' ? readTextList(fields.get('object')?.value, `${at}.object`, walk, readWords) : [],
    after: kind === 'noun' ? readTextList(fields.get('after')?.value, `${at}.after`, walk, readWords) : [],
  };
}

function readEventCode(node: Node, at: string, walk: Walk): string {
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'number' && isScalar(node)) {
    const written = node.source ?? String(value);
    fail(walk, node, at, `must be a quoted string such as "${written}": unquoted, YAML reads it as a number (and 042 as 42)`);
  }
  if (typeof value !== 'string' || !EVENT_CODE_RE.test(value)) {
    fail(walk, node, at, `must be a CAMEO event code of 2 to 4 digits such as "04" or "042", got ${show(node)}`);
  }
  if (walk.knownEventCodes !== undefined && !walk.knownEventCodes.has(value)) {
    fail(walk, node, at, `"${value}" is not a CAMEO code in lexicons/cameo.yaml`);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// small shape checks, each failing with the node's line and the key path

/** Where the walk is, for errors: the file, its line table, and the document (to resolve aliases). */
interface Walk {
  file: string;
  doc: Document;
  lines: LineCounter;
  knownEventCodes: ReadonlySet<string> | undefined;
}

interface Field {
  /** The key as written, for errors about the key itself. */
  key: Node;
  value: Node;
}

function fail(walk: Walk, node: Node, key: string | null, reason: string): never {
  const offset = node.range?.[0];
  throw new ConfigError(walk.file, offset === undefined ? null : walk.lines.linePos(offset).line, key, reason);
}

/** The node an alias (*name) stands for, or the node itself. A missing node (`? key` with no value) becomes a null
 *  placed at `near`, so every reader gets a node with a line. */
function resolve(node: unknown, near: Node, at: string | null, walk: Walk): Node {
  if (isAlias(node)) {
    // An unquoted glob such as **/*.md is an alias to YAML, of an anchor that is nowhere.
    return node.resolve(walk.doc) ?? fail(walk, node, at, `unknown alias *${node.source} (to write a value that starts with *, quote it: "*${node.source}")`);
  }
  if (isScalar(node) || isMap(node) || isSeq(node)) return node;
  const missing = new Scalar(null);
  missing.range = near.range ?? null;
  return missing;
}

function isNull(node: Node): boolean {
  return isScalar(node) && node.value === null;
}

/** The entries of a mapping by key, in file order; a key outside `known` is an error with the closest known key, or
 *  the one a synonym stands for. */
function readMapping(node: Node, at: string | null, known: readonly string[], walk: Walk, synonyms: ReadonlyMap<string, string> = new Map()): Map<string, Field> {
  if (!isMap(node)) {
    const what = at === null ? 'the top level must be' : 'must be';
    fail(walk, node, at, `${what} a mapping with keys ${known.join(', ')}, got ${show(node)}`);
  }
  const fields = new Map<string, Field>();
  for (const pair of node.items) {
    const key = resolve(pair.key, node, at, walk);
    const name = isScalar(key) && !isNull(key) ? String(key.value) : null;
    if (name === null || !known.includes(name)) {
      const near = name === null ? undefined : (synonyms.get(name.toLowerCase()) ?? closest(name, known));
      const hint = near === undefined ? `known keys: ${known.join(', ')}` : `did you mean "${near}"?`;
      fail(walk, key, at, `unknown key ${name === null ? show(key) : `"${name}"`} (${hint})`);
    }
    fields.set(name, { key, value: resolve(pair.value, key, at === null ? name : `${at}.${name}`, walk) });
  }
  return fields;
}

/** A list, each item read by `readItem`; absent or empty (`actors:`) is an empty list. */
function readList<T>(node: Node, at: string, walk: Walk, what: string, readItem: (item: Node, at: string) => T): T[] {
  if (isNull(node)) return [];
  if (!isSeq(node)) fail(walk, node, at, `must be a list of ${what}, got ${show(node)}`);
  return node.items.map((item, index) => readItem(resolve(item, node, `${at}[${index}]`, walk), `${at}[${index}]`));
}

function readTextList(node: Node | undefined, at: string, walk: Walk, readItem: (node: Node, at: string, walk: Walk) => string): string[] {
  if (node === undefined) return [];
  return readList(node, at, walk, 'strings', (item, itemAt) => readItem(item, itemAt, walk));
}

/** A non-empty string, its whitespace collapsed (a name that spans lines in YAML is still one name). */
function readText(node: Node, at: string, walk: Walk): string {
  const value = isScalar(node) ? node.value : undefined;
  const text = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
  if (text === '') fail(walk, node, at, `must be a non-empty string, got ${show(node)}`);
  return text;
}

/** Trigger words match the lower-cased normal form of the text, so they are stored that way. */
function readWords(node: Node, at: string, walk: Walk): string {
  return readText(node, at, walk).toLowerCase();
}

/** What a node holds, for "got …": strings quoted, other scalars as written. */
function show(node: Node): string {
  if (isNull(node)) return 'nothing';
  if (isScalar(node)) return typeof node.value === 'string' ? JSON.stringify(node.value) : (node.source ?? String(node.value));
  return isSeq(node) ? 'a list' : 'a mapping';
}

/** The known key a typo most likely meant: within two edits, and fewer edits than half its length. Case, - and _
 *  do not count, so outdir, out-dir and out_dir (as the flag is spelled) all find outDir. */
function closest(key: string, known: readonly string[]): string | undefined {
  const plain = (name: string) => name.toLowerCase().replace(/[-_]/g, '');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(plain(key), plain(candidate));
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= 2 && bestDistance * 2 < key.length ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

// ---------------------------------------------------------------------------------------------------------------
