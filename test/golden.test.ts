// Golden files: the seeds and our own fixtures, annotated and compared byte for byte with test/golden/<name>.yaml.
// Regenerate with UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts, then review the diff by hand.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeText } from '../src/text/decode-text.js';
import { toYaml } from '../src/serialize/serialize.js';
import { assertValidAnnotation, sharedAnnotator } from './helpers.js';

const repo = path.resolve(import.meta.dirname, '..');
const cases = [
  ...readdirSync(path.join(repo, 'seeds')).map((f) => `seeds/${f}`),
  ...readdirSync(path.join(repo, 'fixtures')).map((f) => `fixtures/${f}`),
].filter((f) => statSync(path.join(repo, f)).isFile()).sort();

describe('golden files', () => {
  it.each(cases)('%s', (input) => {
    const bytes = readFileSync(path.join(repo, input));
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new Error(decoded.reason);
    const annotation = sharedAnnotator().annotate(decoded.text, { path: input, bytes });
    assertValidAnnotation(parse(toYaml(annotation)), decoded.text);
    const expectedFile = path.join(repo, 'test', 'golden', path.basename(input).replace(/\.[^.]+$/, '.yaml'));
    const actual = toYaml(annotation);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(expectedFile, actual);
    if (!existsSync(expectedFile)) throw new Error(`no golden file ${expectedFile}: run with UPDATE_GOLDEN=1 and review it`);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });
});
