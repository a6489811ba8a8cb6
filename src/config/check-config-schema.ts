// Checks a parsed config file against configSchema with ajv, as an editor does, and places the first problem in the
// file: the node it is about (for the line), the key in our syntax (`actors[1].code`) and a reason in words.
// load-config.ts runs it after its own walk, whose messages say more; this pass makes sure nothing the published
// schema forbids gets through, should the walk and the schema ever drift apart.
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import { configSchema } from './config-schema.js';

export interface SchemaProblem {
  /** Where the problem is: the value, or the key when the key itself is not allowed. */
  node: Node;
  /** `actors[1].code`, or null for the file as a whole. */
  key: string | null;
  reason: string;
}

// Compiled on the first config read, once per process: a run without a config file never pays for it.
let validate: ValidateFunction | undefined;

function compiledSchema(): ValidateFunction {
  // verbose: errors carry the data and the schema they are about, for the reason.
  // Required here, not imported at the top: ajv costs 40 ms to load, and most runs have no config file.
  const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  validate ??= new Ajv2020({ allErrors: true, strict: true, verbose: true }).compile(configSchema);
  return validate;
}

/** The first problem in file order that configSchema finds in `doc`, or null when the schema accepts it. Run it
 *  on a document the walk of load-config.ts has read: the walk rejects aliases nested deeper than the schema allows,
 *  so expanding them costs no more than the walk did, and the alias limit of toJS (which refuses a list shared by
 *  more than 100 entries, a plain use of anchors in a vocabulary) can be lifted. */
export function findSchemaProblem(doc: Document): SchemaProblem | null {
  const check = compiledSchema();
  if (check(doc.toJS({ maxAliasCount: -1 }))) return null;
  const errors = check.errors ?? [];
  // An anyOf or if/then that failed says less than the errors inside it that say why ("missing "verb""): drop it
  // when they are there. Then the first in file order.
  const explained = (error: ErrorObject) =>
    COMBINATORS.has(error.keyword) &&
    errors.some((other) => !COMBINATORS.has(other.keyword) && (other.instancePath + '/').startsWith(error.instancePath + '/'));
  const problems = errors.filter((error) => !explained(error)).map((error) => locate(error, doc));
  problems.sort((a, b) => offsetOf(a.node) - offsetOf(b.node));
  return problems[0] ?? null;
}

const COMBINATORS = new Set(['oneOf', 'anyOf', 'allOf', 'if']);

function offsetOf(node: Node): number {
  return node.range?.[0] ?? Number.MAX_SAFE_INTEGER;
}

/** Follows the error's instancePath (`/actors/1/code`) through the YAML nodes. */
function locate(error: ErrorObject, doc: Document): SchemaProblem {
  const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = doc.contents as Node;
  let keyNode: Node | null = null;
  let key: string | null = null;
  for (const segment of segments) {
    const next = step(node, segment, doc);
    if (next === null) break;
    [node, keyNode] = [next.value ?? next.key ?? node, next.key];
    key = isSeq(next.parent) ? `${key ?? ''}[${segment}]` : key === null ? segment : `${key}.${segment}`;
  }
  if (error.keyword === 'additionalProperties') {
    const name = String(error.params.additionalProperty);
    return { node: step(node, name, doc)?.key ?? node, key, reason: `unknown key "${name}"` };
  }
  // A `false` schema: the key is there, and may not be.
  if (error.keyword === 'false schema') return { node: keyNode ?? node, key, reason: 'not allowed in this entry' };
  const reason = reasonOf(error);
  return { node, key, reason: key === null ? `the top level ${reason}` : reason };
}

function step(node: Node, segment: string, doc: Document): { parent: Node; key: Node | null; value: Node | null } | null {
  if (isSeq(node)) {
    const item = node.items[Number(segment)];
    return item === undefined ? null : { parent: node, key: null, value: resolve(item, doc) };
  }
  if (isMap(node)) {
    const pair = node.items.find((p) => {
      const k = resolve(p.key, doc);
      return isScalar(k) && String(k.value) === segment;
    });
    return pair === undefined ? null : { parent: node, key: resolve(pair.key, doc), value: resolve(pair.value, doc) };
  }
  return null;
}

function resolve(node: unknown, doc: Document): Node | null {
  if (isAlias(node)) return node.resolve(doc) ?? null;
  return isScalar(node) || isMap(node) || isSeq(node) ? node : null;
}

const TYPE_WORDS: Record<string, string> = { array: 'a list', object: 'a mapping', string: 'a string', null: 'empty', number: 'a number', integer: 'a whole number', boolean: 'true or false' };

function reasonOf(error: ErrorObject): string {
  const got = `got ${show(error.data)}`;
  switch (error.keyword) {
    case 'required':
      return `missing "${String(error.params.missingProperty)}"`;
    case 'type': {
      const types = ([] as string[]).concat(error.params.type as string | string[]);
      return `must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}, ${got}`;
    }
    case 'enum':
      return `must be one of ${(error.params.allowedValues as unknown[]).filter((v) => v !== null).join(', ')}, ${got}`;
    case 'minItems': {
      const limit = Number(error.params.limit);
      return `must have at least ${limit} ${limit === 1 ? 'entry' : 'entries'}`;
    }
  }
  // pattern, oneOf and the rest: what the schema says the value is for says best what it should be.
  const description: unknown = error.parentSchema?.description;
  if (typeof description !== 'string') return `${error.message ?? 'invalid'}, ${got}`;
  const scalar = error.data === null || typeof error.data !== 'object';
  return scalar ? `${show(error.data)} does not fit: ${description}` : `does not fit: ${description}`;
}

/** A value of the data, for "got …": strings quoted, lists and mappings by kind. */
function show(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  // A YAML 1.1 timestamp (2024-05-02 under %YAML 1.1).
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : String(value);
}
