// The direct YAML writer must give the library's bytes, or step aside: a user's committed annotation files would
// otherwise all turn stale for `annotate --check` the day the writer changed.
import { describe, expect, it } from 'vitest';
import { fastYaml } from './fast-yaml.js';
import { libraryYaml } from './serialize.js';
import { seededRandom } from '../learn/perceptron.js';

/** Pieces that decide how YAML quotes a string: indicators, quotes, colons and hashes, words YAML reads as other types. */
const PIECES = [
  'a', 'Pakistan', ' ', '  ', ':', ': ', ' #', '#', '-', '- ', '?', '? ', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>',
  "'", '"', '%', '@', '`', '\t', 'true', 'False', 'null', '~', 'NULL', '1', '-2', '3.5', '1e3', '0x1F', '0o7', '.inf', '-.Inf',
  '.nan', 'é', '’', '“', 'Ω', '🙂', '---', '...', '\n', '\r', '\u0085', '\u00a0', '\u2028', 'yes', 'no', 'on', '2024-05-02',
];

function randomString(random: () => number): string {
  const n = Math.floor(random() * 4);
  let s = '';
  for (let k = 0; k < n; k++) s += PIECES[Math.floor(random() * PIECES.length)];
  return s;
}

function randomAnnotation(random: () => number): object {
  const text = (): string => randomString(random);
  const span = (): object => ({ text: text(), start: Math.floor(random() * 100), end: Math.floor(random() * 100) });
  return {
    schemaVersion: 1,
    source: { path: text(), sha256: 'ab', characters: 3, title: random() < 0.5 ? null : text(), date: random() < 0.5 ? null : text() },
    annotator: { name: 'annotate', version: text(), lexicon: text() },
    actors: [{ id: text(), name: text(), type: 'person', code: random() < 0.5 ? null : text(), mentions: [{ ...span(), sentence: 0, via: 'name' }] }],
    places: [],
    events: [{ id: 'e1', trigger: span(), code: '042', goldstein: random() < 0.5 ? -10 : 1.9, source: [text(), text()], target: [], place: null }],
    stances: [{ id: 's1', holder: { actor: text(), ...span() }, target: { actor: null, event: null, ...span() }, polarity: 'support' }],
    claims: [{ id: 'c1', source: null, cue: span(), content: span(), continues: random() < 0.5 ? [] : [span()], hedges: random() < 0.5 ? [] : [text()] }],
  };
}

describe('fastYaml', () => {
  it('writes the bytes the yaml library writes, or leaves the document to it', () => {
    const random = seededRandom(11);
    let ours = 0;
    for (let k = 0; k < 3000; k++) {
      const doc = randomAnnotation(random);
      const fast = fastYaml(doc);
      if (fast === null) continue;
      ours++;
      expect(fast).toBe(libraryYaml(doc));
    }
    // Enough documents written directly to have compared thousands of strings (those with a line break, a control
    // character or a leading document marker go to the library).
    expect(ours).toBeGreaterThan(300);
  });

  it('leaves strings of several lines to the library, whose block scalars depend on the indentation', () => {
    expect(fastYaml({ claims: [{ content: { text: 'one\ntwo', start: 0, end: 7 } }] })).toBeNull();
  });
});
