// The learned names layer: training is deterministic to the byte, the tagger reads gold spans onto compromise's
// tokens, and the shipped model decides what rules only guess (and says so in explain). Every text here is written
// for these tests; no gold or corpus text is copied.
import { describe, expect, it } from 'vitest';
import { namesTrainer } from '../../train/train-names.js';
import { modelBytes } from '../../train/run-train.js';
import { createAnnotator } from '../../annotate-text.js';
import { hashFeature } from '../linear-model.js';
import type { ModelFile } from '../linear-model.js';
import { loadModelsSync } from '../models.js';
import { goldLabels, NAME_LABELS, sentenceFacts, shape, tagSentence, tagSentenceByHashes, tokenFeatures, tokenHashes } from './name-tagger.js';
import { evidenceOf, tagInputs, toRuleSpans } from './tag-names.js';
import { createParser } from '../../nlp/create-nlp.js';
import type { Token } from '../../nlp/create-nlp.js';
import { loadLexiconsSync } from '../../lexicon/load-lexicons.js';
import { indexLexicon } from '../../lexicon/index-lexicon.js';
import { findNames } from '../../extract/find-names.js';
import { classifyNames } from '../../extract/classify-names.js';

/** A few records in the shape of the CoNLL-2003 split: text, sentences, entities with UTF-16 offsets. */
function record(text: string, names: [string, string][]): Record<string, unknown> {
  const entities = names.map(([name, type]) => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, text: name, type };
  });
  return { text, sentences: [[0, text.length]], entities };
}

const SLICE = [
  record('Maria Olsen of Nordvik Shipping said on Tuesday that the Oslo office would close.', [['Maria Olsen', 'PER'], ['Nordvik Shipping', 'ORG'], ['Oslo', 'LOC']]),
  record('Olsen told the Baltic Traders Union in Riga that Danish exports fell.', [['Olsen', 'PER'], ['Baltic Traders Union', 'ORG'], ['Riga', 'LOC'], ['Danish', 'MISC']]),
  record('Kestrel Rovers beat Harbury Town 2-1 in the Westmark Cup final.', [['Kestrel Rovers', 'ORG'], ['Harbury Town', 'ORG'], ['Westmark Cup', 'MISC']]),
];

async function train(seed: number): Promise<string> {
  const file = await namesTrainer.train(SLICE, { seed, log: () => {} });
  const trainedOn = { set: namesTrainer.set, file: 'hand-made', sha256: '0'.repeat(64), documents: SLICE.length, terms: namesTrainer.terms };
  return modelBytes({ ...file, trainedOn } as ModelFile);
}

describe('names: training', () => {
  it('gives the same bytes twice from the same records and seed, and other bytes from another seed', async () => {
    const a = await train(1);
    const b = await train(1);
    expect(a).toBe(b);
    expect(await train(2)).not.toBe(a);
    const file = JSON.parse(a) as ModelFile;
    expect(file.labels).toEqual([...NAME_LABELS]);
    expect(file.notes).toMatchObject({ goldNamesOnTokenEdges: 10, goldNamesNotOnTokenEdges: 0 });
  }, 60_000);
});

describe('names: the tagger', () => {
  const token = (text: string, start: number, post = ' '): Token => ({ text, normal: text.toLowerCase(), pre: '', post, tags: new Set(), start, end: start + text.length, sentence: 0, index: 0 });

  it('puts gold spans on tokens as B/I labels, a possessive outside the name, and counts spans off token edges', () => {
    // "Anna Berg's firm in Lund"
    const tokens = [token('Anna', 0), token("Berg's", 5), token('firm', 12), token('in', 17), token('Lund', 20, '')];
    const labels = goldLabels(tokens, [{ start: 0, end: 9, type: 'PER' }, { start: 20, end: 24, type: 'LOC' }, { start: 21, end: 24, type: 'LOC' }]);
    expect(labels.labels.map((l) => NAME_LABELS[l])).toEqual(['B-PER', 'I-PER', 'O', 'O', 'B-LOC']);
    expect(labels.aligned).toBe(2);
    expect(labels.misaligned).toBe(1);
  });

  it('reads words by their shape', () => {
    expect(shape('U.S.')).toBe('X.X.');
    expect(shape('McCain')).toBe('XxXx');
    expect(shape('1996-08-30')).toBe('d-d-d');
  });
});

describe('names: features hashed from their parts', () => {
  const lexicon = loadLexiconsSync();
  const index = indexLexicon(lexicon);
  const parse = createParser(lexicon);
  const model = loadModelsSync().get('names')!;
  const TEXTS = [
    'HALVERTON ROVERS SIGN NEW STRIKER\nHalverton Rovers signed Tomás Øberg from Kestrel Town on Monday; the kestrel is a bird.',
    "Maria Olsen's firm, Nordvik Shipping (Oslo), told the U.S. Senate that Pakistan's exports to Riga fell 3.5% in 2024.",
    'Dr. Jean-Luc McCain said: "The Baltic Traders Union will meet in Tallinn." The union said Baltic trade grew.',
  ];

  it('gives every token, after every label, the hashes of its feature strings, and the same spans as the strings do', () => {
    let decided = 0;
    for (const text of TEXTS) {
      const parsed = parse(text, 0);
      for (const sports of [false, true]) {
        const rules = toRuleSpans(classifyNames(findNames(parsed, text, index), { index, sports, date: null }));
        const article = evidenceOf(parsed, sports);
        for (const input of tagInputs(parsed, rules)) {
          const facts = sentenceFacts(input.tokens);
          const out = new Uint32Array(96);
          for (let i = 0; i < input.tokens.length; i++) {
            for (let p = 0; p < NAME_LABELS.length; p++) {
              const n = tokenHashes(input, facts, i, p, index, article, out);
              const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
              expect(sorted([...out.subarray(0, n)])).toEqual(sorted(tokenFeatures(input, facts, i, p, index, article).map(hashFeature)));
            }
          }
          const strings = tagSentence(input, model, index, article);
          const hashed = tagSentenceByHashes(input, facts, model, index, article);
          const plain = (spans: typeof strings) => spans.map((s) => ({ ...s, features: s.features() }));
          expect(plain(hashed)).toEqual(plain(strings));
          decided += strings.length;
        }
      }
    }
    expect(decided).toBeGreaterThan(10);
  });
});

describe('names: the shipped model in the annotation', () => {
  const annotator = createAnnotator();
  const actor = (text: string, name: string) => annotator.annotate(text).actors.find((a) => a.name === name);

  it('makes no actor of a product, an award or a competition', () => {
    const doc = annotator.annotate('She watched it on TV, copied it to a PC and won an Oscar before the Six Nations began.');
    expect(doc.actors.map((a) => a.name)).toEqual([]);
  });

  it('types a club the rules took for a person as an organization, and explain names the model', () => {
    const text = 'Halverton beat Arsenal 2-1 on Saturday, and the Halverton striker scored twice.';
    expect(actor(text, 'Arsenal')?.type).toBe('organization');
    const explained = annotator.explain(text).actors.find((a) => a.name === 'Arsenal');
    const entries = explained?.mentions.flatMap((m) => m.entries) ?? [];
    expect(entries.some((e) => e.from === 'model' && e.file === 'models/names.json' && /^B-ORG by /.test(e.key))).toBe(true);
  });

  it('keeps what the lexicon knows: a country acting stays a country', () => {
    expect(actor('Pakistan condemned the strikes on Monday.', 'Pakistan')?.type).toBe('country');
  });
});
